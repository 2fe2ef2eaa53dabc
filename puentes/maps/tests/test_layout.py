"""The drawing of a network: a dot per organisation in its own panel, a line per partnership,
and organisations without coordinates listed apart, not drawn."""

import pytest

from puentes.maps.layout import LATIN_AMERICA, PANELS, SWEDEN, Link, Place, draw

STOCKHOLM = Place(key=1, name="Stockholm", side=SWEDEN, lat=59.30622, lon=18.01996)
MALMO = Place(key=2, name="Malmö", side=SWEDEN, lat=55.56544, lon=13.02602)
REGION = Place(key=3, name="Region Skåne", side=SWEDEN)  # regions have no coordinates
GUATEMALA = Place(key=11, name="Guatemala", side=LATIN_AMERICA, lat=14.63543, lon=-90.47942)
MEDELLIN = Place(key=12, name="Medellín", side=LATIN_AMERICA, lat=6.246631, lon=-75.581775)
BOGOTA = Place(key=13, name="Bogotá, D.C.", side=LATIN_AMERICA, lat=4.649251, lon=-74.106992)


def inside(box, x, y):
    return box.x <= x <= box.x + box.width and box.y <= y <= box.y + box.height


def test_each_partnership_is_a_line_from_its_swedish_dot_to_its_latin_american_dot():
    places = [STOCKHOLM, MALMO, GUATEMALA, MEDELLIN]
    links = [Link(key=100, first=1, second=11), Link(key=101, first=2, second=12)]

    drawing = draw(places, links)

    dots = {dot.key: (dot.x, dot.y) for dot in drawing.dots}
    assert [(line.key, (line.x1, line.y1), (line.x2, line.y2)) for line in drawing.lines] == [
        (100, dots[1], dots[11]),
        (101, dots[2], dots[12]),
    ]


def test_each_side_is_drawn_inside_its_own_panel():
    drawing = draw([STOCKHOLM, MALMO, GUATEMALA, BOGOTA], [])

    panels = {panel.side: panel for panel in drawing.panels}
    for dot in drawing.dots:
        assert inside(panels[dot.side].frame, dot.x, dot.y), dot
        assert inside(PANELS[dot.side], dot.x, dot.y), dot
    by_key = {dot.key: dot for dot in drawing.dots}
    # North up, east right, within each panel.
    assert by_key[1].y < by_key[2].y and by_key[1].x > by_key[2].x
    assert by_key[11].y < by_key[13].y and by_key[11].x < by_key[13].x


def test_an_organisation_without_coordinates_is_listed_but_neither_dot_nor_line():
    links = [Link(key=100, first=3, second=11), Link(key=101, first=1, second=12)]

    drawing = draw([REGION, STOCKHOLM, GUATEMALA, MEDELLIN], links)

    assert [place.key for place in drawing.unplaced] == [3]
    assert 3 not in {dot.key for dot in drawing.dots}
    assert [line.key for line in drawing.lines] == [101]


def test_an_organisation_in_two_partnerships_is_one_dot_with_two_lines():
    links = [Link(key=100, first=1, second=11), Link(key=101, first=1, second=12)]

    drawing = draw([STOCKHOLM, GUATEMALA, STOCKHOLM, MEDELLIN], links)

    assert sorted(dot.key for dot in drawing.dots) == [1, 11, 12]
    assert len({(line.x1, line.y1) for line in drawing.lines}) == 1


def test_outlines_are_projected_with_the_dots_and_widen_the_panel_to_the_country():
    sweden = [(55.3, 13.0), (69.0, 20.5), (59.0, 18.5), (58.9, 11.2)]

    alone = draw([STOCKHOLM], [])
    with_outline = draw([STOCKHOLM], [], outlines={SWEDEN: [sweden]}, labels={SWEDEN: "Sverige"})

    panel = with_outline.panels[0]
    assert panel.label == "Sverige" and len(panel.outlines) == 1
    assert len(panel.outlines[0].split(" ")) == 4
    assert panel.frame.height > 0 and inside(PANELS[SWEDEN], panel.label_x, panel.label_y + 6)
    # Alone, Stockholm is the centre of a 3° frame; with the outline the frame is Sweden's
    # (55.3–69° N), in which Stockholm lies in the south, below the middle of the panel.
    frame = panel.frame
    middle = alone.panels[0].frame.y + alone.panels[0].frame.height / 2
    assert alone.dots[0].y == pytest.approx(middle, abs=0.2)
    assert with_outline.dots[0].y > frame.y + frame.height / 2


def test_a_place_on_a_side_without_a_panel_is_listed_not_drawn():
    elsewhere = Place(key=50, name="Oslo", side="elsewhere", lat=59.9, lon=10.7)

    drawing = draw([STOCKHOLM, elsewhere], [Link(key=100, first=1, second=50)])

    assert drawing.unplaced == [elsewhere] and drawing.lines == []


def test_nothing_to_place_gives_no_panels():
    drawing = draw([REGION], [])

    assert drawing.panels == [] and drawing.dots == [] and drawing.lines == []
    assert drawing.unplaced == [REGION]
