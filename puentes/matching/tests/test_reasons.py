"""Score parts and the reasons for an empty seat, as plain data. No database."""

import json

import pytest

from puentes.matching import reasons
from puentes.matching.engine import Constraints, LatinCandidate, SwedishCandidate, match
from puentes.matching.reasons import ScorePart, ordered, pair_parts, why_unmatched
from puentes.matching.scoring import Weights

GBV = "gender-based-violence"
POL = "political-representation"
ECON = "economic-empowerment"


def codes(parts):
    return [part.code for part in parts]


def part(parts, code):
    return next(p for p in parts if p.code == code)


def test_parts_of_the_issue_example():
    # given Borås shares two themes with Cali, named it first, asked for Colombia and has two
    # Spanish speakers; Cali's team speaks only Spanish
    boras = SwedishCandidate(
        "boras", {POL, GBV, ECON}, "CO", ("cali",), {"sv": 3, "es": 2}, "municipality"
    )
    cali = LatinCandidate("cali", "CO", {GBV, POL}, {"es": 4}, "municipality")
    # when the pair is explained
    parts = pair_parts(boras, cali, Weights())
    # then every part says what earned it, in rule order
    assert parts == (
        ScorePart("shared_themes", 6.0, {"themes": [GBV, POL], "count": 2}),
        ScorePart("named_partner", 5.0, {"rank": 1}),
        ScorePart("preferred_country", 2.0, {"country": "CO"}),
        ScorePart("spanish_speakers", 1.5, {"count": 2}),
        ScorePart("same_kind", 0.5, {"kind": "municipality"}),
    )


def test_later_choices_earn_less_and_choices_beyond_the_weights_nothing():
    latin = [LatinCandidate(n, "GT") for n in range(4)]
    boras = SwedishCandidate("boras", preferred_partners=(0, 1, 2, 3))
    weights = Weights(same_kind=0)

    points = [pair_parts(boras, candidate, weights) for candidate in latin]

    assert [p[0].points for p in points[:3]] == [5.0, 4.0, 3.0]
    assert [p[0].data["rank"] for p in points[:3]] == [1, 2, 3]
    assert points[3] == ()


def test_speakers_count_up_to_a_limit_and_the_data_tells_the_real_number():
    boras = SwedishCandidate("boras", languages={"es": 5}, kind="region")
    cali = LatinCandidate("cali", "CO", languages={"en": 1, "sv": 3})

    parts = pair_parts(boras, cali, Weights())

    assert codes(parts) == ["spanish_speakers", "swedish_english_speakers"]
    assert part(parts, "spanish_speakers") == ScorePart("spanish_speakers", 1.5, {"count": 5})
    bridge = part(parts, "swedish_english_speakers")
    assert bridge.points == 1.5
    assert bridge.data == {"count": 3, "languages": ["en", "sv"]}


@pytest.mark.parametrize(
    ("sizes", "points"),
    [((10_000, 10_000), 1.0), ((10_000, 100_000), None), ((None, 5_000), None)],
)
def test_similar_size_earns_most_for_equal_sizes_and_nothing_at_tenfold(sizes, points):
    boras = SwedishCandidate("boras", kind="region", size=sizes[0])
    cali = LatinCandidate("cali", "CO", size=sizes[1])

    parts = pair_parts(boras, cali, Weights())

    if points is None:
        assert parts == ()
    else:
        assert parts == (
            ScorePart("similar_size", points, {"swedish_size": sizes[0], "latin_size": sizes[1]}),
        )


def test_a_negative_weight_is_a_penalty_read_last():
    boras = SwedishCandidate("boras", {GBV}, kind="region")
    cali = LatinCandidate("cali", "CO", {GBV})
    weights = Weights(same_kind=0, base=-1)

    parts = ordered(pair_parts(boras, cali, weights))

    assert [(p.code, p.points) for p in parts] == [("shared_themes", 3.0), ("base", -1.0)]


def test_parts_are_read_weightiest_first_rule_order_between_equals():
    parts = (
        ScorePart("same_kind", 2.0),
        ScorePart("preferred_country", 2.0),
        ScorePart("shared_themes", 3.0),
    )

    assert codes(ordered(parts)) == ["shared_themes", "preferred_country", "same_kind"]


def test_every_pair_and_alternative_of_a_result_is_the_sum_of_its_parts_in_json():
    swedish = [
        SwedishCandidate(n, {GBV, POL} if n % 2 else {ECON}, "CO", (n,), {"es": n}, size=n * 1000)
        for n in range(1, 5)
    ]
    latin = [
        LatinCandidate(n, "CO" if n % 2 else "GT", {GBV}, {"en": n % 3}, size=7000)
        for n in range(1, 6)
    ]

    result = match(swedish, latin)

    offered = [*result.pairs]
    offered += [p for pairs in result.alternatives_for_swedish.values() for p in pairs]
    offered += [p for pairs in result.alternatives_for_latin.values() for p in pairs]
    assert len(offered) > len(result.pairs)
    for pair in offered:
        assert pair.score == sum(p.points for p in pair.parts)
        assert set(codes(pair.parts)) <= set(reasons.PART_CODES)
        json.dumps([[p.code, p.points, dict(p.data)] for p in pair.parts])


def test_an_unmatched_candidate_learns_who_took_its_better_partners():
    # given two Swedish candidates want Cali, and the better one gets it
    swedish = [SwedishCandidate("a", {GBV, POL}), SwedishCandidate("b", {GBV})]
    latin = [LatinCandidate("cali", "CO", {GBV, POL})]
    result = match(swedish, latin)
    # when b asks why
    why = why_unmatched(result, swedish_id="b")
    # then Cali went to a
    assert [(r.code, r.data["partner"], r.data["paired_with"]) for r in why] == [
        ("partner_taken", "cali", "a")
    ]


def test_an_unmatched_candidate_learns_the_balance_kept_it_from_a_free_partner():
    swedish = [SwedishCandidate("a", {GBV}), SwedishCandidate("b", {GBV})]
    latin = [LatinCandidate("cali", "CO", {GBV}), LatinCandidate("pasto", "CO", {GBV})]
    result = match(swedish, latin, balance={"CO": 1})

    unmatched = result.unmatched_swedish[0]
    why = why_unmatched(result, swedish_id=unmatched)

    assert "balance_limit" in codes(why)


def test_an_unmatched_candidate_without_any_suitable_partner_is_told_so():
    swedish = [SwedishCandidate("a", {GBV})]
    latin = [LatinCandidate("cali", "CO", {GBV})]
    result = match(swedish, latin, constraints=Constraints(never_pair={("a", "cali")}))

    assert codes(why_unmatched(result, latin_id="cali")) == ["no_suitable_partner"]


def test_asking_why_a_paired_candidate_is_unmatched_is_an_error():
    result = match([SwedishCandidate("a", {GBV})], [LatinCandidate("cali", "CO", {GBV})])

    with pytest.raises(ValueError, match="paired"):
        why_unmatched(result, swedish_id="a")
    with pytest.raises(ValueError, match="exactly one"):
        why_unmatched(result)
