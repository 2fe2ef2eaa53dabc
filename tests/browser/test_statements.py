"""The accessibility and cookie statements in Chromium (Swedish and Spanish: axe, keyboard,
phone width), the feedback form sent by keyboard alone, and a walk through a broad set of
pages that records every request and cookie: nothing may go to another origin, and every
cookie must be one the cookie statement lists."""

from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache

from puentes.core.models import OutboxMessage
from puentes.statements.cookies import cookie_names
from tests.browser.test_pages_a11y import PAGES, assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser


def submitted_empty(page):
    page.locator("#id_description").evaluate("field => field.form.noValidate = true")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


STATEMENT_PAGES = {
    "accessibility": ("statements:accessibility", None),
    "accessibility-submitted-empty": ("statements:accessibility", submitted_empty),
    "feedback-sent": ("statements:feedback_sent", None),
    "cookies": ("statements:cookies", None),
}


@pytest.mark.parametrize("language", ["sv", "es"])
@pytest.mark.parametrize("name", STATEMENT_PAGES)
def test_statement_page_is_accessible(
    name, language, page, browse, world, assert_no_axe_violations
):
    url_name, then = STATEMENT_PAGES[name]
    page.goto(page.base_url + browse.path(url_name, language))
    if then:
        then(page)

    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)


def test_feedback_is_sent_with_the_keyboard_alone_at_phone_width(page, browse, world):
    page.set_viewport_size(browse.phone)
    page.goto(page.base_url + browse.path("networks:home", "es"))
    page.locator(".site-footer a[href$='/accessibility/']").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/es/accessibility/"

    page.focus("#id_description")
    page.keyboard.type("El formulario de inscripción no anuncia los errores.")
    page.keyboard.press("Tab")
    page.keyboard.type("/es/workshops/")
    for _field in ("page", "name", "email"):
        page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert urlsplit(page.url).path == "/es/accessibility/thanks/"
    message = OutboxMessage.objects.get(kind="accessibility_feedback")
    assert message.language == "sv"
    assert "El formulario de inscripción no anuncia los errores." in message.body_text
    assert "/es/workshops/" in message.body_text


def test_no_page_asks_another_origin_and_every_cookie_is_listed(page, browse, world):
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.base_url))
    requested, cookies = [], set()
    page.context.on("request", lambda request: requested.append(request.url))
    visits = {
        **PAGES,
        "accessibility": lambda p, b, w, lang: p.goto(
            p.base_url + b.path("statements:accessibility", lang)
        ),
        "cookies": lambda p, b, w, lang: p.goto(p.base_url + b.path("statements:cookies", lang)),
    }

    for arrive in visits.values():
        arrive(page, browse, world, "es")
        page.wait_for_load_state("networkidle")
        cookies |= {cookie["name"] for cookie in page.context.cookies()}
        page.context.clear_cookies()  # the next visit starts as a new visitor
        cache.clear()  # a TOTP code is refused the second time, and sign-ins come quickly

    assert len(requested) > len(visits)
    elsewhere = [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss")
        and "{0.scheme}://{0.netloc}".format(urlsplit(url)) != origin
    ]
    assert elsewhere == []
    # Forms were shown and members signed in, so the walk did meet the cookies it checks.
    assert {settings.CSRF_COOKIE_NAME, settings.SESSION_COOKIE_NAME} <= cookies
    assert cookies <= cookie_names(), f"cookies not on the cookie page: {cookies - cookie_names()}"
