"""Small-cell suppression: no published figure lets a reader count fewer than 3 people.

Pure functions, no Django. A group is a set of cells that add up to a total (e.g. attendees by
role). The rule, applied to every group that counts people:

1. Primary: a cell of 1 or 2 people is hidden ("fewer than 3"). A cell of 0 names nobody and
   is shown.
2. Secondary: the hidden cells must not be recoverable from the total and the shown cells.
   While fewer than two cells are hidden, or the hidden cells could only be all ones (their
   sum equals their number), or only all twos, the smallest shown non-zero cell is hidden too.
3. If no cell is left to hide, the total is hidden instead; a total of 1 or 2 is always
   hidden.

Groups that count organisations or partnerships (not people) are not suppressed.
"""

from dataclasses import dataclass

SMALL = 3  # the smallest number of people a published cell may count


@dataclass(frozen=True)
class Suppressed:
    """The cells of a group with None for each hidden one, and the total (None if hidden)."""

    cells: tuple[int | None, ...]
    total: int | None


def _pinned(values: list[int], hidden: set[int]) -> bool:
    """Could a reader who knows the total and the shown cells work out the hidden ones?"""
    if not hidden:
        return False
    if len(hidden) == 1:
        return True
    amount = sum(values[i] for i in hidden)
    if amount == len(hidden):
        return True  # every hidden cell must be 1
    return amount == 2 * len(hidden) and all(values[i] < SMALL for i in hidden)


def suppress(values: list[int] | tuple[int, ...]) -> Suppressed:
    """Hide the small cells of a group whose total is the sum of its cells."""
    values = list(values)
    total = sum(values)
    if 0 < total < SMALL:
        return Suppressed(cells=tuple(None if v else 0 for v in values), total=None)
    hidden = {i for i, v in enumerate(values) if 0 < v < SMALL}
    total_hidden = False
    while _pinned(values, hidden):
        shown = [i for i, v in enumerate(values) if i not in hidden and v > 0]
        if not shown:
            total_hidden = True
            break
        hidden.add(min(shown, key=lambda i: (values[i], i)))
    cells = tuple(None if i in hidden else v for i, v in enumerate(values))
    return Suppressed(cells=cells, total=None if total_hidden else total)


def suppress_one(value: int) -> int | None:
    """A lone count of people (no group around it): hidden when 1 or 2."""
    return None if 0 < value < SMALL else value
