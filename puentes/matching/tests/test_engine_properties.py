"""The engine against an exhaustive search on random instances up to 7 × 7. No database."""

import random
from collections import Counter
from functools import cache

import numpy as np
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from puentes.matching.engine import Constraints, LatinCandidate, SwedishCandidate, Weights, match
from puentes.matching.reasons import pair_parts
from puentes.matching.scoring import score_matrix

THEMES = ["gbv", "politics", "economy", "education", "indigenous", "peace", "dialogue"]
COUNTRIES = ["GT", "CO"]
KINDS = ["municipality", "region"]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

small_weights = st.builds(
    Weights,
    shared_theme=st.sampled_from([3.0, 1.0, 0.0, -1.0]),
    named_partner=st.sampled_from([(5.0, 4.0, 3.0), (2.0,), ()]),
    preferred_country=st.sampled_from([2.0, 0.5, -2.0]),
    spanish_speaker=st.sampled_from([0.75, 0.0]),
    swedish_english_speaker=st.sampled_from([0.75, -0.25]),
    same_kind=st.sampled_from([0.5, 0.0]),
    similar_size=st.sampled_from([1.0, 2.5]),
    base=st.sampled_from([0.0, -3.0, 1.0]),
)
themes = st.frozensets(st.sampled_from(THEMES), max_size=3)
languages = st.dictionaries(st.sampled_from(["es", "sv", "en"]), st.integers(0, 3), max_size=3)
sizes = st.one_of(st.none(), st.integers(500, 2_000_000))


def ids(n):
    return st.lists(st.integers(0, 20), min_size=n, max_size=n, unique=True)


@st.composite
def instances(draw):
    """Candidates (ids may collide across sides), feasible constraints, maybe a balance."""
    swedish_ids, latin_ids = (draw(ids(draw(st.integers(0, 7)))) for _side in range(2))
    partners = st.lists(st.sampled_from(latin_ids), max_size=3) if latin_ids else st.just([])
    swedish = [
        SwedishCandidate(
            sid,
            draw(themes),
            draw(st.sampled_from([None, *COUNTRIES])),
            tuple(draw(partners)),
            draw(languages),
            draw(st.sampled_from(KINDS)),
            draw(sizes),
        )
        for sid in swedish_ids
    ]
    latin = [
        LatinCandidate(
            lid,
            draw(st.sampled_from(COUNTRIES)),
            draw(themes),
            draw(languages),
            draw(st.sampled_from(KINDS)),
            draw(sizes),
        )
        for lid in latin_ids
    ]
    constraints = draw(feasible_constraints(swedish_ids, latin_ids))
    return swedish, latin, constraints, draw(balances(latin, constraints))


@st.composite
def feasible_constraints(draw, swedish_ids, latin_ids):
    every_pair = [(s, lid) for s in swedish_ids for lid in latin_ids]
    if not every_pair:
        return Constraints()
    drawn = draw(st.lists(st.sampled_from(every_pair), max_size=3))
    must, used = set(), set()
    for s, lid in drawn:  # a partial matching: no candidate in two must-pairs
        if ("s", s) not in used and ("l", lid) not in used:
            must.add((s, lid))
            used |= {("s", s), ("l", lid)}
    never = set(draw(st.lists(st.sampled_from(every_pair), max_size=12))) - must
    free = [(s, lid) for s, lid in every_pair if ("s", s) not in used and ("l", lid) not in used]
    paired = set(draw(st.lists(st.sampled_from(free), max_size=2))) if free else set()
    return Constraints(must_pair=must, never_pair=never, already_paired=paired)


@st.composite
def balances(draw, latin, constraints):
    if not draw(st.booleans()):
        return None
    country = {c.id: c.country for c in latin}
    fixed = Counter(country[lid] for _s, lid in constraints.must_pair)
    capped = draw(st.lists(st.sampled_from(COUNTRIES), unique=True, max_size=2))
    return {code: fixed[code] + draw(st.integers(0, 3)) for code in capped}


def reference_score(swedish, latin, weights):
    return sum(part.points for part in pair_parts(swedish, latin, weights))


def brute_force_best(swedish, latin, weights, constraints, balance):
    """The best total over every set of pairs the rules allow, by exhaustive search (with
    memory of (Swedish candidate, Latin candidates used so far))."""
    out_s = {s for s, _l in constraints.already_paired}
    out_l = {lid for _s, lid in constraints.already_paired}
    must = dict(constraints.must_pair)
    cols = {c.id: j for j, c in enumerate(latin)}
    start = sum(1 << cols[lid] for lid in must.values())
    fixed = sum(
        reference_score(s, latin[cols[must[s.id]]], weights) for s in swedish if s.id in must
    )
    rows = [s for s in swedish if s.id not in must and s.id not in out_s]
    gains = [[reference_score(s, candidate, weights) for candidate in latin] for s in rows]

    def within_balance(used):
        taken = Counter(c.country for j, c in enumerate(latin) if used >> j & 1)
        return all(taken[code] <= cap for code, cap in (balance or {}).items())

    @cache
    def best(row, used):
        if row == len(rows):
            return 0.0 if within_balance(used) else -np.inf
        options = [best(row + 1, used)]
        for j, candidate in enumerate(latin):
            if used >> j & 1 or candidate.id in out_l:
                continue
            if (rows[row].id, candidate.id) in constraints.never_pair:
                continue
            options.append(gains[row][j] + best(row + 1, used | 1 << j))
        return max(options)

    return fixed + best(0, start)


@SETTINGS
@given(instances(), small_weights)
def test_result_is_as_good_as_the_exhaustive_search(instance, weights):
    swedish, latin, constraints, balance = instance
    event(f"{len(swedish)} × {len(latin)}")

    result = match(swedish, latin, weights=weights, constraints=constraints, balance=balance)

    best = brute_force_best(swedish, latin, weights, constraints, balance)
    assert result.total_score == pytest.approx(best, abs=1e-9)


@SETTINGS
@given(instances(), small_weights)
def test_result_keeps_every_rule(instance, weights):
    swedish, latin, constraints, balance = instance

    result = match(swedish, latin, weights=weights, constraints=constraints, balance=balance)

    pairs = {(p.swedish_id, p.latin_id) for p in result.pairs}
    assert constraints.must_pair <= pairs
    assert not pairs & constraints.never_pair
    paired_before = constraints.already_paired
    assert not {s for s, _l in pairs} & {s for s, _l in paired_before}
    assert not {lid for _s, lid in pairs} & {lid for _s, lid in paired_before}
    assert len({s for s, _l in pairs}) == len({lid for _s, lid in pairs}) == len(pairs)
    country = {c.id: c.country for c in latin}
    per_country = Counter(country[lid] for _s, lid in pairs)
    assert all(per_country[code] <= cap for code, cap in (balance or {}).items())
    assert all(
        p.score > 0 for p in result.pairs if (p.swedish_id, p.latin_id) not in constraints.must_pair
    )


@SETTINGS
@given(instances(), small_weights, st.randoms(use_true_random=False))
def test_result_does_not_depend_on_the_order_of_the_input(instance, weights, rng: random.Random):
    swedish, latin, constraints, balance = instance
    shuffled_swedish, shuffled_latin = swedish[:], latin[:]
    rng.shuffle(shuffled_swedish)
    rng.shuffle(shuffled_latin)
    options = {"weights": weights, "constraints": constraints, "balance": balance}

    assert match(shuffled_swedish, shuffled_latin, **options) == match(swedish, latin, **options)


def best_others(candidate_id, options, *, partner, k):
    """The expected alternatives: (−score, id) of allowed positive options but the partner."""
    return sorted((-score, other) for other, score in options if other != partner and score > 0)[:k]


@SETTINGS
@given(instances(), small_weights, st.integers(0, 4))
def test_alternatives_are_each_candidates_best_other_allowed_partners(instance, weights, k):
    swedish, latin, constraints, _balance = instance

    result = match(swedish, latin, weights=weights, constraints=constraints, alternatives=k)

    out_s = {s for s, _l in constraints.already_paired}
    out_l = {lid for _s, lid in constraints.already_paired}
    allowed = {
        (s.id, lat.id): reference_score(s, lat, weights)
        for s in swedish
        for lat in latin
        if (s.id, lat.id) not in constraints.never_pair
        and s.id not in out_s
        and lat.id not in out_l
    }
    assert set(result.alternatives_for_swedish) == {s.id for s in swedish} - out_s
    assert set(result.alternatives_for_latin) == {lat.id for lat in latin} - out_l
    for sid, alternatives in result.alternatives_for_swedish.items():
        partner = getattr(result.pair_for_swedish(sid), "latin_id", None)
        options = [(lid, score) for (s, lid), score in allowed.items() if s == sid]
        expected = best_others(sid, options, partner=partner, k=k)
        assert [(-p.score, p.latin_id) for p in alternatives] == expected
    for lid, alternatives in result.alternatives_for_latin.items():
        partner = getattr(result.pair_for_latin(lid), "swedish_id", None)
        options = [(s, score) for (s, lat), score in allowed.items() if lat == lid]
        expected = best_others(lid, options, partner=partner, k=k)
        assert [(-p.score, p.swedish_id) for p in alternatives] == expected


@SETTINGS
@given(instances(), small_weights)
def test_score_matrix_is_the_sum_of_every_pairs_parts_exactly(instance, weights):
    swedish, latin, _constraints, _balance = instance

    matrix = score_matrix(swedish, latin, weights)

    expected = [[reference_score(s, lat, weights) for lat in latin] for s in swedish]
    assert matrix.tolist() == expected
