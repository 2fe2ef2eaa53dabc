"""What the partnership's timeline says about its documents."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

UPLOADED = audit.action(
    "documents.uploaded", _("%(actor)s shared the document “%(title)s” (%(name)s).")
)
DELETED = audit.action("documents.deleted", _("%(actor)s deleted the document “%(title)s”."))
