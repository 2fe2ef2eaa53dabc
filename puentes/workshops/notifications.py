"""The mail workshops send, queued in the outbox within the caller's transaction, each in
its recipient's preferred language: a place (with the workshop's .ics attached), a turn on
the waiting list, a place from the waiting list, reminders before the workshop, and the
workshop's cancellation.

Times are shown in the workshop's local time and, labelled, in Swedish time."""

from django.urls import reverse
from django.utils import translation

from puentes.core.i18n import translated
from puentes.core.mail import mail_queue

from . import ics
from .models import SWEDISH_TIME_ZONE
from .times import clocks

ICS_FILENAME = "workshop.ics"
ICS_MIMETYPE = "text/calendar"


def _absolute(base_url: str, name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs)
    return f"{base_url.rstrip('/')}{path}"


def _context(registration, language: str, base_url: str) -> dict:
    person = registration.person
    workshop = registration.workshop
    with translation.override(language):
        # The workshop's own clock first, then Swedish time if that is another zone.
        shown = clocks(workshop, SWEDISH_TIME_ZONE)
    return {
        "person": person,
        "workshop": workshop,
        "network": workshop.call.network,
        "clocks": shown,
        "workshop_url": _absolute(base_url, "workshops:workshop_detail", language, pk=workshop.pk),
        "registrations_url": _absolute(base_url, "workshops:my_registrations", language),
    }


def _send(registration, *, template: str, kind: str, now, base_url: str, with_ics=False, **extra):
    person = registration.person
    workshop = registration.workshop
    language = person.preferred_language
    attachments = []
    if with_ics:
        calendar = ics.workshops_calendar(
            [workshop],
            name=translated(workshop.titles, language),
            language=language,
            base_url=base_url,
            now=now,
        )
        attachments.append((ICS_FILENAME, calendar, ICS_MIMETYPE))
    return mail_queue(
        to=person.email,
        template=template,
        context={**_context(registration, language, base_url), **extra},
        language=language,
        reply_to=workshop.call.network.contact_email or None,
        kind=kind,
        about=registration,
        attachments=attachments,
        now=now,
    )


def registration_confirmed(*, registration, now, base_url: str):
    """The person has a place: the times, and the workshop's calendar file."""
    return _send(
        registration,
        template="workshops/mail/confirmed",
        kind="workshop_confirmed",
        now=now,
        base_url=base_url,
        with_ics=True,
    )


def registration_waitlisted(*, registration, now, base_url: str):
    """The workshop is full: the person is on the waiting list (no calendar file yet)."""
    return _send(
        registration,
        template="workshops/mail/waitlisted",
        kind="workshop_waitlisted",
        now=now,
        base_url=base_url,
    )


def registration_promoted(*, registration, now, base_url: str):
    """A place freed up: the first on the waiting list now has it, with the calendar file."""
    return _send(
        registration,
        template="workshops/mail/promoted",
        kind="workshop_promoted",
        now=now,
        base_url=base_url,
        with_ics=True,
    )


def registration_reminded(*, registration, days: int, now, base_url: str):
    """The workshop starts within `days` days."""
    return _send(
        registration,
        template="workshops/mail/reminder",
        kind="workshop_reminder",
        now=now,
        base_url=base_url,
        days=days,
    )


def workshop_cancelled(*, registration, now, base_url: str):
    """The workshop is cancelled. Someone who had a place gets the calendar file again, now
    marking the event cancelled, so their calendar can drop it."""
    return _send(
        registration,
        template="workshops/mail/cancelled",
        kind="workshop_cancelled",
        now=now,
        base_url=base_url,
        with_ics=registration.holds_a_place,
        had_place=registration.holds_a_place,
    )
