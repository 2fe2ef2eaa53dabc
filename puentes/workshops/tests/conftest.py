import pytest

from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

from .factories import OPEN_NOW, WorkshopFactory


@pytest.fixture
def now():
    return OPEN_NOW


@pytest.fixture
def partnership(db):
    """Stockholm and Guatemala City, in the call of the 2024 rule."""
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
    )


@pytest.fixture
def second_partnership(partnership):
    """Another partnership of the same call, between Gothenburg and Medellín."""
    return PartnershipFactory(
        call=partnership.call,
        swedish_organisation=MembershipFactory(
            organisation__country_code="SE", organisation__code="1480"
        ).organisation,
        latin_organisation=MembershipFactory(
            organisation__country_code="CO", organisation__code="05001"
        ).organisation,
    )


@pytest.fixture
def swedish_member(partnership):
    """An official of Stockholm, a member of the partnership (Swedish)."""
    membership = MembershipFactory(
        organisation=partnership.swedish_organisation,
        person=PersonFactory(name="Anna Berg", preferred_language="sv"),
    )
    PartnershipMemberFactory(partnership=partnership, person=membership.person)
    return membership.person


@pytest.fixture
def latin_member(partnership):
    """A member of the partnership's Guatemalan side who prefers Spanish."""
    person = PersonFactory(name="María Tzul", preferred_language="es")
    PartnershipMemberFactory(
        partnership=partnership, person=person, side=PartnershipMember.Side.LATIN
    )
    return person


@pytest.fixture
def workshop(partnership):
    return WorkshopFactory(call=partnership.call)


@pytest.fixture
def coordinator(db):
    """A coordinator with TOTP set up, who acts as one (see people.access)."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    from puentes.people.tests.factories import NetworkRoleFactory

    user = NetworkRoleFactory().person.user
    TOTP.activate(user, generate_totp_secret())
    return user
