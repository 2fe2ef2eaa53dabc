"""Meetings: sending an invitation to every member, and working hours, keep all or nothing."""

from datetime import time

import pytest
from django.core.exceptions import ValidationError

from puentes.core.models import AuditEntry, OutboxMessage
from puentes.core.testing.faults import Snapshot, assert_all_or_nothing, count_writes
from puentes.meetings.models import Meeting
from puentes.meetings.services import meeting_send, working_hours_save
from puentes.meetings.tests.conftest import HOUR, NOW, WINTER_SLOT
from puentes.partnerships.models import Partnership
from puentes.people.models import Person


def send(partnership, members, by):
    return meeting_send(
        partnership=Partnership.objects.get(pk=partnership.pk),
        title="Planering av workshoppen",
        video_link="https://meet.example.org/abc",
        start_at=WINTER_SLOT,
        length=HOUR,
        member_ids=[member.pk for member in members.values()],
        by=by,
        now=NOW,
        base_url="https://puentes.example",
    )


def test_sending_a_meeting_keeps_nothing_when_any_write_fails(partnership, members, ana):
    # when a meeting goes to both members (meeting, per member a mail, its .ics and an
    # invitee row, then the entry) and any write is refused
    log = assert_all_or_nothing(lambda: send(partnership, members, ana.user), min_writes=8)

    # then nothing was kept then; the successful run wrote all of it
    assert {"meetings_meeting", "core_outboxmessage", "core_outboxattachment"} <= log.tables
    assert OutboxMessage.objects.count() == 2


def test_a_mail_that_cannot_be_queued_for_one_member_keeps_the_meeting_and_every_invitation_out(
    partnership, members, ana, lucia
):
    # given a member whose address no mail server would take
    Person.objects.filter(pk=lucia.pk).update(email="lucía at example")
    tables = {"meetings_meeting", "meetings_meetinginvitee", "core_outboxmessage"}
    before = Snapshot.take(tables)

    # when the meeting is sent, and its mail fails after the meeting row was written
    with pytest.raises(ValidationError), count_writes() as writes:
        send(partnership, members, ana.user)
    assert "meetings_meeting" in writes.tables

    # then no meeting, invitation, mail or entry is left
    assert Snapshot.take(tables).changes_since(before) == []
    assert not Meeting.objects.exists()
    assert not AuditEntry.objects.exists()


def test_saving_working_hours_keeps_nothing_when_any_write_fails(ana):
    def run():
        working_hours_save(
            person=ana,
            time_zone="Europe/Stockholm",
            day_start=time(8),
            day_end=time(16),
            by=ana.user,
            now=NOW,
        )

    assert_all_or_nothing(run)
