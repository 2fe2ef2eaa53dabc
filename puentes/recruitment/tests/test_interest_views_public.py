"""The public network and call pages state the live facts of recruitment: open calls with
their deadline and rule, how many municipalities seek a partner, how many expressions of
interest have been submitted, and the way in for Swedish members."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from puentes.networks.tests.factories import CallFactory
from puentes.people.tests.factories import OrganisationFactory
from puentes.recruitment.models import Interest, SeekingProfile

from .factories import InterestFactory, SeekingProfileFactory

I = Interest.Status  # noqa: E741
P = SeekingProfile.Status


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def open_call_of(network, **fields):
    today = timezone.localdate()
    return CallFactory(
        network=network,
        open_date=today - datetime.timedelta(days=3),
        close_date=today + datetime.timedelta(days=30),
        rule_year=2025,
        **fields,
    )


@pytest.fixture
def open_call(network):
    return open_call_of(network, slug="open-now")


@pytest.fixture
def busy_open_call(open_call):
    """2 published profiles (and 1 awaiting approval), 1 submitted interest, 1 accepted, 1
    draft and 1 withdrawn: the public counts are 2 and 2."""
    for code, status in [("0101", P.APPROVED), ("1601", P.APPROVED)]:
        SeekingProfileFactory(
            call=open_call,
            organisation=OrganisationFactory(country_code="GT", code=code),
            status=status,
        )
    SeekingProfileFactory(
        call=open_call,
        organisation=OrganisationFactory(country_code="CO", code="05001"),
        status=P.SUBMITTED,
    )
    for code, status in [
        ("0180", I.SUBMITTED),
        ("1480", I.ACCEPTED),
        ("1280", I.DRAFT),
        ("0380", I.WITHDRAWN),
    ]:
        InterestFactory(call=open_call, organisation=OrganisationFactory(code=code), status=status)
    return open_call


def test_the_network_page_lists_open_calls_with_deadline_rule_and_live_counts(
    client, network, busy_open_call, call
):
    response = client.get(url("networks:network_detail", slug=network.slug))

    text = response.text
    open_section = text.split("Open calls", 1)[1].split("Themes", 1)[0]
    assert busy_open_call.titles["en"] in open_section
    assert call.titles["en"] not in open_section  # the 2024 call is closed
    assert busy_open_call.close_date.strftime("%Y") in open_section
    assert "During 2025, each partnership takes part in at least 1" in open_section
    assert "2 Latin American municipalities seek a partner" in open_section
    assert "2 expressions of interest submitted" in open_section
    new_url = url("interests:interest_new", network_slug=network.slug, call_slug="open-now")
    assert new_url in open_section


def test_the_call_page_shows_its_counts_and_the_register_button(client, network, busy_open_call):
    response = client.get(
        url("networks:call_detail", network_slug=network.slug, call_slug=busy_open_call.slug)
    )

    assert "Register your interest" in response.text
    assert "<dt>Partner-seeking municipalities</dt><dd>2</dd>" in response.text
    assert "<dt>Expressions of interest submitted</dt><dd>2</dd>" in response.text


def test_a_closed_call_page_says_it_is_closed_and_offers_no_way_in(client, network, call):
    response = client.get(
        url("networks:call_detail", network_slug=network.slug, call_slug=call.slug)
    )

    assert "This call closed on" in response.text
    assert "accepts no more expressions of interest" in response.text
    assert "/interest/new/" not in response.text


def test_a_call_not_yet_open_says_when_it_opens(client, network):
    today = timezone.localdate()
    call = CallFactory(
        network=network,
        open_date=today + datetime.timedelta(days=5),
        close_date=today + datetime.timedelta(days=40),
    )

    response = client.get(
        url("networks:call_detail", network_slug=network.slug, call_slug=call.slug)
    )

    assert "This call opens on" in response.text
    assert "/interest/new/" not in response.text


def test_the_home_page_names_each_open_call_and_its_deadline(client, network, open_call, call):
    response = client.get(url("networks:home"))

    assert open_call.titles["en"] in response.text
    assert "is open: register your interest by" in response.text
    assert call.titles["en"] not in response.text


def _queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("page", ["home", "network", "call"])
def test_the_live_counts_cost_the_same_queries_for_many_calls_and_records(
    client, network, busy_open_call, page, django_assert_num_queries
):
    paths = {
        "home": url("networks:home"),
        "network": url("networks:network_detail", slug=network.slug),
        "call": url(
            "networks:call_detail", network_slug=network.slug, call_slug=busy_open_call.slug
        ),
    }
    small = _queries(client, paths[page])

    for _ in range(4):
        more = open_call_of(network)
        SeekingProfileFactory(
            call=more, organisation=OrganisationFactory(country_code="GT", code="0101")
        )
        InterestFactory(
            call=more, organisation=OrganisationFactory(code="0180"), status=I.SUBMITTED
        )
    SeekingProfileFactory(
        call=busy_open_call, organisation=OrganisationFactory(country_code="CO", code="11001")
    )

    with django_assert_num_queries(small):
        response = client.get(paths[page])
    assert response.status_code == 200
