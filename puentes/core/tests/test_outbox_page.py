"""Coordinators see queued, sent and failed e-mail and retry what failed."""

from datetime import timedelta

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# The first backend only grants permissions and cannot load a user.
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
URL = reverse("core:outbox")


@pytest.fixture
def coordinator_client(client, db):
    user = NetworkRoleFactory(person__name="Carmen Coordinadora").person.user
    TOTP.activate(user, SECRET)
    client.force_login(user, backend=SIGN_IN_BACKEND)
    return client


def make_message(n=0, status=OutboxMessage.Status.QUEUED, **fields):
    """A stored message in a given state, as the worker would have left it."""
    now = timezone.now()
    states = {
        "queued": {"next_attempt_at": now},
        "sending": {"next_attempt_at": now + timedelta(minutes=5), "attempts": 1},
        "sent": {"sent_at": now, "attempts": 1},
        "failed": {"attempts": 10, "last_error": "SMTPDataError: 451 try later"},
    }
    return OutboxMessage.objects.create(
        to_address=f"person{n}@example.org",
        language="sv",
        subject=f"Tack för din intresseanmälan {n}",
        body_text="Text",
        body_html="<p>Text</p>",
        message_id=f"<{n}.{status}.{now.timestamp()}@puentes.test>",
        kind="interest_submitted",
        status=status,
        **{**states[status], **fields},
    )


def test_coordinator_sees_the_number_of_messages_in_each_status(coordinator_client):
    # given
    for n, status in enumerate(["queued", "queued", "sent", "sent", "sent", "failed"]):
        make_message(n, status)

    # when
    response = coordinator_client.get(URL)

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert {s["value"]: s["count"] for s in response.context["statuses"]} == {
        "queued": 2,
        "sending": 0,
        "sent": 3,
        "failed": 1,
    }
    assert '<span data-status-count="sent">3</span>' in page
    assert "<caption>" in page
    assert "person5@example.org" in page
    assert "SMTPDataError: 451 try later" in page


def test_coordinator_filters_the_messages_by_status(coordinator_client):
    # given
    make_message(1, "sent")
    make_message(2, "failed")

    # when
    response = coordinator_client.get(URL, {"status": "failed"})

    # then
    assert [m.to_address for m in response.context["page"]] == ["person2@example.org"]
    assert f'href="{URL}?status=failed" aria-current="page"' in response.content.decode()


def test_the_list_is_paginated_newest_first(coordinator_client):
    # given
    for n in range(30):
        make_message(n, "sent")

    # when
    first = coordinator_client.get(URL)
    second = coordinator_client.get(URL, {"page": 2})

    # then
    assert len(first.context["page"]) == 25
    assert [m.to_address for m in second.context["page"]][-1] == "person0@example.org"
    assert len(second.context["page"]) == 5


def test_the_page_runs_the_same_queries_for_3_and_for_30_messages(
    coordinator_client, django_assert_num_queries
):
    # given
    statuses = ["queued", "sending", "sent", "failed"]
    for n in range(3):
        make_message(n, statuses[n % 4])
    with CaptureQueriesContext(connection) as three:
        assert coordinator_client.get(URL).status_code == 200
    message_type = ContentType.objects.get_for_model(OutboxMessage)
    for n in range(3, 30):
        # Half of them about an object, so the "about" column is drawn too.
        about = {"content_type": message_type, "object_id": str(n)} if n % 2 else {}
        make_message(n, statuses[n % 4], **about)

    # when / then
    with django_assert_num_queries(len(three.captured_queries)):
        response = coordinator_client.get(URL)
    assert len(response.context["page"]) == 25


def test_retry_now_makes_a_failed_message_due_and_the_worker_then_delivers_it(
    coordinator_client, smtp_server
):
    # given a message that gave up while the mail server was down
    failed = make_message(1, "failed")

    # when a coordinator retries it, and the worker runs
    response = coordinator_client.post(
        reverse("core:outbox_retry", args=[failed.pk]), {"status": "failed"}
    )
    report = mail_deliver_due(now=timezone.now())

    # then
    assert response.status_code == 302
    assert response.url == f"{URL}?status=failed"
    assert report.sent == 1
    [received] = smtp_server.wait_for(1)
    assert received["Message-ID"] == failed.message_id
    failed.refresh_from_db()
    assert failed.status == OutboxMessage.Status.SENT


def test_a_sent_message_cannot_be_retried(coordinator_client, smtp_server):
    # given
    sent = make_message(1, "sent")

    # when
    response = coordinator_client.post(reverse("core:outbox_retry", args=[sent.pk]), follow=True)

    # then
    sent.refresh_from_db()
    assert sent.status == OutboxMessage.Status.SENT
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert smtp_server.messages == []


def test_retry_answers_only_a_post(coordinator_client):
    failed = make_message(1, "failed")

    response = coordinator_client.get(reverse("core:outbox_retry", args=[failed.pk]))

    assert response.status_code == 405
    failed.refresh_from_db()
    assert failed.status == OutboxMessage.Status.FAILED


def test_a_member_who_is_not_a_coordinator_is_refused(client, db):
    failed = make_message(1, "failed")
    client.force_login(MembershipFactory().person.user, backend=SIGN_IN_BACKEND)

    assert client.get(URL).status_code == 403
    assert client.post(reverse("core:outbox_retry", args=[failed.pk])).status_code == 403
    failed.refresh_from_db()
    assert failed.status == OutboxMessage.Status.FAILED


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_the_admin_lists_messages_read_only(coordinator_client):
    message = make_message(1, "failed")

    listing = coordinator_client.get(reverse("admin:core_outboxmessage_changelist"))
    detail = coordinator_client.get(reverse("admin:core_outboxmessage_change", args=[message.pk]))
    add = coordinator_client.get(reverse("admin:core_outboxmessage_add"))

    assert listing.status_code == 200
    assert "person1@example.org" in listing.content.decode()
    assert detail.status_code == 200
    assert not detail.context["has_change_permission"]
    assert add.status_code == 403
