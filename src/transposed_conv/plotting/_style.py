"""What every figure shares: role colours, sizes, titles and cell text."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import numpy.typing as npt

ROLES: dict[str, str] = {
    "input": "Blues",
    "kernel": "Oranges",
    "output": "Greens",
    "matrix": "Purples",
    "neutral": "Greys",
}
"""Colour map of each role: the same role has the same colour on every page."""

ROLE_COLORS: dict[str, str] = {
    "input": "#6aaed6",  # Blues at 0.5
    "kernel": "#fda762",  # Oranges at 0.4
    "output": "#077331",  # Greens at 0.85 (much darker than the kernel: they differ in lightness)
    "matrix": "#61409b",  # Purples at 0.8 (darker than the input, for the same reason)
    "neutral": "#888888",  # Greys at 0.55: values of no role (a window's products)
    "padding": "#f2e3a6",
    "inserted zeros": "#c8c8c8",
    "cropped": "#ffffff",
}
"""The swatch of each role in the colour key (:func:`show_color_key`), in the key's order.

``"neutral"`` is for values that are none of the roles (the products of a
window and the kernel are not kernel values). Blue and purple, orange and
green meet under colour blindness, so the pairs differ in lightness too; the tests check every pair under
deuteranopia and protanopia. The kernel and the output also differ in shape:
the kernel's cells have rounded corners.
"""

LINE_COLORS: dict[str, str] = {
    "input": "#2e7ebc",  # Blues at 0.7
    "kernel": "#e25508",  # Oranges at 0.7
    "output": "#2f974e",  # Greens at 0.7
    "matrix": "#7b74b5",  # Purples at 0.65
    "neutral": "#7a7a7a",  # Greys at 0.6
}
"""The colour of a line of each role (:func:`show_lines`): the role's map where a line
contrasts at least 3:1 with a white page and with the site's dark one (#14181e)."""

CELL_STYLES: dict[str, dict[str, str]] = {
    "padding": {"facecolor": ROLE_COLORS["padding"], "hatch": "..", "edgecolor": "#7a6a2e"},
    "inserted zeros": {
        "facecolor": ROLE_COLORS["inserted zeros"],
        "hatch": "//",
        "edgecolor": "#5a5a5a",
    },
    "cropped": {"facecolor": ROLE_COLORS["cropped"], "hatch": "xx", "edgecolor": "#9a9a9a"},
}
"""Fill, hatch and hatch colour of cells that are not the data: padding zeros,
inserted zeros, and cropped cells (which hold values that are cut away)."""

PAGE_FILLED = ("cropped",)
"""Cell styles drawn with a transparent fill, so the page shows: white on a light page, as
:data:`CELL_STYLES` says, and the page in the site's dark mode, where a white fill would be the
brightest thing in a figure (cells that are thrown away must recede)."""
PAGE_INK = "#7b7b7b"
"""Text on cells the page shows through (cropped cells, 0 on the signed map): the grey whose
contrast is the same on a white page and on the site's dark one (#14181e), 4.2:1."""
ZERO_COLOR = ROLE_COLORS["inserted zeros"]
"""Fill of inserted zeros (hatched ``//``)."""
PAD_COLOR = ROLE_COLORS["padding"]
"""Fill of padding zeros (hatched ``..``)."""
HIGHLIGHT_COLOR = "black"
"""Edge of highlight boxes: black with a white inner line, visible on every role's colour."""
SIGNED_CMAP = "magenta_gold"
"""Diverging map of signed data (gradients, differences), centred on 0: magenta below 0,
gold above (:func:`signed_cmap`)."""
# Why magenta and gold. Blue is the input's colour on every page (and RdBu's blue half read
# as "input"), orange the kernel's, green the output's, purple the matrix's. A map that stays
# apart for readers with deuteranopia or protanopia must differ along what they still see, blue
# against yellow, and in lightness; of the hues they see as bluish, magenta (CAM02 hue 340) lies
# in the widest gap of the role hues (matrix purple 291 .. kernel orange 58), and of the
# yellowish ones a dark ochre-gold (hue 80) between the kernel's orange (58) and the padding's
# straw (94), darker than both. Both halves have the same lightness steps (CAM02-UCS J 28, 45,
# 70, then 96 at 0), so equal magnitudes look equally strong, and both ends are dark enough for
# white digits. The gold half is a greyish sand until it is darker than the straw (its pale
# third was a pale tan as close as 6 to the straw, which means padding): small positive values
# stay 12 or more from the straw, also under deuteranopia and protanopia. Measured in CAM02-UCS
# (tests/test_plotting.py): no colour of the map is within 30 of the input's blue (RdBu_r: 1)
# or within 20 of the matrix's purple; its nearest approach to a role is the pale sand near 0
# to the kernel's orange (14); its ends are 33 apart under deuteranopia and 38 under
# protanopia (RdBu_r: 33 and 24). In the cells (:func:`show_matrix`) 0 is the page, not the
# map's white: on the site's dark page a white 0 was the brightest colour of a figure.
_SIGNED_ANCHORS = ("#833b6f", "#be5ea2", "#e7aad0", "#f7f7f7", "#ccbcab", "#aa7a0e", "#745000")
TINT = 0.15
"""Where the single-hue maps start: the smallest value is a visible tint, not white."""
MAX_WIDTH = 6.5
"""Widest figure, in inches: at the 100 dpi the site saves at, the 656 px text column."""
MIN_FONTSIZE = 9.0
"""Smallest cell text, in points; matrices too big for it show a colour bar instead."""


def _plt() -> Any:
    import matplotlib.pyplot as plt

    return plt


def _as_2d(data: Any) -> npt.NDArray[Any]:
    arr = np.asarray(data)
    if arr.ndim == 1:
        arr = arr[None, :]
    if arr.ndim != 2:
        msg = f"data must be 1-D or 2-D, got shape {arr.shape}"
        raise ValueError(msg)
    if arr.dtype.kind not in "biuf":
        msg = f"data must be numeric, got dtype {arr.dtype}"
        raise TypeError(msg)
    return arr


def _text_width(text: str, fontsize: float) -> float:
    """Width of ``text`` in inches at ``fontsize``, as matplotlib lays it out."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    size = FontProperties(size=fontsize)
    return float(text_to_path.get_text_width_height_descent(text, size, ismath=False)[0]) / 72


def _wrap(text: str, width: float, fontsize: float) -> str:
    """``text`` with line breaks between words so each line is at most ``width`` inches.

    A word wider than ``width`` gets a line of its own; a shape or a slice in
    brackets, ``(16, 1)`` or ``[0:3, 0:3]``, is one word.
    """
    lines: list[str] = []
    for word in re.findall(r"\S*\([^)]*\)\S*|\S*\[[^\]]*\]\S*|\S+", text):
        if lines and _text_width(f"{lines[-1]} {word}", fontsize) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def format_value(value: Any) -> str:
    """Text for one cell: two significant digits, exact where a short form is exact.

    Integers are written plainly and values of 10 or more rounded to integers.
    A value that an exact decimal of up to four characters writes (1.25) gets
    it; a value below 1 that is a fraction with a denominator up to 64 is written
    as that fraction (the bilinear kernel's 0.0625, 0.1875 and 0.5625 read 1/16,
    3/16 and 9/16, and still add up to 1 on the page); others keep two
    significant digits.

    Examples
    --------
    >>> format_value(94), format_value(2.0), format_value(0.25), format_value(-0.5)
    ('94', '2', '0.25', '-0.5')
    >>> format_value(0.1875), format_value(-0.0625), format_value(-0.1634), format_value(74.6)
    ('3/16', '-1/16', '-0.16', '75')
    >>> format_value(1.25), format_value(1.5625)
    ('1.25', '1.6')
    """
    v = float(value)
    if v.is_integer():
        return f"{int(v)}"
    if abs(v) >= 10:
        return f"{round(v)}"
    for digits in (2, 3):
        text = f"{v:.{digits}g}"
        if "e" not in text and float(text) == v and len(text.lstrip("-")) <= 4:
            return text
    exact = Fraction(v).limit_denominator(64)
    if abs(v) < 1 and float(exact) == v:
        return f"{exact.numerator}/{exact.denominator}"
    short = f"{v:.2g}"
    return short if "e" not in short else f"{v:.2f}"


def value_formatter(values: Any) -> Callable[[Any], str]:
    """One format for every cell of a figure: fractions or decimals, never both.

    :func:`format_value` picks the shortest exact text for each value alone, so
    one figure could show ``9/16`` beside ``1.1`` and ``1.25`` beside ``1.7``.
    This picks one format from all of the figure's ``values``: integers are
    written plainly, values of 10 or more rounded to integers, and the other
    values all as fractions (when every one of them is below 1 in size, an exact
    fraction with a denominator up to 64, and not all are short decimals: the
    bilinear kernel's 1/64, 3/64, 9/64 add up on the page) or else all as
    decimals with the same number of places: enough for two significant digits
    of the smallest, or for the exact value where two places write it, at most 3.

    Parameters
    ----------
    values : array_like
        Every value the figure writes in a cell.

    Returns
    -------
    callable
        Value to text.

    Examples
    --------
    >>> fmt = value_formatter([0.5625, 1.6875, 1.25, 3.0])
    >>> [fmt(v) for v in (0.5625, 1.6875, 1.25, 3.0, 0.1)]
    ['0.56', '1.69', '1.25', '3', '0.10']
    >>> fmt = value_formatter(np.outer([1, 3], [1, 3]) / 16)
    >>> [fmt(v) for v in (0.0625, 0.1875, 0.5625, 0.5, 1.0)]
    ['1/16', '3/16', '9/16', '1/2', '1']
    """
    arr = np.asarray(values, dtype=float).ravel()
    small = [float(v) for v in arr if np.isfinite(v) and not float(v).is_integer() and abs(v) < 10]
    if not small:
        return format_value

    def exact_fraction(v: float) -> bool:
        return abs(v) < 1 and float(Fraction(v).limit_denominator(64)) == v

    def short_decimal(v: float) -> bool:
        return any(float(f"{v:.{d}f}") == v for d in (1, 2))

    if all(exact_fraction(v) for v in small) and not all(short_decimal(v) for v in small):

        def as_fraction(value: Any) -> str:
            v = float(value)
            if v.is_integer() or abs(v) >= 10:
                return format_value(v)
            exact = Fraction(v).limit_denominator(64)
            return f"{exact.numerator}/{exact.denominator}"

        return as_fraction

    def places(v: float) -> int:
        exact = next((d for d in (1, 2) if float(f"{v:.{d}f}") == v), None)
        two_digits = max(1, 1 - int(np.floor(np.log10(abs(v)))))
        return min(3, exact if exact is not None else two_digits)

    digits = max(places(v) for v in small)

    def as_decimal(value: Any) -> str:
        v = float(value)
        if v.is_integer() or abs(v) >= 10:
            return format_value(v)
        text = str(Decimal(repr(v)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP))
        return (
            "0" + text[text.index(".") :] if text.startswith("-0.") and float(text) == 0 else text
        )

    return as_decimal


def role_cmap(role: str) -> Any:
    """The colour map of ``role``, starting at a visible tint instead of white.

    Parameters
    ----------
    role : str
        A key of :data:`ROLES`.

    Returns
    -------
    matplotlib.colors.Colormap
        Named after the map it is cut from (``"Greens"``).

    Examples
    --------
    >>> cmap = role_cmap("output")
    >>> cmap.name, cmap(0.0) != (1.0, 1.0, 1.0, 1.0)
    ('Greens', True)
    """
    from matplotlib import colormaps
    from matplotlib.colors import ListedColormap

    if role not in ROLES:
        msg = f"role must be one of {sorted(ROLES)}, got {role!r}"
        raise ValueError(msg)
    base = colormaps[ROLES[role]]
    return ListedColormap(base(np.linspace(TINT, 1.0, 256)), name=ROLES[role])


def signed_cmap() -> Any:
    """The diverging map of signed data, :data:`SIGNED_CMAP`: magenta, white at 0, gold.

    Registered with matplotlib under its name on first use, so
    ``cmap=SIGNED_CMAP`` works too.

    Returns
    -------
    matplotlib.colors.Colormap

    Examples
    --------
    >>> import matplotlib.colors
    >>> cmap = signed_cmap()
    >>> cmap.name, matplotlib.colors.to_hex(cmap(0.5))  # an odd number of levels: 0 is one
    ('magenta_gold', '#f7f7f7')
    """
    from matplotlib import colormaps
    from matplotlib.colors import LinearSegmentedColormap

    if SIGNED_CMAP not in colormaps:
        cmap = LinearSegmentedColormap.from_list(SIGNED_CMAP, _SIGNED_ANCHORS, N=257)
        colormaps.register(cmap)
    return colormaps[SIGNED_CMAP]


def shape_title(title: str, data: Any) -> str:
    """``title`` followed by the array's shape.

    Examples
    --------
    >>> shape_title("Input", np.zeros((4, 4)))
    'Input (4, 4)'
    """
    return f"{title} {tuple(int(n) for n in np.shape(data))}"
