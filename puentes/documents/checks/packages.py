"""Office documents are ZIP packages: OOXML (DOCX, XLSX, PPTX) names its main part in
[Content_Types].xml, OpenDocument (ODT, ODS) starts with a stored "mimetype" entry.

Before any entry is unpacked the package's directory is read: every entry needs a plain name
(no folder climbing, no absolute path, no link, no repeat), no encryption, and the unpacked
total and each entry's ratio must stay within bounds (a "zip bomb" is refused unopened). Then
every entry is unpacked and its checksum compared, which also catches an entry that unpacks
to more than its stated size. Macros (vbaProject.bin, macro-enabled types, OpenDocument
Basic and Scripts) and ActiveX controls are refused. The XML read here is searched, never
parsed, and refused if it declares a DTD, so entity tricks have nothing to work on.
"""

import io
import re
import stat
import zipfile
import zlib

from .kinds import DOCX, ODS, ODT, PPTX, XLSX
from .refusals import Archive, Bomb, Damaged, Encrypted, Macros, UnsafeEntry

MIB = 1024 * 1024
MAX_ENTRIES = 5000
MAX_UNPACKED = 100 * MIB
MAX_RATIO = 100  # for entries that unpack to more than RATIO_FLOOR
RATIO_FLOOR = MIB
XML_MAX = MIB  # [Content_Types].xml and META-INF/manifest.xml are small

OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
ODF_MIMETYPES = {ODT.content_type: ODT, ODS.content_type: ODS}
CONTENT_TYPE = re.compile(r"""ContentType\s*=\s*["']([^"']+)["']""")
DTD = re.compile(r"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
MACRO_TYPES = re.compile(r"macroEnabled|vbaProject|activeX", re.IGNORECASE)
MACRO_ENTRY = re.compile(r"(?:^|/)vbaProject[^/]*\.bin$|(?:^|/)activeX/|^(?:Basic|Scripts)/", re.I)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# General-purpose flags: 0x1 encrypted, 0x40 strong encryption, 0x20 patched data.
ENCRYPTED_FLAGS, PATCHED_FLAG = 0x41, 0x20
# What zipfile raises on a package that lies or is broken, besides BadZipFile.
UNREADABLE = (zipfile.BadZipFile, zlib.error, ValueError, EOFError, OSError, NotImplementedError)


def check_package(content: bytes):
    """The kind of office document in the ZIP `content`, or the reason it is refused."""
    try:
        package = zipfile.ZipFile(io.BytesIO(content))
        entries = package.infolist()
    except UNREADABLE as exc:
        raise Damaged from exc
    with package:
        _check_directory(entries)
        names = {entry.filename for entry in entries}
        if "[Content_Types].xml" in names:
            kind = _ooxml_kind(package, names)
        elif entries and entries[0].filename == "mimetype":
            kind = _odf_kind(package, entries[0], names)
        else:
            raise Archive
        _unpack_all(package, kind)
    return kind


def _check_directory(entries) -> None:
    if not entries or len(entries) > MAX_ENTRIES:
        raise Archive if not entries else Bomb
    seen = set()
    for entry in entries:
        if entry.flag_bits & ENCRYPTED_FLAGS:
            raise Encrypted
        if entry.flag_bits & PATCHED_FLAG:
            raise Damaged
        if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise Encrypted if entry.compress_type == 99 else Damaged()  # 99: WinZip AES
        if not _plain_name(entry) or entry.filename in seen:
            raise UnsafeEntry
        seen.add(entry.filename)
        if entry.file_size > RATIO_FLOOR and entry.file_size > MAX_RATIO * entry.compress_size:
            raise Bomb
    if sum(entry.file_size for entry in entries) > MAX_UNPACKED:
        raise Bomb


def _plain_name(entry) -> bool:
    name = entry.filename
    parts = name.rstrip("/").split("/")
    return not (
        name.startswith("/")
        or "\\" in name
        or ":" in name
        or CONTROL.search(name)
        or any(part in {"", ".", ".."} for part in parts)
        or stat.S_ISLNK(entry.external_attr >> 16)
    )


def _ooxml_kind(package, names):
    types = CONTENT_TYPE.findall(_small_xml(package, "[Content_Types].xml"))
    if any(MACRO_TYPES.search(content_type) for content_type in types) or _has_macros(names):
        raise Macros
    kinds = {OOXML_MAIN[content_type] for content_type in types if content_type in OOXML_MAIN}
    if len(kinds) != 1 or "_rels/.rels" not in names:
        raise Archive
    return kinds.pop()


def _odf_kind(package, first, names):
    if first.compress_type != zipfile.ZIP_STORED:
        raise Damaged(ODT)
    mimetype = _small_xml(package, "mimetype", ODT) if first.file_size < 100 else ""
    kind = ODF_MIMETYPES.get(mimetype)
    if kind is None or "META-INF/manifest.xml" not in names or "content.xml" not in names:
        raise Archive
    manifest = _small_xml(package, "META-INF/manifest.xml", kind)
    if "encryption-data" in manifest:
        raise Encrypted
    if _has_macros(names):
        raise Macros
    return kind


def _has_macros(names) -> bool:
    return any(MACRO_ENTRY.search(name) for name in names)


def _small_xml(package, name: str, kind=None) -> str:
    entry = package.getinfo(name)
    if entry.file_size > XML_MAX:
        raise Damaged(kind)
    try:
        with package.open(entry) as handle:
            text = handle.read(XML_MAX + 1).decode("utf-8-sig")
    except (*UNREADABLE, UnicodeDecodeError) as exc:
        raise Damaged(kind) from exc
    if DTD.search(text):
        raise UnsafeEntry
    return text


def _unpack_all(package, kind) -> None:
    """Unpack every entry in chunks, which checks each one's size and checksum."""
    for entry in package.infolist():
        try:
            with package.open(entry) as handle:
                while handle.read(MIB):
                    pass
        except UNREADABLE as exc:
            raise Damaged(kind) from exc
