"""The kinds of file a partnership may share: what each is called, its content type and the
name endings that go with it."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    code: str
    content_type: str
    label: str  # lazily translated, e.g. "PDF document"
    endings: tuple[str, ...]  # lower case, with the dot; the first is the usual one


PDF = Kind("pdf", "application/pdf", _("PDF document"), (".pdf",))
PNG = Kind("png", "image/png", _("PNG image"), (".png",))
JPEG = Kind("jpeg", "image/jpeg", _("JPEG image"), (".jpg", ".jpeg"))
DOCX = Kind(
    "docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    _("Word document (DOCX)"),
    (".docx",),
)
XLSX = Kind(
    "xlsx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    _("Excel spreadsheet (XLSX)"),
    (".xlsx",),
)
PPTX = Kind(
    "pptx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    _("PowerPoint presentation (PPTX)"),
    (".pptx",),
)
ODT = Kind(
    "odt", "application/vnd.oasis.opendocument.text", _("OpenDocument text (ODT)"), (".odt",)
)
ODS = Kind(
    "ods",
    "application/vnd.oasis.opendocument.spreadsheet",
    _("OpenDocument spreadsheet (ODS)"),
    (".ods",),
)
TEXT = Kind("txt", "text/plain; charset=utf-8", _("text file"), (".txt",))
CSV = Kind("csv", "text/csv; charset=utf-8", _("CSV file"), (".csv",))

KINDS = (PDF, PNG, JPEG, DOCX, XLSX, PPTX, ODT, ODS, TEXT, CSV)
BY_CONTENT_TYPE = {kind.content_type: kind for kind in KINDS}
# Plain text is one kind of content; its name's ending says whether it is a table (CSV).
TEXT_KINDS = (TEXT, CSV)
ACCEPTED_ENDINGS = tuple(ending for kind in KINDS for ending in kind.endings)
