"""A coordinator reviews expressions of interest in Chromium: from the coordination home to the
queue, filters it, opens an interest, declines it without a reason (refused, the error next to
the field), then accepts it. Every state is checked with axe, on the keyboard and on a phone,
in Swedish, Spanish and English."""

import datetime

import pytest

from puentes.people.models import Person
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import Interest
from puentes.recruitment.tests.factories import (
    ContactPersonFactory,
    InterestFactory,
    SeekingProfileFactory,
)
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

I = Interest.Status  # noqa: E741
SUBMITTED_AT = datetime.datetime(2024, 2, 1, 9, 30, tzinfo=datetime.UTC)
# What the journey's pages say, in each language (the catalogues are completed by a
# translator after this change, so each text is looked for in its language or in English).
TEXTS = {
    "sv": {"accepted": ("antagen", "accepted")},
    "es": {"accepted": ("aceptada", "aceptado", "accepted")},
    "en": {"accepted": ("accepted",)},
}


@pytest.fixture
def interests(world):
    """Göteborg's interest in review, Malmö's submitted, Uppsala's draft (never listed)."""
    theme = world.network.themes.first()
    coban = SeekingProfileFactory(
        call=world.call, organisation=OrganisationFactory(country_code="GT", code="1601")
    )
    goteborg = InterestFactory(
        call=world.call,
        organisation=OrganisationFactory(country_code="SE", code="1480"),
        status=I.IN_REVIEW,
        submitted_at=SUBMITTED_AT,
        motivation="Vi vill stärka kvinnors deltagande i nämnderna.",
        preferred_country="GT",
        themes=[theme],
        contacts=[
            ContactPersonFactory(name="Åsa Öberg", title="Jämställdhetsstrateg"),
            ContactPersonFactory(name="Íñigo Muñoz", role=Person.Role.POLITICIAN),
        ],
    )
    goteborg.preferred_profiles.set([coban])
    InterestFactory(
        call=world.call,
        organisation=OrganisationFactory(country_code="SE", code="1280"),
        status=I.SUBMITTED,
        submitted_at=SUBMITTED_AT + datetime.timedelta(days=1),
        themes=[theme],
    )
    InterestFactory(
        call=world.call, organisation=OrganisationFactory(country_code="SE", code="0380")
    )
    return goteborg


def check(page, browse, assert_no_axe_violations):
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


@pytest.mark.parametrize("language", ["sv", "es", "en"])
def test_a_coordinator_filters_the_queue_declines_without_a_reason_and_then_accepts(
    language, page, browse, world, interests, assert_no_axe_violations
):
    # given a signed-in coordinator on the coordination home
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    page.goto(page.base_url + browse.path("networks:coordination_home", language))
    queue = browse.path(
        "review:queue", language, network_slug=world.network.slug, call_slug=world.call.slug
    )

    # when they open the call's queue
    with page.expect_navigation():
        page.locator(f"main a[href='{queue}']").click()

    # then both submitted interests are listed, never the draft
    rows = page.locator("main table tbody tr")
    assert rows.count() == 2
    assert "Uppsala" not in page.inner_text("main table")
    assert page.locator("[data-status-count=all]").inner_text() == "2"
    check(page, browse, assert_no_axe_violations)

    # when they filter by name without accents
    page.fill("input[name=text]", "goteborg")
    browse.submit(page, "main form.review-filters")

    # then only Göteborg is left
    assert rows.count() == 1
    assert "Göteborg" in rows.first.inner_text()
    check(page, browse, assert_no_axe_violations)

    # when a filter matches nothing, the page says so
    page.fill("input[name=text]", "Kiruna")
    browse.submit(page, "main form.review-filters")
    assert rows.count() == 0
    check(page, browse, assert_no_axe_violations)

    # when they open Göteborg's interest
    page.goto(page.base_url + queue)
    with page.expect_navigation():
        page.locator("main table").get_by_role("link", name="Göteborg").click()
    assert "Åsa Öberg" in page.inner_text("main")
    assert page.locator("main [lang=sv]").first.is_visible()
    check(page, browse, assert_no_axe_violations)

    # and decline it without a reason
    decide = "main form[action$='/decide/']"
    page.check("input[name=decision][value=declined]")
    browse.submit(page, decide)

    # then the reason is asked for, next to the field and in the summary
    assert page.locator(".error-summary a[href='#id_reason']").is_visible()
    assert page.locator("#id_reason_error").is_visible()
    assert page.is_checked("input[name=decision][value=declined]")
    interests.refresh_from_db()
    assert interests.status == I.IN_REVIEW
    check(page, browse, assert_no_axe_violations)

    # when they accept it instead
    page.check("input[name=decision][value=accepted]")
    browse.submit(page, decide)

    # then the decision is recorded and said
    assert page.locator(".message-success").is_visible()
    assert page.locator(decide).count() == 0
    interests.refresh_from_db()
    assert interests.status == I.ACCEPTED
    history = page.inner_text("section[aria-labelledby=interest-history]").lower()
    assert any(word in history for word in TEXTS[language]["accepted"]), history
    check(page, browse, assert_no_axe_violations)
