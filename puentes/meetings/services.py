"""Changes of state of the meeting planner: sending a chosen slot as an invitation, and a
person's saving their working hours.

Each service runs in one transaction with its audit entry and its mail, so a refusal leaves
nothing behind: no meeting, no invitee, no mail.
"""

import uuid
from datetime import datetime, time, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from puentes.core.audit import audit_record
from puentes.core.mail import mail_queue
from puentes.partnerships.models import Partnership

from . import activity, ics, planner, selectors
from .models import Meeting, MeetingInvitee, WorkingHours

TITLE_MAX = 200
LENGTH_MAX = timedelta(hours=8)


class MeetingError(Exception):
    """A rule of the planner refused the change; `message` is translated for the user."""

    message = gettext_lazy("This meeting cannot be sent.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NoTitle(MeetingError):
    message = gettext_lazy("Give the meeting a title.")


class NoParticipants(MeetingError):
    message = gettext_lazy("Choose at least one member who takes part.")


class NotMembers(MeetingError):
    message = gettext_lazy("Only members of the partnership can be invited.")


class SlotInThePast(MeetingError):
    message = gettext_lazy("This time has passed. Choose a time in the future.")


class SlotOutsideHours(MeetingError):
    message = gettext_lazy(
        "This time is no longer inside everyone's working hours. Plan the meeting again."
    )


class InvalidHours(MeetingError):
    message = gettext_lazy("The working day must end after it starts.")


class UnknownTimeZone(MeetingError):
    message = gettext_lazy("Choose a time zone from the list.")


@transaction.atomic
def meeting_send(
    *,
    partnership: Partnership,
    title: str,
    video_link: str,
    start_at: datetime,
    length: timedelta,
    member_ids,
    include_weekends: bool = False,
    by,
    now: datetime,
    base_url: str,
) -> Meeting:
    """Send the slot from `start_at` as a meeting to the members `member_ids`, each in their
    language and local time with an .ics attached, if it still lies inside everyone's working
    hours and in the future. `base_url` (e.g. "https://puentes.example") makes links absolute.
    """
    title = " ".join((title or "").split())
    if not title or len(title) > TITLE_MAX:
        raise NoTitle
    member_ids = set(member_ids)
    if not member_ids:
        raise NoParticipants
    plans = selectors.member_plans(partnership, member_ids)
    if len(plans) != len(member_ids):
        raise NotMembers
    if start_at <= now:
        raise SlotInThePast
    if not timedelta(0) < length <= LENGTH_MAX:
        raise MeetingError
    participants = [plan.participant for plan in plans]
    slot = planner.slot_at(participants, start_at, length=length, include_weekends=include_weekends)
    if slot is None:
        raise SlotOutsideHours
    meeting = Meeting.objects.create(
        partnership=partnership,
        title=title,
        video_link=video_link or "",
        start_at=slot.start,
        end_at=slot.end,
        uid=f"{uuid.uuid4()}@puentes",
        sent_by=by,
        sent_at=now,
    )
    for plan in plans:
        # The same slot, with its holidays named in this member's language.
        theirs = planner.slot_at(
            participants,
            slot.start,
            length=length,
            include_weekends=True,
            holiday_language=plan.person.preferred_language,
        )
        _invite(meeting, plan, theirs, by=by, now=now, base_url=base_url)
    audit_record(
        actor=by,
        action=activity.MEETING_SENT,
        target=meeting,
        scope=partnership,
        data={"title": title, "names": ", ".join(plan.person.name for plan in plans)},
        at=now,
    )
    return meeting


def _invite(meeting, plan, slot, *, by, now, base_url) -> MeetingInvitee:
    """Queue one member's invitation, written in their language and their time zone."""
    person = plan.person
    language = person.preferred_language
    zone = plan.participant.zone
    # The templates' dates and times are shown in the current time zone: the member's.
    with translation.override(language), timezone.override(zone):
        path = reverse(
            "meetings:meeting_detail",
            kwargs={"pk": meeting.partnership_id, "meeting_pk": meeting.pk},
        )
        url = f"{base_url.rstrip('/')}{path}"
        calendar = ics.meeting_calendar(
            meeting,
            description=_calendar_description(meeting, url),
            language=language,
            url=url,
            now=now,
        )
        message = mail_queue(
            to=person.email,
            template="meetings/mail/invitation",
            context=_mail_context(meeting, plan, slot, by=by, url=url),
            language=language,
            kind="meeting_invitation",
            about=meeting,
            attachments=[(ics.FILENAME, calendar, ics.MIMETYPE)],
            now=now,
        )
    return MeetingInvitee.objects.create(
        meeting=meeting,
        person=person,
        time_zone=plan.participant.time_zone,
        language=language,
        message=message,
    )


def _mail_context(meeting, plan, slot, *, by, url) -> dict:
    mine = slot.local_for(plan.participant.key)
    others = {}
    for local in slot.local:
        name = local.participant.time_zone
        if name != plan.participant.time_zone:
            others.setdefault(name, {"label": selectors.zone_label(name), "local": local})
    return {
        "person": plan.person,
        "meeting": meeting,
        "partnership": meeting.partnership,
        "network": meeting.partnership.call.network,
        "organiser": getattr(by, "person", None),
        "start": mine.start,
        "end": mine.end,
        "zone_label": selectors.zone_label(plan.participant.time_zone),
        "others": list(others.values()),
        "holidays": holiday_notes(meeting.partnership, slot.holidays),
        "meeting_url": url,
    }


def holiday_notes(partnership: Partnership, holidays) -> list[dict]:
    """The holidays a slot falls on, with their country's name in the active language."""
    countries = {
        organisation.country.code: organisation.country
        for organisation in (partnership.swedish_organisation, partnership.latin_organisation)
    }
    return [
        {
            "date": holiday.date,
            "name": holiday.name,
            "language": holiday.language,
            "country_name": str(countries.get(holiday.country, holiday.country)),
        }
        for holiday in holidays
    ]


def _calendar_description(meeting, url) -> str:
    lines = [_("Online meeting of the partnership %(name)s.") % {"name": meeting.partnership}]
    if meeting.video_link:
        lines.append(_("Video link: %(link)s") % {"link": meeting.video_link})
    lines.append(_("Details in Puentes: %(url)s") % {"url": url})
    return "\n".join(lines)


@transaction.atomic
def working_hours_save(
    *, person, time_zone: str, day_start: time, day_end: time, by, now
) -> WorkingHours:
    """Save the person's time zone and working day for the planner, for every partnership."""
    if not selectors.is_known_zone(time_zone):
        raise UnknownTimeZone
    if day_end <= day_start:
        raise InvalidHours
    hours, _created = WorkingHours.objects.update_or_create(
        person=person,
        defaults={"time_zone": time_zone, "day_start": day_start, "day_end": day_end},
    )
    audit_record(actor=by, action=activity.HOURS_SAVED, target=hours, at=now)
    return hours
