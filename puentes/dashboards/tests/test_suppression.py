"""Small-cell suppression: no count of 1 or 2 people can be read or worked out."""

import pytest

from puentes.dashboards.suppression import suppress, suppress_one


@pytest.mark.parametrize(
    ("cells", "shown", "total"),
    [
        ([5, 3, 0], (5, 3, 0), 8),  # nothing small
        ([4, 3, 0, 1], (4, None, 0, None), 8),  # the 1, and the smallest other to cover it
        ([5, 1, 1], (None, None, None), 7),  # two ones could be read off: one more hidden
        ([2, 2, 10], (None, None, None), 14),  # two twos likewise
        ([1, 2, 6], (None, None, 6), 9),  # 1 and 2 hidden: sum 3, which is which unknown
        ([1, 1, 1], (None, None, None), None),  # nothing left to hide: the total goes
        ([2, 0], (None, 0), None),  # a total of 2 is itself small
        ([0, 0], (0, 0), 0),  # a zero names nobody
    ],
)
def test_suppress_hides_small_cells_and_whatever_would_give_them_away(cells, shown, total):
    result = suppress(cells)
    assert result.cells == shown
    assert result.total == total


@pytest.mark.parametrize("cells", [[a, b, c] for a in range(6) for b in range(6) for c in range(6)])
def test_no_hidden_cell_of_one_or_two_can_be_recomputed_from_the_total(cells):
    result = suppress(cells)
    hidden = [i for i, v in enumerate(result.cells) if v is None]
    for i, value in enumerate(cells):
        if 0 < value < 3:
            assert result.cells[i] is None
    if result.total is not None and hidden:
        # a reader knows the hidden cells' sum; it must not pin them down
        assert len(hidden) >= 2
        assert sum(cells[i] for i in hidden) != len(hidden)


def test_a_lone_count_is_hidden_when_one_or_two():
    assert [suppress_one(n) for n in (0, 1, 2, 3)] == [0, None, None, 3]
