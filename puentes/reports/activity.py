"""What a partnership's timeline says about its progress reports (scope: the partnership)."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

SAVED = audit.action("reports.saved", _("%(actor)s saved the progress report %(period)s."))
SIGN_OFF_CLEARED = audit.action(
    "reports.sign_off_cleared",
    _(
        "The sign-off of %(organisation)s on the progress report %(period)s was withdrawn "
        "because %(actor)s changed the text."
    ),
)
SIGNED = audit.action(
    "reports.signed",
    _("%(actor)s signed off the progress report %(period)s for %(organisation)s."),
)
SUBMITTED = audit.action(
    "reports.submitted",
    _("The progress report %(period)s is submitted: both partners signed it off."),
)
REOPENED = audit.action(
    "reports.reopened",
    _("%(actor)s reopened the progress report %(period)s: %(reason)s"),
)
REMINDER_SENT = audit.action(
    "reports.reminder_sent",
    _("%(actor)s reminded %(recipients)s people that the progress report %(period)s is due."),
)
