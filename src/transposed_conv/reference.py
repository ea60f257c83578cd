"""The readable loops: the walk-through notebook's code, corrected, kept as the oracle.

These functions loop over every pixel, so they are slow; they are the
definitions the fast, vectorised functions of :mod:`transposed_conv` are
tested against, and the code the site shows first. Single channel, 2-D,
integer parameters per axis are ints (the same on both axes).

The oracle stands alone: it imports nothing from the package it checks, not
even the output-size formulas. The loops find their sizes the readable way:
a convolution counts the window positions that fit, a transposed convolution
scatters into a buffer that holds every stamp and then crops it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt


def _as_arrays(x: Any, kernel: Any) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    x, kernel = np.asarray(x), np.asarray(kernel)
    if x.ndim != 2 or kernel.ndim != 2:
        msg = f"x and kernel must be 2-D, got x.ndim={x.ndim}, kernel.ndim={kernel.ndim}"
        raise ValueError(msg)
    dtype = np.result_type(x, kernel, np.int64)
    return x.astype(dtype), kernel.astype(dtype)


def _positions(length: int, k: int, stride: int, dilation: int) -> int:
    """How many windows of ``k`` taps, ``dilation`` apart, fit in ``length`` samples, ``stride`` apart."""
    count = 0
    while count * stride + (k - 1) * dilation < length:  # the window's last tap is inside
        count += 1
    if count == 0:
        msg = f"empty output: no window of {k} taps (dilation {dilation}) fits in {length} samples"
        raise ValueError(msg)
    return count


def convolve(
    x: Any, kernel: Any, stride: int = 1, padding: int = 0, dilation: int = 1
) -> npt.NDArray[Any]:
    """Slide the kernel over ``x`` and sum the products at each position.

    The notebook's ``convolve``, with its ``cols`` computed from the columns (the
    notebook used the rows, wrong for non-square inputs), plus stride, padding
    and dilation. Like every deep-learning framework, it does not flip the
    kernel (cross-correlation).

    Parameters
    ----------
    x : (H, W) array_like
    kernel : (kH, kW) array_like
    stride, padding, dilation : int

    Returns
    -------
    (H_out, W_out) ndarray

    Examples
    --------
    >>> x = [[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]]
    >>> convolve(x, [[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    array([[94, 74],
           [82, 75]])
    """
    x, kernel = _as_arrays(x, kernel)
    x = np.pad(x, padding)
    k_rows, k_cols = kernel.shape
    rows = _positions(x.shape[0], k_rows, stride, dilation)
    cols = _positions(x.shape[1], k_cols, stride, dilation)
    out = np.zeros((rows, cols), dtype=x.dtype)
    for r in range(rows):
        for c in range(cols):
            for u in range(k_rows):
                for v in range(k_cols):
                    out[r, c] += (
                        kernel[u, v] * x[r * stride + u * dilation, c * stride + v * dilation]
                    )
    return out


def convolution_matrix(
    input_shape: tuple[int, int], kernel: Any, stride: int = 1, padding: int = 0, dilation: int = 1
) -> npt.NDArray[Any]:
    """Build ``C`` one output position at a time, as the notebook does.

    Each row is the kernel laid onto a zero image at the window's position,
    then flattened; taps that fall on padding are dropped. The copy of the
    notebook this site started from lost the inner ``for c`` loop; here it is.

    Parameters
    ----------
    input_shape : (H, W) tuple of ints
    kernel : (kH, kW) array_like
    stride, padding, dilation : int

    Returns
    -------
    (H_out * W_out, H * W) ndarray

    Examples
    --------
    >>> convolution_matrix((4, 4), [[2, 3, 2], [1, 4, 2], [3, 4, 1]]).shape
    (4, 16)
    """
    kernel = np.asarray(kernel)
    height, width = input_shape
    k_rows, k_cols = kernel.shape
    rows = _positions(height + 2 * padding, k_rows, stride, dilation)
    cols = _positions(width + 2 * padding, k_cols, stride, dilation)
    dtype = np.result_type(kernel, np.int64)
    mat = np.zeros((rows * cols, height * width), dtype=dtype)
    for r in range(rows):
        for c in range(cols):
            image = np.zeros((height + 2 * padding, width + 2 * padding), dtype=dtype)
            for u in range(k_rows):
                for v in range(k_cols):
                    image[r * stride + u * dilation, c * stride + v * dilation] = kernel[u, v]
            unpadded = image[padding : padding + height, padding : padding + width]
            mat[r * cols + c] = unpadded.ravel()
    return mat


def conv_transpose(
    x: Any,
    kernel: Any,
    stride: int = 1,
    padding: int = 0,
    output_padding: int = 0,
    dilation: int = 1,
) -> npt.NDArray[Any]:
    """Each input value stamps a scaled copy of the kernel into the output.

    The stamps sit ``stride`` apart and add where they overlap; then
    ``padding`` rows and columns are cropped from each side, and
    ``output_padding`` extra ones are kept at the bottom and right.

    Parameters
    ----------
    x : (H, W) array_like
    kernel : (kH, kW) array_like
    stride, padding, output_padding, dilation : int

    Returns
    -------
    (H_out, W_out) ndarray

    Examples
    --------
    >>> conv_transpose([[1, 3], [2, 3]], [[2, 3, 2], [1, 4, 2], [3, 4, 1]])[0]
    array([ 2,  9, 11,  6])
    """
    x, kernel = _as_arrays(x, kernel)
    k_rows, k_cols = kernel.shape
    # The last stamp's last tap lands at (n - 1) * stride + (k - 1) * dilation: the
    # buffer holds every stamp, plus output_padding rows and columns of zeros.
    last_row = (x.shape[0] - 1) * stride + (k_rows - 1) * dilation
    last_col = (x.shape[1] - 1) * stride + (k_cols - 1) * dilation
    full = np.zeros((last_row + 1 + output_padding, last_col + 1 + output_padding), dtype=x.dtype)
    for i in range(x.shape[0]):
        for j in range(x.shape[1]):
            for u in range(k_rows):
                for v in range(k_cols):
                    full[i * stride + u * dilation, j * stride + v * dilation] += (
                        x[i, j] * kernel[u, v]
                    )
    cropped = full[padding : full.shape[0] - padding, padding : full.shape[1] - padding]
    if cropped.size == 0:
        msg = f"empty output: padding={padding} crops the whole {full.shape} result"
        raise ValueError(msg)
    return cropped


def conv2d(
    x: Any, weight: Any, stride: int = 1, padding: int = 0, dilation: int = 1, groups: int = 1
) -> npt.NDArray[Any]:
    """Batched, multi-channel, grouped convolution from :func:`convolve`, loop by loop.

    Parameters
    ----------
    x : (N, C_in, H, W) array_like
    weight : (C_out, C_in/groups, kH, kW) array_like
    stride, padding, dilation, groups : int

    Returns
    -------
    (N, C_out, H_out, W_out) ndarray

    Examples
    --------
    >>> conv2d(np.ones((1, 2, 3, 3)), np.ones((2, 1, 3, 3)), groups=2).ravel()
    array([9., 9.])
    """
    x, weight = np.asarray(x), np.asarray(weight)
    c_out, c_in_g = weight.shape[:2]
    c_out_g = c_out // groups
    out = []
    for n in range(x.shape[0]):
        channels = []
        for o in range(c_out):
            g = o // c_out_g
            channels.append(
                sum(
                    convolve(x[n, g * c_in_g + c], weight[o, c], stride, padding, dilation)
                    for c in range(c_in_g)
                )
            )
        out.append(channels)
    return np.array(out)


def conv_transpose2d(
    x: Any,
    weight: Any,
    stride: int = 1,
    padding: int = 0,
    output_padding: int = 0,
    dilation: int = 1,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """Batched, multi-channel, grouped transposed convolution from :func:`conv_transpose`.

    Parameters
    ----------
    x : (N, C_in, H, W) array_like
    weight : (C_in, C_out/groups, kH, kW) array_like
    stride, padding, output_padding, dilation, groups : int

    Returns
    -------
    (N, C_out, H_out, W_out) ndarray

    Examples
    --------
    >>> conv_transpose2d(np.ones((1, 2, 1, 1)), np.ones((2, 1, 2, 2)), groups=2)[0, :, 0]
    array([[1., 1.],
           [1., 1.]])
    """
    x, weight = np.asarray(x), np.asarray(weight)
    c_in, c_out_g = weight.shape[:2]
    c_in_g = c_in // groups
    out = []
    for n in range(x.shape[0]):
        channels = []
        for o in range(c_out_g * groups):
            g, j = divmod(o, c_out_g)
            channels.append(
                sum(
                    conv_transpose(x[n, c], weight[c, j], stride, padding, output_padding, dilation)
                    for c in range(g * c_in_g, (g + 1) * c_in_g)
                )
            )
        out.append(channels)
    return np.array(out)
