"""The mail partnerships send, queued in the outbox within the caller's transaction.

Every member gets the message in their own preferred language.
"""

from puentes.core.mail import mail_queue


def partnership_created(*, partnership, now):
    """Tell every member of both sides who their partner is and what they share."""
    network = partnership.call.network
    members = list(partnership.members.select_related("person"))
    themes = list(partnership.themes.all())
    for member in members:
        person = member.person
        partner = (
            partnership.latin_organisation
            if member.side == member.Side.SWEDISH
            else partnership.swedish_organisation
        )
        mail_queue(
            to=person.email,
            template="partnerships/mail/partnership_created",
            context={
                "partnership": partnership,
                "person": person,
                "own": partnership.swedish_organisation
                if member.side == member.Side.SWEDISH
                else partnership.latin_organisation,
                "partner": partner,
                "network": network,
                "themes": themes,
            },
            language=person.preferred_language,
            reply_to=network.contact_email,
            kind="partnership_created",
            about=partnership,
            now=now,
        )
