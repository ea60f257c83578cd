"""The colour key: one short legend of the roles every figure draws."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._style import CELL_STYLES, MAX_WIDTH, MIN_FONTSIZE, ROLE_COLORS, _plt

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KEY_ROLES = ("input", "kernel", "output", "matrix", "padding", "inserted zeros", "cropped")
"""The entries of the colour key, in order."""


def show_color_key(*, width: float = MAX_WIDTH, ncols: int = 4) -> Figure:
    """Draw the colour key: one swatch per role, labelled.

    The array roles (input, kernel, output, matrix) show the middle of their
    colour map (:data:`ROLE_COLORS`; paler cells hold smaller values, darker
    ones larger); padding, inserted zeros and cropped cells show their styles
    of :data:`CELL_STYLES`.

    Parameters
    ----------
    width : float, default :data:`MAX_WIDTH`
        Width of the figure, in inches.
    ncols : int, default 4
        Entries per row.

    Returns
    -------
    matplotlib Figure

    Examples
    --------
    >>> fig = show_color_key()
    >>> [t.get_text() for t in fig.legends[0].get_texts()]
    ['input', 'kernel', 'output', 'matrix', 'padding', 'inserted zeros', 'cropped cells']
    """
    plt = _plt()
    from matplotlib.patches import Patch

    rows = -(-len(KEY_ROLES) // ncols)
    fig: Figure = plt.figure(figsize=(min(width, MAX_WIDTH), 0.3 + 0.3 * rows))
    handles = [
        Patch(
            facecolor=CELL_STYLES[name]["facecolor"],
            hatch=CELL_STYLES[name]["hatch"],
            edgecolor=CELL_STYLES[name]["edgecolor"],
            linewidth=0,
        )
        if name in CELL_STYLES
        else Patch(facecolor=ROLE_COLORS[name], linewidth=0)
        for name in KEY_ROLES
    ]
    labels = [f"{name} cells" if name == "cropped" else name for name in KEY_ROLES]
    fig.legend(
        handles,
        labels,
        loc="center",
        ncols=ncols,
        frameon=False,
        fontsize=MIN_FONTSIZE + 1,
        handlelength=2.2,
        handleheight=1.4,
        columnspacing=1.6,
    )
    return fig
