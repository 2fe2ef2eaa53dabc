"""What the timelines of a workshop (and of a registrant's partnership) say about
registrations."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

REGISTERED = audit.action(
    "workshops.registered", _("%(actor)s registered %(name)s for %(workshop)s.")
)
WAITLISTED = audit.action(
    "workshops.waitlisted",
    _("%(actor)s put %(name)s on the waiting list for %(workshop)s."),
)
CANCELLED = audit.action(
    "workshops.cancelled",
    _("%(actor)s cancelled the registration of %(name)s for %(workshop)s."),
)
PROMOTED = audit.action(
    "workshops.promoted", _("%(name)s got a place at %(workshop)s from the waiting list.")
)
ATTENDED = audit.action(
    "workshops.attended", _("%(actor)s marked %(name)s as present at %(workshop)s.")
)
NO_SHOW = audit.action(
    "workshops.no_show", _("%(actor)s marked %(name)s as absent from %(workshop)s.")
)
CALENDAR_LINK_RENEWED = audit.action(
    "workshops.calendar_link_renewed", _("%(actor)s made a new private calendar link.")
)
REMINDED = audit.action(
    "workshops.reminded",
    _("%(name)s was reminded of %(workshop)s, %(days)s day(s) before."),
)
VISA_LETTER_REQUESTED = audit.action(
    "workshops.visa_letter_requested",
    _("%(actor)s asked for a visa invitation letter for %(name)s to %(workshop)s."),
)
VISA_LETTER_CHANGED = audit.action(
    "workshops.visa_letter_changed",
    _("%(actor)s changed the passport data for the visa letter of %(name)s to %(workshop)s."),
)
VISA_DATA_ERASED = audit.action(
    "workshops.visa_data_erased",
    _("The passport data of %(name)s for %(workshop)s was erased."),
)
WAITLIST_FILLED = audit.action(
    "workshops.waitlist_filled",
    _(
        "%(actor)s changed the places of %(workshop)s; places given from the waiting list: "
        "%(count)s."
    ),
)
CANCELLATION_TOLD = audit.action(
    "workshops.cancellation_told",
    _("%(name)s was told by mail that %(workshop)s is cancelled."),
)
WORKSHOP_CANCELLED = audit.action(
    "workshops.workshop_cancelled",
    _("%(actor)s cancelled %(workshop)s; people told by mail: %(count)s."),
)
