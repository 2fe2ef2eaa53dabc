"""Reminders before a workshop, sent through the outbox.

Each registered person (not waitlisted, not cancelled) of a workshop that is open or closed
for registration is reminded when the workshop starts within N days, for each N of the
setting PUENTES_WORKSHOP_REMINDER_DAYS. Every sent reminder is recorded (registration × N,
unique), so `puentes workshop_reminders` may run every hour and sends each one once. A
reminder missed because the command did not run is not sent late: only the nearest one that
has come due is sent.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction

from puentes.core.audit import audit_record

from . import activity, notifications
from .models import Registration, Workshop, WorkshopReminder
from .services import workshop_label

REMINDED_STATES = (Workshop.State.OPEN, Workshop.State.CLOSED)


def reminder_days() -> list[int]:
    return sorted(set(settings.PUENTES_WORKSHOP_REMINDER_DAYS))


def reminder_due(start_at: datetime.datetime, now: datetime.datetime) -> int | None:
    """The nearest reminder whose time has come (the workshop starts within that many
    days), or None before the first one and once the workshop has started."""
    if now >= start_at:
        return None
    due = [days for days in reminder_days() if start_at - datetime.timedelta(days=days) <= now]
    return min(due) if due else None


def workshop_reminders_send(*, now: datetime.datetime, base_url: str) -> int:
    """Queue the reminders due at `now` that were not sent yet, links under `base_url` (e.g.
    "https://puentes.example.org"). Returns how many were queued. Each reminder is its own
    transaction, so one that fails leaves the others sent."""
    days = reminder_days()
    if not days:
        return 0
    sent = 0
    workshops = Workshop.objects.filter(
        state__in=REMINDED_STATES,
        start_at__gt=now,
        start_at__lte=now + datetime.timedelta(days=days[-1]),
    ).select_related("call__network", "country")
    for workshop in workshops:
        due = reminder_due(workshop.start_at, now)
        registrations = (
            workshop.registrations.filter(status=Registration.Status.REGISTERED)
            .exclude(reminders__days=due)
            .select_related("person")
            .order_by("pk")
        )
        for registration in registrations:
            registration.workshop = workshop
            sent += _send(registration, due, now=now, base_url=base_url)
    return sent


def _send(registration: Registration, days: int, *, now, base_url: str) -> int:
    """Record and queue one reminder; 0 if another run recorded it first."""
    try:
        with transaction.atomic():
            record = WorkshopReminder.objects.create(
                registration=registration, days=days, sent_at=now
            )
            notifications.registration_reminded(
                registration=registration, days=days, now=now, base_url=base_url
            )
            audit_record(
                actor=None,
                action=activity.REMINDED,
                target=record,
                scope=registration.workshop,
                data={
                    "name": registration.person.name,
                    "workshop": workshop_label(registration.workshop),
                    "days": days,
                },
                at=now,
            )
    except IntegrityError:
        return 0
    return 1
