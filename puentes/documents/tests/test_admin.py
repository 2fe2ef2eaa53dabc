"""Documents in the admin: coordinators read them, without a query per row, and see neither
the stored file's name nor any link to it; nothing is added, changed or deleted there."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .samples import tiny_pdf


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator, backend="allauth.account.auth_backends.AuthenticationBackend")
    return client


def test_a_coordinator_reads_a_document_without_its_file_or_a_link_to_it(
    coordinator_client, partnership, swedish_member, share
):
    document = share(partnership, swedish_member, title="Minnesanteckningar")

    page = coordinator_client.get(
        reverse("admin:documents_document_change", args=[document.pk])
    ).content.decode()

    assert "Informe año 2025.pdf" in page and document.sha256 in page
    assert document.file.name not in page
    assert "/media/" not in page and "download" not in page.lower()
    assert 'name="titles"' not in page  # read only: no inputs


def test_nothing_is_added_or_deleted_in_the_admin(
    coordinator_client, partnership, swedish_member, share
):
    document = share(partnership, swedish_member)

    add = coordinator_client.get(reverse("admin:documents_document_add"))
    delete = coordinator_client.post(
        reverse("admin:documents_document_delete", args=[document.pk]), {"post": "yes"}
    )

    assert add.status_code == delete.status_code == 403
    assert partnership.documents.filter(pk=document.pk).exists()


def test_the_changelist_runs_the_same_queries_for_2_and_12_documents(
    coordinator_client, partnership, swedish_member, share
):
    url = reverse("admin:documents_document_changelist")
    for n in range(2):
        share(partnership, swedish_member, content=tiny_pdf(str(n), [str(n)]), title=f"D{n}")
    coordinator_client.get(url)
    with CaptureQueriesContext(connection) as few:
        coordinator_client.get(url)
    for n in range(2, 12):
        share(partnership, swedish_member, content=tiny_pdf(str(n), [str(n)]), title=f"D{n}")
    with CaptureQueriesContext(connection) as many:
        response = coordinator_client.get(url)

    assert response.status_code == 200
    assert len(many) == len(few)
