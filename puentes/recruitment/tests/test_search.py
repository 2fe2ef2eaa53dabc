"""Accent-blind search of seeking profiles, the same on SQLite and PostgreSQL."""

import pytest

from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.models import SeekingProfile
from puentes.recruitment.search import fold
from puentes.recruitment.services import profile_decide, profile_submit

from .factories import SeekingProfileFactory


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Totonicapán", "totonicapan"),
        ("PUERTO NARIÑO", "puerto narino"),
        ("  Borås   Göteborg\n", "boras goteborg"),
        ("Q'eqchi'", "q'eqchi'"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold_drops_accents_case_and_extra_spaces(text, folded):
    assert fold(text) == folded


@pytest.fixture
def totonicapan(db):
    load_reference_data_for_tests()
    return Organisation.objects.get(country__code="GT", code="0801")


@pytest.fixture
def profile(call, totonicapan, guatemalan_member, coordinator, now, profile_input):
    submitted = profile_submit(
        call=call,
        organisation=totonicapan,
        data=profile_input(
            challenge="Las lideresas k'iche' de los cantones casi no llegan al Concejo.",
            local_context="Organización comunitaria en 48 cantones.",
            translations={"sv": "Kvinnliga ledare når sällan kommunfullmäktige."},
        ),
        by=guatemalan_member,
        now=now,
    )
    return profile_decide(profile=submitted, approve=True, reason="", by=coordinator, now=now)


def test_the_search_text_of_a_profile_is_folded(profile):
    assert "totonicapan" in profile.search_text
    assert "Totonicapán" not in profile.search_text


@pytest.mark.parametrize(
    "query",
    [
        "totonicapan",
        "TOTONICAPÁN",
        "Totonicapan 0801",
        "guatemala",
        "lideresas concejo",
        "kommunfullmaktige",
        "cantones",
    ],
)
def test_a_profile_is_found_by_its_municipality_department_country_or_texts(profile, query):
    assert list(SeekingProfile.objects.search(query)) == [profile]


@pytest.mark.parametrize("query", ["popayan", "totonicapan colombia", "100%", "_"])
def test_a_profile_is_not_found_by_words_it_does_not_hold(profile, query):
    assert list(SeekingProfile.objects.search(query)) == []


def test_an_empty_search_finds_every_profile(profile):
    assert list(SeekingProfile.objects.search("   ")) == [profile]


def test_the_search_text_follows_a_corrected_challenge(call):
    profile = SeekingProfileFactory(call=call, challenges={"es": "Violencia intrafamiliar."})

    profile.challenges = {"es": "Participación política de las mujeres jóvenes."}
    profile.save()

    assert list(SeekingProfile.objects.search("participacion jovenes")) == [profile]
    assert list(SeekingProfile.objects.search("intrafamiliar")) == []
