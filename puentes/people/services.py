"""Changes of state for people: the privacy notice they consent to, and the gender a person
gives (or withdraws) for the network's statistics."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.audit import audit_record
from puentes.core.i18n import LANGUAGE_CODES

from . import activity
from .models import Person, PrivacyNotice


class PrivacyNoticeError(Exception):
    """The notice cannot be published as given; `message` is translated for the user."""

    def __init__(self, message):
        self.message = message
        super().__init__(str(message))


@transaction.atomic
def privacy_notice_publish(*, version: str, texts: dict, now) -> PrivacyNotice:
    """Publish a new version of the privacy notice, in every language of the site.

    A published version is never rewritten: consents point at it, and must keep pointing at
    the words the person read. A changed text is a new version.
    """
    version = version.strip()
    texts = {code: (text or "").strip() for code, text in texts.items()}
    if not version:
        raise PrivacyNoticeError(_("Give the notice a version."))
    missing = [code for code in LANGUAGE_CODES if not texts.get(code)]
    if missing or set(texts) - set(LANGUAGE_CODES):
        raise PrivacyNoticeError(_("Give the notice's text in Swedish, Spanish and English."))
    if PrivacyNotice.objects.filter(version=version).exists():
        raise PrivacyNoticeError(_("That version is already published; give a new one."))
    try:
        with transaction.atomic():
            return PrivacyNotice.objects.create(version=version, texts=texts, published_at=now)
    except IntegrityError as exc:  # published at the same moment by someone else
        raise PrivacyNoticeError(_("That version is already published; give a new one.")) from exc


@transaction.atomic
def person_gender_give(*, person, gender: str, by, now) -> None:
    """Record the person's gender with their consent; a blank gender withdraws it."""
    if not gender:
        person_gender_withdraw(person=person, by=by, now=now)
        return
    if gender not in Person.Gender.values:
        raise ValueError(f"unknown gender {gender!r}")
    Person.objects.filter(pk=person.pk).update(gender=gender, gender_consent_at=now)
    person.gender, person.gender_consent_at = gender, now
    audit_record(actor=by, action=activity.GENDER_GIVEN, target=person, at=now)


@transaction.atomic
def person_gender_withdraw(*, person, by, now) -> None:
    """Withdraw the consent: the gender and the moment of consent are both cleared."""
    if not person.gender and person.gender_consent_at is None:
        return
    Person.objects.filter(pk=person.pk).update(gender="", gender_consent_at=None)
    person.gender, person.gender_consent_at = "", None
    audit_record(actor=by, action=activity.GENDER_WITHDRAWN, target=person, at=now)
