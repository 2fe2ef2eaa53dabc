"""Reads for the map: a network's public partnerships and the outlines of their countries,
turned into a drawing (layout.py). Two or three queries whatever the number of
partnerships (outlines.py says when three)."""

from dataclasses import dataclass, field

from puentes.networks.models import Network
from puentes.partnerships.selectors import public_partnerships
from puentes.places.models import Organisation

from .layout import Drawing, Link, Place, draw_within
from .outlines import country_outlines

# Up to this many partnerships each is its own line and each organisation its own marker;
# beyond, organisations within a cell of CLUSTER_CELLS units (of the 400-unit-wide drawing)
# share a marker and the partnerships between two markers one line, the cell growing until
# at most MOST_LINES lines are left, so the page stays light (issue #8).
DRAWN_ONE_BY_ONE = 100
CLUSTER_CELLS = (10, 20, 40)
MOST_LINES = 600  # about 60 KB of SVG


@dataclass
class NetworkMap:
    """What the map shows of a network: the drawing, and the partnerships for the table."""

    network: Network
    partnerships: list = field(default_factory=list)
    drawing: Drawing | None = None
    # Organisations without coordinates: listed beside the map, not drawn on it.
    unplaced: set[int] = field(default_factory=set)


def network_for_map(slug: str) -> Network:
    """A published network, or Network.DoesNotExist."""
    return Network.objects.published().get(slug=slug)


def network_map(network: Network) -> NetworkMap:
    """The network's public partnerships on the map (the same partnerships and fields as
    the public list of partnerships: organisations and countries, no people)."""
    partnerships = list(
        public_partnerships()
        .filter(call__network=network)
        .prefetch_related(None)
        .order_by("swedish_organisation__name", "latin_organisation__name", "pk")
    )
    organisations = {}
    for partnership in partnerships:
        for organisation in (partnership.swedish_organisation, partnership.latin_organisation):
            organisations[organisation.pk] = organisation
    places = [_place(organisation) for organisation in organisations.values()]
    links = [
        Link(key=p.pk, first=p.swedish_organisation_id, second=p.latin_organisation_id)
        for p in partnerships
    ]
    countries = {org.country_id: org.country for org in organisations.values()}
    drawing = draw_within(
        places,
        links,
        outlines=country_outlines(countries.values()),
        labels=_labels(countries.values()),
        one_by_one=DRAWN_ONE_BY_ONE,
        cells=CLUSTER_CELLS,
        most_lines=MOST_LINES,
    )
    return NetworkMap(
        network=network,
        partnerships=partnerships,
        drawing=drawing,
        unplaced={place.key for place in drawing.unplaced},
    )


def _labels(countries) -> dict[str, str]:
    names: dict[str, list[str]] = {}
    for country in countries:
        names.setdefault(country.region, []).append(str(country))
    return {side: " · ".join(sorted(found)) for side, found in names.items()}


def _place(organisation: Organisation) -> Place:
    def degrees(value):
        return None if value is None else float(value)

    return Place(
        key=organisation.pk,
        name=organisation.name,
        side=organisation.country.region,
        lat=degrees(organisation.lat),
        lon=degrees(organisation.lon),
    )
