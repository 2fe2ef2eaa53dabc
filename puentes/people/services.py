"""Changes of state for people: the privacy notice they consent to."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from puentes.core.i18n import LANGUAGE_CODES

from .models import PrivacyNotice


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
