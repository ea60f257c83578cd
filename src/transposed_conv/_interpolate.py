"""Fixed up-samplers (nearest, bilinear, bicubic) and the bilinear kernel."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import bounded_int, check_elements, choice, factor_int, numeric_array

MODES = ("nearest", "linear", "bilinear", "bicubic")
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
    mode : {'nearest', 'linear', 'bilinear', 'bicubic'}
        PyTorch's ``interpolate`` modes with ``align_corners=False``; along
        one axis 'linear' and 'bilinear' are the same.

    Returns
    -------
    (n * f, n) ndarray of float64
        Each row sums to 1.

    Notes
    -----
    Output sample ``r`` sits at input coordinate ``(r + 1/2) / f - 1/2``
    (half-pixel centres). Bilinear clamps it at 0; bicubic uses Keys' cubic
    with ``a = -0.75`` and clamps the four taps to the edge; nearest takes
    ``floor(r / f)``.

    This is the teaching view: :func:`interpolate` gives the same values on
    finite inputs without building the matrix (its memory grows with the
    output, not with ``n**2 f``), and spreads NaN and infinity only to the
    outputs that read them, where ``matrix @ x`` would spread them to every
    output of a row or column (``0 * nan`` is NaN).

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
    if mode in ("linear", "bilinear"):
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


def _opmath(dtype: np.dtype[Any]) -> np.dtype[Any]:
    """The dtype PyTorch computes coordinates and sums in: float32 for float16."""
    return np.dtype(np.float32) if dtype.itemsize < 4 else dtype


def _split(v: Any) -> tuple[Any, Any]:
    """Veltkamp's split of float64 values into two halves of 26 bits each."""
    big = v * 134217729.0  # 2**27 + 1
    hi = big - (big - v)
    return hi, v - hi


def _fma(a: Any, b: Any, c: Any, dtype: np.dtype[Any]) -> Any:
    """``a * b + c`` rounded once to ``dtype``, as a fused multiply-add does.

    PyTorch's kernels are compiled with fused multiply-adds, and near a zero
    or an integer the single rounding decides which input a tap reads and
    whether its weight is exactly 0. A float32 product is exact in float64;
    a float64 product's rounding error comes from Dekker's exact product.
    """
    a64, b64, c64 = (np.asarray(v, dtype=np.float64) for v in (a, b, c))
    prod = a64 * b64
    if dtype.itemsize < 8:
        return (prod + c64).astype(dtype)
    (ah, al), (bh, bl) = _split(a64), _split(b64)
    err = ((ah * bh - prod) + ah * bl + al * bh) + al * bl
    total = prod + c64
    # Knuth's two-sum: the rounding error of prod + c, added back with err
    back = total - prod
    lost = (prod - (total - back)) + (c64 - back)
    return (total + (lost + err)).astype(dtype)


def _torch_cubic_weights(t: npt.NDArray[Any]) -> list[npt.NDArray[Any]]:
    """Keys' cubic weights of the four taps, rounded as PyTorch's compiled CPU kernel rounds them.

    Its compiler fuses one multiply-add, the middle step of the outer taps'
    polynomial; near ``t = 0`` that decides whether an outer weight is exactly
    0 (and so whether a non-finite value there gives NaN).
    """
    dt = t.dtype
    a = dt.type(CUBIC_A)

    def inner(z: Any) -> Any:  # ((a + 2) z - (a + 3)) z z + 1, no fused step
        return (((a + 2) * z - (a + 3)) * z * z + 1).astype(dt)

    def outer(z: Any) -> Any:  # ((a z - 5a) z + 8a) z - 4a, the middle step fused
        first = (a * z - 5 * a).astype(dt)
        return (_fma(first, z, 8 * a, dt) * z - 4 * a).astype(dt)

    x2 = (1.0 - t.astype(np.float64)).astype(dt)
    far1 = (t.astype(np.float64) + 1.0).astype(dt)
    far2 = (x2.astype(np.float64) + 1.0).astype(dt)
    return [outer(far1), inner(t), inner(x2), outer(far2)]


def _source_coordinate(scale: Any, centre: Any, dtype: np.dtype[Any]) -> Any:
    """``scale * centre - 1/2`` rounded once to ``dtype`` (a fused multiply-add)."""
    return _fma(scale, centre, -0.5, dtype)


def _axis_taps(
    n: int, f: int, mode: str, dtype: np.dtype[Any], j: npt.NDArray[np.intp]
) -> tuple[list[npt.NDArray[np.intp]], list[npt.NDArray[Any]]]:
    """Outputs ``j``'s input indices and weights along one axis, as PyTorch computes them.

    PyTorch's CPU kernels compute the source coordinate
    ``(1 / f) (j + 1/2) - 1/2`` of output ``j`` in the input's floating dtype
    (float32 for float16), floor it (``floorf``), clamp the taps to the
    edge; bilinear clamps a negative coordinate to 0, and at ``f = 1`` reads
    ``x[j]`` twice with weights 1 and 0. Rounding decides which input a tap
    reads, so these are computed the same way, output by output. 'nearest'
    reads ``min(floor(j * (1 / f)), n - 1)``, the product in that dtype too
    (so in float32 ``j = 41`` at ``f = 41`` reads input 0), with no weight.
    """
    op = _opmath(dtype).type
    if mode == "nearest":
        idx = np.floor(j.astype(op) * op(1.0 / f)).astype(np.intp)
        return [np.minimum(idx, n - 1)], []
    linear = mode in ("linear", "bilinear")
    if linear and f == 1:
        return [j, j], [np.ones(j.size, dtype=op), np.zeros(j.size, dtype=op)]
    real = _source_coordinate(op(1.0 / f), j + 0.5, np.dtype(op))
    if linear:
        real = np.maximum(real, op(0.0))
    base = np.minimum(np.floor(real.astype(np.float32)).astype(np.intp), n - 1)
    lam = np.clip(real - base.astype(op), op(0.0), op(1.0)).astype(op)
    if linear:
        return [base, np.minimum(base + 1, n - 1)], [(op(1.0) - lam).astype(op), lam]
    indices = [np.clip(base + k - 1, 0, n - 1) for k in range(4)]
    return indices, _torch_cubic_weights(lam)


_BLOCK_BYTES = 1 << 18
"""Output bytes computed per block: small enough for the temporaries to stay in cache."""


def _upsample_axis(
    arr: npt.NDArray[Any], axis: int, f: int, mode: str, dtype: np.dtype[Any] | None = None
) -> npt.NDArray[Any]:
    """Up-sample one axis by gathering each output's taps: no matrix, no 0 x unread value.

    Output ``j`` is ``sum_k x[idx_k[j]] w_k[j]`` with the taps of
    :func:`_axis_taps`, added left to right as PyTorch's CPU kernel adds them
    ('nearest': ``x[idx[j]]``). The outputs go in blocks of
    :data:`_BLOCK_BYTES`, each tap gathered with ``np.take`` into one buffer;
    the taps of a block of outputs are computed once for all the leading
    axes. So the Python loops run over blocks, never over the factor's
    phases, and the memory besides the output is a few blocks.
    """
    shape = arr.shape
    n, nf = shape[axis], shape[axis] * f
    lead, trail = math.prod(shape[:axis]), math.prod(shape[axis + 1 :])
    a = arr.reshape(lead, n, trail)
    out = np.empty((lead, nf, trail), dtype=arr.dtype)
    row = max(trail * arr.dtype.itemsize, 1)  # bytes of one output j of one leading index
    if nf * row <= _BLOCK_BYTES:  # every output of a run of leading indices at once
        m, r = nf, max(_BLOCK_BYTES // (nf * row), 1)
    else:
        m, r = max(_BLOCK_BYTES // row, 1), 1
    buf = np.empty((min(r, lead), m, trail), dtype=arr.dtype)
    for j0 in range(0, nf, m):
        j = np.arange(j0, min(j0 + m, nf))
        indices, weights = _axis_taps(n, f, mode, arr.dtype if dtype is None else dtype, j)
        ws = [w[:, None] for w in weights]
        for l0 in range(0, lead, r):
            block, dest = a[l0 : l0 + r], out[l0 : l0 + r, j0 : j0 + j.size]
            tmp = buf[: block.shape[0], : j.size]
            for k, idx in enumerate(indices):
                np.take(block, idx, axis=1, out=dest if k == 0 else tmp, mode="clip")
                if ws:
                    if k == 0:
                        np.multiply(dest, ws[0], out=dest)
                    else:
                        np.multiply(tmp, ws[k], out=tmp)
                        np.add(dest, tmp, out=dest)
    return out.reshape(*shape[:axis], nf, *shape[axis + 1 :])


def interpolate(
    x: Any, scale_factor: int, mode: str = "nearest", *, spatial_dims: int | None = None
) -> npt.NDArray[Any]:
    """Up-sample the last two axes (or the last one) by an integer factor, with PyTorch's values.

    The ``spatial_dims`` trailing axes of ``x`` are resized: by default the
    last two, ``(..., H, W)``, or only the last, ``(..., L)``, for
    ``mode='linear'`` or a 1-D ``x``. The values are those of
    ``torch.nn.functional.interpolate`` with ``align_corners=False``, but
    PyTorch reads its input as ``(N, C, ...)`` and resizes the axes after
    the first two: its ``(N, C, L)`` signals are ``mode='linear'`` (or
    ``spatial_dims=1``) here, where a 3-D ``x`` is otherwise ``(C, H, W)``.

    Parameters
    ----------
    x : (L,), (..., L) or (..., H, W) array_like
        Signals on the last axis or images on the last two. Leading axes may be
        empty (a batch of 0 images gives an empty result); resized axes may not.
    scale_factor : int
        Up-sampling factor, the same on each resized axis.
    mode : {'nearest', 'linear', 'bilinear', 'bicubic'}, default 'nearest'
        With ``align_corners=False`` semantics (see :func:`interpolation_matrix`).
        'linear' resizes one axis only; on one axis (``spatial_dims=1`` or a
        1-D ``x``) 'bilinear' is linear too, and 'bicubic' is cubic.
    spatial_dims : {1, 2}, optional
        How many trailing axes are resized. Default: 1 for 'linear' or a 1-D
        ``x``, otherwise 2.

    Returns
    -------
    ndarray
        The resized axes ``f`` times longer; float64 for integer input, otherwise
        the input's floating dtype. float32 is computed in float32; float16 in
        float32, then rounded back to float16 (where a bicubic overshoot beyond
        65,504 becomes ``inf``). PyTorch also sums float16 in float32 but rounds
        some weights to float16 first, so for float16 input the NaN pattern
        described below can differ from PyTorch's where a weight is tiny.

    Raises
    ------
    ValueError
        Bad ``mode``, ``scale_factor`` or ``spatial_dims`` (more axes than ``x``
        has, or two with 'linear'), a 0-d ``x``, an empty resized axis, or a
        result of more than ``2**30`` elements.
    TypeError
        A non-numeric ``x``.

    Notes
    -----
    Each output sample is computed from its own taps only, gathered along one
    axis at a time (the last axis first, then the rows, in the order PyTorch's
    CPU kernels add them), never by multiplying with the dense
    :func:`interpolation_matrix`. So memory and time grow with the output, not
    with the factor, and NaN or infinity spreads exactly as in PyTorch:
    'nearest' copies values, and 'linear'/'bilinear'/'bicubic' turn a non-finite
    input into NaN or infinity only in the outputs whose taps read it (a tap of
    weight 0 still reads it: ``0 * inf`` is NaN).

    Examples
    --------
    >>> interpolate([[1, 2], [3, 4]], 2, "nearest")
    array([[1., 1., 2., 2.],
           [1., 1., 2., 2.],
           [3., 3., 4., 4.],
           [3., 3., 4., 4.]])
    >>> interpolate([0, 4], 2, "bilinear")
    array([0., 1., 3., 4.])
    >>> interpolate([1, float("nan"), 3], 2, "nearest")
    array([ 1.,  1., nan, nan,  3.,  3.])

    Which axes: a 3-D ``x`` is ``(C, H, W)`` unless the mode or
    ``spatial_dims`` says signals, as PyTorch's ``(N, C, L)``:

    >>> interpolate(np.zeros((1, 2, 3)), 2, "bilinear").shape
    (1, 4, 6)
    >>> interpolate(np.zeros((1, 2, 3)), 2, "linear").shape
    (1, 2, 6)
    >>> interpolate(np.zeros((1, 2, 3)), 2, "nearest", spatial_dims=1).shape
    (1, 2, 6)
    """
    arr = numeric_array(x, "x")
    f = factor_int(scale_factor, "scale_factor")
    choice(mode, "mode", MODES)
    if arr.ndim == 0:
        msg = f"x must be an array with at least one axis, got shape {arr.shape}"
        raise ValueError(msg)
    nsp = _resized_axes(arr.ndim, mode, spatial_dims)
    if 0 in arr.shape[arr.ndim - nsp :]:
        msg = (
            f"x must be non-empty on the {nsp} axes it resizes (leading axes may be "
            f"empty), got shape {arr.shape}"
        )
        raise ValueError(msg)
    resized = range(arr.ndim - nsp, arr.ndim)
    shape = [n * f if axis in resized else n for axis, n in enumerate(arr.shape)]
    check_elements(shape, "interpolate: the output", f"x shape {arr.shape}, scale_factor={f}")
    dtype = arr.dtype if arr.dtype.kind == "f" else np.dtype(np.float64)
    arr = arr.astype(dtype, copy=False)
    if mode == "nearest":
        out = arr
        for axis in resized:
            out = _repeat_axis(out, axis, f)
        return out
    work = arr.astype(_opmath(dtype), copy=False)
    with np.errstate(invalid="ignore"):  # 0 * inf is NaN, as in PyTorch: no warning
        for axis in reversed(resized):
            work = _upsample_axis(work, axis, f, mode, dtype)
    return work.astype(dtype, copy=False)


def _resized_axes(ndim: int, mode: str, spatial_dims: Any) -> int:
    """How many trailing axes :func:`interpolate` resizes, checked against ``x`` and ``mode``."""
    if spatial_dims is None:
        return 1 if mode == "linear" or ndim == 1 else 2
    nsp = bounded_int(spatial_dims, "spatial_dims", 1)
    if nsp > min(ndim, 2):
        msg = f"spatial_dims must be 1 or 2, and at most x.ndim={ndim}, got {spatial_dims!r}"
        raise ValueError(msg)
    if mode == "linear" and nsp != 1:
        msg = f"mode='linear' resizes one axis, got spatial_dims={spatial_dims!r}: use 'bilinear'"
        raise ValueError(msg)
    return nsp


def _repeat_axis(arr: npt.NDArray[Any], axis: int, f: int) -> npt.NDArray[Any]:
    """Nearest up-sampling of one axis: a copy of each value, no arithmetic.

    PyTorch reads input ``min(floor(j * (1 / f)), n - 1)`` for output ``j``,
    computed in the input's dtype (float32 for float16; ``j // 2`` at ``f =
    2``); where that is ``j // f``, as for most factors, each value is simply
    repeated ``f`` times; otherwise the values are gathered as
    :func:`_upsample_axis` gathers them.
    """
    n = arr.shape[axis]
    if f <= 2 or _nearest_repeats(n, f, arr.dtype):
        return np.repeat(arr, f, axis=axis)
    return _upsample_axis(arr, axis, f, "nearest")


def _nearest_repeats(n: int, f: int, dtype: np.dtype[Any], block: int = 1 << 20) -> bool:
    """Whether PyTorch's nearest index of every output ``j`` is ``j // f`` (in blocks)."""
    for j0 in range(0, n * f, block):
        j = np.arange(j0, min(j0 + block, n * f))
        if not np.array_equal(_axis_taps(n, f, "nearest", dtype, j)[0][0], j // f):
            return False
    return True


def bilinear_kernel(factor: int) -> npt.NDArray[np.float64]:
    """The transposed-convolution kernel that up-samples bilinearly by ``factor``.

    Parameters
    ----------
    factor : int
        Up-sampling factor ``f``.

    Returns
    -------
    (k, k) ndarray of float64
        ``k = 2f - f mod 2``; the outer product of the tent
        ``w[u] = 1 - |u - (k - 1) / 2| / f`` with itself.

    Notes
    -----
    ``conv_transpose2d(x, bilinear_kernel(f), stride=f, padding=f // 2)`` is
    exactly ``f`` times larger than ``x`` and equals
    ``interpolate(x, f, 'bilinear')`` away from the border. The taps that
    reach each output phase sum to 1, so a constant input stays constant
    (:func:`phase_sums`). That alone would not keep the rest of the input
    free of a checkerboard; the tent does more: for ``f = 2`` each axis is
    ``[1, 3, 3, 1] / 4 = (1 + z^-1)^3 / 4``, whose response has a triple zero
    at 1/2 cycle per sample, so the images of the input's low frequencies,
    which lie near 1/2, are damped as well. This is the initialisation of
    Long et al.'s FCN.

    Examples
    --------
    >>> bilinear_kernel(2)[0]
    array([0.0625, 0.1875, 0.1875, 0.0625])
    >>> bilinear_kernel(3).shape
    (5, 5)
    >>> t = np.array([1, 3, 3, 1]) / 4
    >>> np.array_equal(bilinear_kernel(2), np.outer(t, t))
    True
    """
    f = factor_int(factor, "factor")
    check_elements((2 * f, 2 * f), "bilinear_kernel", f"factor={f}")
    size = 2 * f - f % 2
    centre = (size - 1) / 2
    tent = 1.0 - np.abs(np.arange(size) - centre) / f
    return np.outer(tent, tent)
