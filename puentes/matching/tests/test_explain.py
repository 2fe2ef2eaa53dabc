"""The engine's reasons worded for people: every part, plural forms, names in the reader's
language, and the reasons a candidate was left without a partner.

Swedish and Spanish are read from the project's own catalogues, with their plural forms and
numbers formatted the reader's way.
"""

import pytest
from django.utils import translation

from puentes.matching import engine, explain, reasons
from puentes.matching.reasons import ScorePart, UnmatchedReason

NAMES = explain.Names(
    swedish={1: "Borås"},
    latin={7: "Popayán", 8: "Totonicapán"},
    themes={"violence": "gender-based violence", "representation": "political representation"},
)


def themes_part(*slugs):
    return ScorePart(
        reasons.SHARED_THEMES, 3.0 * len(slugs), {"themes": sorted(slugs), "count": len(slugs)}
    )


def sentence(part):
    return explain.part_sentence(part, swedish_id=1, latin_id=7, names=NAMES)


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_the_example_of_the_issue_reads_as_one_line():
    parts = (
        themes_part("violence", "representation"),
        ScorePart(reasons.PREFERRED_COUNTRY, 2.0, {"country": "CO"}),
        ScorePart(reasons.SPANISH_SPEAKERS, 1.5, {"count": 2}),
    )

    line = explain.pair_explanation(parts, swedish_id=1, latin_id=7, names=NAMES)

    assert line == (
        "shares 2 themes: gender-based violence, political representation · "
        "Borås asked for Colombia · 2 Spanish speakers in the Swedish team"
    )


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "shares 1 theme: gender-based violence"),
        (2, "shares 2 themes: gender-based violence, political representation"),
    ],
)
def test_shared_themes_take_the_plural_form_of_their_number(count, expected):
    slugs = ["violence", "representation"][:count]

    assert sentence(themes_part(*slugs)) == expected


@pytest.mark.parametrize(
    ("part", "expected"),
    [
        (
            ScorePart(reasons.NAMED_PARTNER, 5.0, {"rank": 1}),
            "Borås named Popayán as its first choice",
        ),
        (
            ScorePart(reasons.NAMED_PARTNER, 4.0, {"rank": 2}),
            "Borås named Popayán as its second choice",
        ),
        (
            ScorePart(reasons.NAMED_PARTNER, 3.0, {"rank": 3}),
            "Borås named Popayán as its third choice",
        ),
        (
            ScorePart(reasons.SPANISH_SPEAKERS, 0.75, {"count": 1}),
            "1 Spanish speaker in the Swedish team",
        ),
        (
            ScorePart(reasons.SWEDISH_ENGLISH_SPEAKERS, 0.75, {"count": 1, "languages": ["en"]}),
            "1 person in the Latin American team speaks English",
        ),
        (
            ScorePart(
                reasons.SWEDISH_ENGLISH_SPEAKERS, 1.5, {"count": 2, "languages": ["en", "sv"]}
            ),
            "2 people in the Latin American team speak English or Swedish",
        ),
        (ScorePart(reasons.SAME_KIND, 0.5, {"kind": "municipality"}), "both are municipalities"),
        (ScorePart(reasons.SAME_KIND, 0.5, {"kind": "region"}), "both are regions"),
        (
            ScorePart(reasons.SIMILAR_SIZE, 0.8, {"swedish_size": 113000, "latin_size": 320000}),
            "similar in size (113,000 and 320,000 inhabitants)",
        ),
        (ScorePart(reasons.BASE, 1.0), "base score of every pair"),
    ],
)
def test_every_part_of_a_score_has_its_sentence(part, expected):
    assert sentence(part) == expected


def test_parts_are_read_weightiest_first_and_stored_parts_read_the_same():
    parts = (
        ScorePart(reasons.SAME_KIND, 0.5, {"kind": "municipality"}),
        ScorePart(reasons.NAMED_PARTNER, 5.0, {"rank": 1}),
    )

    live = explain.pair_sentences(parts, swedish_id=1, latin_id=7, names=NAMES)
    stored = explain.pair_sentences(
        explain.stored_parts(parts), swedish_id=1, latin_id=7, names=NAMES
    )

    assert live == ["Borås named Popayán as its first choice", "both are municipalities"]
    assert stored == live


def test_a_pair_with_nothing_in_common_says_so():
    assert (
        explain.pair_explanation((), swedish_id=1, latin_id=7, names=NAMES)
        == "nothing in common yet"
    )


def test_an_unmatched_candidate_is_told_who_took_its_better_partner():
    # Totonicapán's better partner Borås (score 6.5) went to Popayán.
    reason = UnmatchedReason(reasons.PARTNER_TAKEN, {"partner": 1, "score": 6.5, "paired_with": 7})

    text = explain.unmatched_sentence(reason, side="latin", names=NAMES)

    assert text == "Borås (score 6.5) was paired with Popayán instead"


def test_unmatched_reasons_from_a_real_result_are_worded():
    swedish = [engine.SwedishCandidate(id=1, themes={"violence"})]
    latin = [
        engine.LatinCandidate(id=7, country="CO", themes={"violence"}),
        engine.LatinCandidate(id=8, country="GT", kind="region"),
    ]
    result = engine.match(swedish, latin)

    texts = [
        explain.unmatched_sentence(reason, side="latin", names=NAMES)
        for reason in reasons.why_unmatched(result, latin_id=8)
    ]

    assert texts == ["no partner scores above zero, or every possible partner is ruled out"]


def test_balance_limit_is_explained():
    reason = UnmatchedReason(reasons.BALANCE_LIMIT, {"partner": 7, "score": 3})

    assert explain.unmatched_sentence(reason, side="swedish", names=NAMES) == (
        "Popayán (score 3.0) was kept apart by the balance between countries"
    )


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "delar 1 fokusområde: gender-based violence"),
        (2, "delar 2 fokusområden: gender-based violence, political representation"),
    ],
)
def test_in_swedish_shared_themes_take_the_swedish_plural(count, expected):
    slugs = ["violence", "representation"][:count]

    with translation.override("sv"):
        assert sentence(themes_part(*slugs)) == expected


def test_in_swedish_the_whole_line_and_its_numbers_read_the_swedish_way():
    parts = (
        ScorePart(reasons.NAMED_PARTNER, 5.0, {"rank": 1}),
        ScorePart(reasons.PREFERRED_COUNTRY, 2.0, {"country": "CO"}),
    )
    reason = UnmatchedReason(reasons.PARTNER_TAKEN, {"partner": 7, "score": 6.5, "paired_with": 1})

    with translation.override("sv"):
        line = explain.pair_explanation(parts, swedish_id=1, latin_id=7, names=NAMES)
        unmatched = explain.unmatched_sentence(reason, side="swedish", names=NAMES)

    assert line == "Borås valde Popayán i första hand · Borås ville ha Colombia"
    assert unmatched == "Popayán (poäng 6,5) fick Borås i stället"


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 hispanohablante en el equipo sueco"),
        (3, "3 hispanohablantes en el equipo sueco"),
    ],
)
def test_in_spanish_speakers_take_the_spanish_plural(count, expected):
    part = ScorePart(reasons.SPANISH_SPEAKERS, 1.5, {"count": count})

    with translation.override("es"):
        assert sentence(part) == expected


def test_in_spanish_the_example_of_the_issue_reads_in_spanish():
    parts = (
        themes_part("violence", "representation"),
        ScorePart(reasons.PREFERRED_COUNTRY, 2.0, {"country": "CO"}),
        ScorePart(reasons.SPANISH_SPEAKERS, 1.5, {"count": 2}),
    )

    with translation.override("es"):
        line = explain.pair_explanation(parts, swedish_id=1, latin_id=7, names=NAMES)

    assert line == (
        "comparte 2 ejes temáticos: gender-based violence, political representation · "
        "Borås pidió Colombia · 2 hispanohablantes en el equipo sueco"
    )
