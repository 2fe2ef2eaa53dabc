"""The headers a download is served with: always an attachment, never sniffed, never
rendered as a page, cached by nobody but the person's own browser."""

import unicodedata
from urllib.parse import quote

ASCII_SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .-_()[]+,")


def attachment_headers(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": content_disposition(filename),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private",
        # Should a browser show the file anyway, it may run nothing and fetch nothing.
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }


def content_disposition(filename: str) -> str:
    """RFC 6266: an ASCII fallback for old clients, then the exact UTF-8 name (RFC 5987),
    e.g. attachment; filename="Informe ano 2025.pdf"; filename*=UTF-8''Informe%20a%C3%B1o..."""
    return (
        f'attachment; filename="{ascii_fallback(filename)}"; '
        f"filename*=UTF-8''{quote(filename, safe='')}"
    )


def ascii_fallback(filename: str) -> str:
    """The name with accents dropped and anything else outside a small safe set replaced,
    so it needs no escaping inside quotes."""
    decomposed = unicodedata.normalize("NFKD", filename)
    without_marks = "".join(char for char in decomposed if not unicodedata.combining(char))
    return "".join(char if char in ASCII_SAFE else "_" for char in without_marks) or "document"
