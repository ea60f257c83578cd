"""The convolution as a matrix: ``C @ x.ravel() == conv(x).ravel()``."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from ._arithmetic import _conv_size
from ._layout import taps
from ._validation import as_int, check_int64_range, compute_dtype, ints, is_sequence, numeric_array

MAX_BYTES = 2**27
"""Default memory bound of :func:`convolution_matrix` (128 MiB)."""


def convolution_matrix(
    input_shape: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    dilation: Any = 1,
    max_bytes: int = MAX_BYTES,
) -> npt.NDArray[Any]:
    """The dense matrix ``C`` of a convolution over the unpadded input.

    Row ``r`` of ``C`` holds the kernel weights that output value ``r`` takes
    from each input value, both flattened in C order. The transposed
    convolution is multiplication by ``C.T``.

    Parameters
    ----------
    input_shape : (H, W) or (C_in, H, W) tuple of ints
        Shape of the input; ``(L,)`` or ``(C_in, L)`` for 1-D.
    weight : (kH, kW) or (C_out, C_in, kH, kW) array_like
        Kernel of :func:`conv2d` (or ``(k,)``/``(C_out, C_in, k)`` for 1-D).
    stride, padding, dilation : int or tuple of ints
        As in :func:`conv2d` (integer padding only).
    max_bytes : int, default 2**27
        Refuse to build a matrix larger than this (128 MiB by default).

    Returns
    -------
    (C_out * H_out * W_out, C_in * H * W) ndarray
        int64 for an integer weight, otherwise the weight's floating dtype.

    Raises
    ------
    ValueError
        If ``input_shape`` does not fit the weight, the output would be
        empty, or the matrix would exceed ``max_bytes``.

    See Also
    --------
    conv2d, conv_transpose2d

    Notes
    -----
    For ``x`` shaped like the convolution's output, ``C.T @ x.ravel()`` equals
    ``conv_transpose2d(x, weight, ...)`` with the
    ``output_padding`` from :func:`output_padding_for`, with the very same
    ``weight`` array: PyTorch's transposed layout ``(C_in, C_out, kH, kW)``
    names the channels from the transposed convolution's side, so a
    convolution's weight is already its adjoint's weight.

    Examples
    --------
    >>> import numpy as np
    >>> k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    >>> C = convolution_matrix((4, 4), k)
    >>> C.shape
    (4, 16)
    >>> C[0]
    array([2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0, 0])
    >>> x = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
    >>> C @ x.ravel()
    array([94, 74, 82, 75])
    """
    w = numeric_array(weight, "weight")
    if not is_sequence(input_shape):
        msg = f"input_shape must be a tuple of ints, got {input_shape!r}"
        raise TypeError(msg)
    if len(input_shape) > 3:  # checked before the entries are read: a long view is refused at once
        msg = f"input_shape must have 1 to 3 entries, (L,) to (C_in, H, W), got {input_shape!r}"
        raise ValueError(msg)
    shape = tuple(as_int(n, "input_shape") for n in input_shape)
    if w.ndim <= 2:
        nsp, w = w.ndim, w[None, None]
        if len(shape) != nsp:
            msg = f"input_shape must have {nsp} entries for a {nsp}-D weight, got {shape}"
            raise ValueError(msg)
        shape = (1, *shape)
    else:
        nsp = w.ndim - 2
        if len(shape) != nsp + 1 or shape[0] != w.shape[1]:
            msg = (
                f"input_shape must be (C_in, ...) with {nsp} spatial sizes and C_in = "
                f"weight.shape[1] = {w.shape[1]}, got {shape}"
            )
            raise ValueError(msg)
    if any(n < 1 for n in shape) or any(n < 1 for n in w.shape):
        msg = f"input_shape {shape} and weight shape {w.shape} must have no empty axis"
        raise ValueError(msg)
    ints(shape, "input_shape", len(shape), 1)  # at most 2**30 each
    s = ints(stride, "stride", nsp, 1)
    p = ints(padding, "padding", nsp, 0)
    d = ints(dilation, "dilation", nsp, 1)
    limit = as_int(max_bytes, "max_bytes")
    c_out, c_in, kernel = w.shape[0], shape[0], w.shape[2:]
    in_sp = shape[1:]
    out_sp = tuple(
        _conv_size(*args, "input_shape's size") for args in zip(in_sp, kernel, s, p, d, strict=True)
    )
    check_int64_range(w, "weight")  # entries are the weight's values, cast to int64
    dtype = compute_dtype(w)
    rows, cols = c_out * math.prod(out_sp), c_in * math.prod(in_sp)
    nbytes = rows * cols * dtype.itemsize
    if nbytes > limit:
        msg = (
            f"convolution matrix of shape ({rows}, {cols}) would take {nbytes} bytes, "
            f"over max_bytes={max_bytes} (input_shape={input_shape!r}, stride={stride!r}, "
            f"padding={padding!r}, dilation={dilation!r})"
        )
        raise ValueError(msg)
    mat = np.zeros((c_out, math.prod(out_sp), c_in, math.prod(in_sp)), dtype=dtype)
    grids = np.indices(out_sp).reshape(nsp, -1)  # output coordinates, one column each
    for tap in taps(kernel):
        pos = [o * si - pi + t * di for o, si, pi, t, di in zip(grids, s, p, tap, d, strict=True)]
        inside = np.all([(q >= 0) & (q < n) for q, n in zip(pos, in_sp, strict=True)], axis=0)
        in_flat = np.ravel_multi_index(tuple(q[inside] for q in pos), in_sp)
        out_flat = np.flatnonzero(inside)
        # Advanced indices on axes 1 and 3 move to the front: (pairs, C_out, C_in).
        tap_weights: tuple[Any, ...] = (slice(None), slice(None), *tap)
        mat[:, out_flat, :, in_flat] = w[tap_weights]
    return mat.reshape(rows, cols)
