"""A clear 503 when the database cannot be reached, instead of a 500.

The middleware comes first in MIDDLEWARE: it opens the database connection before any other
middleware (sessions, users) would, and answers 503 itself when that fails. The page is
rendered without a request context (no session, no user, no context processors), so it needs
nothing from the database. A connection lost later is answered the same way: inside a view
through process_exception, and anywhere else (another middleware, a template) by turning the
500 that Django made of the failure into the 503.
"""

import logging
import re
import sys

from csp.utils import build_policy
from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
UNREACHABLE = (OperationalError, InterfaceError)
# /healthz answers for itself (JSON for load balancers), 503 when the database is down.
OWN_ANSWER_PATHS = ("/healthz",)
JSON_PREFIXES = ("/api/",)
SECRET_IN_MESSAGE = re.compile(r"(password\s*=\s*)\S+", re.IGNORECASE)
FAILURE = "_puentes_database_failure"


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in OWN_ANSWER_PATHS:
            try:
                connection.ensure_connection()
            except UNREACHABLE as exc:
                return unavailable_response(request, exc)
        response = self.get_response(request)
        failure = getattr(request, FAILURE, None)
        if failure is not None and response.status_code == 500:
            return unavailable_response(request, failure)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, UNREACHABLE):
            return unavailable_response(request, exception)
        return None


def _remember_database_failure(sender, request=None, **kwargs):
    """Django signals an uncaught exception while it is being handled; a database failure is
    noted on the request so that the middleware can answer 503 instead of the 500."""
    failure = sys.exc_info()[1]
    if request is not None and isinstance(failure, UNREACHABLE):
        setattr(request, FAILURE, failure)


got_request_exception.connect(_remember_database_failure, dispatch_uid=FAILURE)


def unavailable_response(request, exc) -> HttpResponse:
    """The 503 in the visitor's language: JSON in the API's error shape under /api/, a short
    page elsewhere; the failure is logged once, without the connection's secrets."""
    log_failure(request, exc)
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        message = _(
            "Puentes cannot reach its database right now. Nothing you sent has been saved. "
            "Please try again in a few minutes."
        )
        if request.path_info.startswith(JSON_PREFIXES):
            body = {"error": {"code": "unavailable", "message": message, "fields": {}}}
            response = JsonResponse(body, status=503)
        else:
            html = render_to_string(
                "operations/unavailable.html",
                {"language": language, "message": message, "path": request.get_full_path()},
            )
            response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    _add_security_headers(request, response)
    return response


def _add_security_headers(request, response) -> None:
    """This middleware answers before the security, CSP and clickjacking middleware run, so
    the 503 sets their headers itself: the same policy as every other page."""
    response["Content-Security-Policy"] = build_policy()
    response["X-Frame-Options"] = settings.X_FRAME_OPTIONS
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        response["X-Content-Type-Options"] = "nosniff"
    if settings.SECURE_REFERRER_POLICY:
        response["Referrer-Policy"] = settings.SECURE_REFERRER_POLICY
    if settings.SECURE_HSTS_SECONDS and request.is_secure():
        hsts = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            hsts += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            hsts += "; preload"
        response["Strict-Transport-Security"] = hsts


def log_failure(request, exc) -> None:
    settings_dict = connection.settings_dict
    first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    logger.error(
        "Database unreachable (%s %s at %s:%s) on %s %s: %s: %s",
        connection.vendor,
        settings_dict.get("NAME"),
        settings_dict.get("HOST") or "local",
        settings_dict.get("PORT") or "default",
        request.method,
        request.path_info,
        type(exc).__name__,
        SECRET_IN_MESSAGE.sub(r"\1***", first_line),
    )
