"""Where documents' files are kept: MEDIA_ROOT/documents, under names nobody can guess, and
never given a URL. Only the download view serves them, to those who may see them; the web
server must not serve MEDIA_ROOT (see docs/documents.md)."""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class DocumentStorage(FileSystemStorage):
    """FileSystemStorage under MEDIA_ROOT/documents, following MEDIA_ROOT when it changes
    (tests), readable by the owner and group only, and without URLs."""

    def __init__(self):
        super().__init__(file_permissions_mode=0o640, directory_permissions_mode=0o750)

    @cached_property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "documents")

    def url(self, name):
        raise ValueError("Documents have no URL: documents:document_download serves them.")


_storage = DocumentStorage()


def document_storage() -> DocumentStorage:
    """The storage of documents (a callable, so migrations name this function, not a path)."""
    return _storage


def unguessable_name(instance=None, filename=None) -> str:
    """A fresh random name (256 bits), with no trace of the uploader's file name."""
    return secrets.token_urlsafe(32)
