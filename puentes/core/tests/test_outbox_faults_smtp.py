"""The mail server failing in the middle of a conversation: a 4xx answer to DATA, or the
connection dropped while a message is sent. No message is lost, none goes out twice."""

from collections import Counter
from datetime import timedelta

import pytest

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import SMTPServer

from .test_outbox_queue import NOW, mail_templates, queue_hello  # noqa: F401

pytestmark = pytest.mark.usefixtures("mail_templates")
MINUTE = timedelta(minutes=1)
TROUBLE = "trouble@example.org"


class TroubledSMTPServer(SMTPServer):
    """Answers DATA for TROUBLE the first `times` times with `how`: "busy" (451) or "drop"
    (the connection closed before any answer); everything else is accepted."""

    def __init__(self, how: str, times: int = 1):
        super().__init__()
        plain_handle = self._collector.handle_DATA
        self.troubles = 0

        async def handle_DATA(server, session, envelope):
            if TROUBLE in envelope.rcpt_tos and self.troubles < times:
                self.troubles += 1
                if how == "drop":
                    server.transport.close()
                return "451 4.3.0 Busy, try again later"
            return await plain_handle(server, session, envelope)

        self._collector.handle_DATA = handle_DATA


@pytest.fixture
def troubled(settings, request):
    server = TroubledSMTPServer(request.param)
    server.start()
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.host, server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server
    server.stop()


@pytest.mark.parametrize("troubled", ["busy", "drop"], indirect=True)
def test_a_message_the_server_fails_on_mid_conversation_is_retried_and_the_others_go_out_once(
    db, troubled
):
    # given five messages, the middle one to a recipient the server fails on once
    addresses = ["a@example.org", "b@example.org", TROUBLE, "c@example.org", "d@example.org"]
    queued = {address: queue_hello(to=address).message_id for address in addresses}

    # when the worker runs, and again once the retry is due
    first = mail_deliver_due(now=NOW)
    held = OutboxMessage.objects.get(to_address=TROUBLE)
    retry = mail_deliver_due(now=held.next_attempt_at)
    later = mail_deliver_due(now=NOW + 120 * MINUTE)

    # then the others went out in the first run (a fresh connection after a dropped one),
    # the troubled one waited with the server's error and went out on its retry
    assert (first.sent, first.deferred, first.failed) == (4, 1, 0)
    assert held.status == OutboxMessage.Status.QUEUED
    assert held.next_attempt_at >= NOW + MINUTE
    assert held.last_error.startswith("SMTP")
    assert (retry.sent, later.attempted) == (1, 0)

    # and every message arrived exactly once
    received = Counter(message["Message-ID"] for message in troubled.wait_for(5))
    assert received == Counter(queued.values())
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
