"""Paged lists in Chromium (issue #8: page weight): the public workshops list is paged by
keyboard alone, keeps the chosen time zone from page to page, and is accessible on a phone,
in Swedish and Spanish."""

import datetime

import pytest
from django.utils import timezone

from puentes.workshops.tests.factories import WorkshopFactory
from puentes.workshops.views import WORKSHOPS_PER_PAGE
from tests.browser.test_workshops import check

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workshops_list_is_paged_by_keyboard_and_keeps_the_time_zone(
    language, page, browse, world, assert_no_axe_violations
):
    # Given one more coming workshop than a page holds
    now = timezone.now()
    for n in range(WORKSHOPS_PER_PAGE + 1):
        start = now + datetime.timedelta(days=10 + n)
        WorkshopFactory(
            call=world.call,
            titles={"sv": f"Workshop {n:02}", "es": f"Taller {n:02}", "en": f"Workshop {n:02}"},
            start_at=start,
            end_at=start + datetime.timedelta(days=1),
        )
    last = "Workshop 25" if language == "sv" else "Taller 25"

    # When a visitor chooses Guatemalan time and follows "next page" with the keyboard
    page.goto(page.base_url + browse.path("workshops:workshop_list", language))
    page.select_option("#id_zone", "America/Guatemala")
    with page.expect_navigation():
        page.locator(".zone-form button[type=submit]").click()
    assert last not in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)
    page.locator("a[rel=next]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Then the second page shows the last workshop, still in Guatemalan time, and links back
    assert last in page.inner_text("main")
    assert page.input_value("#id_zone") == "America/Guatemala"
    assert page.locator("a[rel=prev]").count() == 1
    check(page, browse, assert_no_axe_violations, language)
