"""The coordinators' dashboard (sv), the public results page (es) and the gender page (sv and
es) in Chromium: axe, keyboard, a 375 px phone without sideways scrolling, and the numbers in
the chart and the table alike."""

import pytest
from django.utils import timezone

from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import Person
from puentes.people.tests.factories import OrganisationFactory, PersonFactory
from puentes.workshops.models import Registration, Workshop
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def figures(world):
    """A partnership and a held workshop: 4 women and 1 man attended (the man is hidden, and
    the women with him, or the total would give him away)."""
    PartnershipFactory(
        call=world.call,
        swedish_organisation=OrganisationFactory(country_code="SE", code="1480"),
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    workshop = WorkshopFactory(call=world.call, state=Workshop.State.HELD)
    now = timezone.now()
    for gender in ["woman", "woman", "woman", "woman", "man"]:
        person = PersonFactory(gender=gender, gender_consent_at=now)
        RegistrationFactory(workshop=workshop, person=person, status=Registration.Status.ATTENDED)
    return workshop


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, PHONE)
    page.set_viewport_size(browse.desktop)


def test_coordinator_reads_the_dashboard_in_swedish_on_a_phone(
    page, browse, world, figures, assert_no_axe_violations
):
    # Given a coordinator signed in with their code, on the coordination home
    browse.sign_in(page, world.users["coordinator"], "sv", world.totp_secret)
    page.goto(page.base_url + browse.path("networks:coordination_home", "sv"))
    # When they follow the link to the dashboard and choose the call
    with page.expect_navigation():
        page.locator(f"a[href='{browse.path('dashboards:coordinator_dashboard', 'sv')}']").click()
    page.select_option("#id_call", world.call.slug)
    browse.submit(page, "#dashboard-select")
    # Then the call's figures stand in charts and tables, the small cells hidden in both
    assert f"call={world.call.slug}" in page.url
    genders = page.locator("[data-figure=genders]")
    assert genders.locator("svg[role=img] title").count() == 1
    assert genders.locator("[data-row=man] td").get_attribute("data-value") == "hidden"
    assert genders.locator("[data-row=total] td").get_attribute("data-value") == "5"
    assert page.locator("[data-figure=phases] [data-row=forming] td").inner_text() == "1"
    check(page, browse, assert_no_axe_violations, "sv")


def test_the_public_reads_the_results_in_spanish_on_a_phone(
    page, browse, world, figures, assert_no_axe_violations
):
    page.goto(page.base_url + browse.path("networks:network_detail", "es", slug="gender-equality"))
    with page.expect_navigation():
        page.locator(
            f"a[href='{browse.path('dashboards:public_results', 'es', slug='gender-equality')}']"
        ).click()
    assert page.locator("[data-figure=workshops-held] .figure-number").inner_text() == "1"
    assert page.locator("[data-figure=attendees] .figure-number").inner_text() == "5"
    assert page.locator("[data-figure=countries] [data-row=GT] td").inner_text() == "1"
    check(page, browse, assert_no_axe_violations, "es")


@pytest.mark.parametrize("language", ["sv", "es"])
def test_a_member_gives_their_gender_after_a_missing_consent(
    language, page, browse, world, assert_no_axe_violations
):
    member = world.users["member"]
    browse.sign_in(page, member, language)
    page.goto(page.base_url + browse.path("people:gender", language))
    check(page, browse, assert_no_axe_violations, language)
    # When they choose a gender without ticking the consent
    page.check("#id_gender_0")
    browse.submit(page, "#gender-form")
    # Then the error is summarised and linked to the box, and nothing is saved
    assert page.locator(".error-summary a[href='#id_consent']").count() == 1
    check(page, browse, assert_no_axe_violations, language)
    assert Person.objects.get(user=member).gender == ""
    # When they tick it and save
    page.check("#id_consent")
    browse.submit(page, "#gender-form")
    assert Person.objects.get(user=member).gender == Person.Gender.WOMAN
