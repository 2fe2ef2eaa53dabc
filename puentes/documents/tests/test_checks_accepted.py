"""Good files of every accepted kind pass the content checks, whatever the browser claimed;
the name kept is safe to show and to offer back."""

import hashlib

import pytest

from puentes.documents.checks import check_upload, identify
from puentes.documents.checks.kinds import CSV, DOCX, JPEG, ODS, ODT, PDF, PNG, PPTX, TEXT, XLSX
from puentes.documents.checks.names import NAME_MAX, safe_name

from . import samples

MAX = 10 * 1024 * 1024

GOOD_FILES = [
    ("Informe año 2025.pdf", samples.tiny_pdf("Informe", ["Informe año 2025"]), PDF),
    ("mapa.png", samples.png(40, 30), PNG),
    ("foto del taller.jpg", samples.jpeg(), JPEG),
    ("FOTO.JPEG", samples.jpeg(8, 4), JPEG),
    ("Minnesanteckningar.docx", samples.ooxml("docx"), DOCX),
    ("Presupuesto.xlsx", samples.xlsx_from_openpyxl(), XLSX),
    ("Presentation.pptx", samples.ooxml("pptx"), PPTX),
    ("Acta.odt", samples.odf("odt"), ODT),
    ("Budget.ods", samples.odf("ods"), ODS),
    ("notas.txt", "Reunión del 20 de mayo\r\nAsistentes: 12\n".encode(), TEXT),
    ("notes-with-bom.txt", b"\xef\xbb\xbfJ\xc3\xa4mst\xc3\xa4lldhet\n", TEXT),
    (
        "asistencia.csv",
        "Nombre;Teléfono;Saldo\nMaría;+502 7766 1234;-150,50\nPedro;(502) 5555-0101;--\n".encode(),
        CSV,
    ),
]


@pytest.mark.parametrize(("name", "content", "kind"), GOOD_FILES, ids=[g[0] for g in GOOD_FILES])
def test_a_good_file_is_accepted_as_its_kind(name, content, kind):
    checked = check_upload(name=name, chunks=[content], max_bytes=MAX)

    assert checked.kind == kind
    assert checked.name == name
    assert checked.size == len(content)
    assert checked.sha256 == hashlib.sha256(content).hexdigest()
    assert checked.content == content


def test_a_file_arriving_in_many_chunks_is_read_whole():
    content = samples.tiny_pdf("Informe", ["línea"] * 40)
    chunks = [content[i : i + 7] for i in range(0, len(content), 7)]

    assert check_upload(name="a.pdf", chunks=chunks, max_bytes=MAX).content == content


def test_a_file_of_exactly_the_limit_is_accepted():
    content = b"a" * 99 + b"\n"

    assert check_upload(name="a.txt", chunks=[content], max_bytes=100).size == 100


def test_the_type_comes_from_the_content_even_when_the_name_has_odd_case_and_spaces():
    checked = check_upload(name="  Foto Taller.PNG ", chunks=[samples.png()], max_bytes=MAX)

    assert (checked.kind, checked.name) == (PNG, "Foto Taller.PNG")


def test_a_text_kind_is_plain_text_unless_the_name_says_csv():
    content = b"a,b\n1,2\n"

    assert identify(content, ending=".txt") == TEXT
    assert identify(content, ending=".csv") == CSV


def test_a_long_name_is_shortened_keeping_its_ending():
    name = "Informe " + "muy " * 80 + "largo.pdf"

    kept = safe_name(name)

    assert len(kept) <= NAME_MAX and kept.startswith("Informe muy muy")
    assert kept.endswith(".pdf")


def test_characters_some_systems_refuse_in_names_are_replaced():
    assert safe_name('Informe "final": ¿sí? <2025>.pdf') == "Informe _final__ ¿sí_ _2025_.pdf"


def test_a_name_is_kept_in_its_composed_unicode_form():
    decomposed = "Informe an\u0303o.pdf"  # n + combining tilde, as macOS names files

    assert safe_name(decomposed) == "Informe año.pdf"
