"""Workshops for everyone: the list and page of each (drafts only for coordinators), the
registration form (yourself or a colleague), your registrations with cancel.

Times are shown in the workshop's local time and in Swedish time, or the zone the viewer
picks (?zone=…). Registrations are reached only through selectors.registration_for: someone
else's answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from puentes.people.access import acts_as_coordinator

from . import selectors
from .forms import RegistrationForm
from .models import CalendarFeed, Registration, Workshop
from .public_holidays import workshop_holidays
from .services import WorkshopError, registration_cancel, registration_create
from .times import VIEWER_ZONES, clocks, viewer_zone

WORKSHOPS_PER_PAGE = 25


def coordinators_need_mfa(view):
    """Coordinators see drafts and everyone's registrations here, so, as on their own pages,
    the MFA middleware first sends a coordinator without TOTP to set it up."""
    view.coordinator_page = True
    return view


def _workshop_or_404(user, pk) -> Workshop:
    try:
        return selectors.workshop_for(user, pk)
    except Workshop.DoesNotExist as exc:
        raise Http404 from exc


def _zone_context(request) -> dict:
    return {"zone": viewer_zone(request), "zones": list(VIEWER_ZONES.items())}


def workshop_list(request):
    # A programme has hundreds of workshops: pages of WORKSHOPS_PER_PAGE keep the page
    # light (issue #8); the coming ones come first, the past ones on the later pages.
    zone = viewer_zone(request)
    page = Paginator(
        selectors.workshop_list_coming_first(request.user, timezone.now()), WORKSHOPS_PER_PAGE
    ).get_page(request.GET.get("page"))
    for workshop in page.object_list:
        workshop.clocks = clocks(workshop, zone)
    return render(
        request,
        "workshops/list.html",
        {
            "page": page,
            "coming": [w for w in page.object_list if not w.is_past],
            "past": [w for w in page.object_list if w.is_past],
            **_zone_context(request),
        },
    )


def workshop_detail(request, pk):
    workshop = _workshop_or_404(request.user, pk)
    now = timezone.now()
    zone = viewer_zone(request)
    is_coordinator = acts_as_coordinator(request.user)
    return render(
        request,
        "workshops/detail.html",
        {
            "workshop": workshop,
            "clocks": clocks(workshop, zone),
            "sessions": list(workshop.sessions.all()),
            "places_left": max(workshop.capacity - workshop.places_taken, 0),
            "registration_open": workshop.registration_is_open(now),
            "registration": selectors.own_registration(request.user, workshop),
            "is_coordinator": is_coordinator,
            "holidays": workshop_holidays(workshop) if is_coordinator else [],
            **_zone_context(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def registration_new(request, pk):
    workshop = _workshop_or_404(request.user, pk)
    now = timezone.now()
    me = getattr(request.user, "person", None)
    if me is None or not workshop.registration_is_open(now):
        return render(
            request,
            "workshops/registration_closed.html",
            {"workshop": workshop, "has_person": me is not None},
        )
    colleagues = selectors.colleagues_of(request.user)
    form_args = {"me": me, "colleagues": colleagues, "workshop": workshop}
    if request.method != "POST":
        return _registration_form(request, workshop, RegistrationForm(**form_args))
    form = RegistrationForm(request.POST, **form_args)
    if not form.is_valid():
        return _registration_form(request, workshop, form, status=400)
    try:
        registration = registration_create(
            workshop=workshop,
            person=form.cleaned_data["person"],
            details=form.details(),
            by=request.user,
            now=now,
            base_url=request.build_absolute_uri("/"),
        )
    except WorkshopError as error:
        form.add_error(None, error.message)
        return _registration_form(request, workshop, form, status=400)
    if registration.status == Registration.Status.REGISTERED:
        text = _("%(name)s has a place at %(workshop)s.")
    else:
        text = _("The workshop is full: %(name)s is on the waiting list for %(workshop)s.")
    messages.success(request, text % {"name": registration.person.name, "workshop": workshop})
    return redirect("workshops:my_registrations")


def _registration_form(request, workshop, form, status=200):
    return render(
        request,
        "workshops/registration_form.html",
        {"workshop": workshop, "form": form, "clocks": clocks(workshop, viewer_zone(request))},
        status=status,
    )


@login_required
def my_registrations(request):
    zone = viewer_zone(request)
    registrations = list(selectors.my_registrations(request.user))
    now = timezone.now()
    for registration in registrations:
        registration.clocks = clocks(registration.workshop, zone)
        registration.has_ended = registration.workshop.end_at <= now
    person = getattr(request.user, "person", None)
    feed = CalendarFeed.objects.filter(person=person).first() if person else None
    feed_url = None
    if feed is not None:
        path = reverse("workshops:calendar_feed", kwargs={"token": feed.token})
        feed_url = request.build_absolute_uri(path)
    return render(
        request,
        "workshops/my_registrations.html",
        {
            "registrations": registrations,
            "cancellable": (Registration.Status.REGISTERED, Registration.Status.WAITLISTED),
            "feed_url": feed_url,
            "has_person": person is not None,
            **_zone_context(request),
        },
    )


@coordinators_need_mfa
@login_required
@require_http_methods(["GET", "POST"])
def registration_cancel_view(request, pk):
    try:
        registration = selectors.registration_for(request.user, pk)
    except Registration.DoesNotExist as exc:
        raise Http404 from exc
    if request.method != "POST":
        return render(request, "workshops/cancel.html", {"registration": registration})
    try:
        promoted = registration_cancel(
            registration=registration,
            by=request.user,
            now=timezone.now(),
            base_url=request.build_absolute_uri("/"),
        )
    except WorkshopError as error:
        return render(
            request,
            "workshops/cancel.html",
            {"registration": registration, "error": error.message},
            status=400,
        )
    messages.success(
        request,
        _("The registration of %(name)s for %(workshop)s is cancelled.")
        % {"name": registration.person.name, "workshop": registration.workshop},
    )
    if promoted:
        messages.info(request, _("The place went to the first person on the waiting list."))
    if request.POST.get("next") == "registrations" and acts_as_coordinator(request.user):
        return redirect("workshops:workshop_registrations", pk=registration.workshop_id)
    return redirect("workshops:my_registrations")
