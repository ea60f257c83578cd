"""The colour key: one short legend of the roles every figure draws."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._style import CELL_STYLES, MAX_WIDTH, MIN_FONTSIZE, ROLE_COLORS, _plt

if TYPE_CHECKING:
    from matplotlib.figure import Figure

KEY_ROLES = ("input", "kernel", "output", "matrix", "padding", "inserted zeros", "cropped")
"""The entries of the colour key, in order."""


def _label(role: str) -> str:
    return f"{role} cells" if role == "cropped" else role


def _swatch(role: str) -> dict[str, Any]:
    """The key's patch style for ``role``: its colour, or its cell style's fill and hatch."""
    if role not in KEY_ROLES:
        msg = f"role must be one of {list(KEY_ROLES)}, got {role!r}"
        raise ValueError(msg)
    if role in CELL_STYLES:
        return {**CELL_STYLES[role], "linewidth": 0}
    return {"facecolor": ROLE_COLORS[role], "linewidth": 0}


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
    fig.legend(
        [Patch(**_swatch(name)) for name in KEY_ROLES],
        [_label(name) for name in KEY_ROLES],
        loc="center",
        ncols=ncols,
        frameon=False,
        fontsize=MIN_FONTSIZE + 1,
        handlelength=2.2,
        handleheight=1.4,
        columnspacing=1.6,
    )
    return fig


def color_key_swatch(role: str, *, size: tuple[float, float] = (0.32, 0.22)) -> Figure:
    """Draw one entry of the colour key alone: its swatch, filling the figure.

    The site's colour key is an HTML list (its text wraps on a phone and
    follows the reader's font size) whose swatches are these figures, drawn
    with the same patches as :func:`show_color_key`.

    Parameters
    ----------
    role : str
        One of ``'input'``, ``'kernel'``, ``'output'``, ``'matrix'``,
        ``'padding'``, ``'inserted zeros'``, ``'cropped'``.
    size : (float, float), default (0.32, 0.22)
        Width and height of the swatch, in inches.

    Returns
    -------
    matplotlib Figure
        Its label (``fig.get_label()``) is the entry's text in the key.

    Raises
    ------
    ValueError
        If ``role`` is not an entry of the key.

    Examples
    --------
    >>> fig = color_key_swatch("cropped")
    >>> fig.get_label(), fig.patches[0].get_hatch()
    ('cropped cells', 'xx')
    """
    from matplotlib.patches import Rectangle

    style = _swatch(role)
    fig: Figure = _plt().figure(figsize=size, label=_label(role))
    fig.patches.append(Rectangle((0, 0), 1, 1, transform=fig.transFigure, figure=fig, **style))
    return fig
