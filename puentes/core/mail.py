"""The outbox: every e-mail Puentes sends is queued with the change that causes it, then
delivered by a worker (`puentes deliver_mail --loop`) with retries, so no message is lost
while the mail server is down.

Apps call `mail_queue` inside their service's transaction; nothing else sends mail.
"""

import logging
import smtplib
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, timedelta
from email import encoders
from email.mime.base import MIMEBase
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.validators import validate_email
from django.db import transaction
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import translation

from .i18n import LANGUAGE_CODES
from .models import OutboxAttachment, OutboxMessage

logger = logging.getLogger("puentes.mail")

# Defaults for the settings of the same name (see docs/deployment.md, "The worker").
DEFAULT_MAX_ATTEMPTS = 10
DEFAULT_RETRY_BASE_SECONDS = 60
DEFAULT_RETRY_MAX_SECONDS = 60 * 60
# How long a worker may hold a message it is delivering before another worker takes it over:
# far longer than one SMTP conversation (EMAIL_TIMEOUT per step), so a slow server does not
# cause a second delivery, and short enough that a dead worker's message is soon retried.
DEFAULT_LEASE_SECONDS = 5 * 60
ERROR_MAX_LENGTH = 1000
# Attachments travel in the database row and in every attempt: keep them to invitation size.
ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024


class MailNotRetryable(Exception):
    """The message is delivered or being delivered: there is nothing to retry."""


@dataclass
class DeliveryReport:
    """What one delivery run did: delivered, to be tried again later, given up."""

    sent: int = 0
    deferred: int = 0
    failed: int = 0

    @property
    def attempted(self) -> int:
        return self.sent + self.deferred + self.failed


def max_attempts() -> int:
    return getattr(settings, "PUENTES_MAIL_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS)


def retry_delay(attempts: int) -> timedelta:
    """Wait after the `attempts`-th failed attempt: 1, 2, 4, 8 … minutes, up to an hour."""
    base = getattr(settings, "PUENTES_MAIL_RETRY_BASE_SECONDS", DEFAULT_RETRY_BASE_SECONDS)
    cap = getattr(settings, "PUENTES_MAIL_RETRY_MAX_SECONDS", DEFAULT_RETRY_MAX_SECONDS)
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "PUENTES_MAIL_LEASE_SECONDS", DEFAULT_LEASE_SECONDS))


def mail_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    reply_to: str | None = None,
    cc=(),
    kind: str = "",
    about=None,
    attachments=(),
    now: datetime,
) -> OutboxMessage:
    """Render a message in the recipient's language and store it in the current transaction.

    `template` names three templates: `<template>_subject.txt`, `<template>.txt` and
    `<template>.html` (the last extends "mail/layout.html"). If the caller's transaction
    rolls back, the message is gone with it; nothing is sent here. `about` is the object
    the message is about (an interest, a workshop…), shown to coordinators. The templates
    get `context` and `language`; links in them must be absolute. `attachments` are
    `(filename, content_bytes, mimetype)` triples, e.g. `("meeting.ics", data, "text/calendar")`.
    """
    if language not in LANGUAGE_CODES:
        raise ValueError(f"No such language: {language!r}")
    with translation.override(language):
        context = {"language": language, **context}
        subject = " ".join(_render_text(f"{template}_subject.txt", context).split())
        text = _render_text(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    return mail_store(
        to=to,
        subject=subject,
        text=text,
        html=html,
        language=language,
        reply_to=reply_to,
        cc=cc,
        kind=kind,
        about=about,
        attachments=attachments,
        now=now,
    )


def mail_store(
    *,
    to: str,
    subject: str,
    text: str,
    html: str,
    language: str,
    reply_to: str | None = None,
    cc=(),
    kind: str = "",
    about=None,
    attachments=(),
    now: datetime,
) -> OutboxMessage:
    """Store a message that is already rendered (e.g. by allauth) in the current transaction.

    Prefer `mail_queue`, which renders Puentes' own templates in the recipient's language.
    `html` may be empty: the message is then sent as plain text only.
    """
    if language not in LANGUAGE_CODES:
        raise ValueError(f"No such language: {language!r}")
    cc = list(cc)
    for address in [to, *cc, *([reply_to] if reply_to else [])]:
        validate_email(address)
    attachments = [_checked_attachment(*attachment) for attachment in attachments]
    message = OutboxMessage.objects.create(
        to_address=to,
        language=language,
        subject=" ".join(subject.split()),
        body_text=text,
        body_html=html,
        reply_to=reply_to or "",
        cc=cc,
        message_id=make_msgid(domain=_message_id_domain()),
        kind=kind,
        content_type=ContentType.objects.get_for_model(about) if about is not None else None,
        object_id=str(about.pk) if about is not None else "",
        status=OutboxMessage.Status.QUEUED,
        next_attempt_at=now,
    )
    OutboxAttachment.objects.bulk_create(
        OutboxAttachment(message=message, filename=name, content=content, mimetype=mimetype)
        for name, content, mimetype in attachments
    )
    return message


def _checked_attachment(filename: str, content: bytes, mimetype: str) -> tuple:
    """Refuse at queueing time what could never be sent, rather than at every attempt."""
    if not filename or any(char in filename for char in '/\\\r\n"'):
        raise ValueError(f"Not a plain file name: {filename!r}")
    if not isinstance(content, bytes | bytearray | memoryview):
        raise TypeError("An attachment's content must be bytes")
    if len(content) > ATTACHMENT_MAX_BYTES:
        raise ValueError(f"{filename} is larger than {ATTACHMENT_MAX_BYTES} bytes")
    basetype, _slash, subtype = mimetype.partition("/")
    if not (basetype and subtype) or ";" in mimetype or " " in mimetype:
        raise ValueError(f"Not a plain content type: {mimetype!r}")
    return filename, bytes(content), mimetype.lower()


def mail_retry(*, message: OutboxMessage, now: datetime) -> OutboxMessage:
    """Make a failed (or waiting) message due at once; a coordinator's "retry now".

    A message that had given up gets one more attempt; if that fails too it gives up again.
    """
    updated = OutboxMessage.objects.filter(
        pk=message.pk, status__in=[OutboxMessage.Status.QUEUED, OutboxMessage.Status.FAILED]
    ).update(status=OutboxMessage.Status.QUEUED, next_attempt_at=now, updated_at=now)
    if not updated:
        raise MailNotRetryable(message.pk)
    message.refresh_from_db()
    logger.info("Outbox message %s retried by hand", message.pk)
    return message


def mail_deliver_due(
    *, now: datetime, limit: int = 50, should_stop: Callable[[], bool] | None = None
) -> DeliveryReport:
    """Deliver up to `limit` due messages through the configured e-mail backend.

    Safe with several workers at once: each message is claimed in its own short transaction
    (on PostgreSQL with SKIP LOCKED), so no two workers deliver the same message; a claim is
    a lease, taken over by another worker if this one dies. `now` is the clock at the start
    and moves on with the time this run takes. `should_stop` lets a worker leave between two
    messages.
    """
    started = time.monotonic()

    def clock() -> datetime:
        return now + timedelta(seconds=time.monotonic() - started)

    report = DeliveryReport()
    connection = get_connection()
    try:
        while report.attempted < limit and not (should_stop and should_stop()):
            message = _claim_next(clock())
            if message is None:
                break
            _deliver(message, connection, clock, report)
    finally:
        _close_quietly(connection)
    return report


def _render_text(name: str, context: dict) -> str:
    """A plain-text template, without the HTML escaping that would turn & into &amp;."""
    return get_template(name).template.render(Context(context, autoescape=False))


def _message_id_domain() -> str:
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    return address.rpartition("@")[2] or "localhost"


def _claim_next(now: datetime) -> OutboxMessage | None:
    # SQLite ignores FOR UPDATE; its IMMEDIATE transactions make claims take turns instead.
    with transaction.atomic():
        message = OutboxMessage.objects.due(now).select_for_update(skip_locked=True).first()
        if message is None:
            return None
        # Counting the attempt at the claim means a message that kills its worker gives up too.
        message.status = OutboxMessage.Status.SENDING
        message.attempts += 1
        message.next_attempt_at = now + lease()
        message.save(update_fields=["status", "attempts", "next_attempt_at", "updated_at"])
    return message


def _deliver(message: OutboxMessage, connection, clock, report: DeliveryReport) -> None:
    try:
        connection.open()
        if connection.send_messages([_email_for(message, connection)]) != 1:
            raise smtplib.SMTPException("The mail server accepted no recipient.")
    except (smtplib.SMTPException, OSError, ValueError) as exc:
        # The connection may be half-dead: the next message opens a fresh one.
        _close_quietly(connection)
        _record_failure(message, exc, clock(), report)
        return
    sent_at = clock()
    _record(message, report, "sent", sent_at, status=OutboxMessage.Status.SENT, sent_at=sent_at)


def _email_for(message: OutboxMessage, connection) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=message.subject,
        body=message.body_text,
        to=[message.to_address],
        cc=message.cc,
        reply_to=[message.reply_to] if message.reply_to else None,
        connection=connection,
        headers={
            "Message-ID": message.message_id,
            "Content-Language": message.language,
            # RFC 3834: tells out-of-office responders not to answer.
            "Auto-Submitted": "auto-generated",
        },
    )
    if message.body_html:
        email.attach_alternative(message.body_html, "text/html")
    # Read again at each attempt, so a retry carries the same files as the first try.
    for attachment in message.attachments.all():
        email.attach(_mime_part(attachment))
    return email


def _mime_part(attachment: OutboxAttachment) -> MIMEBase:
    """The file in base64, so its bytes arrive exactly as stored (line ends of an .ics
    included), which Django's own text attachments do not promise."""
    content = bytes(attachment.content)
    part = MIMEBase(*attachment.mimetype.split("/", 1))
    if attachment.mimetype.startswith("text/"):
        with suppress(UnicodeDecodeError):
            content.decode("utf-8")
            part.set_param("charset", "utf-8")
    part.set_payload(content)
    encoders.encode_base64(part)
    name = attachment.filename
    part.add_header(
        "Content-Disposition",
        "attachment",
        filename=name if name.isascii() else ("utf-8", "", name),
    )
    return part


def _record_failure(message, exc: Exception, now: datetime, report: DeliveryReport) -> None:
    # The exception's text is the server's answer or the socket error: no credentials.
    error = f"{type(exc).__name__}: {exc}"[:ERROR_MAX_LENGTH]
    if _is_permanent(exc) or message.attempts >= max_attempts():
        logger.warning("Outbox message %s gave up: %s", message.pk, error)
        _record(
            message, report, "failed", now, status=OutboxMessage.Status.FAILED, last_error=error
        )
        return
    logger.info("Outbox message %s will be retried: %s", message.pk, error)
    _record(
        message,
        report,
        "deferred",
        now,
        status=OutboxMessage.Status.QUEUED,
        next_attempt_at=now + retry_delay(message.attempts),
        last_error=error,
    )


def _is_permanent(exc: Exception) -> bool:
    """Every recipient refused with a 5xx code: trying again would not help."""
    if not isinstance(exc, smtplib.SMTPRecipientsRefused) or not exc.recipients:
        return False
    return all(code >= 500 for code, _text in exc.recipients.values())


def _record(message, report: DeliveryReport, outcome: str, now: datetime, **changes) -> None:
    changes.setdefault("next_attempt_at", None)
    # Only while this worker's claim holds: if the lease ran out and another worker took the
    # message over, that worker's outcome counts.
    updated = OutboxMessage.objects.filter(
        pk=message.pk, status=OutboxMessage.Status.SENDING, attempts=message.attempts
    ).update(updated_at=now, **changes)
    if not updated:
        logger.warning("Outbox message %s was taken over by another worker", message.pk)
    setattr(report, outcome, getattr(report, outcome) + 1)


def _close_quietly(connection) -> None:
    with suppress(smtplib.SMTPException, OSError):
        connection.close()
