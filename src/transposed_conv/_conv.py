"""Direct convolution (cross-correlation), as deep-learning frameworks compute it."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from ._arithmetic import conv_output_size
from ._chunking import COLUMN_BYTES, blocks
from ._layout import batched
from ._validation import check_elements, ints, work_dtype


def _resolve_padding(
    padding: Any,
    nsp: int,
    kernel: tuple[int, ...],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
) -> list[tuple[int, int]]:
    """Padding as a (before, after) pair per axis; ``"same"`` may be asymmetric."""
    if isinstance(padding, str):
        if padding == "valid":
            return [(0, 0)] * nsp
        if padding == "same":
            if any(s != 1 for s in stride):
                msg = f"padding='same' needs stride 1, got stride={stride}"
                raise ValueError(msg)
            total = [d * (k - 1) for k, d in zip(kernel, dilation, strict=True)]
            return [(t // 2, t - t // 2) for t in total]
        msg = f"padding must be an int, a tuple, 'valid' or 'same', got {padding!r}"
        raise ValueError(msg)
    p = ints(padding, "padding", nsp, 0)
    return [(v, v) for v in p]


def conv_nd(
    x: Any,
    weight: Any,
    nsp: int,
    stride: Any,
    padding: Any,
    dilation: Any,
    groups: Any,
    name: str,
) -> npt.NDArray[Any]:
    """Shared N-d implementation behind :func:`conv1d` and :func:`conv2d`."""
    b = batched(x, weight, nsp, groups, transposed=False, name=name)
    s = ints(stride, "stride", nsp, 1)
    d = ints(dilation, "dilation", nsp, 1)
    kernel = b.weight.shape[2:]
    pads = _resolve_padding(padding, nsp, kernel, s, d)
    padded = [n + lo + hi for n, (lo, hi) in zip(b.x.shape[2:], pads, strict=True)]
    check_elements((*b.x.shape[:2], *padded), f"{name}: the padded input", f"padding={padding!r}")
    # "same" may pad asymmetrically; then size the padded input with no extra padding.
    out_sp = tuple(
        conv_output_size(n, k, si, lo, di)
        if lo == hi
        else conv_output_size(n + lo + hi, k, si, 0, di)
        for n, k, si, di, (lo, hi) in zip(b.x.shape[2:], kernel, s, d, pads, strict=True)
    )
    shape = (b.x.shape[0], b.weight.shape[0], *out_sp)
    check_elements(shape, f"{name}: the output", f"weight shape {b.weight.shape}")
    dtype = b.weight.dtype
    work = work_dtype(dtype)
    xp = b.x.astype(work, copy=False)
    if any(any(p) for p in pads):
        xp = np.pad(xp, [(0, 0), (0, 0), *pads])
    out = _correlate(xp, b.weight.astype(work, copy=False), s, d, b.groups, out_sp)
    return b.restore(out.astype(dtype, copy=False))


def _correlate(
    xp: npt.NDArray[Any],
    w: npt.NDArray[Any],
    stride: tuple[int, ...],
    dilation: tuple[int, ...],
    groups: int,
    out_sp: tuple[int, ...],
) -> npt.NDArray[Any]:
    """Valid cross-correlation of padded ``xp`` (N, C_in, ...) as matmuls over its columns.

    The columns ("im2col"): every window of ``xp`` the kernel meets, as one
    strided view of ``xp`` (no Python loop over taps or pixels). They are
    copied out and multiplied by the weight in blocks of output pixels
    (:func:`~transposed_conv._chunking.blocks`), so the copy never holds more
    than :data:`COLUMN_BYTES`, or one output pixel's columns if those are larger.
    """
    n, nsp = xp.shape[0], xp.ndim - 2
    c_out, cig, *kernel = w.shape
    g, k = groups, math.prod(kernel)
    cog = c_out // g
    spans = [di * (ki - 1) + 1 for ki, di in zip(kernel, dilation, strict=True)]
    windows = sliding_window_view(xp, spans, axis=tuple(range(2, 2 + nsp)))
    every: tuple[Any, ...] = (
        ...,
        *(slice(None, None, si) for si in stride),
        *(slice(None, None, di) for di in dilation),
    )
    win = windows[every]  # (N, C_in, *out_sp, *kernel)
    # (G, C_in/G, *kernel, N, *out_sp): the layout of the columns, still a view
    grouped = win.reshape(n, g, cig, *win.shape[2:])
    src = grouped.transpose(1, 2, *range(3 + nsp, 3 + 2 * nsp), 0, *range(3, 3 + nsp))
    wm = w.reshape(g, cog, cig * k)
    out = np.empty((n, c_out, *out_sp), dtype=w.dtype)
    unit = g * (cig * k + cog) * w.itemsize  # one output pixel's columns and products
    for block in blocks((n, *out_sp), unit, COLUMN_BYTES):
        cols = np.ascontiguousarray(src[(slice(None),) * (2 + nsp) + block])
        nn, *bsp = cols.shape[2 + nsp :]
        prod = np.matmul(wm, cols.reshape(g, cig * k, -1))  # (G, C_out/G, pixels)
        out[(block[0], slice(None), *block[1:])] = np.moveaxis(prod.reshape(c_out, nn, *bsp), 0, 1)
        del cols, prod  # before the next block's columns are made
    return out


def conv2d(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """2-D convolution (cross-correlation), as ``torch.nn.functional.conv2d``.

    Parameters
    ----------
    x : (H, W), (C_in, H, W) or (N, C_in, H, W) array_like
        Input. ``(H, W)`` goes with a 2-D ``weight``.
    weight : (kH, kW) or (C_out, C_in/groups, kH, kW) array_like
        Kernel. It is not flipped: this is cross-correlation, as in deep learning.
    stride : int or pair of ints, default 1
        Step between window positions.
    padding : int, pair of ints, 'valid' or 'same', default 0
        Zeros added on both sides of each spatial axis. ``'same'`` (stride 1
        only) pads ``d(k - 1)`` in total, with the odd zero on the bottom/right,
        as PyTorch does.
    dilation : int or pair of ints, default 1
        Spacing between kernel taps.
    groups : int, default 1
        Input and output channels are split into this many independent groups.

    Returns
    -------
    (H_out, W_out), (C_out, H_out, W_out) or (N, C_out, H_out, W_out) ndarray
        Same layout as ``x``. int64 for integer inputs (exact), otherwise the
        floating dtype of the inputs: float32 stays float32 and float16 stays
        float16, with integer arrays cast to it. float16 is computed in
        float32 and each result rounded to float16 once (NumPy has no fast
        float16 matrix product); an integer weight beyond float16's range, or
        a result beyond it, is ``inf``: cast to float32 or float64 first.

    Raises
    ------
    ValueError
        Wrong number of dimensions, channel or group mismatch, non-positive
        stride or dilation, negative padding, an empty output, an argument or
        a result of more than ``2**30`` elements; integer inputs whose exact
        result could leave int64's range (``max|x| * sum|weight|`` above
        ``2**63 - 1``, or unsigned values above it): cast to float64.
    TypeError
        A non-numeric, bool or complex dtype, a masked array, or a non-integer
        parameter.

    See Also
    --------
    conv_transpose2d : the transposed (adjoint) operation.
    convolution_matrix : the same map as a matrix.

    Notes
    -----
    ``y[..., co, r, c] = sum_{ci, u, v} w[co, ci, u, v] x[..., ci, s r + d u - p, s c + d v - p]``,
    with ``x`` zero outside its edges and ``ci`` running over the input channels
    of output channel ``co``'s group (letters: :doc:`/notation`). The output
    size per axis is :func:`conv_output_size`. The windows of the padded
    input are multiplied by the weight in blocks of at most 16 MiB (or one
    output pixel's windows), so the memory beyond the input and the output
    stays bounded for any kernel.

    Examples
    --------
    The walk-through's 4x4 input and 3x3 kernel:

    >>> import numpy as np
    >>> x = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
    >>> k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    >>> conv2d(x, k)
    array([[94, 74],
           [82, 75]])
    >>> conv2d(x, k, padding="same").shape
    (4, 4)
    >>> conv2d(np.ones((1, 2, 5, 5)), np.ones((4, 2, 3, 3)), stride=2).shape
    (1, 4, 2, 2)
    """
    return conv_nd(x, weight, 2, stride, padding, dilation, groups, "conv2d")


def conv1d(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """1-D convolution (cross-correlation), as ``torch.nn.functional.conv1d``.

    Parameters
    ----------
    x : (L,), (C_in, L) or (N, C_in, L) array_like
        Input. ``(L,)`` goes with a 1-D ``weight``.
    weight : (k,) or (C_out, C_in/groups, k) array_like
        Kernel, not flipped.
    stride, padding, dilation, groups
        As in :func:`conv2d`, with ints or 1-tuples.

    Returns
    -------
    ndarray
        Same layout as ``x``; dtype rules as in :func:`conv2d`: int64 for
        integer inputs, otherwise the floating dtype (float16 stays float16,
        computed in float32).

    Raises
    ------
    ValueError, TypeError
        As in :func:`conv2d`.

    Examples
    --------
    >>> import numpy as np
    >>> conv1d([1, 2, 3, 4], [1, 0, -1])
    array([-2, -2])
    >>> conv1d([1, 2, 3, 4], [1, 1], dilation=2)
    array([4, 6])

    The floating input decides the dtype; integer weights are cast to it:

    >>> conv1d(np.ones(3, dtype=np.float16), [1, 2])
    array([3., 3.], dtype=float16)
    >>> with np.errstate(over="ignore"):  # 120,000 is beyond float16's 65,504
    ...     conv1d(np.full(3, 300.0, dtype=np.float16), [200, 200])
    array([inf, inf], dtype=float16)

    float16 sums are made in float32, so a partial sum beyond float16's range
    (80,000 here) does no harm when the result is within it:

    >>> conv1d(np.full(3, 40000, dtype=np.float16), [1, 1, -1]).tolist()
    [40000.0]
    """
    return conv_nd(x, weight, 1, stride, padding, dilation, groups, "conv1d")
