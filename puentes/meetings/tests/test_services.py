"""Sending a chosen slot as a meeting, and saving one's working hours: the rules, the
refusals that leave nothing behind, the audit entry, and each member's mail with its .ics
delivered over real SMTP in their language and their time."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from puentes.core.audit import entries_for
from puentes.core.mail import mail_deliver_due
from puentes.core.models import AuditEntry, OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.meetings import activity
from puentes.meetings.models import Meeting, MeetingInvitee, WorkingHours
from puentes.meetings.services import (
    InvalidHours,
    NoParticipants,
    NoTitle,
    NotMembers,
    SlotInThePast,
    SlotOutsideHours,
    UnknownTimeZone,
    meeting_send,
    working_hours_save,
)
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory

from .conftest import HOUR, NOW, WINTER_SLOT

BASE_URL = "https://puentes.example/"


def send(partnership, members, **changes):
    arguments = {
        "partnership": partnership,
        "title": "Plan för 2026 / Plan para 2026",
        "video_link": "https://meet.example.org/puentes-stockholm",
        "start_at": WINTER_SLOT,
        "length": HOUR,
        "member_ids": [m.pk for m in members.values()],
        "by": next(m for m in members.values() if m.side == "swedish").person.user,
        "now": NOW,
        "base_url": BASE_URL,
        **changes,
    }
    return meeting_send(**arguments)


def calendar_in(received):
    [part] = list(received.iter_attachments())
    assert (part.get_filename(), part.get_content_type()) == ("meeting.ics", "text/calendar")
    [event] = Calendar.from_ical(part.get_payload(decode=True)).walk("VEVENT")
    return event


def test_a_chosen_slot_is_sent_to_each_member_in_their_language_and_time(
    partnership, members, ana, lucia, smtp_server
):
    # when Ana sends Tuesday 15:00 Stockholm time to both members, and the worker delivers
    meeting = send(partnership, members)
    mail_deliver_due(now=NOW)
    smtp_server.wait_for(2)

    # then the meeting keeps what was sent
    assert (meeting.start_at, meeting.end_at) == (WINTER_SLOT, WINTER_SLOT + HOUR)
    invitees = {i.person_id: i for i in meeting.invitees.all()}
    assert (invitees[ana.pk].time_zone, invitees[ana.pk].language) == ("Europe/Stockholm", "sv")
    assert (invitees[lucia.pk].time_zone, invitees[lucia.pk].language) == (
        "America/Guatemala",
        "es",
    )
    assert all(i.message.kind == "meeting_invitation" for i in invitees.values())

    # and Ana reads Swedish and Stockholm time, with Guatemala's beside it
    [to_ana] = smtp_server.messages_to(ana.email)
    text = text_of(to_ana)
    assert to_ana["Content-Language"] == "sv"
    assert "Hej Ana Lindqvist!" in text
    assert "tisdag 13 januari 2026, 15:00–16:00" in text
    assert "Guatemala: tisdag 08:00–09:00" in text
    assert "https://meet.example.org/puentes-stockholm" in text
    assert f"https://puentes.example/sv/partnerships/{partnership.pk}/meetings/{meeting.pk}/" in (
        text
    )

    # and Lucía reads Spanish and Guatemala time
    [to_lucia] = smtp_server.messages_to(lucia.email)
    text = text_of(to_lucia)
    assert to_lucia["Content-Language"] == "es"
    assert "Hola, Lucía Pérez:" in text
    assert "martes 13 de enero de 2026, 08:00–09:00" in text
    assert "Stockholm: martes 15:00–16:00" in text
    assert f"https://puentes.example/es/partnerships/{partnership.pk}/meetings/{meeting.pk}/" in (
        text
    )


def test_each_invitation_carries_an_ics_with_the_meetings_instants_in_utc(
    partnership, members, ana, lucia, smtp_server
):
    meeting = send(partnership, members)
    mail_deliver_due(now=NOW)
    smtp_server.wait_for(2)

    for person, language in [(ana, "sv"), (lucia, "es")]:
        [received] = smtp_server.messages_to(person.email)
        event = calendar_in(received)
        assert event.decoded("dtstart") == datetime(2026, 1, 13, 14, 0, tzinfo=UTC)
        assert event.decoded("dtend") == datetime(2026, 1, 13, 15, 0, tzinfo=UTC)
        assert str(event["uid"]) == meeting.uid
        assert str(event["summary"]) == "Plan för 2026 / Plan para 2026"
        assert str(event["location"]) == "https://meet.example.org/puentes-stockholm"
        assert event["description"].params["language"] == language
        assert f"/{language}/partnerships/{partnership.pk}/meetings/" in str(event["url"])


@pytest.mark.parametrize(
    ("start", "stockholm", "guatemala", "bogota"),
    [
        # A 15:00 Stockholm meeting in January and in June, seen from Guatemala and Bogotá.
        (datetime(2026, 1, 20, 14, 0, tzinfo=UTC), "15:00", "08:00", "09:00"),
        (datetime(2026, 6, 16, 14, 0, tzinfo=UTC), "16:00", "08:00", "09:00"),
    ],
)
def test_the_ics_gives_the_same_instant_in_every_zone_across_summer_time(
    partnership, members, ana, lucia, smtp_server, start, stockholm, guatemala, bogota
):
    send(partnership, members, start_at=start)
    mail_deliver_due(now=NOW)
    [received] = smtp_server.wait_for(2)[:1]

    instant = calendar_in(received).decoded("dtstart")
    assert instant == start
    assert instant.astimezone(ZoneInfo("Europe/Stockholm")).strftime("%H:%M") == stockholm
    assert instant.astimezone(ZoneInfo("America/Guatemala")).strftime("%H:%M") == guatemala
    assert instant.astimezone(ZoneInfo("America/Bogota")).strftime("%H:%M") == bogota


def test_sending_records_an_entry_in_the_partnerships_timeline(partnership, members, ana):
    meeting = send(partnership, members)

    [entry] = entries_for(partnership)
    assert entry.action == activity.MEETING_SENT
    assert entry.target == meeting
    assert entry.actor == ana.user
    assert entry.data == {
        "title": "Plan för 2026 / Plan para 2026",
        "names": "Ana Lindqvist, Lucía Pérez",
    }
    assert entry.at == NOW


def test_a_holiday_is_named_in_each_members_mail(partnership, members, ana, lucia, smtp_server):
    # given Maundy Thursday 2026, a holiday in Guatemala but not in Sweden
    send(partnership, members, start_at=datetime(2026, 4, 2, 14, 0, tzinfo=UTC))
    mail_deliver_due(now=NOW)
    smtp_server.wait_for(2)

    assert "Jueves Santo" in text_of(smtp_server.messages_to(lucia.email)[0])
    assert "Maundy Thursday" in text_of(smtp_server.messages_to(ana.email)[0])


def test_a_members_own_working_hours_decide_what_can_be_sent(partnership, members, lucia):
    # given Lucía starts at 09:00
    WorkingHours.objects.create(
        person=lucia, time_zone="America/Guatemala", day_start=time(9), day_end=time(17)
    )

    # then 08:00 in Guatemala is refused, 09:00 is sent
    with pytest.raises(SlotOutsideHours):
        send(partnership, members)
    assert send(partnership, members, start_at=WINTER_SLOT + HOUR).start_at == WINTER_SLOT + HOUR


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"title": "   "}, NoTitle),
        ({"title": "x" * 201}, NoTitle),
        ({"member_ids": []}, NoParticipants),
        ({"start_at": NOW - HOUR}, SlotInThePast),
        # 16:30 Stockholm time: the hour ends after 17:00.
        ({"start_at": WINTER_SLOT + 2.5 * HOUR}, SlotOutsideHours),
        # A Saturday, unless weekends were asked for.
        ({"start_at": datetime(2026, 1, 17, 14, 0, tzinfo=UTC)}, SlotOutsideHours),
    ],
)
def test_a_refused_meeting_leaves_nothing_behind(partnership, members, changes, error):
    with pytest.raises(error):
        send(partnership, members, **changes)

    assert Meeting.objects.count() == 0
    assert MeetingInvitee.objects.count() == 0
    assert OutboxMessage.objects.count() == 0
    assert AuditEntry.objects.count() == 0


def test_a_saturday_is_sent_when_weekends_were_asked_for(partnership, members):
    saturday = datetime(2026, 1, 17, 14, 0, tzinfo=UTC)

    meeting = send(partnership, members, start_at=saturday, include_weekends=True)

    assert meeting.start_at == saturday


def test_a_member_of_another_partnership_cannot_be_invited(partnership, members):
    stranger = PartnershipMemberFactory(partnership=PartnershipFactory())

    with pytest.raises(NotMembers):
        send(partnership, members, member_ids=[*[m.pk for m in members.values()], stranger.pk])

    assert Meeting.objects.count() == 0


def test_a_person_saves_their_working_hours_once_and_changes_them(lucia):
    # when Lucía saves, and saves again
    first = working_hours_save(
        person=lucia,
        time_zone="America/Guatemala",
        day_start=time(7, 30),
        day_end=time(15, 30),
        by=lucia.user,
        now=NOW,
    )
    second = working_hours_save(
        person=lucia,
        time_zone="America/Bogota",
        day_start=time(9),
        day_end=time(18),
        by=lucia.user,
        now=NOW + timedelta(days=1),
    )

    # then she has one row with the later hours, and both saves are in the audit trail
    assert first.pk == second.pk
    hours = WorkingHours.objects.get(person=lucia)
    assert (hours.time_zone, hours.day_start, hours.day_end) == (
        "America/Bogota",
        time(9),
        time(18),
    )
    assert list(AuditEntry.objects.values_list("action", flat=True)) == [
        activity.HOURS_SAVED,
        activity.HOURS_SAVED,
    ]


@pytest.mark.parametrize(
    ("zone", "start", "end", "error"),
    [
        ("Mars/Olympus_Mons", time(8), time(17), UnknownTimeZone),
        ("America/Guatemala", time(17), time(8), InvalidHours),
        ("America/Guatemala", time(9), time(9), InvalidHours),
    ],
)
def test_impossible_working_hours_are_refused(lucia, zone, start, end, error):
    with pytest.raises(error):
        working_hours_save(
            person=lucia, time_zone=zone, day_start=start, day_end=end, by=lucia.user, now=NOW
        )

    assert WorkingHours.objects.count() == 0
    assert AuditEntry.objects.count() == 0
