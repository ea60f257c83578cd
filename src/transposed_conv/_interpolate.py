"""Fixed up-samplers (nearest, bilinear, bicubic) and the bilinear kernel."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import bounded_int, check_elements, choice, factor_int, numeric_array

MODES = ("nearest", "bilinear", "bicubic")
CUBIC_A = -0.75
"""The bicubic convolution constant PyTorch uses."""


def _cubic_weights(t: npt.NDArray[np.float64]) -> list[npt.NDArray[np.float64]]:
    a = CUBIC_A
    near = [t, 1.0 - t]  # distance to the two inner taps
    far = [t + 1.0, 2.0 - t]  # distance to the two outer taps

    def inner(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return ((a + 2) * z - (a + 3)) * z * z + 1

    def outer(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return ((a * z - 5 * a) * z + 8 * a) * z - 4 * a

    return [outer(far[0]), inner(near[0]), inner(near[1]), outer(far[1])]


def interpolation_matrix(
    n: int, scale_factor: int, mode: str = "bilinear"
) -> npt.NDArray[np.float64]:
    """The ``(n * f, n)`` matrix that up-samples a length-``n`` axis by ``f``.

    Parameters
    ----------
    n : int
        Input length.
    scale_factor : int
        Integer up-sampling factor ``f``.
    mode : {'nearest', 'bilinear', 'bicubic'}
        PyTorch's ``interpolate`` modes with ``align_corners=False``.

    Returns
    -------
    (n * f, n) ndarray of float64
        Each row sums to 1.

    Notes
    -----
    Output sample ``j`` sits at input coordinate ``(j + 1/2) / f - 1/2``
    (half-pixel centres). Bilinear clamps it at 0; bicubic uses Keys' cubic
    with ``a = -0.75`` and clamps the four taps to the edge; nearest takes
    ``floor(j / f)``.

    Examples
    --------
    >>> interpolation_matrix(2, 2, "bilinear")
    array([[1.  , 0.  ],
           [0.75, 0.25],
           [0.25, 0.75],
           [0.  , 1.  ]])
    """
    n = bounded_int(n, "n", 1)
    f = factor_int(scale_factor, "scale_factor")
    choice(mode, "mode", MODES)
    check_elements((n * f, n), "interpolation_matrix", f"n={n}, scale_factor={f}")
    j = np.arange(n * f)
    mat = np.zeros((n * f, n))
    if mode == "nearest":
        mat[j, j // f] = 1.0
        return mat
    src = (j + 0.5) / f - 0.5
    if mode == "bilinear":
        src = np.maximum(src, 0.0)
        i0 = np.floor(src).astype(np.intp)
        frac = src - i0
        np.add.at(mat, (j, i0), 1.0 - frac)
        np.add.at(mat, (j, np.minimum(i0 + 1, n - 1)), frac)
        return mat
    i0 = np.floor(src).astype(np.intp)
    for offset, weight in zip(range(-1, 3), _cubic_weights(src - i0), strict=True):
        np.add.at(mat, (j, np.clip(i0 + offset, 0, n - 1)), weight)
    return mat


def interpolate(x: Any, scale_factor: int, mode: str = "nearest") -> npt.NDArray[Any]:
    """Up-sample by an integer factor, as ``torch.nn.functional.interpolate``.

    Parameters
    ----------
    x : (L,) or (..., H, W) array_like
        A 1-D signal, or images on the last two axes.
    scale_factor : int
        Up-sampling factor, the same on each spatial axis.
    mode : {'nearest', 'bilinear', 'bicubic'}, default 'nearest'
        With ``align_corners=False`` semantics (see :func:`interpolation_matrix`).
        For 1-D input, 'bilinear' is linear and 'bicubic' is cubic.

    Returns
    -------
    ndarray
        Spatial axes ``f`` times longer; float64 for integer input, otherwise
        the input's floating dtype.

    Raises
    ------
    ValueError
        Bad ``mode`` or ``scale_factor``, or an empty ``x``.
    TypeError
        A non-numeric ``x``.

    Examples
    --------
    >>> interpolate([[1, 2], [3, 4]], 2, "nearest")
    array([[1., 1., 2., 2.],
           [1., 1., 2., 2.],
           [3., 3., 4., 4.],
           [3., 3., 4., 4.]])
    >>> interpolate([0, 4], 2, "bilinear")
    array([0., 1., 3., 4.])
    """
    arr = numeric_array(x, "x")
    if arr.ndim == 0 or arr.size == 0:
        msg = f"x must be a non-empty array with at least one axis, got shape {arr.shape}"
        raise ValueError(msg)
    dtype = arr.dtype if arr.dtype.kind == "f" else np.dtype(np.float64)
    arr = arr.astype(dtype, copy=False)
    m_last = interpolation_matrix(arr.shape[-1], scale_factor, mode).astype(dtype)
    out: npt.NDArray[Any] = arr @ m_last.T
    if arr.ndim >= 2:
        m_rows = interpolation_matrix(arr.shape[-2], scale_factor, mode).astype(dtype)
        out = m_rows @ out
    return out


def bilinear_kernel(factor: int) -> npt.NDArray[np.float64]:
    """The transposed-convolution kernel that up-samples bilinearly by ``factor``.

    Parameters
    ----------
    factor : int
        Up-sampling factor ``f``.

    Returns
    -------
    (K, K) ndarray of float64
        ``K = 2f - f mod 2``; the outer product of the tent
        ``1 - |i - c| / f`` with centre ``c = (K - 1) / 2``.

    Notes
    -----
    ``conv_transpose2d(x, bilinear_kernel(f), stride=f, padding=f // 2)`` is
    exactly ``f`` times larger than ``x`` and equals
    ``interpolate(x, f, 'bilinear')`` away from the border. The taps that
    reach each output phase sum to 1, so a constant input stays constant: no
    checkerboard. This is the initialisation of Long et al.'s FCN.

    Examples
    --------
    >>> bilinear_kernel(2)[0]
    array([0.0625, 0.1875, 0.1875, 0.0625])
    >>> bilinear_kernel(3).shape
    (5, 5)
    """
    f = factor_int(factor, "factor")
    check_elements((2 * f, 2 * f), "bilinear_kernel", f"factor={f}")
    size = 2 * f - f % 2
    centre = (size - 1) / 2
    tent = 1.0 - np.abs(np.arange(size) - centre) / f
    return np.outer(tent, tent)
