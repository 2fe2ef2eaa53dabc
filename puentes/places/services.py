"""Reference data: load the official lists of countries, areas and local governments.

The CSV files and their provenance are in ``data/`` (see ``data/README.md``). Every file is
read and checked in full before the database is touched, and the load runs in one
transaction, so a bad file changes nothing.
"""

import csv
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import NoReturn

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from .models import Area, Country, Organisation

DATA_DIR = Path(__file__).resolve().parent / "data"

COUNTRIES = {
    "SE": {
        "names": {"sv": "Sverige", "es": "Suecia", "en": "Sweden"},
        "time_zone": "Europe/Stockholm",
        "region": "sweden",
    },
    "GT": {
        "names": {"sv": "Guatemala", "es": "Guatemala", "en": "Guatemala"},
        "time_zone": "America/Guatemala",
        "region": "latin_america",
    },
    "CO": {
        "names": {"sv": "Colombia", "es": "Colombia", "en": "Colombia"},
        "time_zone": "America/Bogota",
        "region": "latin_america",
    },
}

# Gotland has no regional council: the municipality carries the regional duties under the
# name Region Gotland, so the region is that one organisation, found by either name.
SE_REGIONS_CARRIED_BY_MUNICIPALITY = {"09": "0980"}

# DANE codes Bogotá, D.C. as a department of its own.
CO_CAPITAL_DISTRICT = "11"

# DANE's `type` column: a Municipio is an organisation, the other types are areas only.
CO_AREA_TYPES = {
    "Área no municipalizada": Area.Kind.NON_MUNICIPAL_AREA,
    "Isla": Area.Kind.ISLAND,
}
CO_MUNICIPALITY_TYPE = "Municipio"

COORDINATE = re.compile(r"-?[0-9]{1,3}(\.[0-9]{1,12})?")
MICRODEGREE = Decimal("0.000001")

_KIND_ORDER = [*Area.Kind.values, *Organisation.Kind.values]


class ReferenceDataError(Exception):
    """A reference-data file cannot be loaded; the message reads ``file:line: reason``."""


@dataclass(frozen=True)
class LoadSummary:
    """What the database holds after a load, and how many rows the load created or changed."""

    counts: dict[tuple[str, str], int]  # (country code, kind) -> rows in the database
    created: int
    updated: int

    def count(self, country: str, kind: str) -> int:
        return self.counts.get((country, kind), 0)

    def rows(self) -> list[tuple[str, str, int]]:
        """(country, kind, count), countries in the order of COUNTRIES, kinds as declared."""
        countries = [*COUNTRIES, *sorted({c for c, _k in self.counts} - set(COUNTRIES))]
        return sorted(
            ((country, kind, n) for (country, kind), n in self.counts.items()),
            key=lambda row: (countries.index(row[0]), _KIND_ORDER.index(row[1]), row[1]),
        )


@transaction.atomic
def reference_data_load(*, data_dir: Path) -> LoadSummary:
    """Create or update countries, areas and organisations from the CSV files in data_dir.

    Idempotent: rows already as in the files are left alone. Rows missing from the files are
    kept (other data may point at them). Raises ReferenceDataError naming the file and line
    of the first bad row; the database is then unchanged.
    """
    records = _Records()
    _parse_sweden(Path(data_dir), records)
    _parse_guatemala(Path(data_dir), records)
    _parse_colombia(Path(data_dir), records)
    return _store(records, now=timezone.now())


# --- Reading and checking the files ----------------------------------------------------


@dataclass(frozen=True)
class _Line:
    """One data row of a CSV file, with the checks that name the file and line on failure."""

    path: Path
    number: int
    values: dict[str, str]

    def fail(self, reason: str) -> NoReturn:
        raise ReferenceDataError(f"{self.path}:{self.number}: {reason}")

    def code(self, column: str, digits: int, *, prefix: str = "") -> str:
        value = self.values[column]
        if not re.fullmatch(f"[0-9]{{{digits}}}", value):
            self.fail(f"{column} {value!r} is not a {digits}-digit code")
        if not value.startswith(prefix):
            self.fail(f"{column} {value!r} does not start with its parent's code {prefix}")
        return value

    def parent(self, column: str, parents: dict[str, "_Line"], digits: int = 2) -> str:
        value = self.code(column, digits)
        if value not in parents:
            self.fail(f"{column} {value!r} is not in {_any(parents).path.name}")
        return value

    def text(self, column: str, *, max_length: int = 200, required: bool = True) -> str:
        value = self.values[column]
        if required and not value:
            self.fail(f"{column} is empty")
        if len(value) > max_length:
            self.fail(f"{column} is longer than {max_length} characters")
        return value

    def coordinate(self, column: str, limit: int) -> Decimal:
        value = self.values[column]
        if not COORDINATE.fullmatch(value) or abs(Decimal(value)) > limit:
            self.fail(f"{column} {value!r} is not a coordinate in degrees (±{limit})")
        return Decimal(value).quantize(MICRODEGREE)

    def number_in(self, column: str) -> int:
        value = self.values[column]
        if not value.isascii() or not value.isdigit():
            self.fail(f"{column} {value!r} is not a whole number")
        return int(value)


def _any(lines: dict[str, _Line]) -> _Line:
    return next(iter(lines.values()))


def _read(path: Path, columns: tuple[str, ...]) -> dict[str, _Line]:
    """The rows of a CSV file by their `code` column, after checking header and shape."""
    lines: dict[str, _Line] = {}
    try:
        with path.open(encoding="utf-8", newline="") as file:
            reader = csv.reader(file, strict=True)
            header = next(reader, None)
            if header != list(columns):
                raise ReferenceDataError(f"{path}:1: header is {header}, expected {list(columns)}")
            for row in reader:
                if not row:
                    continue
                line = _Line(
                    path, reader.line_num, dict(zip(columns, map(str.strip, row), strict=False))
                )
                if len(row) != len(columns):
                    line.fail(f"{len(row)} columns, expected {len(columns)}")
                code = line.values["code"]
                if code in lines:
                    line.fail(f"code {code!r} repeats line {lines[code].number}")
                lines[code] = line
    except FileNotFoundError:
        raise ReferenceDataError(f"{path}: file not found") from None
    except UnicodeDecodeError as error:
        raise ReferenceDataError(f"{path}: not UTF-8 text ({error})") from None
    except csv.Error as error:
        raise ReferenceDataError(f"{path}:{reader.line_num}: {error}") from None
    if not lines:
        raise ReferenceDataError(f"{path}: no rows")
    return lines


def _check_counts(parents: dict[str, _Line], column: str, actual: Counter, listing: str):
    """A department's declared number of units must match the units listed (no lost rows)."""
    for code, line in parents.items():
        declared = line.number_in(column)
        if declared != actual[code]:
            line.fail(f"{column} is {declared} but {listing} lists {actual[code]}")


class _Records:
    """The rows the files ask for, keyed by (country code, official code)."""

    def __init__(self):
        self.areas: dict[tuple[str, str], dict] = {}
        self.organisations: dict[tuple[str, str], dict] = {}

    def area(self, country, code, *, kind, name, parent=None, lat=None, lon=None, note=""):
        self.areas[(country, code)] = dict(
            kind=kind, name=name, parent=parent, lat=lat, lon=lon, note=note
        )

    def organisation(self, country, code, *, kind, name, area, other_names="", lat=None, lon=None):
        self.organisations[(country, code)] = dict(
            kind=kind, name=name, area=area, other_names=other_names, lat=lat, lon=lon
        )


def _point(line: _Line) -> dict:
    return {"lat": line.coordinate("lat", 90), "lon": line.coordinate("lon", 180)}


def _parse_sweden(data_dir: Path, records: _Records) -> None:
    regions = _read(
        data_dir / "se_regions.csv",
        ("code", "name", "county_name", "county_name_short", "municipality_count", "note"),
    )
    municipalities = _read(
        data_dir / "se_municipalities.csv",
        ("code", "name", "county_code", "county_name", "region_name", "lat", "lon", "coord_method"),
    )
    for code, line in regions.items():
        line.code("code", 2)
        records.area(
            "SE",
            code,
            kind=Area.Kind.COUNTY,
            name=line.text("county_name"),
            note=line.text("note", max_length=10_000, required=False),
        )
        carrier = SE_REGIONS_CARRIED_BY_MUNICIPALITY.get(code)
        if carrier is None:
            records.organisation(
                "SE", code, kind=Organisation.Kind.REGION, name=line.text("name"), area=code
            )
        elif carrier not in municipalities:
            line.fail(f"municipality {carrier}, which carries this region, is not listed")
    per_county: Counter = Counter()
    for code, line in municipalities.items():
        county = line.parent("county_code", regions)
        line.code("code", 4, prefix=county)
        per_county[county] += 1
        carries = SE_REGIONS_CARRIED_BY_MUNICIPALITY.get(county) == code
        records.organisation(
            "SE",
            code,
            kind=Organisation.Kind.MUNICIPALITY,
            name=line.text("name"),
            area=county,
            other_names=regions[county].text("name") if carries else "",
            **_point(line),
        )
    _check_counts(regions, "municipality_count", per_county, "se_municipalities.csv")


def _parse_guatemala(data_dir: Path, records: _Records) -> None:
    departments = _read(data_dir / "gt_departments.csv", ("code", "name", "municipality_count"))
    municipalities = _read(
        data_dir / "gt_municipalities.csv",
        ("code", "name", "department_code", "department_name", "name_minfin")
        + ("lat", "lon", "coord_method"),
    )
    for code, line in departments.items():
        line.code("code", 2)
        records.area("GT", code, kind=Area.Kind.DEPARTMENT, name=line.text("name"))
    per_department: Counter = Counter()
    for code, line in municipalities.items():
        department = line.parent("department_code", departments)
        line.code("code", 4, prefix=department)
        per_department[department] += 1
        records.organisation(
            "GT",
            code,
            kind=Organisation.Kind.MUNICIPALITY,
            name=line.text("name"),
            area=department,
            other_names=line.text("name_minfin", max_length=300, required=False),
            **_point(line),
        )
    _check_counts(departments, "municipality_count", per_department, "gt_municipalities.csv")


def _parse_colombia(data_dir: Path, records: _Records) -> None:
    departments = _read(
        data_dir / "co_departments.csv",
        ("code", "name", "name_display", "municipio_count")
        + ("area_no_municipalizada_count", "isla_count", "note"),
    )
    municipalities = _read(
        data_dir / "co_municipalities.csv",
        ("code", "name", "name_display", "department_code", "department_name", "type")
        + ("lat", "lon", "note"),
    )
    for code, line in departments.items():
        line.code("code", 2)
        capital = code == CO_CAPITAL_DISTRICT
        records.area(
            "CO",
            code,
            kind=Area.Kind.CAPITAL_DISTRICT if capital else Area.Kind.DEPARTMENT,
            name=line.text("name_display"),
            note=line.text("note", max_length=10_000, required=False),
        )
    per_type: dict[str, Counter] = {kind: Counter() for kind in ("Municipio", *CO_AREA_TYPES)}
    for code, line in municipalities.items():
        department = line.parent("department_code", departments)
        line.code("code", 5, prefix=department)
        kind, name = line.values["type"], line.text("name_display")
        if kind not in per_type:
            line.fail(f"type {kind!r} is not one of {', '.join(per_type)}")
        per_type[kind][department] += 1
        if kind == CO_MUNICIPALITY_TYPE:
            # DANE's upper-case name is the authoritative spelling: keep it, and let search
            # find it also where the database cannot fold the case of accented letters.
            official = line.text("name", max_length=300)
            records.organisation(
                "CO",
                code,
                kind=Organisation.Kind.MUNICIPALITY,
                name=name,
                area=department,
                other_names=official if official != name else "",
                **_point(line),
            )
        else:
            note = line.text("note", max_length=10_000, required=False)
            records.area(
                "CO",
                code,
                kind=CO_AREA_TYPES[kind],
                name=name,
                parent=department,
                note=note,
                **_point(line),
            )
    columns = ("municipio_count", "area_no_municipalizada_count", "isla_count")
    for kind, column in zip(per_type, columns, strict=True):
        _check_counts(departments, column, per_type[kind], "co_municipalities.csv")


# --- Writing to the database -----------------------------------------------------------


def _store(records: _Records, *, now) -> LoadSummary:
    tally: Counter = Counter()
    countries = {country.code: country for country in Country.objects.filter(code__in=COUNTRIES)}
    wanted = {code: {"code": code, **values} for code, values in COUNTRIES.items()}
    tally += _sync(Country, countries, wanted, key=lambda row: row.code, now=now)
    ids = {code: country.pk for code, country in countries.items()}

    areas = {(a.country_id, a.code): a for a in Area.objects.filter(country_id__in=ids.values())}
    # First-level areas first: the areas inside them point at their ids.
    for first_level in (True, False):
        wanted = {
            (ids[country], code): _fields(ids[country], code, values, "parent", areas)
            for (country, code), values in records.areas.items()
            if (values["parent"] is None) is first_level
        }
        tally += _sync(Area, areas, wanted, now=now)

    organisations = {
        (o.country_id, o.code): o for o in Organisation.objects.filter(country_id__in=ids.values())
    }
    wanted = {
        (ids[country], code): _fields(ids[country], code, values, "area", areas)
        for (country, code), values in records.organisations.items()
    }
    tally += _sync(Organisation, organisations, wanted, now=now)
    return LoadSummary(counts=_counts(), created=tally["created"], updated=tally["updated"])


def _fields(country_id: int, code: str, values: dict, link: str, areas: dict) -> dict:
    """A row's field values, with the area code held in `link` turned into that area's id."""
    fields = {name: value for name, value in values.items() if name != link}
    linked = values[link]
    fields[f"{link}_id"] = areas[(country_id, linked)].pk if linked else None
    return dict(fields, country_id=country_id, code=code)


def _by_country_and_code(row) -> tuple[int, str]:
    return row.country_id, row.code


def _sync(model, existing: dict, wanted: dict, *, now, key=_by_country_and_code) -> Counter:
    """Insert the wanted rows that are missing and update those that differ, in bulk.

    `existing` maps the keys of `wanted` to rows in the database; the new rows are added to
    it so that later steps can point at them.
    """
    new: dict = {}
    changed, fields = [], set()
    for wanted_key, values in wanted.items():
        row = existing.get(wanted_key)
        if row is None:
            new[wanted_key] = model(**values)
            continue
        differing = [name for name, value in values.items() if getattr(row, name) != value]
        for name in differing:
            setattr(row, name, values[name])
        if differing:
            row.updated_at = now  # bulk_update does not apply auto_now
            changed.append(row)
            fields.update(differing)
    model.objects.bulk_create(new.values())
    if changed:
        model.objects.bulk_update(changed, [*sorted(fields), "updated_at"])
    if any(row.pk is None for row in new.values()):  # a backend that returns no ids
        fresh = {key(row): row for row in model.objects.all()}
        new = {wanted_key: fresh[wanted_key] for wanted_key in new}
    existing.update(new)
    return Counter(created=len(new), updated=len(changed))


def _counts() -> dict[tuple[str, str], int]:
    counts = {}
    for model in (Area, Organisation):
        rows = model.objects.order_by().values_list("country__code", "kind").annotate(Count("pk"))
        counts.update({(country, kind): n for country, kind, n in rows})
    return counts
