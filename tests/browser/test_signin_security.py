"""The sign-in page refusing a sixth attempt, in Chromium, in Swedish and Spanish: the message
in the page's language, axe, keyboard only, and a phone's width."""

import pytest
from django.core.cache import cache

from puentes.people.tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
THROTTLED = {
    "sv": "För många misslyckade inloggningsförsök. Försök igen senare.",
    "es": "Demasiados intentos fallidos. Inténtelo más tarde.",
}


def tab_to(page, element_id, most=4):
    """Presses Tab until `element_id` has the focus, failing after `most` presses."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == element_id:
            return
    pytest.fail(f"{element_id} not reached with {most} presses of Tab")


@pytest.mark.parametrize("language", ["sv", "es"])
def test_the_sixth_sign_in_is_refused_with_a_message_in_the_page_language(
    language, page, transactional_db, assert_no_axe_violations
):
    # Given an account whose password was mistyped five times in this browser
    cache.clear()  # the live server's rate limits share this process's cache
    user = UserFactory()
    login_page = f"{page.base_url}/{language}/accounts/login/"
    for _ in range(5):
        page.goto(login_page)
        page.fill("#id_login", user.email)
        page.fill("#id_password", "not-the-right-passphrase-7")
        with page.expect_navigation():
            page.press("#id_password", "Enter")

    # When the owner types the right password with the keyboard only
    page.goto(login_page)
    page.focus("#id_login")
    page.keyboard.type(user.email)
    tab_to(page, "id_password")
    page.keyboard.type(DEFAULT_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Then the page refuses in its own language, without leaving the sign-in page
    assert page.url.startswith(login_page)
    assert THROTTLED[language] in page.inner_text("main")
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_fits_a_phone(page, PHONE)
