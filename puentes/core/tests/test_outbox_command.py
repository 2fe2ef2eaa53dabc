"""`puentes deliver_mail`: once, and as a worker that stops cleanly on SIGTERM."""

import os
import signal
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from puentes.core.models import OutboxMessage

from .test_outbox_queue import mail_templates, queue_hello  # noqa: F401

pytestmark = pytest.mark.usefixtures("mail_templates")


def test_the_command_delivers_what_is_due_once(db, smtp_server):
    # given two messages due now and one due tomorrow
    queue_hello(to="ana@example.org")
    queue_hello(to="bjorn@example.org")
    later = queue_hello(to="later@example.org")
    later.next_attempt_at = timezone.now() + timedelta(days=1)
    later.save()
    out = StringIO()

    # when
    call_command("deliver_mail", stdout=out)

    # then
    smtp_server.wait_for(2)
    assert sorted(str(m["To"]) for m in smtp_server.messages) == [
        "ana@example.org",
        "bjorn@example.org",
    ]
    assert "2 sent, 0 to retry later, 0 failed." in out.getvalue()
    assert OutboxMessage.objects.filter(status="queued").get() == later


def test_the_worker_keeps_delivering_until_it_is_told_to_stop(transactional_db, smtp_server):
    # given a message, and a supervisor that sends SIGTERM once the worker has delivered it
    # (a worker drops its database connection between runs: hence a committed message)
    queue_hello()

    def supervisor():
        try:
            smtp_server.wait_for(1, timeout=10)
        finally:
            os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=supervisor, daemon=True).start()
    handler_before = signal.getsignal(signal.SIGTERM)
    out = StringIO()

    # when the worker runs (the test hangs here if SIGTERM does not stop it)
    call_command("deliver_mail", "--loop", "--interval", "0.05", stdout=out)

    # then it stopped cleanly, after delivering the message once, and gave SIGTERM back
    assert out.getvalue().splitlines()[-1] == "Stopped."
    assert len(smtp_server.messages) == 1
    assert OutboxMessage.objects.get().status == OutboxMessage.Status.SENT
    assert signal.getsignal(signal.SIGTERM) is handler_before
