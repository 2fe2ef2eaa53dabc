"""The mail recruitment sends, queued in the outbox within the caller's transaction."""

from django.conf import settings

from puentes.core.mail import mail_queue


def _contacts(interest):
    return [link.person for link in interest.contacts.select_related("person")]


def interest_submitted(*, interest, now):
    """A confirmation to every contact person, and a notice to the network's address."""
    network = interest.call.network
    for person in _contacts(interest):
        mail_queue(
            to=person.email,
            template="recruitment/mail/interest_submitted",
            context={"interest": interest, "person": person, "network": network},
            language=person.preferred_language,
            reply_to=network.contact_email,
            kind="interest_submitted",
            now=now,
        )
    mail_queue(
        to=network.contact_email,
        template="recruitment/mail/interest_submitted_secretariat",
        context={"interest": interest, "network": network},
        language=settings.LANGUAGE_CODE,
        kind="interest_submitted_secretariat",
        now=now,
    )


def interest_decided(*, interest, now):
    network = interest.call.network
    for person in _contacts(interest):
        mail_queue(
            to=person.email,
            template="recruitment/mail/interest_decided",
            context={"interest": interest, "person": person, "network": network},
            language=person.preferred_language,
            reply_to=network.contact_email,
            kind="interest_decided",
            now=now,
        )
