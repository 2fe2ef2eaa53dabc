"""The plan's goal and items saved under optimistic locking: a stale save or delete is
refused with what is saved now and changes nothing; people editing different items never
refuse each other; every change is in the partnership's timeline."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from puentes.core.audit import describe, entries_for
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import PersonFactory, UserFactory
from puentes.plans.kinds import ACTIVITY, ASSUMPTION, INDICATOR, OUTCOME, OUTPUT
from puentes.plans.locking import StaleVersion
from puentes.plans.models import Activity, Indicator, IndicatorValue, Outcome, Output
from puentes.plans.rules import Figure, PlanError
from puentes.plans.services import (
    ParentGone,
    item_create,
    item_delete,
    item_update,
)

from .factories import (
    ActivityFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OutcomeFactory,
    OutputFactory,
    PeopleIndicatorFactory,
    plan_of,
)

NOW = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor():
    return PersonFactory(preferred_language="es").user


def add(kind, partnership, data, by, parent=None):
    return item_create(kind=kind, partnership=partnership, parent=parent, data=data, by=by, now=NOW)


def update(kind, item, data, version, by):
    return item_update(
        kind=kind,
        partnership=plan_of(item).partnership,
        item=item,
        data=data,
        expected_version=version,
        by=by,
        now=NOW,
    )


def sentences(partnership):
    return [describe(entry).sentence for entry in entries_for(partnership)]


# --- Items ----------------------------------------------------------------------------


def test_items_are_added_at_the_end_of_their_siblings_and_recorded_in_the_timeline(editor):
    partnership = PartnershipFactory()

    first = add(OUTCOME, partnership, {"texts": {"es": "Más concejalas."}}, editor)
    second = add(OUTCOME, partnership, {"texts": {"sv": "Fler kvinnor i byråden."}}, editor)
    output = add(OUTPUT, partnership, {"texts": {"es": "Lideresas formadas."}}, editor, first)
    assumption = add(ASSUMPTION, partnership, {"texts": {"es": "Paz social."}}, editor)

    assert (first.position, second.position, output.position) == (1, 2, 1)
    assert (first.language, second.language) == ("es", "sv")
    assert list(partnership.plan.outcomes.all()) == [first, second]
    assert output.outcome == first and assumption.plan == partnership.plan
    assert first.version == 1 and first.updated_by == editor
    assert sentences(partnership)[-1] == (
        f"{editor.person.name} added the outcome “Más concejalas.” to the plan."
    )
    assert len(entries_for(partnership)) == 4


def test_an_activity_records_its_dates_and_who_is_responsible(editor):
    output = OutputFactory()
    partnership = output.outcome.plan.partnership

    activity_ = add(
        ACTIVITY,
        partnership,
        {
            "texts": {"sv": "Workshop i Totonicapán"},
            "start_date": datetime.date(2024, 3, 1),
            "end_date": datetime.date(2024, 3, 3),
            "responsible": Activity.Responsible.LATIN,
        },
        editor,
        output,
    )

    assert (activity_.start_date, activity_.end_date) == (
        datetime.date(2024, 3, 1),
        datetime.date(2024, 3, 3),
    )
    assert activity_.responsible == "latin"


@pytest.mark.parametrize(
    ("start", "end", "responsible"),
    [
        (datetime.date(2024, 3, 3), datetime.date(2024, 3, 1), "both"),
        (datetime.date(2024, 3, 1), None, "both"),
        (datetime.date(2024, 3, 1), datetime.date(2024, 3, 1), "nobody"),
    ],
)
def test_an_activity_with_dates_out_of_order_or_nobody_responsible_is_refused(
    editor, start, end, responsible
):
    output = OutputFactory()

    with pytest.raises(PlanError):
        add(
            ACTIVITY,
            output.outcome.plan.partnership,
            {
                "texts": {"sv": "X"},
                "start_date": start,
                "end_date": end,
                "responsible": responsible,
            },
            editor,
            output,
        )

    assert not Activity.objects.exists()


def indicator_data(counts_people, baseline, target, name="Concejalas"):
    return {
        "texts": {"es": name},
        "units": {"es": "personas"},
        "counts_people": counts_people,
        "baseline": baseline,
        "target": target,
    }


def test_an_indicator_that_counts_people_keeps_the_split_and_its_sum(editor):
    outcome = OutcomeFactory()

    indicator = add(
        INDICATOR,
        outcome.plan.partnership,
        indicator_data(True, Figure(women=2, men=9, other=1), Figure(women=6, men=6, other=0)),
        editor,
        outcome,
    )

    indicator.refresh_from_db()
    assert (indicator.baseline, indicator.baseline_women, indicator.baseline_men) == (12, 2, 9)
    assert (indicator.target, indicator.target_women, indicator.target_other) == (12, 6, 0)
    assert indicator.outcome == outcome and indicator.output is None
    assert indicator.units == {"es": "personas"}


def test_an_indicator_of_an_output_measures_the_output(editor):
    output = OutputFactory()

    indicator = add(
        INDICATOR,
        output.outcome.plan.partnership,
        indicator_data(False, Figure(total=Decimal("0")), Figure(total=Decimal("2.5"))),
        editor,
        output,
    )

    assert indicator.output == output and indicator.outcome is None
    assert indicator.target == Decimal("2.5")


def test_an_indicator_that_counts_people_without_the_split_is_refused(editor):
    outcome = OutcomeFactory()

    with pytest.raises(PlanError):
        add(
            INDICATOR,
            outcome.plan.partnership,
            indicator_data(True, Figure(total=12), Figure(women=6, men=6, other=0)),
            editor,
            outcome,
        )

    assert not Indicator.objects.exists()


def test_saving_an_item_bumps_its_version_and_keeps_its_original(editor):
    outcome = OutcomeFactory(texts={"es": "Más concejalas."}, language="es")

    saved = update(OUTCOME, outcome, {"texts": {"sv": "Fler ledamöter.", "es": "Más."}}, 1, editor)

    assert saved.texts == {"sv": "Fler ledamöter.", "es": "Más."}
    assert (saved.language, saved.version, saved.updated_by, saved.updated_at) == (
        "es",
        2,
        editor,
        NOW,
    )
    assert sentences(outcome.plan.partnership) == [
        f"{editor.person.name} changed the outcome “Más.”."
    ]


def test_a_save_based_on_an_old_version_is_refused_and_changes_nothing(editor):
    # Given Ana and Erik opened version 1 of an outcome, and Ana saved first
    outcome = OutcomeFactory(texts={"es": "Original."})
    update(OUTCOME, outcome, {"texts": {"es": "Texto de Ana."}}, 1, editor)

    # When Erik saves on top of version 1
    with pytest.raises(StaleVersion) as refused:
        update(OUTCOME, outcome, {"texts": {"es": "Texto de Erik."}}, 1, UserFactory())

    # Then he gets Ana's saved version to compare, and Ana's text is kept
    assert refused.value.current.texts == {"es": "Texto de Ana."}
    assert refused.value.current.version == 2
    outcome.refresh_from_db()
    assert (outcome.texts, outcome.version, outcome.updated_by) == (
        {"es": "Texto de Ana."},
        2,
        editor,
    )
    assert len(entries_for(outcome.plan.partnership)) == 1


def test_two_people_editing_different_items_both_save(editor):
    # Given two outcomes of one plan, both opened at version 1 by two people
    first = OutcomeFactory()
    second = OutcomeFactory(plan=first.plan)

    # When each saves their own
    update(OUTCOME, first, {"texts": {"es": "Uno."}}, 1, editor)
    update(OUTCOME, second, {"texts": {"sv": "Två."}}, 1, UserFactory())

    # Then both are saved
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.texts["es"], second.texts["sv"]) == ("Uno.", "Två.")
    assert first.version == second.version == 2


def test_saving_an_item_deleted_meanwhile_is_refused_with_nothing_to_compare(editor):
    outcome = OutcomeFactory()
    Outcome.objects.filter(pk=outcome.pk).delete()

    with pytest.raises(StaleVersion) as refused:
        update(OUTCOME, outcome, {"texts": {"es": "Tarde."}}, 1, editor)

    assert refused.value.current is None
    assert not Outcome.objects.exists()


def test_an_item_of_another_partnership_is_never_changed(editor):
    outcome = OutcomeFactory(texts={"es": "Ajeno."})

    with pytest.raises(StaleVersion):
        item_update(
            kind=OUTCOME,
            partnership=PartnershipFactory(),
            item=outcome,
            data={"texts": {"es": "Mío."}},
            expected_version=1,
            by=editor,
            now=NOW,
        )

    outcome.refresh_from_db()
    assert outcome.texts == {"es": "Ajeno."}


def test_adding_to_an_output_deleted_meanwhile_is_refused(editor):
    output = OutputFactory()
    partnership = output.outcome.plan.partnership
    Output.objects.filter(pk=output.pk).delete()

    with pytest.raises(ParentGone):
        add(
            ACTIVITY,
            partnership,
            {
                "texts": {"es": "Huérfana."},
                "start_date": datetime.date(2024, 1, 1),
                "end_date": datetime.date(2024, 1, 2),
                "responsible": "both",
            },
            editor,
            output,
        )
    assert not Activity.objects.exists()


def test_whether_an_indicator_counts_people_is_fixed_once_it_has_values(editor):
    value = IndicatorValueFactory()
    indicator = value.indicator
    data = indicator_data(True, Figure(women=1, men=1, other=0), Figure(women=2, men=2, other=0))

    with pytest.raises(PlanError):
        update(INDICATOR, indicator, data, 1, editor)

    indicator.refresh_from_db()
    assert (indicator.counts_people, indicator.version) == (False, 1)
    value.delete()
    assert update(INDICATOR, indicator, data, 1, editor).counts_people


def test_deleting_an_outcome_deletes_what_hangs_on_it_and_says_so(editor):
    outcome = OutcomeFactory(texts={"es": "Más concejalas."})
    activity_ = ActivityFactory(output=OutputFactory(outcome=outcome))
    IndicatorValueFactory(indicator=PeopleIndicatorFactory(output=activity_.output, outcome=None))
    other = OutcomeFactory(plan=outcome.plan)
    partnership = outcome.plan.partnership

    deleted = item_delete(
        kind=OUTCOME,
        partnership=partnership,
        item=outcome,
        expected_version=1,
        by=editor,
        now=NOW,
    )

    assert deleted
    assert list(Outcome.objects.all()) == [other]
    assert not (Output.objects.exists() or Activity.objects.exists())
    assert not (Indicator.objects.exists() or IndicatorValue.objects.exists())
    assert sentences(partnership) == [
        f"{editor.person.name} deleted the outcome “Más concejalas.”."
    ]


def test_a_delete_based_on_an_old_version_is_refused_and_deletes_nothing(editor):
    output = OutputFactory()
    update(OUTPUT, output, {"texts": {"es": "Cambiado."}}, 1, editor)

    with pytest.raises(StaleVersion) as refused:
        item_delete(
            kind=OUTPUT,
            partnership=output.outcome.plan.partnership,
            item=output,
            expected_version=1,
            by=UserFactory(),
            now=NOW,
        )

    assert refused.value.current.texts["es"] == "Cambiado."
    assert Output.objects.filter(pk=output.pk).exists()


def test_deleting_an_item_already_deleted_is_no_error_and_records_nothing(editor):
    indicator = IndicatorFactory()
    partnership = indicator.outcome.plan.partnership
    Indicator.objects.filter(pk=indicator.pk).delete()

    deleted = item_delete(
        kind=INDICATOR,
        partnership=partnership,
        item=indicator,
        expected_version=1,
        by=editor,
        now=NOW,
    )

    assert deleted is False
    assert not entries_for(partnership).exists()
