"""Figures about how the call's partnerships follow up their work: the participation rule,
progress reports due and overdue, and indicator progress. A fixed number of queries."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from puentes.core.i18n import pick
from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership
from puentes.plans.models import Indicator, IndicatorValue
from puentes.reports.models import ProgressReport

from .figures import Figure, Row
from .figures_rule import rule_counts
from .suppression import suppress_one


def rule_compliance(call) -> Figure:
    """The call's partnerships against its participation rule: met, met once the workshops
    they registered for are held, not met (two queries, figures_rule)."""
    met, planned, missing = rule_counts(call)
    return Figure(
        key="rule",
        title=_("Participation rule"),
        description=_(
            "How many partnerships have met the call's participation rule for workshops."
        ),
        rows=(
            Row("met", _("Met"), met),
            Row("planned", _("Met once the workshops they registered for are held"), planned),
            Row("missing", _("Not met"), missing),
        ),
        total=met + planned + missing,
        has_total=True,
    )


@dataclass(frozen=True)
class ReportRow:
    period: ReportingPeriod
    expected: int
    submitted: int
    due: int  # not submitted, due date not passed
    overdue: int  # not submitted, due date passed


def reports(call, today: datetime.date) -> list[ReportRow]:
    """Per reporting period of the call: the partnerships' reports submitted, still due and
    overdue (two queries)."""
    expected = Partnership.objects.filter(call=call).count()
    periods = (
        ReportingPeriod.objects.filter(call=call)
        .annotate(
            n_submitted=Count(
                "progress_reports",
                filter=Q(
                    progress_reports__status=ProgressReport.Status.SUBMITTED,
                    progress_reports__partnership__call=call,
                ),
                distinct=True,
            )
        )
        .order_by("start_date")
    )
    rows = []
    for period in periods:
        outstanding = max(expected - period.n_submitted, 0)
        late = today > period.due_date
        rows.append(
            ReportRow(
                period=period,
                expected=expected,
                submitted=period.n_submitted,
                due=0 if late else outstanding,
                overdue=outstanding if late else 0,
            )
        )
    return rows


def reports_figure(rows: list[ReportRow]) -> Figure:
    return Figure(
        key="reports",
        title=_("Progress reports"),
        description=_("Progress reports submitted, still due and overdue, all periods together."),
        rows=(
            Row("submitted", _("Submitted"), sum(r.submitted for r in rows)),
            Row("due", _("Due"), sum(r.due for r in rows)),
            Row("overdue", _("Overdue"), sum(r.overdue for r in rows)),
        ),
    )


class Progress:
    REACHED = "reached"
    MOVING = "moving"
    NOT_MOVING = "not_moving"
    NO_VALUE = "no_value"


def progress_of(baseline: Decimal, target: Decimal, latest: Decimal | None) -> str:
    """Where an indicator stands: target reached, moving towards it, not moving (or away), or
    no value reported yet. A target below the baseline means "lower is better"."""
    if latest is None:
        return Progress.NO_VALUE
    direction = 1 if target >= baseline else -1
    if (latest - target) * direction >= 0:
        return Progress.REACHED
    if (latest - baseline) * direction > 0:
        return Progress.MOVING
    return Progress.NOT_MOVING


@dataclass(frozen=True)
class IndicatorRow:
    partnership: str
    name: str
    lang: str
    unit: str
    baseline: Decimal | None  # None: fewer than 3 people, hidden
    target: Decimal
    latest: Decimal | None
    latest_hidden: bool
    progress: str


def _people(value, counts_people):
    if value is None or not counts_people:
        return value
    return None if suppress_one(int(value)) is None else value


def indicators(call) -> list[IndicatorRow]:
    """Every indicator of the call's partnerships with its baseline, target and latest value
    (one query). A baseline or latest value counting 1 or 2 people is hidden."""
    latest = IndicatorValue.objects.filter(indicator=OuterRef("pk")).order_by("-period__start_date")
    side = "plan__partnership__"
    queryset = (
        Indicator.objects.filter(
            Q(outcome__plan__partnership__call=call)
            | Q(output__outcome__plan__partnership__call=call)
        )
        .annotate(
            latest=Subquery(latest.values("value")[:1]),
            swedish=Coalesce(
                F(f"outcome__{side}swedish_organisation__name"),
                F(f"output__outcome__{side}swedish_organisation__name"),
            ),
            latin=Coalesce(
                F(f"outcome__{side}latin_organisation__name"),
                F(f"output__outcome__{side}latin_organisation__name"),
            ),
        )
        .order_by("swedish", "latin", "pk")
    )
    rows = []
    for ind in queryset:
        name, lang = pick(ind.texts)
        latest_shown = _people(ind.latest, ind.counts_people)
        rows.append(
            IndicatorRow(
                partnership=f"{ind.swedish} – {ind.latin}",
                name=name,
                lang=lang,
                unit=pick(ind.units)[0],
                baseline=_people(ind.baseline, ind.counts_people),
                target=ind.target,
                latest=latest_shown,
                latest_hidden=ind.latest is not None and latest_shown is None,
                progress=progress_of(ind.baseline, ind.target, ind.latest),
            )
        )
    return rows


def indicators_figure(rows: list[IndicatorRow]) -> Figure:
    labels = (
        (Progress.REACHED, _("Target reached")),
        (Progress.MOVING, _("Moving towards the target")),
        (Progress.NOT_MOVING, _("No progress yet")),
        (Progress.NO_VALUE, _("No value reported yet")),
    )
    return Figure(
        key="indicators",
        title=_("Indicator progress"),
        description=_("How many indicators have reached their target, moved towards it, or not."),
        rows=tuple(
            Row(key, label, sum(1 for r in rows if r.progress == key)) for key, label in labels
        ),
        total=len(rows),
        has_total=True,
    )
