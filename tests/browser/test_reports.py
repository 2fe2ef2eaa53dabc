"""A progress report in Chromium: a Swedish member writes it and signs off in Swedish, a
Guatemalan member signs off in Spanish and the report is submitted; a coordinator reopens
it. Then a conflict: someone saves while a member writes, and nothing is lost. Every page
state is checked with axe, on the keyboard and on a phone."""

import datetime

import pytest

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.partnerships.models import PartnershipMember
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory
from puentes.reports.models import ProgressReport
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser


@pytest.fixture
def partnership(world):
    """The Swedish member's municipality with Cobán, whose official works in Spanish."""
    swede = world.users["member"].person
    cobán = OrganisationFactory(country_code="GT", code="1601")
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=swede.memberships.get().organisation,
        latin_organisation=cobán,
    )
    guatemalan = MembershipFactory(
        organisation=cobán,
        person__name="María José Caal",
        person__preferred_language="es",
        person__languages=["es"],
    ).person
    world.users["guatemalan"] = guatemalan.user
    PartnershipMember.objects.create(partnership=partnership, person=swede, side="swedish")
    PartnershipMember.objects.create(partnership=partnership, person=guatemalan, side="latin")
    return partnership


@pytest.fixture
def period(world):
    # Due far ahead, so no page depends on the day the test runs.
    return ReportingPeriodFactory(
        call=world.call,
        start_date=datetime.date(2030, 1, 1),
        end_date=datetime.date(2030, 12, 31),
        due_date=datetime.date(2031, 1, 31),
    )


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, browse.phone)
    page.set_viewport_size(browse.desktop)


def reopen(page):
    """The keyboard check leaves #main in the address; start the page again without it."""
    page.goto(page.url.split("#")[0])


def follow(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()


def report_url(page, browse, language, partnership, period):
    return page.base_url + browse.path(
        "reports:report_detail", language, pk=partnership.pk, period_pk=period.pk
    )


def test_both_sides_sign_off_in_their_language_and_a_coordinator_reopens(
    page, browse, world, partnership, period, assert_no_axe_violations
):
    # Given the Swedish member on the list of reports (sv)
    browse.sign_in(page, world.users["member"], "sv")
    page.goto(page.base_url + browse.path("reports:report_list", "sv", pk=partnership.pk))
    assert "2030" in page.inner_text("main table")
    check(page, browse, assert_no_axe_violations, "sv")

    # When they open the period's report, nobody has written it yet
    follow(page, f"main table a[href$='/reports/{period.pk}/']")
    assert page.locator("main button[type=submit]").count() == 0
    check(page, browse, assert_no_axe_violations, "sv")

    # And the form refuses an empty report, pointing at the first field
    follow(page, "main a[href$='/edit/']")
    check(page, browse, assert_no_axe_violations, "sv")
    reopen(page)
    browse.submit(page)
    assert page.locator(".error-summary a[href='#id_activities_sv']").count() == 1
    check(page, browse, assert_no_axe_violations, "sv")
    reopen(page)

    # And they write two sections in Swedish and one in Spanish, then sign off
    page.fill("#id_activities_sv", "Två workshoppar med byråden i Cobán.")
    page.fill("#id_results_sv", "Fler kvinnor i byråden.")
    page.fill("#id_activities_es", "Dos talleres con los COCODE de Cobán.")
    browse.submit(page)
    assert "Två workshoppar med byråden i Cobán." in page.inner_text("main")
    check(page, browse, assert_no_axe_violations, "sv")
    reopen(page)
    sign = f"form[action$='/reports/{period.pk}/sign/'] button"
    assert page.locator(sign).count() == 1
    follow(page, sign)
    assert page.locator(sign).count() == 0
    check(page, browse, assert_no_axe_violations, "sv")

    # Then the Guatemalan member reads it in Spanish and signs off for Cobán
    page.context.clear_cookies()
    browse.sign_in(page, world.users["guatemalan"], "es")
    page.goto(report_url(page, browse, "es", partnership, period))
    assert "Dos talleres con los COCODE de Cobán." in page.inner_text("main")
    assert page.locator(f"{sign}").count() == 1
    check(page, browse, assert_no_axe_violations, "es")
    reopen(page)
    follow(page, sign)

    # And the report is submitted and locked
    report = ProgressReport.objects.get()
    assert report.is_submitted
    assert {s.side for s in report.sign_offs.all()} == {"swedish", "latin"}
    assert page.locator("main a[href$='/edit/']").count() == 0
    check(page, browse, assert_no_axe_violations, "es")

    # And a coordinator reopens it, after being asked why
    page.context.clear_cookies()
    browse.sign_in(page, world.users["coordinator"], "sv", totp_secret=world.totp_secret)
    page.goto(report_url(page, browse, "sv", partnership, period))
    check(page, browse, assert_no_axe_violations, "sv")
    reopen(page)
    follow(page, "form[action$='/reopen/'] button")
    assert page.locator(".error-summary a[href='#id_reason']").count() == 1
    check(page, browse, assert_no_axe_violations, "sv")
    page.goto(report_url(page, browse, "sv", partnership, period))
    page.fill("#id_reason", "Resultaten saknar siffror.")
    follow(page, "form[action$='/reopen/'] button")
    report.refresh_from_db()
    assert report.status == ProgressReport.Status.DRAFT
    assert page.locator("main a[href$='/edit/']").count() == 1
    check(page, browse, assert_no_axe_violations, "sv")


@pytest.mark.parametrize("language", ("sv", "es"))
def test_a_member_meets_a_conflict_keeps_their_text_and_saves_again(
    language, page, browse, world, partnership, period, assert_no_axe_violations
):
    # Given a report Ana started, open in the member's form
    ProgressReport.objects.create(
        partnership=partnership,
        period=period,
        activities={"es": "Dos talleres."},
        authors={"activities": {"es": "latin"}},
    )
    browse.sign_in(page, world.users["member"], language)
    page.goto(
        page.base_url
        + browse.path("reports:report_edit", language, pk=partnership.pk, period_pk=period.pk)
    )
    page.fill("#id_lessons_sv", "Resorna tog längre tid än planerat.")

    # When Ana saves before them
    ProgressReport.objects.filter(partnership=partnership).update(
        version=2, activities={"es": "Dos talleres y una visita."}
    )
    browse.submit(page)

    # Then the conflict page shows both versions and keeps their text in the form
    main = page.inner_text("main")
    assert "Dos talleres y una visita." in main
    assert "Resorna tog längre tid än planerat." in main
    assert page.input_value("#id_lessons_sv") == "Resorna tog längre tid än planerat."
    assert page.input_value("input[name=version]") == "2"
    check(page, browse, assert_no_axe_violations, language)

    # And saving again, after taking Ana's Spanish over, keeps both
    page.fill("#id_activities_es", "Dos talleres y una visita.")
    browse.submit(page)
    report = ProgressReport.objects.get()
    assert report.version == 3
    assert report.lessons == {"sv": "Resorna tog längre tid än planerat."}
    assert report.activities == {"es": "Dos talleres y una visita."}
    check(page, browse, assert_no_axe_violations, language)
