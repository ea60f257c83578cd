"""Animations: the scatter of stamps and the sliding window, frame by frame."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from .._conv import conv2d
from .._transpose import conv_transpose2d, insert_zeros, pad_or_crop, scatter_stamps
from .._validation import as_tuple
from ._convolution import _input_panel
from ._matrices import Panel, _fontsize_for, highlight, show_matrix, show_panels
from ._style import _as_2d, _wrap, format_value, shape_title

if TYPE_CHECKING:
    from matplotlib.axes import Axes


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
    input_name: str = "x",
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
    input_name : str, default "x"
        What the transcript calls the input, as in ``x[0, 1] = 3 stamps ...``.

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
    gaps = insert_zeros(np.ones(k.shape, dtype=np.int64), d) == 0  # the dilation's zeros
    # running sums of the stamps, with room for output_padding past the uncropped end
    room = [(0, ai) for ai in a]
    stamps = pad_or_crop(scatter_stamps(xs, k, stride=s, dilation=d), room)
    frames = np.cumsum(stamps, axis=0)
    ones = np.ones(k.shape, dtype=np.int64)
    footprints = pad_or_crop(scatter_stamps(np.ones_like(xs), ones, stride=s, dilation=d), room)
    reached = np.cumsum(footprints, axis=0) > 0  # cells some stamp has written to so far
    grid = frames.shape[1:]
    cropped = np.ones(grid, dtype=bool)
    cropped[p[0] : grid[0] - p[0], p[1] : grid[1] - p[1]] = False
    lo, hi = float(frames[reached].min()), float(frames[reached].max())
    scaled = [v * stamp_kernel[~gaps] for v in xs.ravel()]
    stamp_lo = float(min(q.min() for q in scaled))
    stamp_hi = float(max(q.max() for q in scaled))
    positions = list(np.ndindex(*xs.shape))
    kh, kw = stamp_kernel.shape
    where = "the uncropped output" if any(p) else "output"
    steps = []
    for n, (i, j) in enumerate(positions):
        r, c = i * s[0], j * s[1]
        cr, cc = r + (kh - 1) // 2, c + (kw - 1) // 2
        v = format_value(xs[i, j])
        # the cell named is under the kernel's tap [(kh - 1) // 2, (kw - 1) // 2]: its centre
        # when both sizes are odd
        odd = kh % 2 == 1 and kw % 2 == 1
        tap = (
            "the kernel's centre" if odd else f"the kernel's tap [{(kh - 1) // 2}, {(kw - 1) // 2}]"
        )
        centre = f" (the cell under {tap})" if n == 0 else ""
        steps.append(
            f"{input_name}[{i}, {j}] = {v} stamps {v} x kernel onto rows {r}-{r + kh - 1}, "
            f"columns {c}-{c + kw - 1}; {where}[{cr}, {cc}]{centre} is now "
            f"{format_value(frames[n][cr, cc])}."
        )
    fh, fw = final.shape
    steps.append(
        f"All {len(positions)} stamps are added. {_crop_sentence(p, a)}: the boxed "
        f"{fh} x {fw} block, rows {p[0]}-{p[0] + fh - 1} and columns {p[1]}-{p[1] + fw - 1}, "
        "is the output."
    )

    names = [
        [
            "Input",
            f"{format_value(xs[ij])} x kernel" if ij else "Kernel",
            "Output, before the crop" if any(p) else "Output",
        ]
        for ij in [*positions, None]
    ]

    def draw(n: int, axes: list[Axes], sizes: list[float | None]) -> None:
        show_matrix(xs, ax=axes[0], title=names[n][0], colorbar=False, fontsize=sizes[0])
        last = n == len(positions)  # the extra frame: the whole sum and the crop
        total = frames[-1] if last else frames[n]
        if last:
            show_matrix(
                stamp_kernel,
                ax=axes[1],
                title=names[n][1],
                role="kernel",
                inserted=gaps,
                colorbar=False,
                fontsize=sizes[1],
            )
        else:
            (i, j), value = positions[n], xs[positions[n]]
            highlight(axes[0], i, j, fit_text=False)
            show_matrix(
                value * stamp_kernel,
                ax=axes[1],
                title=names[n][1],
                role="kernel",
                inserted=gaps,
                vmin=stamp_lo,
                vmax=stamp_hi,
                colorbar=False,
                fontsize=sizes[1],
            )
        show_matrix(
            total,
            ax=axes[2],
            title=names[n][2],
            role="output",
            cropped=cropped,
            blank=None if last else ~reached[n],
            vmin=lo,
            vmax=hi,
            colorbar=False,
            fontsize=sizes[2],
        )
        if last:
            highlight(
                axes[2],
                (p[0], p[0] + final.shape[0]),
                (p[1], p[1] + final.shape[1]),
                fit_text=False,
            )
        else:
            r, c = positions[n][0] * s[0], positions[n][1] * s[1]
            highlight(
                axes[2],
                (r, r + stamp_kernel.shape[0]),
                (c, c + stamp_kernel.shape[1]),
                fit_text=False,
            )

    panels = [
        Panel(xs, "Input"),
        Panel(stamp_kernel, "Value x kernel", "kernel", inserted=gaps),
        Panel(frames[-1], "Output, before the crop", "output", cropped=cropped),
    ]
    shown = [xs, np.stack([stamp_kernel, *(v * stamp_kernel for v in xs.ravel())]), frames]
    return _animate(panels, title, ["→", "+="], steps, interval, draw, shown, names)


BAR_ROOM = 1.1
"""Inches left blank under an animation's frame for the browser's playback bar.

Chromium's controls (the bar and the shaded band above it) cover about 62 CSS
px of a video at any scale. On a 390 px phone a 6.5 in (650 px) frame is shown
342 px wide, scaled by 0.53, so they cover about 118 px of the frame: 1.1 in,
plus the margin :data:`EDGE`, keeps every row of the frame clear of them
(measured with Chromium at 390 px; at 1280 px the frame is scaled by 0.94).
"""

EDGE = 0.08
"""Inches between a frame's content and its edges (highlight boxes included)."""

TITLE_SIZE = 10.0
"""Panel titles, in points, as :func:`show_panels` sets them."""


def _animate(
    panels: list[Panel],
    title: str,
    operators: list[str],
    steps: list[str],
    interval: int,
    draw: Any,
    shown: list[Any],
    names: list[list[str]],
) -> Any:
    """Lay out ``panels`` once, then redraw them for each frame with ``draw(n, axes, sizes)``.

    The layout is computed once and frozen, so panels stay in place from frame
    to frame. Each panel's title is wrapped once for all frames, to the room
    between its neighbours, and keeps one number of lines in every frame (a
    shorter title gets an empty first line), so titles neither re-wrap nor
    jump (``names[n][k]`` is panel ``k``'s title in frame ``n``, before its
    shape is appended). Each panel's cell text has one size in every frame, the size that
    fits every value the panel shows in any frame (``shown[k]``). Highlight
    boxes are drawn over the axes' edges, unclipped, inside a margin of
    :data:`EDGE`. ``steps`` (one sentence per frame, the text twin of the
    frames) is kept on the animation as ``anim.steps``.
    """
    from matplotlib.animation import FuncAnimation

    fig, axes = show_panels(panels, title=title, operators=operators, share_norm=False)
    w, h = fig.get_size_inches()
    fig.set_size_inches(w, h + BAR_ROOM)
    engine: Any = fig.get_layout_engine()  # constrained, from show_panels
    bottom = BAR_ROOM / (h + BAR_ROOM)
    engine.set(rect=(0, bottom, 1, 1 - bottom), w_pad=EDGE, h_pad=EDGE)
    fig.canvas.draw()  # a first layout, to measure the room each title has
    renderer = cast("Any", fig.canvas).get_renderer()
    _fit_suptitle(fig, renderer)
    boxes = [ax.get_position() for ax in axes]  # as drawn, after apply_aspect
    # each frame's panel titles, as show_matrix writes them, then wrapped once for all frames
    raw = [
        [shape_title(name, _as_2d(panel.data)) for name, panel in zip(row, panels, strict=True)]
        for row in names
    ]
    titles = _fixed_titles(fig, boxes, raw, renderer)
    for ax, text in zip(axes, titles[-1], strict=True):
        ax.set_title(text, fontsize=TITLE_SIZE)
    fig.canvas.draw()  # the layout with the titles' room
    _trim_height(fig, renderer)
    fig.set_layout_engine("none")  # frozen
    sizes: list[float | None] = []
    for ax, values in zip(axes, shown, strict=True):
        arr = np.asarray(values)  # (..., rows, cols): the panel's values in every frame
        rows, cols = arr.shape[-2:]
        cell = min(
            ax.get_position().width * fig.get_figwidth() / cols,
            ax.get_position().height * fig.get_figheight() / rows,
        )
        sizes.append(_fontsize_for(cell, sorted({format_value(v) for v in arr.ravel()})))

    def frame(n: int) -> list[Any]:
        for ax in axes:
            ax.clear()
        draw(n, axes, sizes)
        for ax, text in zip(axes, titles[n], strict=True):
            ax.set_title(text, fontsize=TITLE_SIZE)
        return []

    anim: Any = FuncAnimation(fig, frame, frames=len(steps), interval=interval, repeat=False)
    anim.steps = steps
    return anim


def _trim_height(fig: Any, renderer: Any) -> None:
    """Take out the blank rows the first layout left above and below the panels.

    The figure's height is an estimate; the panels (square cells) fill its
    width, and the rest of the height is empty space between the title and the
    panels and under them. Remove it, keeping :data:`BAR_ROOM`, the margins
    and a 0.1 in gap under the title, unless the panels would shrink.
    """

    def slack() -> tuple[float, list[float]]:
        fig.canvas.draw()
        panels = [ax for ax in fig.axes if ax.axison]  # not the operators' columns
        boxes = [ax.get_tightbbox(renderer) for ax in panels]
        title = fig._suptitle.get_window_extent(renderer)
        below = min(b.y0 for b in boxes) / fig.dpi - BAR_ROOM - EDGE
        above = (title.y0 - max(b.y1 for b in boxes)) / fig.dpi - 0.1
        return below + above, [ax.get_position().width * fig.get_figwidth() for ax in panels]

    def resize(height: float) -> None:
        fig.set_size_inches(fig.get_figwidth(), height)
        bottom = BAR_ROOM / height
        fig.get_layout_engine().set(rect=(0, bottom, 1, 1 - bottom))

    extra, widths = slack()
    for _ in range(3):
        if extra < 0.05:
            return
        height = fig.get_figheight()
        resize(height - extra)
        extra, narrower = slack()
        if any(b < a - 0.01 for a, b in zip(widths, narrower, strict=True)):
            resize(height)  # the panels would shrink: keep the last layout
            fig.canvas.draw()
            return


def _text_width(fig: Any, text: str, fontsize: float, renderer: Any) -> float:
    """Width of ``text`` in pixels, measured as matplotlib draws it."""
    probe = fig.text(0, 0, text, fontsize=fontsize)
    width = float(probe.get_window_extent(renderer).width)
    probe.remove()
    return width


def _wrap_all(fig: Any, texts: list[str], room: float, fontsize: float, renderer: Any) -> list[str]:
    """``texts`` wrapped by :func:`_wrap`'s rules at one width, the widest at which all fit.

    Every line of every text is at most ``room`` pixels wide, as measured;
    texts that fit unwrapped stay on one line.
    """
    longest = max(len(t) for t in texts)
    wrapped = texts
    for chars in range(longest, 7, -1):
        width_in = (chars + 0.5) * 0.55 * fontsize / 72  # _wrap's characters per inch
        wrapped = [_wrap(t, width_in, fontsize) for t in texts]
        if all(_text_width(fig, t, fontsize, renderer) <= room for t in wrapped):
            break
    return wrapped


def _fit_suptitle(fig: Any, renderer: Any) -> None:
    """Re-wrap the figure title if it is wider than the frame inside its margins."""
    current = fig.get_suptitle()
    size = fig._suptitle.get_fontsize()
    room = fig.bbox.width - 2 * EDGE * fig.dpi
    if _text_width(fig, current, size, renderer) > room:
        text = _wrap_all(fig, [current.replace("\n", " ")], room, size, renderer)[0]
        fig.suptitle(text, fontsize=size)


def _fixed_titles(
    fig: Any, boxes: list[Any], raw: list[list[str]], renderer: Any
) -> list[list[str]]:
    """Every frame's panel titles, wrapped once per panel and padded to one line count.

    A panel's room is centred on its axes (``boxes``, in figure coordinates)
    and reaches halfway to its neighbours (or to the frame's margin); all its
    frames' titles are wrapped at the one width at which every one of them fits
    that room, and shorter ones get empty first lines.
    """
    fig_w = fig.bbox.width
    edges = [EDGE * fig.dpi]
    for left, right in pairwise(boxes):
        edges.append((left.x1 + right.x0) / 2 * fig_w)
    edges.append(fig_w - EDGE * fig.dpi)
    wrapped: list[list[str]] = [[] for _ in raw]
    for k, box in enumerate(boxes):
        centre = (box.x0 + box.x1) / 2 * fig_w
        room = 2 * min(centre - edges[k], edges[k + 1] - centre)
        texts = _wrap_all(fig, [frame[k] for frame in raw], room, TITLE_SIZE, renderer)
        lines = max(t.count("\n") for t in texts)
        for n, t in enumerate(texts):
            wrapped[n].append("\n" * (lines - t.count("\n")) + t)
    return wrapped


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _crop_sentence(p: tuple[int, ...], a: tuple[int, ...]) -> str:
    """Say what ``padding`` crops: ``p`` at the start of each axis, ``p - a`` at its end.

    >>> _crop_sentence((1, 1), (1, 1))
    'Cropping 1 row and column at the top and left; output_padding = 1 gives back
    the one at the bottom and right'
    >>> _crop_sentence((2, 1), (0, 0))
    'Cropping 2 rows at the top and 1 column at the left, and the same at the bottom and right'
    >>> _crop_sentence((0, 0), (1, 1))
    'Nothing is cropped at the top and left; output_padding = 1 reaches 1 row and 1 column
    past the stamps at the bottom and right'
    """
    if not any(p) and not any(a):
        return "Nothing is cropped"
    if not any(p):
        head = "Nothing is cropped at the top and left"
    elif p[0] == p[1]:
        noun = "row and column" if p[0] == 1 else "rows and columns"
        head = f"Cropping {p[0]} {noun} at the top and left"
    else:
        head = f"Cropping {_count(p[0], 'row')} at the top and {_count(p[1], 'column')} at the left"
    if not any(a):
        return f"{head}, and the same at the bottom and right"
    pad = str(a[0]) if a[0] == a[1] else f"({a[0]}, {a[1]})"
    if a == p:
        back = "the one" if p == (1, 1) else "them"
        return f"{head}; output_padding = {pad} gives back {back} at the bottom and right"
    end = (p[0] - a[0], p[1] - a[1])
    if min(end) < 0:
        return (
            f"{head}; output_padding = {pad} reaches {_count(-end[0], 'row')} and "
            f"{_count(-end[1], 'column')} past the stamps at the bottom and right"
        )
    return (
        f"{head}; with output_padding = {pad}, {_count(end[0], 'row')} at the bottom and "
        f"{_count(end[1], 'column')} at the right are cropped"
    )


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
    lo, hi = float(out.min()), float(out.max())
    p_lo, p_hi = float(min(q.min() for q in products)), float(max(q.max() for q in products))
    order = np.arange(out.size).reshape(out.shape)  # the frame at which each value appears

    where = "padded input" if any(p) else "input"
    steps = [
        f"The window on rows {w[0].start}-{w[0].stop - 1}, columns {w[1].start}-{w[1].stop - 1} "
        f"of the {where}, times the kernel, sums to {format_value(out[r, c])}: "
        f"output[{r}, {c}] = {format_value(out[r, c])}."
        for (r, c), w in zip(positions, windows, strict=True)
    ]

    def draw(n: int, axes: list[Axes], sizes: list[float | None]) -> None:
        show_matrix(
            framed.data,
            ax=axes[0],
            title=framed.title,
            padded=framed.padded,
            colorbar=False,
            fontsize=sizes[0],
        )
        highlight(axes[0], *windows[n], fit_text=False)
        show_matrix(
            products[n],
            ax=axes[1],
            title="Window x kernel",
            role="kernel",
            vmin=p_lo,
            vmax=p_hi,
            colorbar=False,
            fontsize=sizes[1],
        )
        show_matrix(
            out,
            ax=axes[2],
            title="Output",
            role="output",
            blank=order > n,
            vmin=lo,
            vmax=hi,
            colorbar=False,
            fontsize=sizes[2],
        )
        highlight(axes[2], *positions[n], fit_text=False)

    panels = [
        framed,
        Panel(products[0], "Window x kernel", "kernel"),
        Panel(out, "Output", "output"),
    ]
    shown = [framed.data, np.array(products), out]
    names = [[p.title for p in panels]] * len(steps)
    return _animate(panels, title, ["→", "sum →"], steps, interval, draw, shown, names)
