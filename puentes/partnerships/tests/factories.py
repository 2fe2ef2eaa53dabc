"""factory_boy factories for partnerships and their members.

Rows are written directly; tests of creating a partnership go through
puentes.partnerships.services.partnership_create. Each partnership gets its own call by
default, so many can share the few real organisations the people factories know.
"""

import factory
from factory.django import DjangoModelFactory

from puentes.networks.tests.factories import CallFactory
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.people.tests.factories import OrganisationFactory, PersonFactory


def _themes_if_given(obj, create, extracted, **kwargs):
    if create and extracted is not None:
        obj.themes.set(extracted)


class PartnershipFactory(DjangoModelFactory):
    """A Swedish and a Guatemalan municipality's partnership, its statement written in Spanish."""

    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    call = factory.SubFactory(CallFactory)
    swedish_organisation = factory.SubFactory(OrganisationFactory, country_code="SE")
    latin_organisation = factory.SubFactory(OrganisationFactory, country_code="GT")
    challenge_statements = factory.LazyFunction(
        lambda: {"es": "Pocas mujeres participan en el Concejo Municipal."}
    )
    challenge_language = "es"
    areas_of_cooperation = factory.LazyFunction(
        lambda: {
            "sv": "Kvinnors politiska deltagande",
            "es": "Participación política de las mujeres",
        }
    )
    themes = factory.PostGeneration(_themes_if_given)


class PartnershipMemberFactory(DjangoModelFactory):
    class Meta:
        model = PartnershipMember

    partnership = factory.SubFactory(PartnershipFactory)
    person = factory.SubFactory(PersonFactory)
    side = PartnershipMember.Side.SWEDISH
