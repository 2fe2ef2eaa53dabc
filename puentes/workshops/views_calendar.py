"""Calendar files: one workshop's .ics for anyone who may see it, and each person's private
subscription feed, read by a calendar program with the secret token in its address."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .ics import workshops_calendar
from .models import CalendarFeed, Registration, Workshop
from .selectors import workshops_visible_to
from .services import calendar_feed_renew

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _language() -> str:
    return (get_language() or "sv")[:2]


def workshop_ics(request, pk):
    try:
        workshop = workshops_visible_to(request.user).select_related("call", "country").get(pk=pk)
    except Workshop.DoesNotExist as exc:
        raise Http404 from exc
    body = workshops_calendar(
        [workshop],
        name=workshop.title,
        language=_language(),
        base_url=request.build_absolute_uri("/"),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="workshop-{workshop.pk}.ics"'
    return response


def calendar_feed(request, token):
    """The person's registered workshops (with a place, not drafts), in their language."""
    feed = CalendarFeed.objects.select_related("person").filter(token=token).first()
    if feed is None:
        raise Http404
    person = feed.person
    workshops = (
        Workshop.objects.published()
        .filter(
            registrations__person=person,
            registrations__status__in=Registration.PLACE_STATUSES,
        )
        .select_related("country")
        .distinct()
        .order_by("start_at", "pk")
    )
    body = workshops_calendar(
        list(workshops),
        name=_("Puentes workshops"),
        language=person.preferred_language,
        base_url=request.build_absolute_uri("/"),
        now=timezone.now(),
    )
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    # A secret address: keep it out of shared caches and of other sites' logs.
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def calendar_feed_renew_view(request):
    person = getattr(request.user, "person", None)
    if person is None:
        raise Http404
    calendar_feed_renew(person=person, by=request.user, now=timezone.now())
    messages.success(
        request,
        _("Your private calendar link is ready. Any earlier link no longer works."),
    )
    return redirect("workshops:my_registrations")
