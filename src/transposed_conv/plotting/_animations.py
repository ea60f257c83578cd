"""Animations: the scatter of stamps and the sliding window, frame by frame."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from .._conv import conv2d
from .._transpose import conv_transpose2d, insert_zeros, pad_or_crop, scatter_stamps
from .._validation import as_tuple
from ._convolution import _input_panel
from ._matrices import Panel, highlight, show_matrix, show_panels
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
