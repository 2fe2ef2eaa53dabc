"""Country outlines: the hull of the reference points, computed once per set of points and
again as soon as a point is added or moved."""

import pytest

from puentes.maps.layout import LATIN_AMERICA, SWEDEN
from puentes.maps.outlines import country_outlines
from puentes.people.tests.factories import OrganisationFactory
from puentes.places.models import Area, Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def sweden():
    """Stockholm, Göteborg, Malmö and Uppsala: Uppsala lies inside the other three's hull."""
    for code in ("0180", "1480", "1280", "0380"):
        OrganisationFactory(country_code="SE", code=code)
    return Organisation.objects.get(code="0180").country


def test_the_outline_is_the_hull_of_the_countrys_points(sweden):
    guatemala = OrganisationFactory(country_code="GT", code="0101").country

    outlines = country_outlines([sweden, guatemala])

    assert sorted(outlines[SWEDEN][0]) == [
        (55.56544, 13.02602),
        (57.74411, 11.97943),
        (59.30622, 18.01996),
        (59.94499, 17.70975),
    ]
    assert LATIN_AMERICA not in outlines  # one point of Guatemala has no hull


def test_unchanged_points_cost_one_query_and_a_moved_point_is_seen(
    sweden, django_assert_num_queries
):
    country_outlines([sweden])
    with django_assert_num_queries(1):
        country_outlines([sweden])

    Organisation.objects.filter(code="0380").update(lat=65.0)  # Uppsala moved north
    with django_assert_num_queries(2):
        outlines = country_outlines([sweden])

    assert (65.0, 17.70975) in outlines[SWEDEN][0]


def test_san_andres_is_drawn_but_left_out_of_colombias_outline():
    medellin = OrganisationFactory(country_code="CO", code="05001")
    OrganisationFactory(country_code="CO", code="11001")
    providencia = Organisation.objects.create(
        country=medellin.country,
        area=Area.objects.create(
            country=medellin.country, code="88", name="San Andrés", kind=Area.Kind.DEPARTMENT
        ),
        kind=Organisation.Kind.MUNICIPALITY,
        code="88564",
        name="Providencia",
        lat=13.35,
        lon=-81.37,
    )
    Organisation.objects.create(
        country=medellin.country,
        area=medellin.area,
        kind=Organisation.Kind.MUNICIPALITY,
        code="05002",
        name="Abejorral",
        lat=5.789315,
        lon=-75.428739,
    )

    (hull,) = country_outlines([medellin.country])[LATIN_AMERICA]

    assert len(hull) == 3
    assert (float(providencia.lat), float(providencia.lon)) not in hull
