"""A partnership's workspace in Chromium: a member opens it, edits the shared challenge
statement, meets the conflict page when someone saved in between, and saves again. The public
list and the account's list too. Every state is checked with axe, on the keyboard and on a
phone, in Swedish and Spanish."""

import pytest

from puentes.partnerships.models import Partnership, PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory, PersonFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es")


@pytest.fixture
def partnership(world):
    """The member's Swedish municipality with Cobán, its statement written in Spanish."""
    member = world.users["member"].person
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=member.memberships.get().organisation,
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
        challenge_statements={"es": "Pocas mujeres participan en el Concejo Municipal."},
        challenge_language="es",
        themes=list(world.network.themes.filter(kind="theme")),
        match_score=0.82,
        match_reasons=[
            {
                "code": "shared_themes",
                "points": 2.0,
                "data": {"count": 2, "themes": ["representation", "violence"]},
            },
            {"code": "preferred_country", "points": 1.0, "data": {"country": "GT"}},
        ],
    )
    PartnershipMember.objects.create(partnership=partnership, person=member, side="swedish")
    PartnershipMember.objects.create(
        partnership=partnership,
        person=PersonFactory(name="María José Caal", preferred_language="es"),
        side="latin",
    )
    return partnership


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def reopen(page):
    """The keyboard check follows the skip link, leaving #main in the address, which a form
    posting to its own address would carry into the next page: start again without it."""
    page.goto(page.url.split("#")[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_edits_the_statement_meets_a_conflict_and_saves_again(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    # Given a member signed in, on the workspace
    browse.sign_in(page, world.users["member"], language)
    page.goto(
        page.base_url + browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    )
    assert "María José Caal" in page.inner_text("main")
    assert "Pocas mujeres participan" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)

    # When they open the edit form (checked empty, then with an error)
    page.click(f"a[href$='/partnerships/{partnership.pk}/statement/']")
    check(page, browse, assert_no_axe_violations, language)
    reopen(page)
    page.evaluate("() => document.querySelectorAll('main textarea').forEach(t => t.value = '')")
    browse.submit(page)
    assert page.locator(".error-summary").count() == 1
    check(page, browse, assert_no_axe_violations, language)
    reopen(page)

    # And someone else saves while they write
    page.fill("textarea[name=sv]", "Få kvinnor deltar i kommunfullmäktige.")
    page.fill("textarea[name=es]", "Pocas mujeres participan en el Concejo.")
    Partnership.objects.filter(pk=partnership.pk).update(
        version=partnership.version + 1,
        challenge_statements={"es": "Texto guardado por María José."},
    )
    browse.submit(page)

    # Then the conflict page shows both versions and gives their text back
    main = page.inner_text("main")
    assert "Texto guardado por María José." in main
    assert "Få kvinnor deltar i kommunfullmäktige." in main
    assert page.input_value("textarea[name=sv]") == "Få kvinnor deltar i kommunfullmäktige."
    check(page, browse, assert_no_axe_violations, language)

    # And saving again replaces the saved version
    browse.submit(page)
    assert page.url.endswith(f"/partnerships/{partnership.pk}/")
    partnership.refresh_from_db()
    assert partnership.challenge_statements["sv"] == "Få kvinnor deltar i kommunfullmäktige."
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lists_of_partnerships_are_accessible(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    page.goto(page.base_url + browse.path("partnerships:partnership_list", language))
    assert "Cobán" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)

    browse.sign_in(page, world.users["member"], language)
    page.goto(page.base_url + browse.path("partnerships:my_partnerships", language))
    assert "Cobán" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_empty_lists_are_accessible(language, page, browse, world, assert_no_axe_violations):
    page.goto(page.base_url + browse.path("partnerships:partnership_list", language))
    check(page, browse, assert_no_axe_violations, language)

    browse.sign_in(page, world.users["member"], language)
    page.goto(page.base_url + browse.path("partnerships:my_partnerships", language))
    check(page, browse, assert_no_axe_violations, language)
