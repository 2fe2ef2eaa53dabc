"""The dashboard's table of every indicator is paged (issue #8: a call of hundreds of
partnerships has thousands of indicators); the figure above it still sums them all."""

import re

import pytest

from puentes.dashboards import views

from .test_views import coordinator, dashboard_url, net  # noqa: F401 -- fixtures

pytestmark = pytest.mark.django_db


def rows(html):
    table = html[
        html.index('id="indicator-rows"') : html.index("</table>", html.index("indicator-rows"))
    ]
    return re.findall(r"<tr><td>", table)


def test_the_indicator_table_shows_a_page_and_links_to_the_next_keeping_the_call(
    client,
    net,  # noqa: F811
    coordinator,  # noqa: F811
    monkeypatch,
):
    # Given the fixture's four indicators and pages of three
    monkeypatch.setattr(views, "INDICATORS_PER_PAGE", 3)
    client.force_login(coordinator)
    url = dashboard_url(network=net.network.slug, call="call-c")

    # When the coordinator opens the dashboard, then the next page
    first = client.get(url)
    second = client.get(url + "&page=2")

    # Then three rows, a link on that keeps the network and call, and the last row after it
    html = first.content.decode()
    assert len(rows(html)) == 3
    assert f'href="?network={net.network.slug}&amp;call=call-c&amp;page=2" rel="next"' in html
    assert len(rows(second.content.decode())) == 1
    assert len(first.context["indicator_rows"]) == 4  # the figure counts them all
