"""Public holidays of a workshop's host country (the `holidays` package), so coordinators
see when a workshop is planned on one."""

import datetime
from dataclasses import dataclass

import holidays
from django.conf import settings
from django.utils.translation import get_language

# The names' language: the page's where the package has it, else English.
_LANGUAGES = {"sv": "sv", "es": "es", "en": "en_US"}


@dataclass(frozen=True)
class Holiday:
    date: datetime.date
    name: str


def _days(workshop) -> list[datetime.date]:
    zone = workshop.zone
    first = workshop.start_at.astimezone(zone).date()
    last = workshop.end_at.astimezone(zone).date()
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def workshop_holidays(workshop, language: str | None = None) -> list[Holiday]:
    """The host country's public holidays on the workshop's days (local dates); none for an
    online workshop."""
    if workshop.is_online or workshop.country is None:
        return []
    days = _days(workshop)
    code = workshop.country.code
    try:
        calendar = holidays.country_holidays(code, years={day.year for day in days})
    except NotImplementedError:
        return []
    wanted = _LANGUAGES.get((language or get_language() or settings.LANGUAGE_CODE)[:2])
    if wanted in calendar.supported_languages:
        calendar = holidays.country_holidays(
            code, years={day.year for day in days}, language=wanted
        )
    return [Holiday(date=day, name=calendar[day]) for day in days if day in calendar]
