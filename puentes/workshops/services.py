"""Changes of state of registrations: registering (a place or the waiting list), cancelling
(which hands the place to the first on the waiting list), marking attendance, and what a
coordinator's changes to a workshop do to them (more places fill from the waiting list; a
cancelled workshop is announced to everyone concerned).

Places are counted with the workshop's row locked (SELECT … FOR UPDATE on PostgreSQL; SQLite
runs one writing transaction at a time), so the places are never exceeded however many
people register at once. Each service runs in one transaction with its audit entries and its
mail: a refusal leaves nothing behind.
"""

import secrets
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record, entries_for
from puentes.core.i18n import translated
from puentes.people.access import acts_as_coordinator

from . import activity, notifications
from .models import CalendarFeed, Registration, Workshop
from .selectors import affiliation, may_register

Status = Registration.Status


class WorkshopError(Exception):
    """A rule of workshops refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class RegistrationClosed(WorkshopError):
    message = _("Registration for this workshop is not open.")


class AlreadyRegistered(WorkshopError):
    message = _("This person is already registered for this workshop.")


class NotYourColleague(WorkshopError):
    message = _("You can register yourself, or a colleague of your municipality or partnership.")


class CannotCancel(WorkshopError):
    message = _("This registration can no longer be cancelled.")


class CannotMark(WorkshopError):
    message = _("Only a registration with a place can be marked as present or absent.")


DETAIL_FIELDS = (
    "arrival_date",
    "departure_date",
    "needs_visa_letter",
    "dietary_needs",
    "accessibility_needs",
    "interpretation_language",
)


def _lock(workshop: Workshop) -> Workshop:
    return (
        Workshop.objects.select_for_update(of=("self",))
        .select_related("call__network", "country")
        .get(pk=workshop.pk)
    )


def _has_place_for(workshop: Workshop, partnership_id) -> bool:
    taken = Registration.objects.filter(workshop=workshop).holding_a_place()
    if taken.count() >= workshop.capacity:
        return False
    limit = workshop.capacity_per_partnership
    if limit is None or partnership_id is None:
        return True
    return taken.filter(partnership_id=partnership_id).count() < limit


def workshop_label(workshop: Workshop) -> str:
    """How timelines name a workshop whatever the reader's language: its city and local
    start date ("Bogotá, 2024-03-12"); an online one by its title in the site's language."""
    day = workshop.start_at.astimezone(workshop.zone).date().isoformat()
    if workshop.is_online:
        return f"{translated(workshop.titles, settings.LANGUAGE_CODE)}, {day}"
    return f"{workshop.city}, {day}"


def _record(action, registration: Registration, *, by, now, data=None):
    """The entry on the workshop's timeline and, if the person registered for a partnership,
    on the partnership's too."""
    facts = {
        "name": registration.person.name,
        "workshop": workshop_label(registration.workshop),
        "status": registration.status,
        **(data or {}),
    }
    audit_record(
        actor=by,
        action=action,
        target=registration,
        scope=registration.workshop,
        data=facts,
        at=now,
    )
    if registration.partnership_id is not None:
        audit_record(
            actor=by,
            action=action,
            target=registration,
            scope=registration.partnership,
            data=facts,
            at=now,
        )


@transaction.atomic
def registration_create(
    *, workshop: Workshop, person, details: dict, by, now, base_url: str
) -> Registration:
    """Register `person` (the user themselves, or a colleague of their municipality or
    partnership) for `workshop`: a place if one is free, in total and for their partnership,
    else a turn on the waiting list. `details` holds the travel dates and needs. The person
    (not whoever registered them) is told by mail in their language, with links under
    `base_url` and, for a place, the workshop's calendar file."""
    if not may_register(by, person):
        raise NotYourColleague
    workshop = _lock(workshop)
    if not workshop.registration_is_open(now):
        raise RegistrationClosed
    if Registration.objects.active().filter(workshop=workshop, person=person).exists():
        raise AlreadyRegistered
    partnership, organisation = affiliation(person, workshop.call)
    status = (
        Status.REGISTERED
        if _has_place_for(workshop, partnership and partnership.pk)
        else Status.WAITLISTED
    )
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                workshop=workshop,
                person=person,
                partnership=partnership,
                organisation=organisation,
                registered_by=by,
                status=status,
                registered_at=now,
                status_changed_at=now,
                **{name: details[name] for name in DETAIL_FIELDS if name in details},
            )
    except IntegrityError as exc:
        # The same person registered in another request between our check and our insert.
        raise AlreadyRegistered from exc
    if status == Status.REGISTERED:
        _record(activity.REGISTERED, registration, by=by, now=now)
        notifications.registration_confirmed(registration=registration, now=now, base_url=base_url)
    else:
        _record(activity.WAITLISTED, registration, by=by, now=now)
        notifications.registration_waitlisted(registration=registration, now=now, base_url=base_url)
    return registration


def may_cancel(user, registration: Registration) -> bool:
    """The person, whoever registered them, and coordinators."""
    if acts_as_coordinator(user):
        return True
    if not user.is_authenticated:
        return False
    return registration.registered_by_id == user.pk or registration.person.user_id == user.pk


@transaction.atomic
def registration_cancel(*, registration: Registration, by, now, base_url: str) -> list:
    """Cancel a place or a turn on the waiting list. A freed place goes to the first on the
    waiting list who fits (the places per partnership still hold), who is told by mail in
    their language with links under `base_url`. Returns the promoted registrations."""
    if not may_cancel(by, registration):
        raise NotYourColleague
    workshop = _lock(registration.workshop)
    current = Registration.objects.select_related("person", "partnership").get(pk=registration.pk)
    if current.status not in (Status.REGISTERED, Status.WAITLISTED):
        raise CannotCancel
    if workshop.state in (Workshop.State.HELD, Workshop.State.CANCELLED):
        raise CannotCancel
    held_a_place = current.holds_a_place
    current.workshop = workshop
    current.status = Status.CANCELLED
    current.status_changed_at = now
    current.save(update_fields=["status", "status_changed_at", "updated_at"])
    _record(activity.CANCELLED, current, by=by, now=now)
    if not held_a_place:
        return []
    return _promote(workshop, now=now, base_url=base_url)


def _promote(workshop: Workshop, *, now, base_url: str) -> list:
    taken = list(
        Registration.objects.filter(workshop=workshop)
        .holding_a_place()
        .values_list("partnership_id", flat=True)
    )
    free = workshop.capacity - len(taken)
    per_partnership = Counter(taken)
    limit = workshop.capacity_per_partnership
    promoted = []
    waiting = (
        workshop.registrations.filter(status=Status.WAITLISTED)
        .select_related("person", "partnership")
        .order_by("registered_at", "pk")
    )
    for registration in waiting:
        if free <= 0:
            break
        key = registration.partnership_id
        if limit is not None and key is not None and per_partnership[key] >= limit:
            continue
        registration.workshop = workshop
        registration.status = Status.REGISTERED
        registration.status_changed_at = now
        registration.save(update_fields=["status", "status_changed_at", "updated_at"])
        free -= 1
        per_partnership[key] += 1
        _record(activity.PROMOTED, registration, by=None, now=now)
        notifications.registration_promoted(registration=registration, now=now, base_url=base_url)
        promoted.append(registration)
    return promoted


# Places change hands only while the workshop is still to come and not called off.
FILLED_STATES = (Workshop.State.DRAFT, Workshop.State.OPEN, Workshop.State.CLOSED)


@transaction.atomic
def waitlist_fill(workshop: Workshop, *, by, now, base_url: str) -> list:
    """Give the places free after a coordinator's change (more places, more places per
    partnership, or no limit per partnership) to the waiting list in its order, exactly as a
    cancellation does: each promoted person is told by mail in their language, with links
    under `base_url`. Fewer places never take a place from anyone: the surplus simply waits
    for cancellations. Returns the promoted registrations."""
    if not acts_as_coordinator(by):
        raise WorkshopError
    workshop = _lock(workshop)
    if workshop.state not in FILLED_STATES:
        return []
    promoted = _promote(workshop, now=now, base_url=base_url)
    if promoted:
        audit_record(
            actor=by,
            action=activity.WAITLIST_FILLED,
            target=workshop,
            data={"workshop": workshop_label(workshop), "count": len(promoted)},
            at=now,
        )
    return promoted


@transaction.atomic
def workshop_cancellation_tell(workshop: Workshop, *, by, now, base_url: str) -> list:
    """Tell everyone registered or on the waiting list of a cancelled workshop, by mail in
    their language (those with a place get the calendar file marking it cancelled). Each
    person is told once, however often this runs: the timeline records who was told.
    Registrations keep their status. Returns the registrations told now."""
    if not acts_as_coordinator(by):
        raise WorkshopError
    workshop = _lock(workshop)
    if workshop.state != Workshop.State.CANCELLED:
        raise WorkshopError
    already = set(
        entries_for(workshop)
        .filter(action=activity.CANCELLATION_TOLD)
        .values_list("target_id", flat=True)
    )
    concerned = (
        workshop.registrations.filter(status__in=(Status.REGISTERED, Status.WAITLISTED))
        .select_related("person", "partnership")
        .order_by("registered_at", "pk")
    )
    told = [registration for registration in concerned if str(registration.pk) not in already]
    for registration in told:
        registration.workshop = workshop
        _record(activity.CANCELLATION_TOLD, registration, by=by, now=now)
        notifications.workshop_cancelled(registration=registration, now=now, base_url=base_url)
    if told:
        audit_record(
            actor=by,
            action=activity.WORKSHOP_CANCELLED,
            target=workshop,
            data={"workshop": workshop_label(workshop), "count": len(told)},
            at=now,
        )
    return told


MARKS = {Status.ATTENDED: activity.ATTENDED, Status.NO_SHOW: activity.NO_SHOW}


@transaction.atomic
def registration_mark(*, registration: Registration, status: str, by, now) -> Registration:
    """A coordinator's check-in: the person was present (attended) or absent (no-show).
    A mark can be corrected; only registrations with a place can be marked."""
    if not acts_as_coordinator(by):
        raise WorkshopError
    if status not in MARKS:
        raise CannotMark
    current = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("person", "workshop", "partnership")
        .get(pk=registration.pk)
    )
    if not current.holds_a_place:
        raise CannotMark
    if current.status == status:
        return current
    current.status = status
    current.status_changed_at = now
    current.save(update_fields=["status", "status_changed_at", "updated_at"])
    _record(MARKS[status], current, by=by, now=now)
    return current


@transaction.atomic
def calendar_feed_renew(*, person, by, now) -> CalendarFeed:
    """Give `person` a new secret calendar link; the old one stops working at once."""
    feed, _created = CalendarFeed.objects.select_for_update().get_or_create(
        person=person, defaults={"token": secrets.token_urlsafe(32)}
    )
    if not _created:
        feed.token = secrets.token_urlsafe(32)
        feed.save(update_fields=["token", "updated_at"])
    audit_record(actor=by, action=activity.CALENDAR_LINK_RENEWED, target=feed, scope=person, at=now)
    return feed
