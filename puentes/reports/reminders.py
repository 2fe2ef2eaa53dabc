"""Reminders about progress reports that are not submitted, sent through the outbox.

Each reporting period has a schedule of reminders at offsets from its due date (settings
PUENTES_REPORT_REMINDER_DAYS_BEFORE and ..._DAYS_AFTER). `report_reminders_send` sends,
for each partnership whose report is not submitted, the latest reminder that has come due,
unless it was sent already: every sent reminder is recorded (partnership × period × kind,
unique), so running it every hour sends each reminder once. A reminder missed because the
command did not run is superseded by the next one rather than sent late on top of it.

Members of the partnership with an account get it in their own language; after the due
date the mentor gets it too.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation

from puentes.core.audit import audit_record
from puentes.core.mail import mail_queue
from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership, PartnershipMember

from . import activity
from .models import ProgressReport, ReportReminder, ReportSignOff
from .selectors import SIDES, organisation_of


@dataclass(frozen=True)
class Reminder:
    kind: str  # "before-14", "after-7"
    on: datetime.date
    after_due: bool


def reminder_schedule(due_date: datetime.date) -> list[Reminder]:
    """The reminders of a report due on `due_date`, earliest first."""
    before = settings.PUENTES_REPORT_REMINDER_DAYS_BEFORE
    after = settings.PUENTES_REPORT_REMINDER_DAYS_AFTER
    day = datetime.timedelta(days=1)
    schedule = [Reminder(f"before-{n}", due_date - n * day, False) for n in before]
    schedule += [Reminder(f"after-{n}", due_date + n * day, True) for n in after]
    return sorted(schedule, key=lambda reminder: reminder.on)


def reminder_due(due_date: datetime.date, today: datetime.date) -> Reminder | None:
    """The latest reminder whose day has come, or None before the first one."""
    due = [reminder for reminder in reminder_schedule(due_date) if reminder.on <= today]
    return due[-1] if due else None


def report_reminders_send(*, now: datetime.datetime, base_url: str) -> Counter:
    """Queue the reminders due at `now` that were not sent yet; links start at `base_url`
    (e.g. "https://puentes.example.org"). Returns how many reminders and messages were
    queued. Each partnership's reminder is its own transaction, so one that fails leaves
    the others sent."""
    today = timezone.localdate(now)
    sent = Counter()
    for period in _periods_with_reminders(today):
        reminder = reminder_due(period.due_date, today)
        for partnership in _partnerships_to_remind(period, reminder):
            messages = _send(partnership, period, reminder, now=now, base_url=base_url)
            if messages is not None:
                sent["reminders"] += 1
                sent["messages"] += messages
    return sent


def _periods_with_reminders(today):
    """The periods whose first reminder has come: due at most that many days from today."""
    anchor = datetime.date(2000, 1, 1)
    schedule = reminder_schedule(anchor)
    if not schedule:
        return ReportingPeriod.objects.none()
    lead = anchor - schedule[0].on
    return ReportingPeriod.objects.filter(due_date__lte=today + lead).select_related(
        "call__network"
    )


def _partnerships_to_remind(period, reminder):
    return (
        Partnership.objects.filter(call_id=period.call_id)
        .exclude(phase=Partnership.Phase.CONCLUDED)
        .exclude(
            progress_reports__period=period,
            progress_reports__status=ProgressReport.Status.SUBMITTED,
        )
        .exclude(report_reminders__period=period, report_reminders__kind=reminder.kind)
        .select_related("swedish_organisation", "latin_organisation", "mentor__user")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=PartnershipMember.objects.select_related("person__user").filter(
                    person__user__isnull=False, person__user__is_active=True
                ),
                to_attr="members_with_account",
            ),
            Prefetch(
                "progress_reports",
                queryset=ProgressReport.objects.filter(period=period).prefetch_related(
                    Prefetch("sign_offs", queryset=ReportSignOff.objects.order_by("side"))
                ),
                to_attr="reports_of_period",
            ),
        )
        .order_by("pk")
    )


def _recipients(partnership, reminder) -> list[tuple[object, bool]]:
    """(person, is_mentor) for each member with an account, then the mentor after the due
    date; nobody twice."""
    people = {m.person.pk: (m.person, False) for m in partnership.members_with_account}
    mentor = partnership.mentor
    has_account = mentor is not None and mentor.user is not None and mentor.user.is_active
    if reminder.after_due and has_account and mentor.pk not in people:
        people[mentor.pk] = (mentor, True)
    return list(people.values())


def _send(partnership, period, reminder, *, now, base_url) -> int | None:
    """Record and queue one partnership's reminder; None if another run recorded it first."""
    recipients = _recipients(partnership, reminder)
    try:
        with transaction.atomic():
            record = ReportReminder.objects.create(
                partnership=partnership,
                period=period,
                kind=reminder.kind,
                sent_at=now,
                recipients=len(recipients),
            )
            context = _context(partnership, period, reminder, now)
            for person, is_mentor in recipients:
                _queue(person, is_mentor, context, record, now=now, base_url=base_url)
            audit_record(
                actor=None,
                action=activity.REMINDER_SENT,
                target=record,
                scope=partnership,
                data={"period": period.label, "recipients": len(recipients)},
                at=now,
            )
    except IntegrityError:
        return None
    return len(recipients)


def _context(partnership, period, reminder, now) -> dict:
    reports = partnership.reports_of_period
    report = reports[0] if reports else None
    signed = {sign_off.side for sign_off in report.sign_offs.all()} if report else set()
    days = (period.due_date - timezone.localdate(now)).days
    return {
        "partnership": partnership,
        "period": period,
        "network": period.call.network,
        "after_due": reminder.after_due,
        "days_left": max(days, 0),
        "days_late": max(-days, 0),
        "started": report is not None,
        "signed_by": [organisation_of(partnership, side).name for side in SIDES if side in signed],
        "waiting_for": [
            organisation_of(partnership, side).name for side in SIDES if side not in signed
        ],
    }


def _queue(person, is_mentor, context, record, *, now, base_url) -> None:
    language = person.preferred_language
    with translation.override(language):
        path = reverse(
            "reports:report_detail",
            kwargs={"pk": record.partnership_id, "period_pk": record.period_id},
        )
    mail_queue(
        to=person.email,
        template="reports/mail/reminder",
        context={
            **context,
            "person": person,
            "is_mentor": is_mentor,
            "report_url": f"{base_url.rstrip('/')}{path}",
        },
        language=language,
        reply_to=context["network"].contact_email or None,
        kind="report_reminder",
        about=record.partnership,
        now=now,
    )
