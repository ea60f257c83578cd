"""Matrices and panels: coloured cells with their values, side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from .._transpose import insert_zeros, pad_or_crop
from ._style import (
    CELL_STYLES,
    HIGHLIGHT_COLOR,
    MAX_WIDTH,
    MIN_FONTSIZE,
    PAGE_FILLED,
    PAGE_INK,
    _as_2d,
    _plt,
    _text_width,
    _wrap,
    role_cmap,
    shape_title,
    signed_cmap,
    value_formatter,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.colors import Normalize
    from matplotlib.figure import Figure

CELL = 0.42
"""Side of a cell, in inches, in figures that have the room (smaller in wide ones)."""
CELL_GAP = 0.08
"""Gap between neighbouring cells, as a share of a cell: the figure's background shows."""
TEXT_MARGIN = 0.1
"""Margin between a cropped cell's digits and its hatch, as a share of the cell: the hole in the
hatch is the text and this much on each side, so most of the cell stays cross-hatched."""
KERNEL_ROUNDING = 0.22
"""Corner radius of the kernel's cells, as a share of a cell: the kernel's cue besides colour."""
TEXT_WIDTH_SHARE = 0.78
"""Widest a cell's text may be, as a share of the cell."""
TEXT_SIZE_SHARE = 0.6
"""Largest cell text, as a share of the cell's side (its digits are 0.73 of that tall)."""
LARGEST_FONTSIZE = 14.0
"""Largest cell text, in points, but for wide panels (:data:`PANEL_WIDTHS_PER_FONTSIZE`)."""
PANEL_WIDTHS_PER_FONTSIZE = 26.0
"""A panel is at most this many times its cell text's size wide (both in points), where its
cells leave room: shown across a phone's 288 px text column less its row numbers (about
260 px), its digits stay 7 px tall (the site's rule, docs/_ext/legibility.py:
260 px / 7 px x 0.73 = 27, less a margin)."""
LARGEST_SHARE = 0.95
"""Largest cell text of a wide panel, as a share of the cell's side."""
NUMBER_EVERY = ((12, 1), (30, 2), (75, 5))
"""(columns, n): a panel of at most that many columns numbers every n-th column (else every
10th). Shown across a phone's 358 px column (about 330 px less its row numbers), the
numbers of a panel of more than 12 columns would be closer than 27 px, under twice the
width of a two-digit number in the page's 12 px font (14 px): they ran together. With
these steps numbers stay at least 22 px apart."""
HIGHLIGHT_WIDTH = 2.5
"""Outer line of a highlight box, in points; the white line inside it is a third as wide."""
_TITLE_SIZE = 10.0
_SUPTITLE_SIZE = 11.0
_PANEL_ROOM = 0.3  # inches beside each panel: its row numbers and the gap to the next
_ROW_ROOM = 0.62  # inches above and below each row of panels: its title and column numbers
_OPERATOR = 0.45  # inches of an operator's column
_COLORBAR_ROOM = 0.75  # inches of a colour bar with its numbers


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
    rows : sequence of str, optional
        Labels of the rows, in place of their numbers (one per row).
    """

    data: Any
    title: str
    role: str = "input"
    inserted: Any = None
    padded: Any = None
    cropped: Any = None
    blank: Any = None
    rows: Any = None


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
    """From 0 to ``hi`` for non-negative data; symmetric about 0 when any value is negative."""
    from matplotlib.colors import Normalize

    if lo < 0:
        m = max(-lo, hi)
        return Normalize(vmin=-m, vmax=m)
    return Normalize(vmin=0.0, vmax=hi if hi > 0 else 1.0)


def _cell_fontsize(cell: float, texts: Sequence[str], cols: int = 1) -> float:
    """The size, in points, at which the widest of ``texts`` fits a ``cell``-inch cell.

    The text is at most :data:`TEXT_WIDTH_SHARE` of the cell wide (measured
    with matplotlib's own font metrics), at most :data:`TEXT_SIZE_SHARE` of
    its side in size, and at most :data:`LARGEST_FONTSIZE`; in a panel ``cols``
    cells wide, as large as a 1/:data:`PANEL_WIDTHS_PER_FONTSIZE` of its width
    where it fits (at most :data:`LARGEST_SHARE` of the cell).

    >>> round(_cell_fontsize(0.42, ["7"]), 1), round(_cell_fontsize(0.25, ["7"], cols=25), 1)
    (14.0, 17.1)
    """
    widest = max((_text_width(t, 72.0) for t in set(texts) if t), default=0.0)
    cell_pt = 72 * cell
    fits = TEXT_WIDTH_SHARE * cell_pt / widest if widest > 0 else np.inf
    wide = cols * cell_pt / PANEL_WIDTHS_PER_FONTSIZE  # the size a phone needs
    largest = max(LARGEST_FONTSIZE, min(wide, LARGEST_SHARE * cell_pt))
    return float(min(largest, max(TEXT_SIZE_SHARE * cell_pt, wide), fits))


def _cell_inches(ax: Axes, shape: tuple[int, int] | None = None) -> float:
    """A cell's side in inches, as ``ax`` is placed now (``shape``: the cells in view)."""
    if shape is None:
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        shape = (round(abs(y1 - y0)), round(abs(x1 - x0)))
    pos = ax.get_position()
    width, height = cast("Figure", ax.figure).get_size_inches()
    return float(min(pos.width * width / shape[1], pos.height * height / shape[0]))


def _cell_patches(cells: list[tuple[int, int]], rounded: bool) -> list[Any]:
    """One square per ``(row, column)``, a gap smaller than the cell; rounded for the kernel."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    half = (1 - CELL_GAP) / 2
    if rounded:
        style = f"round,pad=0,rounding_size={KERNEL_ROUNDING}"
        return [
            FancyBboxPatch((c - half, r - half), 2 * half, 2 * half, boxstyle=style)
            for r, c in cells
        ]
    return [Rectangle((c - half, r - half), 2 * half, 2 * half) for r, c in cells]


def _text_colour(fill: Any) -> str:
    """Black or white, whichever contrasts more with ``fill`` (WCAG relative luminance)."""
    rgb = np.asarray(fill[:3], dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ [0.2126, 0.7152, 0.0722])
    return "black" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "white"


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
        The values. A 1-D array is drawn as one row, without a row number.
    ax : matplotlib Axes, optional
        Where to draw; a new figure if omitted.
    title : str
        Name of the array; the shape is appended (``"Input (4, 4)"``).
    role : str, default 'input'
        One of :data:`ROLES`: sets the colour map of non-negative data. The
        kernel's cells have rounded corners, so it differs from the output by
        more than colour.
    values : bool, optional
        Write each value in its cell. By default, when the text fits at
        :data:`MIN_FONTSIZE` or more; otherwise a colour bar gives the values.
    inserted, padded, cropped : array_like of bool, optional
        Masks of inserted zeros, padding, and cropped cells, drawn in their
        styles of :data:`CELL_STYLES` instead of the colour map. Padding and
        inserted zeros are zeros by definition: no value is written on them.
        Cropped cells keep their values, in grey on a plain patch.
    blank : array_like of bool, optional
        Cells not computed yet (in an animation): an outline, no value.
    fontsize : float, optional
        Size of the cell text; by default the largest that fits the cells
        (as large as fits).
    vmin, vmax : float, optional
        Ends of the colour scale; by default 0 and the data's largest value,
        or symmetric about 0 for signed data (pass them to share a scale
        between panels or frames).
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
        Its cells are one collection, ``ax.collections[0]``, whose colour map
        and norm are the matrix's scale.

    Notes
    -----
    Non-negative data use the role's single-hue map (:func:`role_cmap`), from
    0 (a visible tint) to the largest value, so a value's colour says how
    large it is, not how it ranks. Data with a negative value use a
    diverging map centred on 0 (:data:`SIGNED_CMAP`) and a colour bar. Text
    is black or white, whichever contrasts more with its cell.

    Examples
    --------
    >>> ax = show_matrix([[6, 3], [2, 5]], title="Input")
    >>> ax.get_title()
    'Input (2, 2)'
    >>> [t.get_text() for t in ax.texts]
    ['6', '3', '2', '5']
    >>> cells = ax.collections[0]
    >>> cells.norm.vmin, cells.norm.vmax
    (0.0, 6.0)
    >>> show_matrix([[-1, 2]]).collections[0].get_cmap().name
    'magenta_gold'
    """
    cmap = role_cmap(role)  # checks the role
    arr = _as_2d(data)
    rows, cols = arr.shape
    if ax is None:
        side = min(CELL, (MAX_WIDTH - 1) / cols)
        _, ax = _plt().subplots(
            figsize=(cols * side + 1.2, rows * side + 0.8 + 0.5 * bool(title)),
            layout="constrained",
        )
    masks = _masks(arr, padding=padded, **{"inserted zeros": inserted, "cropped": cropped})
    empty = _masks(arr, blank=blank)["blank"]
    special = masks["padding"] | masks["inserted zeros"] | masks["cropped"] | empty
    lo, hi = _data_range(arr, special)
    lo, hi = (lo if vmin is None else vmin), (hi if vmax is None else vmax)
    norm = _norm(lo, hi)
    signed = lo < 0
    if signed:
        cmap = _zero_shows_the_page(signed_cmap())
    fmt = value_formatter(arr[~special]) if formatter is None else formatter
    texts = {(r, c): fmt(arr[r, c]) for r, c in np.ndindex(rows, cols) if not special[r, c]}
    kept = masks["cropped"] & ~empty  # cropped cells hold values, once computed
    texts |= {(int(r), int(c)): fmt(arr[r, c]) for r, c in zip(*np.nonzero(kept), strict=True)}
    size = fontsize
    if size is None:
        size = _cell_fontsize(_cell_inches(ax, (rows, cols)), list(texts.values()), cols)
    if values is None:
        values = size >= MIN_FONTSIZE
    framed = kept & values  # cropped cells with a digit: their hatch frames it
    drawn = {"plain": ~special, **masks, "blank": empty}
    drawn["cropped"] = masks["cropped"] & ~framed
    cells = _draw_cells(ax, arr, drawn, cmap, norm, role)
    if framed.any():
        _hatch_frames(ax, {rc: t for rc, t in texts.items() if framed[rc]}, size, arr.shape)
    if values:
        for (r, c), text in texts.items():
            fill = cmap(norm(float(arr[r, c])))
            ink = PAGE_INK if kept[r, c] or fill[3] == 0 else _text_colour(fill)
            ax.text(c, r, text, ha="center", va="center", fontsize=size, color=ink)
    _cell_axes(ax, rows, cols)
    if np.ndim(data) == 1:  # a vector has one row: no row number
        ax.set_yticks([])
    if colorbar if colorbar is not None else (signed or not values):
        _colorbar(cells, [ax])
    if title:
        ax.set_title(shape_title(title, np.asarray(data)), fontsize=_TITLE_SIZE)
    return ax


def _zero_shows_the_page(cmap: Any) -> Any:
    """``cmap`` (the signed map) with its middle level, 0, transparent: the page shows.

    On a white page that is the map's near-white; on the site's dark page a
    near-white 0 was the brightest colour of a figure (a kernel's ring of zeros,
    a difference that is 0 almost everywhere), so 0 is the page in both themes.

    >>> from matplotlib.colors import to_hex
    >>> page = _zero_shows_the_page(signed_cmap())
    >>> page.name, float(page(0.5)[3]), to_hex(page(0.5)) == to_hex(signed_cmap()(0.5))
    ('magenta_gold', 0.0, True)
    >>> float(page(0.51)[3])  # the next level, as the map
    1.0
    """
    from matplotlib.colors import ListedColormap

    colours = cmap(np.linspace(0.0, 1.0, cmap.N))
    colours[cmap.N // 2, 3] = 0.0
    return ListedColormap(colours, name=cmap.name)


def _hatch_frames(
    ax: Axes, texts: dict[tuple[int, int], str], size: float, shape: tuple[int, int]
) -> Any:
    """Cropped cells that show a value: the cropped style's hatch in a frame round a hole.

    The hole is the text with a margin of :data:`TEXT_MARGIN` on each side, so
    the hatch never runs through or beside a digit and the rest of the cell
    reads as cross-hatched. Like every cropped cell, the frame is filled with
    the page (:func:`_fill`).
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path

    cell = _cell_inches(ax, shape)
    most = 1 - CELL_GAP - 0.1  # a ring of hatch stays visible
    high = min(most, 1.2 * size / 72 / cell + 2 * TEXT_MARGIN)  # a line of text is 1.2 em
    half = (1 - CELL_GAP) / 2
    frames = []
    for (r, c), text in texts.items():
        wide = min(most, _text_width(text, size) / cell + 2 * TEXT_MARGIN)
        outer = [
            (c - half, r - half),
            (c + half, r - half),
            (c + half, r + half),
            (c - half, r + half),
        ]
        hole = [
            (c - wide / 2, r - high / 2),
            (c - wide / 2, r + high / 2),
            (c + wide / 2, r + high / 2),
            (c + wide / 2, r - high / 2),
        ]  # the other way round
        codes = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY] * 2
        frames.append(Path([*outer, outer[0], *hole, hole[0]], codes))
    style = CELL_STYLES["cropped"]
    collection = PatchCollection(
        [PathPatch(f) for f in frames],
        facecolor=_fill("cropped"),
        edgecolor=style["edgecolor"],
        hatch=style["hatch"],
        linewidth=0,
        zorder=1,
    )
    ax.add_collection(collection)
    return collection


def _fill(name: str) -> Any:
    """The fill of the cell style ``name``; the cropped cells' is the page's (transparent).

    :data:`CELL_STYLES` gives the cropped cells' fill on a light page, white;
    drawn transparent, it is the page in the site's dark mode too, so cells
    that are thrown away recede in both themes.
    """
    from matplotlib.colors import to_rgb

    colour = CELL_STYLES[name]["facecolor"]
    return (*to_rgb(colour), 0.0) if name in PAGE_FILLED else colour


def _draw_cells(
    ax: Axes, arr: npt.NDArray[Any], masks: dict[str, Any], cmap: Any, norm: Any, role: str
) -> Any:
    """Add the cells: plain ones in the colour map, the others in their styles; the plain ones."""
    from matplotlib.collections import PatchCollection

    rounded = role == "kernel"

    def where(mask: Any) -> list[tuple[int, int]]:
        return [(int(r), int(c)) for r, c in zip(*np.nonzero(mask), strict=True)]

    plain = where(masks["plain"])
    cells = PatchCollection(_cell_patches(plain, rounded), cmap=cmap, norm=norm, lw=0, zorder=1)
    cells.set_array(np.array([float(arr[r, c]) for r, c in plain]))
    ax.add_collection(cells)
    for name, style in CELL_STYLES.items():
        if masks[name].any():
            ax.add_collection(
                PatchCollection(
                    _cell_patches(where(masks[name]), rounded),
                    facecolor=_fill(name),
                    edgecolor=style["edgecolor"],
                    hatch=style["hatch"],
                    linewidth=0,
                    zorder=1,
                )
            )
    if masks["blank"].any():  # outlined, so the grid's size shows
        ax.add_collection(
            PatchCollection(
                _cell_patches(where(masks["blank"]), rounded),
                facecolor="none",
                edgecolor="#b0b0b0",
                linewidth=0.8,
                linestyle=(0, (2, 2)),
                zorder=1,
            )
        )
    return cells


def _numbered(count: int) -> list[int]:
    """The columns that get a number: every one, or every n-th of a wide panel, and the last.

    On a phone a wide panel is shrunk to the text column, and the numbers of
    neighbouring columns (two digits from 10 on, in the page's small font)
    run together: beyond each count of :data:`NUMBER_EVERY` only every n-th
    column is numbered, the first and the last always (a multiple closer
    than n to the last is left out).

    >>> _numbered(4), _numbered(16), _numbered(25)
    ([0, 1, 2, 3], [0, 2, 4, 6, 8, 10, 12, 15], [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24])
    """
    step = next((n for most, n in NUMBER_EVERY if count <= most), 10)
    return [i for i in range(0, count, step) if count - 1 - i >= step] + [count - 1]


def _cell_axes(ax: Axes, rows: int, cols: int) -> None:
    """Square cells, numbered rows and columns, no frame, no background."""
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    ax.set_aspect("equal")
    numbered = _numbered(cols)
    ax.set_xticks(numbered, labels=[str(i) for i in numbered], fontsize=8)
    ax.set_yticks(np.arange(rows), labels=[str(i) for i in range(rows)], fontsize=8)
    ax.tick_params(length=0, pad=4)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.patch.set_visible(False)


def _colorbar(
    mappable: Any, axes: list[Axes], short: bool = False, integers: bool | None = None
) -> Any:
    """A slim colour bar beside ``axes`` for ``mappable``'s scale, ticks at 9 pt.

    Its ticks are integers when the data are (``integers``; by default, when
    ``mappable``'s values are). A ``short`` bar (beside a panel of one or two
    rows) is wider for its height, has fewer ticks, and, signed, goes without
    its "negative ← 0 → positive" label, longer than the bar: its numbers
    carry their signs.
    """
    from matplotlib.ticker import MaxNLocator

    fig = cast("Figure", axes[0].figure)
    bar = fig.colorbar(
        mappable,
        ax=axes,
        fraction=0.12 if short else 0.06,
        pad=0.03,
        shrink=0.9,
        aspect=4 if short else 13.5,
    )
    if integers is None:
        values = np.asarray(mappable.get_array(), dtype=float)
        integers = bool(np.all(np.mod(values, 1) == 0))
    bar.ax.tick_params(labelsize=MIN_FONTSIZE)
    bar.locator = MaxNLocator(nbins=2 if short else 4, integer=integers)
    bar.update_ticks()
    bar.outline.set_visible(False)
    if not short and mappable.norm.vmin < 0 < mappable.norm.vmax:
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
) -> Any:
    """Draw a box around a block of cells drawn by :func:`show_matrix`.

    The box is a dark line with a thin white line inside it, so it stands
    out on light and dark cells of every colour, also to readers with colour
    blindness; tell two boxes apart by ``linestyle``, not by colour. It lies
    on the cell borders, in the gaps between cells, clear of their text.

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
    corner, width, height = (c0 - 0.5, r0 - 0.5), c1 - c0, r1 - r0
    box = Rectangle(
        corner,
        width,
        height,
        fill=False,
        edgecolor=color,
        linewidth=HIGHLIGHT_WIDTH,
        linestyle=linestyle,
        label=label,
        zorder=2.5,  # over the cells, under their text
        clip_on=False,  # on an edge cell, half the line lies outside the axes: draw it whole
    )
    inner = Rectangle(
        corner,
        width,
        height,
        fill=False,
        edgecolor="white",
        linewidth=HIGHLIGHT_WIDTH / 3,
        zorder=2.6,
        clip_on=False,
    )
    ax.add_patch(box)
    ax.add_patch(inner)
    return box


def mark_cells(ax: Axes, mask: Any, *, linestyle: str = "-", label: str | None = None) -> Any:
    """Outline each cell of ``mask`` on a matrix drawn by :func:`show_matrix`.

    For cells that belong together without forming a block (the taps of one
    phase, every second cell): each gets an outline inside its border, a
    dark line with a white line inside it like :func:`highlight`'s. Tell
    sets apart by ``linestyle`` (``"-"``, ``"--"``, ``":"``, ``"-."``).

    Parameters
    ----------
    ax : matplotlib Axes
    mask : (rows, cols) array_like of bool
        The cells to outline, in the matrix's shape.
    linestyle : str, default '-'
    label : str, optional
        Legend label of the outlines.

    Returns
    -------
    matplotlib.collections.PatchCollection
        The dark outlines.

    Examples
    --------
    >>> ax = show_matrix(np.arange(16).reshape(4, 4))
    >>> phase = np.zeros((4, 4), dtype=bool)
    >>> phase[::2, ::2] = True
    >>> len(mark_cells(ax, phase, linestyle="--").get_paths())
    4
    """
    from matplotlib.collections import PatchCollection

    where = [(int(r), int(c)) for r, c in zip(*np.nonzero(_as_2d(mask)), strict=True)]
    lines = []
    for colour, width, style in (
        (HIGHLIGHT_COLOR, HIGHLIGHT_WIDTH * 0.7, linestyle),
        ("white", HIGHLIGHT_WIDTH / 4, "-"),
    ):
        outline = PatchCollection(
            _cell_patches(where, rounded=False),
            facecolor="none",
            edgecolor=colour,
            linewidth=width,
            linestyle=style,
            zorder=2.5 if colour == HIGHLIGHT_COLOR else 2.6,
            label=label if colour == HIGHLIGHT_COLOR else None,
        )
        ax.add_collection(outline)
        lines.append(outline)
    return lines[0]


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

    Every panel's cells have one size: 0.42 inches, or less where
    the figure would be wider than :data:`MAX_WIDTH`. Matplotlib's
    constrained layout places the titles, numbers and colour bars.

    Parameters
    ----------
    panels : sequence of Panel
        The arrays, left to right (then top to bottom when ``ncols`` wraps).
    title : str
        A sentence saying what the figure shows; the figure's suptitle and,
        on the site, its caption.
    operators : sequence of str, optional
        ``len(panels) - 1`` symbols or words drawn between the panels (e.g.
        ``"⋆"``, ``"="``), each in a narrow column of its own. When ``ncols``
        wraps the panels, the operator between a row's last panel and the next
        row's first ends its row (``input ∗ kernel =``, then ``output``).
    ncols : int, optional
        Panels per row. By default all panels share one row, unless its cells
        would be too small for some panel's values: then the fewest rows whose
        cells fit every panel's values (at :data:`MIN_FONTSIZE`), if any do.
    width : float, optional
        Figure width in inches, at most :data:`MAX_WIDTH`; by default as wide
        as the panels need.
    share_norm : bool, default True
        Panels of the same role share one colour scale, so equal colours mean
        equal values across the figure (pass False to scale each panel to its
        own data). A shared scale that needs a colour bar gets one, beside the
        role's last panel.
    equal_cells : bool, default False
        Draw a panel smaller than its column and row in the middle of that
        space, cells the size of its neighbours', instead of enlarged to fill
        it (for a matrix beside a long vector); its axes then cover only its
        own cells, and the figure's layout is fixed.

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
    cols = _columns(panels, operators, ncols)
    ops = list(operators or [])
    cols, plan = _layout(panels, cols, ops, title, width, share_norm, fixed=ncols is not None)
    wraps = bool(ops) and cols < len(panels)  # an operator ends each row but the last
    rows = len(plan.row_cells)
    ratios: list[float] = []
    for c, w in enumerate(plan.col_cells):
        ratios += [w] if c == 0 or not ops else [_OPERATOR / plan.cell, w]
    if wraps:
        ratios.append(_OPERATOR / plan.cell)
    fig, grid = _plt().subplots(
        rows,
        len(ratios),
        figsize=plan.size,
        gridspec_kw={"width_ratios": ratios, "height_ratios": plan.row_cells},
        squeeze=False,
        layout="constrained",
    )
    step = 2 if ops else 1
    axes = [grid[k // cols, (k % cols) * step] for k in range(len(panels))]
    scales = _shared_scales(panels) if share_norm else [(None, None)] * len(panels)
    for k, (ax, p, (lo, hi)) in enumerate(zip(axes, panels, scales, strict=True)):
        show_matrix(
            p.data,
            fontsize=_cell_fontsize(plan.cell, plan.texts[k], _as_2d(p.data).shape[1]),
            ax=ax,
            role=p.role,
            inserted=p.inserted,
            padded=p.padded,
            cropped=p.cropped,
            blank=p.blank,
            vmin=None if lo is None else min(lo, 0.0),
            vmax=hi,
            colorbar=None if not share_norm else False,
            formatter=plan.formatter,
        )
        ax.set_title(plan.titles[k], fontsize=_TITLE_SIZE)
        if p.rows is not None:
            labels = [str(r) for r in p.rows]
            if len(labels) != _as_2d(p.data).shape[0]:
                msg = f"rows must label the {_as_2d(p.data).shape[0]} rows of {p.title!r}, got {labels!r}"
                raise ValueError(msg)
            ax.set_yticks(range(len(labels)), labels)
        if equal_cells:  # the layout sees the whole slot, in cell units (see _own_shapes)
            _span_slot(ax, (plan.row_cells[k // cols], plan.col_cells[k % cols]))
    if share_norm:
        _shared_colorbars(axes, panels)
    for k in range(len(panels), rows * cols):
        grid[k // cols, (k % cols) * step].set_axis_off()
    for ax in grid[:, 1::2].ravel() if ops else []:
        ax.set_axis_off()
    for k, op in enumerate(ops):  # between panel k and panel k + 1
        ax = grid[k // cols, 2 * (k % cols) + 1]
        size = 24 if len(op) == 1 else 12  # a lone symbol must read as large as a word
        ax.text(0.5, 0.5, op, ha="center", va="center", fontsize=size, transform=ax.transAxes)
    fig.suptitle(plan.suptitle, fontsize=_SUPTITLE_SIZE)
    _fit_cell_text(fig, axes)
    if equal_cells:
        _own_shapes(fig, axes, panels)
    return fig, axes


def _span_slot(ax: Axes, slot: tuple[float, float]) -> None:
    """Limits of ``ax`` that span its grid slot (rows, columns in cells), its cells centred."""
    rows, cols = ax.get_ylim()[0] + 0.5, ax.get_xlim()[1] + 0.5
    high, wide = slot
    ax.set_xlim(-0.5 - (wide - cols) / 2, cols - 0.5 + (wide - cols) / 2)
    ax.set_ylim(rows - 0.5 + (high - rows) / 2, -0.5 - (high - rows) / 2)


def _own_shapes(fig: Figure, axes: list[Axes], panels: Sequence[Panel]) -> None:
    """Once the layout is done, shrink each axes to its own cells, where they stay.

    The layout placed each panel in its whole slot (:func:`_span_slot`), so
    its cells have its neighbours' size; now the layout is fixed and each
    axes covers only its cells: its numbers sit beside them, and what is cut
    from it (the site's picture of the panel, its alt text) is its own shape.
    """
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    for ax, p in zip(axes, panels, strict=True):
        rows, cols = _as_2d(p.data).shape
        (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
        box = ax.get_position()
        left = box.x0 + box.width * (-0.5 - x0) / (x1 - x0)
        bottom = box.y0 + box.height * (y1 - (rows - 0.5)) / (y1 - y0)
        ax.set_position((left, bottom, box.width * cols / (x1 - x0), box.height * rows / (y1 - y0)))
        ax.set_xlim(-0.5, cols - 0.5)
        ax.set_ylim(rows - 0.5, -0.5)


def _layout(
    panels: Sequence[Panel],
    cols: int,
    ops: Sequence[str],
    title: str,
    width: float | None,
    share_norm: bool,
    *,
    fixed: bool,
) -> tuple[int, _Plan]:
    """Panels a row and the plan: ``cols``, or fewer where ``cols`` leaves values unwritten.

    Unless ``fixed`` (the caller chose ``cols``): the most panels a row whose
    cells fit every panel's values; ``cols`` if no row length does.
    """

    def plan(c: int) -> _Plan:
        return _plan(panels, c, _operator_columns(len(panels), c, ops), title, width, share_norm)

    first = plan(cols)
    if fixed or _writes_values(panels, first):
        return cols, first
    for fewer in range(cols - 1, 0, -1):
        candidate = plan(fewer)
        if _writes_values(panels, candidate):
            return fewer, candidate
    return cols, first


def _operator_columns(count: int, cols: int, ops: Sequence[str]) -> int:
    """Columns of operators: one between panels, and one ending each row when rows wrap."""
    if not ops:
        return 0
    return cols if cols < count else cols - 1


def _writes_values(panels: Sequence[Panel], plan: _Plan) -> bool:
    """Whether every panel's values fit its cells at :data:`MIN_FONTSIZE` or more."""
    return all(
        _cell_fontsize(plan.cell, texts, _as_2d(p.data).shape[1]) >= MIN_FONTSIZE
        for p, texts in zip(panels, plan.texts, strict=True)
    )


def _columns(panels: Sequence[Panel], operators: Sequence[str] | None, ncols: int | None) -> int:
    """Panels per row, once the arguments are checked."""
    if not panels:
        msg = "panels must not be empty"
        raise ValueError(msg)
    cols = len(panels) if ncols is None else ncols
    if cols < 1:
        msg = f"ncols must be positive, got {ncols!r}"
        raise ValueError(msg)
    if operators is not None and len(operators) != len(panels) - 1:
        msg = f"operators must have {len(panels) - 1} entries, got {len(operators)}"
        raise ValueError(msg)
    return cols


@dataclass
class _Plan:
    """What :func:`show_panels` decides before drawing: sizes, wrapped titles, cell texts."""

    cell: float
    col_cells: list[float]
    row_cells: list[int]
    size: tuple[float, float]
    titles: list[str]
    suptitle: str
    texts: list[list[str]]
    formatter: Callable[[Any], str]


def _plan(
    panels: Sequence[Panel],
    cols: int,
    ops: int,
    title: str,
    width: float | None,
    share_norm: bool,
) -> _Plan:
    """One cell size for every panel, as large as :data:`CELL` and the width allow.

    Room is kept for the numbers beside each panel, ``ops`` operator columns, the colour
    bars (of signed panels and of panels too small for their values) and the
    titles (each column at least as wide as its title's longest word and half
    the title).
    """
    shapes = [_as_2d(p.data).shape for p in panels]
    col_cells = [float(max(2, *(s[1] for s in shapes[c::cols]))) for c in range(cols)]
    rows = -(-len(panels) // cols)
    row_cells = [max(s[0] for s in shapes[r * cols : (r + 1) * cols]) for r in range(rows)]
    most = min(MAX_WIDTH, width or MAX_WIDTH)
    fmt = value_formatter(np.concatenate([np.ravel(p.data) for p in panels]))
    texts = [[fmt(v) for v in np.ravel(p.data)] for p in panels]
    room = _PANEL_ROOM * cols + _OPERATOR * ops
    cell = min(CELL, (most - room) / sum(col_cells))
    bare = [
        bool(np.min(p.data) < 0) or _cell_fontsize(cell, t, _as_2d(p.data).shape[1]) < MIN_FONTSIZE
        for p, t in zip(panels, texts, strict=True)
    ]
    groups = {p.role for p, b in zip(panels, bare, strict=True) if b}
    room += _COLORBAR_ROOM * (len(groups) if share_norm else sum(bare))
    cell = min(CELL, (most - room) / sum(col_cells))
    titles = [shape_title(p.title, _as_2d(p.data)) if p.title else "" for p in panels]
    for k, t in enumerate(titles):
        col_cells[k % cols] = max(col_cells[k % cols], _title_room(t) / cell)
    cell = min(cell, (most - room) / sum(col_cells))
    fig_w = min(most, width or sum(col_cells) * cell + room)
    suptitle = _wrap(title, fig_w - 0.2, _SUPTITLE_SIZE)
    titles = [_wrap(t, col_cells[k % cols] * cell + 0.2, _TITLE_SIZE) for k, t in enumerate(titles)]
    lines = [max(t.count("\n") for t in titles[r * cols : (r + 1) * cols]) for r in range(rows)]
    fig_h = sum(cell * h + _ROW_ROOM + 0.17 * n for h, n in zip(row_cells, lines, strict=True))
    fig_h += 0.2 * (suptitle.count("\n") + 1) + 0.1
    return _Plan(cell, col_cells, row_cells, (fig_w, fig_h), titles, suptitle, texts, fmt)


def _signed(ax: Axes) -> bool:
    """Whether the cells of ``ax`` use the diverging map (their scale reaches below 0)."""
    cells: Any = ax.collections[0]
    return float(cells.norm.vmin) < 0


def _title_room(title: str) -> float:
    """Inches a panel's title needs: its longest word, and half of it (on two lines)."""
    longest = max((_text_width(w, _TITLE_SIZE) for w in title.split()), default=0.0)
    return max(longest, _text_width(title, _TITLE_SIZE) / 2)


def _shared_colorbars(axes: list[Axes], panels: Sequence[Panel]) -> None:
    """A colour bar beside each role's last panel, where the role's scale needs one."""
    last_of_role = {p.role: k for k, p in enumerate(panels)}
    for role, k in last_of_role.items():
        group = [a for a, q in zip(axes, panels, strict=True) if q.role == role]
        if any(not a.texts or _signed(a) for a in group):
            short = _as_2d(panels[k].data).shape[0] <= 2
            whole = all(np.all(np.mod(q.data, 1) == 0) for q in panels if q.role == role)
            _colorbar(axes[k].collections[0], [axes[k]], short=short, integers=whole)


def _fit_cell_text(fig: Figure, axes: list[Axes]) -> None:
    """Once the layout is done, make cell text that is wider than its cells smaller.

    The cell size is chosen before matplotlib's layout places titles, numbers
    and colour bars, which can leave a panel a little smaller: one measured
    pass fits its text to the cells it got (never under :data:`MIN_FONTSIZE`),
    and makes the text of a wide panel as large as a phone needs, where it fits.
    A colour bar too short for its "negative ← 0 → positive" label loses the
    label (its numbers carry their signs).
    """
    fig.draw_without_rendering()
    for ax in axes:
        shown = [t for t in ax.texts if t.get_visible() and t.get_text()]
        if shown:
            cols = round(abs(np.subtract(*ax.get_xlim())))
            cell = _cell_inches(ax)
            size = max(MIN_FONTSIZE, _cell_fontsize(cell, [t.get_text() for t in shown], cols))
            phone = 72 * cell * cols / PANEL_WIDTHS_PER_FONTSIZE  # a wide panel's text grows
            for text in shown:
                now = float(text.get_fontsize())
                text.set_fontsize(size if now < min(phone, size) else min(now, size))
    for bar in (a for a in fig.axes if a.get_label() == "<colorbar>" and a.get_ylabel()):
        label = bar.yaxis.label.get_window_extent()
        if label.y0 < 0 or label.y1 > fig.bbox.height:
            bar.set_ylabel("")


def show_product(
    matrix: Any,
    vector: Any,
    *,
    title: str,
    names: Sequence[str] = ("C", "x", "C @ x"),
    roles: Sequence[str] = ("matrix", "input", "output"),
) -> tuple[Figure, list[Axes]]:
    """Draw a matrix times a vector so that each dot product reads down a column.

    The vector is drawn as a row above the matrix, its entries over the
    columns they multiply; the product is drawn to the right of the matrix,
    each entry beside the row that gives it. Every cell has one size.

    Parameters
    ----------
    matrix : (m, n) array_like
    vector : (n,) or (n, 1) array_like
    title : str
        The figure title.
    names : three str, default ("C", "x", "C @ x")
        Names of the matrix, the vector and the product; the vector's row is
        titled with its name and a ᵀ.
    roles : three str, default ("matrix", "input", "output")
        Their roles (colours).

    Returns
    -------
    fig : matplotlib Figure
    axes : list of matplotlib Axes
        The matrix, the vector (as a row) and the product.

    Examples
    --------
    >>> fig, axes = show_product(np.eye(3), [1, 2, 3], title="The identity keeps x")
    >>> [" ".join(ax.get_title().split()) for ax in axes]  # titles wrap to their columns
    ['C (3, 3)', 'xᵀ (1, 3)', 'C @ x (3, 1)']
    >>> [t.get_text() for t in axes[2].texts]
    ['1', '2', '3']
    """
    c = _as_2d(matrix)
    x = np.asarray(vector).reshape(-1)
    if x.size != c.shape[1]:
        msg = f"vector must have {c.shape[1]} entries (matrix's columns), got {x.size}"
        raise ValueError(msg)
    y = (c @ x).reshape(-1, 1)
    m, n = c.shape
    fmt = value_formatter(np.concatenate([c.ravel(), x, y.ravel()]))
    titles = [
        shape_title(names[0], c),
        shape_title(f"{names[1]}ᵀ", x[None, :]),
        shape_title(names[2], y),
    ]
    right = _title_room(titles[2])  # the product's column: as wide as its title needs
    cell = min(CELL, (MAX_WIDTH - 1.4 - right) / n)
    right = max(right, cell)
    fig, grid = _plt().subplots(
        2,
        3,
        figsize=(cell * n + right + 1.4, cell * (m + 1) + 1.6),
        gridspec_kw={"width_ratios": [n, _OPERATOR / cell, right / cell], "height_ratios": [1, m]},
        squeeze=False,
        layout="constrained",
    )
    panels = [(grid[1, 0], c, 0), (grid[0, 0], x[None, :], 1), (grid[1, 2], y, 2)]
    for ax, data, k in panels:
        texts = [fmt(v) for v in np.ravel(data)]
        show_matrix(
            data,
            ax=ax,
            role=roles[k],
            fontsize=_cell_fontsize(cell, texts, _as_2d(data).shape[1]),
            colorbar=False,
            formatter=fmt,
        )
        room = right if k == 2 else n * cell
        ax.set_title(_wrap(titles[k], room + 0.2, _TITLE_SIZE), fontsize=_TITLE_SIZE)
    for ax in (grid[0, 1], grid[0, 2], grid[1, 1]):
        ax.set_axis_off()
    grid[1, 1].text(0.5, 0.5, "=", ha="center", va="center", fontsize=24)
    grid[0, 0].tick_params(labelleft=False, labelbottom=False)  # C's numbers are its numbers
    fig.suptitle(_wrap(title, fig.get_figwidth() - 0.2, _SUPTITLE_SIZE), fontsize=_SUPTITLE_SIZE)
    axes = [ax for ax, _, _ in panels]
    _fit_cell_text(fig, axes)
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
        Padding per axis (drawn dotted straw); negative amounts crop.
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
