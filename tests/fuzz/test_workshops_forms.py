"""Hostile input to the workshops' forms: registration, visa letters, check-in, time zones."""

from tests.fuzz.runner import fuzz_forms


def test_given_hostile_input_when_posted_to_every_workshop_form_then_no_server_error(world):
    assert fuzz_forms(world, pages=("workshops:",)) >= 5
