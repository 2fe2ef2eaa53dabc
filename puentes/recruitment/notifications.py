"""The mail recruitment sends, queued in the outbox within the caller's transaction.

Each contact gets the message in their own preferred language; the secretariat in the site's
default language. Every message names the record it is about, so coordinators find it.
"""

from django.conf import settings

from puentes.core.mail import mail_queue

TEMPLATES = "recruitment/mail/"


def _contacts(interest):
    return [link.person for link in interest.contacts.select_related("person")]


def _to_person(person, *, kind, about, network, context, now):
    """One message to a contact person, in their language; answers go to the secretariat."""
    mail_queue(
        to=person.email,
        template=TEMPLATES + kind,
        context={**context, "person": person, "network": network},
        language=person.preferred_language,
        reply_to=network.contact_email,
        kind=kind,
        about=about,
        now=now,
    )


def interest_submitted(*, interest, now):
    """A confirmation to every contact person, and a notice to the network's address."""
    network = interest.call.network
    contacts = _contacts(interest)
    for person in contacts:
        _to_person(
            person,
            kind="interest_submitted",
            about=interest,
            network=network,
            context={"interest": interest},
            now=now,
        )
    mail_queue(
        to=network.contact_email,
        template=TEMPLATES + "interest_submitted_secretariat",
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
        _to_person(
            person,
            kind="interest_decided",
            about=interest,
            network=network,
            context={"interest": interest},
            now=now,
        )


def profile_decided(*, profile, now):
    """The profile's contact person hears whether it is published, and why not if it is not."""
    _to_person(
        profile.contact,
        kind="profile_decided",
        about=profile,
        network=profile.call.network,
        context={"profile": profile},
        now=now,
    )
