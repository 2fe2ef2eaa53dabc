"""factory_boy factories for workshops, their agenda and registrations.

A workshop is in Bogotá by default, open for registration from 2024-01-01 to 2024-03-01 and
held on 2024-03-12–14 (America/Bogota); tests pass `now` inside or outside that window.
Registrations are written directly; tests of registering go through the services.
"""

import datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import PersonFactory, reference_country
from puentes.workshops.models import AgendaSession, Registration, Workshop

BOGOTA = ZoneInfo("America/Bogota")
OPEN_NOW = datetime.datetime(2024, 2, 1, 12, 0, tzinfo=datetime.UTC)


def at(year, month, day, hour=0, minute=0, zone=BOGOTA):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


class WorkshopFactory(DjangoModelFactory):
    class Meta:
        model = Workshop

    call = factory.SubFactory(CallFactory)
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    titles = factory.LazyAttribute(
        lambda o: {"sv": f"Workshop {o.slug}", "es": f"Taller {o.slug}", "en": o.slug}
    )
    city = "Bogotá"
    country = factory.LazyFunction(lambda: reference_country("CO"))
    time_zone = "America/Bogota"
    start_at = at(2024, 3, 12, 9)
    end_at = at(2024, 3, 14, 17)
    capacity = 20
    registration_opens_at = at(2024, 1, 1)
    registration_closes_at = at(2024, 3, 1)
    state = Workshop.State.OPEN


class AgendaSessionFactory(DjangoModelFactory):
    class Meta:
        model = AgendaSession

    workshop = factory.SubFactory(WorkshopFactory)
    titles = factory.LazyFunction(lambda: {"sv": "Välkommen", "es": "Bienvenida"})
    start_at = factory.LazyAttribute(lambda o: o.workshop.start_at)
    end_at = factory.LazyAttribute(lambda o: o.workshop.start_at + datetime.timedelta(hours=1))
    language = "es"


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    workshop = factory.SubFactory(WorkshopFactory)
    person = factory.SubFactory(PersonFactory)
    status = Registration.Status.REGISTERED
    registered_at = factory.Sequence(lambda n: OPEN_NOW + datetime.timedelta(minutes=n))
    status_changed_at = factory.LazyAttribute(lambda o: o.registered_at)
