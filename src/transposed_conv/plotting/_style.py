"""What every figure shares: role colours, sizes, titles and cell text."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

ROLES: dict[str, str] = {
    "input": "Blues",
    "kernel": "Oranges",
    "output": "Greens",
    "matrix": "Purples",
    "neutral": "Greys",
}
"""Colour map of each role: the same role has the same colour on every page."""

ZERO_COLOR = "#e8e8e8"
"""Fill of inserted zeros (hatched ``//``)."""
PAD_COLOR = "#f6f0d8"
"""Fill of padding zeros (hatched ``..``)."""
HIGHLIGHT_COLOR = "#d62728"
"""Edge of highlight boxes."""
MAX_WIDTH = 7.2
"""Widest figure, in inches (matplotlib's gallery guide)."""


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


def _axes_inches(ax: Axes) -> tuple[float, float]:
    """Approximate size of ``ax`` in inches (before any layout engine runs)."""
    fig_w, fig_h = cast("Figure", ax.figure).get_size_inches()
    pos = ax.get_position()
    return fig_w * pos.width, fig_h * pos.height


def fit_title(ax: Axes, text: str, fontsize: float = 10) -> str:
    """Set ``text`` as the title of ``ax``, wrapped to the axes' width.

    Parameters
    ----------
    ax : matplotlib Axes
    text : str
    fontsize : float, default 10

    Returns
    -------
    str
        The title as set, with line breaks where it had to wrap.
    """
    width_in, _ = _axes_inches(ax)
    wrapped = _wrap(text, width_in, fontsize)
    ax.set_title(wrapped, fontsize=fontsize)
    return wrapped


def _wrap(text: str, width_in: float, fontsize: float) -> str:
    """Wrap ``text`` to ``width_in`` inches, never inside a parenthesised shape."""
    chars = max(8, int(width_in * 72 / (0.55 * fontsize)))
    if len(text) <= chars:
        return text
    glued = re.sub(r"\([^()]*\)", lambda m: m.group(0).replace(" ", "\u00a0"), text)
    return "\n".join(textwrap.wrap(glued, chars)).replace("\u00a0", " ")


def format_value(value: Any) -> str:
    """Text for one cell: integers plainly, other floats with up to 2 decimals.

    Examples
    --------
    >>> format_value(94), format_value(2.0), format_value(0.1875), format_value(-0.5)
    ('94', '2', '0.19', '-0.5')
    """
    v = float(value)
    if v.is_integer():
        return f"{int(v)}"
    return f"{v:.2f}".rstrip("0")


def shape_title(title: str, data: Any) -> str:
    """``title`` followed by the array's shape.

    Examples
    --------
    >>> shape_title("Input", np.zeros((4, 4)))
    'Input (4, 4)'
    """
    return f"{title} {tuple(int(n) for n in np.shape(data))}"
