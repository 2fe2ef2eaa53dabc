"""Changes of state for a person's consents to the privacy notice.

Consents are never deleted: withdrawing one records when, so the secretariat (and the person)
can still see what was agreed to, and since when it no longer holds.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.core.i18n import LANGUAGE_CODES
from puentes.people import activity
from puentes.people.models import Consent, PrivacyNotice


class ConsentError(Exception):
    """The consent cannot be changed as asked; `message` is translated for the user."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


@transaction.atomic
def consent_give(*, person, notice: PrivacyNotice, language: str, by, now) -> Consent:
    """Record the person's consent to `notice`, read in `language`."""
    if language not in LANGUAGE_CODES:
        raise ConsentError(_("Choose one of the site's languages."))
    if notice.published_at > now:
        raise ConsentError(_("That version of the notice is not published yet."))
    active = Consent.objects.filter(person=person, notice=notice, withdrawn_at__isnull=True)
    if active.exists():
        raise ConsentError(_("You have already consented to this version."))
    consent = Consent.objects.create(person=person, notice=notice, language=language, given_at=now)
    audit_record(
        actor=by,
        action=activity.CONSENT_GIVEN,
        target=consent,
        scope=person,
        data={"version": notice.version},
        at=now,
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, by, now) -> Consent:
    """Withdraw a consent: it keeps its record and gets the moment it stopped holding.

    An expression of interest given with this consent keeps its record; its review page
    shows the secretariat that the consent is withdrawn.
    """
    # Locked so two clicks (or two tabs) withdraw once and leave one audit entry.
    consent = Consent.objects.select_for_update().select_related("notice").get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise ConsentError(_("This consent is already withdrawn."))
    consent.withdrawn_at = now
    consent.save(update_fields=["withdrawn_at", "updated_at"])
    audit_record(
        actor=by,
        action=activity.CONSENT_WITHDRAWN,
        target=consent,
        scope=consent.person,
        data={"version": consent.notice.version},
        at=now,
    )
    return consent
