"""A Swedish member registers their municipality's interest in Chromium: from the call's page to
the form, a failed submission (errors next to the fields and in the summary), a second
contact person added with the form's own button (no JavaScript needed), then the submission
and its confirmation. Every state is checked with axe, on the keyboard and on a phone; the
journey's other pages (list, draft, change, withdraw, privacy notice, a closed call) in
Swedish and Spanish."""

import datetime
import re

import pytest
from django.utils import timezone

from puentes.core.models import OutboxMessage
from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import Interest
from puentes.recruitment.tests.factories import (
    InterestFactory,
    PrivacyNoticeFactory,
    SeekingProfileFactory,
)
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser

I = Interest.Status  # noqa: E741


@pytest.fixture
def open_call(world):
    """A call open today, with a published municipality and the privacy notice to consent to."""
    today = timezone.localdate()
    call = CallFactory(
        network=world.network,
        slug="open-call",
        titles={"sv": "Utlysning nu", "es": "Convocatoria abierta", "en": "Open call"},
        open_date=today - datetime.timedelta(days=5),
        close_date=today + datetime.timedelta(days=25),
        rule_year=today.year,
    )
    SeekingProfileFactory(
        call=call, organisation=OrganisationFactory(country_code="GT", code="1601")
    )
    PrivacyNoticeFactory(version="1")
    return call


@pytest.fixture
def organisation(world):
    return world.users["member"].person.memberships.get().organisation


def check(page, browse, assert_no_axe_violations):
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def press(page, selector):
    with page.expect_navigation():
        page.locator(selector).click()


def fill_contact(page, index, name, email, role="official", language="sv"):
    page.fill(f"input[name=contacts-{index}-name]", name)
    page.check(f"input[name=contacts-{index}-role][value={role}]")
    page.fill(f"input[name=contacts-{index}-title]", "Jämställdhetsstrateg")
    page.fill(f"input[name=contacts-{index}-email]", email)
    page.select_option(f"select[name=contacts-{index}-language]", language)


def test_a_swedish_member_registers_their_interest_in_swedish(
    page, browse, world, open_call, organisation, assert_no_axe_violations
):
    # given a member of a Swedish municipality, signed in, on the open call's page
    browse.sign_in(page, world.users["member"], "sv")
    page.goto(
        page.base_url
        + browse.path(
            "networks:call_detail", "sv", network_slug=world.network.slug, call_slug="open-call"
        )
    )
    check(page, browse, assert_no_axe_violations)

    # when they follow "Register your interest"
    press(page, "main a[href$='/interest/new/']")

    # then the empty form shows their municipality already chosen
    assert page.url.endswith(f"/sv/networks/{world.network.slug}/calls/open-call/interest/new/")
    assert (
        page.input_value("input[name=organisation]") == f"{organisation.name} ({organisation.code})"
    )
    check(page, browse, assert_no_axe_violations)

    # when they submit it half-filled
    fill_contact(page, 0, "Åsa Öberg", "asa@kommun.example.se")
    press(page, "button[name=action][value=submit]")

    # then the problems are listed at the top and next to the fields, and the input is kept
    assert page.locator(".error-summary").is_visible()
    assert page.locator(".field-error").count() >= 4
    assert page.input_value("input[name=contacts-0-name]") == "Åsa Öberg"
    assert not Interest.objects.exists()
    check(page, browse, assert_no_axe_violations)

    # when they add a second contact person with the form's own button, and fill everything
    press(page, "button[name=action][value=add_contact]")
    assert page.input_value("input[name=contacts-0-name]") == "Åsa Öberg"
    fill_contact(page, 1, "Íñigo Muñoz", "inigo@kommun.example.se", "politician", "es")
    page.locator("input[name=themes]").first.check()
    page.fill("textarea[name=motivation]", "Vi vill stärka kvinnors politiska deltagande.")
    page.check("input[name=preferred_country][value=GT]")
    page.locator("input[name=preferred_profiles]").first.check()
    page.check("input[name=workshop_commitment]")
    page.check("input[name=consent]")
    assert_no_axe_violations(page)
    press(page, "button[name=action][value=submit]")

    # then it is submitted, the page confirms it, and the contacts' mail waits in the outbox
    interest = Interest.objects.get()
    assert interest.status == I.SUBMITTED
    assert page.url.endswith(f"/sv/account/interests/{interest.pk}/")
    assert page.locator(".message-success").is_visible()
    assert [c.person.preferred_language for c in interest.contacts.all()] == ["sv", "es"]
    mail = OutboxMessage.objects.filter(object_id=interest.pk, kind__startswith="interest_")
    assert mail.count() == 3  # two contacts and the network's address
    check(page, browse, assert_no_axe_violations)


def test_contact_rows_are_added_and_removed_without_javascript(
    browser, live_server, browse, world, open_call
):
    # given a browser with JavaScript switched off
    context = browser.new_context(java_script_enabled=False, locale="sv")
    page = context.new_page()
    page.base_url = live_server.url
    browse.sign_in(page, world.users["member"], "sv")
    page.goto(
        page.base_url
        + browse.path(
            "interests:interest_new", "sv", network_slug=world.network.slug, call_slug="open-call"
        )
    )

    # when a row is added, then the first removed
    fill_contact(page, 0, "Åsa Öberg", "asa@kommun.example.se")
    press(page, "button[name=action][value=add_contact]")
    fill_contact(page, 1, "Íñigo Muñoz", "inigo@kommun.example.se")
    press(page, "button[name=remove_contact][value='0']")

    # then the second person is now the only row
    assert page.locator("input[name$='-name']").count() == 1
    assert page.input_value("input[name=contacts-0-name]") == "Íñigo Muñoz"
    context.close()


def visit(name, **kwargs):
    def arrive(page, browse, world, language):
        arguments = {key: value(world) for key, value in kwargs.items()}
        page.goto(page.base_url + browse.path(name, language, **arguments))

    return arrive


def oversized_withdrawal(page, browse, world, language):
    visit("interests:interest_withdraw", pk=lambda w: w.draft.pk)(page, browse, world, language)
    page.locator("textarea[name=reason]").evaluate("el => { el.value = 'x'.repeat(5001); }")
    press(page, "main form button[type=submit]")
    assert page.locator(".error-summary").is_visible()


def closed_call_form(page, browse, world, language):
    page.goto(
        page.base_url
        + browse.path(
            "interests:interest_new",
            language,
            network_slug=world.network.slug,
            call_slug="call-2024",
        )
    )


PAGES = {
    "my-interests-empty": visit("interests:my_interests"),
    "my-interests": visit("interests:my_interests"),
    "draft": visit("interests:interest_detail", pk=lambda w: w.draft.pk),
    "draft-edit": visit("interests:interest_edit", pk=lambda w: w.draft.pk),
    "withdraw": visit("interests:interest_withdraw", pk=lambda w: w.draft.pk),
    "withdraw-too-long": oversized_withdrawal,
    "closed-call-form": closed_call_form,
    "privacy-notice": visit("interests:privacy_notice"),
    "network-with-open-call": visit("networks:network_detail", slug=lambda w: w.network.slug),
    "open-call": visit(
        "networks:call_detail",
        network_slug=lambda w: w.network.slug,
        call_slug=lambda w: "open-call",
    ),
}


@pytest.mark.parametrize("language", ["sv", "es"])
@pytest.mark.parametrize("name", PAGES)
def test_the_journeys_pages_are_accessible(
    name, language, page, browse, world, open_call, organisation, assert_no_axe_violations
):
    if name != "my-interests-empty":
        world.draft = InterestFactory(
            call=open_call,
            organisation=organisation,
            created_by=world.users["member"],
            motivation="Vi vill lära oss av Cobán.",
            complete=False,
        )
    browse.sign_in(page, world.users["member"], language)

    PAGES[name](page, browse, world, language)

    assert page.get_attribute("html", "lang") == language
    assert re.search(r"/(sv|es)/", page.url)
    check(page, browse, assert_no_axe_violations)
