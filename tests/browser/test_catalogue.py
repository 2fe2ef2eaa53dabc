"""The catalogue of municipalities seeking a partner in Chromium: a Guatemalan member publishes
their municipality's profile in Spanish (empty form, refused form, awaiting approval), a
coordinator refuses a decision without a reason and then approves, a visitor finds the
profile with a search without accents and a country filter, and writes to it through the
relay. Every state (empty, error, success) is checked with axe, on the keyboard and on a
phone, in Swedish and Spanish at least."""

import datetime

import pytest
from django.utils import timezone

from puentes.core.models import OutboxMessage
from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import MembershipFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.tests.factories import ContactPersonFactory, SeekingProfileFactory
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

LANGUAGES = ("sv", "es", "en")
CHALLENGE = "Las lideresas k'iche' de los 48 cantones casi no llegan al Concejo Municipal."


def municipality(code):
    return Organisation.objects.get(country__code="GT" if len(code) == 4 else "CO", code=code)


@pytest.fixture
def open_call(world):
    """A call open today, with the real municipalities of Guatemala and Colombia loaded."""
    load_reference_data_for_tests()
    today = timezone.localdate()
    return CallFactory(
        network=world.network,
        slug="open-call",
        titles={"sv": "Utlysning nu", "es": "Convocatoria abierta", "en": "Open call"},
        open_date=today - datetime.timedelta(days=5),
        close_date=today + datetime.timedelta(days=25),
        rule_year=today.year,
    )


@pytest.fixture
def totonicapan_member(world):
    """An account acting for Totonicapán, Guatemala, writing in Spanish."""
    load_reference_data_for_tests()
    return MembershipFactory(
        organisation=municipality("0801"),
        person__name="Rosa Caal",
        person__preferred_language="es",
    ).person.user


@pytest.fixture
def published(open_call, world):
    """Totonicapán and Cobán in Guatemala, Medellín in Colombia, all published."""
    theme = world.network.themes.first()
    contact = ContactPersonFactory(
        email="rosa.caal@totonicapan.example.gt", preferred_language="es"
    )
    profiles = {
        "0801": SeekingProfileFactory(
            call=open_call,
            organisation=municipality("0801"),
            challenges={"es": CHALLENGE},
            contact=contact,
            themes=[theme],
        ),
        "1601": SeekingProfileFactory(call=open_call, organisation=municipality("1601")),
        "05001": SeekingProfileFactory(call=open_call, organisation=municipality("05001")),
    }
    return profiles


def check(page, browse, assert_no_axe_violations):
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def catalogue(browse, call, language):
    return browse.path(
        "catalogue:list", language, network_slug=call.network.slug, call_slug=call.slug
    )


def submit_without_browser_checks(page, browse, form="main form"):
    """Send the form as it is: the server's answer, not the browser's `required` bubble."""
    page.locator(form).first.evaluate("form => { form.noValidate = true; }")
    browse.submit(page, form)


def test_a_guatemalan_member_publishes_the_municipalitys_profile_in_spanish(
    page, browse, world, open_call, totonicapan_member, assert_no_axe_violations
):
    # given a signed-in member on the empty catalogue
    browse.sign_in(page, totonicapan_member, "es")
    page.goto(page.base_url + catalogue(browse, open_call, "es"))
    assert page.locator("main .card").count() == 0
    check(page, browse, assert_no_axe_violations)

    # when they follow the link to publish a profile
    with page.expect_navigation():
        page.locator("main a[href$='/seeking/new/']").click()

    # then the form is in Spanish, for their municipality, with their name already filled in
    assert page.get_attribute("html", "lang") == "es"
    assert "Totonicapán" in page.inner_text("#id_organisation")
    assert page.input_value("#id_challenge_language") == "es"
    assert page.input_value("#id_contact_name") == "Rosa Caal"
    check(page, browse, assert_no_axe_violations)

    # when they send it without a challenge or a theme
    submit_without_browser_checks(page, browse)

    # then the problems are named at the top and next to the fields, and nothing is saved
    assert page.locator(".error-summary a[href='#id_challenge']").is_visible()
    assert page.locator(".error-summary a[href='#id_themes_0']").is_visible()
    assert page.locator("#id_challenge_error").is_visible()
    assert page.input_value("#id_contact_name") == "Rosa Caal"
    assert not SeekingProfile.objects.exists()
    check(page, browse, assert_no_axe_violations)

    # when they write the challenge, choose a theme and send it again
    page.fill("#id_challenge", CHALLENGE)
    page.check("#id_themes_0")
    page.fill("#id_contact_title", "Directora Municipal de la Mujer")
    browse.submit(page)

    # then the profile awaits approval, and the member sees it
    profile = SeekingProfile.objects.get()
    assert profile.status == SeekingProfile.Status.SUBMITTED
    assert profile.challenges == {"es": CHALLENGE}
    assert page.url.endswith(f"/seeking/{profile.pk}/")
    assert page.locator(".message-success").is_visible()
    assert page.locator(".catalogue-notice").is_visible()
    assert page.locator("main [lang=es]", has_text="lideresas").first.is_visible()
    check(page, browse, assert_no_axe_violations)


@pytest.mark.parametrize("language", ["sv", "es"])
def test_a_coordinator_refuses_a_decision_without_reason_then_approves(
    language, page, browse, world, open_call, assert_no_axe_violations
):
    # given a submitted profile and a signed-in coordinator on the review page
    profile = SeekingProfileFactory(
        call=open_call,
        organisation=municipality("0801"),
        status=SeekingProfile.Status.SUBMITTED,
        challenges={"es": CHALLENGE},
    )
    browse.sign_in(page, world.users["coordinator"], language, world.totp_secret)
    review = browse.path(
        "catalogue:review", language, network_slug=world.network.slug, call_slug=open_call.slug
    )
    page.goto(page.base_url + review)
    assert page.locator("[data-status-count=submitted]").inner_text() == "1"
    check(page, browse, assert_no_axe_violations)

    # when they open it and refuse it without a reason
    with page.expect_navigation():
        page.locator("main table").get_by_role("link", name="Totonicapán").click()
    check(page, browse, assert_no_axe_violations)
    decide = "main form[action$='/decide/']"
    page.check("input[name=decision][value=reject]")
    browse.submit(page, decide)

    # then the reason is asked for next to the field, and nothing changed
    assert page.locator(".error-summary a[href='#id_reason']").is_visible()
    assert page.locator("#id_reason_error").is_visible()
    profile.refresh_from_db()
    assert profile.status == SeekingProfile.Status.SUBMITTED
    check(page, browse, assert_no_axe_violations)

    # when they approve it instead
    page.check("input[name=decision][value=approve]")
    browse.submit(page, decide)

    # then it is published, and the history shows the step
    profile.refresh_from_db()
    assert profile.status == SeekingProfile.Status.APPROVED
    assert page.locator(".message-success").is_visible()
    assert page.locator(decide).count() == 0
    assert page.locator("main table tbody tr").count() == 1
    check(page, browse, assert_no_axe_violations)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_visitor_finds_a_municipality_without_accents_and_filters_by_country(
    language, page, browse, published, open_call, assert_no_axe_violations
):
    # given the catalogue with three municipalities
    page.goto(page.base_url + catalogue(browse, open_call, language))
    cards = page.locator("main .card")
    assert cards.count() == 3
    check(page, browse, assert_no_axe_violations)

    # when they search without accents
    page.fill("input[name=q]", "totonicapan")
    browse.submit(page)

    # then Totonicapán is found, its challenge marked as Spanish, the search kept
    assert cards.count() == 1
    assert "Totonicapán" in cards.first.inner_text()
    assert cards.first.locator("p[lang=es]").is_visible()
    assert page.input_value("input[name=q]") == "totonicapan"
    check(page, browse, assert_no_axe_violations)

    # when they look for Colombia only
    page.fill("input[name=q]", "")
    page.select_option("select[name=country]", "CO")
    browse.submit(page)

    # then Medellín alone is listed, and the address carries the filter
    assert cards.count() == 1
    assert "Medellín" in cards.first.inner_text()
    assert "country=CO" in page.url

    # when nothing matches, the page says so
    page.fill("input[name=q]", "kiruna")
    browse.submit(page)
    assert cards.count() == 0
    check(page, browse, assert_no_axe_violations)


@pytest.mark.parametrize("language", ["sv", "es"])
def test_a_visitor_writes_to_a_municipality_without_seeing_its_address(
    language, page, browse, published, open_call, assert_no_axe_violations
):
    # given Totonicapán's public profile
    profile = published["0801"]
    page.goto(
        page.base_url
        + browse.path(
            "catalogue:detail",
            language,
            network_slug=open_call.network.slug,
            call_slug=open_call.slug,
            pk=profile.pk,
        )
    )
    assert "rosa.caal" not in page.content()
    assert page.locator("main [lang=es]", has_text="lideresas").first.is_visible()
    check(page, browse, assert_no_axe_violations)

    # when they send the message empty
    submit_without_browser_checks(page, browse, "#contact form")

    # then the problems are named, and nothing is sent
    assert page.locator(".error-summary a[href='#id_message']").is_visible()
    assert page.locator("#id_sender_name_error").is_visible()
    assert not OutboxMessage.objects.filter(kind="seeking_profile_contact").exists()
    check(page, browse, assert_no_axe_violations)

    # when they fill it in and send it
    page.fill("#id_sender_name", "Maja Medlem")
    page.fill("#id_sender_email", "maja@boras.example.se")
    page.fill("#id_message", "Hola, Borås trabaja en la participación política de las mujeres.")
    browse.submit(page, "#contact form")

    # then they see that it was sent, and it waits in the outbox for the contact person
    assert page.url.endswith(f"/seeking/{profile.pk}/sent/")
    assert "rosa.caal" not in page.content()
    message = OutboxMessage.objects.get(kind="seeking_profile_contact")
    assert message.to_address == "rosa.caal@totonicapan.example.gt"
    assert message.reply_to == "maja@boras.example.se"
    check(page, browse, assert_no_axe_violations)


def _exhaust_contact_limit():
    """The live server runs in this process: use up the browser's address's allowance."""
    from puentes.core.ratelimit import rate_limit_hit
    from puentes.recruitment.views_catalogue import CONTACT_LIMIT_PER_ADDRESS

    limit, window = CONTACT_LIMIT_PER_ADDRESS
    for _ in range(limit):
        rate_limit_hit(
            scope="catalogue-contact-address", key="127.0.0.1", limit=limit, window_seconds=window
        )


def test_a_visitor_over_the_limit_is_told_to_wait_and_keeps_the_message(
    page, browse, published, open_call, assert_no_axe_violations
):
    # given a visitor who has already sent as many messages as an hour allows
    _exhaust_contact_limit()
    profile = published["0801"]
    page.goto(
        page.base_url
        + browse.path(
            "catalogue:detail",
            "es",
            network_slug=open_call.network.slug,
            call_slug=open_call.slug,
            pk=profile.pk,
        )
    )

    # when they send one more
    page.fill("#id_sender_name", "Maja Medlem")
    page.fill("#id_sender_email", "maja@boras.example.se")
    page.fill("#id_message", "Un mensaje más.")
    with page.expect_navigation() as navigation:
        page.locator("#contact form button[type=submit]").click()

    # then they are told to wait, their message is kept, and nothing is sent
    assert navigation.value.status == 429
    assert page.locator(".error-summary").is_visible()
    assert page.input_value("#id_message") == "Un mensaje más."
    assert not OutboxMessage.objects.filter(kind="seeking_profile_contact").exists()
    check(page, browse, assert_no_axe_violations)


@pytest.mark.parametrize("language", ["sv", "es"])
def test_the_form_explains_a_closed_call_and_who_may_publish(
    language, page, browse, world, totonicapan_member, assert_no_axe_violations
):
    # given the world's call, closed since 2024
    new = browse.path(
        "catalogue:new", language, network_slug=world.network.slug, call_slug=world.call.slug
    )

    # when a member of a Guatemalan municipality opens the form
    browse.sign_in(page, totonicapan_member, language)
    response = page.goto(page.base_url + new)

    # then the page says the call accepts nothing now, and shows no form
    assert response.status == 200
    assert page.locator("main form").count() == 0
    check(page, browse, assert_no_axe_violations)

    # when a member of a Swedish municipality opens it
    page.context.clear_cookies()
    browse.sign_in(page, world.users["member"], language)
    response = page.goto(page.base_url + new)

    # then they are told who may publish a profile
    assert response.status == 403
    assert world.network.contact_email in page.inner_text("main")
    check(page, browse, assert_no_axe_violations)
