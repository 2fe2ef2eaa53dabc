"""What an uploaded file is, decided from its bytes alone: never from its name or from the
content type the browser claims. Pure: bytes and a name in, a verdict out.

Accepted: PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, and plain text and CSV in UTF-8. Each is
recognised by its signature at the first byte and then walked by its own structural check
(images.py, pdf.py, packages.py, text.py); the name must then end as the content's kind does,
so an image called ".pdf" is refused. Everything else is refused with a reason the person can
act on (refusals.py), in their language.
"""

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from . import images, names, packages, pdf, text
from .kinds import ACCEPTED_ENDINGS, CSV, JPEG, KINDS, PDF, PNG, TEXT, Kind
from .refusals import (
    Disguised,
    EmptyFile,
    FileRefused,
    Program,
    TooLarge,
    WrongEnding,
)

__all__ = [
    "ACCEPTED_ENDINGS",
    "KINDS",
    "CheckedFile",
    "FileRefused",
    "Kind",
    "check_upload",
    "identify",
]

# Executables and compiled programs: Windows (MZ), Linux (ELF), macOS (Mach-O, fat binaries
# and Java classes share CAFEBABE), WebAssembly.
PROGRAM_SIGNATURES = (
    b"MZ",
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",
    b"\xfe\xed\xfa\xcf",
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
    b"\x00asm",
)
ZIP_SIGNATURE = b"PK\x03\x04"


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed: its kind, the name to keep, and its bytes with their size and
    SHA-256."""

    kind: Kind
    name: str
    content: bytes
    size: int
    sha256: str


def check_upload(*, name: str, chunks: Iterable[bytes], max_bytes: int) -> CheckedFile:
    """Read at most `max_bytes` from `chunks` and decide; raises a FileRefused otherwise."""
    display_name = names.safe_name(name)
    content = _read(chunks, max_bytes)
    kind = identify(content, ending=names.ending(display_name))
    _check_ending(kind, display_name)
    return CheckedFile(
        kind=kind,
        name=display_name,
        content=content,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )


def identify(content: bytes, ending: str = "") -> Kind:
    """The kind of `content`, or the FileRefused that says why it is none of them. Text is
    one kind of content: `ending` tells a CSV table from plain text."""
    if not content:
        raise EmptyFile
    if content.startswith(b"%PDF-"):
        pdf.check_pdf(content)
        return PDF
    if content.startswith(images.PNG_SIGNATURE):
        images.check_png(content)
        return PNG
    if content.startswith(images.JPEG_START):
        images.check_jpeg(content)
        return JPEG
    if content.startswith(ZIP_SIGNATURE):
        return packages.check_package(content)
    if content.startswith(PROGRAM_SIGNATURES):
        raise Program
    if pdf.looks_like_pdf(content):
        raise Disguised(PDF)
    decoded = text.check_text(content)
    if ending == CSV.endings[0]:
        text.check_csv(decoded)
        return CSV
    return TEXT


def _read(chunks: Iterable[bytes], max_bytes: int) -> bytes:
    buffer = bytearray()
    for chunk in chunks:
        buffer += chunk
        if len(buffer) > max_bytes:
            raise TooLarge(max_bytes)
    if not buffer:
        raise EmptyFile
    return bytes(buffer)


def _check_ending(kind: Kind, display_name: str) -> None:
    ending = names.ending(display_name)
    if ending not in kind.endings:
        raise WrongEnding(kind, ending)
