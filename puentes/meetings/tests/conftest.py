"""A partnership of Stockholm and Guatemala City with a member on each side: Ana writes in
Swedish, Lucía in Spanish; and a Colombian partnership for the third time zone."""

from datetime import UTC, date, datetime, timedelta

import pytest

from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
# A Monday in winter; the slot below is the next day, 15:00 in Stockholm, 08:00 in Guatemala.
NOW = datetime(2026, 1, 12, 9, 0, tzinfo=UTC)
WINTER_SLOT = datetime(2026, 1, 13, 14, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def coming(month: int, weekday: int = 1, week: int = 2) -> date:
    """The `week`-th `weekday` (Monday 0) of `month` next year: always ahead of the clock."""
    first = date(date.today().year + 1, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week - 1))


@pytest.fixture
def partnership(db):
    return PartnershipFactory(
        swedish_organisation=OrganisationFactory(country_code="SE", code="0180"),
        latin_organisation=OrganisationFactory(country_code="GT", code="0101"),
    )


@pytest.fixture
def ana(partnership):
    """The Swedish member, who acts for Stockholm."""
    person = MembershipFactory(
        organisation=partnership.swedish_organisation,
        person__name="Ana Lindqvist",
        person__preferred_language="sv",
    ).person
    PartnershipMember.objects.create(partnership=partnership, person=person, side="swedish")
    return person


@pytest.fixture
def lucia(partnership):
    """The Guatemalan member, who acts for Guatemala City."""
    person = MembershipFactory(
        organisation=partnership.latin_organisation,
        person__name="Lucía Pérez",
        person__preferred_language="es",
    ).person
    PartnershipMember.objects.create(partnership=partnership, person=person, side="latin")
    return person


@pytest.fixture
def members(partnership, ana, lucia):
    return {m.person_id: m for m in partnership.members.all()}


def add_members(partnership, count, side="swedish"):
    return [
        PartnershipMember.objects.create(
            partnership=partnership, person=PersonFactory(name=f"Member {n}"), side=side
        )
        for n in range(count)
    ]
