"""Why a pair scores what it does, and why a candidate was left without a partner, as plain
data that a caller turns into sentences in the reader's language.

Each `ScorePart` names its rule by a stable `code` and carries the facts a sentence needs in
`data` (JSON-ready: strings, numbers, lists):

==============================  ==========================================================
code                            data
==============================  ==========================================================
``shared_themes``               ``themes``: the shared theme slugs, sorted; ``count``
``named_partner``               ``rank``: 1 for the Swedish side's first choice, 2, 3
``preferred_country``           ``country``: the country code the Swedish side asked for
``spanish_speakers``            ``count``: Spanish speakers in the Swedish team
``swedish_english_speakers``    ``count``: the Latin American team's Swedish or English
                                speakers; ``languages``: which of ``en``/``sv`` they speak
``same_kind``                   ``kind``: e.g. ``municipality``
``similar_size``                ``swedish_size``, ``latin_size``
``base``                        (nothing)
==============================  ==========================================================

A pair's score is the sum of its parts' points, in the order listed here; `ordered` sorts them
for reading, the weightiest first. `why_unmatched` explains an empty seat with these codes:

==============================  ==========================================================
``no_suitable_partner``         every allowed partner scores zero or less, or none is allowed
``partner_taken``               ``partner``, ``score``: a better-scoring partner;
                                ``paired_with``: whom that partner got instead
``balance_limit``               ``partner``, ``score``: a partner left free as well, so the
                                balance between countries kept the two apart
==============================  ==========================================================

No gettext here: this module stays free of Django so it is tested and benchmarked alone.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .scoring import (
    BRIDGE_LANGUAGES,
    SPANISH,
    Weights,
    bridge_speakers,
    capped_speakers,
    size_closeness,
)

if TYPE_CHECKING:
    from .engine import LatinCandidate, MatchResult, SwedishCandidate

SHARED_THEMES = "shared_themes"
NAMED_PARTNER = "named_partner"
PREFERRED_COUNTRY = "preferred_country"
SPANISH_SPEAKERS = "spanish_speakers"
SWEDISH_ENGLISH_SPEAKERS = "swedish_english_speakers"
SAME_KIND = "same_kind"
SIMILAR_SIZE = "similar_size"
BASE = "base"
PART_CODES = (
    SHARED_THEMES,
    NAMED_PARTNER,
    PREFERRED_COUNTRY,
    SPANISH_SPEAKERS,
    SWEDISH_ENGLISH_SPEAKERS,
    SAME_KIND,
    SIMILAR_SIZE,
    BASE,
)

NO_SUITABLE_PARTNER = "no_suitable_partner"
PARTNER_TAKEN = "partner_taken"
BALANCE_LIMIT = "balance_limit"


@dataclass(frozen=True)
class ScorePart:
    """Points a pair earns under one rule, and the facts that earned them."""

    code: str
    points: float
    data: Mapping[str, object] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class UnmatchedReason:
    """One reason a candidate has no partner in a result."""

    code: str
    data: Mapping[str, object] = field(default_factory=dict, hash=False)


def pair_parts(
    swedish: SwedishCandidate, latin: LatinCandidate, weights: Weights
) -> tuple[ScorePart, ...]:
    """The parts of one pair's score, in `PART_CODES` order, leaving out parts worth 0."""
    candidates = (
        _shared_themes(swedish, latin, weights),
        _named_partner(swedish, latin, weights),
        _preferred_country(swedish, latin, weights),
        _spanish_speakers(swedish, weights),
        _swedish_english_speakers(latin, weights),
        _same_kind(swedish, latin, weights),
        _similar_size(swedish, latin, weights),
        ScorePart(BASE, weights.base),
    )
    return tuple(part for part in candidates if part.points != 0)


def ordered(parts: tuple[ScorePart, ...]) -> tuple[ScorePart, ...]:
    """The parts for reading: most points first, penalties last, rule order between equals."""
    return tuple(sorted(parts, key=lambda part: (-part.points, PART_CODES.index(part.code))))


def why_unmatched(
    result: MatchResult, *, swedish_id: Hashable = None, latin_id: Hashable = None
) -> tuple[UnmatchedReason, ...]:
    """Why one unmatched candidate (give exactly one of the two ids) got no partner.

    Read from the result's alternatives (so match with ``alternatives`` ≥ 1): each better
    partner was either paired with someone else, or was left free too, which only a balance
    limit explains (the optimum would otherwise have paired the two).
    """
    if (swedish_id is None) == (latin_id is None):
        raise ValueError("give exactly one of swedish_id and latin_id")
    paired = (
        result.pair_for_swedish(swedish_id)
        if swedish_id is not None
        else result.pair_for_latin(latin_id)
    )
    if paired is not None:
        raise ValueError(f"the candidate is paired: {paired.swedish_id}–{paired.latin_id}")
    if swedish_id is not None:
        options = result.alternatives_for_swedish.get(swedish_id, ())
        partners = [(option.latin_id, option.score) for option in options]
        paired_with = {pair.latin_id: pair.swedish_id for pair in result.pairs}
    else:
        options = result.alternatives_for_latin.get(latin_id, ())
        partners = [(option.swedish_id, option.score) for option in options]
        paired_with = {pair.swedish_id: pair.latin_id for pair in result.pairs}
    if not partners:
        return (UnmatchedReason(NO_SUITABLE_PARTNER),)
    return tuple(_unmatched_reason(partner, score, paired_with) for partner, score in partners)


def _unmatched_reason(partner, score: float, paired_with: dict) -> UnmatchedReason:
    if partner in paired_with:
        data = {"partner": partner, "score": score, "paired_with": paired_with[partner]}
        return UnmatchedReason(PARTNER_TAKEN, data)
    return UnmatchedReason(BALANCE_LIMIT, {"partner": partner, "score": score})


def _shared_themes(swedish, latin, weights: Weights) -> ScorePart:
    themes = sorted(swedish.themes & latin.themes)
    data = {"themes": themes, "count": len(themes)}
    return ScorePart(SHARED_THEMES, weights.shared_theme * len(themes), data)


def _named_partner(swedish, latin, weights: Weights) -> ScorePart:
    ranked = swedish.preferred_partners[: len(weights.named_partner)]
    if latin.id not in ranked:
        return ScorePart(NAMED_PARTNER, 0.0)
    rank = ranked.index(latin.id)
    return ScorePart(NAMED_PARTNER, weights.named_partner[rank], {"rank": rank + 1})


def _preferred_country(swedish, latin, weights: Weights) -> ScorePart:
    if swedish.preferred_country != latin.country:
        return ScorePart(PREFERRED_COUNTRY, 0.0)
    return ScorePart(PREFERRED_COUNTRY, weights.preferred_country, {"country": latin.country})


def _spanish_speakers(swedish, weights: Weights) -> ScorePart:
    count = swedish.languages.get(SPANISH, 0)
    points = weights.spanish_speaker * capped_speakers(count, weights)
    return ScorePart(SPANISH_SPEAKERS, points, {"count": count} if points else {})


def _swedish_english_speakers(latin, weights: Weights) -> ScorePart:
    count = bridge_speakers(latin.languages)
    points = weights.swedish_english_speaker * capped_speakers(count, weights)
    if not points:  # the usual case: spare building the data of a part that is left out
        return ScorePart(SWEDISH_ENGLISH_SPEAKERS, points)
    languages = [code for code in BRIDGE_LANGUAGES if latin.languages.get(code, 0)]
    return ScorePart(SWEDISH_ENGLISH_SPEAKERS, points, {"count": count, "languages": languages})


def _same_kind(swedish, latin, weights: Weights) -> ScorePart:
    if swedish.kind != latin.kind:
        return ScorePart(SAME_KIND, 0.0)
    return ScorePart(SAME_KIND, weights.same_kind, {"kind": latin.kind})


def _similar_size(swedish, latin, weights: Weights) -> ScorePart:
    points = weights.similar_size * size_closeness(swedish.size, latin.size)
    return ScorePart(SIMILAR_SIZE, points, {"swedish_size": swedish.size, "latin_size": latin.size})
