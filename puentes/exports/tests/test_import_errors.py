"""A file with any wrong row is refused whole: every problem listed with its row number (the
header is row 1), nothing saved, nothing recorded in the audit trail."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.html import escape

from puentes.core.models import AuditEntry
from puentes.exports.imports import ImportRejected
from puentes.exports.services import indicator_values_import
from puentes.exports.tables import INDICATOR_VALUE_HEADER
from puentes.plans.models import IndicatorValue

from .helpers import csv_bytes, csv_rows, download, url
from .test_round_trip import column, confirm, find_row, saved_values, upload


def exported(client, world):
    return csv_rows(download(client, "indicator-values", f"call-{world.call.pk}"))


def set_cell(rows, row, name, text):
    row[column(rows[0], name)] = text


def problems(response) -> dict[int, str]:
    return {error.row: error.message for error in response.context["errors"]}


def test_every_kind_of_bad_row_is_listed_by_its_row_and_nothing_is_saved(coordinator_client, world):
    rows = exported(coordinator_client, world)
    # Rows 2–5 are the export's; one good edit, then a wrong row of each kind.
    set_cell(rows, find_row(rows, world.plain, world.y2024), "value", "20")
    unknown = list(rows[1])
    set_cell(rows, unknown, "indicator_id", "999999")
    not_a_number = list(find_row(rows, world.plain, world.y2025))
    set_cell(rows, not_a_number, "value", "12,5")
    rows.remove(find_row(rows, world.plain, world.y2025))
    other_network = list(rows[1])
    set_cell(rows, other_network, "indicator_id", str(world.other_indicator.pk))
    set_cell(rows, other_network, "period_id", str(world.other_period.pk))
    duplicate = list(find_row(rows, world.people, world.y2024))
    too_short = rows[1][:5]
    rows += [unknown, not_a_number, other_network, duplicate, too_short]
    before = saved_values()

    response = upload(coordinator_client, world, csv_bytes(rows))

    assert response.status_code == 200
    found = problems(response)
    assert sorted(found) == [5, 6, 7, 8, 9]
    assert "999999" in found[5]
    assert "value is not a number" in found[6]
    assert "another network" in found[7]
    people_row = rows.index(find_row(rows, world.people, world.y2024)) + 1
    assert f"Row {people_row} already gives" in found[8]
    assert "cells" in found[9]
    for row, message in found.items():
        assert f'data-row="{row}"' in response.content.decode()
        assert escape(message) in response.content.decode()
    assert saved_values() == before
    assert not AuditEntry.objects.exists()


def test_a_wrong_header_refuses_the_file_at_row_1(coordinator_client, world):
    rows = exported(coordinator_client, world)
    rows[0][column(rows[0], "value")] = "valor"

    found = problems(upload(coordinator_client, world, csv_bytes(rows)))

    assert list(found) == [1]
    assert "Missing: value" in found[1] and "Not expected: valor" in found[1]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"value": "abc"}, "value is not a number"),
        ({"value": "1.234"}, "at most two decimals"),
        ({"value": "NaN"}, "at most two decimals"),
        ({"value": "-3"}, "cannot be negative"),
        ({"value": ""}, "does not remove values"),
        ({"women": "2"}, "Only an indicator that counts people is split by sex"),
        ({"version": "x"}, "version is not a whole number"),
        ({"period_id": "999999"}, "not one of the indicator's call"),
    ],
)
def test_a_wrong_cell_of_the_plain_indicator_is_named(coordinator_client, world, cells, expected):
    rows = exported(coordinator_client, world)
    row = find_row(rows, world.plain, world.y2024)
    for name, text in cells.items():
        set_cell(rows, row, name, text)

    found = problems(upload(coordinator_client, world, csv_bytes(rows)))

    assert list(found) == [rows.index(row) + 1]
    assert expected in found[rows.index(row) + 1]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        ({"value": "51"}, "value must be the sum of women, men and other (50)"),
        ({"women": ""}, "needs women, men and other"),
        ({"men": "2.5"}, "men must be a whole number"),
    ],
)
def test_a_wrong_split_of_people_is_named(coordinator_client, world, cells, expected):
    rows = exported(coordinator_client, world)
    row = find_row(rows, world.people, world.y2024)
    for name, text in cells.items():
        set_cell(rows, row, name, text)

    found = problems(upload(coordinator_client, world, csv_bytes(rows)))

    assert expected in found[rows.index(row) + 1]


def test_a_value_saved_after_the_export_is_not_overwritten(coordinator_client, world):
    rows = exported(coordinator_client, world)
    IndicatorValue.objects.filter(indicator=world.plain, period=world.y2024).update(
        value=13, version=2
    )
    row = find_row(rows, world.plain, world.y2024)
    set_cell(rows, row, "value", "20")

    found = problems(upload(coordinator_client, world, csv_bytes(rows)))

    assert "version 2; the file has 1" in found[rows.index(row) + 1]
    assert IndicatorValue.objects.get(indicator=world.plain, period=world.y2024).value == 13


def test_a_change_saved_between_the_preview_and_the_confirmation_refuses_all_rows(
    coordinator_client, world
):
    rows = exported(coordinator_client, world)
    set_cell(rows, find_row(rows, world.plain, world.y2024), "value", "20")
    set_cell(rows, find_row(rows, world.people, world.y2024), "women", "21")
    set_cell(rows, find_row(rows, world.people, world.y2024), "value", "51")
    preview = upload(coordinator_client, world, csv_bytes(rows))
    assert len(preview.context["plan"].changes) == 2
    IndicatorValue.objects.filter(indicator=world.plain, period=world.y2024).update(version=5)
    before = saved_values()

    response = confirm(coordinator_client, preview)

    assert response.status_code == 200
    assert list(problems(response)) == [rows.index(find_row(rows, world.plain, world.y2024)) + 1]
    assert saved_values() == before
    assert not AuditEntry.objects.exists()


def test_the_service_rolls_back_rows_already_written_when_a_later_one_is_stale(
    coordinator, world, monkeypatch
):
    """The plans service saves indicator by indicator; a refusal of the second (someone saved
    it in between, simulated by a save just before the real service runs) must undo the
    first, which the view test above cannot tell apart from refusing before any write."""
    from puentes.exports import services

    people = {"version": 1, "value": "51", "women": "21", "men": "29", "other": "1"}
    plain = {"version": 1, "value": "20"}
    lines = [
        INDICATOR_VALUE_HEADER,
        line(world.people.pk, world.y2024.pk, **people),
        line(world.plain.pk, world.y2024.pk, **plain),
    ]
    text = csv_bytes(lines).decode()
    real_save, saved_for = services.indicator_values_save, []

    def someone_saves_the_plain_value_first(**kwargs):
        saved_for.append(kwargs["indicator"])
        if kwargs["indicator"] == world.plain:
            IndicatorValue.objects.filter(indicator=world.plain).update(version=9)
        return real_save(**kwargs)

    monkeypatch.setattr(services, "indicator_values_save", someone_saves_the_plain_value_first)
    before = saved_values()

    with pytest.raises(ImportRejected) as rejected:
        indicator_values_import(
            network=world.network, text=text, file_name="f.csv", by=coordinator, now=timezone.now()
        )

    assert saved_for == [world.people, world.plain]
    assert [error.row for error in rejected.value.errors] == [3]
    # Everything is undone, the first indicator's saved value and (being in the same
    # transaction here) the simulated save alike.
    assert saved_values() == before


def line(indicator_id, period_id, **cells):
    row = dict.fromkeys(INDICATOR_VALUE_HEADER, "")
    row.update(indicator_id=indicator_id, period_id=period_id, **cells)
    return [row[name] for name in INDICATOR_VALUE_HEADER]


def test_a_file_that_is_not_utf8_is_refused(coordinator_client, world):
    content = "indicator_id;värde\r\n".encode("latin-1")
    file = SimpleUploadedFile("values.csv", content, content_type="text/csv")

    response = coordinator_client.post(url("import"), {"network": world.network.pk, "file": file})

    assert problems(response) == {0: "The file is not UTF-8 text."}


def test_a_file_over_the_limit_is_refused_before_it_is_read(coordinator_client, world):
    from puentes.exports.imports import MAX_BYTES

    content = b"indicator_id\r\n" + b"1\r\n" * (MAX_BYTES // 3 + 1)
    file = SimpleUploadedFile("values.csv", content, content_type="text/csv")

    response = coordinator_client.post(url("import"), {"network": world.network.pk, "file": file})

    assert problems(response) == {0: "The file is larger than 1 MB."}
    assert "exports.pending_import" not in coordinator_client.session
