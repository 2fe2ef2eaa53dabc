"""Optimistic locking of a plan's rows: save or delete a row only if it is still the
version the editor opened.

Every Versioned row counts its saves in `version`. A form carries the version it was opened
at; the save locks the row, compares, writes with `WHERE version = <expected>` (so even a
database without row locks cannot let two saves of one version both succeed) and bumps the
version. A stale save raises StaleVersion with the row as it is saved now, or None if it was
deleted meanwhile, so the page can show both versions and lose nothing. Rows are locked one
by one, so people editing different rows never wait for or refuse each other.
"""

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from .rules import PlanError


class StaleVersion(PlanError):
    """Someone saved or deleted the row after the form was opened; `current` is the row as
    saved now, None when it is gone."""

    message = _("Someone else saved this after you opened it.")

    def __init__(self, current):
        self.current = current
        super().__init__()


def lock(queryset: QuerySet, pk):
    """The row `pk` of `queryset`, locked for this transaction; None if there is none."""
    return queryset.select_for_update(of=("self",)).filter(pk=pk).first()


def check_version(current, expected_version: int) -> None:
    if current is None or current.version != expected_version:
        raise StaleVersion(current)


def acting_user(by):
    """Who `updated_by` names: the user, or nobody for the system or an anonymous caller."""
    return by if by is not None and by.is_authenticated else None


def update_versioned(current, expected_version: int, changes: dict, *, by, now):
    """Write `changes` to the locked row `current` if it is at `expected_version`, bump its
    version and record who saved it and when; return the row as saved."""
    model = type(current)
    written = model.objects.filter(pk=current.pk, version=expected_version).update(
        **changes, version=F("version") + 1, updated_by=acting_user(by), updated_at=now
    )
    if written != 1:
        raise StaleVersion(model.objects.filter(pk=current.pk).first())
    current.refresh_from_db()
    return current


def delete_versioned(current, expected_version: int) -> None:
    """Delete the locked row `current` (and what hangs on it) if it is at `expected_version`."""
    model = type(current)
    deleted, _counts = model.objects.filter(pk=current.pk, version=expected_version).delete()
    if not deleted:
        raise StaleVersion(model.objects.filter(pk=current.pk).first())
