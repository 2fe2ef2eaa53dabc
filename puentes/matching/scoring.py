"""How much a (Swedish, Latin American) pair is worth: the weights and the whole score matrix.

A pair's score is a sum of parts, each a weight times what the pair has:

===========================  ========  ======================================================
part (code)                  default   points
===========================  ========  ======================================================
``shared_themes``            3.0       per theme both candidates work on
``named_partner``            5, 4, 3   the Swedish side named this municipality as its 1st,
                                       2nd or 3rd choice (later choices earn nothing)
``preferred_country``        2.0       the municipality is in the country the Swedish side
                                       asked for
``spanish_speakers``         0.75      per Spanish speaker in the Swedish team, at most
                                       ``speakers_counted`` (2) of them
``swedish_english_speakers`` 0.75      per Swedish- or English-speaking member of the Latin
                                       American team (the larger of the two counts, since a
                                       member may speak both), at most ``speakers_counted``
``same_kind``                0.5       both are the same kind of organisation
``similar_size``             1.0       × (1 − |log10(size ratio)|), so equal sizes earn the
                                       full weight and a tenfold difference nothing
``base``                     0.0       every pair; raise it to prefer more pairs over fewer,
                                       better ones
===========================  ========  ======================================================

Weights may be negative (a penalty); a part worth 0 points is left out of the explanation.
This module builds the matrix for every pair at once with numpy; `reasons.pair_parts` is the
same arithmetic for one pair, written plainly, and the tests hold the two equal.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from .engine import LatinCandidate, SwedishCandidate

SPANISH = "es"
BRIDGE_LANGUAGES = ("en", "sv")  # what a Latin American team speaks to reach a Swedish one


@dataclass(frozen=True)
class Weights:
    """Points per score part (see the module docstring); every call may pass its own."""

    shared_theme: float = 3.0
    named_partner: tuple[float, ...] = (5.0, 4.0, 3.0)
    preferred_country: float = 2.0
    spanish_speaker: float = 0.75
    swedish_english_speaker: float = 0.75
    speakers_counted: int = 2
    same_kind: float = 0.5
    similar_size: float = 1.0
    base: float = 0.0

    def __post_init__(self):
        # Stored settings may hold "2" or 2 for 2.0: take numbers, refuse anything else.
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "named_partner":
                value = tuple(float(w) for w in value)
            else:
                value = int(value) if f.name == "speakers_counted" else float(value)
            if not all(math.isfinite(v) for v in (value if isinstance(value, tuple) else [value])):
                raise ValueError(f"weight {f.name} must be finite, not {value!r}")
            object.__setattr__(self, f.name, value)
        if self.speakers_counted < 0:
            raise ValueError("speakers_counted cannot be negative")

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> Weights:
        """Weights from stored settings: unknown names are ignored, missing ones default."""
        known = {f.name for f in fields(cls)}
        return cls(**{name: value for name, value in values.items() if name in known})

    def as_dict(self) -> dict[str, object]:
        """Plain values, e.g. to show or store the weights a run used."""
        return {
            f.name: list(getattr(self, f.name))
            if f.name == "named_partner"
            else getattr(self, f.name)
            for f in fields(self)
        }


def capped_speakers(count: int, weights: Weights) -> int:
    return min(count, weights.speakers_counted)


def bridge_speakers(languages: Mapping[str, int]) -> int:
    """Members of a Latin American team who speak Swedish or English (a lower bound)."""
    return max(languages.get("en", 0), languages.get("sv", 0))


def size_closeness(swedish_size: int | None, latin_size: int | None) -> float:
    """1 for equal sizes, falling to 0 at a tenfold difference; 0 when a size is unknown."""
    if not swedish_size or not latin_size:
        return 0.0
    return max(0.0, 1.0 - abs(math.log10(swedish_size) - math.log10(latin_size)))


def score_matrix(
    swedish: Sequence[SwedishCandidate], latin: Sequence[LatinCandidate], weights: Weights
) -> np.ndarray:
    """Every pair's score, rows in the order of `swedish`, columns in the order of `latin`.

    Parts are added in the order `reasons.pair_parts` lists them, so a matrix entry and the
    sum of that pair's parts are the same float.
    """
    scores = _shared_theme_counts(swedish, latin)
    scores *= weights.shared_theme
    _add_named_partners(scores, swedish, latin, weights)
    countries = sorted({c.country for c in latin})
    latin_country = _codes([c.country for c in latin], countries)
    wanted_country = _codes([c.preferred_country for c in swedish], countries)
    _add_where(scores, weights.preferred_country, wanted_country[:, None] == latin_country[None, :])
    spanish = [capped_speakers(c.languages.get(SPANISH, 0), weights) for c in swedish]
    scores += weights.spanish_speaker * np.array(spanish, dtype=float)[:, None]
    bridge = [capped_speakers(bridge_speakers(c.languages), weights) for c in latin]
    scores += weights.swedish_english_speaker * np.array(bridge, dtype=float)[None, :]
    kinds = sorted({c.kind for c in swedish} | {c.kind for c in latin})
    swedish_kind = _codes([c.kind for c in swedish], kinds)
    _add_where(
        scores, weights.same_kind, swedish_kind[:, None] == _codes([c.kind for c in latin], kinds)
    )
    _add_size_closeness(scores, swedish, latin, weights)
    scores += weights.base
    return scores


def _add_where(scores: np.ndarray, points: float, where: np.ndarray) -> None:
    np.add(scores, points, out=scores, where=where)


def _codes(values: Sequence[str | None], vocabulary: list[str]) -> np.ndarray:
    """Each value's place in the vocabulary; -1 for a value outside it (e.g. no preference)."""
    index = {value: i for i, value in enumerate(vocabulary)}
    return np.array([index.get(value, -1) for value in values], dtype=np.int64)


def _membership(candidates: Sequence, vocabulary: dict[str, int]) -> np.ndarray:
    member = np.zeros((len(candidates), len(vocabulary)), dtype=float)
    for row, candidate in enumerate(candidates):
        member[row, [vocabulary[theme] for theme in candidate.themes]] = 1.0
    return member


def _shared_theme_counts(swedish: Sequence, latin: Sequence) -> np.ndarray:
    # A product of 0/1 matrices counts shared themes exactly: sums of small integers.
    themes = sorted(set().union(*(c.themes for c in swedish), *(c.themes for c in latin)))
    vocabulary = {theme: i for i, theme in enumerate(themes)}
    return _membership(swedish, vocabulary) @ _membership(latin, vocabulary).T


def _add_named_partners(scores: np.ndarray, swedish, latin, weights: Weights) -> None:
    column = {candidate.id: j for j, candidate in enumerate(latin)}
    for row, candidate in enumerate(swedish):
        for rank, partner in enumerate(candidate.preferred_partners[: len(weights.named_partner)]):
            if partner in column:
                scores[row, column[partner]] += weights.named_partner[rank]


def _add_size_closeness(scores: np.ndarray, swedish, latin, weights: Weights) -> None:
    if weights.similar_size == 0:
        return
    # math.log10, as size_closeness: the parts add up to the matrix entry exactly, and sizes
    # exactly tenfold apart come to exactly 0. An unknown size is NaN, which fmax turns to 0.
    swedish_log = np.array([math.log10(c.size) if c.size else np.nan for c in swedish])
    latin_log = np.array([math.log10(c.size) if c.size else np.nan for c in latin])
    closeness = np.subtract.outer(swedish_log, latin_log)  # in place from here: large matrices
    np.abs(closeness, out=closeness)
    np.subtract(1.0, closeness, out=closeness)
    np.fmax(closeness, 0.0, out=closeness)
    closeness *= weights.similar_size
    scores += closeness
