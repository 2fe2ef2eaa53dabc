"""Sharing and deleting documents: who may, what is stored (and where, under which name),
the audit entry in the partnership's timeline, and nothing left behind when a step fails."""

import os

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from puentes.core.audit import describe, entries_for
from puentes.documents import activity
from puentes.documents.checks import refusals
from puentes.documents.models import Document
from puentes.documents.services import (
    AlreadyShared,
    InvalidText,
    NotAllowed,
    document_delete,
    document_upload,
)
from puentes.documents.storage import document_storage

from .samples import png, tiny_pdf


def stored_files():
    root = document_storage().location
    if not os.path.isdir(root):
        return []
    return sorted(os.listdir(root))


def upload(partnership, by, name="Informe año 2025.pdf", content=None, **texts):
    return document_upload(
        partnership=partnership,
        uploaded_file=ContentFile(content or tiny_pdf("Informe", ["Informe"]), name=name),
        title=texts.get("title", "Informe anual"),
        description=texts.get("description", ""),
        language=texts.get("language", "es"),
        by=by,
        now=timezone.now(),
    )


def test_a_member_shares_a_file_stored_under_a_random_name_in_media_root(
    partnership, latin_member, settings
):
    content = tiny_pdf("Informe", ["Informe año 2025"])

    document = upload(partnership, latin_member, content=content, description="Para ambos.")

    assert document.original_name == "Informe año 2025.pdf"
    assert document.content_type == "application/pdf"
    assert document.size == len(content)
    assert len(document.sha256) == 64
    assert document.titles == {"es": "Informe anual"}
    assert document.descriptions == {"es": "Para ambos."}
    assert document.uploaded_by == latin_member
    # Stored under a fresh random name inside MEDIA_ROOT/documents, nothing of "Informe" in it.
    assert stored_files() == [document.file.name]
    assert "Informe" not in document.file.name and len(document.file.name) >= 40
    path = document_storage().path(document.file.name)
    assert path.startswith(str(settings.MEDIA_ROOT))
    with open(path, "rb") as stored:
        assert stored.read() == content


def test_a_shared_file_has_no_url(partnership, swedish_member):
    document = upload(partnership, swedish_member)

    with pytest.raises(ValueError):
        document.file.url  # noqa: B018


def test_sharing_records_who_shared_what_in_the_partnerships_timeline(partnership, swedish_member):
    document = upload(partnership, swedish_member, title="Minnesanteckningar")

    entry = entries_for(partnership).get()
    assert entry.action == activity.UPLOADED
    assert entry.actor == swedish_member
    assert entry.target_id == str(document.pk)
    assert entry.data == {"title": "Minnesanteckningar", "name": "Informe año 2025.pdf"}
    assert "Minnesanteckningar" in describe(entry).sentence


def test_a_member_person_and_a_coordinator_may_share_too(partnership, member_person, coordinator):
    upload(partnership, member_person, content=tiny_pdf("a", ["a"]))
    upload(partnership, coordinator, content=tiny_pdf("b", ["b"]))

    assert partnership.documents.count() == 2


@pytest.mark.parametrize("who", ["mentor", "outsider"])
def test_the_mentor_and_outsiders_may_not_share(who, partnership, request):
    user = request.getfixturevalue(who)

    with pytest.raises(NotAllowed):
        upload(partnership, user)

    assert not Document.objects.exists()
    assert stored_files() == []


def test_a_refused_file_leaves_no_row_no_file_and_no_audit_entry(partnership, swedish_member):
    with pytest.raises(refusals.WrongEnding):
        upload(partnership, swedish_member, name="Informe.pdf", content=png())

    assert not Document.objects.exists()
    assert stored_files() == []
    assert not entries_for(partnership).exists()


def test_the_same_file_twice_is_refused_by_the_database_and_its_copy_removed(
    partnership, swedish_member, latin_member
):
    # Given a member shared a file
    content = tiny_pdf("Informe", ["Informe"])
    first = upload(partnership, swedish_member, content=content, title="Informe")

    # When another member shares the same bytes under another name
    with pytest.raises(AlreadyShared) as refused:
        upload(partnership, latin_member, name="copia.pdf", content=content, title="Copia")

    # Then the unique constraint refused it, its file was removed, and the message names it
    assert refused.value.existing == first
    assert "Informe" in str(refused.value.message)
    assert stored_files() == [first.file.name]
    assert Document.objects.count() == 1
    assert entries_for(partnership).count() == 1


def test_the_same_file_may_be_shared_in_two_partnerships(
    partnership, other_partnership, swedish_member, outsider
):
    content = tiny_pdf("Informe", ["Informe"])

    upload(partnership, swedish_member, content=content)
    upload(other_partnership, outsider, content=content)

    assert len(stored_files()) == 2


def test_any_error_after_the_file_is_written_removes_it(partnership, swedish_member, monkeypatch):
    # The duplicate test above is the real failure; this one injects an unexpected error in
    # the transaction's last step (the audit entry), after the file and the row are written.
    def audit_fails(**kwargs):
        assert len(stored_files()) == 1 and Document.objects.count() == 1
        raise ConnectionError("the database went away")

    monkeypatch.setattr("puentes.documents.services.audit_record", audit_fails)

    with pytest.raises(ConnectionError):
        upload(partnership, swedish_member)

    assert stored_files() == []
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("texts", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"description": "x" * 2001}, "description"),
        ({"language": "de"}, "language"),
    ],
)
def test_a_missing_or_too_long_text_is_refused_before_anything_is_stored(
    texts, field, partnership, swedish_member
):
    with pytest.raises(InvalidText) as refused:
        upload(partnership, swedish_member, **texts)

    assert refused.value.field == field
    assert stored_files() == []


def test_the_uploader_deletes_and_the_file_goes_after_commit(
    partnership, swedish_member, django_capture_on_commit_callbacks
):
    document = upload(partnership, swedish_member, title="Borrador")
    name = document.file.name

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        document_delete(document=document, by=swedish_member, now=timezone.now())

    # The row is gone at once; the file stays until the transaction commits.
    assert not Document.objects.exists()
    assert stored_files() == [name]
    for callback in callbacks:
        callback()
    assert stored_files() == []
    deleted = entries_for(partnership).filter(action=activity.DELETED).get()
    assert deleted.data["title"] == "Borrador"
    assert deleted.actor == swedish_member


def test_a_coordinator_deletes_anyones_document(
    partnership, swedish_member, coordinator, django_capture_on_commit_callbacks
):
    document = upload(partnership, swedish_member)

    with django_capture_on_commit_callbacks(execute=True):
        document_delete(document=document, by=coordinator, now=timezone.now())

    assert not Document.objects.exists()
    assert stored_files() == []


@pytest.mark.parametrize("who", ["latin_member", "mentor", "outsider"])
def test_other_members_the_mentor_and_outsiders_may_not_delete(
    who, partnership, swedish_member, request
):
    document = upload(partnership, swedish_member)
    user = request.getfixturevalue(who)

    with pytest.raises(NotAllowed):
        document_delete(document=document, by=user, now=timezone.now())

    assert Document.objects.filter(pk=document.pk).exists()
    assert stored_files() == [document.file.name]


def test_an_uploader_who_left_the_partnership_may_no_longer_delete(partnership, member_person):
    document = upload(partnership, member_person)
    partnership.members.filter(person__user=member_person).delete()

    with pytest.raises(NotAllowed):
        document_delete(document=document, by=member_person, now=timezone.now())


def test_deleting_a_document_already_deleted_does_nothing_more(
    partnership, swedish_member, django_capture_on_commit_callbacks
):
    document = upload(partnership, swedish_member)
    stale = Document.objects.get(pk=document.pk)
    with django_capture_on_commit_callbacks(execute=True):
        document_delete(document=document, by=swedish_member, now=timezone.now())

    document_delete(document=stale, by=swedish_member, now=timezone.now())

    assert entries_for(partnership).filter(action=activity.DELETED).count() == 1


def test_the_size_limit_comes_from_the_setting(partnership, swedish_member, settings):
    settings.PUENTES_DOCUMENT_MAX_BYTES = 100

    with pytest.raises(refusals.TooLarge):
        upload(partnership, swedish_member)

    assert stored_files() == []
