"""Reminders about reports that are not submitted: 14 and 3 days before the due date to the
members, 1 and 7 days after to the members and the mentor, each in their own language,
each once, through the outbox. The period of the fixtures is due on 31 January 2025."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from puentes.core import audit
from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import links_in, text_of
from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.partnerships.models import Partnership
from puentes.partnerships.tests.factories import PartnershipMemberFactory
from puentes.people.tests.factories import PersonFactory
from puentes.reports.models import ProgressReport, ReportReminder
from puentes.reports.reminders import reminder_due, report_reminders_send

from .factories import ProgressReportFactory, ReportSignOffFactory

BASE_URL = "https://puentes.example.org"
DUE = datetime.date(2025, 1, 31)


def at(month, day, hour=8):
    return datetime.datetime(2025, month, day, hour, 0, tzinfo=datetime.UTC)


def run(now):
    return report_reminders_send(now=now, base_url=BASE_URL)


def in_language(code, message, **values):
    """`message` as the catalogue of language `code` has it, so the test holds before and
    after the lead's translation; dates below show the language either way."""
    with translation.override(code):
        text = translation.gettext(message)
    return text % values if values else text


def outbox():
    return {message.to_address: message for message in OutboxMessage.objects.all()}


@pytest.fixture
def members(partnership, swedish, latin):
    return {"swedish": swedish, "latin": latin}


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        (datetime.date(2025, 1, 16), None),
        (datetime.date(2025, 1, 17), "before-14"),
        (datetime.date(2025, 1, 27), "before-14"),
        (datetime.date(2025, 1, 28), "before-3"),
        (DUE, "before-3"),
        (datetime.date(2025, 2, 1), "after-1"),
        (datetime.date(2025, 2, 7), "after-7"),
        (datetime.date(2026, 6, 1), "after-7"),
    ],
)
def test_the_latest_reminder_whose_day_has_come_is_the_one_due(day, kind):
    reminder = reminder_due(DUE, day)

    assert (reminder.kind if reminder else None) == kind


def test_the_offsets_come_from_the_settings(settings):
    settings.PUENTES_REPORT_REMINDER_DAYS_BEFORE = (30,)
    settings.PUENTES_REPORT_REMINDER_DAYS_AFTER = ()

    assert reminder_due(DUE, datetime.date(2025, 1, 1)).kind == "before-30"
    assert reminder_due(DUE, datetime.date(2025, 3, 1)).kind == "before-30"
    assert reminder_due(DUE, datetime.date(2024, 12, 31)) is None


def test_nothing_is_sent_before_the_first_reminder(members, period):
    assert run(at(1, 16)) == {}
    assert not OutboxMessage.objects.exists()


def test_14_days_before_each_member_is_reminded_in_their_own_language_over_smtp(
    members, period, smtp_server
):
    # When the command runs 14 days before the due date
    sent = run(at(1, 17))

    # Then both members (not the mentor) get a reminder, each in their language
    assert sent == {"reminders": 1, "messages": 2}
    mails = outbox()
    assert set(mails) == {members["swedish"].email, members["latin"].email}
    assert mails[members["swedish"].email].language == "sv"
    assert mails[members["latin"].email].language == "es"
    assert ReportReminder.objects.get().kind == "before-14"

    # And the mail that arrives says so in Swedish and Spanish, with a link to the report
    mail_deliver_due(now=at(1, 17, 9))
    swedish = smtp_server.messages_to(members["swedish"].email)[0]
    spanish = smtp_server.messages_to(members["latin"].email)[0]
    assert "31 januari 2025" in swedish["Subject"]
    assert "31 januari 2025" in text_of(swedish)
    assert "31 de enero de 2025" in spanish["Subject"]
    assert "31 de enero de 2025" in text_of(spanish)
    assert in_language("es", "Nobody has started writing it yet.") in text_of(spanish)
    assert swedish["Content-Language"] == "sv" and spanish["Content-Language"] == "es"
    path = f"/partnerships/{period.call.partnerships.get().pk}/reports/{period.pk}/"
    assert links_in(swedish) == [f"{BASE_URL}/sv{path}"]
    assert links_in(spanish) == [f"{BASE_URL}/es{path}"]


def test_a_second_run_sends_nothing(members, period):
    run(at(1, 17))

    assert run(at(1, 17, 9)) == {}
    assert run(at(1, 27, 22)) == {}  # 23:00 in Stockholm, still the 27th
    assert OutboxMessage.objects.count() == 2


def test_each_reminder_is_sent_once_from_14_days_before_to_7_days_after(members, period):
    sent = [run(at(month, day)).get("reminders", 0) for month, day in CALENDAR]

    assert sent == [1, 0, 1, 0, 1, 0, 1, 0]
    assert list(ReportReminder.objects.order_by("sent_at").values_list("kind", flat=True)) == [
        "before-14",
        "before-3",
        "after-1",
        "after-7",
    ]


CALENDAR = [(1, 17), (1, 20), (1, 28), (1, 31), (2, 1), (2, 5), (2, 7), (3, 1)]


def test_on_the_due_date_the_last_reminder_before_it_goes_out_once(members, period):
    sent = run(at(1, 31))

    assert sent == {"reminders": 1, "messages": 2}
    assert ReportReminder.objects.get().kind == "before-3"
    assert run(at(1, 31, 20)) == {}


def test_after_the_due_date_the_mentor_is_reminded_too(members, period, mentor):
    sent = run(at(2, 1))

    assert sent == {"reminders": 1, "messages": 3}
    mail = outbox()[mentor.email]
    assert mail.language == "sv"
    assert "31 januari 2025" in mail.body_text
    assert in_language("sv", "You receive this as the partnership's mentor.") in mail.body_text
    assert "mentor" not in outbox()[members["latin"].email].body_text


def test_a_reminder_missed_while_the_command_did_not_run_is_superseded_by_the_next(members, period):
    run(at(1, 29))

    assert list(ReportReminder.objects.values_list("kind", flat=True)) == ["before-3"]
    assert OutboxMessage.objects.count() == 2


def test_a_submitted_report_gets_no_reminder(members, partnership, period):
    ProgressReportFactory(
        partnership=partnership,
        period=period,
        status=ProgressReport.Status.SUBMITTED,
        submitted_at=at(1, 10),
    )

    assert run(at(2, 1)) == {}
    assert not ReportReminder.objects.exists()


def test_a_draft_signed_by_one_side_gets_a_reminder_saying_who_is_missing(
    members, partnership, period
):
    report = ProgressReportFactory(partnership=partnership, period=period)
    ReportSignOffFactory(report=report, side="swedish")

    run(at(1, 28))

    body = outbox()[members["latin"].email].body_text
    assert (
        in_language(
            "es",
            "%(signed)s has signed it off; %(waiting)s has not yet.",
            signed="Stockholm",
            waiting="Guatemala",
        )
        in body
    )


def test_members_without_an_account_and_concluded_partnerships_are_not_reminded(
    members, partnership, period
):
    PartnershipMemberFactory(partnership=partnership, person=PersonFactory(user=None))

    run(at(1, 17))
    assert OutboxMessage.objects.count() == 2

    Partnership.objects.filter(pk=partnership.pk).update(phase=Partnership.Phase.CONCLUDED)
    assert run(at(1, 28)) == {}


def test_the_partnerships_timeline_records_the_reminder(members, partnership, period):
    run(at(1, 17))

    entry = audit.entries_for(partnership).get()
    assert entry.actor is None
    assert entry.data == {"period": "2024", "recipients": 2}
    assert "2024" in audit.describe(entry).sentence


def test_the_command_queues_what_is_due_today_once(members, partnership, call):
    today = timezone.localdate()
    period = ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(today.year - 1, 1, 1),
        end_date=datetime.date(today.year - 1, 12, 31),
        due_date=today + datetime.timedelta(days=3),
    )
    out = io.StringIO()

    call_command("report_reminders", base_url=BASE_URL, stdout=out)
    call_command("report_reminders", base_url=BASE_URL, stdout=out)

    assert out.getvalue().splitlines() == [
        "1 reminder(s) queued, 2 message(s) in the outbox.",
        "0 reminder(s) queued, 0 message(s) in the outbox.",
    ]
    assert ReportReminder.objects.get().period == period


def test_the_command_needs_the_sites_address_for_the_links(db):
    with pytest.raises(CommandError):
        call_command("report_reminders", base_url="puentes.example.org")


def test_the_command_links_to_the_sites_configured_address_by_default(
    members, partnership, call, settings
):
    settings.PUENTES_SITE_URL = "https://puentes.example.org"
    today = timezone.localdate()
    ReportingPeriodFactory(
        call=call,
        start_date=datetime.date(today.year - 1, 1, 1),
        end_date=datetime.date(today.year - 1, 12, 31),
        due_date=today + datetime.timedelta(days=3),
    )

    call_command("report_reminders", stdout=io.StringIO())

    bodies = [message.body_text for message in OutboxMessage.objects.all()]
    assert bodies and all("https://puentes.example.org/" in body for body in bodies)
