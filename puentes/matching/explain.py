"""The engine's reasons as sentences in the reader's language.

The engine (reasons.py) says why in codes and facts; this module words them with gettext, so
the board reads e.g. "shares 2 themes: gender-based violence, political representation ·
Borås asked for Colombia · 2 Spanish speakers in the Swedish team". Names (of themes,
countries and municipalities) come in through `Names`, already in the reader's language.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from . import reasons

SEPARATOR = " · "

COUNTRY_NAMES = {
    "SE": gettext_lazy("Sweden"),
    "GT": gettext_lazy("Guatemala"),
    "CO": gettext_lazy("Colombia"),
}
LANGUAGE_NAMES = {
    "sv": gettext_lazy("Swedish"),
    "en": gettext_lazy("English"),
    "es": gettext_lazy("Spanish"),
}


@dataclass(frozen=True)
class Names:
    """What the sentences call things, in the reader's language."""

    swedish: Mapping[object, str] = field(default_factory=dict)  # candidate id → name
    latin: Mapping[object, str] = field(default_factory=dict)
    themes: Mapping[str, str] = field(default_factory=dict)  # theme slug → name


def score(points: float) -> str:
    return number_format(points, decimal_pos=1)


def _list(items: Iterable[str]) -> str:
    return ", ".join(str(item) for item in items)


def _shared_themes(data, swedish, latin, names: Names) -> str:
    themes = _list(sorted(names.themes.get(slug, slug) for slug in data.get("themes", ())))
    count = data.get("count", 0)
    return ngettext(
        "shares %(count)d theme: %(themes)s", "shares %(count)d themes: %(themes)s", count
    ) % {"count": count, "themes": themes}


def _named_partner(data, swedish, latin, names: Names) -> str:
    sentences = {
        1: _("%(swedish)s named %(latin)s as its first choice"),
        2: _("%(swedish)s named %(latin)s as its second choice"),
        3: _("%(swedish)s named %(latin)s as its third choice"),
    }
    sentence = sentences.get(data.get("rank"), _("%(swedish)s named %(latin)s among its choices"))
    return sentence % {"swedish": swedish, "latin": latin}


def _preferred_country(data, swedish, latin, names: Names) -> str:
    country = data.get("country", "")
    return _("%(swedish)s asked for %(country)s") % {
        "swedish": swedish,
        "country": COUNTRY_NAMES.get(country, country),
    }


def _spanish_speakers(data, swedish, latin, names: Names) -> str:
    count = data.get("count", 0)
    return ngettext(
        "%(count)d Spanish speaker in the Swedish team",
        "%(count)d Spanish speakers in the Swedish team",
        count,
    ) % {"count": count}


def _swedish_english_speakers(data, swedish, latin, names: Names) -> str:
    count = data.get("count", 0)
    languages = [LANGUAGE_NAMES.get(code, code) for code in data.get("languages", ())]
    spoken = (
        _("%(first)s or %(second)s") % {"first": languages[0], "second": languages[1]}
        if len(languages) == 2
        else _list(languages)
    )
    return ngettext(
        "%(count)d person in the Latin American team speaks %(languages)s",
        "%(count)d people in the Latin American team speak %(languages)s",
        count,
    ) % {"count": count, "languages": spoken}


def _same_kind(data, swedish, latin, names: Names) -> str:
    if data.get("kind") == "region":
        return _("both are regions")
    return _("both are municipalities")


def _similar_size(data, swedish, latin, names: Names) -> str:
    return _("similar in size (%(swedish_size)s and %(latin_size)s inhabitants)") % {
        "swedish_size": number_format(data.get("swedish_size") or 0, force_grouping=True),
        "latin_size": number_format(data.get("latin_size") or 0, force_grouping=True),
    }


def _base(data, swedish, latin, names: Names) -> str:
    return _("base score of every pair")


PART_SENTENCES: dict[str, Callable[..., str]] = {
    reasons.SHARED_THEMES: _shared_themes,
    reasons.NAMED_PARTNER: _named_partner,
    reasons.PREFERRED_COUNTRY: _preferred_country,
    reasons.SPANISH_SPEAKERS: _spanish_speakers,
    reasons.SWEDISH_ENGLISH_SPEAKERS: _swedish_english_speakers,
    reasons.SAME_KIND: _same_kind,
    reasons.SIMILAR_SIZE: _similar_size,
    reasons.BASE: _base,
}


def _field(part, name):
    """A part's field, whether it is the engine's ScorePart or its stored JSON form."""
    return part.get(name) if isinstance(part, Mapping) else getattr(part, name)


def part_sentence(part, *, swedish_id, latin_id, names: Names) -> str:
    """One score part of the pair (swedish_id, latin_id) as a sentence."""
    code = _field(part, "code")
    sentence = PART_SENTENCES.get(code)
    if sentence is None:
        return str(code)
    swedish = names.swedish.get(swedish_id, "")
    latin = names.latin.get(latin_id, "")
    return sentence(_field(part, "data") or {}, swedish, latin, names)


def pair_sentences(parts, *, swedish_id, latin_id, names: Names) -> list[str]:
    """Every part of a pair, the weightiest first."""
    parts = sorted(
        parts,
        key=lambda part: (
            -_field(part, "points"),
            reasons.PART_CODES.index(_field(part, "code"))
            if _field(part, "code") in reasons.PART_CODES
            else len(reasons.PART_CODES),
        ),
    )
    return [
        part_sentence(part, swedish_id=swedish_id, latin_id=latin_id, names=names) for part in parts
    ]


def pair_explanation(parts, *, swedish_id, latin_id, names: Names) -> str:
    """The whole explanation of a pair on one line."""
    sentences = pair_sentences(parts, swedish_id=swedish_id, latin_id=latin_id, names=names)
    return SEPARATOR.join(sentences) if sentences else _("nothing in common yet")


def unmatched_sentence(reason, *, side: str, names: Names) -> str:
    """Why a candidate (side "swedish" or "latin") got no partner, one reason at a time."""
    partners, others = (
        (names.latin, names.swedish)
        if side == "swedish"
        else (
            names.swedish,
            names.latin,
        )
    )
    data = _field(reason, "data") or {}
    code = _field(reason, "code")
    if code == reasons.PARTNER_TAKEN:
        return _("%(partner)s (score %(score)s) was paired with %(other)s instead") % {
            "partner": partners.get(data.get("partner"), ""),
            "score": score(data.get("score", 0)),
            "other": others.get(data.get("paired_with"), ""),
        }
    if code == reasons.BALANCE_LIMIT:
        return _(
            "%(partner)s (score %(score)s) was kept apart by the balance between countries"
        ) % {
            "partner": partners.get(data.get("partner"), ""),
            "score": score(data.get("score", 0)),
        }
    return _("no partner scores above zero, or every possible partner is ruled out")


def stored_parts(parts) -> list[dict]:
    """The parts as plain JSON, as a partnership keeps them (`Partnership.match_reasons`)."""
    return [
        {
            "code": _field(part, "code"),
            "points": _field(part, "points"),
            "data": dict(_field(part, "data") or {}),
        }
        for part in parts
    ]
