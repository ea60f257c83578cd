"""How large the site shows figure text: the one source of the legibility rules.

Why: cell digits are pixels of a figure's images; the page decides how large they are
shown. The figure scraper (``figure_html.py``) keeps each panel's images above these
sizes, and the browser check (tests/browser/figures.py) measures them on the built pages.
"""

from __future__ import annotations

import math

DIGIT_HEIGHT = 0.73
"""Height of a digit of DejaVu Sans, matplotlib's default font, in ems (1493 of 2048 units)."""
SAVED_DPI = 100
"""Pixels per inch of a figure at its 1x size: a figure 6.5 in wide is 650 CSS px."""
DPI_2X = 2 * SAVED_DPI
"""Pixels per inch of the images the site serves: twice their 1x size, sharp on phones."""
MIN_DIGIT_PX = {320: 7.0, 390: 7.0, 1280: 9.0}
"""Smallest height of a cell's digits, in CSS px, at each width the site is checked at."""
PHONE_DIGIT_PX = min(MIN_DIGIT_PX.values())
"""The smallest of them: an image may never be shown smaller than this keeps."""
MIN_LABEL_PX = 9.0
"""Smallest text of a figure (titles, numbers, axis labels) at 390 px, in CSS px."""
PHONE_COLUMN = 288
"""Width of the text column at 320 px, in CSS px: every panel must fit it."""


def digit_px(fontsize: float) -> float:
    """Height in CSS px of the digits of ``fontsize``-point text shown at 1x.

    >>> round(digit_px(9), 2)
    9.12
    """
    return DIGIT_HEIGHT * fontsize / 72 * SAVED_DPI


def min_width(fontsize: float, width: float) -> int:
    """Narrowest width, in CSS px, at which an image ``width`` px wide at 1x keeps its digits.

    Its ``fontsize``-point digits stay :data:`PHONE_DIGIT_PX` tall; at most ``width``.

    >>> min_width(9, 300), min_width(14, 300)
    (231, 148)
    """
    return min(math.ceil(width), math.ceil(width * PHONE_DIGIT_PX / digit_px(fontsize)))
