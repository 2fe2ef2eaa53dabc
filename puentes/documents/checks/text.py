"""Plain text and CSV: UTF-8, no control characters, nothing a browser or a spreadsheet
program would run.

Text is what is left when no binary format matched, so this is also where a web page, an SVG
image or a script saved as ".txt" is caught: markup at the start or a tag that runs code
anywhere, and a "#!" line, are refused.
"""

import csv
import io
import re

from .refusals import (
    ControlCharacters,
    CsvFormula,
    CsvUnreadable,
    Markup,
    NotUtf8,
    Program,
    UnknownType,
)

BOM = b"\xef\xbb\xbf"
# Tab, line feed, form feed and carriage return are text; every other C0 or C1 control is not.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MARKUP = re.compile(
    r"<(?:!doctype|\?xml|html|head|body|script|svg|iframe|frame|object|embed|applet|meta"
    r"|link|style|form|img|a|base|math)[\s/>]",
    re.IGNORECASE,
)
# A cell starting with + or - is a number (or a phone number, a date, a row of dashes) only if
# nothing but these follow; "-2+3+cmd|' /C calc'!A0" is a formula.
NUMBER_LIKE = re.compile(r"[+-][\d\s.,:/()%+-]*")


def check_text(content: bytes) -> str:
    """The decoded text, or the reason it is not acceptable text."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NotUtf8
    if b"\x00" in content:
        raise UnknownType
    try:
        text = content.removeprefix(BOM).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _undecodable(content) from exc
    if text.lstrip().startswith("#!"):
        raise Program
    if text.lstrip().startswith("<") or MARKUP.search(text):
        raise Markup
    if CONTROL.search(text):
        raise ControlCharacters
    return text


def check_csv(text: str) -> None:
    """Refuse a CSV file that does not parse, or that has a cell a spreadsheet would run."""
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect, strict=True)
    try:
        for row in reader:
            if any(_is_formula(cell) for cell in row):
                raise CsvFormula(reader.line_num)
    except csv.Error as exc:
        raise CsvUnreadable from exc


def _dialect(text: str):
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _is_formula(cell: str) -> bool:
    cell = cell.lstrip()
    if not cell:
        return False
    if cell[0] in "=@":
        return True
    return cell[0] in "+-" and not NUMBER_LIKE.fullmatch(cell)


def _undecodable(content: bytes):
    """Text in an older encoding (Windows' "ANSI", Latin-1) gets advice; anything else is an
    unknown binary format."""
    sample = content[:4096].decode("latin-1")
    printable = sum(char.isprintable() or char in "\t\r\n" for char in sample)
    return NotUtf8 if printable >= 0.95 * len(sample) else UnknownType
