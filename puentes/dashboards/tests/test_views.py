"""The coordinators' dashboard and the public results page: who reaches them, what they show
(the numbers of fixture.py, as data attributes), and their query counts at two sizes."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from puentes.networks.tests.factories import ReportingPeriodFactory, ThemeFactory
from puentes.people.tests.factories import MembershipFactory, NetworkRoleFactory, PersonFactory
from puentes.plans.tests.factories import IndicatorFactory, IndicatorValueFactory
from puentes.workshops.models import Registration
from puentes.workshops.tests.factories import RegistrationFactory, WorkshopFactory

from .fixture import build

pytestmark = pytest.mark.django_db


@pytest.fixture
def net():
    return build()


@pytest.fixture
def coordinator(net):
    user = NetworkRoleFactory(network=net.network).person.user
    TOTP.activate(user, generate_totp_secret())
    return user


def dashboard_url(**params):
    with translation.override("en"):
        url = reverse("dashboards:coordinator_dashboard")
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return f"{url}?{query}" if query else url


def results_url(slug):
    with translation.override("en"):
        return reverse("dashboards:public_results", kwargs={"slug": slug})


def cell(html, figure, row):
    """The data-value of a row of a figure's table."""
    start = html.index(f'data-figure="{figure}"')
    start = html.index(f'data-row="{row}"', start)
    start = html.index('data-value="', start) + len('data-value="')
    return html[start : html.index('"', start)]


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_coordinator_sees_the_calls_figures_beside_accessible_charts(client, net, coordinator):
    client.force_login(coordinator)
    html = client.get(dashboard_url(network=net.network.slug, call="call-c")).content.decode()
    assert cell(html, "funnel", "submitted") == "5"
    assert cell(html, "phases", "total") == "3"
    assert cell(html, "genders", "man") == "hidden"
    assert cell(html, "genders", "total") == "8"
    assert cell(html, "rule", "met") == "1"
    assert cell(html, "reports", "overdue") == "4"  # today both periods are past due
    assert cell(html, "indicators", "reached") == "1"
    # every chart is an image named by its title and described by its numbers
    assert html.count('role="img"') == html.count("<desc id=") == 10
    assert 'aria-labelledby="chart-genders-title chart-genders-desc"' in html
    assert "Man: fewer than 3" in html
    assert "<script" not in html
    # no person is named on the dashboard
    assert "Person A" not in html


def test_the_call_is_chosen_with_the_form(client, net, coordinator):
    client.force_login(coordinator)
    html = client.get(dashboard_url(network=net.network.slug, call="call-c2")).content.decode()
    assert cell(html, "funnel", "submitted") == "1"
    assert cell(html, "phases", "forming") == "1"
    # an unknown call falls back to the network's latest
    html = client.get(dashboard_url(network=net.network.slug, call="nope")).content.decode()
    assert '<option value="call-c2" selected>' in html


def test_the_dashboard_is_for_coordinators_only(client, net):
    assert client.get(dashboard_url()).status_code == 302
    client.force_login(MembershipFactory().person.user)
    assert client.get(dashboard_url()).status_code == 403


def test_the_public_results_show_counts_and_no_personal_data(client, net):
    html = client.get(results_url(net.network.slug)).content.decode()
    assert cell(html, "municipalities", "total") == "7"
    assert cell(html, "countries", "GT") == "2"
    assert 'data-figure="workshops-held"><span class="figure-number">2<' in html
    for name in net.people:
        assert f"Person {name}" not in html
    assert "genders" not in html and "Participation rule" not in html


def test_the_public_results_of_an_unpublished_network_are_not_found(client, net):
    net.network.is_published = False
    net.network.save()
    assert client.get(results_url(net.network.slug)).status_code == 404


def _grow(net):
    """More of everything the pages count: themes, workshops, attendees, periods, values."""
    for n in range(4):
        ThemeFactory(network=net.network)
        workshop = WorkshopFactory(call=net.call, slug=f"more-{n}", state="held")
        for person in PersonFactory.create_batch(4, role="politician"):
            RegistrationFactory(
                workshop=workshop, person=person, status=Registration.Status.ATTENDED
            )
        period = ReportingPeriodFactory(
            call=net.call,
            start_date=datetime.date(2030 + n, 1, 1),
            end_date=datetime.date(2030 + n, 12, 31),
            due_date=datetime.date(2031 + n, 1, 31),
        )
        plan = net.partnerships[2].plan
        indicator = IndicatorFactory(outcome=plan.outcomes.first())
        IndicatorValueFactory(indicator=indicator, period=period)


def test_both_pages_cost_the_same_queries_for_small_and_larger_data(client, net, coordinator):
    client.force_login(coordinator)
    dashboard = dashboard_url(network=net.network.slug, call="call-c")
    results = results_url(net.network.slug)
    few = (queries(client, dashboard), queries(client, results))
    _grow(net)
    assert (queries(client, dashboard), queries(client, results)) == few
