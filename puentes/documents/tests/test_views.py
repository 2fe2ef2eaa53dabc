"""The documents pages as each person meets them: members list, share, download and delete;
the mentor is refused (403); anyone else, and any document of another partnership, is a
404. Downloads are attachments that no browser sniffs or renders."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from puentes.documents.checks.refusals import TooLarge
from puentes.documents.models import Document
from puentes.documents.storage import document_storage

from .samples import png, tiny_pdf


def url(name, partnership, document=None, language="sv"):
    kwargs = {"pk": partnership.pk}
    if document is not None:
        kwargs["document_pk"] = document.pk
    with translation.override(language):
        return reverse(f"documents:{name}", kwargs=kwargs)


def form(name="Informe año 2025.pdf", content=None, claimed="application/pdf", **fields):
    content = tiny_pdf("Informe", ["Informe"]) if content is None else content
    return {
        "file": SimpleUploadedFile(name, content, content_type=claimed),
        "title": "Informe anual",
        "description": "",
        "language": "es",
        **fields,
    }


@pytest.fixture
def document(partnership, swedish_member, share):
    return share(partnership, swedish_member, title="Minnesanteckningar")


@pytest.mark.parametrize("who", ["swedish_member", "latin_member", "member_person", "coordinator"])
def test_members_and_coordinators_see_the_list_with_each_documents_facts(
    who, partnership, document, sign_in, request
):
    client = sign_in(request.getfixturevalue(who))

    response = client.get(url("document_list", partnership))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Minnesanteckningar" in page and 'lang="es"' in page
    assert "Informe año 2025.pdf" in page
    assert "PDF" in page
    assert url("document_download", partnership, document) in page
    assert url("document_upload", partnership) in page


def test_the_list_offers_deletion_only_to_the_uploader_and_coordinators(
    partnership, document, swedish_member, latin_member, coordinator, sign_in
):
    delete = url("document_delete", partnership, document)

    def offered_to(user):
        return delete in sign_in(user).get(url("document_list", partnership)).content.decode()

    assert offered_to(swedish_member) and offered_to(coordinator)
    assert not offered_to(latin_member)


def test_an_empty_list_says_so(partnership, swedish_member, sign_in):
    page = sign_in(swedish_member).get(url("document_list", partnership)).content.decode()

    with translation.override("sv"):
        assert gettext("No documents are shared yet.") in page
    assert 'class="card"' not in page


@pytest.mark.parametrize("name", ["document_list", "document_upload", "document_download"])
def test_the_mentor_is_refused_every_documents_page(name, partnership, document, mentor, sign_in):
    client = sign_in(mentor)
    needs_document = name == "document_download"

    response = client.get(url(name, partnership, document if needs_document else None))

    assert response.status_code == 403


def test_the_mentor_is_refused_deletion_and_nothing_is_deleted(
    partnership, document, mentor, sign_in
):
    response = sign_in(mentor).post(url("document_delete", partnership, document))

    assert response.status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize(
    "name", ["document_list", "document_upload", "document_download", "document_delete"]
)
def test_a_member_of_another_municipality_gets_404(name, partnership, document, outsider, sign_in):
    needs_document = name in {"document_download", "document_delete"}

    response = sign_in(outsider).get(url(name, partnership, document if needs_document else None))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["document_download", "document_delete"])
def test_a_document_of_another_partnership_is_404_even_for_a_coordinator(
    name, partnership, other_partnership, coordinator, outsider, share, sign_in
):
    theirs = share(other_partnership, outsider)

    response = sign_in(coordinator).get(url(name, partnership, theirs))

    assert response.status_code == 404


def test_signing_in_comes_first(client, partnership, document):
    response = client.get(url("document_download", partnership, document))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_workspace_shows_documents_to_members_but_not_to_the_mentor(
    partnership, swedish_member, mentor, sign_in
):
    detail = reverse("partnerships:partnership_detail", kwargs={"pk": partnership.pk})
    documents = url("document_list", partnership)

    assert documents in sign_in(swedish_member).get(detail).content.decode()
    assert documents not in sign_in(mentor).get(detail).content.decode()


def test_a_member_shares_a_document_and_finds_it_in_the_list(partnership, latin_member, sign_in):
    client = sign_in(latin_member)

    response = client.post(url("document_upload", partnership, language="es"), form())

    assert response.status_code == 302
    assert response["Location"] == url("document_list", partnership, language="es")
    document = Document.objects.get()
    assert (document.original_name, document.uploaded_by) == ("Informe año 2025.pdf", latin_member)
    assert document.titles == {"es": "Informe anual"}
    page = client.get(response["Location"]).content.decode()
    assert "Informe anual" in page


def test_the_upload_form_works_without_javascript(partnership, swedish_member, sign_in):
    page = sign_in(swedish_member).get(url("document_upload", partnership)).content.decode()

    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page and 'name="file"' in page
    assert ".pdf" in page  # the accept list, also the hint
    assert re.search(r'value="sv"[^>]*checked', page)  # the page's language by default


def test_a_refused_file_shows_its_reason_on_the_file_field_and_keeps_the_rest(
    partnership, swedish_member, sign_in
):
    # The browser claims a PDF; the bytes are a web page.
    html = b"<!doctype html><script>alert(1)</script>"

    response = sign_in(swedish_member).post(
        url("document_upload", partnership), form(content=html, title="Mi informe")
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'class="error-summary"' in page and 'href="#id_file"' in page
    assert "SVG" in page  # the reason: web pages, SVG images and XML files…
    assert 'value="Mi informe"' in page
    assert not Document.objects.exists()


def test_an_image_named_pdf_is_refused_whatever_the_browser_claims(
    partnership, swedish_member, sign_in
):
    response = sign_in(swedish_member).post(
        url("document_upload", partnership), form(name="Informe.pdf", content=png())
    )

    assert response.status_code == 400
    assert "slutar på ”.pdf”" in response.content.decode()
    assert not Document.objects.exists()


def test_a_form_without_a_file_or_title_says_what_is_missing(partnership, swedish_member, sign_in):
    response = sign_in(swedish_member).post(
        url("document_upload", partnership), {"title": "", "language": "sv"}
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_file"' in page and 'href="#id_title"' in page


def test_a_file_over_the_limit_is_skipped_while_it_arrives_and_the_form_says_so(
    partnership, swedish_member, sign_in, settings
):
    settings.PUENTES_DOCUMENT_MAX_BYTES = 1000

    response = sign_in(swedish_member).post(
        url("document_upload", partnership),
        form(name="notas.txt", content=b"a" * 200_000, title="Notas largas"),
    )

    page = response.content.decode()
    assert response.status_code == 400
    with translation.override("sv"):
        assert escape(TooLarge(1000).message) in page
    assert 'value="Notas largas"' in page  # the other fields still arrived
    assert not Document.objects.exists()


def test_the_same_file_twice_names_the_document_that_has_it(
    partnership, document, latin_member, sign_in
):
    content = document_storage().open(document.file.name).read()

    response = sign_in(latin_member).post(
        url("document_upload", partnership), form(name="copia.pdf", content=content)
    )

    assert response.status_code == 400
    assert "Minnesanteckningar" in response.content.decode()


def test_the_upload_still_checks_the_csrf_token(partnership, swedish_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(swedish_member)

    without = client.post(url("document_upload", partnership), form())
    client.get(url("document_upload", partnership))
    token = client.cookies["csrftoken"].value
    with_token = client.post(
        url("document_upload", partnership), {**form(), "csrfmiddlewaretoken": token}
    )

    assert without.status_code == 403
    assert with_token.status_code == 302
    assert Document.objects.count() == 1


def test_a_download_is_an_attachment_with_its_type_and_safe_headers(
    partnership, latin_member, share, sign_in
):
    content = tiny_pdf("Informe", ["Informe año 2025"])
    document = share(partnership, latin_member, name="Informe año 2025.pdf", content=content)

    response = sign_in(latin_member).get(url("document_download", partnership, document))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Informe ano 2025.pdf"; '
        "filename*=UTF-8''Informe%20a%C3%B1o%202025.pdf"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["Content-Length"] == str(len(content))


def test_a_text_file_is_served_as_utf8_text(partnership, swedish_member, share, sign_in):
    document = share(partnership, swedish_member, name="notas.txt", content="año\n".encode())

    response = sign_in(swedish_member).get(url("document_download", partnership, document))

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="notas.txt"')


def test_a_document_whose_file_is_missing_is_404(partnership, document, swedish_member, sign_in):
    document_storage().delete(document.file.name)

    response = sign_in(swedish_member).get(url("document_download", partnership, document))

    assert response.status_code == 404


def test_the_uploader_confirms_and_deletes(
    partnership, document, swedish_member, sign_in, django_capture_on_commit_callbacks
):
    client = sign_in(swedish_member)
    confirm = client.get(url("document_delete", partnership, document))
    assert confirm.status_code == 200
    assert "Minnesanteckningar" in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("document_delete", partnership, document))

    assert response.status_code == 302
    assert not Document.objects.exists()
    assert not document_storage().exists(document.file.name)


def test_another_member_may_not_delete(partnership, document, latin_member, sign_in):
    client = sign_in(latin_member)

    assert client.get(url("document_delete", partnership, document)).status_code == 403
    assert client.post(url("document_delete", partnership, document)).status_code == 403
    assert Document.objects.filter(pk=document.pk).exists()


@pytest.mark.parametrize("size", [2, 12])
def test_the_list_runs_the_same_queries_whatever_its_length(
    size, partnership, swedish_member, latin_member, share, sign_in, django_assert_num_queries
):
    client = sign_in(swedish_member)
    for n in range(size):
        uploader = swedish_member if n % 2 else latin_member
        share(partnership, uploader, content=tiny_pdf(f"Informe {n}", [str(n)]), title=f"Doc {n}")
    path = url("document_list", partnership)
    client.get(path)  # warm what is not the list's (session, language)

    with django_assert_num_queries(LIST_QUERIES):
        page = client.get(path).content.decode()

    assert page.count('class="card"') == size


# Session, user, person-less checks: partnership, may see (one), coordinator (TOTP), the list.
LIST_QUERIES = 6
