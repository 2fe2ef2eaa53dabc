"""Plans: the plan page is read by whoever sees the partnership (its members of both sides,
its mentor and coordinators; 404 for anyone else); adding, editing and deleting its parts,
and entering actual values, are for those who edit the workspace, so the mentor gets 403.
In the admin, coordinators only read plans: they are edited in the workspace, where stale
saves are caught."""

from tests.access.policy import FORBIDDEN, LOGIN, OK, READS, SET_UP_TOTP, policy

READERS = policy(LOGIN, OK, coordinator=OK, coordinator_without_totp=SET_UP_TOTP)
EDITORS = {**READERS, "mentor": FORBIDDEN}

# url name → which example item (an attribute of world.plan_items) it takes, and its kwarg
ITEM_URLS = {
    "plans:outcome_edit": ("outcome", "item_pk"),
    "plans:outcome_delete": ("outcome", "item_pk"),
    "plans:output_add": ("outcome", "parent_pk"),
    "plans:outcome_indicator_add": ("outcome", "parent_pk"),
    "plans:output_edit": ("output", "item_pk"),
    "plans:output_delete": ("output", "item_pk"),
    "plans:activity_add": ("output", "parent_pk"),
    "plans:output_indicator_add": ("output", "parent_pk"),
    "plans:activity_edit": ("activity", "item_pk"),
    "plans:activity_delete": ("activity", "item_pk"),
    "plans:indicator_edit": ("indicator", "item_pk"),
    "plans:indicator_delete": ("indicator", "item_pk"),
    "plans:indicator_values": ("indicator", "item_pk"),
    "plans:assumption_edit": ("assumption", "item_pk"),
    "plans:assumption_delete": ("assumption", "item_pk"),
}
PLAN_URLS = ("plans:goal_edit", "plans:outcome_add", "plans:assumption_add")

EXPECTED = {
    "plans:plan_detail": READERS,
    **dict.fromkeys(PLAN_URLS, EDITORS),
    **dict.fromkeys(ITEM_URLS, EDITORS),
}

ADMIN_APPS = {"plans": READS}


def _item_kwargs(item, argument):
    return lambda w: {"pk": w.partnership.pk, argument: w.plan_items[item].pk}


EXAMPLE_KWARGS = {
    "plans:plan_detail": lambda w: {"pk": w.partnership.pk},
    **{name: (lambda w: {"pk": w.partnership.pk}) for name in PLAN_URLS},
    **{name: _item_kwargs(item, argument) for name, (item, argument) in ITEM_URLS.items()},
}


def populate(world):
    """A plan for world.partnership (made by tests/access/partnerships.py) with one item of
    every kind and a value for world.reporting_period."""
    from puentes.plans.tests.factories import (
        ActivityFactory,
        AssumptionFactory,
        IndicatorValueFactory,
        OutcomeFactory,
        OutputFactory,
        PeopleIndicatorFactory,
        PlanFactory,
    )

    plan = PlanFactory(partnership=world.partnership)
    outcome = OutcomeFactory(plan=plan)
    output = OutputFactory(outcome=outcome)
    indicator = PeopleIndicatorFactory(outcome=outcome)
    IndicatorValueFactory(
        indicator=indicator, period=world.reporting_period, value=3, women=2, men=1, other=0
    )
    world.plan_items = {
        "outcome": outcome,
        "output": output,
        "activity": ActivityFactory(output=output),
        "indicator": indicator,
        "assumption": AssumptionFactory(plan=plan),
    }
