"""factory_boy factories for plans. Rows are written directly, as they would stand after the
services; tests of the rules go through puentes.plans.services."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.plans.models import (
    Activity,
    Assumption,
    Indicator,
    IndicatorValue,
    Outcome,
    Output,
    Plan,
)


def plan_of(item):
    """The plan an item belongs to, whatever its kind."""
    for step in ("output", "outcome"):
        parent = getattr(item, step, None)
        if parent is not None:
            return plan_of(parent)
    return item.plan


class PlanFactory(DjangoModelFactory):
    class Meta:
        model = Plan

    partnership = factory.SubFactory(PartnershipFactory)
    goals = factory.LazyFunction(
        lambda: {
            "sv": "Fler kvinnor deltar i de lokala besluten.",
            "es": "Más mujeres participan en las decisiones locales.",
        }
    )
    goal_language = "es"
    version = 1


class OutcomeFactory(DjangoModelFactory):
    class Meta:
        model = Outcome

    plan = factory.SubFactory(PlanFactory)
    texts = factory.Sequence(lambda n: {"es": f"Resultado {n}", "sv": f"Effekt {n}"})
    language = "es"
    position = factory.Sequence(lambda n: n + 1)


class OutputFactory(DjangoModelFactory):
    class Meta:
        model = Output

    outcome = factory.SubFactory(OutcomeFactory)
    texts = factory.Sequence(lambda n: {"es": f"Producto {n}", "sv": f"Prestation {n}"})
    language = "es"
    position = factory.Sequence(lambda n: n + 1)


class ActivityFactory(DjangoModelFactory):
    class Meta:
        model = Activity

    output = factory.SubFactory(OutputFactory)
    texts = factory.Sequence(lambda n: {"sv": f"Aktivitet {n}", "es": f"Actividad {n}"})
    language = "sv"
    position = factory.Sequence(lambda n: n + 1)
    start_date = datetime.date(2024, 3, 1)
    end_date = datetime.date(2024, 6, 30)
    responsible = Activity.Responsible.BOTH


class IndicatorFactory(DjangoModelFactory):
    """An indicator of an outcome that does not count people; see PeopleIndicatorFactory."""

    class Meta:
        model = Indicator

    outcome = factory.SubFactory(OutcomeFactory)
    texts = factory.Sequence(lambda n: {"es": f"Indicador {n}", "sv": f"Indikator {n}"})
    language = "es"
    units = factory.LazyFunction(lambda: {"sv": "procent", "es": "por ciento"})
    position = factory.Sequence(lambda n: n + 1)
    baseline = Decimal("10")
    target = Decimal("30")


class PeopleIndicatorFactory(IndicatorFactory):
    """An indicator that counts people: every figure split by sex."""

    units = factory.LazyFunction(lambda: {"sv": "personer", "es": "personas"})
    counts_people = True
    baseline = Decimal("12")
    baseline_women = 2
    baseline_men = 10
    baseline_other = 0
    target = Decimal("24")
    target_women = 12
    target_men = 12
    target_other = 0


class IndicatorValueFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    period = factory.LazyAttribute(
        lambda o: ReportingPeriodFactory(call=plan_of(o.indicator).partnership.call)
    )
    value = Decimal("15")


class AssumptionFactory(DjangoModelFactory):
    class Meta:
        model = Assumption

    plan = factory.SubFactory(PlanFactory)
    texts = factory.Sequence(lambda n: {"es": f"Supuesto {n}"})
    language = "es"
    position = factory.Sequence(lambda n: n + 1)
