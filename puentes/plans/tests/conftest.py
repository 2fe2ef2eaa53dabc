"""A partnership of Uppsala (SE) and Cobán (GT) with a member on each side, its mentor,
and a person of another municipality who must not see it."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import translation

from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    MembershipFactory,
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.fixture
def partnership(db):
    mentor = NetworkRoleFactory(role=NetworkRole.Role.MENTOR).person
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0380"),
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
        mentor=mentor,
    )


@pytest.fixture
def people(partnership):
    swedish = MembershipFactory(organisation=partnership.swedish_organisation).person
    latin = PersonFactory(name="María Tzul", preferred_language="es")
    PartnershipMemberFactory(
        partnership=partnership, person=latin, side=PartnershipMember.Side.LATIN
    )
    outsider = MembershipFactory(
        organisation=OrganisationFactory(country_code="SE", code="0180")
    ).person
    return SimpleNamespace(
        swedish=swedish.user,
        latin=latin.user,
        mentor=partnership.mentor.user,
        outsider=outsider.user,
    )


@pytest.fixture
def url():
    def build(name, language="sv", **kwargs):
        with translation.override(language):
            return reverse(f"plans:{name}", kwargs=kwargs)

    return build
