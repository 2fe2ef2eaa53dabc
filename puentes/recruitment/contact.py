"""The contact relay: a visitor writes to a partner-seeking municipality without ever seeing
its contact person's e-mail address.

The message is queued in the outbox, in the contact's own language, with the sender's
address as Reply-To (an answer goes straight back to them) and a copy to the network's
secretariat, which is how coordinators follow who contacts whom.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.mail import mail_queue

from .models import SeekingProfile
from .services import RecruitmentError

CONTACT_MESSAGE_MAX = 2000
SENDER_TEXT_MAX = 200
EMAIL_MAX = 254


class ProfileNotPublished(RecruitmentError):
    message = _("This municipality is not seeking a partner in the catalogue any more.")


def _clean(*, sender_name, sender_email, organisation, message) -> dict:
    values = {
        "sender_name": sender_name.strip(),
        "sender_email": sender_email.strip(),
        "organisation": organisation.strip(),
        "message": message.strip(),
    }
    if not values["sender_name"]:
        raise RecruitmentError(_("Give your name."))
    if not values["message"]:
        raise RecruitmentError(_("Write your message."))
    try:
        validate_email(values["sender_email"])
    except ValidationError as exc:
        raise RecruitmentError(
            _("“%(email)s” is not a valid e-mail address.") % {"email": sender_email}
        ) from exc
    for key, limit in (
        ("sender_name", SENDER_TEXT_MAX),
        ("organisation", SENDER_TEXT_MAX),
        ("sender_email", EMAIL_MAX),
        ("message", CONTACT_MESSAGE_MAX),
    ):
        if len(values[key]) > limit:
            raise RecruitmentError(
                _("A text is too long: at most %(limit)d characters.") % {"limit": limit}
            )
    return values


@transaction.atomic
def contact_message_send(
    *, profile: SeekingProfile, sender_name, sender_email, organisation, message, now
):
    """Relay a visitor's message to the contact person of a published profile.

    Queues one e-mail to the contact, in their preferred language, with Reply-To the sender
    and a copy to the network's contact address. Raises ProfileNotPublished if the profile
    is not (or no longer) in the catalogue, RecruitmentError for input no form should pass.
    """
    values = _clean(
        sender_name=sender_name,
        sender_email=sender_email,
        organisation=organisation,
        message=message,
    )
    profile = SeekingProfile.objects.select_related(
        "contact", "organisation__area", "organisation__country", "call__network"
    ).get(pk=profile.pk)
    if profile.status != SeekingProfile.Status.APPROVED:
        raise ProfileNotPublished
    network = profile.call.network
    contact = profile.contact
    return mail_queue(
        to=contact.email,
        template="recruitment/mail/contact_message",
        context={"profile": profile, "contact": contact, "network": network, **values},
        language=contact.preferred_language,
        reply_to=values["sender_email"],
        cc=[network.contact_email],
        kind="seeking_profile_contact",
        about=profile,
        now=now,
    )
