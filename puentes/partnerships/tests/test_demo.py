"""The demo's partnerships: Lessebo–Totonicapán and Borås–Popayán, made once, seen by the
demo accounts of both sides and by the mentor."""

import pytest

from puentes.networks.demo import demo_load
from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.partnerships.selectors import can_edit_partnership, partnership_for
from puentes.people.models import User
from puentes.places.testing import load_reference_data_for_tests


@pytest.fixture
def demo(db):
    load_reference_data_for_tests()
    return demo_load()


def test_the_demo_has_the_2024_calls_two_partnerships(demo):
    pairs = {
        (p.swedish_organisation.name, p.latin_organisation.name)
        for p in Partnership.objects.select_related("swedish_organisation", "latin_organisation")
    }

    assert pairs == {("Lessebo", "Totonicapán"), ("Borås", "Popayán")}
    assert demo.created["partnerships"] == 2
    for partnership in Partnership.objects.all():
        assert partnership.is_demo
        assert partnership.call.slug == "call-2024"
        assert partnership.phase == Partnership.Phase.PROJECT
        assert partnership.themes.exists()
        assert partnership.challenge_statements
        assert set(partnership.areas_of_cooperation) == {"sv", "es", "en"}
        sides = set(partnership.members.values_list("side", flat=True))
        assert sides == {PartnershipMember.Side.SWEDISH, PartnershipMember.Side.LATIN}


def test_the_demo_accounts_of_both_sides_edit_and_the_mentor_reads(demo):
    lessebo = Partnership.objects.get(swedish_organisation__name="Lessebo")
    anna = User.objects.get(email="lessebo@demo.puentes.test")
    maria = User.objects.get(email="totonicapan@demo.puentes.test")
    mentor = User.objects.get(email="mentor@demo.puentes.test")
    carlos = User.objects.get(email="popayan@demo.puentes.test")

    assert partnership_for(anna, lessebo.pk) == lessebo
    assert can_edit_partnership(anna, lessebo) and can_edit_partnership(maria, lessebo)
    assert partnership_for(mentor, lessebo.pk) == lessebo
    assert not can_edit_partnership(mentor, lessebo)
    with pytest.raises(Partnership.DoesNotExist):
        partnership_for(carlos, lessebo.pk)


def test_loading_the_demo_again_makes_no_second_partnership(demo):
    before = (Partnership.objects.count(), PartnershipMember.objects.count())

    result = demo_load()

    assert (Partnership.objects.count(), PartnershipMember.objects.count()) == before
    assert not result.created["partnerships"]


def test_the_2024_call_reports_on_each_year_of_the_network_by_the_next_january(demo):
    periods = ReportingPeriod.objects.filter(call__slug="call-2024")

    assert [(p.label, p.due_date.isoformat()) for p in periods] == [
        ("2024", "2025-01-31"),
        ("2025", "2026-01-31"),
        ("2026", "2027-01-31"),
    ]
    assert demo_load().created["reporting periods"] == 0
