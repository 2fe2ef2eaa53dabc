"""The database itself refuses a plan that breaks its invariants, whatever code writes it."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from puentes.plans.models import Activity, Indicator, IndicatorValue, Plan

from .factories import (
    ActivityFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OutputFactory,
    PeopleIndicatorFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db


def refused(write):
    with pytest.raises(IntegrityError), transaction.atomic():
        write()


def test_an_activity_cannot_end_before_it_starts_or_have_nobody_responsible():
    activity = ActivityFactory()
    rows = Activity.objects.filter(pk=activity.pk)

    refused(lambda: rows.update(end_date=datetime.date(2024, 2, 1)))
    refused(lambda: rows.update(responsible="nobody"))


def test_a_partnership_has_one_plan():
    plan = PlanFactory()

    refused(lambda: Plan.objects.create(partnership=plan.partnership))


def test_an_indicator_measures_exactly_one_outcome_or_output():
    indicator = IndicatorFactory()
    rows = Indicator.objects.filter(pk=indicator.pk)

    refused(lambda: rows.update(output=OutputFactory(outcome=indicator.outcome)))
    refused(lambda: rows.update(outcome=None))


def test_an_indicators_figures_are_not_negative():
    rows = Indicator.objects.filter(pk=IndicatorFactory().pk)

    refused(lambda: rows.update(baseline=Decimal("-1")))
    refused(lambda: rows.update(target=Decimal("-0.5")))


def test_an_indicator_that_counts_people_has_a_split_that_adds_up():
    people = Indicator.objects.filter(pk=PeopleIndicatorFactory().pk)
    other = Indicator.objects.filter(pk=IndicatorFactory().pk)

    refused(lambda: people.update(baseline_women=None))
    refused(lambda: people.update(target=Decimal("25")))  # 12 + 12 + 0 is 24
    refused(lambda: other.update(baseline_women=1, baseline_men=9, baseline_other=0))
    refused(lambda: other.update(counts_people=True))


def test_an_indicator_has_one_value_per_period_split_only_if_complete_and_adding_up():
    value = IndicatorValueFactory(value=Decimal("10"))
    rows = IndicatorValue.objects.filter(pk=value.pk)

    refused(
        lambda: IndicatorValue.objects.create(
            indicator=value.indicator, period=value.period, value=Decimal("3")
        )
    )
    refused(lambda: rows.update(women=4, men=6))
    refused(lambda: rows.update(women=4, men=6, other=1))
    refused(lambda: rows.update(value=Decimal("-1")))
    rows.update(women=4, men=6, other=0)  # a complete split that adds up is fine
