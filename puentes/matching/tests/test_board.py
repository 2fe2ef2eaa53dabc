"""The matching board: the proposal with its reasons, rulings that change it, the balance,
and the engine's input read in a constant number of queries."""

# The shared fixtures are imported from board_support, and tests name them as arguments.
# ruff: noqa: F811

import pytest
from django.urls import reverse
from django.utils import translation

from puentes.matching import selectors
from puentes.matching.models import MatchConstraint, MatchSettings
from puentes.places.models import Organisation

from .board_support import (  # noqa: F401  (fixtures)
    accepted_interest,
    action_url,
    board_url,
    call,
    coordinator,
    coordinator_client,
    network,
    organisation,
    published_profile,
    reference_data,
    themes,
)


@pytest.fixture
def candidates(call, themes):
    """Borås wants Colombia and shares two themes with Popayán; Lessebo shares one with
    Totonicapán."""
    boras = accepted_interest(
        call,
        organisation("SE", "1490"),
        themes=[themes["violence"], themes["representation"]],
        preferred_country="CO",
        languages=("sv", "es"),
    )
    lessebo = accepted_interest(call, organisation("SE", "0761"), themes=[themes["economy"]])
    popayan = published_profile(
        call, organisation("CO", "19001"), themes=[themes["violence"], themes["representation"]]
    )
    totonicapan = published_profile(call, organisation("GT", "0801"), themes=[themes["economy"]])
    return {"boras": boras, "lessebo": lessebo, "popayan": popayan, "totonicapan": totonicapan}


def proposed(response) -> set[tuple[str, str]]:
    return {
        (pair["interest"].organisation.name, pair["profile"].organisation.name)
        for pair in response.context["pairs"]
    }


def test_board_proposes_the_best_pairs_with_their_reasons_in_the_readers_language(
    coordinator_client, call, candidates
):
    response = coordinator_client.get(board_url(call))

    assert response.status_code == 200
    assert proposed(response) == {("Borås", "Popayán"), ("Lessebo", "Totonicapán")}
    content = response.content.decode()
    assert "shares 2 themes: Gender-based violence, Political representation" in content
    assert "Borås asked for Colombia" in content
    assert "1 Spanish speaker in the Swedish team" in content


def test_board_in_swedish_words_the_reasons_in_swedish(coordinator_client, call, candidates):
    response = coordinator_client.get(board_url(call, "sv"))

    with translation.override("sv"):
        reasons = response.context["pairs"][0]["reasons"]
    assert any("Mäns våld mot kvinnor" in reason for reason in reasons)


def test_never_pair_rule_removes_the_pair_from_the_proposal(
    coordinator_client, call, candidates, coordinator
):
    response = coordinator_client.post(
        action_url("constraint_add", call),
        {
            "interest": candidates["boras"].pk,
            "profile": candidates["popayan"].pk,
            "kind": MatchConstraint.Kind.NEVER,
        },
    )

    assert response.status_code == 302
    ruling = MatchConstraint.objects.get()
    assert (ruling.kind, ruling.created_by) == (MatchConstraint.Kind.NEVER, coordinator)
    board = coordinator_client.get(board_url(call))
    assert ("Borås", "Popayán") not in proposed(board)
    assert "will never be paired" in board.content.decode()


def test_must_pair_rule_forces_a_pair_the_scores_would_not_choose(
    coordinator_client, call, candidates
):
    coordinator_client.post(
        action_url("constraint_add", call),
        {
            "interest": candidates["boras"].pk,
            "profile": candidates["totonicapan"].pk,
            "kind": MatchConstraint.Kind.MUST,
        },
    )

    board = coordinator_client.get(board_url(call))

    assert ("Borås", "Totonicapán") in proposed(board)
    assert ("Borås", "Popayán") not in proposed(board)


def test_a_second_rule_on_the_same_pair_is_refused_next_to_the_form(
    coordinator_client, call, candidates
):
    data = {
        "interest": candidates["boras"].pk,
        "profile": candidates["popayan"].pk,
        "kind": MatchConstraint.Kind.NEVER,
    }
    coordinator_client.post(action_url("constraint_add", call), data)

    response = coordinator_client.post(
        action_url("constraint_add", call), {**data, "kind": MatchConstraint.Kind.MUST}
    )

    assert response.status_code == 200
    assert "There is already a rule for this pair" in response.content.decode()
    assert MatchConstraint.objects.get().kind == MatchConstraint.Kind.NEVER


def test_a_rule_without_a_municipality_is_refused_with_the_field_named(
    coordinator_client, call, candidates
):
    response = coordinator_client.post(
        action_url("constraint_add", call), {"profile": candidates["popayan"].pk, "kind": "must"}
    )

    assert response.status_code == 200
    assert response.context["constraint_form"].errors["interest"]
    assert not MatchConstraint.objects.exists()


def test_removing_a_rule_brings_the_pair_back(coordinator_client, call, candidates):
    ruling = MatchConstraint.objects.create(
        call=call,
        interest=candidates["boras"],
        seeking_profile=candidates["popayan"],
        kind=MatchConstraint.Kind.NEVER,
    )

    response = coordinator_client.post(action_url("constraint_remove", call, pk=ruling.pk))

    assert response.status_code == 302
    assert not MatchConstraint.objects.exists()
    assert ("Borås", "Popayán") in proposed(coordinator_client.get(board_url(call)))


def test_balance_caps_the_pairs_with_a_country(coordinator_client, call, candidates):
    response = coordinator_client.post(action_url("balance", call), {"GT": "", "CO": "0"})

    assert response.status_code == 302
    assert MatchSettings.objects.get(call=call).balance == {"CO": 0}
    board = coordinator_client.get(board_url(call))
    assert proposed(board) == {("Lessebo", "Totonicapán")}
    assert [row["record"] for row in board.context["unmatched"]["latin"]] == [candidates["popayan"]]


def test_emptying_the_balance_lifts_the_caps(coordinator_client, call, candidates):
    MatchSettings.objects.create(call=call, balance={"CO": 0})

    coordinator_client.post(action_url("balance", call), {"GT": "", "CO": ""})

    assert MatchSettings.objects.get(call=call).balance == {}
    assert ("Borås", "Popayán") in proposed(coordinator_client.get(board_url(call)))


def test_a_negative_balance_is_refused_next_to_its_field(coordinator_client, call, candidates):
    response = coordinator_client.post(action_url("balance", call), {"GT": "-1"})

    assert response.status_code == 200
    assert response.context["balance_form"].errors["GT"]
    assert not MatchSettings.objects.exists()


def test_rules_that_contradict_each_other_are_shown_and_the_board_still_proposes(
    coordinator_client, call, candidates
):
    # The admin can store what the board's form refuses: two must-pairs for Borås.
    for profile in ("popayan", "totonicapan"):
        MatchConstraint.objects.create(
            call=call,
            interest=candidates["boras"],
            seeking_profile=candidates[profile],
            kind=MatchConstraint.Kind.MUST,
        )

    response = coordinator_client.get(board_url(call))

    assert response.status_code == 200
    assert "Two must-pair rules name the same municipality" in response.content.decode()
    assert proposed(response) == {("Borås", "Popayán"), ("Lessebo", "Totonicapán")}


def test_unmatched_candidates_are_listed_with_the_reason(coordinator_client, call, themes):
    accepted_interest(call, organisation("SE", "1490"), themes=[themes["violence"]])
    accepted_interest(call, organisation("SE", "0761"), themes=[themes["violence"]])
    published_profile(call, organisation("CO", "19001"), themes=[themes["violence"]])

    response = coordinator_client.get(board_url(call))

    unmatched = response.context["unmatched"]["swedish"]
    assert len(response.context["pairs"]) == 1
    assert len(unmatched) == 1
    assert "was paired with" in unmatched[0]["reasons"][0]


def _many_candidates(call, themes, n):
    swedish = list(Organisation.objects.filter(country__code="SE").order_by("code")[:n])
    latin = list(Organisation.objects.filter(country__code="GT").order_by("code")[:n])
    for index, (sv_org, gt_org) in enumerate(zip(swedish, latin, strict=True)):
        theme = list(themes.values())[index % 3]
        accepted_interest(call, sv_org, themes=[theme], languages=("sv", "es"))
        published_profile(call, gt_org, themes=[theme])


@pytest.mark.parametrize("size", [3, 30])
def test_engine_input_is_read_in_the_same_number_of_queries_whatever_the_candidates(
    call, themes, size, django_assert_num_queries
):
    _many_candidates(call, themes, size)

    with django_assert_num_queries(9):
        board = selectors.matching_board(call)

    assert len(board.result.pairs) == size


@pytest.mark.parametrize("size", [3, 30])
def test_board_page_runs_the_same_number_of_queries_whatever_the_candidates(
    coordinator_client, call, themes, size, django_assert_num_queries
):
    _many_candidates(call, themes, size)

    # The same count at 3 and at 30 candidates: no query per pair or per candidate.
    with django_assert_num_queries(15):
        response = coordinator_client.get(board_url(call))

    assert response.context["pair_count"] == size
    assert len(response.context["pairs"]) == min(size, 25)  # a page of the board


def test_coordination_page_links_each_call_to_its_matching_board(coordinator_client, call):
    with translation.override("en"):
        response = coordinator_client.get(reverse("networks:coordination_home"))

    assert f'href="{board_url(call)}"' in response.content.decode()


def test_a_must_pair_beyond_the_balance_is_shown_and_the_board_still_proposes(
    coordinator_client, call, candidates
):
    MatchSettings.objects.create(call=call, balance={"GT": 0})
    MatchConstraint.objects.create(
        call=call,
        interest=candidates["boras"],
        seeking_profile=candidates["totonicapan"],
        kind=MatchConstraint.Kind.MUST,
    )

    response = coordinator_client.get(board_url(call))

    assert "More pairs must be made with one country than its balance allows" in (
        response.content.decode()
    )
    assert ("Borås", "Popayán") in proposed(response)


def test_a_second_must_pair_for_the_same_municipality_is_refused(
    coordinator_client, call, candidates
):
    must = {"interest": candidates["boras"].pk, "kind": MatchConstraint.Kind.MUST}
    coordinator_client.post(
        action_url("constraint_add", call), {**must, "profile": candidates["popayan"].pk}
    )

    response = coordinator_client.post(
        action_url("constraint_add", call), {**must, "profile": candidates["totonicapan"].pk}
    )

    assert "must already be paired with another one" in response.content.decode()
    assert MatchConstraint.objects.count() == 1
