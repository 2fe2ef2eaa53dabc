"""Changes of state of a partnership's plan: its overall goal, its items (outcomes, outputs,
activities, indicators, assumptions) and the indicators' actual values per reporting period.

Each service runs in one transaction, saves under the version the editor opened (see
locking.py) and records an audit entry in the partnership's timeline. A refusal leaves
nothing behind. The plan itself is made the first time anything is saved in it.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.networks.models import ReportingPeriod

from . import activity
from .kinds import INDICATOR, Kind, author_language, kind_of
from .locking import (
    StaleVersion,
    acting_user,
    check_version,
    delete_versioned,
    lock,
    update_versioned,
)
from .models import Indicator, IndicatorValue, Plan
from .rules import Figure, PlanError, figure_clean, figure_fields, figure_of, texts_merge


class ParentGone(PlanError):
    """The outcome or output to add to was deleted after the form was opened."""

    message = _("What you were adding to has been deleted by someone else in the meantime.")


def plan_ensure(partnership) -> Plan:
    """The partnership's plan, made now if nobody has saved anything in it yet."""
    plan, _created = Plan.objects.get_or_create(partnership=partnership)
    return plan


@transaction.atomic
def plan_save_goal(*, partnership, texts: dict, expected_version: int, by, now) -> Plan:
    """Save the overall goal ({"sv": …, "es": …}) if nobody saved it since
    `expected_version` (0 when the editor saw no goal); else raise StaleVersion."""
    plan = Plan.objects.select_for_update().filter(partnership=partnership).first()
    if plan is None:
        plan = plan_ensure(partnership)
    check_version(plan, expected_version)
    goals, language = texts_merge(
        current=plan.goals,
        current_language=plan.goal_language if plan.goals else None,
        new=texts,
        author_language=author_language(by),
    )
    plan = update_versioned(
        plan, expected_version, {"goals": goals, "goal_language": language}, by=by, now=now
    )
    audit_record(actor=by, action=activity.GOAL_SAVED, target=plan, scope=partnership, at=now)
    return plan


def _record(kind_action: str, item, *, partnership, by, now, **data):
    audit_record(
        actor=by,
        action=kind_action,
        target=item,
        scope=partnership,
        data={"title": item.title, **data},
        at=now,
    )


@transaction.atomic
def item_create(*, kind: Kind, partnership, parent=None, data: dict, by, now):
    """Add an item of `kind` at the end of its siblings: an outcome or an assumption to the
    plan (no `parent`), an output to an outcome, an activity to an output, an indicator to
    an outcome or an output. `data` is what the kind's clean() takes."""
    if kind.is_top_level:
        parent = plan_ensure(partnership)
    else:
        parent = lock(kind_of(type(parent)).in_partnership(partnership), parent.pk)
        if parent is None:
            raise ParentGone
    field = kind.parent_field(parent)
    fields = kind.clean(data, None, by)
    last = kind.model.objects.filter(**{field: parent}).aggregate(last=Max("position"))["last"]
    item = kind.model.objects.create(
        **{field: parent}, **fields, position=(last or 0) + 1, updated_by=acting_user(by)
    )
    _record(kind.added, item, partnership=partnership, by=by, now=now)
    return item


@transaction.atomic
def item_update(*, kind: Kind, partnership, item, data: dict, expected_version: int, by, now):
    """Save the item if it is still at `expected_version`; else raise StaleVersion with the
    item as saved now (None if deleted)."""
    current = lock(kind.in_partnership(partnership), item.pk)
    check_version(current, expected_version)
    fields = kind.clean(data, current, by)
    current = update_versioned(current, expected_version, fields, by=by, now=now)
    _record(kind.changed, current, partnership=partnership, by=by, now=now)
    return current


@transaction.atomic
def item_delete(*, kind: Kind, partnership, item, expected_version: int, by, now) -> bool:
    """Delete the item, and what hangs on it, if it is still at `expected_version`; else
    raise StaleVersion. Returns False when it was already deleted."""
    current = lock(kind.in_partnership(partnership), item.pk)
    if current is None:
        return False
    check_version(current, expected_version)
    delete_versioned(current, expected_version)
    _record(kind.deleted, current, partnership=partnership, by=by, now=now)
    return True


# --- Actual values per reporting period -----------------------------------------------


@dataclass(frozen=True)
class ValueEntry:
    """What an editor entered for one period, and the version of the value they saw (0 when
    there was none). An empty figure removes the value."""

    period: ReportingPeriod
    figure: Figure
    expected_version: int


class StaleValues(PlanError):
    """Someone saved values of these periods after the form was opened; `current` maps each
    period's pk to its value as saved now (None if removed)."""

    message = _("Someone else saved values of this indicator after you opened it.")

    def __init__(self, current: dict):
        self.current = current
        super().__init__()


class PeriodNotInCall(PlanError):
    message = _("Values are recorded only for the reporting periods of the partnership's call.")


def _same(current: IndicatorValue | None, figure: Figure | None) -> bool:
    if current is None or figure is None:
        return current is None and figure is None
    return figure_of(current) == figure


@transaction.atomic
def indicator_values_save(*, partnership, indicator: Indicator, entries, by, now) -> int:
    """Record the indicator's actual value for each entry's period, all or nothing.

    A period whose value someone saved since the form was opened, and that the editor would
    now change, is a conflict: nothing is saved and StaleValues says what is saved now.
    Returns how many periods changed."""
    indicator = lock(INDICATOR.in_partnership(partnership), indicator.pk)
    if indicator is None:
        raise StaleVersion(None)
    periods = set(partnership.call.reporting_periods.values_list("pk", flat=True))
    saved = {
        value.period_id: value
        for value in IndicatorValue.objects.select_for_update().filter(indicator=indicator)
    }
    conflicts, changed = {}, 0
    for entry in entries:
        if entry.period.pk not in periods:
            raise PeriodNotInCall
        current = saved.get(entry.period.pk)
        figure = None
        if not entry.figure.is_empty:
            figure = figure_clean(entry.figure, counts_people=indicator.counts_people)
        if _same(current, figure):
            continue
        if (current.version if current else 0) != entry.expected_version:
            conflicts[entry.period.pk] = current
            continue
        try:
            _write_value(indicator, entry.period, current, figure, by=by, now=now)
        except StaleVersion as stale:
            conflicts[entry.period.pk] = stale.current
            continue
        action = activity.VALUE_RECORDED if figure else activity.VALUE_CLEARED
        _record(
            action, indicator, partnership=partnership, by=by, now=now, period=entry.period.label
        )
        changed += 1
    if conflicts:
        raise StaleValues(conflicts)
    return changed


def _write_value(indicator, period, current, figure, *, by, now) -> None:
    if figure is None:
        delete_versioned(current, current.version)
        return
    fields = figure_fields(figure, "")
    if current is not None:
        update_versioned(current, current.version, fields, by=by, now=now)
        return
    try:
        with transaction.atomic():
            IndicatorValue.objects.create(
                indicator=indicator, period=period, **fields, updated_by=acting_user(by)
            )
    except IntegrityError as exc:
        # Someone recorded this period's first value at the same moment.
        existing = IndicatorValue.objects.filter(indicator=indicator, period=period).first()
        raise StaleVersion(existing) from exc
