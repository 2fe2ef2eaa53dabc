"""Hostile input to recruitment's forms: expressions of interest, the seeking catalogue,
the coordinators' review and the matching board."""

from tests.fuzz.runner import fuzz_forms


def test_given_hostile_input_when_posted_to_every_recruitment_form_then_no_server_error(world):
    assert fuzz_forms(world, pages=("interests:", "catalogue:", "review:", "matching:")) >= 6
