"""A partnership's documents: the list, the upload form, the download and the deletion.

Who sees a partnership is decided by partnerships.selectors.partnership_for (404 for
everyone else); who sees its documents by selectors.may_see_documents (403 for a mentor,
who knows the partnership exists). A document id of another partnership is a 404.
"""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from puentes.partnerships.models import Partnership
from puentes.partnerships.selectors import partnership_for
from puentes.partnerships.views import coordinators_need_mfa
from puentes.people.access import acts_as_coordinator

from . import selectors
from .checks import FileRefused
from .downloads import attachment_headers
from .forms import DocumentUploadForm
from .models import Document
from .services import (
    DocumentError,
    InvalidText,
    document_delete,
    document_upload,
    max_upload_bytes,
)
from .uploads import SizeLimitHandler

logger = logging.getLogger(__name__)


def _partnership(request, pk) -> Partnership:
    try:
        partnership = partnership_for(request.user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc
    if not selectors.may_see_documents(request.user, partnership):
        raise PermissionDenied  # the mentor: they see the partnership, not its documents
    return partnership


def _document(partnership, document_pk) -> Document:
    try:
        return selectors.document_of(partnership, document_pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc


def _page(request, template, partnership, context=None, status=200):
    context = {"partnership": partnership, "documents_visible": True, **(context or {})}
    return render(request, f"documents/{template}", context, status=status)


@coordinators_need_mfa
@login_required
@require_GET
def document_list(request, pk):
    partnership = _partnership(request, pk)
    coordinator = acts_as_coordinator(request.user)
    rows = [
        {"document": doc, "can_delete": coordinator or doc.uploaded_by_id == request.user.pk}
        for doc in selectors.documents_of(partnership)
    ]
    return _page(request, "list.html", partnership, {"rows": rows})


@coordinators_need_mfa
@login_required
@csrf_exempt  # checked in _upload, once the size limit is in place (see uploads.py)
@require_http_methods(["GET", "POST"])
def document_upload_view(request, pk):
    limit = SizeLimitHandler(request, max_bytes=max_upload_bytes())
    request.upload_handlers.insert(0, limit)
    return _upload(request, pk, limit)


@csrf_protect
def _upload(request, pk, limit):
    partnership = _partnership(request, pk)
    if request.method != "POST":
        return _page(request, "upload.html", partnership, {"form": DocumentUploadForm()})
    form = DocumentUploadForm(request.POST, request.FILES, too_large="file" in limit.too_large)
    if not form.is_valid():
        return _page(request, "upload.html", partnership, {"form": form}, status=400)
    try:
        document = document_upload(
            partnership=partnership,
            uploaded_file=form.cleaned_data["file"],
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            language=form.cleaned_data["language"],
            by=request.user,
            now=timezone.now(),
        )
    except FileRefused as refusal:
        form.add_error("file", refusal.message)
    except InvalidText as error:
        form.add_error(error.field, error.message)
    except DocumentError as error:
        form.add_error("file", error.message)
    else:
        messages.success(request, _("“%(title)s” is shared.") % {"title": document.title})
        return redirect("documents:document_list", pk=partnership.pk)
    return _page(request, "upload.html", partnership, {"form": form}, status=400)


@coordinators_need_mfa
@login_required
@require_GET
def document_download(request, pk, document_pk):
    partnership = _partnership(request, pk)
    document = _document(partnership, document_pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError as exc:
        logger.error("Document %s has no file %s", document.pk, document.file.name)
        raise Http404 from exc
    response = FileResponse(handle, content_type=document.content_type)
    for header, value in attachment_headers(document.original_name).items():
        response[header] = value
    return response


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def document_delete_view(request, pk, document_pk):
    partnership = _partnership(request, pk)
    document = _document(partnership, document_pk)
    if not selectors.may_delete_document(request.user, document, sees_documents=True):
        raise PermissionDenied  # they see the document, so it is no secret that it exists
    if request.method == "POST":
        title = document.title
        document_delete(document=document, by=request.user, now=timezone.now())
        messages.success(request, _("“%(title)s” is deleted.") % {"title": title})
        return redirect("documents:document_list", pk=partnership.pk)
    return _page(request, "delete.html", partnership, {"document": document})
