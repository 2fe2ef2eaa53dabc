"""PDF: the header at the very first byte and the end-of-file mark at the end, and none of
the keys that make a PDF run something: JavaScript, launch actions, attached files, rich
media.

PDF readers accept a header anywhere in the first kilobyte, which is how a file is made that
is a web page to a browser and a PDF to a reader; here the header must come first. Keys are
read outside streams, with #xx escapes decoded ("/J#61vaScript" is "/JavaScript"). Keys inside
compressed object streams are not seen: the file is still only ever served as a download.
"""

import re

from .kinds import PDF
from .refusals import ActivePdf, Damaged, Disguised

HEADER = re.compile(rb"%PDF-[12]\.\d")
# Readers look for the header this far in; so does the check for something put before it.
HEADER_WINDOW = 1024
END_WINDOW = 2048
STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)
NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
ACTIVE_KEYS = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"GoToE",
}


def looks_like_pdf(content: bytes) -> bool:
    return b"%PDF-" in content[:HEADER_WINDOW]


def check_pdf(content: bytes) -> None:
    if not HEADER.match(content):
        raise Disguised(PDF) if looks_like_pdf(content) else Damaged(PDF)
    if b"%%EOF" not in content[-END_WINDOW:]:
        raise Damaged(PDF)
    outside_streams = STREAM.sub(b" ", content)
    for match in NAME.finditer(outside_streams):
        name = ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))
        if name in ACTIVE_KEYS:
            raise ActivePdf
