"""The coordinators' review of expressions of interest: the queue of a call, one interest with
its history and the decision on it, and the queue exported as CSV and XLSX.

Every change goes through the recruitment services; a step the workflow refuses is shown
with the service's own message and changes nothing.
"""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from puentes.networks.models import Call
from puentes.people.access import coordinator_required

from . import exports
from . import selectors_review as selectors
from .forms_review import SORT_OLDEST, DecisionForm, QueueFilterForm
from .models import Interest
from .services import RecruitmentError, interest_decide, interest_start_review
from .workflow import INTEREST_DECISIONS, INTEREST_STEPS

QUEUE_PAGE_SIZE = 25
FILTER_KEYS = ("text", "status", "theme", "preferred_country", "sort")


def _call_or_404(network_slug: str, call_slug: str) -> Call:
    try:
        return selectors.review_call(network_slug, call_slug)
    except Call.DoesNotExist as exc:
        raise Http404 from exc


def _interest_or_404(pk: int) -> Interest:
    try:
        return selectors.review_interest(pk)
    except Interest.DoesNotExist as exc:
        raise Http404 from exc


def _read_filters(request, call: Call):
    """The filter form bound to the query string, and the filters it allows."""
    form = QueueFilterForm(
        request.GET if any(key in request.GET for key in FILTER_KEYS) else None,
        themes=selectors.review_themes(call),
    )
    form.is_valid()
    return form, form.filters()


def _query(form: QueueFilterForm, **changes) -> str:
    """The valid filters as a query string, with `changes` applied ("" drops a key)."""
    cleaned = getattr(form, "cleaned_data", {})
    values = {key: cleaned.get(key) for key in FILTER_KEYS}
    values.update(changes)
    return urlencode({key: value for key, value in values.items() if value not in ("", None)})


def _status_bar(form, filters, counts: dict[str, int]) -> list[dict]:
    return [
        {
            "value": status.value,
            "label": status.label,
            "count": counts[status.value],
            "current": filters.status == status.value,
            "query": _query(form, status=status.value, page=""),
        }
        for status in selectors.REVIEW_STATUSES
    ]


@coordinator_required
@require_GET
def queue(request, network_slug, call_slug):
    """A call's expressions of interest, filtered, counted per status, one page at a time."""
    call = _call_or_404(network_slug, call_slug)
    form, filters = _read_filters(request, call)
    counts = selectors.review_status_counts(call, filters)
    page = Paginator(selectors.review_queue(call, filters), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "call": call,
        "form": form,
        "filters": filters,
        "page": page,
        "statuses": _status_bar(form, filters, counts),
        "total": sum(counts.values()),
        "all_query": _query(form, status=""),
        "sort_query": _query(form, sort="" if filters.oldest_first else SORT_OLDEST),
        "export_query": _query(form),
    }
    return render(request, "recruitment/review/queue.html", context)


def _who(user) -> str:
    """The name of the person behind an account, else its address ("" for the system)."""
    if user is None:
        return ""
    try:
        return user.person.name
    except ObjectDoesNotExist:
        return user.email


def _history(interest: Interest) -> list[dict]:
    labels = dict(Interest.Status.choices)
    return [
        {
            "at": step.at,
            "by": _who(step.by),
            "from_label": labels.get(step.from_status, step.from_status),
            "to_label": labels.get(step.to_status, step.to_status),
            "reason": step.reason,
        }
        for step in interest.transitions.all()
    ]


def _render_detail(request, interest: Interest, decision_form=None):
    steps = INTEREST_STEPS.get(interest.status, set())
    decisions = steps & INTEREST_DECISIONS
    if decisions and decision_form is None:
        decision_form = DecisionForm().offer_only(decisions)
    context = {
        "interest": interest,
        "call": interest.call,
        "contacts": [link.person for link in interest.contacts.all()],
        "history": _history(interest),
        "can_start_review": Interest.Status.IN_REVIEW in steps,
        "decision_form": decision_form if decisions else None,
    }
    return render(request, "recruitment/review/detail.html", context)


@coordinator_required
@require_GET
def interest_detail(request, pk):
    """Everything the applicant gave, the history, and the decisions the workflow allows."""
    return _render_detail(request, _interest_or_404(pk))


def _detail_url(interest: Interest) -> str:
    return reverse("review:interest_detail", args=[interest.pk])


@coordinator_required
@require_POST
def start_review(request, pk):
    interest = _interest_or_404(pk)
    try:
        interest_start_review(interest=interest, by=request.user, now=timezone.now())
    except RecruitmentError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request,
            _("%(organisation)s is now in review.") % {"organisation": interest.organisation.name},
        )
    return redirect(_detail_url(interest))


def _decided_message(decision: str, organisation: str) -> str:
    if decision == Interest.Status.ACCEPTED:
        text = _("%(organisation)s is accepted. The contact people are told by e-mail.")
    elif decision == Interest.Status.WAITLISTED:
        text = _("%(organisation)s is on the waiting list. The contact people are told by e-mail.")
    else:
        text = _("%(organisation)s is declined. The contact people are told by e-mail.")
    return text % {"organisation": organisation}


@coordinator_required
@require_POST
def decide(request, pk):
    """Accept, waitlist or decline; a form error is shown next to its field, on the page."""
    interest = _interest_or_404(pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        allowed = INTEREST_STEPS.get(interest.status, set()) & INTEREST_DECISIONS
        return _render_detail(request, interest, decision_form=form.offer_only(allowed))
    decision = form.cleaned_data["decision"]
    try:
        interest_decide(
            interest=interest,
            decision=decision,
            reason=form.cleaned_data["reason"],
            by=request.user,
            now=timezone.now(),
        )
    except RecruitmentError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _decided_message(decision, interest.organisation.name))
    return redirect(_detail_url(interest))


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@coordinator_required
@require_GET
def export_csv(request, network_slug, call_slug):
    """The filtered queue as CSV (see puentes.recruitment.exports for its format)."""
    call = _call_or_404(network_slug, call_slug)
    _form, filters = _read_filters(request, call)
    content = exports.to_csv(selectors.review_export_rows(call, filters))
    name = exports.filename(call, "csv", timezone.localdate())
    return _download(content, "text/csv; charset=utf-8", name)


@coordinator_required
@require_GET
def export_xlsx(request, network_slug, call_slug):
    """The filtered queue as an XLSX workbook."""
    call = _call_or_404(network_slug, call_slug)
    _form, filters = _read_filters(request, call)
    content = exports.to_xlsx(selectors.review_export_rows(call, filters), sheet_title=call.slug)
    name = exports.filename(call, "xlsx", timezone.localdate())
    return _download(content, exports.XLSX_CONTENT_TYPE, name)
