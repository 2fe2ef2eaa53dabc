"""The secretariat's pages: workshops with their places and holiday warnings, a workshop's
registrations, the check-in list (a form per row, working without JavaScript, printable),
and the participation rule for every partnership of a call. A partnership's own page shows
its members where they stand."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puentes.core import audit
from puentes.networks.models import Call
from puentes.partnerships.models import Partnership
from puentes.partnerships.selectors import partnership_for
from puentes.people.access import coordinator_required

from . import selectors
from .forms import MarkForm
from .models import Registration, Workshop
from .public_holidays import workshop_holidays
from .services import WorkshopError, registration_mark
from .times import clocks, viewer_zone
from .views import coordinators_need_mfa

TIMELINE = 30  # the latest changes shown under a workshop's registrations
ROWS_PER_PAGE = 25  # workshops, and partnerships under the rule, on one page


def _workshop(pk) -> Workshop:
    try:
        return Workshop.objects.select_related("call__network", "country").get(pk=pk)
    except Workshop.DoesNotExist as exc:
        raise Http404 from exc


@coordinator_required
def coordination_workshops(request):
    # Latest first, a page at a time: a programme plans hundreds of workshops (issue #8).
    page = Paginator(
        selectors.workshop_list(request.user).order_by("-start_at", "pk"), ROWS_PER_PAGE
    ).get_page(request.GET.get("page"))
    for workshop in page.object_list:
        workshop.holidays = workshop_holidays(workshop)
    return render(
        request,
        "workshops/coordination/list.html",
        {"workshops": page.object_list, "page": page},
    )


@coordinator_required
def workshop_registrations(request, pk):
    workshop = _workshop(pk)
    return render(
        request,
        "workshops/coordination/registrations.html",
        {
            "workshop": workshop,
            "registrations": selectors.workshop_registrations(workshop),
            "holidays": workshop_holidays(workshop),
            "clocks": clocks(workshop, viewer_zone(request)),
            "cancellable": (Registration.Status.REGISTERED, Registration.Status.WAITLISTED),
            "timeline": [audit.describe(e) for e in audit.entries_for(workshop)[:TIMELINE]],
        },
    )


@coordinator_required
def workshop_checkin(request, pk):
    workshop = _workshop(pk)
    rows = selectors.checkin_rows(workshop)
    counts = {status: 0 for status in Registration.PLACE_STATUSES}
    for row in rows:
        counts[row.status] += 1
    return render(
        request,
        "workshops/coordination/checkin.html",
        {"workshop": workshop, "rows": rows, "counts": counts},
    )


@coordinator_required
@require_POST
def registration_mark_view(request, pk):
    try:
        registration = Registration.objects.select_related("person").get(pk=pk)
    except Registration.DoesNotExist as exc:
        raise Http404 from exc
    form = MarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose present or absent."))
    else:
        try:
            registration_mark(
                registration=registration,
                status=form.cleaned_data["status"],
                by=request.user,
                now=timezone.now(),
            )
        except WorkshopError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("%(name)s: %(status)s.")
                % {
                    "name": registration.person.name,
                    "status": Registration.Status(form.cleaned_data["status"]).label,
                },
            )
    url = redirect("workshops:workshop_checkin", pk=registration.workshop_id).url
    return redirect(f"{url}#registration-{registration.pk}")


def _chosen_call(request):
    calls = list(Call.objects.filter(partnerships__isnull=False).distinct().order_by("-open_date"))
    wanted = request.GET.get("call", "")
    chosen = next((c for c in calls if str(c.pk) == wanted), calls[0] if calls else None)
    return calls, chosen


@coordinator_required
def rule_overview(request):
    calls, call = _chosen_call(request)
    statuses = selectors.rule_statuses(call) if call else []
    # The totals count every partnership; the table shows those short of the rule first
    # (or only them), a page at a time, so a call of hundreds stays light (issue #8).
    only_short = request.GET.get("show") == "short"
    shown = sorted((s for s in statuses if not (only_short and _meets(s))), key=lambda s: _meets(s))
    return render(
        request,
        "workshops/coordination/rule.html",
        {
            "calls": calls,
            "call": call,
            "statuses": statuses,
            "short": sum(1 for s in statuses if not s.status.met),
            "only_short": only_short,
            "page": Paginator(shown, ROWS_PER_PAGE).get_page(request.GET.get("page")),
        },
    )


def _meets(party) -> bool:
    return party.status.met  # as the count above: the partnership itself


@coordinators_need_mfa
@login_required
def partnership_workshops(request, pk):
    try:
        partnership = partnership_for(request.user, pk)
    except Partnership.DoesNotExist as exc:
        raise Http404 from exc
    [status] = selectors.rule_statuses(
        partnership.call, Partnership.objects.filter(pk=partnership.pk)
    )
    zone = viewer_zone(request)
    registrations = selectors.partnership_workshops(partnership)
    for registration in registrations:
        registration.clocks = clocks(registration.workshop, zone)
    return render(
        request,
        "workshops/partnership.html",
        {"partnership": partnership, "party": status, "registrations": registrations},
    )
