"""Splitting a computation into chunks that each fit a memory budget."""

from __future__ import annotations

import math

COLUMN_BYTES = 16 * 2**20
"""Most bytes of columns or tap products a convolution makes at once (unless its output is
larger, for the transposed convolution: then the output's size)."""


def runs(total: int, most: int) -> list[slice]:
    """``range(total)`` as runs of nearly equal length, each at most ``most`` long (or 1)."""
    parts = -(-total // max(most, 1))
    return [slice(total * i // parts, total * (i + 1) // parts) for i in range(parts)]


def blocks(shape: tuple[int, ...], unit: int, budget: int) -> list[tuple[slice, ...]]:
    """Cover an array of ``shape`` with blocks of at most ``budget`` bytes, ``unit`` per element.

    The leading axis is split first: whole runs of it while one index of it
    fits the budget, else one index at a time with the next axis split the
    same way. A single element is the smallest block, whatever its size.
    """
    inner = unit * math.prod(shape[1:])
    if inner <= budget or len(shape) == 1:
        rest = (slice(None),) * (len(shape) - 1)
        return [(run, *rest) for run in runs(shape[0], budget // max(inner, 1))]
    return [
        (slice(i, i + 1), *tail)
        for i in range(shape[0])
        for tail in blocks(shape[1:], unit, budget)
    ]
