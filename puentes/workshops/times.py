"""Which clocks a workshop's times are shown in: the workshop's own local time and, labelled,
Swedish time or the zone the viewer chose."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import SWEDISH_TIME_ZONE

# The zones a viewer may choose on the workshop pages (?zone=…): the network's countries.
VIEWER_ZONES = {
    SWEDISH_TIME_ZONE: _("Swedish time"),
    "America/Guatemala": _("Guatemalan time"),
    "America/Bogota": _("Colombian time"),
    "UTC": _("UTC"),
}


@dataclass(frozen=True)
class Clock:
    zone: str
    label: str


def viewer_zone(request) -> str:
    zone = request.GET.get("zone", "")
    return zone if zone in VIEWER_ZONES else SWEDISH_TIME_ZONE


def clocks(workshop, zone: str) -> list[Clock]:
    """The workshop's local clock first, then the viewer's if it is another zone."""
    if workshop.is_online:
        local = _("Organisers' time (%(zone)s)") % {"zone": workshop.time_zone}
    else:
        local = _("Local time in %(city)s") % {"city": workshop.city}
    shown = [Clock(zone=workshop.time_zone, label=str(local))]
    if zone != workshop.time_zone:
        shown.append(Clock(zone=zone, label=str(VIEWER_ZONES[zone])))
    return shown
