"""Hostile input to the partnership plan's forms (goal, outcomes, outputs, activities,
assumptions, indicators and their values)."""

from tests.fuzz.runner import fuzz_forms


def test_given_hostile_input_when_posted_to_every_plan_form_then_no_server_error(world):
    assert fuzz_forms(world, pages=("plans:",)) >= 10
