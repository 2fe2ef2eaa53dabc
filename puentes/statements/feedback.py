"""Feedback on accessibility: a visitor reports a problem, and the secretariat gets it by mail.

No model: the message is queued in the outbox (in Swedish, the secretariat's language) and
the outbox row is the record. The sender's e-mail address, if given, becomes the Reply-To so
that the secretariat can answer; nothing else about the sender is kept.
"""

from email.utils import parseaddr

from django.conf import settings
from django.db import transaction

from puentes.core.mail import mail_queue
from puentes.networks.models import Network

SECRETARIAT_LANGUAGE = "sv"
NAME_MAX = 200
EMAIL_MAX = 254
PAGE_MAX = 500
DESCRIPTION_MAX = 4000


def feedback_recipient() -> str:
    """Where feedback goes: PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL if set, else the contact
    address of the oldest network, else the address Puentes sends from."""
    configured = getattr(settings, "PUENTES_ACCESSIBILITY_FEEDBACK_EMAIL", "")
    if configured:
        return configured
    network = Network.objects.exclude(contact_email="").order_by("pk").first()
    if network is not None:
        return network.contact_email
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


@transaction.atomic
def accessibility_feedback_send(*, name, email, page, description, language, now):
    """Queue one mail to the secretariat with the visitor's report, in Swedish.

    `language` is the language of the page the visitor wrote from, told to the secretariat
    so that it answers in that language. The form has checked the lengths.
    """
    return mail_queue(
        to=feedback_recipient(),
        template="statements/mail/accessibility_feedback",
        context={
            "name": name,
            "email": email,
            "page": page,
            "description": description,
            "visitor_language": language,
        },
        language=SECRETARIAT_LANGUAGE,
        reply_to=email or None,
        kind="accessibility_feedback",
        now=now,
    )
