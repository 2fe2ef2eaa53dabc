"""The page where an indicator's actual values are entered, one per reporting period of the
partnership's call. All periods are saved together or not at all; a period someone else
changed since the page was opened answers 409 with both values and the editor's figures
kept in the form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.partnerships.views import coordinators_need_mfa

from . import selectors
from .forms_values import IndicatorValuesForm
from .kinds import INDICATOR
from .locking import StaleVersion
from .rules import PlanError, figure_clean, figure_of
from .services import StaleValues, indicator_values_save
from .views import editable_partnership, item_or_404, plan_url


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def indicator_values(request, pk, item_pk):
    partnership = editable_partnership(request, pk)
    indicator = item_or_404(INDICATOR, partnership, item_pk)
    periods = selectors.reporting_periods(partnership)
    saved = selectors.values_by_period(indicator)
    context = {"partnership": partnership, "indicator": indicator, "periods": periods}
    if request.method != "POST":
        form = IndicatorValuesForm(indicator=indicator, periods=periods, saved=saved)
        return _page(request, {**context, "form": form})
    form = IndicatorValuesForm(request.POST, indicator=indicator, periods=periods, saved=saved)
    if form.is_valid():
        try:
            indicator_values_save(
                partnership=partnership,
                indicator=indicator,
                entries=form.entries(),
                by=request.user,
                now=timezone.now(),
            )
        except StaleValues as stale:
            saved = selectors.values_by_period(indicator)
            conflicts = _conflict_rows(form, periods, stale.current)
            refilled = form.refilled(saved)
            return _page(request, {**context, "form": refilled, "conflicts": conflicts}, 409)
        except StaleVersion:
            messages.error(request, _("Someone else deleted the indicator in the meantime."))
            return redirect(plan_url(partnership))
        except PlanError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The actual values are saved."))
            return redirect(plan_url(partnership))
    return _page(request, {**context, "form": form}, 400)


def _page(request, context, status=200):
    indicator = context["indicator"]
    context["figures"] = selectors.figure_rows(indicator, [], [])
    return render(request, "plans/indicator_values.html", context, status=status)


def _conflict_rows(form, periods, current: dict) -> list[dict]:
    """Each conflicting period: the editor's figure and the one saved now (None: removed)."""
    rows = []
    for period in periods:
        if period.pk not in current:
            continue
        value = current[period.pk]
        yours = form.figure(period)
        if not yours.is_empty:
            # The form has checked the parts; this adds them up as the saved figure is.
            yours = figure_clean(yours, counts_people=form.indicator.counts_people)
        rows.append(
            {
                "period": period,
                "yours": None if yours.is_empty else yours,
                "saved": figure_of(value) if value is not None else None,
                "saved_by": value.updated_by if value is not None else None,
                "saved_at": value.updated_at if value is not None else None,
            }
        )
    return rows
