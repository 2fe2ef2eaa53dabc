"""Files built byte by byte for the tests: one good file of every accepted kind, and the
pieces hostile ones are made of. Nothing is read from disk, so every test says what its
file is."""

import io
import struct
import warnings
import zipfile
import zlib

from puentes.documents.demo import tiny_pdf

__all__ = ["tiny_pdf"]


def png(width=2, height=2, chunks=()) -> bytes:
    """A valid PNG, grey, with extra `chunks` ((type, data) pairs) before the image data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(min(height, 4)))
    body = [png_chunk(b"IHDR", header)]
    body += [png_chunk(kind, data) for kind, data in chunks]
    body += [png_chunk(b"IDAT", zlib.compress(rows)), png_chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(body)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


# The standard luminance Huffman tables of the JPEG specification (Annex K.3).
DC_BITS = bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0])
DC_VALUES = bytes(range(12))
AC_BITS = bytes([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7D])
AC_VALUES = bytes.fromhex(
    "01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a"
    "25262728292a3435363738393a434445464748494a535455565758595a636465666768696a73747576777879"
    "7a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9"
    "cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa"
)


def jpeg(width=8, height=8) -> bytes:
    """A valid baseline greyscale JPEG of one flat grey 8×8 block per block (width and height
    up to 8 make one block: DC difference 0, then end of block)."""
    segment = _jpeg_segment
    quantisation = segment(0xDB, b"\x00" + bytes([1] * 64))
    frame = segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    huffman = segment(0xC4, b"\x00" + DC_BITS + DC_VALUES) + segment(
        0xC4, b"\x10" + AC_BITS + AC_VALUES
    )
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    # DC category 0 is the code 00, end of block is 1010; pad with ones: 0010 1011.
    return b"\xff\xd8" + quantisation + frame + huffman + scan + b"\x2b" + b"\xff\xd9"


def _jpeg_segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


OOXML_MAIN = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}


def ooxml(kind="docx", main_type=None, extra=(), content_types_extra="") -> bytes:
    """A minimal OOXML package of `kind`; `extra` adds (name, bytes) entries."""
    part, suffix = OOXML_MAIN[kind]
    main_type = main_type or f"application/vnd.openxmlformats-officedocument.{suffix}"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type}"/>'
        f"{content_types_extra}</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{part}"/></Relationships>'
    )
    body = '<?xml version="1.0" encoding="UTF-8"?><document>Informe año 2025</document>'
    entries = [("[Content_Types].xml", content_types), ("_rels/.rels", rels), (part, body)]
    return zip_of([*entries, *extra])


def xlsx_from_openpyxl() -> bytes:
    """A real workbook, as openpyxl (already a dependency) writes it."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Municipio", "Participantes"])
    sheet.append(["Totonicapán", 24])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def odf(kind="odt", mimetype=None, extra=(), manifest_extra="", mimetype_first=True) -> bytes:
    mimetype = (
        mimetype
        or {
            "odt": "application/vnd.oasis.opendocument.text",
            "ods": "application/vnd.oasis.opendocument.spreadsheet",
        }[kind]
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3"><manifest:file-entry manifest:full-path="/" '
        f'manifest:media-type="{mimetype}"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml">'
        f"{manifest_extra}</manifest:file-entry></manifest:manifest>"
    )
    content = '<?xml version="1.0" encoding="UTF-8"?><office:document-content/>'
    mimetype_entry = ("mimetype", mimetype, zipfile.ZIP_STORED)
    entries = [("META-INF/manifest.xml", manifest), ("content.xml", content), *extra]
    if mimetype_first:
        return zip_of([mimetype_entry, *entries])
    return zip_of([*entries, mimetype_entry])


def zip_of(entries) -> bytes:
    """A ZIP of (name, text or bytes[, compression]) entries, deflated by default."""
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as package:
        # A repeated name is what some hostile packages are made of.
        warnings.simplefilter("ignore", UserWarning)
        for name, data, *compression in entries:
            method = compression[0] if compression else zipfile.ZIP_DEFLATED
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = method
            if isinstance(data, tuple):  # (bytes, unix mode): a link, say
                data, mode = data
                info.external_attr = mode << 16
            package.writestr(info, data.encode() if isinstance(data, str) else data)
    return buffer.getvalue()


def with_zip_flag(package: bytes, flag: int) -> bytes:
    """The package with `flag` set in the general-purpose flags of every local and central
    header, as an encrypting ZIP program leaves it (zipfile cannot write encrypted entries)."""
    data = bytearray(package)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        while position >= 0:
            (flags,) = struct.unpack_from("<H", data, position + offset)
            struct.pack_into("<H", data, position + offset, flags | flag)
            position = data.find(signature, position + 4)
    return bytes(data)


def with_stated_size(package: bytes, size: int) -> bytes:
    """The package with every central-directory entry claiming to unpack to `size` bytes."""
    data = bytearray(package)
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        struct.pack_into("<I", data, position + 24, size)
        position = data.find(b"PK\x01\x02", position + 4)
    return bytes(data)
