"""The public map page: the network's partnerships as lines and as table rows, nothing of
other networks and no people, a constant number of queries, and a small SVG."""

import re

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from puentes.networks.tests.factories import CallFactory, NetworkFactory
from puentes.partnerships.tests.factories import PartnershipFactory, PartnershipMemberFactory
from puentes.people.tests.factories import OrganisationFactory, PersonFactory
from puentes.places.models import Organisation
from puentes.places.testing import load_reference_data_for_tests

pytestmark = pytest.mark.django_db

SWEDISH = ["0180", "1480", "1280", "0380"]
LATIN = [("GT", "0101"), ("GT", "1601"), ("CO", "05001"), ("CO", "11001")]


def url(network, language="en"):
    return f"/{language}/networks/{network.slug}/map/"


def svg_of(response):
    return re.search(r"<svg.*?</svg>", response.content.decode(), re.S).group(0)


def partner(country, code):
    return OrganisationFactory(country_code=country, code=code)


def partnerships(call, count):
    """Up to four partnerships in `call`, each of the known organisations used once."""
    return [
        PartnershipFactory(
            call=call,
            swedish_organisation=partner("SE", SWEDISH[n]),
            latin_organisation=partner(*LATIN[n]),
        )
        for n in range(count)
    ]


@pytest.fixture
def network():
    return NetworkFactory(slug="gender-equality")


def test_each_partnership_of_the_network_is_a_line_and_a_row(client, network):
    made = partnerships(CallFactory(network=network), 3)
    elsewhere = PartnershipFactory()  # another network's call

    response = client.get(url(network))

    assert response.status_code == 200
    html = response.content.decode()
    svg = svg_of(response)
    expected = sorted(str(p.pk) for p in made)
    assert sorted(re.findall(r'<line data-partnership="(\d+)"', svg)) == expected
    assert sorted(re.findall(r'<tr data-partnership="(\d+)"', html)) == expected
    assert f'data-partnership="{elsewhere.pk}"' not in html
    assert "3 partnerships on the map" in html
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg


def test_a_line_joins_the_dots_of_its_two_organisations(client, network):
    (made,) = partnerships(CallFactory(network=network), 1)

    svg = svg_of(client.get(url(network)))

    circle = re.search(
        rf'<circle data-organisation="{made.swedish_organisation_id}" cx="([\d.]+)" cy="([\d.]+)"',
        svg,
    )
    square = re.search(
        rf'data-organisation="{made.latin_organisation_id}" d="M([\d.]+) ([\d.]+)m', svg
    )
    line = re.search(r'x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"', svg)
    assert line.groups() == circle.groups() + square.groups()


def test_a_region_without_coordinates_is_listed_but_not_drawn(client, network):
    call = CallFactory(network=network)
    malmo = partner("SE", "1280")
    # Regions come from SCB's list without a point of their own.
    region = Organisation.objects.create(
        country=malmo.country,
        area=malmo.area,
        kind=Organisation.Kind.REGION,
        code="12",
        name="Region Skåne",
    )
    drawn = PartnershipFactory(call=call, latin_organisation=partner("GT", "0101"))
    listed = PartnershipFactory(
        call=call, swedish_organisation=region, latin_organisation=partner("CO", "05001")
    )

    response = client.get(url(network))

    html = response.content.decode()
    svg = svg_of(response)
    assert f'<tr data-partnership="{listed.pk}"' in html
    assert f'data-unplaced="{region.pk}"' in html
    assert f'data-organisation="{region.pk}"' not in svg
    assert re.findall(r'<line data-partnership="(\d+)"', svg) == [str(drawn.pk)]
    # Medellín, its partner, is still drawn.
    assert f'data-organisation="{listed.latin_organisation_id}"' in svg


def test_the_map_shows_no_people(client, network):
    (made,) = partnerships(CallFactory(network=network), 1)
    member = PartnershipMemberFactory(partnership=made, person__name="Karin Lindqvist")
    made.mentor = PersonFactory(name="Ana Morales")
    made.save()

    html = client.get(url(network)).content.decode()

    for secret in ("Karin Lindqvist", member.person.email, "Ana Morales"):
        assert secret not in html


def test_an_unpublished_or_unknown_network_answers_404(client, network):
    hidden = NetworkFactory(slug="hidden", is_published=False)
    partnerships(CallFactory(network=hidden), 1)

    assert client.get(url(hidden)).status_code == 404
    assert client.get("/en/networks/no-such-network/map/").status_code == 404


def test_a_network_without_partnerships_says_so_and_draws_nothing(client, network):
    html = client.get(url(network)).content.decode()

    assert "<svg" not in html and "has no partnerships yet" in html


def test_the_page_runs_the_same_queries_for_1_and_for_12_partnerships(
    client, network, django_assert_num_queries
):
    # Each size is measured once its outlines are known (outlines.py keeps them per process
    # until the reference points change, which adding organisations here does).
    partnerships(CallFactory(network=network), 1)
    client.get(url(network))
    with CaptureQueriesContext(connection) as one:
        assert client.get(url(network)).status_code == 200
    # Read now: the next request empties the connection's log that captured_queries slices.
    queries_for_one = len(one.captured_queries)
    for call in [CallFactory(network=network) for _ in range(3)]:
        partnerships(call, 4)
    client.get(url(network))

    with django_assert_num_queries(queries_for_one):
        response = client.get(url(network))

    assert len(re.findall(r"<line ", svg_of(response))) == 13


def test_the_svg_of_12_partnerships_with_real_outlines_stays_under_30_kb(client, network):
    load_reference_data_for_tests()
    call = CallFactory(network=network)
    swedish = Organisation.objects.filter(country__code="SE", lat__isnull=False)
    latin = Organisation.objects.filter(country__code__in=["GT", "CO"], lat__isnull=False)
    for se, la in zip(
        swedish.order_by("code")[:12], latin.order_by("name")[::90][:12], strict=True
    ):
        PartnershipFactory(call=call, swedish_organisation=se, latin_organisation=la)

    svg = svg_of(client.get(url(network, "sv")))

    assert len(svg.encode()) < 30_000
    assert len(re.findall(r"<line ", svg)) == 12
    assert len(re.findall(r"<polygon ", svg)) == 3  # Sweden, Guatemala, Colombia
    # Numbers are written for SVG, not for Swedish readers: no decimal commas.
    assert re.findall(r' (?:x|y|x1|y1|x2|y2|cx|cy|width|height|d)="[^"]*,', svg) == []


def test_the_network_page_links_to_its_map(client, network):
    html = client.get(f"/en/networks/{network.slug}/").content.decode()

    assert f'href="{url(network)}"' in html


def test_the_include_draws_the_map_of_the_network_it_is_given(network):
    (made,) = partnerships(CallFactory(network=network), 1)
    template = Template('{% include "maps/_network_map.html" with network=network %}')

    with translation.override("en"):
        html = template.render(Context({"network": network}))

    assert f'<line data-partnership="{made.pk}"' in html
    assert f'id="network-map-{network.pk}-title"' in html
