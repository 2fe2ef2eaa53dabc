"""The mail workshops send, queued in the outbox within the caller's transaction, each in
its recipient's preferred language."""

from django.urls import reverse
from django.utils import translation

from puentes.core.mail import mail_queue


def _absolute(base_url: str, name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        path = reverse(name, kwargs=kwargs)
    return f"{base_url.rstrip('/')}{path}"


def registration_promoted(*, registration, now, base_url: str):
    """A place freed up: the first on the waiting list now has it."""
    person = registration.person
    workshop = registration.workshop
    language = person.preferred_language
    mail_queue(
        to=person.email,
        template="workshops/mail/promoted",
        context={
            "person": person,
            "workshop": workshop,
            "network": workshop.call.network,
            "workshop_url": _absolute(
                base_url, "workshops:workshop_detail", language, pk=workshop.pk
            ),
            "registrations_url": _absolute(base_url, "workshops:my_registrations", language),
        },
        language=language,
        reply_to=workshop.call.network.contact_email,
        kind="workshop_promoted",
        about=registration,
        now=now,
    )
