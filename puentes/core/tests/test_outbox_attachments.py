"""Files sent with outbox messages: stored with the message, attached on every attempt."""

from datetime import timedelta

import pytest
from django.db import transaction

from puentes.core.mail import ATTACHMENT_MAX_BYTES, mail_deliver_due
from puentes.core.models import OutboxAttachment, OutboxMessage
from puentes.core.testing.smtp import text_of

from .test_outbox_queue import NOW, mail_templates, queue_hello  # noqa: F401

pytestmark = pytest.mark.usefixtures("mail_templates")

# An invitation as calendar programs write it: CRLF line ends, a folded line, UTF-8.
ICS = (
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Puentes//test//SV\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:meeting-1@puentes.test\r\n"
    "DTSTAMP:20260115T090000Z\r\n"
    "DTSTART:20260120T140000Z\r\n"
    "DTEND:20260120T150000Z\r\n"
    "SUMMARY:Möte om jämställdhet – reunión sobre igualdad de género entre Gö\r\n"
    " teborg y Cobán\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n"
).encode()
PDF = b"%PDF-1.4\n\x00\x01\x02\xff binary \r\n bytes\n%%EOF"


def attachments_of(received):
    return [
        (part.get_filename(), part.get_content_type(), part.get_payload(decode=True))
        for part in received.iter_attachments()
    ]


def test_an_ics_attachment_arrives_intact_beside_the_text_and_html(db, smtp_server):
    # given a message queued with a calendar file and a binary file
    queue_hello(
        attachments=[
            ("meeting.ics", ICS, "text/calendar"),
            ("brev.pdf", PDF, "application/pdf"),
        ]
    )

    # when the worker delivers it
    report = mail_deliver_due(now=NOW)

    # then both files arrive byte for byte, and the message still reads as before
    [received] = smtp_server.wait_for(1)
    assert report.sent == 1
    assert attachments_of(received) == [
        ("meeting.ics", "text/calendar", ICS),
        ("brev.pdf", "application/pdf", PDF),
    ]
    assert "Ja, Ana & Björn" in text_of(received)
    assert "Ana &amp; Björn" in received.get_body(preferencelist=("html",)).get_content()


def test_a_retry_after_a_failed_attempt_still_carries_the_attachment(db, smtp_server):
    # given a message with an .ics and a mail server that is down at the first attempt
    message = queue_hello(attachments=[("meeting.ics", ICS, "text/calendar")])
    smtp_server.stop()
    first = mail_deliver_due(now=NOW)
    message.refresh_from_db()
    assert (first.deferred, message.status) == (1, OutboxMessage.Status.QUEUED)

    # when the server is back and the retry is due
    smtp_server.start()
    second = mail_deliver_due(now=NOW + timedelta(minutes=2))

    # then the retried message has the same Message-ID and the same file
    [received] = smtp_server.wait_for(1)
    assert second.sent == 1
    assert received["Message-ID"] == message.message_id
    assert attachments_of(received) == [("meeting.ics", "text/calendar", ICS)]
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxMessage.Status.SENT, 2)


def test_a_message_without_attachments_has_none(db, smtp_server):
    queue_hello()

    mail_deliver_due(now=NOW)

    [received] = smtp_server.wait_for(1)
    assert attachments_of(received) == []


def test_a_file_name_outside_ascii_arrives_as_written(db, smtp_server):
    queue_hello(attachments=[("reunión.ics", ICS, "text/calendar")])

    mail_deliver_due(now=NOW)

    [received] = smtp_server.wait_for(1)
    assert attachments_of(received) == [("reunión.ics", "text/calendar", ICS)]


def test_attachments_roll_back_with_their_message(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_hello(attachments=[("meeting.ics", ICS, "text/calendar")])
        raise RuntimeError("the change failed")

    assert OutboxAttachment.objects.count() == 0


@pytest.mark.parametrize(
    ("attachment", "error"),
    [
        (("../etc/passwd", b"x", "text/plain"), ValueError),
        (("a\r\nBcc: x@example.org", b"x", "text/plain"), ValueError),
        (("", b"x", "text/plain"), ValueError),
        (("meeting.ics", "not bytes", "text/calendar"), TypeError),
        (("meeting.ics", b"x", "calendar"), ValueError),
        (("meeting.ics", b"x", "text/calendar; method=REQUEST"), ValueError),
        (("big.bin", b"x" * (ATTACHMENT_MAX_BYTES + 1), "application/octet-stream"), ValueError),
    ],
)
def test_an_attachment_that_could_not_be_sent_is_refused_when_queueing(db, attachment, error):
    with pytest.raises(error):
        queue_hello(attachments=[attachment])

    assert OutboxMessage.objects.count() == 0
    assert OutboxAttachment.objects.count() == 0
