"""Calendar files (RFC 5545) for workshops, with the VTIMEZONE of each workshop's zone so
every calendar program shows the right instant, summer time or not."""

import datetime

import icalendar
from django.urls import reverse
from django.utils import translation

from puentes.core.i18n import translated

PRODID = "-//Puentes//Workshops//EN"


def _absolute(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}"


def _location(workshop, language: str) -> str:
    if workshop.is_online:
        with translation.override(language):
            return translation.gettext("Online")
    return f"{workshop.city}, {translated(workshop.country.names, language)}"


def _event(workshop, *, language: str, base_url: str, now) -> icalendar.Event:
    zone = workshop.zone
    event = icalendar.Event()
    event.add("uid", f"workshop-{workshop.pk}@puentes")
    event.add("dtstamp", now.astimezone(datetime.UTC))
    event.add("dtstart", workshop.start_at.astimezone(zone))
    event.add("dtend", workshop.end_at.astimezone(zone))
    event.add("summary", translated(workshop.titles, language))
    description = translated(workshop.descriptions, language)
    if description:
        event.add("description", description)
    event.add("location", _location(workshop, language))
    with translation.override(language):
        path = reverse("workshops:workshop_detail", kwargs={"pk": workshop.pk})
    event.add("url", _absolute(base_url, path))
    cancelled = workshop.state == workshop.State.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    return event


def workshops_calendar(workshops, *, name: str, language: str, base_url: str, now) -> bytes:
    """One calendar of `workshops` in `language`, links under `base_url`."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    starts = []
    for workshop in workshops:
        calendar.add_component(_event(workshop, language=language, base_url=base_url, now=now))
        starts.append(workshop.start_at)
    if starts:
        # The time zones' rules for the years the events fall in, not from 1970 on.
        first = min(starts).date().replace(month=1, day=1)
        last = max(starts).date().replace(year=max(starts).year + 2, month=1, day=1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar.to_ical()
