"""Text written by people keeps its language: such fields hold a map {language: text}."""

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def pick(texts: dict | None, language: str | None = None) -> tuple[str, str]:
    """Return (text, language) for the wanted language, else the first language that has text.

    Callers show the returned language when it differs from the page's, so a reader knows
    which language a text was written in.
    """
    if not texts:
        return "", ""
    wanted = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    order = [wanted, *[code for code in LANGUAGE_CODES if code != wanted], *texts]
    for code in order:
        if texts.get(code):
            return texts[code], code
    return "", ""


def translated(texts: dict | None, language: str | None = None) -> str:
    return pick(texts, language)[0]
