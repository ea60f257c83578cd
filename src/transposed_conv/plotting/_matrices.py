"""Matrices and panels: coloured cells with their values, side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._transpose import insert_zeros, pad_or_crop
from ._style import (
    CELL_STYLES,
    HIGHLIGHT_COLOR,
    MAX_WIDTH,
    MIN_FONTSIZE,
    _as_2d,
    _axes_inches,
    _plt,
    _wrap,
    fit_title,
    role_cmap,
    shape_title,
    signed_cmap,
    value_formatter,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.colors import Normalize
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
    inserted, padded, cropped : array_like of bool, optional
        Cells that are inserted zeros, padding, or cropped away (they hold
        values that the result drops), each drawn in its style of
        :data:`CELL_STYLES`.
    blank : array_like of bool, optional
        Cells drawn empty: no colour, no value (e.g. where a stamp does not reach).
    """

    data: Any
    title: str
    role: str = "input"
    inserted: Any = None
    padded: Any = None
    cropped: Any = None
    blank: Any = None


def _masks(arr: npt.NDArray[Any], **masks: Any) -> dict[str, npt.NDArray[np.bool_]]:
    """The given boolean masks, broadcast to ``arr``'s shape (missing ones all False)."""
    return {
        name: np.broadcast_to(_as_2d(m).astype(bool), arr.shape)
        if m is not None
        else np.zeros(arr.shape, dtype=bool)
        for name, m in masks.items()
    }


def _data_range(arr: npt.NDArray[Any], hidden: npt.NDArray[np.bool_]) -> tuple[float, float]:
    """Smallest and largest value of the cells drawn in the colour map."""
    plain = arr[~hidden]
    return (float(plain.min()), float(plain.max())) if plain.size else (0.0, 1.0)


def _norm(lo: float, hi: float) -> Normalize:
    """Sequential from ``lo`` to ``hi``, or, when ``lo < 0 < hi``, symmetric about 0."""
    from matplotlib.colors import Normalize

    if lo < 0 < hi:
        m = max(-lo, hi)
        return Normalize(vmin=-m, vmax=m)
    return Normalize(vmin=lo, vmax=hi if hi > lo else lo + 1)


def _fit_fontsize(ax: Axes, shape: tuple[int, int], texts: list[str]) -> float:
    """The cell text size that fits the cells of ``ax``, at most 11 pt."""
    w_in, h_in = _axes_inches(ax)
    return _fontsize_for(min(w_in / shape[1], h_in / shape[0]), texts)


_EM = {".": 0.32, "-": 0.36, "/": 0.34}
"""Widths of narrow characters in DejaVu Sans, in ems; digits are about 0.64."""


MAX_CELL_SCALE = 1.6
"""How much larger than its neighbours' a panel's cells may grow so its values can be written."""


def _widest_em(texts: list[str]) -> float:
    """Width of the widest of ``texts`` in ems (at least one digit's)."""
    return max(0.64, max((sum(_EM.get(ch, 0.64) for ch in t) for t in texts), default=0.64))


def _cell_for(texts: list[str]) -> float:
    """The smallest cell, in inches, in which ``texts`` are written at :data:`MIN_FONTSIZE`."""
    return max(MIN_FONTSIZE * _widest_em(texts) / 0.85, MIN_FONTSIZE / 0.55) / 72


def _fontsize_for(
    cell_in: float, texts: list[str], *, largest: float = 11.0, height_share: float = 0.55
) -> float:
    """The text size whose widest text fills 85 % of a ``cell_in``-inch cell.

    At most ``largest`` points, and at most ``height_share`` of the cell's height.
    """
    cell_pt = 72 * cell_in
    return float(min(largest, 0.85 * cell_pt / _widest_em(texts), height_share * cell_pt))


def show_matrix(
    data: Any,
    *,
    ax: Axes | None = None,
    title: str = "",
    role: str = "input",
    values: bool | None = None,
    inserted: Any = None,
    padded: Any = None,
    cropped: Any = None,
    blank: Any = None,
    fontsize: float | None = None,
    vmin: float | None = None,
    vmax: float | None = None,
    colorbar: bool | None = None,
    formatter: Callable[[Any], str] | None = None,
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
        One of :data:`ROLES`: sets the colour map of non-negative data.
    values : bool, optional
        Write each value in its cell. By default, when the text fits at
        :data:`MIN_FONTSIZE` or more; otherwise a colour bar gives the values.
    inserted, padded, cropped : array_like of bool, optional
        Masks of inserted zeros, padding, and cropped cells, drawn in their
        styles of :data:`CELL_STYLES` instead of the colour map. Cropped cells
        keep their values, written in grey.
    blank : array_like of bool, optional
        Cells not computed yet (in an animation): drawn empty, no value.
    fontsize : float, optional
        Size of the cell text; by default it fits the cells, at least
        :data:`MIN_FONTSIZE`.
    vmin, vmax : float, optional
        Ends of the colour scale; by default the data's own range (pass them
        to share a scale between panels or frames).
    colorbar : bool, optional
        Draw a colour bar. By default, when the values are not written or the
        data are signed.
    formatter : callable, optional
        Value to cell text; by default :func:`value_formatter` of ``data``, so
        all cells share one format (pass one made from all of a figure's values
        to share it across panels).

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Non-negative data use the role's single-hue map (:func:`role_cmap`), from
    the smallest value (a visible tint) to the largest. Data with negative
    and positive values use a diverging map centred on 0 (:data:`SIGNED_CMAP`)
    and a colour bar. Text is white on dark cells and black on light ones.

    Examples
    --------
    >>> ax = show_matrix([[6, 3], [2, 5]], title="Input")
    >>> ax.get_title()
    'Input (2, 2)'
    >>> [t.get_text() for t in ax.texts]
    ['6', '3', '2', '5']
    >>> show_matrix([[-1, 2]]).images[0].get_cmap().name
    'magenta_gold'
    """
    plt = _plt()
    from matplotlib.patches import Rectangle

    cmap = role_cmap(role)  # checks the role
    arr = _as_2d(data)
    if ax is None:
        _, ax = plt.subplots(
            figsize=(min(MAX_WIDTH, 1 + 0.5 * arr.shape[1]), 1 + 0.5 * arr.shape[0]),
            layout="constrained",
        )
    rows, cols = arr.shape
    masks = _masks(arr, padding=padded, **{"inserted zeros": inserted, "cropped": cropped})
    empty = _masks(arr, blank=blank)["blank"]
    special = masks["padding"] | masks["inserted zeros"] | masks["cropped"] | empty
    lo, hi = _data_range(arr, special)
    lo, hi = (lo if vmin is None else vmin), (hi if vmax is None else vmax)
    norm = _norm(lo, hi)
    signed = lo < 0 < hi
    if signed:
        cmap = signed_cmap()
    shown = np.ma.masked_array(arr.astype(float), mask=special)
    image = ax.imshow(shown, cmap=cmap, norm=norm, aspect="equal", interpolation="nearest")
    for name, m in masks.items():
        style = CELL_STYLES[name]
        for r, c in zip(*np.nonzero(m), strict=True):
            ax.add_patch(
                Rectangle(
                    (c - 0.5, r - 0.5),
                    1,
                    1,
                    facecolor=style["facecolor"],
                    hatch=style["hatch"],
                    edgecolor=style["edgecolor"],
                    lw=0,
                )
            )
    for r, c in zip(*np.nonzero(empty), strict=True):  # outlined, so the grid's size shows
        ax.add_patch(
            Rectangle((c - 0.45, r - 0.45), 0.9, 0.9, fill=False, edgecolor="#c8c8c8", lw=0.8)
        )
    fmt = value_formatter(arr[~empty]) if formatter is None else formatter
    texts = [fmt(v) for v in arr.ravel()]
    fit = _fit_fontsize(ax, (rows, cols), texts) if fontsize is None else fontsize
    if values is None:
        values = fit >= MIN_FONTSIZE
    if values:
        size = max(fit, MIN_FONTSIZE)
        for ((r, c), v), text in zip(np.ndenumerate(arr), texts, strict=True):
            if empty[r, c]:
                continue
            hatched = next((n for n, m in masks.items() if m[r, c]), None)
            if hatched == "cropped":
                color = "#444444"
            elif special[r, c]:
                color = "black"
            else:
                level = float(norm(float(v)))
                dark = (level > 0.8 or level < 0.2) if signed else level > 0.6
                color = "white" if dark else "black"
            # on a hatched cell the digits sit on a plain patch of the cell's fill, so the
            # hatch neither strikes them through nor turns "0" into "Ø"
            bbox = (
                None
                if hatched is None
                else {
                    "boxstyle": "round,pad=0.15",
                    "facecolor": CELL_STYLES[hatched]["facecolor"],
                    "edgecolor": "none",
                }
            )
            ax.text(c, r, text, ha="center", va="center", fontsize=size, color=color, bbox=bbox)
    ax.set_xticks(np.arange(cols), labels=[str(i) for i in range(cols)], fontsize=8)
    ax.set_yticks(np.arange(rows), labels=[str(i) for i in range(rows)], fontsize=8)
    ax.set_xticks(np.arange(-0.5, cols), minor=True)
    ax.set_yticks(np.arange(-0.5, rows), minor=True)
    ax.grid(which="minor", color="white", linewidth=1)
    ax.tick_params(which="both", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if colorbar if colorbar is not None else (signed or not values):
        _colorbar(image, [ax])
    fit_title(ax, shape_title(title, np.asarray(data)) if title else "")
    return ax


def _colorbar(image: Any, axes: list[Axes], shrink: float = 0.9) -> Any:
    """A slim colour bar beside ``axes`` for ``image``'s scale, ticks at 9 pt.

    ``shrink`` is the bar's share of the axes' height: less for a matrix
    lower than its row of panels, so the bar is no taller than the matrix.
    """
    from matplotlib.ticker import MaxNLocator

    fig = axes[0].figure
    bar = fig.colorbar(image, ax=axes, fraction=0.06, pad=0.03, shrink=shrink, aspect=15 * shrink)
    bar.ax.tick_params(labelsize=MIN_FONTSIZE)
    bar.locator = MaxNLocator(nbins=4 if shrink > 0.7 else 2)
    bar.update_ticks()
    bar.outline.set_visible(False)
    if image.norm.vmin < 0 < image.norm.vmax:
        bar.set_label("negative ← 0 → positive", fontsize=MIN_FONTSIZE)
    return bar


def highlight(
    ax: Axes,
    rows: Any,
    cols: Any,
    *,
    color: str = HIGHLIGHT_COLOR,
    linestyle: str = "-",
    label: str | None = None,
    fit_text: bool = True,
) -> Any:
    """Draw a box around a block of cells drawn by :func:`show_matrix`.

    The box is a thick dark line with a thin white line inside it, so it
    stands out on light and dark cells of every colour, also to readers with
    colour blindness; tell two boxes apart by ``linestyle``, not by colour.

    The box lies on the cell borders and never crosses a digit: when the
    figure is drawn, the line is at most 4 pt wide and leaves at least 1 pt
    clear between itself and the text next to it; where the cells are too
    small for that, the matrix's text is made smaller first (never under
    :data:`MIN_FONTSIZE`), then the line thinner.

    Parameters
    ----------
    ax : matplotlib Axes
    rows, cols : slice or (start, stop) pair
        The block, half-open like Python slices; an int is one row/column.
    color : str, default :data:`HIGHLIGHT_COLOR`
        Colour of the outer line.
    linestyle : str, default '-'
        Line style of the outer line (``"--"`` for a second box).
    label : str, optional
        Legend label of the box.
    fit_text : bool, default True
        Whether the box may make the matrix's text smaller to keep its 1 pt
        gap. The animations pass False, because their text keeps one size in
        every frame; the line is then thinned instead, down to 1.5 pt, and
        still never reaches a digit.

    Returns
    -------
    matplotlib.patches.Rectangle
        The outer line.

    Examples
    --------
    >>> ax = show_matrix(np.arange(16).reshape(4, 4), title="Input")
    >>> box = highlight(ax, slice(0, 3), slice(0, 3))
    >>> box.get_xy(), box.get_width(), box.get_height()
    ((-0.5, -0.5), 3, 3)
    """
    from matplotlib.patches import Rectangle

    (r0, r1), (c0, c1) = _span(rows, "rows"), _span(cols, "cols")
    inner = Rectangle(
        (c0 - 0.5, r0 - 0.5),
        c1 - c0,
        r1 - r0,
        fill=False,
        edgecolor="white",
        linewidth=HIGHLIGHT_WIDTH * INNER_SHARE,
        zorder=2.6,
        clip_on=False,  # on an edge cell, half the line lies outside the axes: draw it whole
    )
    box = _HighlightBox(
        inner,
        (c0 - 0.5, r0 - 0.5),
        c1 - c0,
        r1 - r0,
        fill=False,
        edgecolor=color,
        linewidth=HIGHLIGHT_WIDTH,
        linestyle=linestyle,
        label=label,
        zorder=2.5,  # under the cell text, which it never reaches
        clip_on=False,
        fit_text=fit_text,
    )
    ax.add_patch(box)
    ax.add_patch(inner)
    return box


HIGHLIGHT_WIDTH = 4.0
"""Widest outer line of a highlight box, in points."""
HIGHLIGHT_CLEARANCE = 1.0
"""Clear gap between a highlight's line and the nearest digit, in points."""
INNER_SHARE = 0.3
"""Width of a highlight's white inner line, as a share of its outer line."""
MIN_THIN_LINE = 1.5
"""Thinnest outer line of a highlight that may not shrink the text, in points."""


@cache
def _highlight_box_class() -> Any:
    """The Rectangle subclass behind :func:`highlight` (matplotlib is imported late)."""
    from matplotlib.patches import Rectangle

    class HighlightBox(Rectangle):
        """A highlight's outer line that fits its width to the gap around the digits."""

        def __init__(self, inner: Any, *args: Any, fit_text: bool = True, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.inner = inner
            self.fit_text = fit_text

        def draw(self, renderer: Any) -> None:
            ax: Any = self.axes
            per_pt = renderer.points_to_pixels(1.0)
            clear = HIGHLIGHT_CLEARANCE * per_pt
            want = HIGHLIGHT_WIDTH / 2 * per_pt + clear  # half the line and a clear gap, pixels
            gap = _gap_to_text(self, ax, renderer)
            if gap < want and self.fit_text:
                _shrink_text(self, ax, renderer, want)
                gap = _gap_to_text(self, ax, renderer)
            width = max(0.0, min(HIGHLIGHT_WIDTH, 2 * (gap - clear) / per_pt))
            if not self.fit_text:  # thinner, not smaller text: at least 1.5 pt, off the digits
                width = max(width, min(MIN_THIN_LINE, 2 * gap / per_pt))
            self.set_linewidth(width)
            self.inner.set_linewidth(width * INNER_SHARE)
            super().draw(renderer)

    return HighlightBox


def _HighlightBox(*args: Any, **kwargs: Any) -> Any:  # a class, made when matplotlib is imported
    return _highlight_box_class()(*args, **kwargs)


def _edges(box: Any, ax: Axes) -> list[tuple[str, float, float, float]]:
    """The box's four edges in pixels: ("v", x, y_low, y_high) or ("h", y, x_low, x_high)."""
    x0, y0 = box.get_xy()
    (px0, py0), (px1, py1) = ax.transData.transform(
        [(x0, y0), (x0 + box.get_width(), y0 + box.get_height())]
    )
    xl, xh, yl, yh = min(px0, px1), max(px0, px1), min(py0, py1), max(py0, py1)
    return [("v", xl, yl, yh), ("v", xh, yl, yh), ("h", yl, xl, xh), ("h", yh, xl, xh)]


def _text_extent(text: Any, renderer: Any) -> Any:
    """A cell text's extent in pixels, with the plain patch drawn under it on hatched cells."""
    bbox = text.get_window_extent(renderer)
    if text.get_bbox_patch() is not None:
        pad = 0.15 * renderer.points_to_pixels(text.get_fontsize())
        bbox = bbox.expanded(1, 1).padded(pad)
    return bbox


def _gaps(box: Any, ax: Axes, renderer: Any) -> list[tuple[float, Any, float]]:
    """(gap in pixels, text, distance from the text's centre to the edge) for texts by an edge."""
    out = []
    for text in ax.texts:
        if not text.get_visible() or not text.get_text():
            continue
        e = _text_extent(text, renderer)
        for kind, at, lo, hi in _edges(box, ax):
            a0, a1, b0, b1 = (e.x0, e.x1, e.y0, e.y1) if kind == "v" else (e.y0, e.y1, e.x0, e.x1)
            if b1 <= lo or b0 >= hi:  # not beside this edge
                continue
            centre = (a0 + a1) / 2
            out.append((max(a0 - at, at - a1), text, abs(centre - at)))
    return out


def _gap_to_text(box: Any, ax: Axes, renderer: Any) -> float:
    """Pixels between the box's edges and the nearest text beside them (large if none)."""
    return min((g for g, _, _ in _gaps(box, ax, renderer)), default=float("inf"))


def _shrink_text(box: Any, ax: Axes, renderer: Any, want: float) -> None:
    """Make the axes' text small enough to leave ``want`` pixels to the box's edges."""
    factor = 1.0
    for gap, _, centre in _gaps(box, ax, renderer):
        if gap < want:
            half = centre - gap  # half the text's extent across the edge
            if half > 0:
                factor = min(factor, max(0.0, centre - want) / half)
    sizes = [float(t.get_fontsize()) for t in ax.texts]
    if not sizes or factor >= 1:
        return
    for text in ax.texts:
        text.set_fontsize(max(MIN_FONTSIZE, min(float(text.get_fontsize()), max(sizes) * factor)))


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


def _shared_scales(panels: Sequence[Panel]) -> list[tuple[float, float]]:
    """One colour scale per role: the range of all the role's panels together."""
    ranges: dict[str, tuple[float, float]] = {}
    for p in panels:
        arr = _as_2d(p.data)
        m = _masks(arr, a=p.inserted, b=p.padded, c=p.cropped, d=p.blank)
        lo, hi = _data_range(arr, m["a"] | m["b"] | m["c"] | m["d"])
        old = ranges.get(p.role, (lo, hi))
        ranges[p.role] = (min(old[0], lo), max(old[1], hi))
    return [ranges[p.role] for p in panels]


def show_panels(
    panels: Sequence[Panel],
    *,
    title: str,
    operators: Sequence[str] | None = None,
    ncols: int | None = None,
    width: float | None = None,
    share_norm: bool = True,
    equal_cells: bool = False,
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
        Figure width in inches, at most :data:`MAX_WIDTH`; by default as wide
        as the panels need, at most :data:`MAX_WIDTH`.
    share_norm : bool, default True
        Panels of the same role share one colour scale, so equal colours mean
        equal values across the figure (pass False to scale each panel to its
        own data). A shared scale that needs a colour bar gets one, beside the
        role's last panel.
    equal_cells : bool, default False
        Draw every panel's cells at one size: a panel smaller than its column
        and row is drawn at the top of the space, which stays empty, instead
        of being enlarged to fill it (for a matrix beside a long vector).

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
    fmt = value_formatter(np.concatenate([np.ravel(p.data) for p in panels]))
    texts = [[fmt(v) for v in np.ravel(p.data)] for p in panels]
    titles = [len(shape_title(p.title, _as_2d(p.data))) for p in panels]

    def layout(scale: list[float]) -> tuple[list[float], float, float, list[tuple[float, float]]]:
        sizes = [(s[0] * f, s[1] * f) for s, f in zip(shapes, scale, strict=True)]
        # at least two cells wide, so a narrow panel still has room for its title
        col_w = [max(2.0, *(z[1] for z in sizes[c::cols])) for c in range(cols)]

        def widths(col_w: list[float]) -> tuple[list[float], float, float]:
            ratios: list[float] = []
            for c, w in enumerate(col_w):
                ratios += [w] if c == 0 or not operators else [op_w, w]
            natural = 0.55 * sum(ratios) + 1.0 * cols
            fig_w = min(MAX_WIDTH, width or max(4.0, natural))
            return ratios, fig_w, min(0.55, fig_w / (sum(ratios) + 1.0 * cols))

        ratios, fig_w, cell = widths(col_w)
        # widen columns whose titles would take more than two lines (10 pt, ~0.076 in a char)
        need = [max(titles[c::cols]) * 0.076 / 2 / cell for c in range(cols)]
        if any(n > w for n, w in zip(need, col_w, strict=True)):
            ratios, fig_w, cell = widths([max(n, w) for n, w in zip(need, col_w, strict=True)])
        return ratios, fig_w, cell, sizes

    # a panel whose values need larger cells than the others to be written at MIN_FONTSIZE
    # gets them, up to MAX_CELL_SCALE times larger, if the figure still fits
    needs = [_cell_for(t) for t in texts]
    scale = [1.0] * len(panels)
    for _ in range(6):
        ratios, fig_w, cell, sizes = layout(scale)
        wanted = [
            min(MAX_CELL_SCALE, max(1.0, 1.02 * n / cell)) if n <= MAX_CELL_SCALE * cell else 1.0
            for n in needs
        ]
        if all(abs(a - b) < 0.01 for a, b in zip(wanted, scale, strict=True)):
            break
        scale = wanted
    ratios, fig_w, cell, sizes = layout(scale)
    row_h = [max(z[0] for z in sizes[r * cols : (r + 1) * cols]) for r in range(rows)]
    suptitle = _wrap(title, fig_w, 11)
    fig_h = sum(cell * h + 0.8 for h in row_h) + 0.2 + 0.2 * (suptitle.count("\n") + 1)
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
    scales = _shared_scales(panels) if share_norm else [(None, None)] * len(panels)
    last_of_role = {p.role: k for k, p in enumerate(panels)}
    bars: list[Any] = []
    for k, (ax, p, (lo, hi)) in enumerate(zip(axes, panels, scales, strict=True)):
        show_matrix(
            p.data,
            fontsize=_fontsize_for(cell * scale[k], texts[k]),
            ax=ax,
            title=p.title,
            role=p.role,
            inserted=p.inserted,
            padded=p.padded,
            cropped=p.cropped,
            blank=p.blank,
            vmin=lo,
            vmax=hi,
            colorbar=None if not share_norm else False,
            formatter=fmt,
        )
        if equal_cells:  # the axes spans its whole column and row, in cell units
            spare = (ratios[(k % cols) * step] - shapes[k][1]) / 2
            ax.set_xlim(-0.5 - spare, shapes[k][1] - 0.5 + spare)
            ax.set_ylim(row_h[k // cols] - 0.5, -0.5)
            if shapes[k][0] < row_h[k // cols]:  # column numbers would sit far below the cells
                ax.tick_params(labelbottom=False)
        # wrap the title to the column's real width (the axes' size before layout is smaller)
        column_in = ratios[(k % cols) * step] * cell + 0.6
        ax.set_title(_wrap(ax.get_title().replace("\n", " "), column_in, 10), fontsize=10)
        if share_norm and last_of_role[p.role] == k:
            group = [a for a, q in zip(axes, panels, strict=True) if q.role == p.role]
            needs = [len(a.texts) == 0 or a.images[0].norm.vmin < 0 for a in group]
            if any(needs):
                height = sizes[k][0] + 0.5, row_h[k // cols] + 2
                bars.append(
                    _colorbar(ax.images[0], [ax], shrink=max(0.55, min(0.9, height[0] / height[1])))
                )
    for bar in bars[:-1]:  # the sign note once, on the last bar: a short bar has no room for it
        bar.set_label("")
    # room for titles that wrapped: 10 pt lines, about 0.17 in each
    lines = [ax.get_title().count("\n") for ax in axes]
    extra = sum(max(lines[r * cols : (r + 1) * cols]) for r in range(rows))
    # rows that wrap: a gap between one row's tick labels and the next row's titles
    gap = 0.15 if rows > 1 and any(p.title for p in panels) else 0.0
    if gap:
        fig.get_layout_engine().set(hspace=gap / (fig_h / rows))
    fig.set_size_inches(fig_w, fig_h + 0.17 * extra + gap * (rows - 1))
    for k in range(len(panels), rows * cols):
        grid[k // cols, (k % cols) * step].set_axis_off()
    for c, op in enumerate(operators or []):
        ax = grid[0, 2 * c + 1]
        ax.set_axis_off()
        size = 26 if len(op) == 1 else 12  # a lone symbol must read as large as a word
        ax.text(0.5, 0.5, op, ha="center", va="center", fontsize=size, transform=ax.transAxes)
    fig.suptitle(suptitle, fontsize=11)
    _fit_canvas(fig, axes)
    return fig, axes


def _fit_canvas(fig: Figure, axes: list[Axes], tries: int = 4) -> None:
    """Grow the figure (or re-wrap a title) until every text drawn lies inside the canvas.

    The layout engine keeps text inside when it can; a narrow column's title, a panel's
    colour bar or a tall vector can still push a title or a tick label past an edge.
    """
    for _ in range(tries):
        fig.draw_without_rendering()
        renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
        found = [ax.get_tightbbox(renderer) for ax in fig.axes if ax.get_visible()]
        found += [t.get_window_extent(renderer) for t in fig.texts if t.get_text()]
        suptitle: Any = getattr(fig, "_suptitle", None)  # matplotlib keeps it there
        if suptitle is not None:
            found.append(suptitle.get_window_extent(renderer))
        boxes = [b for b in found if b is not None]
        if not boxes:
            return
        w_px, h_px = fig.bbox.width, fig.bbox.height
        left = max(0.0, -min(b.x0 for b in boxes))
        right = max(0.0, max(b.x1 for b in boxes) - w_px)
        below = max(0.0, -min(b.y0 for b in boxes))
        above = max(0.0, max(b.y1 for b in boxes) - h_px)
        if max(left, right, below, above) <= 0.5:
            return
        dpi = fig.dpi
        w_in, h_in = fig.get_size_inches()
        if left > 0.5 or right > 0.5:
            rewrapped = False  # first wrap the titles that stick out to the room they have
            for ax in axes:
                box = ax.title.get_window_extent(renderer)
                if box.x0 < -0.5 or box.x1 > w_px + 0.5:
                    room = (box.width - 2 * max(-box.x0, box.x1 - w_px)) / dpi
                    text = ax.get_title().replace("\n", " ")
                    wrapped = _wrap(text, max(0.5, room), 10)
                    if wrapped != ax.get_title():
                        ax.set_title(wrapped, fontsize=10)
                        rewrapped = True
            if not rewrapped:
                w_in = min(MAX_WIDTH, w_in + 2 * max(left, right) / dpi + 0.05)
        h_in += (below + above) / dpi + 0.05
        fig.set_size_inches(w_in, h_in)


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
