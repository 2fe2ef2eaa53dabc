"""Calendar files parsed back with icalendar: the right instants across summer time, a
VTIMEZONE for each zone, and the private feed of a person's workshops."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from puentes.workshops.ics import workshops_calendar
from puentes.workshops.models import Registration
from puentes.workshops.services import calendar_feed_renew

from .factories import RegistrationFactory, WorkshopFactory

STOCKHOLM = ZoneInfo("Europe/Stockholm")
BOGOTA = ZoneInfo("America/Bogota")
GUATEMALA = ZoneInfo("America/Guatemala")
NOW = datetime.datetime(2024, 1, 10, 8, tzinfo=datetime.UTC)


def parse(body: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(body)


def events(calendar):
    return [c for c in calendar.walk("VEVENT")]


def url(name, language="sv", **kwargs):
    with translation.override(language):
        return reverse(f"workshops:{name}", kwargs=kwargs)


@pytest.fixture
def stockholm_workshops(db):
    """A 15:00 Stockholm meeting in January (winter time) and one in June (summer time)."""
    from puentes.people.tests.factories import reference_country

    sweden = reference_country("SE")
    return [
        WorkshopFactory(
            city="Stockholm",
            country=sweden,
            time_zone="Europe/Stockholm",
            start_at=datetime.datetime(2024, month, 14, 15, tzinfo=STOCKHOLM),
            end_at=datetime.datetime(2024, month, 14, 17, tzinfo=STOCKHOLM),
        )
        for month in (1, 6)
    ]


def test_a_15_00_stockholm_meeting_is_seen_at_the_right_hour_from_bogota_and_guatemala(
    stockholm_workshops,
):
    body = workshops_calendar(
        stockholm_workshops, name="Test", language="es", base_url="https://x.test", now=NOW
    )

    january, june = events(parse(body))
    assert january.decoded("dtstart").astimezone(BOGOTA).hour == 9  # UTC+1 → UTC−5
    assert january.decoded("dtstart").astimezone(GUATEMALA).hour == 8  # UTC−6
    assert june.decoded("dtstart").astimezone(BOGOTA).hour == 8  # summer: UTC+2 → UTC−5
    assert june.decoded("dtstart").astimezone(GUATEMALA).hour == 7
    assert january.decoded("dtstart").astimezone(STOCKHOLM).hour == 15
    assert june.decoded("dtstart").astimezone(STOCKHOLM).hour == 15


def test_the_file_names_its_zone_and_carries_a_vtimezone_with_both_offsets(stockholm_workshops):
    body = workshops_calendar(
        stockholm_workshops, name="Test", language="sv", base_url="https://x.test", now=NOW
    )

    text = body.decode()
    assert "DTSTART;TZID=Europe/Stockholm:20240114T150000" in text
    assert "DTSTART;TZID=Europe/Stockholm:20240614T150000" in text
    (zone,) = parse(body).walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Stockholm"
    offsets = {part.decoded("TZOFFSETTO") for part in zone.subcomponents}
    assert {datetime.timedelta(hours=1), datetime.timedelta(hours=2)} <= offsets
    # Rebuilt from the VTIMEZONE alone, the zone gives the same offsets as the system's.
    rebuilt = zone.to_tz()
    for workshop in stockholm_workshops:
        local = workshop.start_at.astimezone(STOCKHOLM).replace(tzinfo=None)
        assert rebuilt.utcoffset(local) == STOCKHOLM.utcoffset(local)


def test_a_workshop_in_bogota_has_its_own_vtimezone_and_place(db):
    workshop = WorkshopFactory()

    body = workshops_calendar(
        [workshop], name="Test", language="es", base_url="https://x.test/", now=NOW
    )

    calendar = parse(body)
    (event,) = events(calendar)
    assert [z["TZID"] for z in calendar.walk("VTIMEZONE")] == ["America/Bogota"]
    assert event.decoded("dtstart") == workshop.start_at
    assert event.decoded("dtend") == workshop.end_at
    assert str(event["summary"]) == workshop.titles["es"]
    assert str(event["location"]) == "Bogotá, Colombia"
    assert str(event["url"]) == f"https://x.test/es/workshops/{workshop.pk}/"
    assert str(event["uid"]) == f"workshop-{workshop.pk}@puentes"


def test_the_workshop_download_is_a_calendar_file(client, db):
    workshop = WorkshopFactory()

    response = client.get(url("workshop_ics", "es", pk=workshop.pk))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    (event,) = events(parse(response.content))
    assert event.decoded("dtstart") == workshop.start_at


def test_a_draft_workshop_has_no_public_calendar_file(client, db):
    workshop = WorkshopFactory(state="draft")

    assert client.get(url("workshop_ics", pk=workshop.pk)).status_code == 404


def test_the_private_feed_lists_the_persons_workshops_with_a_place_in_their_language(
    client, swedish_member, partnership
):
    swedish_member.preferred_language = "es"
    swedish_member.save()
    mine = WorkshopFactory(call=partnership.call)
    waiting = WorkshopFactory(call=partnership.call)
    cancelled = WorkshopFactory(call=partnership.call)
    others = WorkshopFactory(call=partnership.call)
    RegistrationFactory(workshop=mine, person=swedish_member)
    RegistrationFactory(
        workshop=waiting, person=swedish_member, status=Registration.Status.WAITLISTED
    )
    RegistrationFactory(
        workshop=cancelled, person=swedish_member, status=Registration.Status.CANCELLED
    )
    RegistrationFactory(workshop=others)
    feed = calendar_feed_renew(person=swedish_member, by=swedish_member.user, now=NOW)

    response = client.get(url("calendar_feed", token=feed.token))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    (event,) = events(parse(response.content))
    assert str(event["summary"]) == mine.titles["es"]


def test_a_wrong_or_renewed_token_reads_nothing(client, swedish_member):
    old = calendar_feed_renew(person=swedish_member, by=swedish_member.user, now=NOW).token
    calendar_feed_renew(person=swedish_member, by=swedish_member.user, now=NOW)

    assert client.get(url("calendar_feed", token=old)).status_code == 404
    assert client.get(url("calendar_feed", token="guess")).status_code == 404


def test_the_calendar_link_is_made_by_a_post_and_shown_on_my_registrations(client, swedish_member):
    client.force_login(swedish_member.user)

    assert client.get(url("calendar_feed_renew")).status_code == 405
    response = client.post(url("calendar_feed_renew"), follow=True)

    token = swedish_member.workshop_calendar_feed.token
    assert f"/sv/workshops/calendar/{token}.ics" in response.content.decode()
