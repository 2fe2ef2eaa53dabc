"""Reads for the meeting planner: each member's working hours as the planner's participants,
a partnership's meetings, and the time zones people choose from.

Who may see a partnership is decided in partnerships.selectors; these reads assume the
caller has a partnership the user may see.
"""

from dataclasses import dataclass
from functools import cache
from zoneinfo import available_timezones

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from puentes.partnerships.models import Partnership, PartnershipMember

from . import planner
from .models import DEFAULT_DAY_END, DEFAULT_DAY_START, Meeting, MeetingInvitee, WorkingHours

# Where a country's reference data has no time zone; the network's three countries.
COUNTRY_TIME_ZONES = {
    "SE": "Europe/Stockholm",
    "GT": "America/Guatemala",
    "CO": "America/Bogota",
}
# Names people recognise, where the zone's own (its largest city, unaccented) is not it.
ZONE_LABELS = {"America/Bogota": "Bogotá"}
_NOT_PLACES = ("Etc/", "SystemV/", "US/", "Canada/", "Brazil/", "Mexico/", "Chile/", "posix")


@dataclass(frozen=True)
class MemberPlan:
    """A member as the planner sees them: their hours, stored or by default."""

    member: PartnershipMember
    participant: planner.Participant
    is_default: bool

    @property
    def person(self):
        return self.member.person


def country_time_zone(country) -> str:
    return country.time_zone or COUNTRY_TIME_ZONES.get(country.code, settings.TIME_ZONE)


def zone_label(name: str) -> str:
    """ "Europe/Stockholm" → "Stockholm", "America/Bogota" → "Bogotá"."""
    return ZONE_LABELS.get(name) or name.rsplit("/", 1)[-1].replace("_", " ")


def side_organisation(partnership: Partnership, side: str):
    if side == PartnershipMember.Side.SWEDISH:
        return partnership.swedish_organisation
    return partnership.latin_organisation


def member_plans(partnership: Partnership, member_ids=None) -> list[MemberPlan]:
    """The partnership's members (or those of `member_ids`) with their working hours, in
    one query; `partnership` comes with its organisations' countries (partnership_for)."""
    members = partnership.members.select_related("person__working_hours").order_by(
        "person__name", "pk"
    )
    if member_ids is not None:
        members = members.filter(pk__in=member_ids)
    # The Swedish side first, as the workspace shows it.
    ordered = sorted(members, key=lambda m: m.side != PartnershipMember.Side.SWEDISH)
    return [_plan(partnership, member) for member in ordered]


def _plan(partnership: Partnership, member: PartnershipMember) -> MemberPlan:
    country = side_organisation(partnership, member.side).country
    hours = getattr(member.person, "working_hours", None)
    participant = planner.Participant(
        key=member.pk,
        time_zone=hours.time_zone if hours else country_time_zone(country),
        day_start=hours.day_start if hours else DEFAULT_DAY_START,
        day_end=hours.day_end if hours else DEFAULT_DAY_END,
        country=country.code,
    )
    return MemberPlan(member=member, participant=participant, is_default=hours is None)


def hours_or_default(person, partnership: Partnership) -> WorkingHours:
    """The person's stored working hours, or unsaved defaults: the time zone of the side they
    work for in this partnership, else of the organisation they act for."""
    hours = WorkingHours.objects.filter(person=person).first()
    if hours is not None:
        return hours
    return WorkingHours(person=person, time_zone=_default_zone(person, partnership))


def _default_zone(person, partnership: Partnership) -> str:
    member = partnership.members.filter(person=person).first()
    if member is not None:
        return country_time_zone(side_organisation(partnership, member.side).country)
    membership = person.memberships.select_related("organisation__country").first()
    if membership is not None:
        return country_time_zone(membership.organisation.country)
    return settings.TIME_ZONE


def meetings_of(partnership: Partnership):
    """The partnership's meetings in time order, with who was invited (two queries)."""
    return (
        Meeting.objects.filter(partnership=partnership)
        .select_related("sent_by__person")
        .prefetch_related(
            Prefetch("invitees", queryset=MeetingInvitee.objects.select_related("person"))
        )
        .order_by("start_at", "pk")
    )


def meeting_in(partnership: Partnership, meeting_pk) -> Meeting:
    """A meeting of this partnership; Meeting.DoesNotExist for any other."""
    return meetings_of(partnership).get(pk=meeting_pk)


@cache
def _all_zones() -> tuple[str, ...]:
    places = (n for n in available_timezones() if "/" in n and not n.startswith(_NOT_PLACES))
    return tuple(sorted(places))


def time_zone_choices() -> list:
    """The network's three countries first, then every place's time zone."""
    ours = list(dict.fromkeys(COUNTRY_TIME_ZONES.values()))
    return [
        (_("The network's countries"), [(name, zone_label(name)) for name in ours]),
        (_("All time zones"), [(name, name.replace("_", " ")) for name in _all_zones()]),
    ]


def is_known_zone(name: str) -> bool:
    return name in _all_zones()
