"""Reads of a partnership's plan. Every read is scoped to a partnership the caller may see
(puentes.partnerships.selectors.partnership_for), so an item of another plan is never found.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .kinds import Kind
from .models import Activity, Indicator, IndicatorValue, Output, Plan
from .rules import figure_of


@dataclass
class PlanPage:
    """The whole logframe as the plan page shows it."""

    plan: Plan | None
    periods: list
    outcomes: list = field(default_factory=list)
    assumptions: list = field(default_factory=list)


def plan_of(partnership) -> Plan | None:
    return Plan.objects.filter(partnership=partnership).select_related("updated_by").first()


def reporting_periods(partnership) -> list:
    """The reporting periods of the partnership's call, in order."""
    return list(partnership.call.reporting_periods.order_by("start_date"))


def _indicators():
    return Indicator.objects.prefetch_related(Prefetch("values", to_attr="value_list"))


def plan_page(partnership) -> PlanPage:
    """Goal, outcomes with their indicators and outputs, outputs with their activities and
    indicators, each indicator with its figures per period, and the assumptions: a fixed
    number of queries, however large the plan."""
    periods = reporting_periods(partnership)
    plan = plan_of(partnership)
    if plan is None:
        return PlanPage(plan=None, periods=periods)
    outputs = Output.objects.prefetch_related(
        Prefetch("activities", to_attr="activity_list"),
        Prefetch("indicators", queryset=_indicators(), to_attr="indicator_list"),
    )
    outcomes = list(
        plan.outcomes.prefetch_related(
            Prefetch("indicators", queryset=_indicators(), to_attr="indicator_list"),
            Prefetch("outputs", queryset=outputs, to_attr="output_list"),
        )
    )
    for outcome in outcomes:
        _add_figure_rows(outcome.indicator_list, periods)
        for output in outcome.output_list:
            _add_figure_rows(output.indicator_list, periods)
    return PlanPage(
        plan=plan, periods=periods, outcomes=outcomes, assumptions=list(plan.assumptions.all())
    )


def figure_rows(indicator, periods, values) -> list[dict]:
    """Baseline, target and each period's actual value (None when not yet recorded)."""
    by_period = {value.period_id: value for value in values}
    rows = [
        {"label": _("Baseline"), "figure": figure_of(indicator, "baseline")},
        {"label": _("Target"), "figure": figure_of(indicator, "target")},
    ]
    for period in periods:
        value = by_period.get(period.pk)
        rows.append(
            {
                "label": period.label,
                "period": period,
                "figure": figure_of(value) if value is not None else None,
            }
        )
    return rows


def _add_figure_rows(indicators, periods) -> None:
    for indicator in indicators:
        indicator.rows = figure_rows(indicator, periods, indicator.value_list)


def item_for(kind: Kind, partnership, pk):
    """The item `pk` of `kind` in the partnership's plan; raises the model's DoesNotExist."""
    return kind.in_partnership(partnership).select_related("updated_by").get(pk=pk)


def values_by_period(indicator) -> dict:
    """{period pk: value} of the indicator's recorded values."""
    return {
        value.period_id: value
        for value in IndicatorValue.objects.filter(indicator=indicator).select_related("updated_by")
    }


def what_goes_with(kind: Kind, item) -> list[str]:
    """What deleting the item also deletes, as lines to show before it is done."""
    if kind.name == "outcome":
        counts = {
            "outputs": Output.objects.filter(outcome=item).count(),
            "activities": Activity.objects.filter(output__outcome=item).count(),
        }
        indicators = Indicator.objects.filter(Q(outcome=item) | Q(output__outcome=item))
    elif kind.name == "output":
        counts = {"activities": item.activities.count()}
        indicators = Indicator.objects.filter(output=item)
    elif kind.name == "indicator":
        counts = {}
        indicators = Indicator.objects.filter(pk=item.pk)
    else:
        return []
    if kind.name != "indicator":
        counts["indicators"] = indicators.count()
    counts["values"] = IndicatorValue.objects.filter(indicator__in=indicators).count()
    return [_count_line(name, number) for name, number in counts.items() if number]


def _count_line(name: str, number: int) -> str:
    if name == "outputs":
        return ngettext("%(count)s output", "%(count)s outputs", number) % {"count": number}
    if name == "activities":
        return ngettext("%(count)s activity", "%(count)s activities", number) % {"count": number}
    if name == "indicators":
        return ngettext("%(count)s indicator", "%(count)s indicators", number) % {"count": number}
    return ngettext(
        "%(count)s recorded actual value", "%(count)s recorded actual values", number
    ) % {"count": number}
