"""Visa invitation letters: who may have one, saving the passport data asked for it, and
erasing that data when it is no longer needed.

A letter is for a person who has a place at a workshop in Sweden that has neither ended nor
been cancelled. The passport data is kept only until the visa-data retention policy's period
after the workshop ends (privacy.RetentionPolicy, 30 days to begin with); it is erased
earlier when the registration or the workshop is cancelled. Erasing blanks the passport
fields and nothing else: the registration, the request's date and its audit trail stay.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import activity
from .models import Registration, VisaLetter, Workshop
from .services import WorkshopError, _record


class NoVisaLetter(WorkshopError):
    pass


def retention() -> timedelta:
    from puentes.privacy.retention import period_of

    return period_of("visa_data")


def erase_on(workshop: Workshop):
    """The day (in the workshop's time zone) after which its visa data is erased."""
    return (workshop.end_at + retention()).astimezone(workshop.zone).date()


def refusal(registration: Registration, now) -> str | None:
    """Why no letter can be asked for this registration now, or None if it can."""
    workshop = registration.workshop
    if workshop.region != "sweden":
        return _("Visa invitation letters are for workshops in Sweden.")
    if workshop.state == Workshop.State.CANCELLED:
        return _("The workshop is cancelled.")
    if workshop.end_at <= now:
        return _("The workshop is over.")
    if registration.status != Registration.Status.REGISTERED:
        return _("A visa invitation letter is only for someone who has a place.")
    return None


@transaction.atomic
def visa_letter_save(*, registration: Registration, data: dict, by, now) -> VisaLetter:
    """Record (or correct) the passport data and language of the letter for `registration`."""
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("workshop__country", "person", "partnership")
        .get(pk=registration.pk)
    )
    reason = refusal(registration, now)
    if reason is not None:
        raise NoVisaLetter(reason)
    letter = VisaLetter.objects.filter(registration=registration).first()
    action = activity.VISA_LETTER_CHANGED
    if letter is None:
        letter = VisaLetter(registration=registration, requested_at=now)
        action = activity.VISA_LETTER_REQUESTED
    for field in (*VisaLetter.PASSPORT_FIELDS, "second_language"):
        setattr(letter, field, data[field])
    letter.requested_by = by
    letter.erased_at = None
    letter.save()
    if not registration.needs_visa_letter:
        registration.needs_visa_letter = True
        registration.save(update_fields=["needs_visa_letter", "updated_at"])
    # The timeline says that passport data was given, never the data itself.
    _record(action, registration, by=by, now=now)
    return letter


def due_for_erasure(now):
    """Letters whose passport data is still held but no longer needed."""
    return (
        VisaLetter.objects.filter(erased_at__isnull=True)
        .filter(
            Q(registration__workshop__end_at__lte=now - retention())
            | Q(registration__status=Registration.Status.CANCELLED)
            | Q(registration__workshop__state=Workshop.State.CANCELLED)
        )
        .select_related("registration__workshop", "registration__person")
        .order_by("pk")
    )


def visa_data_erase(*, now, dry_run: bool = False) -> list[VisaLetter]:
    """Erase the passport data that is due (see due_for_erasure); with `dry_run`, only say
    which letters it would be. Each letter is erased in its own transaction."""
    letters = list(due_for_erasure(now))
    if dry_run:
        return letters
    blank = {
        "passport_name": "",
        "nationality": "",
        "date_of_birth": None,
        "passport_number": "",
        "passport_expires_on": None,
    }
    for letter in letters:
        with transaction.atomic():
            # Only rows still unerased: a second run at the same time erases nothing twice.
            changed = VisaLetter.objects.filter(pk=letter.pk, erased_at__isnull=True).update(
                **blank, erased_at=now, updated_at=now
            )
            if changed:
                _record(activity.VISA_DATA_ERASED, letter.registration, by=None, now=now)
    return letters
