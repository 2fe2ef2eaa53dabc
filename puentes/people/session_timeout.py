"""Sessions that end by themselves: after a while without activity (coordinators sooner,
since they see everyone's personal data) and, whatever the activity, after a maximum age."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout, user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _

STARTED_AT = "puentes_session_started_at"
LAST_SEEN_AT = "puentes_session_last_seen_at"


def session_expired(*, session, user, now: float) -> bool:
    """Whether the signed-in session has been idle too long or has lived too long."""
    started_at = session.get(STARTED_AT, now)
    idle_seconds = now - session.get(LAST_SEEN_AT, now)
    if now - started_at > settings.SESSION_COOKIE_AGE:
        return True
    if idle_seconds > settings.PUENTES_MEMBER_IDLE_MINUTES * 60:
        return True
    # Asking for the role costs a query, so only when the shorter limit is passed.
    coordinator_limit = settings.PUENTES_COORDINATOR_IDLE_MINUTES * 60
    return idle_seconds > coordinator_limit and (user.is_superuser or user.is_coordinator)


def session_touch(*, session, now: float) -> None:
    """Record activity, at most once every PUENTES_SESSION_TOUCH_SECONDS (a minute): writing
    the session on every request would cost a database write per page view."""
    session.setdefault(STARTED_AT, now)
    if now - session.get(LAST_SEEN_AT, 0) >= settings.PUENTES_SESSION_TOUCH_SECONDS:
        session[LAST_SEEN_AT] = now


def session_start(sender, request, user, **kwargs):
    """Start both clocks at sign-in, while the session is being saved anyway, so the first
    page after it writes nothing."""
    now = time.time()
    request.session[STARTED_AT] = now
    request.session[LAST_SEEN_AT] = now


def connect() -> None:
    user_logged_in.connect(session_start, dispatch_uid="puentes.session_timeout.start")


class SessionTimeoutMiddleware:
    """Signs out an expired session and sends the person to the sign-in page with a message
    in the page's language. The API is left alone: it authenticates by token, not session."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated:
            return None
        if getattr(request.resolver_match, "app_name", None) == "api":
            return None
        now = time.time()
        if session_expired(session=request.session, user=request.user, now=now):
            logout(request)
            messages.info(
                request,
                _(
                    "You have been signed out because the session was idle for too long "
                    "or had lasted too long. Please sign in again."
                ),
            )
            return redirect_to_login(request.get_full_path())
        session_touch(session=request.session, now=now)
        return None
