"""The board of a large call is paged (issue #8): 25 pairs and 25 candidates without a partner
a page, the totals for the whole call, under 100 KB and in the same queries on every page and
at every size; its forms come back to the page they were sent from."""

# The shared fixtures are imported from board_support, and tests name them as arguments.
# ruff: noqa: F811

from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.core.testing.smtp import smtp_server  # noqa: F401 (fixture)
from puentes.matching.models import MatchSettings
from puentes.networks.tests.factories import CallFactory
from puentes.partnerships.models import Partnership
from puentes.places.models import Organisation

from .board_support import (  # noqa: F401 (fixtures)
    accepted_interest,
    action_url,
    board_url,
    call,
    coordinator,
    coordinator_client,
    network,
    published_profile,
    reference_data,
    themes,
)

LIMIT = 100 * 1024


def _call_of(call, themes, *, swedish, latin):
    """`swedish` accepted interests and `latin` published profiles, sharing themes in turn, so
    that every pair has reasons and every candidate alternatives."""
    theme_list = list(themes.values())
    sv_orgs = Organisation.objects.filter(country__code="SE").order_by("code")[:swedish]
    for index, org in enumerate(sv_orgs):
        chosen = [theme_list[index % 3], theme_list[(index + 1) % 3]]
        accepted_interest(call, org, themes=chosen, languages=("sv", "es"))
    gt_orgs = Organisation.objects.filter(country__code="GT").order_by("code")[:latin]
    for index, org in enumerate(gt_orgs):
        published_profile(call, org, themes=[theme_list[index % 3]])


def _get(client, call, page=None, **params):
    """The board page and its queries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(board_url(call), {"page": page, **params} if page else params)
    assert response.status_code == 200
    return response, len(queries)


def test_a_large_call_is_paged_under_100_kb_in_the_same_queries_on_every_page_and_size(
    coordinator_client, call, themes, network
):
    # given a small call and a call of 60 Swedish and 100 Latin American candidates
    small = CallFactory(network=network, slug="small")
    _call_of(small, themes, swedish=3, latin=4)
    _call_of(call, themes, swedish=60, latin=100)

    # when the coordinator opens the small call's board and the large one's pages 1 to 3
    _small, small_queries = _get(coordinator_client, small)
    first, first_queries = _get(coordinator_client, call)
    second, second_queries = _get(coordinator_client, call, page=2)
    third, _ = _get(coordinator_client, call, page=3)

    # then each page shows 25 pairs at most, the totals count the whole call ...
    assert [len(r.context["pairs"]) for r in (first, second, third)] == [25, 25, 10]
    assert first.context["pair_count"] == 60
    assert first.context["unmatched"]["count"] == 40
    assert len(first.context["unmatched"]["latin"]) == 25
    assert len(second.context["unmatched"]["latin"]) == 15
    assert third.context["unmatched"]["latin"] == []
    html = second.content.decode()
    assert "60 pairs, total score" in html
    assert "Page 2 of 3" in html
    # ... no pair is on two pages ...
    shown = [
        (p["interest"].pk, p["profile"].pk)
        for r in (first, second, third)
        for p in r.context["pairs"]
    ]
    assert len(set(shown)) == 60
    # ... the rule's lists offer the candidates of the page, not the whole call ...
    assert html.count("<option") < 2 * (25 + 25) + 2 + 1
    # ... each page stays well under 100 KB, in the same queries on every page and size
    assert max(len(r.content) for r in (first, second, third)) < LIMIT * 0.6
    assert small_queries == first_queries == second_queries


def test_the_forms_of_a_page_come_back_to_that_page(coordinator_client, call, themes, smtp_server):
    # given a call of two pages of pairs, on its second page
    _call_of(call, themes, swedish=30, latin=30)
    second, _ = _get(coordinator_client, call, page=2)
    pair = second.context["pairs"][0]
    html = second.content.decode()
    assert f'action="{action_url("confirm", call)}?page=2"' in html
    assert f'action="{action_url("balance", call)}?page=2"' in html

    # when the coordinator saves a balance from it, then they are back on page 2
    response = coordinator_client.post(action_url("balance", call) + "?page=2", {"GT": "40"})
    assert response.status_code == 302
    assert response["Location"] == board_url(call) + "?page=2"
    assert MatchSettings.objects.get(call=call).balance == {"GT": 40}

    # when they add a rule without the Swedish municipality, the error shows on page 2
    response = coordinator_client.post(
        action_url("constraint_add", call) + "?page=2",
        {"profile": pair["profile"].pk, "kind": "never"},
    )
    assert response.status_code == 200
    assert response.context["page"].number == 2
    assert response.context["constraint_form"].errors["interest"]
    html = response.content.decode()
    assert f'href="{board_url(call)}?page=2"' in html
    assert f'href="{board_url(call)}?page=2&amp;open=' in html  # not the form's address

    # when they confirm a pair of page 2, it is a partnership and they are back on page 2
    response = coordinator_client.post(
        action_url("confirm", call) + "?page=2",
        {"interest": pair["interest"].pk, "profile": pair["profile"].pk},
    )
    assert response["Location"] == board_url(call) + "?page=2"
    assert Partnership.objects.filter(call=call).count() == 1


def test_a_pairs_alternatives_are_one_link_away_and_shown_for_that_pair_only(
    coordinator_client, call, themes
):
    # given a call of two pages of pairs, on its second page
    _call_of(call, themes, swedish=30, latin=40)
    second, queries = _get(coordinator_client, call, page=2)
    pair = second.context["pairs"][1]
    interest = pair["interest"].pk
    link = f'href="{board_url(call)}?page=2&amp;open={interest}#pair-{interest}"'
    assert link in second.content.decode()
    assert "Other partners for" not in second.content.decode()

    # when the coordinator follows that pair's link to its alternatives
    response, opened_queries = _get(coordinator_client, call, page=2, open=interest)

    # then that pair's alternatives are explained, and no other pair's, in the same queries
    rows = response.context["pairs"]
    assert [row["open"] for row in rows] == [index == 1 for index in range(len(rows))]
    assert len(rows[1]["swedish_alternatives"]) == 3
    assert "swedish_alternatives" not in rows[0]
    html = response.content.decode()
    assert html.count("Other partners for") == 2
    assert f'id="pair-{interest}"' in html
    assert opened_queries == queries
