"""Importing indicator values from a spreadsheet: several indicators, all rows or none."""

import datetime

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.exports.services import indicator_values_import
from puentes.exports.tests.helpers import csv_bytes, csv_rows, download
from puentes.exports.tests.test_round_trip import column, find_row

NOW = datetime.datetime(2025, 2, 3, 10, 0, tzinfo=datetime.UTC)


def test_an_import_of_several_indicators_keeps_nothing_when_any_write_fails(
    coordinator_client, coordinator, world
):
    # given the network's export with a value changed for each indicator and one added
    rows = csv_rows(download(coordinator_client, "indicator-values", f"call-{world.call.pk}"))
    plain_2024 = find_row(rows, world.plain, world.y2024)
    plain_2024[column(rows[0], "value")] = "20"
    plain_2025 = find_row(rows, world.plain, world.y2025)
    plain_2025[column(rows[0], "value")] = "7.5"
    people_2024 = find_row(rows, world.people, world.y2024)
    for name, figure in (("women", "25"), ("men", "24"), ("other", "1"), ("value", "50")):
        people_2024[column(rows[0], name)] = figure
    text = csv_bytes(rows).decode("utf-8-sig")

    # when it is imported (values, an entry per value, the import's entry)
    def run():
        changed = indicator_values_import(
            network=world.network, text=text, file_name="values.csv", by=coordinator, now=NOW
        )
        assert changed == 3

    # then a refused write keeps every value as it was
    assert_all_or_nothing(run, min_writes=6)
