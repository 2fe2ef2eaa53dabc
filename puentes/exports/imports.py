"""Reading an indicator-values CSV back: which rows change what, or every reason the file is
refused, by row number (the header is row 1, as in a spreadsheet).

The file is the export of indicator values (tables.INDICATOR_VALUE_HEADER), edited. A row is
named by its indicator_id and period_id; its version is the value's version when exported
(0: nothing was recorded). Only value, women, men and other are read as data; the other
columns only tell people what a row is. A row equal to what is saved changes nothing; a
filled-in row where nothing was recorded records a value; a changed row updates the value
if nobody saved it since the export. Emptying a recorded value is refused: values are
removed on the plan page, where the removal is seen.

This module only reads; services.indicator_values_import writes.
"""

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from puentes.networks.models import ReportingPeriod
from puentes.plans.models import Indicator, IndicatorValue
from puentes.plans.rules import Figure, PlanError, figure_clean, figure_of

from .tables import (
    INDICATOR_VALUE_HEADER,
    OUTCOME_PARTNERSHIP,
    OUTPUT_PARTNERSHIP,
    partnership_of,
)

MAX_BYTES = 1_000_000  # about 8,000 rows; the file waits in the session until confirmed
WHOLE = re.compile(r"^[0-9]+$")
HUNDREDTH = Decimal("0.01")
VALUE_LIMIT = Decimal("1e12")  # the model keeps 14 digits, 2 of them decimals


@dataclass(frozen=True)
class RowError:
    row: int
    message: str


class ImportRejected(Exception):
    """The file cannot be imported; `errors` lists every reason with its row."""

    def __init__(self, errors: list[RowError]):
        self.errors = errors
        super().__init__(f"{len(errors)} errors")


@dataclass(frozen=True)
class Change:
    """A row that records or changes a value."""

    row: int
    partnership: object
    indicator: Indicator
    period: ReportingPeriod
    before: Figure | None
    after: Figure
    expected_version: int


@dataclass
class ImportPlan:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0

    def by_indicator(self) -> dict[int, list[Change]]:
        grouped = defaultdict(list)
        for change in self.changes:
            grouped[change.indicator.pk].append(change)
        return grouped


def decode(data: bytes) -> str:
    """The file's text; a byte order mark (Excel writes one) is dropped."""
    if len(data) > MAX_BYTES:
        raise ImportRejected([RowError(0, _("The file is larger than 1 MB."))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportRejected([RowError(0, _("The file is not UTF-8 text."))]) from exc


def read_rows(text: str) -> list[list[str]]:
    """The CSV's records. Commas separate cells; a spreadsheet set to Swedish or Spanish may
    save with semicolons, so a header without commas but with semicolons means semicolons."""
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error as exc:
        raise ImportRejected([RowError(0, _("The file is not a readable CSV file."))]) from exc


def _header_errors(header: list[str]) -> list[RowError]:
    names = [name.strip() for name in header]
    if names == INDICATOR_VALUE_HEADER:
        return []
    missing = [name for name in INDICATOR_VALUE_HEADER if name not in names]
    unexpected = [name for name in names if name not in INDICATOR_VALUE_HEADER]
    message = _(
        "The header must be the export's, in its order: %(expected)s. "
        "Missing: %(missing)s. Not expected: %(unexpected)s."
    ) % {
        "expected": ", ".join(INDICATOR_VALUE_HEADER),
        "missing": ", ".join(missing) or "–",
        "unexpected": ", ".join(unexpected) or "–",
    }
    return [RowError(1, message)]


class _Bad(Exception):
    """One reason a row is refused."""


def _identifier(cells: dict, name: str) -> int:
    text = cells[name]
    if not WHOLE.match(text):
        raise _Bad(
            _("%(column)s is not a whole number: “%(text)s”.") % {"column": name, "text": text}
        )
    return int(text)


def _number(text: str, name: str) -> Decimal | None:
    if text == "":
        return None
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise _Bad(
            _("%(column)s is not a number with a dot for decimals: “%(text)s”.")
            % {"column": name, "text": text}
        ) from exc
    if not number.is_finite() or number != number.quantize(HUNDREDTH) or abs(number) >= VALUE_LIMIT:
        raise _Bad(
            _("%(column)s must be a number below a million millions with at most two decimals.")
            % {"column": name}
        )
    return number


def _count(text: str, name: str) -> int | None:
    if text == "":
        return None
    if not WHOLE.match(text):
        raise _Bad(
            _("%(column)s must be a whole number of zero or more: “%(text)s”.")
            % {"column": name, "text": text}
        )
    return int(text)


def _figure(cells: dict, counts_people: bool) -> Figure | None:
    """The row's figure as it would be stored, None when the row leaves it empty."""
    given = Figure(
        total=_number(cells["value"], "value"),
        women=_count(cells["women"], "women"),
        men=_count(cells["men"], "men"),
        other=_count(cells["other"], "other"),
    )
    if given.is_empty:
        return None
    try:
        figure = figure_clean(given, counts_people=counts_people)
    except PlanError as error:
        raise _Bad(str(error.message)) from error
    if counts_people and given.total is not None and given.total != figure.total:
        raise _Bad(
            _("value must be the sum of women, men and other (%(sum)s).") % {"sum": figure.total}
        )
    return figure


@dataclass(frozen=True)
class _Known:
    """What the rows name, read in three queries."""

    indicators: dict
    periods: dict
    values: dict

    @classmethod
    def read(cls, indicator_ids: set, period_ids: set) -> "_Known":
        indicators = Indicator.objects.filter(pk__in=indicator_ids).select_related(
            f"{OUTCOME_PARTNERSHIP}__call", f"{OUTPUT_PARTNERSHIP}__call"
        )
        values = IndicatorValue.objects.filter(indicator_id__in=indicator_ids)
        return cls(
            indicators={indicator.pk: indicator for indicator in indicators},
            periods=ReportingPeriod.objects.in_bulk(period_ids),
            values={(value.indicator_id, value.period_id): value for value in values},
        )


def _ids(records) -> tuple[set, set]:
    indicator_ids, period_ids = set(), set()
    for cells in records:
        for name, ids in (("indicator_id", indicator_ids), ("period_id", period_ids)):
            if WHOLE.match(cells.get(name, "")):
                ids.add(int(cells[name]))
    return indicator_ids, period_ids


def _check(cells: dict, row: int, network, known: _Known, plan: ImportPlan, seen: dict):
    """Add the row's change to `plan`, or raise _Bad."""
    indicator_id = _identifier(cells, "indicator_id")
    period_id = _identifier(cells, "period_id")
    version = _identifier(cells, "version")
    indicator = known.indicators.get(indicator_id)
    if indicator is None:
        raise _Bad(_("There is no indicator %(id)s.") % {"id": indicator_id})
    partnership = partnership_of(indicator)
    if partnership.call.network_id != network.pk:
        raise _Bad(_("Indicator %(id)s belongs to another network.") % {"id": indicator_id})
    period = known.periods.get(period_id)
    if period is None or period.call_id != partnership.call_id:
        raise _Bad(
            _("Reporting period %(id)s is not one of the indicator's call.") % {"id": period_id}
        )
    key = (indicator_id, period_id)
    if key in seen:
        raise _Bad(
            _("Row %(row)s already gives this indicator's value for this period.")
            % {"row": seen[key]}
        )
    seen[key] = row
    current = known.values.get(key)
    figure = _figure(cells, indicator.counts_people)
    if figure is None:
        if current is not None:
            raise _Bad(_("An import does not remove values: remove it on the plan page."))
        plan.unchanged += 1
        return
    if current is not None and figure_of(current) == figure:
        plan.unchanged += 1
        return
    saved_version = current.version if current else 0
    if version != saved_version:
        raise _Bad(
            _(
                "Someone saved this value after the export "
                "(version %(saved)s; the file has %(file)s)."
            )
            % {"saved": saved_version, "file": version}
        )
    plan.changes.append(
        Change(
            row=row,
            partnership=partnership,
            indicator=indicator,
            period=period,
            before=figure_of(current) if current else None,
            after=figure,
            expected_version=version,
        )
    )


def import_plan(network, text: str) -> ImportPlan:
    """What importing `text` into `network` would change; ImportRejected lists every row that
    cannot be imported (then nothing may be)."""
    records = read_rows(text)
    if not records:
        raise ImportRejected([RowError(1, _("The file is empty."))])
    errors = _header_errors(records[0])
    if errors:
        raise ImportRejected(errors)
    width = len(INDICATOR_VALUE_HEADER)
    rows = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines, often left at the end by spreadsheets
        if len(record) != width:
            message = _("The row has %(count)s cells; the header has %(width)s.") % {
                "count": len(record),
                "width": width,
            }
            errors.append(RowError(number, message))
            continue
        cells = zip(INDICATOR_VALUE_HEADER, record, strict=True)
        rows.append((number, {name: cell.strip() for name, cell in cells}))
    known = _Known.read(*_ids(cells for _row, cells in rows))
    plan, seen = ImportPlan(), {}
    for number, cells in rows:
        try:
            _check(cells, number, network, known, plan, seen)
        except _Bad as bad:
            errors.append(RowError(number, str(bad)))
    if errors:
        raise ImportRejected(sorted(errors, key=lambda error: error.row))
    return plan
