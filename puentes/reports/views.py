"""A partnership's progress reports: the list of its periods, one report (Swedish and Spanish
side by side, with its sign-offs), the edit form with its conflict page, and the sign-off
and reopen actions.

Everyone who sees the partnership (puentes.partnerships.selectors.partnership_for) reads
its reports; anyone else gets 404. Members and coordinators write; a member signs off for
their own side; a coordinator reopens a submitted report. A mentor reads only (403).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes.networks.models import ReportingPeriod
from puentes.partnerships.models import Partnership
from puentes.partnerships.selectors import can_edit_partnership, partnership_for
from puentes.partnerships.views import coordinators_need_mfa
from puentes.people.access import acts_as_coordinator

from . import selectors
from .forms import ReopenForm, ReportForm, SignOffForm, report_initial
from .models import REPORT_LANGUAGES, SECRETARIAT, SECTIONS
from .selectors import SIDES, State, organisation_of
from .services import (
    ReportError,
    ReportLocked,
    StaleVersion,
    report_reopen,
    report_save,
    report_sign,
)

STATE_LABELS = {
    State.NOT_STARTED: gettext_lazy("not started"),
    State.DRAFT: gettext_lazy("draft"),
    State.SIGNED_BY_ONE: gettext_lazy("signed off by one side"),
    State.SUBMITTED: gettext_lazy("submitted"),
    State.OVERDUE: gettext_lazy("overdue"),
}


def _partnership_or_404(user, pk) -> Partnership:
    try:
        return partnership_for(user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc


def _period_or_404(partnership, period_pk) -> ReportingPeriod:
    try:
        return selectors.period_of(partnership, period_pk)
    except ReportingPeriod.DoesNotExist as exc:
        raise Http404 from exc


def _detail_redirect(partnership, period):
    return redirect("reports:report_detail", pk=partnership.pk, period_pk=period.pk)


@coordinators_need_mfa
@login_required
def report_list(request, pk):
    partnership = _partnership_or_404(request.user, pk)
    rows = selectors.period_rows(partnership, timezone.localdate())
    return render(
        request,
        "reports/list.html",
        {
            "partnership": partnership,
            "rows": [
                {
                    "row": row,
                    "state_label": STATE_LABELS[row.state],
                    "signed": [organisation_of(partnership, side) for side in row.signed_sides],
                }
                for row in rows
            ],
        },
    )


@coordinators_need_mfa
@login_required
def report_detail(request, pk, period_pk):
    partnership = _partnership_or_404(request.user, pk)
    period = _period_or_404(partnership, period_pk)
    return _detail(request, partnership, period)


def _detail(request, partnership, period, reopen_form=None, status=200):
    report = selectors.report_for(partnership, period)
    state = selectors.report_state(report, period.due_date, timezone.localdate())
    can_edit = can_edit_partnership(request.user, partnership)
    is_coordinator = acts_as_coordinator(request.user)
    submitted = report is not None and report.is_submitted
    if reopen_form is None and submitted and is_coordinator:
        reopen_form = ReopenForm()
    return render(
        request,
        "reports/detail.html",
        {
            "partnership": partnership,
            "period": period,
            "report": report,
            "state": state,
            "state_label": STATE_LABELS[state],
            "sign_offs": _sign_off_rows(request.user, partnership, report),
            "sections": _section_rows(partnership, report),
            "can_edit": can_edit and not submitted,
            "reopen_form": reopen_form if submitted and is_coordinator else None,
        },
        status=status,
    )


def _sign_off_rows(user, partnership, report) -> list[dict]:
    signed = {sign_off.side: sign_off for sign_off in report.sign_offs.all()} if report else {}
    can_sign = report is not None and not report.is_submitted and report.has_text()
    mine = selectors.sides_of(user, partnership) if can_sign else []
    return [
        {
            "side": side,
            "organisation": organisation_of(partnership, side),
            "sign_off": signed.get(side),
            "can_sign": side in mine and side not in signed,
        }
        for side in SIDES
    ]


def _author_name(partnership, side) -> str:
    if side == SECRETARIAT:
        return _("the network's secretariat")
    return organisation_of(partnership, side).name


def _section_rows(partnership, report) -> list[dict]:
    texts = report.texts() if report else {}
    authors = (report.authors or {}) if report else {}
    return [
        {
            "name": name,
            "label": label,
            "columns": [
                {
                    "code": code,
                    "text": texts.get(name, {}).get(code, ""),
                    "author": _author_name(partnership, authors[name][code])
                    if authors.get(name, {}).get(code)
                    else "",
                }
                for code in REPORT_LANGUAGES
            ],
        }
        for name, label, _hint in SECTIONS
    ]


@coordinators_need_mfa
@login_required
def report_edit(request, pk, period_pk):
    partnership = _partnership_or_404(request.user, pk)
    period = _period_or_404(partnership, period_pk)
    if not can_edit_partnership(request.user, partnership):
        raise PermissionDenied  # a mentor: they read the report, but may not write it
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    report = selectors.report_for(partnership, period)
    if request.method == "GET":
        if report is not None and report.is_submitted:
            messages.warning(request, ReportLocked.message)
            return _detail_redirect(partnership, period)
        form = ReportForm(initial=report_initial(report))
        return _form(request, partnership, period, form)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _form(request, partnership, period, form, status=400)
    try:
        saved = report_save(
            partnership=partnership,
            period=period,
            texts=form.texts(),
            expected_version=form.cleaned_data["version"],
            by=request.user,
            now=timezone.now(),
        )
    except (StaleVersion, ReportLocked) as refused:
        return _conflict(request, partnership, period, refused, form)
    except ReportError as error:
        form.add_error(None, error.message)
        return _form(request, partnership, period, form, status=400)
    messages.success(request, _("The progress report is saved."))
    if report is not None and report.sign_offs.all() and saved.version != report.version:
        messages.warning(
            request,
            _("The text changed, so its sign-offs were withdrawn: both sides sign it off again."),
        )
    return _detail_redirect(partnership, period)


def _form(request, partnership, period, form, status=200):
    return render(
        request,
        "reports/form.html",
        {"partnership": partnership, "period": period, "form": form},
        status=status,
    )


def _conflict(request, partnership, period, refused, stale_form):
    """Someone saved (or both sides signed off) since the form was opened: show what differs,
    theirs next to yours, and give the form back with your text and the current version, so
    saving again is a deliberate choice. A submitted report is shown without the form."""
    current = refused.current
    locked = isinstance(refused, ReportLocked)
    yours = stale_form.texts()
    saved = current.texts()
    rows = [
        {
            "label": label,
            "code": code,
            "yours": (yours[name].get(code) or "").strip(),
            "saved": saved[name].get(code, ""),
        }
        for name, label, _hint in SECTIONS
        for code in REPORT_LANGUAGES
        if (yours[name].get(code) or "").strip() != saved[name].get(code, "")
    ]
    form = None
    if not locked:
        form = ReportForm(initial={**stale_form.cleaned_data, "version": current.version})
    return render(
        request,
        "reports/conflict.html",
        {
            "partnership": partnership,
            "period": period,
            "current": current,
            "rows": rows,
            "form": form,
            "locked": locked,
        },
        status=409,
    )


@coordinators_need_mfa
@login_required
def report_sign_view(request, pk, period_pk):
    partnership = _partnership_or_404(request.user, pk)
    period = _period_or_404(partnership, period_pk)
    if not selectors.sides_of(request.user, partnership):
        raise PermissionDenied  # a mentor or a coordinator: only members sign for their side
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = SignOffForm(request.POST)
    report = selectors.report_for(partnership, period)
    if report is None or not form.is_valid():
        messages.error(request, _("There is no text to sign off yet."))
        return _detail_redirect(partnership, period)
    try:
        signed = report_sign(
            report=report,
            side=form.cleaned_data["side"],
            expected_version=form.cleaned_data["version"],
            by=request.user,
            now=timezone.now(),
        )
    except ReportError as error:
        messages.error(request, error.message)
        return _detail_redirect(partnership, period)
    if signed.is_submitted:
        messages.success(request, _("You signed off the report. Both sides have: it is submitted."))
    else:
        messages.success(request, _("You signed off the report. The other side signs off next."))
    return _detail_redirect(partnership, period)


@coordinators_need_mfa
@login_required
def report_reopen_view(request, pk, period_pk):
    partnership = _partnership_or_404(request.user, pk)
    period = _period_or_404(partnership, period_pk)
    if not acts_as_coordinator(request.user):
        raise PermissionDenied
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    report = selectors.report_for(partnership, period)
    if report is None:
        raise Http404
    form = ReopenForm(request.POST)
    if not form.is_valid():
        return _detail(request, partnership, period, reopen_form=form, status=400)
    try:
        report_reopen(
            report=report, reason=form.cleaned_data["reason"], by=request.user, now=timezone.now()
        )
    except ReportError as error:
        messages.error(request, error.message)
        return _detail_redirect(partnership, period)
    messages.success(request, _("The report is reopened: both sides sign it off again."))
    return _detail_redirect(partnership, period)
