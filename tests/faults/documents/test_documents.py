"""Documents: sharing a file (a stored file and two rows) and deleting one keep all or nothing."""

import datetime

from django.core.files.base import ContentFile

from puentes.core.testing.faults import assert_all_or_nothing
from puentes.documents.models import Document
from puentes.documents.services import document_delete, document_upload
from puentes.documents.storage import document_storage
from puentes.documents.tests.samples import tiny_pdf

NOW = datetime.datetime(2025, 5, 5, 9, 0, tzinfo=datetime.UTC)


def stored_files() -> set[str]:
    storage = document_storage()
    if not storage.exists(""):
        return set()
    return set(storage.listdir("")[1])


def test_sharing_a_document_keeps_no_row_and_no_file_when_any_write_fails(
    partnership, swedish_member
):
    content = tiny_pdf("Informe", ["Informe"])

    # when a PDF is shared (file, document, entry) and the row or the entry is refused
    def run():
        document_upload(
            partnership=partnership,
            uploaded_file=ContentFile(content, name="Informe 2025.pdf"),
            title="Informe",
            language="es",
            by=swedish_member,
            now=NOW,
        )

    # then neither rows nor the stored file are left
    assert_all_or_nothing(run, outside=stored_files)
    document = Document.objects.get()
    assert document.file.name in stored_files()


def test_deleting_a_document_keeps_it_and_its_file_when_any_write_fails(
    partnership, swedish_member, share
):
    # given a shared document
    shared = share(partnership, swedish_member)

    # when its uploader deletes it (entry, row; the file goes after commit)
    def run():
        document_delete(document=Document.objects.get(pk=shared.pk), by=swedish_member, now=NOW)

    # then a refused write keeps the row and the file (which would only go after a commit)
    assert_all_or_nothing(run, outside=stored_files)
    assert not Document.objects.exists()
