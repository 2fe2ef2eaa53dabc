"""One shape for every error the API answers:

    {"error": {"code": "not_found", "message": "Not found.", "fields": {}}}

`code` is stable and meant for programs; `message` is a sentence for people; `fields` maps
each refused input (a body field or a query parameter) to its messages, and is empty when the
error is not about input."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)


class Conflict(exceptions.APIException):
    """The request is well formed but the record's state does not allow it (a workflow step
    that is not possible now, a value saved by someone else since it was read)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The record's current state does not allow this change.")
    default_code = "conflict"


MESSAGES = {
    status.HTTP_400_BAD_REQUEST: _("The request is not valid."),
}


def _messages(detail) -> list[str]:
    if isinstance(detail, dict):
        return [str(message) for value in detail.values() for message in _messages(value)]
    if isinstance(detail, list):
        return [str(message) for item in detail for message in _messages(item)]
    return [str(detail)]


def _fields(detail) -> dict:
    if isinstance(detail, dict):
        return {str(name): _messages(value) for name, value in detail.items()}
    return {"non_field_errors": _messages(detail)}


def error_body(code: str, message, fields: dict | None = None) -> dict:
    return {"error": {"code": code, "message": str(message), "fields": fields or {}}}


def exception_handler(exc, context):
    """DRF's exception handler, answering every error in the one shape above; anything
    unexpected becomes a 500 in that shape too (and is logged with its traceback). A database
    that cannot be reached is left to puentes.operations' middleware, which answers 503 in
    this same shape."""
    if isinstance(exc, (OperationalError, InterfaceError)):
        return None
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    set_rollback()
    if not isinstance(exc, exceptions.APIException):
        logger.exception("API error", exc_info=exc)
        body = error_body("server_error", _("Something went wrong on our side."))
        return Response(body, status=status.HTTP_500_INTERNAL_SERVER_ERROR)
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, exceptions.ValidationError):
        body = error_body("invalid", MESSAGES[400], _fields(exc.detail))
    else:
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        body = error_body(code, " ".join(_messages(exc.detail)))
    return Response(body, status=exc.status_code, headers=headers)
