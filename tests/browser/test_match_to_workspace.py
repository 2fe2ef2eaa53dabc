"""One journey in Chromium from matching to the partnership workspace: a coordinator confirms
the proposed pair on the call's matching board (in Swedish), both sides get the partnership
mail in their own language, the Swedish member finds the workspace from their account (in
Swedish) and sees their expression of interest matched and linked to it, and the Guatemalan
member does the same in Spanish and edits the shared challenge.
Every page of the journey is checked with axe in the language used."""

import pytest
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.testing.smtp import text_of
from puentes.partnerships.models import Partnership
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory, PersonFactory
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.recruitment.tests.factories import InterestFactory, SeekingProfileFactory

pytestmark = pytest.mark.browser

CHALLENGE = "Pocas mujeres participan en el Concejo Municipal y en los COCODE."


@pytest.fixture
def pair(world):
    """Göteborg accepted, its contact person a member with an account; Cobán's profile
    approved, its contact person a member with an account who prefers Spanish. They share
    both themes and Göteborg wants Guatemala."""
    themes = list(world.network.themes.filter(slug__in=["representation", "violence"]))
    goteborg = OrganisationFactory(country_code="SE", code="1480")
    coban = OrganisationFactory(country_code="GT", code="1601")
    swede = MembershipFactory(
        organisation=goteborg,
        person=PersonFactory(name="Karin Lindqvist", languages=["sv", "es"]),
    ).person
    guatemalan = MembershipFactory(
        organisation=coban,
        person=PersonFactory(name="María José Caal", preferred_language="es", languages=["es"]),
    ).person
    interest = InterestFactory(
        call=world.call,
        organisation=goteborg,
        status=Interest.Status.ACCEPTED,
        themes=themes,
        preferred_country="GT",
        contacts=[swede],
    )
    profile = SeekingProfileFactory(
        call=world.call,
        organisation=coban,
        status=SeekingProfile.Status.APPROVED,
        themes=themes,
        challenges={"es": CHALLENGE},
        challenge_language="es",
        contact=guatemalan,
    )
    return {"interest": interest, "profile": profile, "swede": swede, "guatemalan": guatemalan}


def follow(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()


def sign_out(page):
    page.context.clear_cookies()


def test_a_confirmed_match_reaches_both_members_workspace_and_the_shared_challenge_is_edited(
    page, browse, world, pair, smtp_server, assert_no_axe_violations
):
    # Given a coordinator signed in with password and TOTP, on the coordination page
    browse.sign_in(page, world.users["coordinator"], "sv", world.totp_secret)
    page.goto(page.base_url + browse.path("networks:coordination_home", "sv"))
    assert_no_axe_violations(page)

    # When they follow the call's matching link
    board = browse.path(
        "matching:board", "sv", network_slug=world.network.slug, call_slug=world.call.slug
    )
    follow(page, f"main a[href='{board}']")

    # Then Göteborg and Cobán are proposed together, with the reasons why
    proposal = page.locator("main .match-pair").filter(has_text="Cobán")
    assert proposal.count() == 1
    assert "Göteborg" in proposal.locator("h3").inner_text()
    reasons = proposal.locator(".match-reasons li").all_inner_texts()
    assert reasons and "nothing in common yet" not in " ".join(reasons)
    assert page.get_attribute("html", "lang") == "sv"
    assert_no_axe_violations(page)

    # When they confirm the pair
    with page.expect_navigation():
        proposal.locator("button[type=submit]").click()

    # Then it is a partnership of the two, with both contact people as members
    assert page.locator(".message-success").is_visible()
    partnership = Partnership.objects.get()
    assert partnership.interest == pair["interest"]
    assert partnership.seeking_profile == pair["profile"]
    assert set(partnership.members.values_list("person", flat=True)) == {
        pair["swede"].pk,
        pair["guatemalan"].pk,
    }
    assert page.locator("main .match-pair").filter(has_text="Cobán").count() == 0
    assert_no_axe_violations(page)
    # And the interest and the profile are both matched now
    pair["interest"].refresh_from_db()
    pair["profile"].refresh_from_db()
    assert pair["interest"].status == Interest.Status.MATCHED
    assert pair["profile"].status == SeekingProfile.Status.MATCHED

    # And both sides are told by mail, each in their own language
    mail_deliver_due(now=timezone.now())
    to_swede = smtp_server.messages_to(pair["swede"].email)
    to_guatemalan = smtp_server.messages_to(pair["guatemalan"].email)
    assert len(to_swede) == 1 and len(to_guatemalan) == 1
    assert to_swede[0]["Content-Language"] == "sv"
    assert to_guatemalan[0]["Content-Language"] == "es"
    assert "Cobán" in to_swede[0]["Subject"] and "Cobán" in text_of(to_swede[0])
    assert "Göteborg" in to_guatemalan[0]["Subject"]

    # When the Swedish member signs in and goes from their account to their partnerships
    sign_out(page)
    open_workspace(page, browse, pair["swede"].user, "sv", partnership, assert_no_axe_violations)

    # Then the workspace shows both municipalities, the shared challenge and why they matched
    main = page.inner_text("main")
    assert "Göteborg" in main and "Cobán" in main and CHALLENGE in main
    assert all(reason in main for reason in reasons)

    # And their expressions of interest show Göteborg's as matched, linked to the workspace
    page.goto(page.base_url + browse.path("interests:my_interests", "sv"))
    workspace = browse.path("partnerships:partnership_detail", "sv", pk=partnership.pk)
    assert page.locator(f"main a[href='{workspace}']").count() == 1
    assert page.locator("main .badge-status-matched").count() == 1
    assert_no_axe_violations(page)

    # When the Guatemalan member does the same in Spanish
    sign_out(page)
    open_workspace(
        page, browse, pair["guatemalan"].user, "es", partnership, assert_no_axe_violations
    )
    main = page.inner_text("main")
    assert "Göteborg" in main and "Cobán" in main and CHALLENGE in main

    # And edits the Spanish text of the shared challenge
    follow(page, f"main a[href$='/partnerships/{partnership.pk}/statement/']")
    assert_no_axe_violations(page)
    edited = "Pocas mujeres participan en el Concejo Municipal de Cobán."
    page.fill("textarea[name=es]", edited)
    browse.submit(page)

    # Then it is saved and the workspace shows it
    assert page.url.endswith(f"/es/partnerships/{partnership.pk}/"), page.url
    assert page.locator(".message-success").is_visible()
    assert edited in page.inner_text("main")
    partnership.refresh_from_db()
    assert partnership.challenge_statements["es"] == edited
    assert partnership.statement_updated_by == pair["guatemalan"].user
    assert_no_axe_violations(page)


def open_workspace(page, browse, user, language, partnership, assert_no_axe_violations):
    """Sign in, then account page → my partnerships → the workspace, checking each page."""
    browse.sign_in(page, user, language)
    page.goto(page.base_url + browse.path("people:account_home", language))
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    follow(page, f"main a[href='{browse.path('partnerships:my_partnerships', language)}']")
    assert_no_axe_violations(page)
    workspace = browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    follow(page, f"main a[href='{workspace}']")
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
