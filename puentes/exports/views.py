"""The coordinators' exports page (a GET form that answers with the file) and the import of
indicator values: upload, see what would change, confirm.

The uploaded text waits in the session (not on disk) between the preview and the
confirmation, under a token the confirmation must name; confirming or cancelling removes it.
The confirmation reads the file again against the database as it is then.
"""

import secrets

from django.contrib import messages
from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from puentes.networks.models import Network
from puentes.people.access import coordinator_required

from . import selectors
from .formats import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csv_lines, xlsx_file
from .forms import ExportForm, ImportForm
from .imports import MAX_BYTES, ImportRejected, decode, import_plan
from .services import indicator_values_import
from .tables import TABLES

PENDING = "exports.pending_import"


def _download(form: ExportForm):
    table = TABLES[form.cleaned_data["kind"]]
    scope = form.cleaned_scope()
    extension = form.cleaned_data["format"]
    name = f"{table.slug}_{scope.slug}_{timezone.localdate().isoformat()}.{extension}"
    rows = table.rows(scope)
    if extension == "xlsx":
        return FileResponse(
            xlsx_file(table.header, rows, sheet_title=table.slug),
            as_attachment=True,
            filename=name,
            content_type=XLSX_CONTENT_TYPE,
        )
    lines = (line.encode("utf-8") for line in csv_lines(table.header, rows))
    response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@coordinator_required
@require_GET
def exports_page(request):
    """The exports and the import form; with a chosen export, that export's file."""
    networks = selectors.export_networks()
    if any(name in request.GET for name in ExportForm.base_fields):
        form = ExportForm(request.GET, networks=networks)
        if form.is_valid():
            return _download(form)
    else:
        form = ExportForm(networks=networks)
    context = {"form": form, "import_form": ImportForm(), "tables": TABLES.values()}
    return render(request, "exports/index.html", context, status=400 if form.errors else 200)


def _rejected(request, rejected: ImportRejected, network, name: str):
    context = {
        "errors": rejected.errors,
        "file_name": name,
        "import_form": ImportForm(initial={"network": network}),
    }
    return render(request, "exports/import_rejected.html", context)


@coordinator_required
def import_upload(request):
    """The upload form; a valid upload shows what the import would change."""
    if request.method != "POST":
        return render(request, "exports/import.html", {"import_form": ImportForm()})
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "exports/import.html", {"import_form": form}, status=400)
    network, upload = form.cleaned_data["network"], form.cleaned_data["file"]
    name = upload.name[-100:]
    try:
        text = decode(upload.read(MAX_BYTES + 1))
        plan = import_plan(network, text)
    except ImportRejected as rejected:
        return _rejected(request, rejected, network, name)
    token = secrets.token_urlsafe(16)
    request.session[PENDING] = {"token": token, "network": network.pk, "name": name, "text": text}
    context = {"plan": plan, "token": token, "network": network, "file_name": name}
    return render(request, "exports/import_preview.html", context)


@coordinator_required
@require_POST
def import_confirm(request):
    """Import the file waiting in the session, or drop it when the coordinator cancels."""
    pending = request.session.pop(PENDING, None)
    if not pending or request.POST.get("token") != pending["token"]:
        messages.error(
            request, _("This import was already done or cancelled. Upload the file again.")
        )
        return redirect("exports:import")
    if request.POST.get("action") != "confirm":
        messages.info(request, _("The import was cancelled. Nothing was saved."))
        return redirect("exports:index")
    network = get_object_or_404(Network, pk=pending["network"])
    try:
        changed = indicator_values_import(
            network=network,
            text=pending["text"],
            file_name=pending["name"],
            by=request.user,
            now=timezone.now(),
        )
    except ImportRejected as rejected:
        return _rejected(request, rejected, network, pending["name"])
    messages.success(
        request,
        ngettext(
            "%(count)s indicator value was saved.",
            "%(count)s indicator values were saved.",
            changed,
        )
        % {"count": changed},
    )
    return redirect("exports:index")
