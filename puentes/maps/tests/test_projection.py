"""The projection and the outline, checked against positions computed by hand."""

import math

import pytest

from puentes.maps.projection import Box, Extent, Projection, convex_hull


def test_at_the_equator_the_extent_fills_the_box_corner_to_corner():
    # 40° wide and 20° tall at latitude 0 (no shrinking) in a 400 × 200 box: 10 units a degree.
    project = Projection(Extent(south=-10, north=10, west=-20, east=20), Box(0, 0, 400, 200))

    assert project(0, 0) == pytest.approx((200, 100))
    assert project(10, -20) == pytest.approx((0, 0))
    assert project(-10, 20) == pytest.approx((400, 200))


def test_sweden_is_shrunk_east_west_and_centred_in_a_tall_box():
    # Extent 55–69° N, 11–25° E: middle latitude 62°, so a degree of longitude is
    # cos 62° = 0.46947 of a degree of latitude. 14° tall in 200 units: 14.2857 a degree; the
    # 6.5726 "shrunk degrees" wide take 93.89 of the 100 units, leaving 3.05 on each side.
    project = Projection(Extent(south=55, north=69, west=11, east=25), Box(0, 0, 100, 200))

    x, y = project(59.3, 18.0)  # Stockholm: on the middle meridian, 9.7° below the top

    assert x == pytest.approx(50.0, abs=0.01)
    assert y == pytest.approx(9.7 * 200 / 14, abs=0.01)  # 138.57
    assert project.shrink == pytest.approx(math.cos(math.radians(62)))
    assert project.frame.x == pytest.approx(3.053, abs=0.001)
    assert project.frame.height == pytest.approx(200)


def test_a_box_lower_on_the_page_moves_every_point_by_its_offset():
    extent = Extent(south=-10, north=10, west=-20, east=20)

    assert Projection(extent, Box(256, 26, 400, 200))(0, 0) == pytest.approx((456, 126))


def test_an_extent_around_points_gets_its_margin_and_at_least_the_minimum_span():
    extent = Extent.around([(59.3, 18.0), (57.7, 12.0)], margin=0.5, minimum=3.0)

    # 57.2–59.8° is 2.6° tall with its margins: widened by 0.2° each way to 3°.
    assert (extent.south, extent.north) == pytest.approx((57.0, 60.0))
    assert (extent.west, extent.east) == pytest.approx((11.5, 18.5))
    lonely = Extent.around([(14.6, -90.5)], margin=0.5, minimum=3.0)
    assert (lonely.south, lonely.north) == pytest.approx((13.1, 16.1))


def test_the_hull_keeps_the_corners_and_drops_the_points_inside():
    square = [(0, 0), (0, 10), (10, 10), (10, 0)]
    inside = [(5, 5), (2, 8), (0, 5)]  # (0, 5) lies on an edge: not a corner

    hull = convex_hull(square + inside)

    assert sorted(hull) == sorted(square)
    assert len(hull) == 4


def test_fewer_than_three_distinct_points_have_no_hull():
    assert convex_hull([(1, 1), (2, 2), (1, 1)]) == []
    assert convex_hull([]) == []
