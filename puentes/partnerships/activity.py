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
