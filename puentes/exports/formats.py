"""How an export's rows are written: machine values that read back exactly, in CSV or XLSX,
row by row so memory does not grow with the number of rows.

Values: ISO 8601 dates (2024-12-31) and datetimes in UTC (2024-03-01T09:30:00+00:00), numbers
with a dot and no thousands separator, `true`/`false`, an empty cell for nothing. Nothing is
translated or localised, so a file made in Swedish reads the same as one made in Spanish.

CSV: UTF-8 without a byte order mark, commas, a header row of stable English names. A text
that starts with = + - @ (or a tab or carriage return) gets an apostrophe in front, so a
spreadsheet program never runs a municipality's or a person's text as a formula; numbers
are never touched (they are not text).
"""

import csv
import datetime
import tempfile
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralised(text: str) -> str:
    """The text, with an apostrophe before it when a spreadsheet would take it as a formula."""
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def machine_text(value) -> str:
    """A value as the CSV cell holds it (see the module's docstring)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    return neutralised(str(value))


class _Echo:
    """A file whose write() hands the line back, so csv.writer can feed a stream."""

    def write(self, line):
        return line


def csv_lines(header: list[str], rows):
    """The CSV file line by line (str), header first; `rows` is any iterable of lists."""
    writer = csv.writer(_Echo(), lineterminator="\r\n")
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([machine_text(value) for value in row])


def _xlsx_cell(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if value is None or isinstance(value, bool | int | Decimal | datetime.date):
        if isinstance(value, datetime.datetime):
            # Excel has no time zones: the cell holds the UTC time the CSV names.
            return value.astimezone(datetime.UTC).replace(tzinfo=None)
        return value
    # XLSX cannot hold most control characters; a pasted one would break the whole file.
    return neutralised(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def xlsx_file(header: list[str], rows, *, sheet_title: str):
    """The rows as an XLSX workbook in a temporary file (open, at its start).

    openpyxl's write-only mode writes each row out as it comes instead of keeping the sheet
    in memory; the file is deleted when closed."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = []
    for title in header:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        titles.append(cell)
    sheet.append(titles)
    for row in rows:
        sheet.append([_xlsx_cell(value) for value in row])
    # The caller's response closes the file, which deletes it.
    output = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output
