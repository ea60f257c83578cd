"""Drawing helpers for every figure on the site.

Matplotlib is imported only when a function here is called (install the
``plot`` extra: ``pip install "transposed-conv[plot]"``), so the numerical
package never needs it.

Every figure follows the same rules: each array is drawn in the colour of its
role (:data:`ROLES`), its values written in the cells, the colour scaled to
its own data, its shape in its title, and the figure titled with a sentence
that says what it shows (sphinx-gallery turns it into the image's alt text).
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from ._conv import conv2d
from ._transpose import (
    conv_transpose2d,
    flip_kernel,
    insert_zeros,
    pad_or_crop,
    scatter_stamps,
    transpose_padding,
)
from ._validation import as_int, as_tuple

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


def show_image(image: Any, *, ax: Axes | None = None, title: str = "", cmap: str = "gray") -> Axes:
    """Draw a photograph-sized array without cell values, grey scale by default.

    Parameters
    ----------
    image : (H, W) array_like
    ax : matplotlib Axes, optional
    title : str
        Name; the shape is appended.
    cmap : str, default 'gray'

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> show_image(np.zeros((8, 8)), title="Photo").get_title()
    'Photo (8, 8)'
    """
    plt = _plt()
    arr = _as_2d(image)
    if ax is None:
        _, ax = plt.subplots(figsize=(3, 3), layout="constrained")
    ax.imshow(arr, cmap=cmap, interpolation="nearest")
    ax.set_axis_off()
    fit_title(ax, shape_title(title, arr) if title else "")
    return ax


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


def animate_scatter(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    title: str = "Each input value stamps a scaled copy of the kernel",
    interval: int = 1000,
) -> Any:
    """Animate a 2-D transposed convolution one input value at a time.

    Each frame highlights one input value, shows the kernel (dilated, if so)
    scaled by it, and adds that stamp to the full output. Cells that
    ``padding`` crops away are hatched; the last frame boxes the output that
    remains, equal to :func:`~transposed_conv.conv_transpose2d`.

    Parameters
    ----------
    x : (H, W) array_like
    kernel : (kH, kW) array_like
    stride, padding, output_padding, dilation : int or pair of ints
        As in :func:`~transposed_conv.conv_transpose2d`.
    title : str
        The figure title (the animation's accessible name on the site).
    interval : int, default 1000
        Milliseconds per frame.

    Returns
    -------
    matplotlib.animation.FuncAnimation
        With ``H * W + 1`` frames.

    Examples
    --------
    >>> anim = animate_scatter([[1, 2]], [[1, 1]], stride=2)
    >>> anim._fig.get_suptitle()
    'Each input value stamps a scaled copy of the kernel'
    >>> "<img" in anim.to_jshtml(default_mode="once")  # renders all three frames
    True
    """
    xs, k = np.asarray(x), np.asarray(kernel)
    d = as_tuple(dilation, "dilation", 2)
    s = as_tuple(stride, "stride", 2)
    p = as_tuple(padding, "padding", 2)
    a = as_tuple(output_padding, "output_padding", 2)
    final = conv_transpose2d(xs, k, stride=s, padding=p, output_padding=a, dilation=d)
    stamp_kernel = insert_zeros(k, d)
    # running sums of the stamps, with room for output_padding past the uncropped end
    stamps = pad_or_crop(scatter_stamps(xs, k, stride=s, dilation=d), [(0, ai) for ai in a])
    frames = np.cumsum(stamps, axis=0)
    grid = frames.shape[1:]
    cropped = np.ones(grid, dtype=bool)
    cropped[p[0] : grid[0] - p[0], p[1] : grid[1] - p[1]] = False
    lo, hi = float(min(0, frames.min())), float(max(0, frames.max()))
    stamp_lo = float(min(0, (xs.min() * stamp_kernel).min()))
    stamp_hi = float(max(0, (xs.max() * stamp_kernel).max()))
    positions = list(np.ndindex(*xs.shape))

    def draw(n: int, axes: list[Axes]) -> None:
        show_matrix(xs, ax=axes[0], title="Input")
        last = n == len(positions)  # the extra frame: the whole sum and the crop
        total = frames[-1] if last else frames[n]
        if last:
            show_matrix(stamp_kernel, ax=axes[1], title="Kernel", role="kernel")
        else:
            (i, j), value = positions[n], xs[positions[n]]
            highlight(axes[0], i, j)
            show_matrix(
                value * stamp_kernel,
                ax=axes[1],
                title=f"{format_value(value)} x kernel",
                role="kernel",
                vmin=stamp_lo,
                vmax=stamp_hi,
            )
        show_matrix(
            total,
            ax=axes[2],
            title="Output, before the crop",
            role="output",
            padded=cropped,
            vmin=lo,
            vmax=hi,
        )
        if last:
            highlight(axes[2], (p[0], p[0] + final.shape[0]), (p[1], p[1] + final.shape[1]))
        else:
            r, c = positions[n][0] * s[0], positions[n][1] * s[1]
            highlight(axes[2], (r, r + stamp_kernel.shape[0]), (c, c + stamp_kernel.shape[1]))

    panels = [
        Panel(xs, "Input"),
        Panel(stamp_kernel, "Value x kernel", "kernel"),
        Panel(frames[-1], "Output, before the crop", "output", padded=cropped),
    ]
    return _animate(panels, title, ["→", "+="], len(positions) + 1, interval, draw)


def _animate(
    panels: list[Panel],
    title: str,
    operators: list[str],
    n_frames: int,
    interval: int,
    draw: Any,
) -> Any:
    """Lay out ``panels`` once, then redraw them for each frame with ``draw(n, axes)``."""
    from matplotlib.animation import FuncAnimation

    fig, axes = show_panels(panels, title=title, operators=operators)

    def frame(n: int) -> list[Any]:
        for ax in axes:
            ax.clear()
        draw(n, axes)
        return []

    return FuncAnimation(fig, frame, frames=n_frames, interval=interval, repeat=False)


def _input_panel(xs: npt.NDArray[Any], padding: tuple[int, ...]) -> Panel:
    """The input with its zero padding drawn hatched."""
    title = "Input, padded" if any(padding) else "Input"
    return framed_panel(xs, title, pad_width=[(v, v) for v in padding])


def _dilated_kernel_panel(kernel: npt.NDArray[Any], dilation: tuple[int, ...], title: str) -> Panel:
    if all(d == 1 for d in dilation):
        return Panel(kernel, title, "kernel")
    panel = framed_panel(kernel, f"{title}, dilated", stride=dilation, role="kernel")
    return Panel(panel.data, panel.title, "kernel", inserted=panel.inserted)


def show_convolution(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    title: str,
) -> tuple[Figure, list[Axes], npt.NDArray[Any]]:
    """Draw a direct 2-D convolution: padded input, (dilated) kernel, output.

    Parameters
    ----------
    x : (H, W) array_like
    kernel : (kH, kW) array_like
    stride, padding, dilation : int or pair of ints
        As in :func:`~transposed_conv.conv2d`; padding is drawn hatched, a dilated kernel with
        its gaps drawn as inserted zeros.
    title : str
        The figure title.

    Returns
    -------
    fig, axes, output
        ``output`` is ``conv2d(x, kernel, ...)``.

    Examples
    --------
    >>> fig, axes, out = show_convolution(np.ones((4, 4)), np.ones((3, 3)), padding=1,
    ...                                   title="Half padding keeps the size")
    >>> out.shape, axes[0].get_title()
    ((4, 4), 'Input, padded (6, 6)')
    """
    xs, k = np.asarray(x), np.asarray(kernel)
    p = as_tuple(padding, "padding", 2)
    d = as_tuple(dilation, "dilation", 2)
    out = conv2d(xs, k, stride=stride, padding=p, dilation=d)
    return _convolution_figure(
        _input_panel(xs, p), _dilated_kernel_panel(k, d, "Kernel"), out, title
    )


def _convolution_figure(
    framed: Panel, kernel: Panel, out: npt.NDArray[Any], title: str
) -> tuple[Figure, list[Axes], npt.NDArray[Any]]:
    """The figure of a direct convolution: input ∗ kernel = output."""
    fig, axes = show_panels(
        [framed, kernel, Panel(out, "Output", "output")], title=title, operators=["∗", "="]
    )
    return fig, axes, out


def show_zero_insertion(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    title: str,
) -> tuple[Figure, list[Axes], npt.NDArray[Any]]:
    r"""Draw a transposed convolution as the direct convolution that equals it.

    The input gets ``stride - 1`` inserted zeros (hatched grey) and the padding
    of :func:`~transposed_conv.transpose_padding` (hatched cream; a crop when negative), and is
    convolved at stride 1 with the kernel rotated 180 degrees.

    Parameters
    ----------
    x : (H, W) array_like
    kernel : (kH, kW) array_like
    stride, padding, output_padding, dilation : int or pair of ints
        As in :func:`~transposed_conv.conv_transpose2d`.
    title : str

    Returns
    -------
    fig, axes, output
        ``output`` is the direct convolution's result, equal to
        ``conv_transpose2d(x, kernel, ...)``.

    Examples
    --------
    >>> fig, axes, out = show_zero_insertion([[1, 3], [2, 3]], np.ones((3, 3)), stride=2,
    ...                                      title="Stride 2, as a convolution")
    >>> out.shape, axes[0].get_title().replace("\n", " ")
    ((5, 5), 'Input, zeros inserted, padded (7, 7)')
    """
    xs, k = np.asarray(x), np.asarray(kernel)
    d = as_tuple(dilation, "dilation", 2)
    s = as_tuple(stride, "stride", 2)
    pad = transpose_padding(k.shape, padding, output_padding, d)
    parts = ["Input"] + (["zeros inserted"] if any(v > 1 for v in s) else [])
    amounts = [v for pair in pad for v in pair]
    if any(v > 0 for v in amounts):
        parts.append("padded")
    if any(v < 0 for v in amounts):
        parts.append("cropped")
    framed = framed_panel(xs, ", ".join(parts), stride=s, pad_width=pad)
    flipped = flip_kernel(k)
    out = conv2d(framed.data, flipped, dilation=d)
    kernel_panel = _dilated_kernel_panel(flipped, d, "Kernel rotated 180°")
    return _convolution_figure(framed, kernel_panel, out, title)


def show_images(
    images: dict[str, Any],
    *,
    title: str,
    ncols: int = 3,
    cmap: str = "gray",
    same_scale: bool = False,
    width: float = MAX_WIDTH,
) -> tuple[Figure, list[Axes]]:
    """Draw photograph-sized arrays in a grid, each with its name and shape.

    Parameters
    ----------
    images : dict of str to (H, W) array_like
        Names and images, in reading order.
    title : str
        The figure title (the alt text on the site).
    ncols : int, default 3
    cmap : str, default 'gray'
    same_scale : bool, default False
        One grey scale for all images (to compare brightness), instead of each
        image's own range.
    width : float
        Figure width in inches, at most :data:`MAX_WIDTH`.

    Returns
    -------
    fig, axes

    Examples
    --------
    >>> fig, axes = show_images({"a": np.zeros((4, 4)), "b": np.ones((4, 4))}, title="Two")
    >>> [ax.get_title() for ax in axes]
    ['a (4, 4)', 'b (4, 4)']
    """
    plt = _plt()
    if not images:
        msg = "images must not be empty"
        raise ValueError(msg)
    cols = min(ncols, len(images))
    rows = -(-len(images) // cols)
    w = min(MAX_WIDTH, width)
    arrays = {name: _as_2d(img) for name, img in images.items()}
    aspect = max(a.shape[0] / a.shape[1] for a in arrays.values())  # height / width
    fig, grid = plt.subplots(
        rows,
        cols,
        figsize=(w, rows * (w / cols * aspect + 0.45) + 0.5),
        squeeze=False,
        layout="constrained",
    )
    axes = list(grid.flat)
    lo = min(float(a.min()) for a in arrays.values())
    hi = max(float(a.max()) for a in arrays.values())
    for ax, (name, arr) in zip(axes, arrays.items(), strict=False):
        show_image(arr, ax=ax, title=name, cmap=cmap)
        if same_scale:
            ax.images[0].set_clim(lo, hi)
    for ax in axes[len(arrays) :]:
        ax.set_axis_off()
    fig.suptitle(_wrap(title, w, 11), fontsize=11)
    return fig, axes[: len(arrays)]


def show_lines(
    series: dict[str, Any],
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    x: Any = None,
    logy: bool = False,
    ax: Axes | None = None,
) -> Axes:
    """Plot named 1-D series against a shared x, with a legend and labelled axes.

    Parameters
    ----------
    series : dict of str to (n,) array_like
    title : str
        The title (the figure's alt text when the figure has one axes).
    xlabel, ylabel : str
    x : (n,) array_like, optional
        Default ``0 .. n - 1``.
    logy : bool, default False
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Axes

    Examples
    --------
    >>> ax = show_lines({"loss": [3, 2, 1]}, title="Learning curve", xlabel="step", ylabel="MSE")
    >>> ax.get_xlabel(), ax.get_legend().get_texts()[0].get_text()
    ('step', 'loss')
    """
    plt = _plt()
    if ax is None:
        _, ax = plt.subplots(figsize=(MAX_WIDTH, 3.2), layout="constrained")
    for name, values in series.items():
        ys = np.asarray(values, dtype=float)
        xs = np.arange(len(ys)) if x is None else np.asarray(x)
        ax.plot(xs, ys, label=name, linewidth=1.8)
    if logy:
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    ax.figure.suptitle(title, fontsize=11)
    return ax


def show_spectrum(image: Any, *, ax: Axes | None = None, title: str = "") -> Axes:
    """Draw an image's power spectrum, zero frequency at the centre, on a log scale.

    Parameters
    ----------
    image : (H, W) array_like
    ax : matplotlib Axes, optional
    title : str
        Name; the shape is appended.

    Returns
    -------
    matplotlib Axes

    Notes
    -----
    Frequencies run from -1/2 to 1/2 cycles per pixel; a pattern repeating
    every ``s`` pixels shows as bright points at multiples of ``1 / s``. Spectra
    larger than 128 x 128 are averaged over blocks of neighbouring frequencies. Spectra
    larger than 128 x 128 are averaged over blocks of neighbouring frequencies.

    Examples
    --------
    >>> show_spectrum(np.indices((8, 8)).sum(axis=0) % 2, title="Checkerboard").get_title()
    'Checkerboard (8, 8)'
    """
    plt = _plt()
    arr = _as_2d(image).astype(float)
    if ax is None:
        _, ax = plt.subplots(figsize=(3.2, 3.2), layout="constrained")
    power = np.abs(np.fft.fftshift(np.fft.fft2(arr - arr.mean()))) ** 2
    # average blocks of frequencies down to at most 128 x 128 bins: the picture stays light
    # (raw spectra are noise, which images compress badly) and peaks stay bright
    bins = [max(1, -(-n // 128)) for n in power.shape]
    rows, cols = (power.shape[0] // bins[0]) * bins[0], (power.shape[1] // bins[1]) * bins[1]
    blocks = power[:rows, :cols].reshape(rows // bins[0], bins[0], cols // bins[1], bins[1])
    power = blocks.mean(axis=(1, 3))
    ax.imshow(
        np.log10(power + 1e-12 * power.max() + 1e-30),
        cmap="magma",
        extent=(-0.5, 0.5, 0.5, -0.5),
        interpolation="nearest",
    )
    ax.set_xlabel("cycles / pixel", fontsize=8)
    ax.tick_params(labelsize=7)
    fit_title(ax, shape_title(title, arr) if title else "")
    return ax


def sample_photo(size: int = 512) -> npt.NDArray[np.float64]:
    """Grace Hopper's portrait from matplotlib's sample data, grey, in [0, 1].

    Parameters
    ----------
    size : int, default 512
        Side of the square crop (from the top left, where her face is), at most 512.

    Returns
    -------
    (size, size) ndarray of float64

    Notes
    -----
    The file ships with matplotlib (``matplotlib.cbook.get_sample_data``), so
    nothing is downloaded.

    Examples
    --------
    >>> photo = sample_photo(64)
    >>> photo.shape, bool(0 <= photo.min() <= photo.max() <= 1)
    ((64, 64), True)
    """
    from matplotlib import cbook

    plt = _plt()
    if not 1 <= as_int(size, "size") <= 512:
        msg = f"size must be between 1 and 512, got {size!r}"
        raise ValueError(msg)
    path = cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)
    rgb = plt.imread(path)
    grey: npt.NDArray[np.float64] = rgb[:size, :size].mean(axis=2) / 255.0
    return grey


def show_spectra(images: dict[str, Any], *, title: str) -> tuple[Figure, list[Axes]]:
    """Draw the power spectra of named images side by side (see :func:`show_spectrum`).

    Parameters
    ----------
    images : dict of str to (H, W) array_like
    title : str
        The figure title.

    Returns
    -------
    fig, axes

    Examples
    --------
    >>> fig, axes = show_spectra({"flat": np.ones((4, 4)), "noise": np.eye(4)}, title="Two spectra")
    >>> len(axes)
    2
    """
    plt = _plt()
    fig, grid = plt.subplots(
        1,
        len(images),
        figsize=(MAX_WIDTH, MAX_WIDTH / len(images) + 0.8),
        squeeze=False,
        layout="constrained",
    )
    axes = list(grid[0])
    for ax, (name, img) in zip(axes, images.items(), strict=True):
        show_spectrum(img, ax=ax, title=name)
    fig.suptitle(_wrap(title, MAX_WIDTH, 11), fontsize=11)
    return fig, axes


def animate_sliding(
    x: Any,
    kernel: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    title: str = "The kernel slides over the input; each window gives one output value",
    interval: int = 1000,
) -> Any:
    """Animate a 2-D convolution one window position at a time.

    Each frame boxes one window of the (padded) input, shows the products of
    its values with the kernel's, and writes their sum into the output.

    Parameters
    ----------
    x : (H, W) array_like
    kernel : (kH, kW) array_like
    stride, padding : int or pair of ints
        As in :func:`~transposed_conv.conv2d`.
    title : str
        The figure title (the animation's accessible name on the site).
    interval : int, default 1000
        Milliseconds per frame.

    Returns
    -------
    matplotlib.animation.FuncAnimation
        One frame per output value.

    Examples
    --------
    >>> anim = animate_sliding(np.arange(9).reshape(3, 3), np.ones((2, 2)))
    >>> "<img" in anim.to_jshtml(default_mode="once")
    True
    """
    xs, k = np.asarray(x), np.asarray(kernel)
    s = as_tuple(stride, "stride", 2)
    p = as_tuple(padding, "padding", 2)
    out = conv2d(xs, k, stride=s, padding=p)
    framed = _input_panel(xs, p)
    positions = list(np.ndindex(*out.shape))
    windows = [
        (slice(r * s[0], r * s[0] + k.shape[0]), slice(c * s[1], c * s[1] + k.shape[1]))
        for r, c in positions
    ]
    products = [framed.data[w] * k for w in windows]  # what each window's sum adds up
    lo, hi = float(min(0, out.min())), float(max(0, out.max()))
    p_lo, p_hi = float(min(q.min() for q in products)), float(max(q.max() for q in products))
    order = np.arange(out.size).reshape(out.shape)  # the frame at which each value appears

    def draw(n: int, axes: list[Axes]) -> None:
        show_matrix(framed.data, ax=axes[0], title=framed.title, padded=framed.padded)
        highlight(axes[0], *windows[n])
        show_matrix(
            products[n], ax=axes[1], title="Window x kernel", role="kernel", vmin=p_lo, vmax=p_hi
        )
        so_far = np.where(order <= n, out, 0)
        show_matrix(so_far, ax=axes[2], title="Output", role="output", vmin=lo, vmax=hi)
        highlight(axes[2], *positions[n])

    panels = [
        framed,
        Panel(products[0], "Window x kernel", "kernel"),
        Panel(out, "Output", "output"),
    ]
    return _animate(panels, title, ["→", "sum →"], len(positions), interval, draw)
