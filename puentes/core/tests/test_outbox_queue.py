"""Queueing mail: rendered in the recipient's language, stored with the caller's transaction."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from puentes.core.mail import mail_deliver_due, mail_queue
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of

NOW = datetime(2026, 1, 15, 9, 0, tzinfo=UTC)

# "Yes" and the month names come with Django's own catalogues, so they show the language a
# message was rendered in without depending on the project's catalogues.
TEST_TEMPLATES = {
    "test/hello_subject.txt": '{% load i18n %}\n{% translate "Yes" %}, {{ name }}\n',
    "test/hello.txt": (
        "{% load i18n %}{% get_current_language as lang %}language={{ lang }}\n"
        '{% translate "Yes" %}, {{ name }}: {{ when|date:"F" }}\n'
        "https://puentes.example.org/?a=1&b=2\n"
    ),
    "test/hello.html": (
        '{% extends "mail/layout.html" %}{% load i18n %}{% block content %}'
        '<p>{% translate "Yes" %}, {{ name }}: {{ when|date:"F" }}</p>{% endblock %}'
    ),
}


@pytest.fixture
def mail_templates(settings):
    """The test message's three templates, in memory; the mail layout from the app."""
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [
        {
            **engine,
            "APP_DIRS": False,
            "OPTIONS": {
                **engine["OPTIONS"],
                "loaders": [
                    ("django.template.loaders.locmem.Loader", TEST_TEMPLATES),
                    "django.template.loaders.app_directories.Loader",
                ],
            },
        }
    ]


def queue_hello(to="ana@example.org", language="sv", **extra):
    return mail_queue(
        to=to,
        template="test/hello",
        context={"name": "Ana & Björn", "when": NOW},
        language=language,
        now=NOW,
        **extra,
    )


pytestmark = pytest.mark.usefixtures("mail_templates")


def test_a_message_queued_in_a_transaction_that_rolls_back_is_gone_with_it(db, smtp_server):
    # given a change that queues a message and then fails half-way
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_hello()
        raise RuntimeError("the change failed")

    # when the worker runs
    report = mail_deliver_due(now=NOW)

    # then there was never anything to send
    assert OutboxMessage.objects.count() == 0
    assert report.attempted == 0
    assert smtp_server.messages == []


def test_a_message_queued_in_a_transaction_that_commits_waits_for_the_worker(
    transactional_db, smtp_server
):
    # when a change that queues a message commits
    with transaction.atomic():
        queue_hello()

    # then the message is stored, due now, and not sent by the change itself
    message = OutboxMessage.objects.get()
    assert message.status == OutboxMessage.Status.QUEUED
    assert message.next_attempt_at == NOW
    assert message.attempts == 0
    assert smtp_server.messages == []


def test_the_message_is_rendered_once_when_queued_with_a_stable_message_id(db, smtp_server):
    # when
    message = queue_hello(kind="interest_submitted", reply_to="network@example.org")

    # then
    assert message.subject == "Ja, Ana & Björn"
    assert "Ja, Ana & Björn: januari" in message.body_text
    assert "?a=1&b=2" in message.body_text
    assert "Ja, Ana &amp; Björn: januari" in message.body_html
    assert message.message_id.startswith("<") and message.message_id.endswith(">")
    assert message.kind == "interest_submitted"
    assert queue_hello().message_id != message.message_id


def test_every_recipient_gets_the_message_in_their_own_language(db, smtp_server):
    # given a coordinator working in English
    with translation.override("en"):
        # when messages are queued for people who read Swedish, Spanish and English
        for address, language in [
            ("sv@example.org", "sv"),
            ("es@example.org", "es"),
            ("en@example.org", "en"),
        ]:
            queue_hello(to=address, language=language)
        # then the coordinator's own language is untouched
        assert translation.get_language() == "en"
    mail_deliver_due(now=NOW)
    smtp_server.wait_for(3)

    expected = {
        "sv": ("Ja, Ana & Björn", "januari"),
        "es": ("Sí, Ana & Björn", "enero"),
        "en": ("Yes, Ana & Björn", "January"),
    }
    for language, (subject, month) in expected.items():
        [received] = smtp_server.messages_to(f"{language}@example.org")
        assert received["Subject"] == subject
        assert received["Content-Language"] == language
        assert f"language={language}" in text_of(received)
        assert month in text_of(received)
        html = received.get_body(preferencelist=("html",)).get_content()
        assert f'<html lang="{language}">' in html
        assert month in html


def test_the_object_a_message_is_about_is_recorded_for_coordinators(db, smtp_server):
    # given an object that causes a message (any model will do)
    other = queue_hello()

    # when
    message = queue_hello(about=other)

    # then
    assert message.about == other
    assert message.object_id == str(other.pk)


def test_an_invalid_address_is_refused_when_queueing_not_when_delivering(db):
    with pytest.raises(ValidationError):
        queue_hello(to="not an address")
    with pytest.raises(ValidationError):
        queue_hello(cc=["ok@example.org", "nope"])

    assert OutboxMessage.objects.count() == 0


def test_a_language_puentes_does_not_speak_is_refused(db):
    with pytest.raises(ValueError, match="de"):
        queue_hello(language="de")
