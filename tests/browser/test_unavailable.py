"""The 503 page a visitor sees while the database is down, in Chromium, in Swedish and
Spanish, served by a real app server whose database refuses connections."""

import pytest

from puentes.operations.tests.servers import refusing_server
from tests.browser.test_pages_a11y import assert_fits_a_phone

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def down_server(tmp_path):
    with refusing_server("postgresql", tmp_path) as (base, _log):
        yield base


@pytest.mark.parametrize("language", ["sv", "es"])
def test_the_unavailable_page_reads_on_a_phone_with_axe_and_keyboard(
    language, browser, down_server, assert_no_axe_violations
):
    context = browser.new_context(viewport=PHONE, locale=language)
    page = context.new_page()
    try:
        response = page.goto(f"{down_server}/{language}/workshops/")

        assert response.status == 503
        assert page.get_attribute("html", "lang") == language
        assert_no_axe_violations(page)
        assert_fits_a_phone(page, PHONE)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.dataset.action") == "retry"
        page.keyboard.press("Enter")
        page.wait_for_load_state()
        assert page.url == f"{down_server}/{language}/workshops/"
    finally:
        context.close()
