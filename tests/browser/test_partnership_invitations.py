"""Inviting a member into a partnership in Chromium: a member fills in the invitation (empty,
with an error, sent), and the invitee opens the link from the mail, chooses a password (a weak
one first) and lands in the workspace; a bad link shows a clear page. Every state is checked
with axe, on the keyboard and on a phone, in Swedish and Spanish."""

import re

import pytest

from puentes.core.models import OutboxMessage
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es")
PASSWORD = "Tre-broar-over-Atlanten-24"


@pytest.fixture
def partnership(world):
    member = world.users["member"].person
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=member.memberships.get().organisation,
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    PartnershipMember.objects.create(partnership=partnership, person=member, side="swedish")
    return partnership


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)
    page.goto(page.url.split("#")[0])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_invites_a_colleague_who_sets_a_password_and_lands_in_the_workspace(
    language, page, browse, world, partnership, assert_no_axe_violations
):
    # Given a member on the workspace, who follows the invitation link
    browse.sign_in(page, world.users["member"], language)
    page.goto(
        page.base_url + browse.path("partnerships:partnership_detail", language, pk=partnership.pk)
    )
    page.click(f"a[href$='/partnerships/{partnership.pk}/invite/']")
    check(page, browse, assert_no_axe_violations, language)

    # When they send it empty, they see the errors
    browse.submit(page)
    assert page.locator(".error-summary").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # When they fill it in, the invitation is sent
    page.fill("input[name=name]", "Erik Berg")
    page.fill("input[name=email]", "erik@example.se")
    page.select_option("select[name=language]", language)
    browse.submit(page)
    assert f"/partnerships/{partnership.pk}/" in page.url
    check(page, browse, assert_no_axe_violations, language)
    message = OutboxMessage.objects.get(to_address="erik@example.se")
    link = re.search(r"https?://\S+/invitations/\S+/", message.body_text).group(0)

    # Then the invitee, signed out, opens the link and first picks a weak password
    page.context.clear_cookies()
    page.goto(link)
    check(page, browse, assert_no_axe_violations, language)
    page.fill("input[name=password1]", "123")
    page.fill("input[name=password2]", "123")
    browse.submit(page)
    assert page.locator(".error-summary").count() == 1
    check(page, browse, assert_no_axe_violations, language)

    # and then a good one, and lands in the workspace
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    browse.submit(page)
    assert page.url.endswith(f"/partnerships/{partnership.pk}/")
    assert "Erik Berg" in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_bad_invitation_link_shows_a_clear_page(
    language, page, browse, world, assert_no_axe_violations
):
    page.goto(
        page.base_url
        + browse.path("partnerships:invitation_accept", language, token="1:1xRkjd:tampered")
    )

    assert page.locator("main h1").count() == 1
    check(page, browse, assert_no_axe_violations, language)
