"""What the timeline of a partnership's workspace says about changes to the partnership
itself. Plans, reports and documents declare their own actions in their apps."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

CREATED = audit.action(
    "partnerships.created",
    _("%(actor)s confirmed the partnership of %(swedish)s and %(latin)s."),
)
STATEMENT_SAVED = audit.action(
    "partnerships.statement_saved", _("%(actor)s saved the shared challenge statement.")
)
MEMBER_INVITED = audit.action(
    "partnerships.member_invited", _("%(actor)s invited %(name)s to the partnership.")
)
MEMBER_JOINED = audit.action("partnerships.member_joined", _("%(name)s joined the partnership."))
COMMENTED = audit.action("partnerships.commented", _("%(actor)s wrote a comment."))
COMMENT_DELETED = audit.action(
    "partnerships.comment_deleted", _("%(actor)s deleted a comment by %(author)s.")
)

# One action per phase reached and direction, so each reader's timeline names the phase in
# their own language (an entry's data holds codes: {"from", "to", "reason"}).
PHASE_FORWARD = {
    "inception": audit.action(
        "partnerships.phase_forward_inception",
        _("%(actor)s moved the partnership on to the inception phase."),
    ),
    "project": audit.action(
        "partnerships.phase_forward_project",
        _("%(actor)s moved the partnership on to the project phase."),
    ),
    "concluded": audit.action(
        "partnerships.phase_forward_concluded",
        _("%(actor)s marked the partnership as concluded."),
    ),
}
PHASE_BACK = {
    "forming": audit.action(
        "partnerships.phase_back_forming",
        _("%(actor)s moved the partnership back to the forming phase: %(reason)s"),
    ),
    "inception": audit.action(
        "partnerships.phase_back_inception",
        _("%(actor)s moved the partnership back to the inception phase: %(reason)s"),
    ),
    "project": audit.action(
        "partnerships.phase_back_project",
        _("%(actor)s moved the partnership back to the project phase: %(reason)s"),
    ),
}
