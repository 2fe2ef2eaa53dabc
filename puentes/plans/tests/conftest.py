"""A partnership of Uppsala (SE) and Cobán (GT) with a member on each side, its mentor,
and a person of another municipality who must not see it."""

import datetime
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
from puentes.plans.models import Activity

from .factories import (
    ActivityFactory,
    AssumptionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OutcomeFactory,
    OutputFactory,
    PeopleIndicatorFactory,
    PlanFactory,
)
from .pages import year_period


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


@pytest.fixture
def plan(partnership):
    """A small logframe: goal, an outcome with an indicator of people, an output with an
    activity and an indicator, an assumption; periods 2024 (with a value) and 2025."""
    plan = PlanFactory(partnership=partnership)
    outcome = OutcomeFactory(plan=plan, texts={"es": "Más mujeres en los COCODE."})
    people = PeopleIndicatorFactory(outcome=outcome, texts={"es": "Mujeres en los COCODE"})
    output = OutputFactory(outcome=outcome, texts={"sv": "Utbildade ledare.", "es": "Lideresas."})
    ActivityFactory(
        output=output,
        texts={"sv": "Ledarskapsskola"},
        language="sv",
        start_date=datetime.date(2024, 3, 4),
        end_date=datetime.date(2024, 3, 6),
        responsible=Activity.Responsible.LATIN,
    )
    IndicatorFactory(output=output, outcome=None, texts={"es": "Talleres"}, units={})
    AssumptionFactory(plan=plan, texts={"es": "Las elecciones se celebran en paz."})
    IndicatorValueFactory(
        indicator=people, period=year_period(partnership, 2024), value=50, women=20, men=29, other=1
    )
    year_period(partnership, 2025)
    return plan
