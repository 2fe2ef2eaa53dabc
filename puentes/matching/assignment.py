"""The two searches over a score matrix: the best set of pairs, and each row's best columns.

Pure numpy and scipy, no Django; `engine.match` is the caller.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from scipy.optimize import linear_sum_assignment

ROW_BLOCK = 256  # rows handled at once when ranking partners: bounds the temporary arrays


def optimal_pairs(
    scores: np.ndarray,
    allowed: np.ndarray,
    *,
    rows: np.ndarray,
    cols: np.ndarray,
    col_groups: np.ndarray,
    caps: Mapping[int, int],
) -> list[tuple[int, int]]:
    """The set of allowed, positive (row, col) pairs among `rows` × `cols` with the highest
    total, using at most ``caps[g]`` columns of each group ``g`` (``col_groups[col]``).

    A best *partial* matching is a best *full* assignment of the matrix in which forbidden and
    non-positive pairs are worth 0, with those zero pairs dropped afterwards: leaving two
    candidates unmatched and pairing them at 0 come to the same total.
    """
    if len(rows) == 0 or len(cols) == 0:
        return []
    gain = scores[np.ix_(rows, cols)]
    gain[~allowed[np.ix_(rows, cols)]] = 0.0
    np.maximum(gain, 0.0, out=gain)
    idle = _forced_idle(col_groups[cols], caps, len(rows))
    picked_rows, picked_cols = _assign(_costs(gain, idle), len(rows), len(cols))
    keep = gain[picked_rows, picked_cols] > 0
    return [
        (int(rows[r]), int(cols[c]))
        for r, c in zip(picked_rows[keep], picked_cols[keep], strict=True)
    ]


def _forced_idle(groups: np.ndarray, caps: Mapping[int, int], n_rows: int) -> list[np.ndarray]:
    """For each column that a cap forces to stay idle, the group's columns it may be.

    A cap binds only when it is below both the group's size and the number of rows.
    """
    idle = []
    for group, cap in sorted(caps.items()):
        members = np.flatnonzero(groups == group)
        if cap < min(len(members), n_rows):
            idle.extend([members] * (len(members) - cap))
    return idle


def _costs(gain: np.ndarray, idle: list[np.ndarray]) -> np.ndarray:
    """The cost matrix to minimise: the negated gains, and the caps kept by dummy rows.

    A group of n columns capped at c gets n − c dummy rows that must each take one of the
    group's columns (cost 0 there, impossible elsewhere), so at most c of them are left for
    the real rows. Filler columns (worth 0 to real rows) let every row, dummy or real, be
    assigned.
    """
    if not idle:
        return np.negative(gain)
    n_rows, n_cols = gain.shape
    fillers = max(0, n_rows + len(idle) - n_cols)
    cost = np.full((n_rows + len(idle), n_cols + fillers), np.inf)
    np.negative(gain, out=cost[:n_rows, :n_cols])
    cost[:n_rows, n_cols:] = 0.0
    for dummy, members in enumerate(idle, start=n_rows):
        cost[dummy, members] = 0.0
    return cost


def _assign(cost: np.ndarray, n_rows: int, n_cols: int) -> tuple[np.ndarray, np.ndarray]:
    """A least-cost assignment, as (row, col) positions within the first rows and columns.

    Subtracting a constant from a row changes every assignment's total alike when every row
    is assigned (no more rows than columns), and so does one from a column when every column
    is. scipy's solver finds the answer a third to a half faster on the benchmark's
    instances from a matrix so reduced that each row's and column's minimum is 0: the first
    steps of the Hungarian method, rows first.
    """
    if cost.shape[0] <= cost.shape[1]:
        cost -= cost.min(axis=1, keepdims=True)
    if cost.shape[0] >= cost.shape[1]:
        cost -= cost.min(axis=0, keepdims=True)
    picked_rows, picked_cols = linear_sum_assignment(cost)
    real = (picked_rows < n_rows) & (picked_cols < n_cols)
    return picked_rows[real], picked_cols[real]


def best_partners(
    scores: np.ndarray, allowed: np.ndarray, *, exclude: np.ndarray, k: int
) -> list[list[int]]:
    """For each row, up to `k` allowed columns with a positive score, best first, ties by
    column; ``exclude[row]`` (a column, or -1) is left out (the row's own partner)."""
    n_rows, n_cols = scores.shape
    k = min(k, n_cols)
    if k == 0:
        return [[] for _ in range(n_rows)]
    best: list[list[int]] = []
    for start in range(0, n_rows, ROW_BLOCK):
        stop = min(start + ROW_BLOCK, n_rows)
        block = np.where(
            allowed[start:stop] & (scores[start:stop] > 0), scores[start:stop], -np.inf
        )
        own = np.flatnonzero(exclude[start:stop] >= 0)
        block[own, exclude[start:stop][own]] = -np.inf
        best.extend(_top_k(block, k))
    return best


def _top_k(block: np.ndarray, k: int) -> list[list[int]]:
    """Each row's k largest finite entries, largest first and, among equals, lowest column
    first: the same answer whatever the partition algorithm does with ties."""
    n_cols = block.shape[1]
    kth = np.partition(block, n_cols - k, axis=1)[:, n_cols - k][:, None]
    above = block > kth
    ties = block == kth
    room = k - above.sum(axis=1, keepdims=True)
    chosen = above | (ties & (np.cumsum(ties, axis=1) <= room))
    chosen &= np.isfinite(block)
    result = []
    for row, columns in zip(block, (np.flatnonzero(c) for c in chosen), strict=True):
        values = row[columns]
        result.append(columns[np.lexsort((columns, -values))].tolist())
    return result
