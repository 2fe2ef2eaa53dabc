"""The person's privacy pages in Chromium, in Swedish and Spanish: axe, keyboard and a
375 px phone; and a consent withdrawn with the keyboard alone on a phone."""

import datetime

import pytest

from puentes.people.models import Consent, Person
from puentes.privacy.tests.test_export import give_records
from puentes.recruitment.tests.factories import ConsentFactory, PrivacyNoticeFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def member(world):
    """The world's member, with records of every kind, a consent to version 1 of the notice
    and a version 2 published since (so the page offers it)."""
    person = Person.objects.get(user=world.users["member"])
    give_records(person, 1)
    first = PrivacyNoticeFactory(version="v1")
    world.consent = ConsentFactory(person=person, notice=first)
    PrivacyNoticeFactory(version="v2", published_at=first.published_at + datetime.timedelta(1))
    return person


PAGES = {
    "overview": lambda w: ("privacy:overview", {}),
    "withdraw": lambda w: ("privacy:consent_withdraw", {"pk": w.consent.pk}),
    "data": lambda w: ("privacy:data", {}),
    "notice-version": lambda w: ("interests:privacy_notice_version", {"version": "v1"}),
}


@pytest.mark.parametrize("language", ["sv", "es"])
@pytest.mark.parametrize("name", PAGES)
def test_privacy_page_is_accessible(
    name, language, page, browse, world, member, assert_no_axe_violations
):
    browse.sign_in(page, world.users["member"], language)
    url_name, kwargs = PAGES[name](world)
    page.goto(page.base_url + browse.path(url_name, language, **kwargs))

    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, PHONE)


def test_a_consent_is_withdrawn_with_the_keyboard_alone_on_a_phone(page, browse, world, member):
    # Given the member on their privacy page, on a phone, in Spanish
    page.set_viewport_size(PHONE)
    browse.sign_in(page, world.users["member"], "es")
    page.goto(page.base_url + browse.path("privacy:overview", "es"))
    # When they follow the withdraw link and confirm, with the keyboard only
    withdraw = browse.path("privacy:consent_withdraw", "es", pk=world.consent.pk)
    page.locator(f".consent-list a[href='{withdraw}']").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.locator("main form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    # Then they are back on the privacy page, and the consent is withdrawn, not deleted
    assert page.url.endswith(browse.path("privacy:overview", "es"))
    consent = Consent.objects.get(pk=world.consent.pk)
    assert consent.withdrawn_at is not None
    assert page.locator(f".consent-list a[href='{withdraw}']").count() == 0
