"""The demo's documents: an attendance list (CSV) and the notes of a workshop (a one-page
PDF made here), shared in Lessebo–Totonicapán by its members.

They go through document_upload, so the demo shows what a real upload leaves behind: the
checked file under a random name, its audit entry in the partnership's timeline. Loading is
idempotent: a document whose content the partnership already has is not added again.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.core.files.base import ContentFile

from puentes.partnerships.models import Partnership
from puentes.people.models import User
from puentes.recruitment.demo import DEMO_EMAIL_DOMAIN, NETWORK_SLUG, PAST_CALL_SLUG

from .models import Document
from .services import content_sha256, document_upload

UPLOADED_AT = datetime.datetime(2024, 5, 20, 15, 0, tzinfo=datetime.UTC)


def tiny_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page A4 PDF with the lines in Helvetica (Latin-1 letters, such as ñ and
    å, included), built by hand with its cross-reference table."""
    text = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    text += [f"({_pdf_string(line)}) Tj T*" for line in lines]
    stream = "\n".join([*text, "ET"]).encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Title (%s) /Producer (Puentes) >>" % _pdf_string(title).encode("cp1252"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


@dataclass(frozen=True)
class DemoDocument:
    uploader: str  # the demo account's e-mail name
    name: str
    title: str
    description: str
    language: str
    content: bytes


ATTENDANCE = (
    "Nombre;Municipio;Cargo;Día 1;Día 2\n"
    "Demo: María Tzul;Totonicapán;Directora Municipal de la Mujer;sí;sí\n"
    "Demo: Anna Berg;Lessebo;Jämställdhetsstrateg;sí;sí\n"
    "Ana Lucía Batz;Totonicapán;Concejal;sí;no\n"
    "Pedro Ixcot;Totonicapán;Alcaldía comunitaria;sí;sí\n"
)

DOCUMENTS = (
    DemoDocument(
        "totonicapan",
        "Asistencia taller Totonicapán 2024.csv",
        "Lista de asistencia, taller de Totonicapán (mayo de 2024)",
        "Quiénes participaron en los dos días del taller.",
        "es",
        ATTENDANCE.encode("utf-8"),
    ),
    DemoDocument(
        "lessebo",
        "Minnesanteckningar workshop maj 2024.pdf",
        "Minnesanteckningar från workshopen i Totonicapán",
        "Det vi kom överens om och nästa steg för båda kommunerna.",
        "sv",
        tiny_pdf(
            "Minnesanteckningar workshop maj 2024",
            [
                "Minnesanteckningar – workshop i Totonicapán, 20–21 maj 2024",
                "",
                "1. Kvinnors deltagande i byråden (COCODE): nuläget i båda kommunerna.",
                "2. Lessebo delar sin modell för medborgardialog med unga kvinnor.",
                "3. Totonicapán kartlägger hinder för kvinnor i kommunfullmäktige.",
                "Nästa steg: gemensam lägesrapport i januari 2025.",
            ],
        ),
    ),
)


def documents_demo_load(*, now: datetime.datetime) -> Counter:
    """Add whichever demo document Lessebo–Totonicapán does not have yet. A rerun that finds
    both costs one query."""
    created = Counter()
    pair = {
        "call__network__slug": NETWORK_SLUG,
        "call__slug": PAST_CALL_SLUG,
        "swedish_organisation__code": "0761",
        "latin_organisation__code": "0801",
    }
    have = set(
        Document.objects.filter(
            **{f"partnership__{key}": value for key, value in pair.items()}
        ).values_list("sha256", flat=True)
    )
    missing = [demo for demo in DOCUMENTS if content_sha256(demo.content) not in have]
    if not missing:
        return created
    partnership = Partnership.objects.filter(**pair).first()
    if partnership is None:
        return created
    for demo in missing:
        uploader = User.objects.filter(email=f"{demo.uploader}@{DEMO_EMAIL_DOMAIN}").first()
        if uploader is None:
            continue
        document_upload(
            partnership=partnership,
            uploaded_file=ContentFile(demo.content, name=demo.name),
            title=demo.title,
            description=demo.description,
            language=demo.language,
            by=uploader,
            now=min(now, UPLOADED_AT),
        )
        created["documents"] += 1
    return created
