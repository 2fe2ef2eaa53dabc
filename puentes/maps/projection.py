"""Placing coordinates on a drawing: pure geometry, no Django.

Each inset of the map has its own equirectangular projection: longitude is shrunk by the
cosine of the inset's middle latitude (so Sweden is not drawn twice as wide as it is), and the
extent is scaled to fit its box without distortion and centred in it. Over a country this
small the error against a proper conformal projection is below the size of a dot.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

LatLon = tuple[float, float]


@dataclass(frozen=True)
class Box:
    """A rectangle of the drawing, in SVG user units (y grows downwards)."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Extent:
    """The part of the globe an inset shows, in degrees."""

    south: float
    north: float
    west: float
    east: float

    @classmethod
    def around(cls, points: Iterable[LatLon], *, margin: float = 0.0, minimum: float = 0.0):
        """The smallest extent holding `points`, widened by `margin` degrees on every side
        and to at least `minimum` degrees each way, so one lonely point is not a whole map."""
        lats, lons = zip(*points, strict=True)
        south, north = _widened(min(lats) - margin, max(lats) + margin, minimum)
        west, east = _widened(min(lons) - margin, max(lons) + margin, minimum)
        return cls(south=south, north=north, west=west, east=east)


def _widened(low: float, high: float, minimum: float) -> tuple[float, float]:
    missing = minimum - (high - low)
    if missing > 0:
        return low - missing / 2, high + missing / 2
    return low, high


class Projection:
    """Latitude and longitude to x and y inside `box`, for the points of `extent`."""

    def __init__(self, extent: Extent, box: Box):
        self.extent = extent
        self.shrink = math.cos(math.radians((extent.south + extent.north) / 2))
        width = (extent.east - extent.west) * self.shrink
        height = extent.north - extent.south
        self.scale = min(box.width / width, box.height / height)
        self.left = box.x + (box.width - width * self.scale) / 2
        self.top = box.y + (box.height - height * self.scale) / 2
        self.frame = Box(self.left, self.top, width * self.scale, height * self.scale)

    def __call__(self, lat: float, lon: float) -> tuple[float, float]:
        x = self.left + (lon - self.extent.west) * self.shrink * self.scale
        y = self.top + (self.extent.north - lat) * self.scale
        return x, y


def convex_hull(points: Iterable[LatLon]) -> list[LatLon]:
    """The corners of the smallest convex polygon holding `points`, anticlockwise on a map
    (Andrew's monotone chain); fewer than three distinct points give no polygon."""
    ordered = sorted({(lon, lat) for lat, lon in points})
    if len(ordered) < 3:
        return []

    def half(sequence):
        chain: list[tuple[float, float]] = []
        for point in sequence:
            while len(chain) >= 2 and _turn(chain[-2], chain[-1], point) <= 0:
                chain.pop()
            chain.append(point)
        return chain[:-1]

    corners = half(ordered) + half(reversed(ordered))
    return [(lat, lon) for lon, lat in corners]


def _turn(o, a, b) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
