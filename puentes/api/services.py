"""Changes of state of API tokens: made by a coordinator for themselves, revoked by any
coordinator. Each is recorded in the audit trail under the token's owner."""

import secrets

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.people.access import acts_as_coordinator

from . import activity
from .models import ApiToken, token_digest


class TokenRefused(Exception):
    message = _("Only coordinators can have API tokens.")


@transaction.atomic
def token_create(*, user, name: str, now) -> tuple[ApiToken, str]:
    """Make a token for `user` (a coordinator). Returns the record and the token itself,
    which is stored only as its hash: show it once and never again."""
    if not acts_as_coordinator(user):
        raise TokenRefused
    secret = "pnt_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=secret[:8], digest=token_digest(secret)
    )
    audit_record(
        actor=user,
        action=activity.TOKEN_CREATED,
        target=token,
        scope=user,
        data={"name": token.name},
        at=now,
    )
    return token, secret


@transaction.atomic
def token_revoke(*, token: ApiToken, by, now) -> None:
    """The token stops working at once; the audit entry keeps its name and owner."""
    audit_record(
        actor=by,
        action=activity.TOKEN_REVOKED,
        target=token,
        scope=token.user,
        data={"name": token.name},
        at=now,
    )
    token.delete()
