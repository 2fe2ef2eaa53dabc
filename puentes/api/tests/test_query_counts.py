"""Every list endpoint runs the same number of queries for one record as for many."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from puentes.networks.models import Call
from puentes.networks.tests.factories import CallFactory, NetworkFactory, ThemeFactory
from puentes.partnerships.tests.factories import PartnershipFactory
from puentes.plans.tests.factories import IndicatorValueFactory
from puentes.recruitment.models import Interest
from puentes.recruitment.tests.factories import InterestFactory, SeekingProfileFactory
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory


def _networks(call, n):
    for _ in range(n):
        network = NetworkFactory()
        ThemeFactory.create_batch(2, network=network)


def _each_in_a_call(factory, **kwargs):
    """Records one organisation may have only once per call, each in a call of its own."""

    def make(call, n):
        for _ in range(n):
            factory(call=CallFactory(network=call.network), **kwargs)

    return make


def _themes(call):
    return list(call.network.themes.all())


MAKERS = {
    "networks": _networks,
    "calls": lambda call, n: CallFactory.create_batch(n, network=call.network),
    "seeking-profiles": _each_in_a_call(SeekingProfileFactory),
    "partnerships": lambda call, n: _each_in_a_call(PartnershipFactory, themes=_themes(call))(
        call, n
    ),
    "workshops": lambda call, n: WorkshopFactory.create_batch(n, call=call),
    "interests": _each_in_a_call(InterestFactory, status=Interest.Status.SUBMITTED),
    "registrations": lambda call, n: RegistrationFactory.create_batch(
        n, workshop=WorkshopFactory(call=call)
    ),
    "indicator-values": lambda call, n: IndicatorValueFactory.create_batch(n),
}


def _queries(api, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = api.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("endpoint", MAKERS)
def test_a_list_runs_as_many_queries_for_many_records_as_for_one(endpoint, coordinator_api, call):
    ThemeFactory.create_batch(2, network=call.network)
    path = f"/api/v1/{endpoint}/"
    MAKERS[endpoint](call, 1)
    coordinator_api.get(path)  # the token's first use is written once, not measured
    one = _queries(coordinator_api, path)

    MAKERS[endpoint](call, 7)
    many = _queries(coordinator_api, path)

    assert coordinator_api.get(path).json()["count"] >= 8
    assert many == one, f"{endpoint}: {one} queries for one record, {many} for eight"


def test_a_page_holds_at_most_100_records(api, network):
    Call.objects.bulk_create(
        Call(
            network=network,
            slug=f"call-{n}",
            titles={"en": str(n)},
            open_date=datetime.date(2024, 1, 1),
            close_date=datetime.date(2024, 2, 1),
            rule_year=2024,
        )
        for n in range(101)
    )

    body = api.get("/api/v1/calls/", {"page_size": 1000}).json()

    assert body["count"] == 101 and len(body["results"]) == 100
