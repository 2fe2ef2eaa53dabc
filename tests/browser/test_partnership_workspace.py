"""A partnership's workspace in Chromium: a member opens it, edits the shared challenge
statement, meets the conflict page when someone saved in between, and saves again; the
mentor comments (first empty, then for real) and the members are mailed; a coordinator moves
the phase on and back (first without a reason); the activity page lists it all. The public
list (paged) and the account's list too. Every state is checked with axe, on the keyboard
and on a phone, in Swedish and Spanish."""

import pytest

from puentes.core.models import OutboxMessage
from puentes.partnerships.models import Comment, Partnership, PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import NetworkRole
from puentes.people.tests.factories import (
    NetworkRoleFactory,
    OrganisationFactory,
    PersonFactory,
)
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
        invited_at=partnership.created_at,
    )
    return partnership


@pytest.fixture
def mentor(world, partnership):
    person = NetworkRoleFactory(
        network=world.network,
        role=NetworkRole.Role.MENTOR,
        person=PersonFactory(name="Eva Mentor", preferred_language="sv"),
    ).person
    Partnership.objects.filter(pk=partnership.pk).update(mentor=person)
    return person.user


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


def open_workspace(page, browse, partnership, language):
    page.goto(
        page.base_url + browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_mentor_comments_and_the_members_are_told(
    language, page, browse, world, partnership, mentor, assert_no_axe_violations
):
    # Given the mentor signed in, on the workspace: the comment form, no comments yet, and
    # María José marked as invited but not joined
    browse.sign_in(page, mentor, language)
    open_workspace(page, browse, partnership, language)
    assert page.locator("#members-latin + ul .hint").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # When they publish an empty comment
    reopen(page)
    browse.submit(page, "#comments-section form")

    # Then the comment page says what is wrong, next to the field
    assert page.locator(".error-summary a[href='#id_body']").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # When they write it and publish it
    reopen(page)
    page.fill("textarea[name=body]", "Bra start! Glöm inte COCODE i planen.")
    page.select_option("select[name=language]", "sv")
    browse.submit(page)

    # Then it is on the workspace, signed with their name and role, in Swedish
    assert page.url.endswith(f"/partnerships/{partnership.pk}/#comments"), page.url
    comment = page.locator(".comment-list li").first
    assert "Bra start! Glöm inte COCODE i planen." in comment.inner_text()
    assert "Eva Mentor" in comment.inner_text()
    assert comment.locator("div.user-text").get_attribute("lang") == "sv"
    assert page.locator(".message-success").is_visible()
    assert_no_axe_violations(page)
    # (the address ends in #comments, where focus now is: the keyboard check starts afresh)
    reopen(page)
    check(page, browse, assert_no_axe_violations, language)
    # And both members are told by mail, each in their own language
    assert Comment.objects.get().author == mentor
    told = set(
        OutboxMessage.objects.filter(kind="partnership_comment").values_list(
            "to_address", "language"
        )
    )
    maria = PartnershipMember.objects.get(partnership=partnership, side="latin").person
    assert told == {(world.users["member"].email, "sv"), (maria.email, "es")}

    # When they open the comment's delete page
    with page.expect_navigation():
        comment.locator("a").click()
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_coordinator_moves_the_phase_on_and_back_and_the_activity_shows_it(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    # Given a coordinator signed in with TOTP, on the workspace in the forming phase
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    open_workspace(page, browse, partnership, language)
    check(page, browse, assert_no_axe_violations, language)

    # When they move it on
    reopen(page)
    browse.submit(page, "section[aria-labelledby=phase] form:first-of-type")

    # Then it is in the inception phase
    partnership.refresh_from_db()
    assert partnership.phase == Partnership.Phase.INCEPTION
    assert page.locator(".message-success").is_visible()
    check(page, browse, assert_no_axe_violations, language)

    # When they move it back without a reason
    reopen(page)
    back = page.locator("section[aria-labelledby=phase] form").nth(1)
    with page.expect_navigation():
        back.locator("button").click()

    # Then the phase page asks for the reason, next to the field
    assert page.locator(".error-summary a[href='#id_reason']").count() == 1
    partnership.refresh_from_db()
    assert partnership.phase == Partnership.Phase.INCEPTION
    check(page, browse, assert_no_axe_violations, language)

    # When they give it
    reopen(page)
    page.fill("textarea[name=reason]", "Planen är inte klar.")
    with page.expect_navigation():
        page.locator("section[aria-labelledby=phase] form").nth(1).locator("button").click()

    # Then it is back in forming, and the activity page lists both steps with the reason
    partnership.refresh_from_db()
    assert partnership.phase == Partnership.Phase.FORMING
    with page.expect_navigation():
        page.locator(".workspace-nav a[href$='/activity/']").click()
    timeline = page.inner_text("main .timeline")
    assert "Planen är inte klar." in timeline
    assert len(page.locator("main .timeline li").all()) == 2
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_paged_public_list_is_accessible(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    for _ in range(25):
        PartnershipFactory()

    page.goto(page.base_url + browse.path("partnerships:partnership_list", language))
    with page.expect_navigation():
        page.locator("main a[rel=next]").click()

    assert len(page.locator("main .card").all()) == 1
    check(page, browse, assert_no_axe_violations, language)
