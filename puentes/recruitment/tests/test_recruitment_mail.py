"""The mail of recruitment, delivered through a real SMTP server on loopback: to whom, in
which language, with which subject, and only once the worker runs."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from puentes.core.mail import mail_deliver_due
from puentes.core.models import OutboxMessage
from puentes.core.testing.smtp import text_of
from puentes.recruitment.models import Interest
from puentes.recruitment.services import (
    interest_decide,
    interest_start_review,
    interest_submit,
)

from .factories import ContactPersonFactory, InterestFactory

I = Interest.Status  # noqa: E741
# The words of the subjects as marked in the templates; gettext gives them in each language.
SUBMITTED_SUBJECT = "We have received the expression of interest of %(organisation)s"
SECRETARIAT_SUBJECT = "New expression of interest: %(organisation)s"
DECIDED_SUBJECT = "Decision on the expression of interest of %(organisation)s"
# The day of submission in each language's own date format, from Django's own catalogues.
SUBMITTED_ON = {"sv": "1 februari 2024", "es": "1 de febrero de 2024", "en": "Feb. 1, 2024"}


def subject_of(message) -> str:
    # Django folds a non-ASCII subject onto the header's next line; the parsed value then
    # keeps the folding space, which mail programs do not show.
    return str(message["Subject"]).strip()


def subject_in(language, msgid, organisation):
    with translation.override(language):
        return gettext(msgid) % {"organisation": organisation.name}


@pytest.fixture
def contacts():
    """Three contact people, one per language."""
    return [
        ContactPersonFactory(name="Sara Svensson", email="sara@example.se"),
        ContactPersonFactory(
            name="Sofía Ramírez", email="sofia@example.co", preferred_language="es"
        ),
        ContactPersonFactory(name="Sam Smith", email="sam@example.org", preferred_language="en"),
    ]


@pytest.fixture
def interest(call, contacts):
    return InterestFactory(call=call, contacts=contacts)


def test_submission_mail_waits_in_the_outbox_until_the_worker_runs(
    smtp_server, interest, member, now
):
    interest_submit(interest=interest, by=member, now=now)

    queued = OutboxMessage.objects.filter(status=OutboxMessage.Status.QUEUED)
    assert queued.count() == 4
    assert all(message.about == interest for message in queued)
    assert smtp_server.messages == []


def test_submission_confirms_to_each_contact_in_their_language(
    smtp_server, interest, contacts, member, now
):
    # given a submitted interest with contacts who read Swedish, Spanish and English
    interest_submit(interest=interest, by=member, now=now)

    # when the worker delivers the outbox
    report = mail_deliver_due(now=now)

    # then each contact has one confirmation in their own language
    smtp_server.wait_for(4)
    assert report.sent == 4
    for person in contacts:
        language = person.preferred_language
        (message,) = smtp_server.messages_to(person.email)
        text = text_of(message)
        assert message["Content-Language"] == language
        assert subject_of(message) == subject_in(language, SUBMITTED_SUBJECT, interest.organisation)
        assert message["Reply-To"] == interest.call.network.contact_email
        assert person.name in text
        assert SUBMITTED_ON[language] in text
        assert interest.call.titles[language] in text


def test_submission_notifies_the_networks_address_in_the_sites_language(
    smtp_server, interest, contacts, member, now
):
    interest_submit(interest=interest, by=member, now=now)

    mail_deliver_due(now=now)

    smtp_server.wait_for(4)
    (notice,) = smtp_server.messages_to("secretariat@example.org")
    text = text_of(notice)
    assert notice["Content-Language"] == "sv"
    assert subject_of(notice) == subject_in("sv", SECRETARIAT_SUBJECT, interest.organisation)
    assert interest.organisation.code in text
    for person in contacts:
        assert person.name in text and person.email in text
    assert interest.themes.get().names["sv"] in text


@pytest.mark.parametrize(
    ("decision", "reason"),
    [
        (I.ACCEPTED, ""),
        (I.WAITLISTED, "Fler anmälningar än platser."),
        (I.DECLINED, "Anmälan kom efter sista dagen."),
    ],
)
def test_a_decision_mails_each_contact_in_their_language_with_the_reason(
    smtp_server, call, contacts, coordinator, now, decision, reason
):
    # given an interest under review
    interest = InterestFactory(call=call, contacts=contacts, status=I.IN_REVIEW)

    # when the coordinator decides and the worker delivers
    interest_decide(interest=interest, decision=decision, reason=reason, by=coordinator, now=now)
    mail_deliver_due(now=now)

    # then every contact, and nobody else, is told in their language
    messages = smtp_server.wait_for(3)
    assert sorted(str(m["To"]) for m in messages) == sorted(p.email for p in contacts)
    for person in contacts:
        (message,) = smtp_server.messages_to(person.email)
        language = person.preferred_language
        assert message["Content-Language"] == language
        assert subject_of(message) == subject_in(language, DECIDED_SUBJECT, interest.organisation)
        assert (reason in text_of(message)) if reason else "Reason" not in text_of(message)


def test_the_decision_mail_says_which_decision_was_taken(smtp_server, call, coordinator, now):
    english = ContactPersonFactory(preferred_language="en")
    accepted = InterestFactory(call=call, contacts=[english], status=I.IN_REVIEW)

    interest_decide(interest=accepted, decision=I.ACCEPTED, reason="", by=coordinator, now=now)
    mail_deliver_due(now=now)

    (message,) = smtp_server.wait_for(1)
    assert "has been accepted into the network" in text_of(message)


def test_taking_a_step_without_mail_sends_nothing(smtp_server, call, coordinator, now):
    interest = InterestFactory(call=call, status=I.SUBMITTED)

    interest_start_review(interest=interest, by=coordinator, now=now)
    report = mail_deliver_due(now=now)

    assert report.attempted == 0
    assert smtp_server.messages == []
