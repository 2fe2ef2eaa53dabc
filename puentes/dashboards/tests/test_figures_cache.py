"""The coordinators' dashboard figures kept in the cache under the data version: asked again
they cost one query, and any committed change shows at once (transactional tests)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import translation

from puentes.dashboards.selectors import coordinator_figures
from puentes.workshops.models import Registration
from puentes.workshops.tests.factories import RegistrationFactory

from .fixture import build

pytestmark = pytest.mark.django_db(transaction=True)
TODAY = datetime.date(2026, 1, 1)


@pytest.fixture
def net(settings):
    settings.PUENTES_DASHBOARD_CACHE_SECONDS = 600
    cache.clear()
    with translation.override("en"):
        yield build()
    cache.clear()


def met(net):
    figures = coordinator_figures(net.network, net.call, TODAY)
    return {row.key: row.value for row in figures["rule"].rows}["met"]


def test_given_computed_figures_when_asked_again_then_only_the_version_is_read(
    net, django_assert_num_queries
):
    first = coordinator_figures(net.network, net.call, TODAY)
    with django_assert_num_queries(1):
        again = coordinator_figures(net.network, net.call, TODAY)
    assert again["rule"] == first["rule"]
    assert [row.call.slug for row in again["funnel"]] == [row.call.slug for row in first["funnel"]]


def test_given_cached_figures_when_a_partnership_attends_a_workshop_then_they_change_at_once(
    net,
):
    assert met(net) == 1
    _p1, _p2, p3, _p4 = net.partnerships
    _w1, w2, _w3 = net.workshops
    # P3 attended W1 in Latin America; attending W2 in Sweden meets the rule.
    RegistrationFactory(
        workshop=w2, person=net.people["C"], status=Registration.Status.ATTENDED, partnership=p3
    )
    assert met(net) == 2


def test_given_cached_english_figures_when_asked_in_spanish_then_the_titles_are_spanish(net):
    english = coordinator_figures(net.network, net.call, TODAY)["rule"].title
    with translation.override("es"):
        spanish = coordinator_figures(net.network, net.call, TODAY)["rule"].title
    assert english == "Participation rule"
    assert spanish != english
