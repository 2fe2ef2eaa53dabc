"""A coordinator matches a call in Chromium: from the coordination home to the board, adds a
rule without choosing a municipality (refused, the error next to the field), rules a pair out
and sees the proposal change, then confirms a pair; on a large call's board pages to the
second page, opens a pair's alternatives and confirms a pair there, coming back to that page.
Every state is checked with axe, on the keyboard and on a phone, in Swedish and English."""

import pytest

from puentes.networks.tests.factories import CallFactory
from puentes.partnerships.models import Partnership
from puentes.people.tests.factories import OrganisationFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.models import Interest, SeekingProfile
from puentes.recruitment.tests.factories import (
    ContactPersonFactory,
    InterestFactory,
    SeekingProfileFactory,
)
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser


@pytest.fixture
def candidates(world):
    """Göteborg and Malmö accepted; Cobán and Medellín published. Göteborg shares both
    themes with Cobán and wants Guatemala."""
    representation, violence = world.network.themes.filter(
        slug__in=["representation", "violence"]
    ).order_by("slug")
    goteborg = InterestFactory(
        call=world.call,
        organisation=OrganisationFactory(country_code="SE", code="1480"),
        status=Interest.Status.ACCEPTED,
        themes=[representation, violence],
        preferred_country="GT",
        contacts=[ContactPersonFactory(languages=["sv", "es"])],
    )
    malmo = InterestFactory(
        call=world.call,
        organisation=OrganisationFactory(country_code="SE", code="1280"),
        status=Interest.Status.ACCEPTED,
        themes=[violence],
    )
    coban = SeekingProfileFactory(
        call=world.call,
        organisation=OrganisationFactory(country_code="GT", code="1601"),
        status=SeekingProfile.Status.APPROVED,
        themes=[representation, violence],
    )
    medellin = SeekingProfileFactory(
        call=world.call,
        organisation=OrganisationFactory(country_code="CO", code="05001"),
        status=SeekingProfile.Status.APPROVED,
        themes=[violence],
    )
    return {"goteborg": goteborg, "malmo": malmo, "coban": coban, "medellin": medellin}


def check(page, browse, assert_no_axe_violations):
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def pairs_on(page) -> list[str]:
    titles = page.locator("main .match-pair h3").all_inner_texts()
    return [title.replace("\n", " ") for title in titles]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_coordinator_rules_a_pair_out_sees_the_proposal_change_and_confirms_a_pair(
    language, page, browse, world, candidates, assert_no_axe_violations
):
    # given a signed-in coordinator on the coordination home
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    page.goto(page.base_url + browse.path("networks:coordination_home", language))
    board = browse.path(
        "matching:board", language, network_slug=world.network.slug, call_slug=world.call.slug
    )

    # when they open the call's matching board
    with page.expect_navigation():
        page.locator(f"main a[href='{board}']").click()

    # then Göteborg is proposed with Cobán, and Malmö with Medellín
    assert len(pairs_on(page)) == 2
    assert any("Göteborg" in pair and "Cobán" in pair for pair in pairs_on(page))
    assert any("Malmö" in pair and "Medellín" in pair for pair in pairs_on(page))
    check(page, browse, assert_no_axe_violations)

    # when they add a rule without choosing the Swedish municipality
    rules = "main form[action$='/rules/']"
    page.select_option("select[name=profile]", str(candidates["coban"].pk))
    page.check("input[name=kind][value=never]")
    browse.submit(page, rules)

    # then the missing choice is named next to the field and in the summary
    assert page.locator(".error-summary a[href='#id_interest']").is_visible()
    assert page.locator("#id_interest_error").is_visible()
    assert page.is_checked("input[name=kind][value=never]")
    check(page, browse, assert_no_axe_violations)

    # when they rule Göteborg and Cobán out
    page.select_option("select[name=interest]", str(candidates["goteborg"].pk))
    page.select_option("select[name=profile]", str(candidates["coban"].pk))
    page.check("input[name=kind][value=never]")
    browse.submit(page, rules)

    # then the board proposes without that pair and lists the rule
    assert page.locator(".message-success").is_visible()
    assert not any("Göteborg" in pair and "Cobán" in pair for pair in pairs_on(page))
    assert page.locator("main form[action$='/remove/']").count() == 1
    check(page, browse, assert_no_axe_violations)

    # when they confirm the first proposed pair
    first = page.locator("main .match-pair").first
    names = first.locator("h3").inner_text()
    with page.expect_navigation():
        first.locator("button[type=submit]").click()

    # then it is a partnership and leaves the board
    assert page.locator(".message-success").is_visible()
    partnership = Partnership.objects.get()
    assert partnership.swedish_organisation.name in names
    assert len(pairs_on(page)) == 1
    check(page, browse, assert_no_axe_violations)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_board_without_candidates_says_so(
    language, page, browse, world, assert_no_axe_violations
):
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)

    page.goto(
        page.base_url
        + browse.path(
            "matching:board", language, network_slug=world.network.slug, call_slug=world.call.slug
        )
    )

    assert page.locator("main .match-pair").count() == 0
    assert page.locator("main form[action$='/rules/']").count() == 0
    check(page, browse, assert_no_axe_violations)


@pytest.fixture
def large_call(world):
    """A call of 30 Swedish and 30 Guatemalan candidates: two pages of pairs."""
    load_reference_data_for_tests()
    call = CallFactory(network=world.network, slug="large-matching-call")
    themes = list(world.network.themes.all())
    swedish = Organisation.objects.filter(country__code="SE").order_by("code")[:30]
    for index, org in enumerate(swedish):
        InterestFactory(
            call=call,
            organisation=org,
            status=Interest.Status.ACCEPTED,
            themes=[themes[index % len(themes)]],
            contacts=[ContactPersonFactory(languages=["sv", "es"])],
        )
    for index, org in enumerate(Organisation.objects.filter(country__code="GT")[:30]):
        SeekingProfileFactory(
            call=call,
            organisation=org,
            status=SeekingProfile.Status.APPROVED,
            themes=[themes[index % len(themes)]],
        )
    return call


@pytest.mark.parametrize("language", ["sv", "es"])
def test_a_coordinator_pages_through_a_large_board_and_confirms_a_pair_on_page_two(
    language, page, browse, world, large_call, assert_no_axe_violations
):
    # given a coordinator on the board of a call with 30 proposed pairs
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    board = browse.path(
        "matching:board", language, network_slug=world.network.slug, call_slug=large_call.slug
    )
    page.goto(page.base_url + board)

    # then the first page shows 25 pairs and the count of the whole call
    assert len(pairs_on(page)) == 25
    assert "30" in page.locator("#proposal + p").inner_text()
    check(page, browse, assert_no_axe_violations)

    # when they follow the link to the next page
    with page.expect_navigation():
        page.locator("main nav a[rel=next]").click()

    # then the other 5 pairs are there
    assert page.url.endswith(board + "?page=2")
    assert len(pairs_on(page)) == 5
    check(page, browse, assert_no_axe_violations)

    # when they open the alternatives of the first pair of page 2
    first = page.locator("main .match-pair").first
    with page.expect_navigation():
        first.locator("a[href*='open=']").click()

    # then that pair's alternatives are explained on the same page
    assert "page=2" in page.url
    assert first.locator("h4").is_visible()
    assert page.locator("main .match-pair h4").count() == 1
    # (the link's #pair- fragment moves the keyboard's starting point to the pair: the
    # checks start from the top of the same page)
    page.goto(page.url.split("#")[0])
    check(page, browse, assert_no_axe_violations)

    # when they confirm the first pair of page 2, they come back to page 2
    first = page.locator("main .match-pair").first
    with page.expect_navigation():
        first.locator("button[type=submit]").click()
    assert page.url.endswith(board + "?page=2")
    assert page.locator(".message-success").is_visible()
    assert len(pairs_on(page)) == 4
    assert Partnership.objects.filter(call=large_call).count() == 1
    check(page, browse, assert_no_axe_violations)
