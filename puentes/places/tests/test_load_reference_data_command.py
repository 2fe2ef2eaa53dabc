from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from puentes.places.models import Organisation

from .helpers import fingerprint, replace_in_row

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("load_reference_data", *args, stdout=out)
    return out.getvalue()


def test_the_command_loads_the_shipped_files_and_prints_a_summary_table():
    output = run()

    assert Organisation.objects.count() == 1753
    lines = [line.split() for line in output.splitlines()]
    assert ["country", "kind", "count"] in lines
    assert ["SE", "county", "21"] in lines
    assert ["SE", "region", "20"] in lines
    assert ["CO", "municipality", "1,103"] in lines
    assert ["CO", "non_municipal_area", "18"] in lines
    assert "1,851 rows created, 0 updated." in output


def test_running_the_command_again_reports_nothing_created_or_updated(reference_data):
    output = run()

    assert "0 rows created, 0 updated." in output


def test_the_command_reads_another_folder_when_asked(reference_data, data_copy):
    replace_in_row(data_copy / "gt_municipalities.csv", "0101", "0101,Guatemala", "0101,Guate")

    output = run("--data-dir", str(data_copy))

    assert "0 rows created, 1 updated." in output
    assert Organisation.objects.get(country__code="GT", code="0101").name == "Guate"


def test_a_malformed_file_fails_the_command_with_file_and_line(reference_data, data_copy):
    line = replace_in_row(data_copy / "se_municipalities.csv", "1280", "1280,", "128,")
    before = fingerprint()

    with pytest.raises(CommandError) as failed:
        run("--data-dir", str(data_copy))

    assert f"se_municipalities.csv:{line}: code '128' is not a 4-digit code" in str(failed.value)
    assert fingerprint() == before
