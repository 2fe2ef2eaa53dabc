"""The review queue exported as CSV and XLSX: read back as a spreadsheet would, with every
accent intact, the queue's filters respected, and no formula smuggled in by an applicant."""

import csv
import datetime
import io

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from puentes.networks.tests.factories import ThemeFactory
from puentes.people.models import Person
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.exports import guarded
from puentes.recruitment.models import Interest

from .factories import ContactPersonFactory, InterestFactory, SeekingProfileFactory

I = Interest.Status  # noqa: E741
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
# 09:30 UTC in February is 10:30 in Stockholm.
SUBMITTED_AT = datetime.datetime(2024, 2, 1, 9, 30, tzinfo=datetime.UTC)
LOCAL_SUBMITTED_AT = datetime.datetime(2024, 2, 1, 10, 30)
MOTIVATION = "Vi vill stärka kvinnors deltagande i Göteborg och lära av señoras líderes en Cobán."


@pytest.fixture
def coordinator_client(client, coordinator):
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    return client


@pytest.fixture
def goteborg(call, theme):
    """Göteborg's accepted interest, with accents in every text a spreadsheet shows."""
    theme.names = {"en": "Women’s political participation", "sv": "Kvinnors politiska deltagande"}
    theme.save()
    coban = SeekingProfileFactory(
        call=call, organisation=OrganisationFactory(country_code="GT", code="1601")
    )
    contacts = [
        ContactPersonFactory(
            name="Åsa Öberg", email="asa@goteborg.example.org", title="Jämställdhetsstrateg"
        ),
        ContactPersonFactory(
            name="Íñigo Muñoz",
            email="inigo@goteborg.example.org",
            role=Person.Role.POLITICIAN,
            title="Kommunalråd",
        ),
    ]
    interest = InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code="1480"),
        status=I.ACCEPTED,
        submitted_at=SUBMITTED_AT,
        motivation=MOTIVATION,
        preferred_country="GT",
        decision_reason="Stark förankring; även ñandú-projektet.",
        themes=[theme],
        contacts=contacts,
    )
    interest.preferred_profiles.set([coban])
    return interest


def export(client, call, kind, **query):
    url = reverse(f"review:export_{kind}", args=[call.network.slug, call.slug])
    return client.get(url, query)


def read_csv(response) -> list[list[str]]:
    assert response.content.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def read_xlsx(response):
    return load_workbook(io.BytesIO(response.content)).active


def test_the_csv_opens_with_every_accent_intact_and_the_right_values(
    coordinator_client, call, goteborg
):
    # when
    response = export(coordinator_client, call, "csv")

    # then
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    today = timezone.localdate().isoformat()
    assert response["Content-Disposition"] == (
        f'attachment; filename="expressions-of-interest_gender-equality_call-2024_{today}.csv"'
    )
    header, row = read_csv(response)
    assert header[:6] == [
        "Municipality or region",
        "Official code",
        "Country",
        "County or region",
        "Status",
        "Submitted at (Europe/Stockholm)",
    ]
    values = dict(zip(header, row, strict=True))
    assert values["Municipality or region"] == "Göteborg"
    assert values["Official code"] == "1480"
    assert values["Country"] == "Sweden"
    assert values["County or region"] == "Västra Götalands län"
    assert values["Status"] == "accepted"
    assert values["Submitted at (Europe/Stockholm)"] == "2024-02-01 10:30"
    assert values["Themes"] == "Women’s political participation"
    assert values["Preferred country"] == "Guatemala"
    assert values["Preferred municipalities"] == "Cobán"
    assert values["Contact people (name, role, title, e-mail)"] == (
        "Åsa Öberg (official, Jämställdhetsstrateg, asa@goteborg.example.org)\n"
        "Íñigo Muñoz (elected politician, Kommunalråd, inigo@goteborg.example.org)"
    )
    assert values["Motivation"] == MOTIVATION
    assert values["Language of the motivation"] == "Swedish"
    assert values["Reason for the decision"] == "Stark förankring; även ñandú-projektet."


def test_the_xlsx_has_a_frozen_header_widths_real_dates_and_every_accent_intact(
    coordinator_client, call, goteborg
):
    # when
    response = export(coordinator_client, call, "xlsx")

    # then
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"].endswith(
        f'_call-2024_{timezone.localdate().isoformat()}.xlsx"'
    )
    sheet = read_xlsx(response)
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].value == "Municipality or region"
    assert sheet["A1"].font.bold
    assert sheet.column_dimensions["K"].width == 60
    header = [cell.value for cell in sheet[1]]
    values = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert values["Municipality or region"] == "Göteborg"
    assert values["Official code"] == "1480"
    submitted = values["Submitted at (Europe/Stockholm)"]
    assert submitted == LOCAL_SUBMITTED_AT
    assert isinstance(submitted, datetime.datetime)
    assert sheet.cell(row=2, column=6).number_format == "yyyy-mm-dd hh:mm"
    assert values["Preferred municipalities"] == "Cobán"
    assert "Íñigo Muñoz (elected politician" in values["Contact people (name, role, title, e-mail)"]
    assert values["Motivation"] == MOTIVATION
    assert values["Reason for the decision"] == "Stark förankring; även ñandú-projektet."
    assert sheet.max_row == 2


def test_the_exports_are_in_the_coordinators_language(coordinator_client, call, goteborg):
    url = reverse("review:export_csv", args=[call.network.slug, call.slug]).replace("/en/", "/sv/")

    _header, row = read_csv(coordinator_client.get(url))

    # Municipality, code, country, county, status, submitted at, themes
    assert row[2] == "Sverige"
    assert row[4] == "antagen"
    assert row[6] == "Kvinnors politiska deltagande"


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_a_text_a_spreadsheet_would_run_as_a_formula_is_prefixed_with_an_apostrophe(
    coordinator_client, call, goteborg, start
):
    # given
    formula = f'{start}HYPERLINK("http://evil.example","klicka")'
    goteborg.motivation = formula
    goteborg.decision_reason = f"{start}1+1"
    goteborg.save()

    # when
    header, row = read_csv(export(coordinator_client, call, "csv"))
    sheet = read_xlsx(export(coordinator_client, call, "xlsx"))

    # then
    values = dict(zip(header, row, strict=True))
    assert values["Motivation"] == "'" + formula
    assert values["Reason for the decision"] == f"'{start}1+1"
    cells = {cell.value: cell for cell in sheet[2]}
    assert "'" + formula in cells
    assert cells["'" + formula].data_type == "s"
    assert f"'{start}1+1" in cells


def test_only_texts_are_guarded_and_ordinary_text_is_left_alone():
    assert guarded("Göteborg") == "Göteborg"
    assert guarded("\t=1") == "'\t=1"
    assert guarded(LOCAL_SUBMITTED_AT) == LOCAL_SUBMITTED_AT
    assert guarded(None) is None


def test_the_exports_follow_the_queues_filters(coordinator_client, call, goteborg, theme):
    # given
    InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code="1280"),
        status=I.SUBMITTED,
        submitted_at=SUBMITTED_AT,
        themes=[ThemeFactory(network=call.network)],
    )
    InterestFactory(call=call, organisation=OrganisationFactory(country_code="SE", code="0180"))

    # when
    everything = read_csv(export(coordinator_client, call, "csv"))
    accepted = read_csv(export(coordinator_client, call, "csv", status="accepted"))
    by_theme = read_xlsx(export(coordinator_client, call, "xlsx", theme=theme.pk))
    by_name = read_csv(export(coordinator_client, call, "csv", text="malmo"))

    # then: drafts never, and only what the filters show
    assert sorted(row[0] for row in everything[1:]) == ["Göteborg", "Malmö"]
    assert [row[0] for row in accepted[1:]] == ["Göteborg"]
    assert [row[0].value for row in by_theme.iter_rows(min_row=2)] == ["Göteborg"]
    assert [row[0] for row in by_name[1:]] == ["Malmö"]


def test_the_queue_page_links_to_both_exports_with_its_filters(coordinator_client, call):
    url = reverse("review:queue", args=[call.network.slug, call.slug])

    page = coordinator_client.get(url, {"status": "accepted", "page": "1"}).content.decode()

    csv_url = reverse("review:export_csv", args=[call.network.slug, call.slug])
    xlsx_url = reverse("review:export_xlsx", args=[call.network.slug, call.slug])
    assert f'href="{csv_url}?status=accepted"' in page
    assert f'href="{xlsx_url}?status=accepted"' in page


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_export_runs_the_same_queries_for_one_and_for_four_interests(
    coordinator_client, call, goteborg, kind, django_assert_num_queries
):
    # given
    export(coordinator_client, call, kind)
    with CaptureQueriesContext(connection) as one:
        export(coordinator_client, call, kind)
    for code in ("0180", "1280", "0380"):
        InterestFactory(
            call=call,
            organisation=OrganisationFactory(country_code="SE", code=code),
            status=I.SUBMITTED,
            submitted_at=SUBMITTED_AT,
            contacts=2,
        )

    # when / then
    with django_assert_num_queries(len(one.captured_queries)):
        response = export(coordinator_client, call, kind)
    assert response.status_code == 200
