"""Recording an indicator value from the API: the body is checked, then handed to the plans'
service with the version the caller read, so a value saved by someone else in the meantime is
a conflict and never overwritten."""

from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions

from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership
from puentes.plans import services as plans
from puentes.plans.locking import StaleVersion
from puentes.plans.models import Indicator, IndicatorValue
from puentes.plans.rules import Figure, PlanError

from .errors import Conflict
from .serializers_coordination import IndicatorValueWriteSerializer


def _indicator_and_partnership(pk: int):
    indicator = (
        Indicator.objects.annotate(
            partnership_pk=Coalesce(
                "outcome__plan__partnership", "output__outcome__plan__partnership"
            )
        )
        .filter(pk=pk)
        .first()
    )
    partnership = indicator and (
        Partnership.objects.select_related("call").filter(pk=indicator.partnership_pk).first()
    )
    if partnership is None:
        raise exceptions.ValidationError({"indicator": [_("There is no such indicator.")]})
    return indicator, partnership


def value_save(data, *, by, now) -> IndicatorValue:
    body = IndicatorValueWriteSerializer(data=data)
    body.is_valid(raise_exception=True)
    fields = body.validated_data
    indicator, partnership = _indicator_and_partnership(fields["indicator"])
    period = ReportingPeriod.objects.filter(pk=fields["period"]).first()
    if period is None:
        raise exceptions.ValidationError({"period": [_("There is no such reporting period.")]})
    figure = Figure(
        total=fields.get("value"),
        women=fields.get("women"),
        men=fields.get("men"),
        other=fields.get("other"),
    )
    if figure.is_empty:
        raise exceptions.ValidationError({"value": [_("Give a number.")]})
    entry = plans.ValueEntry(
        period=period, figure=figure, expected_version=fields["expected_version"]
    )
    try:
        plans.indicator_values_save(
            partnership=partnership, indicator=indicator, entries=[entry], by=by, now=now
        )
    except (plans.StaleValues, StaleVersion) as stale:
        raise Conflict(stale.message) from stale
    except plans.PeriodNotInCall as refused:
        raise exceptions.ValidationError({"period": [str(refused.message)]}) from refused
    except PlanError as refused:
        raise exceptions.ValidationError({"value": [str(refused.message)]}) from refused
    return IndicatorValue.objects.get(indicator=indicator, period=period)
