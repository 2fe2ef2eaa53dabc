"""The engine on examples worked out by hand. No database: the engine is plain Python."""

import subprocess
import sys

import pytest

from puentes.matching.engine import (
    Constraints,
    InfeasibleConstraints,
    LatinCandidate,
    SwedishCandidate,
    Weights,
    match,
)

GBV = "gender-based-violence"
POL = "political-representation"
ECON = "economic-empowerment"
EDU = "education-and-health"
# Only shared themes count, so each example's scores are plain multiples of 3.
THEMES_ONLY = Weights(
    named_partner=(),
    preferred_country=0,
    spanish_speaker=0,
    swedish_english_speaker=0,
    same_kind=0,
    similar_size=0,
)


def pairs_of(result):
    return {(pair.swedish_id, pair.latin_id) for pair in result.pairs}


def test_forbidden_pair_is_never_proposed_even_when_it_scores_best():
    # given Borås and Cali share every theme, and Borås shares one with Pasto
    swedish = [SwedishCandidate("boras", {GBV, POL, ECON})]
    latin = [LatinCandidate("cali", "CO", {GBV, POL, ECON}), LatinCandidate("pasto", "CO", {GBV})]
    # when the coordinator rules Borås–Cali out
    result = match(swedish, latin, constraints=Constraints(never_pair={("boras", "cali")}))
    # then Borås gets Pasto, and Cali is not even offered as an alternative
    assert pairs_of(result) == {("boras", "pasto")}
    assert result.alternatives_for_swedish["boras"] == ()
    assert result.alternatives_for_latin["cali"] == ()


def test_candidate_whose_only_options_are_forbidden_stays_unmatched():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {GBV})]
    latin = [LatinCandidate(1, "GT", {GBV}), LatinCandidate(2, "GT", {GBV})]
    never = {(1, 1), (1, 2)}

    result = match(swedish, latin, constraints=Constraints(never_pair=never))

    assert len(result.pairs) == 1
    assert result.unmatched_swedish == (1,)
    assert all(pair.swedish_id != 1 for pair in result.pairs)


def test_must_pair_is_proposed_even_when_a_better_pairing_exists():
    # given each Swedish candidate's natural partner is the other's must-pair
    swedish = [SwedishCandidate("a", {GBV, POL}), SwedishCandidate("b", {ECON})]
    latin = [LatinCandidate("x", "GT", {GBV, POL}), LatinCandidate("y", "CO", {ECON})]
    # when the coordinator fixes a–y
    must = Constraints(must_pair={("a", "y")})
    result = match(swedish, latin, weights=THEMES_ONLY, constraints=must)
    # then a–y is proposed although it scores nothing, and b–x, worth nothing, is not
    assert pairs_of(result) == {("a", "y")}
    assert result.pair_for_swedish("a").score == 0
    assert result.unmatched_swedish == ("b",)
    assert result.unmatched_latin == ("x",)


def test_pair_worth_nothing_is_left_unmatched_rather_than_forced():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {EDU})]
    latin = [LatinCandidate(1, "GT", {GBV}), LatinCandidate(2, "GT", {ECON})]

    result = match(swedish, latin, weights=THEMES_ONLY)

    assert pairs_of(result) == {(1, 1)}
    assert result.unmatched_swedish == (2,)
    assert result.unmatched_latin == (2,)


def test_a_base_score_pairs_everyone_who_may_be_paired():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {EDU})]
    latin = [LatinCandidate(1, "GT", {GBV}), LatinCandidate(2, "GT", {ECON})]

    result = match(swedish, latin, weights=Weights(**{**THEMES_ONLY.as_dict(), "base": 1}))

    assert pairs_of(result) == {(1, 1), (2, 2)}


def test_unequal_sides_leave_the_surplus_unmatched():
    swedish = [SwedishCandidate(s, {GBV}) for s in ("a", "b")]
    latin = [LatinCandidate(n, "CO", {GBV}) for n in range(5)]

    result = match(swedish, latin)

    assert len(result.pairs) == 2
    assert len(result.unmatched_latin) == 3
    assert result.unmatched_swedish == ()
    assert set(result.unmatched_latin) | {p.latin_id for p in result.pairs} == set(range(5))


def test_more_swedish_than_latin_candidates_pairs_the_best_swedish_ones():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {GBV, POL}), SwedishCandidate(3)]
    latin = [LatinCandidate(1, "GT", {GBV, POL})]

    result = match(swedish, latin, weights=THEMES_ONLY)

    assert pairs_of(result) == {(2, 1)}
    assert result.unmatched_swedish == (1, 3)


def test_balance_caps_the_pairs_per_country():
    # given three Swedish candidates who all fit Colombia best
    swedish = [SwedishCandidate(n, {GBV, POL}, preferred_country="CO") for n in range(3)]
    colombia = [LatinCandidate(f"co{n}", "CO", {GBV, POL}) for n in range(3)]
    guatemala = [LatinCandidate(f"gt{n}", "GT", {GBV}) for n in range(3)]
    # when the call wants at most one Colombian partnership
    result = match(swedish, colombia + guatemala, balance={"CO": 1})
    # then one pair is Colombian and the other two Guatemalan
    assert dict(result.pairs_per_country) == {"CO": 1, "GT": 2}
    assert len(result.pairs) == 3


def test_balance_is_a_cap_not_a_quota():
    swedish = [SwedishCandidate(1, {GBV})]
    latin = [LatinCandidate(1, "GT", {GBV}), LatinCandidate(2, "CO", {POL})]

    result = match(swedish, latin, weights=THEMES_ONLY, balance={"GT": 1, "CO": 1})

    assert dict(result.pairs_per_country) == {"GT": 1}


def test_balance_of_zero_keeps_a_country_out_and_an_absent_country_is_uncapped():
    swedish = [SwedishCandidate(n, {GBV}) for n in range(4)]
    latin = [LatinCandidate(f"gt{n}", "GT", {GBV}) for n in range(2)] + [
        LatinCandidate(f"co{n}", "CO", {GBV}) for n in range(4)
    ]

    result = match(swedish, latin, balance={"GT": 0})

    assert dict(result.pairs_per_country) == {"CO": 4}


def test_balance_counts_must_pairs():
    swedish = [SwedishCandidate(n, {GBV}) for n in range(3)]
    latin = [LatinCandidate(f"co{n}", "CO", {GBV}) for n in range(3)] + [
        LatinCandidate("gt0", "GT", {GBV})
    ]
    must = Constraints(must_pair={(0, "co2")})

    result = match(swedish, latin, constraints=must, balance={"CO": 2})

    assert (0, "co2") in pairs_of(result)
    assert dict(result.pairs_per_country) == {"CO": 2, "GT": 1}


@pytest.mark.parametrize(
    ("constraints", "balance", "code"),
    [
        (Constraints(must_pair={(1, 1), (1, 2)}), None, "must_conflict"),
        (Constraints(must_pair={(1, 1), (2, 1)}), None, "must_conflict"),
        (Constraints(must_pair={(1, 1)}, never_pair={(1, 1)}), None, "must_and_never"),
        (Constraints(must_pair={(1, 9)}), None, "unknown_candidate"),
        (Constraints(must_pair={(1, 1)}, already_paired={(1, 7)}), None, "already_paired"),
        (Constraints(must_pair={(1, 1), (2, 2)}), {"GT": 1}, "balance_exceeded"),
    ],
)
def test_contradictory_constraints_are_refused_with_a_code(constraints, balance, code):
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {GBV})]
    latin = [LatinCandidate(1, "GT", {GBV}), LatinCandidate(2, "GT", {GBV})]

    with pytest.raises(InfeasibleConstraints) as refused:
        match(swedish, latin, constraints=constraints, balance=balance)

    assert refused.value.code == code
    assert refused.value.pairs


def test_already_paired_candidates_take_no_part():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {GBV})]
    latin = [LatinCandidate(1, "GT", {GBV}), LatinCandidate(2, "GT", {GBV})]

    result = match(swedish, latin, constraints=Constraints(already_paired={(1, 1)}))

    assert pairs_of(result) == {(2, 2)}
    assert result.unmatched_swedish == result.unmatched_latin == ()
    assert 1 not in result.alternatives_for_swedish
    assert 1 not in result.alternatives_for_latin
    assert result.alternatives_for_swedish[2] == ()


def test_alternatives_are_the_best_other_partners_best_first_ties_by_id():
    # given one Swedish candidate and Latin ones sharing 3, 2, 2, 1 and 0 themes with it
    swedish = [SwedishCandidate("s", {GBV, POL, ECON})]
    latin = [
        LatinCandidate(5, "CO", {GBV, POL, ECON}),
        LatinCandidate(4, "CO", {GBV, POL}),
        LatinCandidate(3, "CO", {GBV, ECON}),
        LatinCandidate(2, "CO", {GBV}),
        LatinCandidate(1, "CO", {EDU}),
    ]
    # when it is matched with two alternatives
    result = match(swedish, latin, weights=THEMES_ONLY, alternatives=2)
    # then its partner is 5, and its alternatives the two with two themes, lower id first
    assert pairs_of(result) == {("s", 5)}
    alternatives = result.alternatives_for_swedish["s"]
    assert [(pair.latin_id, pair.score) for pair in alternatives] == [(3, 6.0), (4, 6.0)]
    # the Latin side's alternatives leave out its own partner and anyone worth nothing
    assert result.alternatives_for_latin[5] == ()
    assert [pair.swedish_id for pair in result.alternatives_for_latin[2]] == ["s"]
    assert result.alternatives_for_latin[1] == ()


def test_no_alternatives_when_none_are_asked_for():
    result = match([SwedishCandidate(1, {GBV})], [LatinCandidate(1, "GT", {GBV})], alternatives=0)

    assert result.alternatives_for_swedish == {1: ()}
    assert result.alternatives_for_latin == {1: ()}


def test_the_two_sides_may_use_the_same_ids():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {POL})]
    latin = [LatinCandidate(1, "GT", {POL}), LatinCandidate(2, "GT", {GBV})]

    result = match(swedish, latin, weights=THEMES_ONLY)

    assert pairs_of(result) == {(1, 2), (2, 1)}
    assert result.pair_for_latin(1).swedish_id == 2


def test_same_input_in_another_order_gives_the_same_result():
    swedish = [SwedishCandidate(n, {GBV}) for n in range(4)]
    latin = [LatinCandidate(n, "GT", {GBV}) for n in range(4)]

    forward = match(swedish, latin)
    backward = match(swedish[::-1], latin[::-1])

    assert forward == backward


def test_a_candidate_id_given_twice_is_refused():
    with pytest.raises(ValueError, match="same id"):
        match([SwedishCandidate(1), SwedishCandidate(1)], [])


def test_total_is_the_sum_of_the_pairs_and_nothing_is_matched_without_candidates():
    swedish = [SwedishCandidate(1, {GBV}), SwedishCandidate(2, {POL})]
    latin = [LatinCandidate(1, "GT", {POL}), LatinCandidate(2, "GT", {GBV})]

    result = match(swedish, latin)

    assert result.total_score == pytest.approx(sum(pair.score for pair in result.pairs))
    assert match([], latin).unmatched_latin == (1, 2)
    assert match(swedish, []).unmatched_swedish == (1, 2)


def test_form_values_are_understood():
    # "" is a form's "either country"; es-CO counts as Spanish
    candidate = SwedishCandidate(1, ["a"], preferred_country="", languages={"es-CO": 2, "ES": 1})

    assert candidate.preferred_country is None
    assert candidate.themes == frozenset({"a"})
    assert dict(candidate.languages) == {"es": 2}


def test_weights_from_stored_settings_ignore_unknown_names_and_take_numbers():
    weights = Weights.from_mapping({"shared_theme": "4", "named_partner": [6, 5], "colour": 1})

    assert weights.shared_theme == 4.0
    assert weights.named_partner == (6.0, 5.0)
    assert weights.preferred_country == Weights().preferred_country
    assert Weights.from_mapping(weights.as_dict()) == weights
    with pytest.raises(ValueError):
        Weights(shared_theme=float("nan"))


def test_the_engine_imports_nothing_from_django():
    code = (
        "import sys, puentes.matching.engine, puentes.matching.reasons; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout

    assert loaded.strip() == "[]"
