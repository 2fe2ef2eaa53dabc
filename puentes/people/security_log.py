"""Security events, one line each on the "puentes.security" logger: who (the account's id),
from where (the client's address) and what happened. Never a password, a TOTP code, a token
or an e-mail address: an attempt for an unknown account is logged with a keyed hash of the
login typed, so repeated attempts on one login can be linked without storing the address."""

import logging

from allauth.account import signals as account_signals
from allauth.mfa import signals as mfa_signals
from django.contrib.auth import signals as auth_signals
from django.utils.crypto import salted_hmac

from puentes.core.ratelimit import client_address

logger = logging.getLogger("puentes.security")

SIGNED_IN = "signin_succeeded"
SIGN_IN_FAILED = "signin_failed"
SIGN_IN_THROTTLED = "signin_throttled"
SIGNED_OUT = "signed_out"
PASSWORD_CHANGED = "password_changed"
PASSWORD_SET = "password_set"
PASSWORD_RESET = "password_reset"
MFA_ADDED = "mfa_added"
MFA_REMOVED = "mfa_removed"
MFA_RESET = "mfa_reset"
MFA_CODE_REFUSED = "mfa_code_refused"


def login_hash(login: str) -> str:
    """A keyed hash of what was typed as login: linkable, not reversible without the key."""
    return salted_hmac("puentes.security.login", login.strip().casefold()).hexdigest()[:16]


def log_event(event: str, *, request=None, user=None, login: str | None = None, **extra) -> None:
    fields = {"event": event}
    if user is not None and user.pk is not None:
        fields["user"] = user.pk
    elif login is not None:
        fields["login_hash"] = login_hash(login)
    fields["address"] = (client_address(request) if request is not None else "") or "-"
    fields.update(extra)
    logger.info(" ".join(f"{key}={value}" for key, value in fields.items()))


def account_for_login(login: str):
    from allauth.account.models import EmailAddress

    address = EmailAddress.objects.filter(email__iexact=login.strip()).select_related("user")
    found = address.first()
    return found.user if found else None


def log_attempt(event: str, *, request, login: str) -> None:
    """A refused attempt: the account's id when the login names one, else the login's hash."""
    log_event(event, request=request, user=account_for_login(login), login=login)


def on_login_failed(sender, credentials, request=None, **kwargs):
    login = credentials.get("email") or credentials.get("username") or ""
    log_attempt(SIGN_IN_FAILED, request=request, login=str(login))


def on_event(event: str):
    def receiver(sender, request=None, user=None, **kwargs):
        authenticator = kwargs.get("authenticator")
        extra = {"kind": authenticator.type} if authenticator is not None else {}
        log_event(event, request=request, user=user, **extra)

    receiver.__name__ = f"log_{event}"
    return receiver


RECEIVERS = [
    (auth_signals.user_logged_in, on_event(SIGNED_IN)),
    (auth_signals.user_logged_out, on_event(SIGNED_OUT)),
    (auth_signals.user_login_failed, on_login_failed),
    (account_signals.password_changed, on_event(PASSWORD_CHANGED)),
    (account_signals.password_set, on_event(PASSWORD_SET)),
    (account_signals.password_reset, on_event(PASSWORD_RESET)),
    (mfa_signals.authenticator_added, on_event(MFA_ADDED)),
    (mfa_signals.authenticator_removed, on_event(MFA_REMOVED)),
    (mfa_signals.authenticator_reset, on_event(MFA_RESET)),
    (mfa_signals.authentication_failed, on_event(MFA_CODE_REFUSED)),
]


def connect() -> None:
    for signal, receiver in RECEIVERS:
        signal.connect(receiver, dispatch_uid=f"puentes.security.{receiver.__name__}")
