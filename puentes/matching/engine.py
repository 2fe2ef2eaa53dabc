"""The matching engine: the pairing of Swedish and Latin American candidates with the highest
total score, under the coordinator's constraints and an optional balance between countries.

Plain data in, plain data out, no Django (tests and `bench/matching_bench.py` run it alone)::

    result = match(swedish, latin, weights=Weights(), constraints=Constraints(),
                   balance={"GT": 3, "CO": 3}, alternatives=3)

How it decides (docs/matching.md says the same for coordinators and callers):

- Scores come from `scoring.score_matrix` and are explained by `reasons.pair_parts`; a pair's
  `score` is the sum of its `parts`.
- **Optimal**: among all sets of pairs that respect the constraints, the one with the highest
  total score (scipy's `linear_sum_assignment`). A pair worth zero or less adds nothing, so it
  is never proposed: both candidates stay unmatched instead (unless it is a must-pair).
  Raise `Weights.base` to make every allowed pair worth more and so prefer more pairs.
- **never_pair** pairs are never proposed (nor offered as alternatives); a candidate whose
  only positive options are forbidden stays unmatched.
- **must_pair** pairs are always proposed, whatever their score; they are fixed first and the
  rest is matched around them. Two must-pairs sharing a candidate, a must-pair that is also
  a never-pair, one naming an unknown or already-paired candidate, or more must-pairs in a
  country than its balance allows raise `InfeasibleConstraints`.
- **already_paired** holds (swedish id, latin id) pairs of partnerships that already exist:
  both candidates are left out of this run (neither paired, nor unmatched, nor offered as an
  alternative). Pairs rather than loose ids, because the two sides' ids may collide.
- **balance** ``{country: n}`` caps the pairs this run proposes with that country's
  candidates, must-pairs included: at most ``n``. A country without an entry has no cap.
  It is an upper bound, not a quota to fill at any price: the engine still maximises the
  total score within it (so it fills the caps whenever that adds score). Partnerships
  confirmed earlier are not counted: pass the remaining room.
- **Deterministic**: candidates are sorted by id (ids of one side must be comparable with
  each other) before anything else, so the same input in any order gives the same output.
- **alternatives**: for every candidate still in play, its best other partners (positive,
  allowed, not its own partner), by score, ties by id.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

import numpy as np

from .assignment import best_partners, optimal_pairs
from .reasons import ScorePart, pair_parts
from .scoring import Weights, score_matrix

__all__ = [
    "Constraints",
    "InfeasibleConstraints",
    "LatinCandidate",
    "MatchResult",
    "Pair",
    "SwedishCandidate",
    "Weights",
    "match",
]


def _languages(values: Mapping[str, int]) -> Mapping[str, int]:
    """Language counts keyed by lower-case primary subtag (``es-CO`` counts as ``es``)."""
    counts: dict[str, int] = {}
    for code, count in values.items():
        if count < 0:
            raise ValueError(f"a number of speakers cannot be negative: {code}={count}")
        key = code.strip().lower().replace("_", "-").split("-")[0]
        # The same people may be counted under ``es`` and ``es-CO``: keep the larger count.
        counts[key] = max(counts.get(key, 0), int(count))
    return MappingProxyType(counts)


def _check_size(size: int | None) -> None:
    if size is not None and size <= 0:
        raise ValueError(f"an organisation's size must be positive or None, not {size}")


@dataclass(frozen=True)
class SwedishCandidate:
    """A Swedish municipality or region that wants a partner (an accepted interest).

    `preferred_partners` are Latin American candidate ids in order of preference; ids not
    among the candidates are ignored. `languages` maps a language code to the number of team
    members who speak it. `size` is the population, if known.
    """

    id: Hashable
    themes: frozenset[str] = frozenset()
    preferred_country: str | None = None
    preferred_partners: tuple[Hashable, ...] = ()
    languages: Mapping[str, int] = field(default_factory=dict, hash=False)
    kind: str = "municipality"
    size: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "themes", frozenset(self.themes))
        # "" is how a form says "either country".
        object.__setattr__(self, "preferred_country", self.preferred_country or None)
        # A partner named twice keeps its first (best) rank.
        partners = tuple(dict.fromkeys(self.preferred_partners))
        object.__setattr__(self, "preferred_partners", partners)
        object.__setattr__(self, "languages", _languages(self.languages))
        _check_size(self.size)


@dataclass(frozen=True)
class LatinCandidate:
    """A Latin American municipality seeking a partner (a published seeking profile)."""

    id: Hashable
    country: str
    themes: frozenset[str] = frozenset()
    languages: Mapping[str, int] = field(default_factory=dict, hash=False)
    kind: str = "municipality"
    size: int | None = None

    def __post_init__(self):
        object.__setattr__(self, "themes", frozenset(self.themes))
        object.__setattr__(self, "languages", _languages(self.languages))
        _check_size(self.size)


@dataclass(frozen=True)
class Constraints:
    """The coordinator's rulings, each a set of (swedish id, latin id) pairs."""

    must_pair: frozenset[tuple[Hashable, Hashable]] = frozenset()
    never_pair: frozenset[tuple[Hashable, Hashable]] = frozenset()
    already_paired: frozenset[tuple[Hashable, Hashable]] = frozenset()

    def __post_init__(self):
        for name in ("must_pair", "never_pair", "already_paired"):
            pairs = frozenset(tuple(pair) for pair in getattr(self, name))
            if any(len(pair) != 2 for pair in pairs):
                raise ValueError(f"{name} must hold (swedish id, latin id) pairs")
            object.__setattr__(self, name, pairs)


class InfeasibleConstraints(ValueError):
    """The constraints contradict each other; `code` says how, `pairs` which pairs."""

    def __init__(self, code: str, message: str, pairs: Iterable = ()):
        self.code = code
        self.pairs = tuple(sorted(pairs, key=repr))
        super().__init__(f"{message}: {list(self.pairs)}" if self.pairs else message)


@dataclass(frozen=True)
class Pair:
    """A proposed (or alternative) pair, its score and the parts the score is made of."""

    swedish_id: Hashable
    latin_id: Hashable
    score: float
    parts: tuple[ScorePart, ...]


@dataclass(frozen=True)
class MatchResult:
    """The proposal: pairs by Swedish id, the candidates left over, and alternatives.

    `alternatives_for_swedish[sid]` lists Latin American partners for Swedish candidate `sid`,
    best first, and `alternatives_for_latin[lid]` Swedish ones: two maps, as ids of the two
    sides may collide. Every candidate in play has an entry (possibly empty).
    """

    pairs: tuple[Pair, ...]
    unmatched_swedish: tuple[Hashable, ...]
    unmatched_latin: tuple[Hashable, ...]
    alternatives_for_swedish: Mapping[Hashable, tuple[Pair, ...]]
    alternatives_for_latin: Mapping[Hashable, tuple[Pair, ...]]
    total_score: float
    pairs_per_country: Mapping[str, int]

    def pair_for_swedish(self, swedish_id: Hashable) -> Pair | None:
        return self._by_swedish_id.get(swedish_id)

    def pair_for_latin(self, latin_id: Hashable) -> Pair | None:
        return self._by_latin_id.get(latin_id)

    @cached_property
    def _by_swedish_id(self) -> dict[Hashable, Pair]:
        return {pair.swedish_id: pair for pair in self.pairs}

    @cached_property
    def _by_latin_id(self) -> dict[Hashable, Pair]:
        return {pair.latin_id: pair for pair in self.pairs}


def match(
    swedish: Iterable[SwedishCandidate],
    latin: Iterable[LatinCandidate],
    *,
    weights: Weights | None = None,
    constraints: Constraints | None = None,
    balance: Mapping[str, int] | None = None,
    alternatives: int = 3,
) -> MatchResult:
    """The best pairing of the candidates; see the module docstring for the rules."""
    if alternatives < 0:
        raise ValueError("alternatives cannot be negative")
    weights = weights or Weights()
    problem = _Problem.build(swedish, latin, constraints or Constraints(), balance or {})
    scores = score_matrix(problem.swedish, problem.latin, weights)
    chosen = problem.fixed + optimal_pairs(
        scores,
        problem.allowed,
        rows=problem.free_rows(),
        cols=problem.free_cols(),
        col_groups=problem.latin_country,
        caps=problem.room_per_country(),
    )
    return _Result(problem, scores, weights).build(sorted(chosen), alternatives)


@dataclass
class _Problem:
    """The candidates sorted by id, and the constraints as matrix positions."""

    swedish: list[SwedishCandidate]
    latin: list[LatinCandidate]
    allowed: np.ndarray  # False: never pair, or a candidate already paired
    fixed: list[tuple[int, int]]
    out_rows: set[int]
    out_cols: set[int]
    countries: list[str]
    latin_country: np.ndarray
    balance: dict[int, int]

    @classmethod
    def build(cls, swedish, latin, constraints: Constraints, balance: Mapping[str, int]):
        swedish, latin = _sorted_by_id(swedish, "Swedish"), _sorted_by_id(latin, "Latin American")
        row = {c.id: i for i, c in enumerate(swedish)}
        col = {c.id: j for j, c in enumerate(latin)}
        out_rows = {row[s] for s, _l in constraints.already_paired if s in row}
        out_cols = {col[lid] for _s, lid in constraints.already_paired if lid in col}
        never = [(row[s], col[lid]) for s, lid in constraints.never_pair if s in row and lid in col]
        countries = sorted({c.country for c in latin} | set(balance))
        return cls(
            swedish=swedish,
            latin=latin,
            allowed=_allowed(len(swedish), len(latin), out_rows, out_cols, never),
            fixed=_fixed_pairs(constraints, row, col, out_rows, out_cols),
            out_rows=out_rows,
            out_cols=out_cols,
            countries=countries,
            latin_country=np.array([countries.index(c.country) for c in latin], dtype=np.int64),
            balance=_caps(balance, countries),
        )

    def free_rows(self) -> np.ndarray:
        taken = self.out_rows | {i for i, _j in self.fixed}
        return np.array([i for i in range(len(self.swedish)) if i not in taken], dtype=np.int64)

    def free_cols(self) -> np.ndarray:
        taken = self.out_cols | {j for _i, j in self.fixed}
        return np.array([j for j in range(len(self.latin)) if j not in taken], dtype=np.int64)

    def room_per_country(self) -> dict[int, int]:
        """What each capped country has left once the must-pairs are counted."""
        used = Counter(int(self.latin_country[j]) for _i, j in self.fixed)
        room = {group: cap - used[group] for group, cap in self.balance.items()}
        over = [
            (self.swedish[i].id, self.latin[j].id)
            for i, j in self.fixed
            if room.get(int(self.latin_country[j]), 0) < 0
        ]
        if over:
            raise InfeasibleConstraints(
                "balance_exceeded", "more must-pairs in a country than its balance", over
            )
        return room


def _sorted_by_id(candidates: Iterable, side: str) -> list:
    ordered = sorted(candidates, key=lambda candidate: candidate.id)
    ids = Counter(candidate.id for candidate in ordered)
    twice = [candidate_id for candidate_id, n in ids.items() if n > 1]
    if twice:
        raise ValueError(f"{side} candidates with the same id: {twice}")
    return ordered


def _allowed(n_rows: int, n_cols: int, out_rows, out_cols, never) -> np.ndarray:
    """Pairs the engine may propose: not a never-pair, no candidate already paired."""
    allowed = np.ones((n_rows, n_cols), dtype=bool)
    allowed[sorted(out_rows), :] = False
    allowed[:, sorted(out_cols)] = False
    if never:
        allowed[tuple(np.array(never).T)] = False
    return allowed


def _fixed_pairs(constraints: Constraints, row, col, out_rows, out_cols) -> list[tuple[int, int]]:
    must = constraints.must_pair
    unknown = [pair for pair in must if pair[0] not in row or pair[1] not in col]
    if unknown:
        raise InfeasibleConstraints("unknown_candidate", "must-pairs name no candidate", unknown)
    forbidden = must & constraints.never_pair
    if forbidden:
        raise InfeasibleConstraints(
            "must_and_never", "pairs both required and forbidden", forbidden
        )
    paired = [(s, lid) for s, lid in must if row[s] in out_rows or col[lid] in out_cols]
    if paired:
        raise InfeasibleConstraints("already_paired", "must-pairs name a paired candidate", paired)
    swedish_twice = {s for s, n in Counter(s for s, _l in must).items() if n > 1}
    latin_twice = {lid for lid, n in Counter(lid for _s, lid in must).items() if n > 1}
    clashing = [(s, lid) for s, lid in must if s in swedish_twice or lid in latin_twice]
    if clashing:
        raise InfeasibleConstraints("must_conflict", "must-pairs share a candidate", clashing)
    return sorted((row[s], col[lid]) for s, lid in must)


def _caps(balance: Mapping[str, int], countries: list[str]) -> dict[int, int]:
    caps = {}
    for country, cap in balance.items():
        if cap is None:
            continue
        if int(cap) != cap or cap < 0:
            raise ValueError(f"balance for {country} must be a whole number ≥ 0, not {cap!r}")
        caps[countries.index(country)] = int(cap)
    return caps


@dataclass
class _Result:
    """Turns matrix positions back into ids, pairs with their parts, and alternatives."""

    problem: _Problem
    scores: np.ndarray
    weights: Weights
    _pairs: dict[tuple[int, int], Pair] = field(default_factory=dict)

    def pair(self, i: int, j: int) -> Pair:
        if (i, j) not in self._pairs:
            swedish, latin = self.problem.swedish[i], self.problem.latin[j]
            parts = pair_parts(swedish, latin, self.weights)
            # Left to right from 0.0, as the score matrix adds them: the same float.
            score = sum((part.points for part in parts), 0.0)
            self._pairs[i, j] = Pair(swedish.id, latin.id, score, parts)
        return self._pairs[i, j]

    def build(self, chosen: list[tuple[int, int]], alternatives: int) -> MatchResult:
        problem = self.problem
        partner_of_row = {i: j for i, j in chosen}
        partner_of_col = {j: i for i, j in chosen}
        pairs = tuple(self.pair(i, j) for i, j in chosen)
        per_country = Counter(problem.latin[j].country for _i, j in chosen)
        return MatchResult(
            pairs=pairs,
            unmatched_swedish=self._left_over(problem.swedish, partner_of_row, problem.out_rows),
            unmatched_latin=self._left_over(problem.latin, partner_of_col, problem.out_cols),
            alternatives_for_swedish=self._alternatives(partner_of_row, alternatives, by_row=True),
            alternatives_for_latin=self._alternatives(partner_of_col, alternatives, by_row=False),
            total_score=math.fsum(pair.score for pair in pairs),
            pairs_per_country=MappingProxyType(dict(sorted(per_country.items()))),
        )

    @staticmethod
    def _left_over(candidates, partner: dict, out: set) -> tuple:
        return tuple(c.id for k, c in enumerate(candidates) if k not in partner and k not in out)

    def _alternatives(self, partner: dict, k: int, *, by_row: bool) -> Mapping:
        problem = self.problem
        scores, allowed = self.scores, problem.allowed
        candidates, out = problem.swedish, problem.out_rows
        if not by_row:
            scores, allowed = scores.T, allowed.T
            candidates, out = problem.latin, problem.out_cols
        exclude = np.array([partner.get(n, -1) for n in range(len(candidates))], dtype=np.int64)
        best = best_partners(scores, allowed, exclude=exclude, k=k)
        found = {}
        for index, candidate in enumerate(candidates):
            if index in out:
                continue
            others = best[index]
            pairs = (self.pair(index, o) if by_row else self.pair(o, index) for o in others)
            found[candidate.id] = tuple(pairs)
        return MappingProxyType(found)
