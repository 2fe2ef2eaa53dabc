"""Hostile input to the forms the access matrix's world does not show: its call is closed
(no new seeking profile can be written) and its interest awaits review (no decision form
yet). Here the call is open and the interest in review, so those forms are on the pages."""

import datetime

from django.core.cache import cache
from django.utils import timezone

from puentes.recruitment.models import Interest
from tests.fuzz.runner import fuzz_forms
from tests.fuzz.site import forms_for


def test_given_an_open_call_hostile_input_to_the_new_profile_and_decision_forms_gives_no_error(
    world,
):
    today = timezone.localdate()
    world.call.__class__.objects.filter(pk=world.call.pk).update(
        open_date=today - datetime.timedelta(days=10),
        close_date=today + datetime.timedelta(days=30),
    )
    Interest.objects.filter(pk=world.review_interest.pk).update(status=Interest.Status.IN_REVIEW)

    pages = ("catalogue:new", "review:interest_detail")
    actions = {form.action for form in forms_for("coordinator", world, pages=pages)}
    assert any(action.endswith("/decide/") for action in actions), actions
    assert any(action.endswith("/seeking/new/") for action in actions), actions

    cache.clear()  # the coordinator signs in again within the same TOTP step: forget the code
    assert fuzz_forms(world, pages=pages) >= 2
