"""Sharing and deleting a partnership's documents.

An upload is checked by its content first (checks.check_upload); the file is then written
under a random name and the row and its audit entry saved in one transaction. If that
transaction fails, the file just written is removed, so nothing is left half-saved; the
database's unique constraint, not a prior look-up, decides that the same file is not shared
twice. A deletion removes the file only once the transaction has committed.
"""

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.core.i18n import LANGUAGE_CODES

from . import activity, checks, selectors
from .models import Document
from .storage import document_storage, unguessable_name

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TITLE_MAX = 200
DESCRIPTION_MAX = 2000


class DocumentError(Exception):
    """A rule of documents refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotAllowed(DocumentError):
    message = _("You may not change this partnership's documents.")


class InvalidText(DocumentError):
    """A title or description that is missing or too long; `field` names it."""

    def __init__(self, field: str, message):
        self.field = field
        super().__init__(message)


class AlreadyShared(DocumentError):
    """The partnership already has a document with exactly this content."""

    def __init__(self, existing: Document | None):
        self.existing = existing
        title = existing.title if existing is not None else ""
        super().__init__(
            _("This file is already among the partnership's documents, as “%(title)s”.")
            % {"title": title}
        )


def max_upload_bytes() -> int:
    return getattr(settings, "PUENTES_DOCUMENT_MAX_BYTES", DEFAULT_MAX_BYTES)


def content_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def document_upload(
    *, partnership, uploaded_file, title, description="", language=None, by, now
) -> Document:
    """Share `uploaded_file` (anything with `.name` and `.chunks()`) in the partnership.

    `title` and `description` are kept in `language` (the active one by default). Raises
    NotAllowed, InvalidText, checks.FileRefused (with the reason) or AlreadyShared.
    """
    if not selectors.may_see_documents(by, partnership):
        raise NotAllowed
    language = _language(language)
    titles, descriptions = _texts(title, description, language)
    checked = checks.check_upload(
        name=uploaded_file.name, chunks=uploaded_file.chunks(), max_bytes=max_upload_bytes()
    )
    storage = document_storage()
    stored = storage.save(unguessable_name(), ContentFile(checked.content))
    try:
        with transaction.atomic():
            document = Document.objects.create(
                partnership=partnership,
                titles=titles,
                descriptions=descriptions,
                file=stored,
                original_name=checked.name,
                content_type=checked.kind.content_type,
                size=checked.size,
                sha256=checked.sha256,
                uploaded_by=by,
                uploaded_at=now,
            )
            audit_record(
                actor=by,
                action=activity.UPLOADED,
                target=document,
                scope=partnership,
                data={"title": title.strip(), "name": checked.name},
                at=now,
            )
    except IntegrityError as exc:
        storage.delete(stored)
        existing = Document.objects.filter(partnership=partnership, sha256=checked.sha256)
        raise AlreadyShared(existing.first()) from exc
    except BaseException:
        storage.delete(stored)
        raise
    return document


@transaction.atomic
def document_delete(*, document: Document, by, now) -> None:
    """Delete the document (its uploader or a coordinator may); the file goes after commit."""
    partnership = document.partnership
    sees = selectors.may_see_documents(by, partnership)
    if not selectors.may_delete_document(by, document, sees_documents=sees):
        raise NotAllowed
    locked = Document.objects.select_for_update().filter(pk=document.pk).first()
    if locked is None:
        return  # deleted meanwhile by someone else: what was asked for is done
    audit_record(
        actor=by,
        action=activity.DELETED,
        target=locked,
        scope=partnership,
        data={"title": locked.title, "name": locked.original_name},
        at=now,
    )
    name = locked.file.name
    locked.delete()
    storage = document_storage()
    transaction.on_commit(lambda: storage.delete(name))


def _language(language) -> str:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    if language not in LANGUAGE_CODES:
        raise InvalidText("language", _("Choose a language from the list."))
    return language


def _texts(title, description, language) -> tuple[dict, dict]:
    title = (title or "").strip()
    description = (description or "").strip()
    if not title:
        raise InvalidText("title", _("Give the document a title."))
    if len(title) > TITLE_MAX:
        raise InvalidText(
            "title", _("A title can be at most %(max)s characters long.") % {"max": TITLE_MAX}
        )
    if len(description) > DESCRIPTION_MAX:
        raise InvalidText(
            "description",
            _("A description can be at most %(max)s characters long.") % {"max": DESCRIPTION_MAX},
        )
    return {language: title}, ({language: description} if description else {})
