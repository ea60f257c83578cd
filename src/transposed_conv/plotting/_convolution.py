"""Convolution figures: a direct convolution and the transposed one as a direct convolution."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._conv import conv2d
from .._transpose import flip_kernel, transpose_padding
from .._validation import as_tuple
from ._matrices import Panel, framed_panel, show_panels

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


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
    of :func:`~transposed_conv.transpose_padding` (dotted straw; a crop when negative), and is
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
