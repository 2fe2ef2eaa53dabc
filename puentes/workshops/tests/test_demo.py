"""The demo's workshops: 2024 as held, with one partnership short of the rule, and the open
call's coming workshops open for registration; loading twice changes nothing."""

import datetime

import pytest

from puentes.networks.demo import demo_load
from puentes.networks.models import Call
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.demo import OPEN_CALL_SLUG, PAST_CALL_SLUG
from puentes.workshops.demo import workshops_demo_load
from puentes.workshops.models import Registration, Workshop
from puentes.workshops.selectors import rule_statuses

NOW = datetime.datetime(2026, 11, 28, 9, tzinfo=datetime.UTC)


@pytest.fixture
def demo(db):
    load_reference_data_for_tests()
    return demo_load(now=NOW)


def test_the_three_2024_workshops_are_held_in_bogota_guatemala_and_sweden(demo):
    held = Workshop.objects.filter(call__slug=PAST_CALL_SLUG).select_related("country")

    assert [(w.city, w.country.code, w.state) for w in held] == [
        ("Bogotá", "CO", "held"),
        ("Ciudad de Guatemala", "GT", "held"),
        ("Göteborg", "SE", "held"),
    ]
    assert [w.start_at.astimezone(w.zone).month for w in held] == [3, 6, 9]
    assert all(w.start_at.astimezone(w.zone).hour == 9 for w in held)
    assert all(set(w.titles) == {"sv", "es", "en"} for w in held)


def test_attendance_leaves_boras_popayan_short_of_sweden_and_lessebo_totonicapan_met(demo):
    call = Call.objects.get(slug=PAST_CALL_SLUG)

    statuses = {s.partnership.swedish_organisation.name: s for s in rule_statuses(call)}

    assert statuses["Lessebo"].status.met
    assert statuses["Lessebo"].swedish_status.met
    assert statuses["Borås"].status.latin_america.met
    assert statuses["Borås"].status.sweden.missing == 1
    assert not statuses["Borås"].swedish_status.met


def test_the_open_calls_coming_workshops_are_open_for_registration(demo):
    coming = Workshop.objects.filter(call__slug=OPEN_CALL_SLUG)

    assert coming.count() == 3
    assert all(w.registration_is_open(NOW) and w.start_at > NOW for w in coming)
    assert coming.filter(is_online=True).count() == 1


def test_loading_again_creates_nothing_and_keeps_changes(demo):
    workshop = Workshop.objects.get(slug="malmo")
    workshop.capacity = 12
    workshop.save()
    registrations = Registration.objects.count()

    created = workshops_demo_load(now=NOW + datetime.timedelta(days=3))

    assert created["workshops"] == created["registrations"] == 0
    assert Workshop.objects.count() == 6
    assert Registration.objects.count() == registrations
    workshop.refresh_from_db()
    assert workshop.capacity == 12
