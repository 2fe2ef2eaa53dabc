"""Delivering the outbox through a real SMTP server: retries, giving up, leases, workers."""

import itertools
import threading
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from puentes.core.mail import lease, mail_deliver_due, retry_delay
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import HOST, _free_port, text_of

from .test_outbox_queue import NOW, mail_templates, queue_hello  # noqa: F401

pytestmark = pytest.mark.usefixtures("mail_templates")
MINUTE = timedelta(minutes=1)


def test_a_due_message_is_delivered_with_its_subject_text_html_and_message_id(db, smtp_server):
    # given
    message = queue_hello(reply_to="network@example.org", cc=["secretariat@example.org"])

    # when
    report = mail_deliver_due(now=NOW)

    # then
    [received] = smtp_server.wait_for(1)
    assert (report.sent, report.deferred, report.failed) == (1, 0, 0)
    assert received["To"] == "ana@example.org"
    assert received["Cc"] == "secretariat@example.org"
    assert received["Reply-To"] == "network@example.org"
    assert received["Message-ID"] == message.message_id
    assert received["Subject"] == "Ja, Ana & Björn"
    assert "?a=1&b=2" in text_of(received)
    html = received.get_body(preferencelist=("html",)).get_content()
    assert "Ana &amp; Björn" in html
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.SENT
    assert message.attempts == 1
    assert message.next_attempt_at is None
    assert message.sent_at >= NOW


def test_a_delivered_message_is_not_delivered_again(db, smtp_server):
    # given
    queue_hello()
    mail_deliver_due(now=NOW)
    smtp_server.wait_for(1)

    # when the worker runs again, an hour later
    report = mail_deliver_due(now=NOW + 60 * MINUTE)

    # then
    assert report.attempted == 0
    assert len(smtp_server.messages) == 1


def test_messages_wait_while_the_mail_server_is_down_and_each_arrives_once_when_it_is_back(
    db, smtp_server
):
    # given five messages and a mail server that is down
    queued = [queue_hello(to=f"person{n}@example.org") for n in range(5)]
    smtp_server.stop()

    # when the worker runs, and runs again before the retry time
    first = mail_deliver_due(now=NOW)
    again = mail_deliver_due(now=NOW + MINUTE / 2)

    # then every message is kept, with the error and a later attempt time
    assert (first.sent, first.deferred, first.failed) == (0, 5, 0)
    assert again.attempted == 0
    for message in OutboxMessage.objects.all():
        assert message.status == OutboxMessage.Status.QUEUED
        assert message.attempts == 1
        assert "Connection" in message.last_error
        assert message.next_attempt_at >= NOW + MINUTE

    # when the server is back and the retry time has come
    smtp_server.start()
    back = mail_deliver_due(now=NOW + 2 * MINUTE)
    later = mail_deliver_due(now=NOW + 120 * MINUTE)

    # then every message arrives exactly once: none lost, none twice
    smtp_server.wait_for(5)
    assert (back.sent, later.attempted) == (5, 0)
    received_ids = sorted(m["Message-ID"] for m in smtp_server.messages)
    assert received_ids == sorted(m.message_id for m in queued)
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}


def test_retries_wait_longer_each_time_up_to_an_hour():
    assert [retry_delay(n) / MINUTE for n in range(1, 10)] == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_message_gives_up_after_the_configured_number_of_attempts(db, smtp_server, settings):
    # given
    settings.PUENTES_MAIL_MAX_ATTEMPTS = 3
    message = queue_hello()
    smtp_server.stop()

    # when the worker runs each time the message is due
    attempt_times, reports = [], []
    while message.next_attempt_at is not None:
        attempt_times.append(message.next_attempt_at)
        reports.append(mail_deliver_due(now=message.next_attempt_at))
        message.refresh_from_db()
    much_later = mail_deliver_due(now=NOW + 24 * 60 * MINUTE)

    # then it was tried three times, 1 and then 2 minutes apart, and never again
    assert [(r.deferred, r.failed) for r in reports] == [(1, 0), (1, 0), (0, 1)]
    waits = [later - earlier for earlier, later in itertools.pairwise(attempt_times)]
    assert [round(wait / MINUTE, 1) for wait in waits] == [1, 2]
    assert much_later.attempted == 0
    assert message.status == OutboxMessage.Status.FAILED
    assert message.attempts == 3
    assert "Connection" in message.last_error


def test_a_message_left_sending_by_a_dead_worker_is_delivered_when_its_lease_runs_out(
    db, smtp_server
):
    # given a worker that claimed a message at NOW and died before recording anything
    message = queue_hello()
    OutboxMessage.objects.filter(pk=message.pk).update(
        status=OutboxMessage.Status.SENDING, attempts=1, next_attempt_at=NOW + lease()
    )

    # when other workers run while the lease holds, and after it ran out
    during = mail_deliver_due(now=NOW + lease() - MINUTE)
    after = mail_deliver_due(now=NOW + lease())

    # then only the second delivers it
    assert (during.attempted, after.sent) == (0, 1)
    [received] = smtp_server.wait_for(1)
    assert received["Message-ID"] == message.message_id
    message.refresh_from_db()
    assert (message.status, message.attempts) == (OutboxMessage.Status.SENT, 2)


def run_at_once(work, count: int) -> None:
    """Run `work` in `count` threads at once, each with its own database connection."""

    def worker():
        try:
            work()
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


def test_several_workers_deliver_every_message_exactly_once(transactional_db, smtp_server):
    # given
    queued = [queue_hello(to=f"person{n}@example.org") for n in range(30)]
    reports = []

    def work():
        reports.append(mail_deliver_due(now=NOW, limit=30))

    # when four workers run
    if connection.vendor == "sqlite":
        # SQLite has one writer at a time, and its in-memory test database refuses a second
        # writer rather than making it wait: there, workers take turns.
        for _ in range(4):
            work()
    else:
        run_at_once(work, count=4)

    # then
    smtp_server.wait_for(30)
    assert len(reports) == 4
    assert sum(report.sent for report in reports) == 30
    received_ids = sorted(m["Message-ID"] for m in smtp_server.messages)
    assert received_ids == sorted(m.message_id for m in queued)


class _RefusingHandler:
    """An SMTP server that knows no mailbox: every recipient gets 550."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "550 5.1.1 No such mailbox"


@pytest.fixture
def refusing_smtp_server(settings):
    controller = Controller(_RefusingHandler(), hostname=HOST, port=_free_port())
    controller.start()
    # pytest-django swaps in the in-memory backend; this test wants the real conversation.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = HOST, controller.port
    yield controller
    controller.stop()


def test_a_recipient_the_server_refuses_for_good_is_not_tried_again(db, refusing_smtp_server):
    # given
    message = queue_hello(to="nobody@example.org")

    # when
    report = mail_deliver_due(now=NOW)

    # then
    assert report.failed == 1
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.FAILED
    assert "550" in message.last_error
