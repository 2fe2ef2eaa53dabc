"""Hostile input to the forms around accounts and coordination: signing in and up, password
reset, gender data, the accessibility feedback form, the outbox, dashboards and exports."""

from tests.fuzz.runner import fuzz_forms


def test_given_hostile_input_when_posted_to_any_account_or_coordination_form_then_no_5xx(
    world,
):
    pages = (
        "account_",
        "mfa_",
        "people:",
        "privacy:",
        "statements:",
        "core:",
        "networks:",
        "dashboards:",
        "exports:",
        "maps:",
    )
    assert fuzz_forms(world, pages=pages) >= 8
