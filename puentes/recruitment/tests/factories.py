"""factory_boy factories for privacy notices, seeking profiles and expressions of interest.

Organisations are real: a seeking profile's is Guatemalan by default, an interest's Swedish
(see puentes.people.tests.factories.OrganisationFactory). Rows are written directly, in the
status asked for; tests of the workflow move them on through the services.
"""

import datetime

import factory
from factory.django import DjangoModelFactory

from puentes.networks.tests.factories import CallFactory, ThemeFactory
from puentes.people.models import Consent, Person, PrivacyNotice
from puentes.people.tests.factories import OrganisationFactory, PersonFactory
from puentes.recruitment.models import Interest, InterestContact, SeekingProfile

PUBLISHED_AT = datetime.datetime(2023, 8, 15, 8, 0, tzinfo=datetime.UTC)


class PrivacyNoticeFactory(DjangoModelFactory):
    class Meta:
        model = PrivacyNotice

    version = factory.Sequence(lambda n: f"{n + 1}")
    texts = factory.LazyAttribute(
        lambda o: {
            "sv": f"Integritetsmeddelande, version {o.version}.",
            "es": f"Aviso de privacidad, versión {o.version}.",
            "en": f"Privacy notice, version {o.version}.",
        }
    )
    published_at = PUBLISHED_AT


class ContactPersonFactory(PersonFactory):
    """A contact person named in a form: no account of their own."""

    user = None
    name = factory.Sequence(lambda n: f"Kontakt {n}")
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")


class ConsentFactory(DjangoModelFactory):
    class Meta:
        model = Consent

    person = factory.SubFactory(PersonFactory)
    notice = factory.SubFactory(PrivacyNoticeFactory)
    language = "sv"
    given_at = PUBLISHED_AT + datetime.timedelta(days=30)


def _themes_of_the_call(obj, create, extracted, **kwargs):
    """`themes=[...]` sets them; by default one theme of the call's network."""
    if not create:
        return
    themes = extracted if extracted is not None else [ThemeFactory(network=obj.call.network)]
    obj.themes.set(themes)


def _themes_if_given(obj, create, extracted, **kwargs):
    if create and extracted is not None:
        obj.themes.set(extracted)


def _contacts(default: int):
    """`contacts=` a number of new contact people, or a list of people; else `default`."""

    def add(obj, create, extracted, **kwargs):
        if not create:
            return
        wanted = default if extracted is None else extracted
        people = (
            [ContactPersonFactory() for _ in range(wanted)]
            if isinstance(wanted, int)
            else list(wanted)
        )
        for position, person in enumerate(people):
            InterestContact.objects.create(interest=obj, person=person, position=position)

    return add


class SeekingProfileFactory(DjangoModelFactory):
    """A Guatemalan municipality's profile, published unless `status=` says otherwise."""

    class Meta:
        model = SeekingProfile
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory, country_code="GT")
    status = SeekingProfile.Status.APPROVED
    challenges = factory.LazyFunction(
        lambda: {"es": "Pocas mujeres participan en el Concejo Municipal y en los COCODE."}
    )
    challenge_language = "es"
    contact = factory.SubFactory(ContactPersonFactory, preferred_language="es", languages=["es"])
    themes = factory.PostGeneration(_themes_of_the_call)


class InterestFactory(DjangoModelFactory):
    """A Swedish municipality's interest, complete enough to submit: one contact person, a
    theme, a motivation, the workshop commitment and consent. `contacts=` takes a number or
    a list of people; `complete=False` leaves out all of that."""

    class Meta:
        model = Interest
        skip_postgeneration_save = True

    class Params:
        complete = True

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory, country_code="SE")
    status = Interest.Status.DRAFT
    motivation = factory.Maybe(
        "complete", "Vi vill stärka kvinnors politiska deltagande i vår kommun.", ""
    )
    motivation_language = "sv"
    workshop_commitment = factory.SelfAttribute("complete")
    consent = factory.Maybe("complete", factory.SubFactory(ConsentFactory), None)

    themes = factory.Maybe(
        "complete",
        factory.PostGeneration(_themes_of_the_call),
        factory.PostGeneration(_themes_if_given),
    )
    contacts = factory.Maybe(
        "complete", factory.PostGeneration(_contacts(1)), factory.PostGeneration(_contacts(0))
    )


def contact_people(interest: Interest) -> list[Person]:
    return [link.person for link in interest.contacts.select_related("person")]
