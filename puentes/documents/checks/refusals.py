"""Why a file is refused: one exception class per reason, each with a message for the person
who chose the file, in their language."""

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


class FileRefused(Exception):
    """The file cannot be shared; `message` says why, translated."""

    message = _("This file cannot be uploaded.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class EmptyFile(FileRefused):
    message = _("The file is empty.")


class TooLarge(FileRefused):
    def __init__(self, max_bytes: int):
        super().__init__(
            _("The file is larger than %(max)s. Make it smaller or split it into parts.")
            % {"max": filesizeformat(max_bytes)}
        )


class BadName(FileRefused):
    """The name has no text, folder parts, control or invisible characters."""


class WrongEnding(FileRefused):
    """The name's ending does not match the content (an image called .pdf, a program .txt)."""

    def __init__(self, kind, ending: str):
        expected = " / ".join(kind.endings)
        if ending:
            message = _(
                "The file's name ends in “%(ending)s”, but its content is of the type “%(kind)s”. "
                "Rename it to end in %(expected)s and choose it again."
            ) % {"ending": ending, "kind": kind.label, "expected": expected}
        else:
            message = _(
                "The file's name has no ending; its content is of the type “%(kind)s”. "
                "Rename it to end in %(expected)s and choose it again."
            ) % {"kind": kind.label, "expected": expected}
        super().__init__(message)


class UnknownType(FileRefused):
    message = _(
        "This type of file is not accepted. Upload a PDF, a PNG or JPEG image, an office "
        "document (DOCX, XLSX, PPTX, ODT, ODS), or plain text or CSV saved as UTF-8."
    )


class Program(FileRefused):
    message = _("Programs and scripts cannot be uploaded.")


class Markup(FileRefused):
    message = _(
        "Web pages, SVG images and XML files cannot be uploaded, as a browser may run code "
        "in them. Save the content as a PDF instead."
    )


class NotUtf8(FileRefused):
    message = _(
        "Text and CSV files must be saved as UTF-8. In your program choose “Save as” and the "
        "encoding UTF-8 (in Excel: “CSV UTF-8”)."
    )


class ControlCharacters(FileRefused):
    message = _("The text contains control characters that do not belong in a text file.")


class Damaged(FileRefused):
    message = _(
        "The file is damaged or incomplete. Save it again from its program and upload the new copy."
    )

    def __init__(self, kind=None):
        if kind is None:
            super().__init__()
            return
        super().__init__(
            _(
                "The file is damaged or incomplete (%(kind)s). Save it again from its "
                "program and upload the new copy."
            )
            % {"kind": kind.label}
        )


class Disguised(FileRefused):
    """Something is put before or after the real content: a file that is two things at once."""

    def __init__(self, kind):
        super().__init__(
            _(
                "Something is hidden before or after the content of this file (%(kind)s). "
                "Save it again from its program and upload the new copy."
            )
            % {"kind": kind.label}
        )


class ActivePdf(FileRefused):
    message = _(
        "The PDF contains scripts, attached files or actions that start programs, which are "
        "not accepted. Print it to a new PDF and upload that."
    )


class Encrypted(FileRefused):
    message = _(
        "The file is protected with a password or encrypted. Upload a copy without protection."
    )


class Bomb(FileRefused):
    message = _("The file unpacks to far more data than its size, so it cannot be checked safely.")


class Macros(FileRefused):
    message = _(
        "The document contains macros or ActiveX controls, which are not accepted. Save it as "
        "a document without macros (for example .docx instead of .docm) and upload that."
    )


class UnsafeEntry(FileRefused):
    message = _(
        "The document contains a part with an unsafe name (a folder path, a link or a "
        "repeated name). Save it again from its program and upload the new copy."
    )


class Archive(FileRefused):
    message = _(
        "This is a compressed archive (ZIP), not a document. Unpack it and upload the "
        "documents in it one by one."
    )


class ImageTooLarge(FileRefused):
    def __init__(self, max_pixels: int):
        super().__init__(
            _("The image is too large: at most %(max)s million pixels are accepted.")
            % {"max": max_pixels // 1_000_000}
        )


class CsvFormula(FileRefused):
    def __init__(self, row: int):
        super().__init__(
            _(
                "Row %(row)s of the CSV file has a cell that begins with “=”, “+”, “-” or "
                "“@”, which spreadsheet programs may run as a formula. Put an apostrophe (') "
                "before it, or remove it."
            )
            % {"row": row}
        )


class CsvUnreadable(FileRefused):
    message = _("The CSV file cannot be read: a quotation mark is probably not closed.")
