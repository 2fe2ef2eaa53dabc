"""The review queue as a spreadsheet: CSV and XLSX files that open in Excel, LibreOffice and
Numbers with å, ä, ö, ñ and accents intact.

CSV: UTF-8 with a byte order mark (without it Excel reads the file as Windows-1252) and
semicolons between fields, because Excel in Swedish and Spanish settings, where the decimal
separator is a comma, splits columns on semicolons; with commas every row would land in one
column. Times are the site's local time, written YYYY-MM-DD HH:MM.

XLSX: a header row that stays in place when scrolling, column widths, and dates as real
dates that sort and filter.

In both, a text that starts with = + - @ (or a tab or carriage return) is prefixed with an
apostrophe, so a spreadsheet never runs what an applicant typed as a formula.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Interest

CSV_DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_DATE_FORMAT = "yyyy-mm-dd hh:mm"
CSV_DATE_FORMAT = "%Y-%m-%d %H:%M"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    title: str
    width: int  # in characters, for the XLSX file


def columns() -> list[Column]:
    """The export's columns, titled in the current language."""
    zone = timezone.get_current_timezone_name()
    return [
        Column(_("Municipality or region"), 24),
        Column(_("Official code"), 10),
        Column(_("Country"), 12),
        Column(_("County or region"), 22),
        Column(_("Status"), 14),
        Column(_("Submitted at (%(zone)s)") % {"zone": zone}, 20),
        Column(_("Themes"), 40),
        Column(_("Preferred country"), 18),
        Column(_("Preferred municipalities"), 30),
        Column(_("Contact people (name, role, title, e-mail)"), 50),
        Column(_("Motivation"), 60),
        Column(_("Language of the motivation"), 12),
        Column(_("Reason for the decision"), 40),
    ]


def guarded(value):
    """The value, with an apostrophe before a text a spreadsheet would take as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _contact_line(person) -> str:
    details = ", ".join(filter(None, [person.get_role_display(), person.title, person.email]))
    return f"{person.name} ({details})"


def _preferred_country(interest: Interest) -> str:
    if interest.preferred_country:
        return interest.get_preferred_country_display()
    return _("Guatemala or Colombia, no preference")


def row(interest: Interest) -> list:
    """One interest as export values; `submitted_at` stays a local, naive datetime."""
    organisation = interest.organisation
    submitted = interest.submitted_at
    return [
        organisation.name,
        organisation.code,
        organisation.country.name,
        organisation.area.name,
        interest.get_status_display(),
        timezone.localtime(submitted).replace(tzinfo=None) if submitted else None,
        "\n".join(theme.name for theme in interest.themes.all()),
        _preferred_country(interest),
        "\n".join(profile.organisation.name for profile in interest.preferred_profiles.all()),
        "\n".join(_contact_line(link.person) for link in interest.contacts.all()),
        interest.motivation,
        interest.get_motivation_language_display(),
        interest.decision_reason,
    ]


def _csv_value(value):
    if isinstance(value, datetime.datetime):
        return value.strftime(CSV_DATE_FORMAT)
    return "" if value is None else guarded(value)


def to_csv(interests) -> bytes:
    """The interests as a CSV file: UTF-8 with BOM, semicolon-separated, a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow([column.title for column in columns()])
    for interest in interests:
        writer.writerow([_csv_value(value) for value in row(interest)])
    return buffer.getvalue().encode("utf-8-sig")


def _xlsx_value(value):
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # XLSX cannot hold most control characters; a pasted one would break the whole file.
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return guarded(value)


def to_xlsx(interests, *, sheet_title: str) -> bytes:
    """The interests as an XLSX workbook: frozen header row, widths, real dates."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    # Excel allows 31 characters and none of []:*?/\ in a sheet's name.
    sheet.title = "".join(c for c in sheet_title if c not in "[]:*?/\\")[:31] or "Export"
    header = columns()
    sheet.append([column.title for column in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for interest in interests:
        sheet.append([_xlsx_value(value) for value in row(interest)])
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
            if isinstance(cell.value, datetime.datetime):
                cell.number_format = XLSX_DATE_FORMAT
    for index, column in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def filename(call, extension: str, today: datetime.date) -> str:
    """e.g. expressions-of-interest_gender-equality_call-2025_2025-03-01.xlsx"""
    return (
        f"expressions-of-interest_{call.network.slug}_{call.slug}_{today.isoformat()}.{extension}"
    )
