"""The mail recruitment sends, queued in the outbox within the caller's transaction.

Each contact gets the message in their own preferred language; the secretariat in the site's
default language. Every message names the interest it is about, so coordinators find it.
"""

from django.conf import settings

from puentes.core.mail import mail_queue


def _contacts(interest):
    return [link.person for link in interest.contacts.select_related("person")]


def interest_submitted(*, interest, now):
    """A confirmation to every contact person, and a notice to the network's address."""
    network = interest.call.network
    contacts = _contacts(interest)
    for person in contacts:
        mail_queue(
            to=person.email,
            template="recruitment/mail/interest_submitted",
            context={"interest": interest, "person": person, "network": network},
            language=person.preferred_language,
            reply_to=network.contact_email,
            kind="interest_submitted",
            about=interest,
            now=now,
        )
    mail_queue(
        to=network.contact_email,
        template="recruitment/mail/interest_submitted_secretariat",
        context={
            "interest": interest,
            "network": network,
            "contacts": contacts,
            "themes": list(interest.themes.all()),
        },
        language=settings.LANGUAGE_CODE,
        kind="interest_submitted_secretariat",
        about=interest,
        now=now,
    )


def interest_decided(*, interest, now):
    """The coordinator's decision, and its reason if one was given, to every contact person."""
    network = interest.call.network
    for person in _contacts(interest):
        mail_queue(
            to=person.email,
            template="recruitment/mail/interest_decided",
            context={"interest": interest, "person": person, "network": network},
            language=person.preferred_language,
            reply_to=network.contact_email,
            kind="interest_decided",
            about=interest,
            now=now,
        )


def profile_decided(*, profile, now):
    """The profile's contact person hears whether it is published, and why not if it is not."""
    network = profile.call.network
    person = profile.contact
    mail_queue(
        to=person.email,
        template="recruitment/mail/profile_decided",
        context={"profile": profile, "person": person, "network": network},
        language=person.preferred_language,
        reply_to=network.contact_email,
        kind="profile_decided",
        about=profile,
        now=now,
    )
