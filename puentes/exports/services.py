"""The import of indicator values: all rows or none, through the plans service that saves
values under their version, so the plan's optimistic locking holds for imports too."""

from django.db import transaction

from puentes.core.audit import audit_record
from puentes.plans.rules import PlanError
from puentes.plans.services import StaleValues, ValueEntry, indicator_values_save

from . import activity
from .imports import ImportRejected, RowError, import_plan


@transaction.atomic
def indicator_values_import(*, network, text: str, file_name: str, by, now) -> int:
    """Record every value the CSV `text` changes in `network`'s plans, in one transaction;
    ImportRejected (and nothing saved) when any row is wrong or was saved meanwhile.
    Returns how many values changed."""
    plan = import_plan(network, text)
    errors, changed = [], 0
    for changes in plan.by_indicator().values():
        first = changes[0]
        entries = [
            ValueEntry(period=c.period, figure=c.after, expected_version=c.expected_version)
            for c in changes
        ]
        try:
            changed += indicator_values_save(
                partnership=first.partnership,
                indicator=first.indicator,
                entries=entries,
                by=by,
                now=now,
            )
        except StaleValues as stale:
            errors.extend(
                RowError(c.row, str(stale.message)) for c in changes if c.period.pk in stale.current
            )
        except PlanError as error:
            errors.extend(RowError(c.row, str(error.message)) for c in changes)
    if errors:
        raise ImportRejected(sorted(errors, key=lambda error: error.row))
    if changed:
        audit_record(
            actor=by,
            action=activity.INDICATOR_VALUES_IMPORTED,
            target=network,
            data={"changed": changed, "file": file_name},
            at=now,
        )
    return changed
