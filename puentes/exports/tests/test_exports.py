"""The four exports: the XLSX holds the CSV's rows, texts a spreadsheet would run are
neutralised, the CSV is plain UTF-8, each export costs the same queries for one record as
for several, and only coordinators reach them."""

import datetime
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from puentes.exports.tables import TABLES
from puentes.networks.tests.factories import CallFactory, ThemeFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.people.models import Person
from puentes.people.tests.factories import MembershipFactory, OrganisationFactory
from puentes.places.models import Organisation
from puentes.recruitment.models import Interest
from puentes.recruitment.tests.factories import InterestFactory
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory

from .helpers import csv_rows, download, plan_with_indicators, url, year

KINDS = list(TABLES)
SUBMITTED_AT = datetime.datetime(2024, 2, 1, 9, 30, tzinfo=datetime.UTC)


def add_records(world, count: int):
    """`count` more records of every kind in the world's network, each in a call of its own
    (the factories' few real municipalities can pair only once per call)."""
    for _n in range(count):
        call = CallFactory(network=world.network)
        year(call, 2024)
        partnership = PartnershipFactory(call=call)
        partnership.themes.set([ThemeFactory(network=world.network)])
        InterestFactory(call=call, status=Interest.Status.SUBMITTED, submitted_at=SUBMITTED_AT)
        plan_with_indicators(partnership)
        RegistrationFactory(
            workshop=WorkshopFactory(call=call),
            partnership=partnership,
            organisation=partnership.swedish_organisation,
            arrival_date=datetime.date(2024, 3, 11),
        )


def xlsx_as_text(content: bytes) -> list[list[str]]:
    """The workbook's cells written as the CSV writes them, to compare row by row."""
    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append([as_csv_text(value) for value in row])
    return rows


def as_csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):  # a date comes back as midnight
            return value.date().isoformat()
        return value.replace(tzinfo=datetime.UTC).isoformat()
    if isinstance(value, float | int):
        return str(value)
    return str(value)


def same_cell(csv_text: str, xlsx_text: str) -> bool:
    if csv_text == xlsx_text:
        return True
    try:  # numbers: 12.50 in the CSV is the number 12.5 in the workbook
        return Decimal(csv_text) == Decimal(xlsx_text)
    except ArithmeticError:
        return False


@pytest.mark.parametrize("kind", KINDS)
def test_the_xlsx_file_holds_the_same_rows_as_the_csv(coordinator_client, world, kind):
    add_records(world, 2)
    scope = f"network-{world.network.pk}"

    from_csv = csv_rows(download(coordinator_client, kind, scope))
    from_xlsx = xlsx_as_text(download(coordinator_client, kind, scope, "xlsx"))

    assert from_csv[0] == TABLES[kind].header
    assert len(from_csv) > 2
    assert len(from_xlsx) == len(from_csv)
    for csv_row, xlsx_row in zip(from_csv, from_xlsx, strict=True):
        assert all(map(same_cell, csv_row, xlsx_row)), (csv_row, xlsx_row)


def test_texts_that_a_spreadsheet_would_run_are_neutralised_in_csv_and_xlsx(
    coordinator_client, world
):
    add_records(world, 1)
    formula = '=HYPERLINK("http://example.com/x","click")'
    Organisation.objects.filter(partnerships_as_swedish__isnull=False).update(name=formula)
    Person.objects.update(name="@SUM(1+1)")
    scope = f"network-{world.network.pk}"

    for kind, column, text in (
        ("partnerships", "swedish_organisation", formula),
        ("registrations", "person_name", "@SUM(1+1)"),
    ):
        rows = csv_rows(download(coordinator_client, kind, scope))
        cells = [row[rows[0].index(column)] for row in rows[1:]]
        assert cells and set(cells) == {"'" + text}
        sheet = load_workbook(io.BytesIO(download(coordinator_client, kind, scope, "xlsx"))).active
        index = rows[0].index(column) + 1
        for row in range(2, sheet.max_row + 1):
            cell = sheet.cell(row=row, column=index)
            assert cell.data_type == "s" and cell.value == "'" + text


def test_the_csv_is_utf8_without_a_byte_order_mark_and_keeps_accents(coordinator_client, world):
    OrganisationFactory(country_code="SE", code="0380")  # Uppsala
    organisation = OrganisationFactory(country_code="GT", code="1601")
    Organisation.objects.filter(pk=organisation.pk).update(name="Cobán Ñuñoa")

    content = download(coordinator_client, "partnerships", f"network-{world.network.pk}")

    assert not content.startswith(b"\xef\xbb\xbf")
    assert content.startswith(b"id,network,call,")
    assert "Cobán Ñuñoa" in content.decode("utf-8")


def test_an_export_of_one_call_leaves_out_the_networks_other_calls(coordinator_client, world):
    other_call = CallFactory(network=world.network)
    PartnershipFactory(call=other_call)

    one_call = csv_rows(download(coordinator_client, "partnerships", f"call-{world.call.pk}"))
    network = csv_rows(download(coordinator_client, "partnerships", f"network-{world.network.pk}"))

    assert [row[2] for row in one_call[1:]] == [world.call.slug]
    assert sorted(row[2] for row in network[1:]) == sorted([world.call.slug, other_call.slug])


def queries_of(client, kind, scope, fmt) -> int:
    with CaptureQueriesContext(connection) as captured:
        download(client, kind, scope, fmt)
    return len(captured)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_export_costs_the_same_queries_for_one_record_as_for_many(
    coordinator_client, world, kind, fmt
):
    scope = f"network-{world.network.pk}"
    add_records(world, 1)
    small = queries_of(coordinator_client, kind, scope, fmt)

    add_records(world, 8)
    large = queries_of(coordinator_client, kind, scope, fmt)

    assert large == small
    assert small <= 10


def test_members_are_refused_and_a_wrong_choice_is_shown_as_an_error(client, coordinator, world):
    member = MembershipFactory().person.user
    client.force_login(member)
    assert client.get(url("index")).status_code == 403
    assert client.post(url("import")).status_code == 403

    client.force_login(coordinator)
    response = client.get(url("index"), {"kind": "passwords", "scope": "call-0", "format": "csv"})

    assert response.status_code == 400
    assert 'id="error-summary"' in response.content.decode()


def test_the_exports_page_costs_the_same_queries_for_two_networks_as_for_five(
    coordinator_client, world
):
    from puentes.networks.tests.factories import NetworkFactory

    def page_queries():
        with CaptureQueriesContext(connection) as captured:
            response = coordinator_client.get(url("index"))
        assert response.status_code == 200
        return len(captured)

    small = page_queries()
    for _n in range(3):
        CallFactory.create_batch(2, network=NetworkFactory())

    assert page_queries() == small
