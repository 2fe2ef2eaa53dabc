import pytest

from puentes.places.services import ReferenceDataError, reference_data_load
from puentes.places.testing import load_reference_data_for_tests

from .helpers import fingerprint, line_of, replace_in_row

pytestmark = pytest.mark.django_db

# (file, code of the row to break, text to replace, replacement, reason in the message)
MALFORMED_ROWS = {
    "code with too few digits": (
        "se_municipalities.csv",
        "0180",
        "0180,",
        "180,",
        "'180' is not a 4-digit code",
    ),
    "code of another department": (
        "gt_municipalities.csv",
        "0101",
        "0101,",
        "0299,",
        "does not start with its parent's code 01",
    ),
    "unknown parent department": (
        "gt_municipalities.csv",
        "0101",
        ",01,Guatemala",
        ",23,Guatemala",
        "'23' is not in gt_departments.csv",
    ),
    "unparsable coordinate": (
        "co_municipalities.csv",
        "05001",
        "6.246631",
        "6.24x",
        "lat '6.24x' is not a coordinate",
    ),
    "coordinate out of range": (
        "se_municipalities.csv",
        "1280",
        ",13.",
        ",213.",
        "lon '213.",
    ),
    "decimal comma splits a coordinate": (
        "co_municipalities.csv",
        "05002",
        "5.789315",
        "5,789315",
        "10 columns, expected 9",
    ),
    "empty name": (
        "se_regions.csv",
        "12",
        "Region Skåne",
        "",
        "name is empty",
    ),
    "empty display name": (
        "co_departments.csv",
        "05",
        ",Antioquia,",
        ",,",
        "name_display is empty",
    ),
    "unknown type": (
        "co_municipalities.csv",
        "05001",
        "Municipio",
        "Corregimiento",
        "type 'Corregimiento'",
    ),
    "missing column": (
        "gt_departments.csv",
        "01",
        ",17",
        "",
        "2 columns, expected 3",
    ),
    "repeated code": (
        "se_municipalities.csv",
        "0115",
        "0115,",
        "0114,",
        "code '0114' repeats line 2",
    ),
}


def break_row(data_copy, case):
    file, code, old, new, reason = MALFORMED_ROWS[case]
    line = replace_in_row(data_copy / file, code, old, new)
    return f"{data_copy / file}:{line}: ", reason


@pytest.mark.parametrize("already_loaded", [False, True], ids=["empty", "loaded"])
@pytest.mark.parametrize("case", MALFORMED_ROWS)
def test_a_malformed_row_is_refused_with_its_file_and_line_and_nothing_changes(
    data_copy, case, already_loaded
):
    if already_loaded:
        load_reference_data_for_tests()
    # A valid change in the first file read: it must not be stored either.
    replace_in_row(data_copy / "se_municipalities.csv", "0114", "Upplands Väsby", "Väsby")
    where, reason = break_row(data_copy, case)
    before = fingerprint()

    with pytest.raises(ReferenceDataError) as refused:
        reference_data_load(data_dir=data_copy)

    assert str(refused.value).startswith(where)
    assert reason in str(refused.value)
    assert fingerprint() == before


def test_a_wrong_header_is_refused_on_line_one(data_copy):
    path = data_copy / "gt_departments.csv"
    path.write_text(path.read_text().replace("municipality_count", "municipios", 1))

    with pytest.raises(ReferenceDataError, match=r"gt_departments\.csv:1: header is"):
        reference_data_load(data_dir=data_copy)


def test_a_lost_municipality_is_caught_by_its_departments_count(data_copy, reference_data):
    path = data_copy / "co_municipalities.csv"
    path.write_text("".join(line for line in path.open() if not line.startswith("05002,")))
    department_line = line_of(data_copy / "co_departments.csv", "05")
    before = fingerprint()

    with pytest.raises(ReferenceDataError) as refused:
        reference_data_load(data_dir=data_copy)

    assert str(refused.value) == (
        f"{data_copy / 'co_departments.csv'}:{department_line}: "
        "municipio_count is 125 but co_municipalities.csv lists 124"
    )
    assert fingerprint() == before


def test_a_missing_file_is_named(data_copy):
    (data_copy / "gt_municipalities.csv").unlink()

    with pytest.raises(ReferenceDataError, match=r"gt_municipalities\.csv: file not found"):
        reference_data_load(data_dir=data_copy)


def test_the_region_carried_by_gotland_needs_the_municipality(data_copy):
    path = data_copy / "se_municipalities.csv"
    path.write_text(path.read_text().replace("0980,", "0981,", 1))

    with pytest.raises(ReferenceDataError, match=r"se_regions\.csv:9: municipality 0980"):
        reference_data_load(data_dir=data_copy)
