"""The coordinators' review queue of a call: what it lists, its filters, its counts per
status, its order and pages, and a query count that does not grow with the queue."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from puentes.networks.tests.factories import CallFactory, ThemeFactory
from puentes.people.tests.factories import OrganisationFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests
from puentes.recruitment.models import Interest

from .factories import InterestFactory

I = Interest.Status  # noqa: E741
SIGN_IN_BACKEND = "allauth.account.auth_backends.AuthenticationBackend"
DAY = datetime.datetime(2024, 2, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def coordinator_client(client, coordinator):
    TOTP.activate(coordinator, generate_totp_secret())
    client.force_login(coordinator, backend=SIGN_IN_BACKEND)
    return client


@pytest.fixture
def queue_url(call):
    return reverse("review:queue", args=[call.network.slug, call.slug])


def interest_in(call, code, status=I.SUBMITTED, *, days=0, **fields):
    """A Swedish organisation's interest in `call`, submitted `days` after DAY (not a draft)."""
    submitted = None if status == I.DRAFT else DAY + datetime.timedelta(days=days)
    return InterestFactory(
        call=call,
        organisation=OrganisationFactory(country_code="SE", code=code),
        status=status,
        submitted_at=submitted,
        **fields,
    )


def names(response):
    return [interest.organisation.name for interest in response.context["page"]]


def test_the_queue_lists_submitted_interests_with_their_details_but_never_drafts(
    coordinator_client, queue_url, call, theme
):
    # given
    interest_in(call, "1480", I.SUBMITTED, themes=[theme], contacts=3)
    interest_in(call, "0180", I.DRAFT)

    # when
    response = coordinator_client.get(queue_url)

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert names(response) == ["Göteborg"]
    [row] = response.context["page"]
    assert row.contact_count == 3
    assert "Västra Götalands län" in page
    assert theme.name in page
    assert "Stockholm" not in page
    assert reverse("review:interest_detail", args=[row.pk]) in page


def test_counts_per_status_are_links_that_filter_the_queue(coordinator_client, queue_url, call):
    # given
    interest_in(call, "1480", I.SUBMITTED)
    interest_in(call, "0180", I.IN_REVIEW)
    interest_in(call, "1280", I.ACCEPTED)
    interest_in(call, "0380", I.DRAFT)

    # when
    everything = coordinator_client.get(queue_url)
    in_review = coordinator_client.get(queue_url, {"status": "in_review"})

    # then
    counts = {entry["value"]: entry["count"] for entry in everything.context["statuses"]}
    assert counts == {
        "submitted": 1,
        "in_review": 1,
        "accepted": 1,
        "matched": 0,
        "waitlisted": 0,
        "declined": 0,
        "withdrawn": 0,
    }
    assert everything.context["total"] == 3
    page = everything.content.decode()
    assert 'href="?status=in_review"' in page
    assert '<span data-status-count="accepted">1</span>' in page
    assert names(in_review) == ["Stockholm"]
    assert 'href="?status=in_review" aria-current="page"' in in_review.content.decode()


def test_the_queue_is_filtered_by_theme_preferred_country_and_accent_blind_name_or_code(
    coordinator_client, queue_url, call, theme
):
    # given
    other_theme = ThemeFactory(network=call.network)
    interest_in(call, "1480", themes=[theme], preferred_country="GT")
    interest_in(call, "0180", themes=[other_theme], preferred_country="CO")
    interest_in(call, "1280", themes=[theme, other_theme], preferred_country="")

    def shown(**query):
        return sorted(names(coordinator_client.get(queue_url, query)))

    # when / then
    assert shown(theme=theme.pk) == ["Göteborg", "Malmö"]
    assert shown(preferred_country="GT") == ["Göteborg"]
    assert shown(preferred_country="either") == ["Malmö"]
    assert shown(text="GOTEBORG") == ["Göteborg"]
    assert shown(text="malmo") == ["Malmö"]
    assert shown(text="0180") == ["Stockholm"]
    assert shown(text="Lund") == []
    assert shown(theme=other_theme.pk, preferred_country="CO") == ["Stockholm"]


def test_the_counts_per_status_follow_the_other_filters_and_their_links_keep_them(
    coordinator_client, queue_url, call, theme
):
    # given
    interest_in(call, "1480", I.SUBMITTED, themes=[theme])
    interest_in(call, "0180", I.ACCEPTED, themes=[theme])
    interest_in(call, "1280", I.ACCEPTED, themes=[ThemeFactory(network=call.network)])

    # when
    response = coordinator_client.get(queue_url, {"theme": theme.pk, "text": "ö"})

    # then: "ö" folds to "o", found in Göteborg and Stockholm alike
    counts = {entry["value"]: entry["count"] for entry in response.context["statuses"]}
    assert counts["submitted"] == 1
    assert counts["accepted"] == 1
    assert f'href="?text=%C3%B6&amp;status=accepted&amp;theme={theme.pk}"' in (
        response.content.decode()
    )


def test_the_queue_is_newest_first_and_sorted_oldest_first_on_request(
    coordinator_client, queue_url, call
):
    # given
    interest_in(call, "1480", days=2)
    interest_in(call, "0180", days=0)
    interest_in(call, "1280", days=1)

    # when
    newest_first = coordinator_client.get(queue_url)
    oldest_first = coordinator_client.get(queue_url, {"sort": "oldest"})

    # then
    assert names(newest_first) == ["Göteborg", "Malmö", "Stockholm"]
    assert names(oldest_first) == ["Stockholm", "Malmö", "Göteborg"]
    assert 'aria-sort="descending"' in newest_first.content.decode()
    assert 'aria-sort="ascending"' in oldest_first.content.decode()
    assert 'href="?sort=oldest"' in newest_first.content.decode()


def test_a_filter_value_that_is_not_offered_is_refused_next_to_its_field_and_ignored(
    coordinator_client, queue_url, call
):
    # given
    interest_in(call, "1480", I.SUBMITTED)

    # when
    response = coordinator_client.get(queue_url, {"status": "draft", "text": "x" * 101})

    # then
    page = response.content.decode()
    assert names(response) == ["Göteborg"]
    assert response.context["form"].errors.keys() == {"status", "text"}
    assert 'id="id_status_error"' in page
    assert 'class="error-summary"' in page


def test_an_unknown_call_is_not_found(coordinator_client, call):
    response = coordinator_client.get(reverse("review:queue", args=[call.network.slug, "nope"]))

    assert response.status_code == 404


@pytest.fixture
def swedish_organisations(db):
    load_reference_data_for_tests()
    return list(Organisation.objects.filter(country__code="SE", can_join=True)[:100])


def test_the_queue_runs_the_same_queries_for_5_and_for_100_interests(
    coordinator_client, queue_url, call, theme, swedish_organisations, django_assert_num_queries
):
    # given
    statuses = [I.SUBMITTED, I.IN_REVIEW, I.ACCEPTED, I.WAITLISTED, I.DECLINED]

    def add(organisations, offset):
        for n, organisation in enumerate(organisations, start=offset):
            InterestFactory(
                call=call,
                organisation=organisation,
                status=statuses[n % len(statuses)],
                submitted_at=DAY + datetime.timedelta(hours=n),
                themes=[theme],
                contacts=1 + n % 3,
            )

    add(swedish_organisations[:5], 0)
    query = {"theme": theme.pk, "sort": "oldest", "text": "a"}
    coordinator_client.get(queue_url, query)  # one-off work (sessions) is not measured
    with CaptureQueriesContext(connection) as five:
        assert coordinator_client.get(queue_url, query).status_code == 200
    add(swedish_organisations[5:], 5)

    # when / then
    with django_assert_num_queries(len(five.captured_queries)):
        response = coordinator_client.get(queue_url, query)
    assert len(response.context["page"]) == 25
    assert response.context["page"].paginator.count > 25


def test_the_pages_of_the_queue_keep_the_filters(coordinator_client, queue_url, call):
    # given
    load_reference_data_for_tests()
    for organisation in Organisation.objects.filter(country__code="SE")[:30]:
        InterestFactory(call=call, organisation=organisation, status=I.SUBMITTED, submitted_at=DAY)

    # when
    first = coordinator_client.get(queue_url, {"status": "submitted"})
    second = coordinator_client.get(queue_url, {"status": "submitted", "page": 2})

    # then
    assert len(first.context["page"]) == 25
    assert len(second.context["page"]) == 5
    assert 'href="?status=submitted&amp;page=2"' in first.content.decode()


def test_the_coordination_home_shows_each_calls_counts_per_status_with_links(
    coordinator_client, call
):
    # given
    interest_in(call, "1480", I.SUBMITTED)
    interest_in(call, "0180", I.SUBMITTED)
    interest_in(call, "1280", I.ACCEPTED)
    interest_in(call, "0380", I.DRAFT)
    empty_call = CallFactory(network=call.network, slug="call-2025")

    # when
    response = coordinator_client.get(reverse("networks:coordination_home"))

    # then
    page = response.content.decode()
    queue = reverse("review:queue", args=[call.network.slug, call.slug])
    assert f'<a href="{queue}">3 expressions of interest</a>' in page
    assert f'href="{queue}?status=submitted"' in page
    assert '<span data-status-count="submitted">2</span>' in page
    assert '<span data-status-count="accepted">1</span>' in page
    assert "?status=draft" not in page
    empty_queue = reverse("review:queue", args=[call.network.slug, empty_call.slug])
    assert f'<a href="{empty_queue}">0 expressions of interest</a>' in page
    assert reverse("core:outbox") in page
