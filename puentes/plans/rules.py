"""The rules every part of a plan follows, as plain functions: texts in Swedish and/or
Spanish with their original marked, dates in order, figures that are never negative and, when
an indicator counts people, split by sex and adding up."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# A plan is written in the partnership's two working languages.
PLAN_LANGUAGES = ("sv", "es")
TEXT_MAX = 2000
UNIT_MAX = 60


class PlanError(Exception):
    """A rule of plans refused the change; `message` is translated for the user."""

    message = _("This change is not allowed.")

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


def texts_merge(
    *, current: dict, current_language: str | None, new: dict, author_language: str | None
) -> tuple[dict, str]:
    """The new Swedish and Spanish texts over the current map, and which one is the original.

    The original stays the original while it has text; a new text's original is its author's
    language if they wrote in it, else the first language written. Languages other than
    Swedish and Spanish already in the map are kept."""
    texts = {code: text for code, text in current.items() if code not in PLAN_LANGUAGES}
    for code in PLAN_LANGUAGES:
        text = (new.get(code) or "").strip()
        if len(text) > TEXT_MAX:
            raise PlanError(_("A text can be at most %(max)s characters long.") % {"max": TEXT_MAX})
        if text:
            texts[code] = text
    written = [code for code in PLAN_LANGUAGES if code in texts]
    if not written:
        raise PlanError(_("Write it in Swedish or in Spanish, or in both."))
    for language in (current_language, author_language, *written):
        if language in texts:
            return texts, language
    raise AssertionError("unreachable: a written language exists")


def units_clean(units: dict) -> dict:
    """An indicator's unit in Swedish and/or Spanish; it may be left out."""
    cleaned = {}
    for code in PLAN_LANGUAGES:
        unit = (units.get(code) or "").strip()
        if len(unit) > UNIT_MAX:
            raise PlanError(_("A unit can be at most %(max)s characters long.") % {"max": UNIT_MAX})
        if unit:
            cleaned[code] = unit
    return cleaned


def dates_check(start, end) -> None:
    if start is None or end is None:
        raise PlanError(_("Give the activity's start and end dates."))
    if end < start:
        raise PlanError(_("An activity cannot end before it starts."))


@dataclass(frozen=True)
class Figure:
    """A baseline, target or actual value: a total, or for people, women, men and other."""

    total: Decimal | int | None = None
    women: int | None = None
    men: int | None = None
    other: int | None = None

    @property
    def is_empty(self) -> bool:
        return all(part is None for part in (self.total, self.women, self.men, self.other))

    @property
    def is_split(self) -> bool:
        return any(part is not None for part in (self.women, self.men, self.other))


def figure_clean(figure: Figure, *, counts_people: bool) -> Figure:
    """The figure as stored: for people, the three parts and their sum; else the total alone.

    Raises PlanError for a missing part, a negative number or a split of something that does
    not count people."""
    if counts_people:
        parts = (figure.women, figure.men, figure.other)
        if any(part is None for part in parts):
            raise PlanError(
                _("An indicator that counts people needs women, men and other or not stated.")
            )
        if any(part < 0 or part != int(part) for part in parts):
            raise PlanError(_("People are counted in whole numbers of zero or more."))
        women, men, other = (int(part) for part in parts)
        return Figure(total=Decimal(women + men + other), women=women, men=men, other=other)
    if figure.is_split:
        raise PlanError(_("Only an indicator that counts people is split by sex."))
    if figure.total is None:
        raise PlanError(_("Give a number."))
    if figure.total < 0:
        raise PlanError(_("A figure cannot be negative."))
    return Figure(total=Decimal(figure.total))


def figure_fields(figure: Figure, prefix: str) -> dict:
    """The model fields of a figure: {"baseline": …, "baseline_women": …} for prefix
    "baseline"; with an empty prefix, {"value": …, "women": …} as on an indicator value."""
    total = prefix or "value"
    part = f"{prefix}_" if prefix else ""
    return {
        total: figure.total,
        f"{part}women": figure.women,
        f"{part}men": figure.men,
        f"{part}other": figure.other,
    }


def figure_of(obj, prefix: str = "") -> Figure:
    """The figure stored on an indicator (prefix "baseline" or "target") or a value ("")."""
    fields = figure_fields(Figure(), prefix)
    return Figure(*(getattr(obj, name) for name in fields))
