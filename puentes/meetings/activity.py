"""What the partnership's timeline says about its online meetings, and the audit trail's
words for a person's working hours."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

MEETING_SENT = audit.action(
    "meetings.sent",
    _("%(actor)s sent an invitation to the online meeting “%(title)s” to %(names)s."),
)
HOURS_SAVED = audit.action(
    "meetings.hours_saved", _("%(actor)s saved their working hours for online meetings.")
)
