"""How large a figure's cell values show on a screen, and how narrow it may be shown."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DIGIT_HEIGHT = 0.73
"""Height of a digit in DejaVu Sans (matplotlib's default font), in ems: 1493 of 2048 units."""
MIN_DIGIT_PX = 7.0
"""Smallest height, in CSS pixels, at which a cell's digits may be shown (on a phone)."""


def cell_text_size(fig: Figure) -> float | None:
    """The font size of the smallest value written in a cell of ``fig``, in points.

    Cell values are the texts of axes that draw an array (an image), as
    :func:`show_matrix` writes them; titles, tick labels and operators are not.

    Parameters
    ----------
    fig : matplotlib Figure

    Returns
    -------
    float or None
        None when no cell of ``fig`` holds a value.

    Examples
    --------
    >>> from transposed_conv.plotting import show_matrix
    >>> ax = show_matrix([[1, 2], [3, 4]], fontsize=10)
    >>> cell_text_size(ax.figure)
    10.0
    """
    sizes = [
        float(t.get_fontsize())
        for ax in fig.axes
        if ax.images
        for t in ax.texts
        if t.get_visible() and t.get_text().strip()
    ]
    return min(sizes, default=None)


def min_display_width(cell_text: float | None, saved_width: int, *, dpi: float = 100) -> int:
    """The narrowest width, in CSS pixels, at which a figure's cell values stay legible.

    A figure saved ``saved_width`` pixels wide at ``dpi``, with cell text of
    ``cell_text`` points, shown ``w`` CSS pixels wide draws its digits
    ``DIGIT_HEIGHT * cell_text / 72 * dpi * w / saved_width`` pixels tall.
    This is the ``w`` at which that is ``MIN_DIGIT_PX``, at most
    ``saved_width`` (a figure is never shown larger than saved).

    Parameters
    ----------
    cell_text : float or None
        Size of the figure's smallest cell value, in points
        (:func:`cell_text_size`); None when its cells hold no values.
    saved_width : int
        Width of the saved image at ``dpi``, in pixels (the site shows it at
        that many CSS pixels where the column is wide enough).
    dpi : float, default 100
        The resolution it was saved at (its 1x image).

    Returns
    -------
    int
        0 when ``cell_text`` is None: such a figure may shrink freely.

    Examples
    --------
    >>> min_display_width(9, 650)  # 9 pt digits are 9.1 px tall at 1:1
    499
    >>> min_display_width(11, 650), min_display_width(5, 200), min_display_width(None, 650)
    (408, 200, 0)
    """
    if cell_text is None:
        return 0
    digit_px = DIGIT_HEIGHT * cell_text / 72 * dpi
    return min(saved_width, math.ceil(saved_width * MIN_DIGIT_PX / digit_px))
