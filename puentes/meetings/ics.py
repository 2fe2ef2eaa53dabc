"""A meeting as an iCalendar file (RFC 5545) for the invitation mail.

Times are written in UTC (`DTSTART:20260113T140000Z`): one instant that every calendar
program shows in its owner's zone, with no VTIMEZONE to get wrong. METHOD:PUBLISH makes it
an event to add, not a request that expects answers by mail.
"""

from datetime import UTC, datetime

from icalendar import Calendar, Event

from .models import Meeting

PRODID = "-//Puentes//Online meetings//EN"
FILENAME = "meeting.ics"
MIMETYPE = "text/calendar"


def meeting_calendar(
    meeting: Meeting, *, description: str, language: str, url: str, now: datetime
) -> bytes:
    """The meeting as .ics bytes; `description` (the partnership, the video link, the page)
    is written in the recipient's `language`."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", meeting.uid)
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", meeting.start_at.astimezone(UTC))
    event.add("dtend", meeting.end_at.astimezone(UTC))
    event.add("summary", meeting.title)
    event.add("description", description, parameters={"language": language})
    if meeting.video_link:
        event.add("location", meeting.video_link)
    event.add("url", url)
    event.add("sequence", 0)
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    calendar.add_component(event)
    return calendar.to_ical()
