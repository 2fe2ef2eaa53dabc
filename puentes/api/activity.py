"""What the audit trail says about API tokens."""

from django.utils.translation import gettext_lazy as _

from puentes.core import audit

TOKEN_CREATED = audit.action("api.token_created", _("%(actor)s created the API token %(name)s."))
TOKEN_REVOKED = audit.action("api.token_revoked", _("%(actor)s revoked the API token %(name)s."))
