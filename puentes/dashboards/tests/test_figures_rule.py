"""The dashboard's lean count of the participation rule agrees with the workshops' own rule
statuses (workshops.selectors.rule_statuses) on the hand-built network of fixture.py."""

import pytest
from django.utils import translation

from puentes.dashboards.figures_rule import rule_counts
from puentes.workshops.selectors import rule_statuses

from .fixture import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def net():
    with translation.override("en"):
        yield build()


def counted_from_statuses(call):
    statuses = [party.status for party in rule_statuses(call)]
    met = sum(1 for s in statuses if s.met)
    planned = sum(1 for s in statuses if not s.met and s.met_if_planned_held)
    return met, planned, len(statuses) - met - planned


def test_given_the_fixture_call_when_the_rule_is_counted_then_it_agrees_with_the_statuses(
    net, django_assert_num_queries
):
    with django_assert_num_queries(2):
        counts = rule_counts(net.call)
    assert counts == counted_from_statuses(net.call) == (1, 1, 1)


def test_given_a_call_without_partnerships_when_the_rule_is_counted_then_all_are_zero(net):
    other = net.call.network.calls.exclude(pk=net.call.pk).first()
    assert rule_counts(other) == counted_from_statuses(other)
