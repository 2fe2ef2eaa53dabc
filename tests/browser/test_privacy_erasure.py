"""The erasure page in Chromium, in Swedish and Spanish: axe, keyboard and a 375 px phone,
with and without an error; and a person erasing their data with the keyboard alone."""

import pytest

from puentes.people.models import Person
from puentes.privacy.models import Erasure
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


@pytest.fixture(autouse=True)
def ledger(settings, tmp_path):
    settings.PUENTES_ERASURE_LEDGER = tmp_path / "erasures.jsonl"


@pytest.mark.parametrize("language", ["sv", "es"])
@pytest.mark.parametrize("wrong_password", [False, True], ids=["page", "with-error"])
def test_the_erasure_page_is_accessible(
    language, wrong_password, page, browse, world, assert_no_axe_violations
):
    # Given the member signed in, on the erasure page (after a wrong password, or not)
    browse.sign_in(page, world.users["member"], language)
    page.goto(page.base_url + browse.path("privacy:erasure", language))
    if wrong_password:
        page.fill("input[name=password]", "not-the-password")
        browse.submit(page, "#erasure-form")
        assert page.locator(".error-summary").count() == 1

    # Then it is in their language, accessible, usable by keyboard and fits a phone
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, PHONE)
    assert not Erasure.objects.exists()


def test_a_person_erases_their_data_with_the_keyboard_alone_on_a_phone(
    page, browse, world, assert_no_axe_violations
):
    # Given the member on the erasure page, on a phone, in Spanish
    page.set_viewport_size(PHONE)
    member = world.users["member"]
    browse.sign_in(page, member, "es")
    page.goto(page.base_url + browse.path("privacy:erasure", "es"))

    # When they type their password and press Enter
    page.locator("input[name=password]").focus()
    page.keyboard.type(browse.default_password)
    with page.expect_navigation():
        page.keyboard.press("Enter")

    # Then they are erased, signed out, and the page says so in Spanish
    assert page.url.endswith(browse.path("privacy:erasure_done", "es"))
    person = Person.objects.get(user=member)
    assert person.name == f"Erased person #{person.pk}"
    assert Erasure.objects.get().reason == Erasure.Reason.OWN_REQUEST
    assert_no_axe_violations(page)
    assert_fits_a_phone(page, PHONE)
