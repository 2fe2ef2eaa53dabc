"""The database refusing the worker's own writes: its claim of a message, or its record that
the mail server accepted one. Nothing is lost; a copy goes out only in the second case, with
the same Message-ID."""

from collections import Counter
from datetime import timedelta

import pytest

from puentes.core.mail import lease, mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.faults import InjectedWriteFailure, count_writes, fail_at_write

from .test_outbox_queue import NOW, mail_templates, queue_hello  # noqa: F401

pytestmark = pytest.mark.usefixtures("mail_templates")


@pytest.fixture
def three(transactional_db):
    """Three committed messages; the worker writes twice for each: its claim, its record."""
    return [queue_hello(to=f"person{n}@example.org").message_id for n in range(3)]


def test_the_worker_writes_a_claim_and_a_record_for_each_message(three, smtp_server):
    with count_writes() as writes:
        mail_deliver_due(now=NOW)

    assert [sql.split()[0] for sql in writes.statements] == ["UPDATE"] * 6


def test_a_refused_claim_sends_nothing_and_the_next_run_delivers_the_rest_once(three, smtp_server):
    # when the claim of the second message is refused
    with pytest.raises(InjectedWriteFailure), fail_at_write(3):
        mail_deliver_due(now=NOW)

    # then only the first went out, and the second is still waiting, not claimed
    assert len(smtp_server.wait_for(1)) == 1
    second = OutboxMessage.objects.get(message_id=three[1])
    assert (second.status, second.attempts) == (OutboxMessage.Status.QUEUED, 0)

    # when the worker runs again, then the other two go out, each once
    assert mail_deliver_due(now=NOW).sent == 2
    assert Counter(m["Message-ID"] for m in smtp_server.wait_for(3)) == Counter(three)


def test_a_refused_record_of_delivery_sends_that_message_again_with_the_same_message_id(
    three, smtp_server
):
    # when the server accepted the second message and the worker's record of it is refused
    with pytest.raises(InjectedWriteFailure), fail_at_write(4):
        mail_deliver_due(now=NOW)

    # then it stays claimed until the lease runs out, and nobody sends it meanwhile
    assert len(smtp_server.wait_for(2)) == 2
    second = OutboxMessage.objects.get(message_id=three[1])
    assert second.status == OutboxMessage.Status.SENDING
    during = mail_deliver_due(now=NOW)

    # when the lease has run out (it started when the run reached the message)
    after = mail_deliver_due(now=NOW + lease() + timedelta(minutes=1))

    # then the second goes out again with the same Message-ID, the third once
    assert (during.sent, after.sent) == (1, 1)
    received = Counter(m["Message-ID"] for m in smtp_server.wait_for(4))
    assert received == Counter([three[0], three[1], three[1], three[2]])
    assert set(OutboxMessage.objects.values_list("status", flat=True)) == {"sent"}
