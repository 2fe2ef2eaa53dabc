"""The map of a network as a drawing: plain data in, plain data out, no Django.

Swedish partners and Latin American partners lie 9,000 km apart, so one frame would shrink
each side to a dot at phone width. The drawing has two panels side by side, each with its own
projection fitted to its countries: Latin America on the left (west), Sweden on the right.
A partnership's line runs from one panel to the other. Organisations without coordinates are
returned as `unplaced`, to be listed but not drawn.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field

from .projection import Box, Extent, LatLon, Projection

SWEDEN = "sweden"
LATIN_AMERICA = "latin_america"

WIDTH = 400
HEIGHT = 330
LABEL_GAP = 6  # between a panel's label and its frame
# The Latin American panel is wider: Guatemala and Colombia together are about as wide as
# they are tall, Sweden about twice as tall as it is wide.
PANELS = {
    LATIN_AMERICA: Box(x=4, y=26, width=236, height=300),
    SWEDEN: Box(x=256, y=26, width=140, height=300),
}
MARGIN_DEGREES = 0.5
MINIMUM_SPAN_DEGREES = 3.0


@dataclass(frozen=True)
class Place:
    """An organisation to draw; lat and lon are None when it has no coordinates."""

    key: int
    name: str
    side: str
    lat: float | None = None
    lon: float | None = None

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Link:
    """A partnership between the places `first` and `second` (their keys)."""

    key: int
    first: int
    second: int


@dataclass(frozen=True)
class Dot:
    key: int
    name: str
    side: str
    x: float
    y: float
    count: int = 1  # organisations gathered in this marker (see `cell` in draw)


@dataclass(frozen=True)
class Line:
    key: int
    x1: float
    y1: float
    x2: float
    y2: float
    count: int = 1  # partnerships drawn as this one line


@dataclass(frozen=True)
class Panel:
    side: str
    label: str
    # The part of the panel's box the extent fills once its proportions are kept.
    frame: Box
    # Each outline is the "x,y x,y …" of an SVG polygon.
    outlines: list[str] = field(default_factory=list)

    @property
    def label_x(self) -> float:
        return self.frame.x

    @property
    def label_y(self) -> float:
        return self.frame.y - LABEL_GAP


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    panels: list[Panel]
    lines: list[Line]
    dots: list[Dot]
    unplaced: list[Place]
    cell: float | None = None  # set when neighbours share a marker (see draw)

    @property
    def partnerships_drawn(self) -> int:
        return sum(line.count for line in self.lines)


def draw(
    places: Iterable[Place],
    links: Iterable[Link],
    *,
    outlines: Mapping[str, Sequence[Sequence[LatLon]]] | None = None,
    labels: Mapping[str, str] | None = None,
    cell: float | None = None,
) -> Drawing:
    """Lay out `places` and the `links` between them. `outlines` gives, per side, polygons of
    (lat, lon) to draw behind the dots (and to fit the panel to); `labels` names each side.
    With `cell`, places are snapped to a grid of that many units and those in one grid cell
    share one marker, and partnerships between the same two markers one line: hundreds of
    partnerships stay a drawing of a few kilobytes (issue #8)."""
    outlines = outlines or {}
    labels = labels or {}
    by_key = {place.key: place for place in places}
    # A place on a side the map has no panel for is listed with those without coordinates.
    placed = [p for p in by_key.values() if p.has_position and p.side in PANELS]
    projections, panels = {}, []
    for side, box in PANELS.items():
        corners = [corner for polygon in outlines.get(side, ()) for corner in polygon]
        points = corners + [(p.lat, p.lon) for p in placed if p.side == side]
        if not points:
            continue
        extent = Extent.around(points, margin=MARGIN_DEGREES, minimum=MINIMUM_SPAN_DEGREES)
        project = projections[side] = Projection(extent, box)
        shapes = [_polygon(project, polygon) for polygon in outlines.get(side, ())]
        frame = Box(*(round(value, 1) for value in astuple(project.frame)))
        panels.append(Panel(side=side, label=labels.get(side, ""), frame=frame, outlines=shapes))
    positions = {
        place.key: _snapped(*projections[place.side](place.lat, place.lon), cell)
        for place in placed
    }
    # Without a cell, every organisation and every partnership keeps its own mark.
    markers: dict[tuple, list[Place]] = {}
    for p in placed:
        markers.setdefault((p.side, positions[p.key], None if cell else p.key), []).append(p)
    dots = [
        Dot(key=ps[0].key, name=_names(ps), side=side, x=x, y=y, count=len(ps))
        for (side, (x, y), _), ps in markers.items()
    ]
    joined: dict[tuple, list[int]] = {}
    for link in links:
        if link.first in positions and link.second in positions:
            ends = (positions[link.first], positions[link.second], None if cell else link.key)
            joined.setdefault(ends, []).append(link.key)
    lines = [
        Line(keys[0], *first, *second, count=len(keys))
        for (first, second, _), keys in joined.items()
    ]
    unplaced = [place for place in by_key.values() if place.key not in positions]
    return Drawing(
        WIDTH, HEIGHT, panels=panels, lines=lines, dots=dots, unplaced=unplaced, cell=cell
    )


def draw_within(
    places: Iterable[Place],
    links: Iterable[Link],
    *,
    one_by_one: int,
    cells: Sequence[float],
    most_lines: int,
    **options,
) -> Drawing:
    """`draw`, every partnership its own line up to `one_by_one` of them; beyond, with the
    first of `cells` (tried in order) that leaves at most `most_lines` lines, else the last."""
    places, links = list(places), list(links)
    drawing = draw(places, links, **options)
    if len(links) <= one_by_one:
        return drawing
    for cell in cells:
        drawing = draw(places, links, cell=cell, **options)
        if len(drawing.lines) <= most_lines:
            break
    return drawing


NAMES_IN_A_MARKER = 3  # the rest of a marker's organisations are counted, not named


def _names(places: Sequence[Place]) -> str:
    names = sorted(p.name for p in places)
    shown = ", ".join(names[:NAMES_IN_A_MARKER])
    rest = len(names) - NAMES_IN_A_MARKER
    return f"{shown} (+{rest})" if rest > 0 else shown


def _snapped(x: float, y: float, cell: float | None) -> tuple[float, float]:
    if not cell:
        return _rounded(x, y)
    return _rounded((x // cell + 0.5) * cell, (y // cell + 0.5) * cell)


def _rounded(x: float, y: float) -> tuple[float, float]:
    # A tenth of a unit is finer than a pixel at any width a phone or a page gives the map.
    return round(x, 1), round(y, 1)


def _polygon(project: Projection, corners: Sequence[LatLon]) -> str:
    return " ".join("{:g},{:g}".format(*_rounded(*project(lat, lon))) for lat, lon in corners)
