"""Hostile input to a partnership's workspace forms: comments, invitations, the problem
statement, phases, reports, documents and the meeting planner."""

from tests.fuzz.runner import fuzz_forms


def test_given_hostile_input_when_posted_to_every_partnership_form_then_no_server_error(world):
    pages = ("partnerships:", "reports:", "documents:", "meetings:")
    assert fuzz_forms(world, pages=pages) >= 10
