"""The shaded shape of each country: the convex hull of the official points of all its
organisations (reference data), an approximation of the country, not its border.

The hull reads every organisation of the countries (about 1,750 rows for Sweden, Guatemala
and Colombia), which costs more than the rest of the page. Reference data changes only when
`puentes load_reference_data` runs, so each process keeps the hulls it computed under a
fingerprint of the points (their count and the sums of their coordinates, one aggregate
query): any added, removed or moved point changes it and the hulls are computed again.
"""

from functools import lru_cache

from django.db.models import Count, Q, Sum

from puentes.places.models import Organisation

from .projection import LatLon, convex_hull

# San Andrés and Providencia lie 700 km off the Colombian coast: a hull around them would
# paint the Caribbean as Colombia. Their partners are still drawn, only the outline leaves
# them out.
OUTLINE_LEAVES_OUT = Q(country__code="CO", area__code="88")


def country_outlines(countries) -> dict[str, list[list[LatLon]]]:
    """Per side of the map (the countries' world region), one polygon per country that has
    at least three points. One query when the points are unchanged, two otherwise."""
    country_ids = tuple(sorted({country.pk for country in countries}))
    fingerprint = _points(country_ids).aggregate(count=Count("pk"), lat=Sum("lat"), lon=Sum("lon"))
    hulls = _hulls(country_ids, tuple(sorted(fingerprint.items())))
    outlines: dict[str, list[list[LatLon]]] = {}
    for country in sorted(countries, key=lambda c: c.pk):
        if hulls.get(country.pk):
            outlines.setdefault(country.region, []).append(hulls[country.pk])
    return outlines


def _points(country_ids):
    return (
        Organisation.objects.filter(country__in=country_ids)
        .exclude(lat=None)
        .exclude(lon=None)
        .exclude(OUTLINE_LEAVES_OUT)
    )


@lru_cache(maxsize=16)
def _hulls(country_ids: tuple, fingerprint: tuple) -> dict[int, list[LatLon]]:
    points: dict[int, list[LatLon]] = {}
    for country_id, lat, lon in _points(country_ids).values_list("country_id", "lat", "lon"):
        points.setdefault(country_id, []).append((float(lat), float(lon)))
    return {country_id: convex_hull(found) for country_id, found in points.items()}
