"""Matrices and panels: coloured cells with their values, side by side."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .._transpose import insert_zeros, pad_or_crop
from ._style import (
    HIGHLIGHT_COLOR,
    MAX_WIDTH,
    PAD_COLOR,
    ROLES,
    ZERO_COLOR,
    _as_2d,
    _axes_inches,
    _plt,
    _wrap,
    fit_title,
    format_value,
    shape_title,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@dataclass
class Panel:
    """One array to draw in :func:`show_panels`.

    Attributes
    ----------
    data : array_like
        1-D (drawn as a row) or 2-D.
    title : str
        Name of the array; its shape is appended.
    role : str
        A key of :data:`ROLES`.
    inserted, padded : array_like of bool, optional
        Cells that are inserted zeros or padding, drawn hatched in grey/cream.
    """

    data: Any
    title: str
    role: str = "input"
    inserted: Any = None
    padded: Any = None


def show_matrix(
    data: Any,
    *,
    ax: Axes | None = None,
    title: str = "",
    role: str = "input",
    values: bool = True,
    inserted: Any = None,
    padded: Any = None,
    fontsize: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
) -> Axes:
    """Draw a matrix as coloured cells with its values written in them.

    Parameters
    ----------
    data : (n,) or (rows, cols) array_like
        The values. A 1-D array is drawn as one row.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.
    title : str
        Name of the array; the shape is appended (``"Input (4, 4)"``).
    role : str, default 'input'
        One of :data:`ROLES`: sets the colour map.
    values : bool, default True
        Write each value in its cell.
    inserted, padded : array_like of bool, optional
        Masks of inserted zeros and of padding, drawn as hatched grey and
        cream cells instead of the colour map.
    fontsize : float, optional
        Size of the cell text; by default it fits the cells.
    vmin, vmax : float, optional
        Ends of the colour scale; by default the data's own range (pass them
        to keep colours comparable across the frames of an animation).

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    The colour runs from the smallest to the largest value of ``data`` (the
    seed notebook fixed it to 0..1, so every cell looked the same). Text is
    white on dark cells and black on light ones.

    Examples
    --------
    >>> ax = show_matrix([[6, 3], [2, 5]], title="Input")
    >>> ax.get_title()
    'Input (2, 2)'
    >>> [t.get_text() for t in ax.texts]
    ['6', '3', '2', '5']
    """
    plt = _plt()
    from matplotlib.colors import Normalize
    from matplotlib.patches import Rectangle

    if role not in ROLES:
        msg = f"role must be one of {sorted(ROLES)}, got {role!r}"
        raise ValueError(msg)
    arr = _as_2d(data)
    if ax is None:
        _, ax = plt.subplots(
            figsize=(min(MAX_WIDTH, 1 + 0.45 * arr.shape[1]), 1 + 0.45 * arr.shape[0])
        )
    rows, cols = arr.shape
    special = np.zeros(arr.shape, dtype=bool)
    masks = []
    for mask, color, hatch in ((inserted, ZERO_COLOR, "//"), (padded, PAD_COLOR, "..")):
        if mask is not None:
            m = np.broadcast_to(_as_2d(mask).astype(bool), arr.shape)
            special |= m
            masks.append((m, color, hatch))
    plain = arr[~special] if special.any() else arr.ravel()
    lo, hi = (float(plain.min()), float(plain.max())) if plain.size else (0.0, 1.0)
    lo, hi = (lo if vmin is None else vmin), (hi if vmax is None else vmax)
    norm = Normalize(vmin=lo, vmax=hi if hi > lo else lo + 1)
    cmap = plt.get_cmap(ROLES[role])
    shown = np.ma.masked_array(arr.astype(float), mask=special)
    ax.imshow(shown, cmap=cmap, norm=norm, aspect="equal", interpolation="nearest")
    for m, color, hatch in masks:
        for r, c in zip(*np.nonzero(m), strict=True):
            ax.add_patch(
                Rectangle(
                    (c - 0.5, r - 0.5),
                    1,
                    1,
                    facecolor=color,
                    hatch=hatch,
                    edgecolor="#b0b0b0",
                    lw=0,
                )
            )
    if values:
        texts = [format_value(v) for v in arr.ravel()]
        if fontsize is None:
            # a cell is min(width/cols, height/rows) inches; fill about 70 % of it
            w_in, h_in = _axes_inches(ax)
            cell_pt = 72 * min(w_in / cols, h_in / rows)
            longest = max(len(t) for t in texts)
            fontsize = min(11.0, 0.7 * cell_pt / max(1.0, 0.6 * longest), 0.55 * cell_pt)
        for ((r, c), v), text in zip(np.ndenumerate(arr), texts, strict=True):
            dark = not special[r, c] and norm(float(v)) > 0.6
            ax.text(
                c,
                r,
                text,
                ha="center",
                va="center",
                fontsize=fontsize,
                color="white" if dark else "black",
            )
    ax.set_xticks(np.arange(cols), labels=[str(i) for i in range(cols)], fontsize=7)
    ax.set_yticks(np.arange(rows), labels=[str(i) for i in range(rows)], fontsize=7)
    ax.set_xticks(np.arange(-0.5, cols), minor=True)
    ax.set_yticks(np.arange(-0.5, rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fit_title(ax, shape_title(title, np.asarray(data)) if title else "")
    return ax


def highlight(
    ax: Axes,
    rows: Any,
    cols: Any,
    *,
    color: str = HIGHLIGHT_COLOR,
    label: str | None = None,
) -> Any:
    """Draw a box around a block of cells drawn by :func:`show_matrix`.

    Parameters
    ----------
    ax : matplotlib Axes
    rows, cols : slice or (start, stop) pair
        The block, half-open like Python slices; an int is one row/column.
    color : str
        Edge colour.
    label : str, optional
        Legend label of the box.

    Returns
    -------
    matplotlib.patches.Rectangle

    Examples
    --------
    >>> ax = show_matrix(np.arange(16).reshape(4, 4), title="Input")
    >>> box = highlight(ax, slice(0, 3), slice(0, 3))
    >>> box.get_xy(), box.get_width(), box.get_height()
    ((-0.5, -0.5), 3, 3)
    """
    from matplotlib.patches import Rectangle

    (r0, r1), (c0, c1) = _span(rows, "rows"), _span(cols, "cols")
    box = Rectangle(
        (c0 - 0.5, r0 - 0.5),
        c1 - c0,
        r1 - r0,
        fill=False,
        edgecolor=color,
        linewidth=3,
        label=label,
        zorder=5,
    )
    ax.add_patch(box)
    return box


def _span(value: Any, name: str) -> tuple[int, int]:
    if isinstance(value, slice):
        if value.start is None or value.stop is None or value.step not in (None, 1):
            msg = f"{name} must be a slice with start and stop and step 1, got {value!r}"
            raise ValueError(msg)
        start, stop = value.start, value.stop
    elif isinstance(value, int | np.integer):
        start, stop = int(value), int(value) + 1
    else:
        start, stop = value
    if stop <= start:
        msg = f"{name} must span at least one cell, got {value!r}"
        raise ValueError(msg)
    return int(start), int(stop)


def show_panels(
    panels: Sequence[Panel],
    *,
    title: str,
    operators: Sequence[str] | None = None,
    ncols: int | None = None,
    width: float | None = None,
) -> tuple[Figure, list[Axes]]:
    """Draw arrays side by side, optionally with operators between them.

    Parameters
    ----------
    panels : sequence of Panel
        The arrays, left to right (then top to bottom when ``ncols`` wraps).
    title : str
        A sentence saying what the figure shows; the figure's suptitle and,
        on the site, the image's alt text.
    operators : sequence of str, optional
        ``len(panels) - 1`` symbols or words drawn between the panels (e.g.
        ``"⋆"``, ``"="``), each in a narrow column of its own. One row only.
    ncols : int, optional
        Panels per row; by default all panels share one row.
    width : float, optional
        Figure width in inches, at most :data:`MAX_WIDTH` (the default).

    Returns
    -------
    fig : matplotlib Figure
    axes : list of matplotlib Axes
        One per panel, in order.

    Examples
    --------
    >>> fig, axes = show_panels(
    ...     [Panel([[1, 2]], "Input"), Panel([[3]], "Kernel", "kernel")],
    ...     title="An input and a kernel",
    ... )
    >>> fig.get_suptitle()
    'An input and a kernel'
    >>> [ax.get_title() for ax in axes]
    ['Input (1, 2)', 'Kernel (1, 1)']
    """
    plt = _plt()
    if not panels:
        msg = "panels must not be empty"
        raise ValueError(msg)
    cols = len(panels) if ncols is None else ncols
    if cols < 1:
        msg = f"ncols must be positive, got {ncols!r}"
        raise ValueError(msg)
    if operators is not None:
        if len(operators) != len(panels) - 1:
            msg = f"operators must have {len(panels) - 1} entries, got {len(operators)}"
            raise ValueError(msg)
        if cols < len(panels):
            msg = "operators need all panels in one row (ncols=None)"
            raise ValueError(msg)
    rows = -(-len(panels) // cols)
    shapes = [_as_2d(p.data).shape for p in panels]
    op_w = 0.9 if operators else 0.0
    col_w = [max(s[1] for s in shapes[c::cols]) for c in range(cols)]
    ratios: list[float] = []
    for c, w in enumerate(col_w):
        ratios += [w] if c == 0 or not operators else [op_w, w]
    fig_w = min(MAX_WIDTH, width or MAX_WIDTH)
    cell = min(0.55, fig_w / (sum(ratios) + 1.0 * cols))
    row_h = [max(s[0] for s in shapes[r * cols : (r + 1) * cols]) for r in range(rows)]
    fig_h = sum(cell * h + 0.9 for h in row_h) + 0.5
    fig, grid = plt.subplots(
        rows,
        len(ratios),
        figsize=(fig_w, fig_h),
        gridspec_kw={"width_ratios": ratios, "height_ratios": [h + 2 for h in row_h]},
        squeeze=False,
        layout="constrained",
    )
    step = 2 if operators else 1
    axes = [grid[k // cols, (k % cols) * step] for k in range(len(panels))]
    for ax, p in zip(axes, panels, strict=True):
        show_matrix(p.data, ax=ax, title=p.title, role=p.role, inserted=p.inserted, padded=p.padded)
    for k in range(len(panels), rows * cols):
        grid[k // cols, (k % cols) * step].set_axis_off()
    for c, op in enumerate(operators or []):
        ax = grid[0, 2 * c + 1]
        ax.set_axis_off()
        size = 26 if len(op) == 1 else 12  # a lone symbol must read as large as a word
        ax.text(0.5, 0.5, op, ha="center", va="center", fontsize=size, transform=ax.transAxes)
    fig.suptitle(_wrap(title, fig_w, 11), fontsize=11)
    return fig, axes


def framed_panel(
    x: Any,
    title: str,
    *,
    stride: Any = 1,
    pad_width: Any = None,
    role: str = "input",
) -> Panel:
    """A :class:`Panel` of ``x`` with zeros inserted and padding (or a crop) applied, masks set.

    Parameters
    ----------
    x : (n,) or (H, W) array_like
    title : str
    stride : int or tuple of ints, default 1
        ``stride - 1`` zeros go between neighbouring values (drawn hatched grey).
    pad_width : sequence of (before, after) pairs, optional
        Padding per axis (drawn hatched cream); negative amounts crop.
    role : str, default 'input'

    Returns
    -------
    Panel

    Examples
    --------
    >>> p = framed_panel([[1, 2], [3, 4]], "Input", stride=2, pad_width=[(1, 1), (1, 1)])
    >>> p.data.shape, int(p.inserted.sum()), int(p.padded.sum())
    ((5, 5), 5, 16)
    """
    arr = np.asarray(x)
    nsp = arr.ndim
    spread = insert_zeros(arr, stride, spatial_dims=nsp)
    real = insert_zeros(np.ones(arr.shape, dtype=np.int64), stride, spatial_dims=nsp)
    inside = np.ones(spread.shape, dtype=np.int64)
    if pad_width is not None:
        spread, real, inside = (pad_or_crop(a, pad_width) for a in (spread, real, inside))
    return Panel(spread, title, role, inserted=(inside == 1) & (real == 0), padded=inside == 0)
