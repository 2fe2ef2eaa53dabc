"""Drawing hundreds of partnerships (issue #8): with a grid cell, organisations in one cell
share a marker and partnerships between two markers share a line, which keeps the count."""

from puentes.maps.layout import LATIN_AMERICA, SWEDEN, Link, Place, draw, draw_within

MEDELLIN = Place(key=12, name="Medellín", side=LATIN_AMERICA, lat=6.246631, lon=-75.581775)
ENVIGADO = Place(key=14, name="Envigado", side=LATIN_AMERICA, lat=6.17591, lon=-75.59174)
STOCKHOLM = Place(key=1, name="Stockholm", side=SWEDEN, lat=59.30622, lon=18.01996)
SOLNA = Place(key=4, name="Solna", side=SWEDEN, lat=59.36004, lon=18.00086)
MALMO = Place(key=2, name="Malmö", side=SWEDEN, lat=55.56544, lon=13.02602)


def test_neighbours_share_a_marker_and_their_partnerships_one_line_counted():
    # Given Stockholm and Solna, neighbours, each with a partner near Medellín
    places = [STOCKHOLM, SOLNA, MALMO, MEDELLIN, ENVIGADO]
    links = [
        Link(key=100, first=1, second=12),
        Link(key=101, first=4, second=14),
        Link(key=102, first=2, second=12),
    ]

    # When the map is drawn with a 10-unit cell
    drawing = draw(places, links, cell=10)

    # Then the neighbours are one marker each side, Malmö its own, and the two
    # partnerships between the shared markers one line that counts them
    counts = sorted((dot.side, dot.count) for dot in drawing.dots)
    assert counts == [(LATIN_AMERICA, 2), (SWEDEN, 1), (SWEDEN, 2)]
    assert sorted(line.count for line in drawing.lines) == [1, 2]
    shared = next(dot for dot in drawing.dots if dot.side == SWEDEN and dot.count == 2)
    assert shared.name == "Solna, Stockholm"
    assert drawing.cell == 10  # the page's caption says marks are shared
    assert drawing.partnerships_drawn == 3  # the description counts partnerships, not lines


def test_without_a_cell_every_organisation_and_partnership_keeps_its_mark():
    places = [STOCKHOLM, SOLNA, MEDELLIN, ENVIGADO]
    links = [Link(key=100, first=1, second=12), Link(key=101, first=4, second=14)]

    drawing = draw(places, links)

    assert sorted(dot.key for dot in drawing.dots) == [1, 4, 12, 14]
    assert [line.key for line in drawing.lines] == [100, 101]
    assert {dot.count for dot in drawing.dots} | {line.count for line in drawing.lines} == {1}


def test_a_marker_names_three_organisations_and_counts_the_rest():
    near = [
        Place(key=20 + n, name=f"Kommun {n}", side=SWEDEN, lat=59.3 + n / 1000, lon=18.0)
        for n in range(5)
    ]

    drawing = draw(near, [], cell=10)

    (dot,) = drawing.dots
    assert (dot.count, dot.name) == (5, "Kommun 0, Kommun 1, Kommun 2 (+2)")


def test_the_cell_grows_until_the_lines_fit_and_few_partnerships_stay_one_by_one():
    # Given three partnerships between five places, two pairs of them neighbours
    places = [STOCKHOLM, SOLNA, MALMO, MEDELLIN, ENVIGADO]
    links = [
        Link(key=100, first=1, second=12),
        Link(key=101, first=4, second=14),
        Link(key=102, first=2, second=12),
    ]

    # When at most two lines may be drawn, trying a cell too small to merge anything first
    few = draw_within(places, links, one_by_one=3, cells=(0.01, 10), most_lines=2)
    many = draw_within(places, links, one_by_one=2, cells=(0.01, 10), most_lines=2)

    # Then three partnerships are still drawn one by one up to the first limit, and beyond
    # it the 10-unit cell, the first to leave two lines, is used
    assert (few.cell, len(few.lines)) == (None, 3)
    assert (many.cell, len(many.lines)) == (10, 2)
