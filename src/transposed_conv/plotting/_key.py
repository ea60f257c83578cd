"""The colour key: one short legend of the roles every figure draws."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._validation import choice
from ._matrices import KERNEL_ROUNDING
from ._style import (
    CELL_STYLES,
    MAX_WIDTH,
    MIN_FONTSIZE,
    PAGE_FILLED,
    ROLE_COLORS,
    _plt,
    signed_cmap,
)

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KEY_ROLES = (
    "input",
    "kernel",
    "output",
    "matrix",
    "neutral",
    "padding",
    "inserted zeros",
    "cropped",
    "signed",
)
"""The entries of the colour key, in order."""

_STRIPES = 25
"""Bands of the signed entry's swatch, negative end to positive; odd, so 0 has a band."""


def _label(role: str) -> str:
    if role == "signed":
        return "signed values: negative ← 0 → positive"
    if role == "neutral":
        return "other values"
    return f"{role} cells" if role == "cropped" else role


class _Gradient:
    """Legend handle of the signed entry: drawn as bands of the signed map."""


def _gradient_rectangles(x: float, y: float, width: float, height: float, **kw: Any) -> list[Any]:
    """Bands of the signed map filling the box ``(x, y, width, height)``, negative end first."""
    import numpy as np
    from matplotlib.patches import Rectangle

    cmap = signed_cmap()
    step = width / _STRIPES
    return [
        Rectangle((x + k * step, y), step, height, facecolor=cmap(v), linewidth=0, **kw)
        for k, v in enumerate(np.linspace(0.0, 1.0, _STRIPES))
    ]


class _GradientHandler:
    """Draws a :class:`_Gradient` handle in a legend."""

    def legend_artist(self, _legend: Any, _handle: Any, _fontsize: float, handlebox: Any) -> Any:
        """Fill the handle's box with the bands; matplotlib passes the other three."""
        x0, y0 = handlebox.xdescent, handlebox.ydescent
        bands = _gradient_rectangles(
            -x0, -y0, handlebox.width, handlebox.height, transform=handlebox.get_transform()
        )
        for band in bands:
            handlebox.add_artist(band)
        return bands[0]


class _RoundedHandler:
    """Draws the kernel's legend handle with rounded corners, as its cells are drawn."""

    def legend_artist(self, _legend: Any, handle: Any, _fontsize: float, handlebox: Any) -> Any:
        """A rounded box in the handle's place; matplotlib passes the other arguments."""
        from matplotlib.patches import FancyBboxPatch

        x0, y0 = handlebox.xdescent, handlebox.ydescent
        height = handlebox.height
        box = FancyBboxPatch(
            (-x0, -y0),
            handlebox.width,
            height,
            boxstyle=f"round,pad=0,rounding_size={KERNEL_ROUNDING * height * 1.5}",
            facecolor=handle.get_facecolor(),
            linewidth=0,
            transform=handlebox.get_transform(),
        )
        handlebox.add_artist(box)
        return box


class _Rounded:
    """Legend handle of the kernel: a patch drawn with rounded corners."""

    def __init__(self, facecolor: str) -> None:
        self.facecolor = facecolor

    def get_facecolor(self) -> str:
        """The fill, for the handler."""
        return self.facecolor

    def get_label(self) -> str:
        """No label of its own: the legend's labels are passed."""
        return ""


def _swatch(role: str) -> dict[str, Any]:
    """The key's patch style for ``role``: its colour, or its cell style's fill and hatch."""
    choice(role, "role", KEY_ROLES)
    if role == "signed":
        return {}
    if role in CELL_STYLES:  # the cropped cells' fill is the page's, as in the figures
        fill = "none" if role in PAGE_FILLED else CELL_STYLES[role]["facecolor"]
        return {**CELL_STYLES[role], "facecolor": fill, "linewidth": 0}
    return {"facecolor": ROLE_COLORS[role], "linewidth": 0}


def show_color_key(*, width: float = MAX_WIDTH, ncols: int = 3) -> Figure:
    """Draw the colour key: one swatch per role, labelled.

    The array roles (input, kernel, output, matrix, and grey for other values
    such as a window's products) show the middle of their colour map
    (:data:`ROLE_COLORS`; paler cells hold smaller values, darker ones larger;
    the kernel's swatch has rounded corners, as its cells); padding, inserted zeros and cropped cells show their styles
    of :data:`CELL_STYLES`; signed data (gradients, random kernels,
    differences) show the signed map (:func:`signed_cmap`) from its negative
    end to its positive one.

    Parameters
    ----------
    width : float, default :data:`MAX_WIDTH`
        Width of the figure, in inches.
    ncols : int, default 3
        Entries per row.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> fig = show_color_key()
    >>> labels = [t.get_text() for t in fig.legends[0].get_texts()]
    >>> labels[:5]
    ['input', 'kernel', 'output', 'matrix', 'other values']
    >>> labels[5:8]
    ['padding', 'inserted zeros', 'cropped cells']
    >>> labels[8]
    'signed values: negative ← 0 → positive'
    """
    plt = _plt()
    from matplotlib.patches import Patch

    rows = -(-len(KEY_ROLES) // ncols)
    fig: Figure = plt.figure(figsize=(min(width, MAX_WIDTH), 0.3 + 0.3 * rows))
    handles: list[Any] = [
        _Gradient()
        if name == "signed"
        else _Rounded(ROLE_COLORS[name])
        if name == "kernel"
        else Patch(**_swatch(name))
        for name in KEY_ROLES
    ]
    fig.legend(
        handles,
        [_label(name) for name in KEY_ROLES],
        loc="center",
        ncols=ncols,
        frameon=False,
        fontsize=MIN_FONTSIZE + 1,
        handlelength=2.2,
        handleheight=1.4,
        columnspacing=1.6,
        handler_map={_Gradient: _GradientHandler(), _Rounded: _RoundedHandler()},
    )
    return fig
