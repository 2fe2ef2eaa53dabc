"""An indicator's actual values per reporting period: recorded all or nothing, split by sex
only when the indicator counts people, and refused for a period someone else changed since
the form was opened."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from puentes.core.audit import describe, entries_for
from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.people.tests.factories import PersonFactory, UserFactory
from puentes.plans.models import IndicatorValue
from puentes.plans.rules import Figure, PlanError
from puentes.plans.services import (
    PeriodNotInCall,
    StaleValues,
    ValueEntry,
    indicator_values_save,
)

from .factories import IndicatorFactory, IndicatorValueFactory, PeopleIndicatorFactory, plan_of

NOW = datetime.datetime(2025, 2, 1, 9, 0, tzinfo=datetime.UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor():
    return PersonFactory(name="María Tzul", preferred_language="es").user


def periods_of(indicator, *years):
    call = plan_of(indicator).partnership.call
    return [
        ReportingPeriodFactory(
            call=call,
            start_date=datetime.date(year, 1, 1),
            end_date=datetime.date(year, 12, 31),
            due_date=datetime.date(year + 1, 1, 31),
        )
        for year in years
    ]


def save(indicator, entries, by):
    return indicator_values_save(
        partnership=plan_of(indicator).partnership,
        indicator=indicator,
        entries=entries,
        by=by,
        now=NOW,
    )


def values(indicator):
    return {
        value.period.label: (value.value, value.women, value.men, value.other, value.version)
        for value in IndicatorValue.objects.filter(indicator=indicator).select_related("period")
    }


def test_values_of_people_are_recorded_per_period_split_by_sex(editor):
    indicator = PeopleIndicatorFactory(texts={"es": "Mujeres en los COCODE"}, language="es")
    p2024, p2025 = periods_of(indicator, 2024, 2025)

    changed = save(
        indicator,
        [
            ValueEntry(p2024, Figure(women=14, men=30, other=1), 0),
            ValueEntry(p2025, Figure(women=22, men=28, other=0), 0),
        ],
        editor,
    )

    assert changed == 2
    assert values(indicator) == {"2024": (45, 14, 30, 1, 1), "2025": (50, 22, 28, 0, 1)}
    assert [describe(entry).sentence for entry in entries_for(plan_of(indicator).partnership)] == [
        "María Tzul recorded the value of the indicator “Mujeres en los COCODE” for 2025.",
        "María Tzul recorded the value of the indicator “Mujeres en los COCODE” for 2024.",
    ]


def test_a_value_of_something_else_is_one_number(editor):
    indicator = IndicatorFactory()
    (p2024,) = periods_of(indicator, 2024)

    save(indicator, [ValueEntry(p2024, Figure(total=Decimal("12.5")), 0)], editor)

    assert values(indicator) == {"2024": (Decimal("12.5"), None, None, None, 1)}


@pytest.mark.parametrize(
    ("factory", "figure"),
    [
        (PeopleIndicatorFactory, Figure(total=45)),
        (PeopleIndicatorFactory, Figure(women=14, men=30)),
        (IndicatorFactory, Figure(total=40, women=10, men=30, other=0)),
        (IndicatorFactory, Figure(total=-1)),
    ],
)
def test_the_split_is_required_exactly_when_the_indicator_counts_people(editor, factory, figure):
    indicator = factory()
    p2024, p2025 = periods_of(indicator, 2024, 2025)
    good = Figure(women=1, men=1, other=1) if indicator.counts_people else Figure(total=3)

    with pytest.raises(PlanError):
        save(indicator, [ValueEntry(p2024, good, 0), ValueEntry(p2025, figure, 0)], editor)

    assert not IndicatorValue.objects.exists()  # the good period is not half-saved either


def test_changing_a_value_bumps_its_version_and_an_unchanged_one_is_left_alone(editor):
    indicator = IndicatorFactory()
    p2024, p2025 = periods_of(indicator, 2024, 2025)
    IndicatorValueFactory(indicator=indicator, period=p2024, value=10)
    IndicatorValueFactory(indicator=indicator, period=p2025, value=20)

    changed = save(
        indicator,
        [ValueEntry(p2024, Figure(total=10), 1), ValueEntry(p2025, Figure(total=25), 1)],
        editor,
    )

    assert changed == 1
    assert values(indicator) == {
        "2024": (10, None, None, None, 1),
        "2025": (25, None, None, None, 2),
    }
    assert len(entries_for(plan_of(indicator).partnership)) == 1


def test_an_empty_entry_removes_the_value(editor):
    indicator = IndicatorFactory(texts={"es": "Presupuesto"}, language="es")
    (p2024,) = periods_of(indicator, 2024)
    IndicatorValueFactory(indicator=indicator, period=p2024)

    save(indicator, [ValueEntry(p2024, Figure(), 1)], editor)

    assert not IndicatorValue.objects.exists()
    assert describe(entries_for(plan_of(indicator).partnership).get()).sentence == (
        "María Tzul removed the value of the indicator “Presupuesto” for 2024."
    )


def test_a_period_changed_since_the_form_was_opened_is_refused_and_nothing_is_saved(editor):
    # Given Erik saved 2024 after María opened the form (she saw version 1 of 2024, none of 2025)
    indicator = IndicatorFactory()
    p2024, p2025 = periods_of(indicator, 2024, 2025)
    IndicatorValueFactory(indicator=indicator, period=p2024, value=10)
    save(indicator, [ValueEntry(p2024, Figure(total=11), 1)], UserFactory())

    # When María saves both periods
    with pytest.raises(StaleValues) as refused:
        save(
            indicator,
            [ValueEntry(p2024, Figure(total=12), 1), ValueEntry(p2025, Figure(total=30), 0)],
            editor,
        )

    # Then she is shown Erik's 2024, and neither period is saved
    assert list(refused.value.current) == [p2024.pk]
    assert refused.value.current[p2024.pk].value == 11
    assert values(indicator) == {"2024": (11, None, None, None, 2)}


def test_a_first_value_someone_else_recorded_meanwhile_is_a_conflict(editor):
    indicator = IndicatorFactory()
    (p2024,) = periods_of(indicator, 2024)
    IndicatorValueFactory(indicator=indicator, period=p2024, value=10)

    with pytest.raises(StaleValues) as refused:
        save(indicator, [ValueEntry(p2024, Figure(total=12), 0)], editor)

    assert refused.value.current[p2024.pk].value == 10


def test_a_value_removed_meanwhile_is_a_conflict_with_nothing_saved(editor):
    indicator = IndicatorFactory()
    (p2024,) = periods_of(indicator, 2024)

    with pytest.raises(StaleValues) as refused:
        save(indicator, [ValueEntry(p2024, Figure(total=12), 3)], editor)

    assert refused.value.current == {p2024.pk: None}


def test_entering_what_is_saved_now_is_no_conflict_whatever_the_version(editor):
    indicator = IndicatorFactory()
    (p2024,) = periods_of(indicator, 2024)
    IndicatorValueFactory(indicator=indicator, period=p2024, value=10, version=4)

    assert save(indicator, [ValueEntry(p2024, Figure(total=10), 1)], editor) == 0


def test_a_period_of_another_call_is_refused(editor):
    indicator = IndicatorFactory()
    elsewhere = ReportingPeriodFactory()

    with pytest.raises(PeriodNotInCall):
        save(indicator, [ValueEntry(elsewhere, Figure(total=1), 0)], editor)

    assert not IndicatorValue.objects.exists()
