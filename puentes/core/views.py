from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from puentes.people.access import coordinator_required

from .mail import MailNotRetryable, mail_retry
from .models import OutboxMessage

OUTBOX_PAGE_SIZE = 25


@never_cache
@require_GET
def healthz(request):
    """200 when the database answers a query, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@coordinator_required
@require_GET
def outbox(request):
    """Outgoing e-mail for coordinators: counts per status, then one page of messages."""
    status = request.GET.get("status", "")
    if status not in OutboxMessage.Status.values:
        status = ""
    outgoing = OutboxMessage.objects.select_related("content_type").defer("body_text", "body_html")
    if status:
        outgoing = outgoing.filter(status=status)
    page = Paginator(outgoing, OUTBOX_PAGE_SIZE).get_page(request.GET.get("page"))
    counts = OutboxMessage.objects.counts_by_status()
    statuses = [
        {"value": value, "label": label, "count": counts[value], "current": value == status}
        for value, label in OutboxMessage.Status.choices
    ]
    context = {
        "page": page,
        "status": status,
        "statuses": statuses,
        "total": sum(counts.values()),
        "now": timezone.now(),
    }
    return render(request, "core/outbox.html", context)


@coordinator_required
@require_POST
def outbox_retry(request, pk):
    message = get_object_or_404(OutboxMessage, pk=pk)
    try:
        mail_retry(message=message, now=timezone.now())
    except MailNotRetryable:
        messages.error(request, _("This message has been sent or is being sent: nothing to retry."))
    else:
        messages.success(
            request,
            _("The message to %(address)s will be sent again within a minute.")
            % {"address": message.to_address},
        )
    status = request.POST.get("status", "")
    url = reverse("core:outbox")
    if status in OutboxMessage.Status.values:
        url = f"{url}?{urlencode({'status': status})}"
    return redirect(url)
