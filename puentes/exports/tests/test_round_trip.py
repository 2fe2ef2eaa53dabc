"""Export → edit with the csv module → import: exactly what was edited changes, the plan's
versions and audit trail record it, and an unchanged file changes nothing."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from puentes.core.models import AuditEntry
from puentes.plans.models import IndicatorValue

from .helpers import csv_bytes, csv_rows, download, url


def saved_values():
    return {
        (value.indicator_id, value.period_id): (
            value.value,
            value.women,
            value.men,
            value.other,
            value.version,
        )
        for value in IndicatorValue.objects.all()
    }


def column(header, name):
    return header.index(name)


def find_row(rows, indicator, period):
    header = rows[0]
    for row in rows[1:]:
        if row[column(header, "indicator_id")] == str(indicator.pk) and row[
            column(header, "period_id")
        ] == str(period.pk):
            return row
    raise AssertionError("no such row")


def upload(client, world, content: bytes, name="values.csv"):
    file = SimpleUploadedFile(name, content, content_type="text/csv")
    return client.post(url("import"), {"network": world.network.pk, "file": file})


def confirm(client, preview):
    token = preview.context["token"]
    return client.post(url("import_confirm"), {"token": token, "action": "confirm"})


def exported(client, world):
    return csv_rows(download(client, "indicator-values", f"network-{world.network.pk}"))


def test_the_export_has_a_row_per_indicator_and_period_with_machine_values(
    coordinator_client, world
):
    rows = exported(coordinator_client, world)

    header = rows[0]
    assert len(rows) == 1 + 2 * 2  # two indicators, two periods; the other network left out
    people_2024 = find_row(rows, world.people, world.y2024)
    assert people_2024[column(header, "value")] == "50.00"
    assert people_2024[column(header, "women")] == "20"
    assert people_2024[column(header, "counts_people")] == "true"
    assert people_2024[column(header, "period_start_date")] == "2024-01-01"
    assert people_2024[column(header, "version")] == "1"
    plain_2025 = find_row(rows, world.plain, world.y2025)
    assert plain_2025[column(header, "version")] == "0"
    assert plain_2025[column(header, "value")] == ""


def test_editing_one_value_changes_exactly_that_value_and_the_audit_says_so(
    coordinator_client, coordinator, world
):
    rows = exported(coordinator_client, world)
    before = saved_values()
    find_row(rows, world.plain, world.y2024)[column(rows[0], "value")] = "14.25"

    preview = upload(coordinator_client, world, csv_bytes(rows))
    assert preview.status_code == 200
    assert [change.row for change in preview.context["plan"].changes] == [
        rows.index(find_row(rows, world.plain, world.y2024)) + 1
    ]
    assert saved_values() == before  # the preview saves nothing
    response = confirm(coordinator_client, preview)

    assert response.status_code == 302
    after = saved_values()
    key = (world.plain.pk, world.y2024.pk)
    assert after[key] == (Decimal("14.25"), None, None, None, 2)
    assert {k: v for k, v in after.items() if k != key} == {
        k: v for k, v in before.items() if k != key
    }
    recorded = AuditEntry.objects.filter(action="plans.value_recorded")
    assert [(entry.actor, entry.target_id) for entry in recorded] == [
        (coordinator, str(world.plain.pk))
    ]
    imported = AuditEntry.objects.get(action="exports.indicator_values_imported")
    assert imported.data == {"changed": 1, "file": "values.csv"}
    assert imported.scope_id == str(world.network.pk)


def test_a_filled_in_empty_row_records_a_new_value_split_by_sex(coordinator_client, world):
    rows = exported(coordinator_client, world)
    row = find_row(rows, world.people, world.y2025)
    for name, text in (("value", "7"), ("women", "4"), ("men", "3"), ("other", "0")):
        row[column(rows[0], name)] = text

    confirm(coordinator_client, upload(coordinator_client, world, csv_bytes(rows)))

    value = IndicatorValue.objects.get(indicator=world.people, period=world.y2025)
    assert (value.value, value.women, value.men, value.other, value.version) == (7, 4, 3, 0, 1)
    assert IndicatorValue.objects.count() == 3  # the world's two and this one


def test_an_unchanged_file_changes_nothing_and_records_nothing(coordinator_client, world):
    rows = exported(coordinator_client, world)
    # A spreadsheet may rewrite 12.50 as 12.5: the same number is not a change.
    find_row(rows, world.plain, world.y2024)[column(rows[0], "value")] = "12.5"
    before = saved_values()

    preview = upload(coordinator_client, world, csv_bytes(rows))
    assert preview.context["plan"].changes == []
    assert preview.context["plan"].unchanged == 4
    confirm(coordinator_client, preview)

    assert saved_values() == before
    assert not AuditEntry.objects.filter(action__startswith="exports.").exists()


def test_a_file_saved_by_a_swedish_spreadsheet_with_semicolons_and_a_bom_is_read(
    coordinator_client, world
):
    rows = exported(coordinator_client, world)
    find_row(rows, world.plain, world.y2024)[column(rows[0], "value")] = "13"
    content = "\r\n".join(";".join(row) for row in rows).encode("utf-8-sig")

    confirm(coordinator_client, upload(coordinator_client, world, content))

    assert IndicatorValue.objects.get(indicator=world.plain, period=world.y2024).value == 13


def test_cancelling_the_preview_saves_nothing_and_forgets_the_file(coordinator_client, world):
    rows = exported(coordinator_client, world)
    find_row(rows, world.plain, world.y2024)[column(rows[0], "value")] = "99"
    preview = upload(coordinator_client, world, csv_bytes(rows))

    token = preview.context["token"]
    coordinator_client.post(url("import_confirm"), {"token": token, "action": "cancel"})
    again = coordinator_client.post(url("import_confirm"), {"token": token, "action": "confirm"})

    assert again.status_code == 302 and again.url == url("import")
    assert IndicatorValue.objects.get(indicator=world.plain, period=world.y2024).value == Decimal(
        "12.50"
    )
