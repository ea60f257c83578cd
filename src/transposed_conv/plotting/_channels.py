"""Channels: one output channel as the sum over the input channels that feed it."""

from __future__ import annotations

import operator
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from .._transpose import conv_transpose2d
from ._matrices import Panel, show_panels

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

TRANSPOSED = "∗ᵀ"
"""The operator drawn between an input channel and its kernel: the transposed convolution."""


def show_channel_sum(
    x: Any,
    weight: Any,
    out_channel: int,
    *,
    groups: int = 1,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    title: str,
    names: Sequence[str] = ("x", "w", "y"),
) -> tuple[Figure, list[Axes], npt.NDArray[Any]]:
    """Draw one output channel of a transposed convolution as a sum over input channels.

    Output channel ``o`` belongs to group ``g = o // (C_out / groups)``; it is
    the sum, over the ``C_in / groups`` input channels ``c`` of that group, of
    the transposed convolution of ``x[c]`` with ``weight[c, o % (C_out / groups)]``.
    The figure reads as that sum, ``x[c] ∗ᵀ weight[c, o] + x[c + 1] ∗ᵀ
    weight[c + 1, o] + ...`` (the second index counted within the group) equals
    output channel ``o``, the operators between the panels (``∗ᵀ``,
    :data:`TRANSPOSED`, is the transposed convolution).

    Parameters
    ----------
    x : (C_in, H, W) array_like
        Every input channel.
    weight : (C_in, C_out / groups, kH, kW) array_like
        The transposed convolution's weight, as in PyTorch.
    out_channel : int
        The output channel drawn, ``0 <= out_channel < C_out``.
    groups, stride, padding, output_padding, dilation
        As in :func:`~transposed_conv.conv_transpose2d`.
    title : str
        The figure title.
    names : three str, default ("x", "w", "y")
        The input's, the weight's and the output's names in the panels'
        titles: ``x[2]``, ``w[2, 0]``, ``y[1]``.

    Returns
    -------
    fig : matplotlib Figure
    axes : list of matplotlib Axes
        The panels, left to right: each input channel and its kernel, then the output channel.
    y : (H', W') ndarray
        Output channel ``out_channel`` of ``conv_transpose2d(x, weight, ...)``.

    Raises
    ------
    ValueError
        If ``x`` is not 3-D, ``weight`` not 4-D, or ``out_channel`` not an output channel.

    Examples
    --------
    >>> x = np.arange(16).reshape(4, 2, 2) % 3
    >>> w = np.ones((4, 1, 2, 2), dtype=int)
    >>> fig, axes, y = show_channel_sum(x, w, 1, groups=2, stride=2,
    ...                                 title="Group 1: input channels 2 and 3 make output 1")
    >>> [" ".join(ax.get_title().split()) for ax in axes]  # titles wrap to their columns
    ['x[2] (2, 2)', 'w[2, 0] (2, 2)', 'x[3] (2, 2)', 'w[3, 0] (2, 2)', 'y[1] (4, 4)']
    >>> [t.get_text() for ax in fig.axes if ax not in axes for t in ax.texts]
    ['∗ᵀ', '+', '∗ᵀ', '=']
    >>> y.shape
    (4, 4)
    """
    xs, w = np.asarray(x), np.asarray(weight)
    if xs.ndim != 3:
        msg = f"x must have shape (C_in, H, W), got shape {xs.shape}"
        raise ValueError(msg)
    if w.ndim != 4:
        msg = f"weight must have shape (C_in, C_out / groups, kH, kW), got shape {w.shape}"
        raise ValueError(msg)
    out = conv_transpose2d(
        xs,
        w,
        stride=stride,
        padding=padding,
        output_padding=output_padding,
        dilation=dilation,
        groups=groups,
    )
    o = operator.index(out_channel)
    if not 0 <= o < out.shape[0]:
        msg = f"out_channel must be in [0, {out.shape[0]}), got {out_channel!r}"
        raise ValueError(msg)
    per_in, per_out = xs.shape[0] // groups, w.shape[1]
    group, j = divmod(o, per_out)
    channels = range(group * per_in, (group + 1) * per_in)
    panels: list[Panel] = []
    operators: list[str] = []
    for c in channels:
        panels += [
            Panel(xs[c], f"{names[0]}[{c}]", "input"),
            Panel(w[c, j], f"{names[1]}[{c}, {j}]", "kernel"),
        ]
        operators += [TRANSPOSED, "+"]
    panels.append(Panel(out[o], f"{names[2]}[{o}]", "output"))
    operators[-1] = "="
    fig, axes = show_panels(panels, title=title, operators=operators)
    return fig, axes, out[o]
