"""The API's two pages in Chromium: a coordinator makes a token in the admin (the page that
shows it once), and the interactive documentation served from our own files; in Swedish and
Spanish, with axe, at phone width, by keyboard."""

import pytest

pytestmark = pytest.mark.browser

NO_HORIZONTAL_SCROLL = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.mark.parametrize("browser_language", ["sv", "es"])
def test_a_coordinator_makes_a_token_by_keyboard_and_it_opens_the_api(
    browser_language, page, browse, world, assert_no_axe_violations
):
    browse.sign_in(page, world.users["coordinator"], browser_language, world.totp_secret)
    page.set_viewport_size(browse.phone)
    page.goto(page.base_url + "/admin/api/apitoken/add/")
    assert page.get_attribute("html", "lang") == browser_language
    assert_no_axe_violations(page)

    page.locator("input[name=name]").focus()
    page.keyboard.type("Informe a la junta")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    secret = page.locator("[data-api-token]").input_value()
    assert secret.startswith("pnt_")
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    assert_no_axe_violations(page)
    answer = page.request.get(
        page.base_url + "/api/v1/interests/", headers={"Authorization": f"Bearer {secret}"}
    )
    assert answer.status == 200 and answer.json()["count"] == 0
    page.goto(page.base_url + "/admin/api/apitoken/")
    assert secret not in page.content() and secret[:8] in page.content()


@pytest.mark.parametrize("browser_language", ["sv", "es"])
def test_the_interactive_documentation_loads_only_our_own_files(
    browser_language, page, browse, world, assert_no_axe_violations
):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.set_viewport_size(browse.phone)

    page.goto(page.base_url + "/api/v1/docs/")
    page.locator(".opblock").first.wait_for()

    assert page.get_attribute("html", "lang") == browser_language
    assert page.locator(".opblock").count() >= 21
    assert requested and all(url.startswith(page.base_url) for url in requested), requested
    assert page.evaluate(NO_HORIZONTAL_SCROLL)
    assert_no_axe_violations(page)
