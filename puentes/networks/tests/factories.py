"""factory_boy factories for networks, themes and calls."""

import datetime

import factory
from factory.django import DjangoModelFactory

from puentes.networks.models import Call, Network, ReportingPeriod, Theme


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = Network
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"network-{n}")
    names = factory.LazyAttribute(
        lambda o: {"sv": f"Nätverk {o.slug}", "es": f"Red {o.slug}", "en": f"Network {o.slug}"}
    )
    descriptions = factory.LazyAttribute(lambda o: {"en": f"What {o.slug} does."})
    start_date = datetime.date(2024, 1, 1)
    end_date = datetime.date(2026, 12, 31)
    contact_email = factory.LazyAttribute(lambda o: f"{o.slug}@example.org")


class ThemeFactory(DjangoModelFactory):
    class Meta:
        model = Theme

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"theme-{n}")
    kind = Theme.Kind.THEME
    names = factory.LazyAttribute(lambda o: {"sv": o.slug, "es": o.slug, "en": o.slug})
    position = factory.Sequence(lambda n: n)


class CallFactory(DjangoModelFactory):
    class Meta:
        model = Call

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    titles = factory.LazyAttribute(
        lambda o: {"sv": f"Utlysning {o.slug}", "es": f"Convocatoria {o.slug}", "en": o.slug}
    )
    open_date = datetime.date(2024, 1, 15)
    close_date = datetime.date(2024, 3, 31)
    rule_year = 2024


class ReportingPeriodFactory(DjangoModelFactory):
    """A calendar year of the call's work, due at the end of the next January."""

    class Meta:
        model = ReportingPeriod

    call = factory.SubFactory(CallFactory)
    start_date = factory.Sequence(lambda n: datetime.date(2024 + n % 50, 1, 1))
    end_date = factory.LazyAttribute(lambda o: datetime.date(o.start_date.year, 12, 31))
    due_date = factory.LazyAttribute(lambda o: datetime.date(o.start_date.year + 1, 1, 31))
