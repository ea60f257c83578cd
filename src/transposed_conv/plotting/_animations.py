"""Animations: the scatter of stamps and the sliding window, frame by frame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._conv import conv2d
from .._transpose import conv_transpose2d, insert_zeros, pad_or_crop, scatter_stamps
from .._validation import as_tuple
from ._convolution import _input_panel
from ._matrices import (
    Panel,
    _cell_fontsize,
    _cell_inches,
    highlight,
    mark_cells,
    show_matrix,
    show_panels,
)
from ._style import format_value

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
    and the stamp, the kernel scaled by that value, and adds the stamp to the
    full result (every stamp added,
    nothing cropped: :math:`(i' - 1)s + d(k - 1) + 1` per axis). Cells that
    ``padding`` crops away are hatched; in the last frame the cells left
    unhatched are the output, equal to :func:`~transposed_conv.conv_transpose2d`
    (the double box marks only the current stamp), and dashed outlines mark
    the rows and columns that ``output_padding`` adds at its end (past
    the full result, when ``output_padding`` exceeds ``padding``: zeros).
    The kernel is drawn alike in every frame, on its own scale as in a figure
    of the kernel alone; the stamps, products of an input value and the
    kernel, are not kernel values: they are grey, on one scale for every frame.

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
        With ``H * W + 1`` frames; ``anim.steps`` says what each frame shows,
        in one sentence per frame, and ``anim.figure`` is its figure.

    Examples
    --------
    >>> anim = animate_scatter([[1, 2]], [[1, 1]], stride=2)
    >>> anim.figure.get_suptitle()
    'Each input value stamps a scaled copy of the kernel'
    >>> len(anim.steps)
    3
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
    # running sums of the stamps: the full result, and the zeros output_padding adds past it
    room = [(0, max(0, ai - pi)) for ai, pi in zip(a, p, strict=True)]
    stamps = pad_or_crop(scatter_stamps(xs, k, stride=s, dilation=d), room)
    frames = np.cumsum(stamps, axis=0)
    ones = np.ones(k.shape, dtype=np.int64)
    footprints = pad_or_crop(scatter_stamps(np.ones_like(xs), ones, stride=s, dilation=d), room)
    reached = np.cumsum(footprints, axis=0) > 0  # cells some stamp has written to so far
    grid = frames.shape[1:]
    fh, fw = final.shape
    cropped = np.ones(grid, dtype=bool)
    cropped[p[0] : p[0] + fh, p[1] : p[1] + fw] = False
    added = np.zeros(grid, dtype=bool)  # the rows and columns output_padding adds
    added[p[0] + fh - a[0] : p[0] + fh, p[1] : p[1] + fw] = True
    added[p[0] : p[0] + fh, p[1] + fw - a[1] : p[1] + fw] = True
    lo, hi = float(frames[reached].min()), float(frames[reached].max())
    # one scale for the stamps in every frame; the kernel keeps its own, as drawn alone
    stamps_shown = np.stack([v * stamp_kernel for v in xs.ravel()])
    stamp_lo = float(stamps_shown[:, ~gaps].min())
    stamp_hi = float(stamps_shown[:, ~gaps].max())
    positions = list(np.ndindex(*xs.shape))
    kh, kw = stamp_kernel.shape
    steps = _scatter_steps(xs, (kh, kw), s, p, a, frames, final.shape, input_name)
    stamp_names = [*(f"{format_value(xs[ij])} x kernel" for ij in positions), "None left"]
    out_name = "Output, before the crop" if any(p) else "Output"
    unused = np.ones(stamp_kernel.shape, dtype=bool)

    def draw(n: int, axes: list[Axes], sizes: list[float | None]) -> None:
        last = n == len(positions)  # the extra frame: the whole sum and the crop
        # the input, kernel and output keep the titles the layout wrapped to their widths
        show_matrix(xs, ax=axes[0], colorbar=False, fontsize=sizes[0])
        show_matrix(
            stamp_kernel,
            ax=axes[1],
            role="kernel",
            inserted=gaps,
            colorbar=False,
            fontsize=sizes[1],
        )
        show_matrix(
            0 * stamp_kernel if last else xs[positions[n]] * stamp_kernel,
            ax=axes[2],
            title=stamp_names[n],
            role="neutral",  # products of an input value and the kernel, not kernel values
            inserted=None if last else gaps,
            blank=unused if last else None,
            vmin=stamp_lo,
            vmax=stamp_hi,
            colorbar=False,
            fontsize=sizes[2],
        )
        show_matrix(
            frames[-1] if last else frames[n],
            ax=axes[3],
            role="output",
            cropped=cropped,
            blank=None if last else ~reached[n],
            vmin=lo,
            vmax=hi,
            colorbar=False,
            fontsize=sizes[3],
        )
        if last:  # the output is what is not hatched (the double box means "this stamp")
            if added.any():
                mark_cells(axes[3], added, linestyle="--")
        else:
            (i, j) = positions[n]
            highlight(axes[0], i, j)
            r, c = i * s[0], j * s[1]
            highlight(axes[3], (r, r + kh), (c, c + kw))

    panels = [
        Panel(xs, "Input"),
        Panel(stamp_kernel, "Kernel", "kernel", inserted=gaps),
        Panel(stamps_shown[0], max(stamp_names, key=len), "neutral", inserted=gaps),
        Panel(frames[-1], out_name, "output", cropped=cropped),
    ]
    shown = [xs, stamp_kernel, stamps_shown, frames]
    return _animate(panels, title, ["×", "=", "+="], steps, interval, draw, shown)


def _scatter_steps(
    xs: Any,
    kernel_shape: tuple[int, int],
    s: tuple[int, ...],
    p: tuple[int, ...],
    a: tuple[int, ...],
    frames: Any,
    final_shape: tuple[int, ...],
    input_name: str,
) -> list[str]:
    """One sentence per frame of :func:`animate_scatter`: each stamp, then the crop."""
    kh, kw = kernel_shape
    positions = list(np.ndindex(*xs.shape))
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
    fh, fw = final_shape
    ends = [
        f"the last {noun}" if n == 1 else f"the last {n} {noun}s"
        for n, noun in zip(a, ("row", "column"), strict=True)
        if n
    ]
    added = f" Dashed: {' and '.join(ends)}, which output_padding adds." if ends else ""
    steps.append(
        f"All {len(positions)} stamps are added. {_crop_sentence(p, a)}: the "
        f"{fh} x {fw} block, rows {p[0]}-{p[0] + fh - 1} and columns {p[1]}-{p[1] + fw - 1}, "
        f"is the output.{added}"
    )
    return steps


def _animate(
    panels: list[Panel],
    title: str,
    operators: list[str],
    steps: list[str],
    interval: int,
    draw: Any,
    shown: list[Any],
) -> Any:
    """Lay out ``panels`` once, then redraw them for each frame with ``draw(n, axes, sizes)``.

    ``panels`` hold what the panels show in the frame with the most to show
    (the last), so the layout has room for every frame; it is computed once,
    by matplotlib, and kept, so panels stay in place from frame to frame.
    Each panel's cell text has one size in every frame, the size that fits
    every value the panel shows in any frame (``shown[k]``). ``steps`` (one
    sentence per frame, the text twin of the frames) and the figure are kept
    on the animation as ``anim.steps`` and ``anim.figure``.
    """
    from matplotlib.animation import FuncAnimation

    fig, axes = show_panels(panels, title=title, operators=operators, share_norm=False)
    fig.draw_without_rendering()  # the layout, once
    fig.set_layout_engine("none")  # kept for every frame
    sizes: list[float | None] = []
    for ax, values in zip(axes, shown, strict=True):
        arr = np.asarray(values)  # (..., rows, cols): the panel's values in every frame
        texts = sorted({format_value(v) for v in arr.ravel()})
        sizes.append(_cell_fontsize(_cell_inches(ax, arr.shape[-2:]), texts))

    def frame(n: int) -> list[Any]:
        for ax in axes:  # the cells, values and boxes of the last frame; the axes stay
            for artist in [*ax.collections, *ax.texts, *ax.patches]:
                artist.remove()
        draw(n, axes, sizes)
        return []

    anim: Any = FuncAnimation(fig, frame, frames=len(steps), interval=interval, repeat=False)
    anim.steps = steps
    anim.figure = fig
    return anim


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
        One frame per output value; ``anim.steps`` says what each frame shows,
        in one sentence per frame, and ``anim.figure`` is its figure.

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
        highlight(axes[0], *windows[n])
        show_matrix(
            products[n],
            ax=axes[1],
            title="Window x kernel",
            role="neutral",  # products, not kernel values
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
        highlight(axes[2], *positions[n])

    panels = [
        framed,
        Panel(products[0], "Window x kernel", "neutral"),
        Panel(out, "Output", "output"),
    ]
    shown = [framed.data, np.array(products), out]
    return _animate(panels, title, ["→", "sum →"], steps, interval, draw, shown)
