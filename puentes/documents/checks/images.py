"""PNG and JPEG, walked chunk by chunk and segment by segment from the first byte to the
last: a damaged image, one with something appended (a ZIP or a web page after the image's
end) and one too large to open are refused."""

import struct
import zlib

from .kinds import JPEG, PNG
from .refusals import Damaged, Disguised, ImageTooLarge

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_START = b"\xff\xd8\xff"
# An image this large in pixels takes gigabytes to open: a "decompression bomb".
MAX_PIXELS = 100_000_000


def check_png(content: bytes) -> None:
    position, seen_data, size = len(PNG_SIGNATURE), False, None
    while True:
        if position + 12 > len(content):
            raise Damaged(PNG)
        length, chunk_type = struct.unpack(">I4s", content[position : position + 8])
        end = position + 12 + length
        if length > 2**31 - 1 or not chunk_type.isalpha() or end > len(content):
            raise Damaged(PNG)
        data = content[position + 8 : end - 4]
        (crc,) = struct.unpack(">I", content[end - 4 : end])
        if zlib.crc32(chunk_type + data) != crc:
            raise Damaged(PNG)
        if size is None:
            size = _png_size(chunk_type, data)
        seen_data = seen_data or chunk_type == b"IDAT"
        position = end
        if chunk_type == b"IEND":
            break
    if not seen_data:
        raise Damaged(PNG)
    if position != len(content):
        raise Disguised(PNG)
    _check_pixels(PNG, *size)


def _png_size(chunk_type: bytes, data: bytes) -> tuple[int, int]:
    if chunk_type != b"IHDR" or len(data) != 13:
        raise Damaged(PNG)
    return struct.unpack(">II", data[:8])


# Markers without a length: TEM and the restart markers RST0–RST7.
STANDALONE = {0x01, *range(0xD0, 0xD8)}
# Start-of-frame markers carry the image's size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
START_OF_FRAME = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
START_OF_SCAN, END_OF_IMAGE = 0xDA, 0xD9


def check_jpeg(content: bytes) -> None:
    position, size, scanned = 2, None, False
    while True:
        marker, position = _next_marker(content, position)
        if marker == END_OF_IMAGE:
            break
        if marker in STANDALONE:
            continue
        if position + 2 > len(content):
            raise Damaged(JPEG)
        (length,) = struct.unpack(">H", content[position : position + 2])
        if length < 2 or position + length > len(content):
            raise Damaged(JPEG)
        if marker in START_OF_FRAME:
            size = _jpeg_size(content[position + 2 : position + length])
        position += length
        if marker == START_OF_SCAN:
            if size is None:
                raise Damaged(JPEG)
            scanned = True
            position = _end_of_scan(content, position)
    if not scanned:
        raise Damaged(JPEG)
    # Some cameras pad the file with zeros; anything else after the end is another file.
    if content[position:].strip(b"\x00"):
        raise Disguised(JPEG)
    _check_pixels(JPEG, *size)


def _next_marker(content: bytes, position: int) -> tuple[int, int]:
    if position >= len(content) or content[position] != 0xFF:
        raise Damaged(JPEG)
    while position < len(content) and content[position] == 0xFF:
        position += 1  # fill bytes
    if position >= len(content):
        raise Damaged(JPEG)
    return content[position], position + 1


def _jpeg_size(frame: bytes) -> tuple[int, int]:
    if len(frame) < 5:
        raise Damaged(JPEG)
    height, width = struct.unpack(">HH", frame[1:5])
    return width, height


def _end_of_scan(content: bytes, position: int) -> int:
    """The position of the marker that ends the entropy-coded data after a scan header:
    0xFF followed by anything but a stuffed zero or a restart marker."""
    while True:
        position = content.find(b"\xff", position)
        if position < 0 or position + 1 >= len(content):
            raise Damaged(JPEG)
        following = content[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1 if following == 0xFF else 2
            continue
        return position


def _check_pixels(kind, width: int, height: int) -> None:
    if width == 0 or height == 0:
        raise Damaged(kind)
    if width * height > MAX_PIXELS:
        raise ImageTooLarge(MAX_PIXELS)
