"""Helpers for the places tests: edit a copied CSV file, fingerprint the reference data."""

import hashlib
from pathlib import Path

from puentes.places.models import Area, Country, Organisation


def line_of(path: Path, code: str) -> int:
    """The line number of the row whose code is `code`."""
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(f"{code},"))


def replace_in_row(path: Path, code: str, old: str, new: str) -> int:
    """Replace `old` by `new` once in the row whose code is `code`; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = line_of(path, code)
    assert old in lines[number - 1], f"{old!r} not in line {number} of {path.name}"
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return number


def fingerprint() -> dict:
    """Row counts and a checksum of every value of every reference-data row."""
    tables = {
        "countries": Country.objects.values_list(
            "code", "names", "time_zone", "region", "updated_at"
        ),
        "areas": Area.objects.values_list(
            "country__code", "code", "kind", "name", "parent__code", "lat", "lon", "note",
            "updated_at",
        ),
        "organisations": Organisation.objects.values_list(
            "country__code", "code", "kind", "name", "other_names", "area__code", "lat", "lon",
            "website", "can_join", "updated_at",
        ),
    }  # fmt: skip
    result = {}
    for table, rows in tables.items():
        lines = sorted(repr(row) for row in rows)
        result[table] = (len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest())
    return result
