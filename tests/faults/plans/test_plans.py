"""Plans and indicators: the goal, items (a delete takes what hangs on it) and values per period
keep all or nothing."""

import datetime

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.networks.models import ReportingPeriod
from puentes.plans.kinds import OUTCOME, OUTPUT
from puentes.plans.models import Indicator, Outcome, Output, Plan
from puentes.plans.rules import Figure
from puentes.plans.services import (
    ValueEntry,
    indicator_values_save,
    item_create,
    item_delete,
    item_update,
    plan_save_goal,
)

NOW = datetime.datetime(2024, 6, 1, 12, 0, tzinfo=datetime.UTC)


def test_the_first_goal_keeps_no_plan_when_any_write_fails(partnership, people):
    # given a partnership without a plan; when the first goal is saved (plan, goal, entry)
    def run():
        plan_save_goal(
            partnership=partnership,
            texts={"es": "Más mujeres en la política local."},
            expected_version=0,
            by=people.latin,
            now=NOW,
        )

    # then a refused write leaves no plan behind
    assert_all_or_nothing(run, min_writes=3)


def test_adding_an_outcome_keeps_nothing_when_any_write_fails(partnership, people, plan):
    def run():
        item_create(
            kind=OUTCOME,
            partnership=partnership,
            data={"texts": {"es": "Más concejalas."}},
            by=people.latin,
            now=NOW,
        )

    assert_all_or_nothing(run)


def test_changing_an_output_keeps_nothing_when_any_write_fails(partnership, people, plan):
    output = Output.objects.get(outcome__plan=plan)

    def run():
        current = Output.objects.get(pk=output.pk)
        item_update(
            kind=OUTPUT,
            partnership=partnership,
            item=current,
            data={"texts": {"es": "Lideresas formadas y acompañadas."}},
            expected_version=current.version,
            by=people.latin,
            now=NOW,
        )

    assert_all_or_nothing(run)


def test_deleting_an_outcome_and_all_that_hangs_on_it_keeps_everything_when_any_write_fails(
    partnership, people, plan
):
    # given an outcome with an output, an activity, indicators and a recorded value
    outcome = Outcome.objects.get(plan=plan)

    # when it is deleted, and any of the deletes or the entry is refused
    def run():
        current = Outcome.objects.get(pk=outcome.pk)
        assert item_delete(
            kind=OUTCOME,
            partnership=partnership,
            item=current,
            expected_version=current.version,
            by=people.latin,
            now=NOW,
        )

    # then every row of it is still there
    log = assert_all_or_nothing(run, min_writes=4)
    assert len(log.tables) >= 4, log.tables


def test_values_of_several_periods_keep_nothing_when_any_write_fails(partnership, people, plan):
    # given an indicator of people with a value for 2024 and none for 2025
    indicator = Indicator.objects.get(outcome__plan=plan, counts_people=True)
    y2024, y2025 = ReportingPeriod.objects.filter(call=partnership.call).order_by("start_date")

    # when 2024 is changed and 2025 recorded at once (two values, two entries)
    def run():
        indicator_values_save(
            partnership=partnership,
            indicator=Indicator.objects.get(pk=indicator.pk),
            entries=[
                ValueEntry(
                    period=y2024, figure=Figure(women=25, men=24, other=1), expected_version=1
                ),
                ValueEntry(
                    period=y2025, figure=Figure(women=30, men=30, other=0), expected_version=0
                ),
            ],
            by=people.latin,
            now=NOW,
        )

    # then a refused write keeps 2024 as it was and 2025 empty
    assert_all_or_nothing(run, min_writes=4)
    assert Plan.objects.count() == 1
