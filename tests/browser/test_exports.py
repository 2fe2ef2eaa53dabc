"""Exports and the import of indicator values in Chromium: a Swedish coordinator downloads
the indicator values from the coordination page, edits one with the csv module, checks the
file and saves it; a Spanish-speaking coordinator forgets to choose an export and uploads a
file with a wrong row. axe, the keyboard and a 375 px phone on every state."""

import csv
import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest

from puentes.networks.tests.factories import ReportingPeriodFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.tests.factories import OrganisationFactory
from puentes.plans.models import IndicatorValue
from puentes.plans.tests.factories import (
    IndicatorFactory,
    IndicatorValueFactory,
    OutcomeFactory,
    PlanFactory,
)
from tests.browser.test_pages_a11y import assert_fits_a_phone, assert_keyboard_works

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 812}


@pytest.fixture
def value(world):
    period = ReportingPeriodFactory(
        call=world.call,
        start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2024, 12, 31),
        due_date=datetime.date(2025, 1, 31),
    )
    partnership = PartnershipFactory(
        call=world.call,
        swedish_organisation=OrganisationFactory(country_code="SE", code="0380"),
        latin_organisation=OrganisationFactory(country_code="GT", code="1601"),
    )
    outcome = OutcomeFactory(plan=PlanFactory(partnership=partnership))
    indicator = IndicatorFactory(outcome=outcome, texts={"es": "Lideresas formadas"})
    return IndicatorValueFactory(indicator=indicator, period=period, value=Decimal("12.50"))


def check(page, browse, assert_no_axe_violations, language):
    assert page.get_attribute("html", "lang") == language
    assert_no_axe_violations(page)
    assert_keyboard_works(page)
    assert_fits_a_phone(page, PHONE)
    page.set_viewport_size(browse.desktop)


def submit(page, selector):
    with page.expect_navigation():
        page.locator(selector).first.click()


def test_a_coordinator_exports_edits_one_value_and_imports_it_in_swedish(
    page, browse, world, value, assert_no_axe_violations
):
    browse.sign_in(page, world.users["coordinator"], "sv", world.totp_secret)
    page.goto(page.base_url + browse.path("networks:coordination_home", "sv"))
    submit(page, "main a[href$='/coordination/exports/']")
    check(page, browse, assert_no_axe_violations, "sv")

    page.select_option("#id_scope", f"call-{world.call.pk}")
    page.check("input[name=kind][value=indicator-values]")
    page.check("input[name=format][value=csv]")
    with page.expect_download() as download:
        page.locator("#exports button[type=submit]").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    rows[1][rows[0].index("value")] = "14"
    edited = io.StringIO()
    csv.writer(edited).writerows(rows)

    page.set_input_files(
        "#id_file",
        files=[
            {"name": "varden.csv", "mimeType": "text/csv", "buffer": edited.getvalue().encode()}
        ],
    )
    submit(page, "#import button[type=submit]")
    assert page.locator("#changes tbody tr").count() == 1
    check(page, browse, assert_no_axe_violations, "sv")
    submit(page, "button[value=confirm]")

    assert page.locator(".message-success").count() == 1
    value.refresh_from_db()
    assert (value.value, value.version) == (Decimal("14"), 2)


def test_a_coordinator_meets_a_form_error_and_a_refused_file_in_spanish(
    page, browse, world, value, assert_no_axe_violations
):
    browse.sign_in(page, world.users["coordinator"], "es", world.totp_secret)
    page.goto(page.base_url + browse.path("exports:index", "es"))
    check(page, browse, assert_no_axe_violations, "es")

    submit(page, "#exports button[type=submit]")  # no export chosen
    assert page.locator(".error-summary a").count() == 1
    check(page, browse, assert_no_axe_violations, "es")

    header = "network,call,partnership_id,swedish_organisation,latin_organisation,indicator_id"
    page.set_input_files(
        "#id_file",
        files=[{"name": "valores.csv", "mimeType": "text/csv", "buffer": f"{header}\r\n".encode()}],
    )
    submit(page, "#import button[type=submit]")

    assert page.locator("#import-errors tbody tr[data-row='1']").count() == 1
    check(page, browse, assert_no_axe_violations, "es")
    assert IndicatorValue.objects.get().version == 1
