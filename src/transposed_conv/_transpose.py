"""Transposed convolution: the scatter-add computation and the zero-insertion route."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from ._arithmetic import check_output_padding, conv_transpose_output_size
from ._conv import conv_nd
from ._layout import Batched, batched, taps
from ._validation import as_tuple, bounded_int, check_elements, ints, is_sequence, numeric_array


def _params(
    nsp: int, stride: Any, padding: Any, output_padding: Any, dilation: Any
) -> tuple[tuple[int, ...], ...]:
    s = ints(stride, "stride", nsp, 1)
    if isinstance(padding, str):
        msg = (
            f"padding must be an int or a sequence of {nsp} ints, got {padding!r}: "
            f"padding modes such as 'same' and 'valid' have no meaning for a transposed "
            f"convolution, whose output size is (i - 1) s - 2 padding + d (k - 1) + "
            f"output_padding + 1 (see output_padding_for, or conv_transpose2d_tf for "
            f"TensorFlow's 'SAME')"
        )
        raise TypeError(msg)
    p = ints(padding, "padding", nsp, 0)
    a = as_tuple(output_padding, "output_padding", nsp)
    d = ints(dilation, "dilation", nsp, 1)
    for ai, si, di in zip(a, s, d, strict=True):
        check_output_padding(ai, si, di)
    return s, p, a, d


def conv_transpose_nd(
    x: Any,
    weight: Any,
    nsp: int,
    stride: Any,
    padding: Any,
    output_padding: Any,
    dilation: Any,
    groups: Any,
    name: str,
) -> npt.NDArray[Any]:
    """Shared N-d implementation behind :func:`conv_transpose1d` and :func:`conv_transpose2d`.

    A matmul per group multiplies input pixels by kernel taps; tap ``t``'s
    products are then added, as one strided block, to the output pixels
    ``o = i s + t d - p`` they reach (the scatter-add, one tap at a time).
    The output starts as zeros, so the pixels no tap reaches (most of them
    when the stride is much larger than the kernel) cost nothing: Python
    loops run over taps and chunks, never over pixels or stride phases.

    The products of every tap for every sample at once would take ``k``
    times the output's memory or more (49 times for a 7x7 kernel at stride
    1), so they are made in chunks of samples and taps (:func:`_chunks`),
    each added to the output before the next is made.
    """
    b = batched(x, weight, nsp, groups, transposed=True, name=name)
    s, p, a, d = _params(nsp, stride, padding, output_padding, dilation)
    xs, w, g = b.x, b.weight, b.groups
    (n, c_in), in_sp = xs.shape[:2], xs.shape[2:]
    cog, kernel = w.shape[1], w.shape[2:]
    out_sp = _output_size(b, s, p, a, d, name)
    reach = _tap_reach(in_sp, out_sp, kernel, s, p, d)
    channels_last = cog >= CHANNELS_LAST_FROM
    out = np.zeros((n, *out_sp, g, cog) if channels_last else (n, g, cog, *out_sp), dtype=w.dtype)
    # The output seen as (G, N, *out_sp, C_out/G) or as (G, C_out/G, N, *out_sp)
    dest = np.moveaxis(out, -2, 0) if channels_last else np.moveaxis(out, 0, 2)
    before_n = (slice(None),) * (1 if channels_last else 2)
    npix = math.prod(in_sp)
    samples, tap_blocks = _chunks(
        n, len(reach), g * cog * npix * w.itemsize, c_in * npix * w.itemsize, out.nbytes
    )
    # (G, C_in/G, taps, C_out/G), the taps that reach the output in reach's order
    cig = c_in // g
    w_taps = np.take(np.moveaxis(w.reshape(g, cig, cog, -1), 3, 2), [t for t, _, _ in reach], 2)
    for ns in samples:
        _add_products(xs[ns], w_taps, reach, tap_blocks, dest[(*before_n, ns)], channels_last)
    if channels_last:
        out = np.moveaxis(out.reshape(n, *out_sp, g * cog), -1, 1)
    return b.restore(np.ascontiguousarray(out.reshape(n, g * cog, *out_sp)))


def _add_products(
    xs: npt.NDArray[Any],
    w_taps: npt.NDArray[Any],
    reach: list[tuple[int, tuple[slice, ...], tuple[slice, ...]]],
    tap_blocks: list[slice],
    into: npt.NDArray[Any],
    channels_last: bool,
) -> None:
    """Add a chunk of samples' products to ``into``, one block of taps at a time.

    Channels last, the matmul per group is (N * pixels, C_in/G) @ (C_in/G, T *
    C_out/G), and each tap's block is a run of whole pixels with contiguous
    channels; channels first, it is (T * C_out/G, C_in/G) @ (C_in/G, N * pixels).
    """
    g, cig, _, cog = w_taps.shape
    n, _, *in_sp = xs.shape
    xg = xs.reshape(n, g, cig, -1)
    if channels_last:  # (G, N * pixels, C_in/G)
        xm = np.moveaxis(xg, 1, 0).swapaxes(2, 3).reshape(g, -1, cig)
    else:  # (G, C_in/G, N * pixels)
        xm = np.moveaxis(xg, 0, 2).reshape(g, cig, -1)
    lead = (slice(None),) * (2 if channels_last else 3)  # the axes before the spatial ones
    for tb in tap_blocks:
        wm = w_taps[:, :, tb].reshape(g, cig, -1)  # (G, C_in/G, T * C_out/G), a view
        if channels_last:  # (G, N, *in_sp, T, C_out/G), then one (G, N, *in_sp, C_out/G) per tap
            cols = np.moveaxis(np.matmul(xm, wm).reshape(g, n, *in_sp, -1, cog), -2, 0)
        else:  # (G, T, C_out/G, N, *in_sp), then one (G, C_out/G, N, *in_sp) per tap
            cols = np.matmul(wm.swapaxes(1, 2), xm).reshape(g, -1, cog, n, *in_sp)
            cols = np.moveaxis(cols, 1, 0)
        for (_, dst, src), products in zip(reach[tb], cols, strict=True):
            into[(*lead, *dst)] += products[(*lead, *src)]
        del cols, products  # before the next block's products are made


def _output_size(
    b: Batched,
    s: tuple[int, ...],
    p: tuple[int, ...],
    a: tuple[int, ...],
    d: tuple[int, ...],
    name: str,
) -> tuple[int, ...]:
    """The transposed convolution's spatial output size, refused before allocation when huge."""
    out_sp = tuple(
        conv_transpose_output_size(*args)
        for args in zip(b.x.shape[2:], b.weight.shape[2:], s, p, a, d, strict=True)
    )
    shape = (b.x.shape[0], b.weight.shape[1] * b.groups, *out_sp)
    check_elements(shape, f"{name}: the output", f"stride={s}, padding={p}, dilation={d}")
    return out_sp


CHANNELS_LAST_FROM = 64
"""Output channels per group from which the channels-last layout is faster."""

COLUMN_BYTES = 16 * 2**20
"""Most bytes of tap products made at once, unless the output is larger (then its size)."""


def _chunks(
    n: int, n_taps: int, tap_bytes: int, x_bytes: int, out_bytes: int
) -> tuple[list[slice], list[slice]]:
    """Split the samples, then the taps, so that a chunk of products fits a memory budget.

    The budget is the output's size or :data:`COLUMN_BYTES`, whichever is
    larger. ``tap_bytes`` and ``x_bytes`` are one tap's products and the
    input, per sample. Whole batches go first, then fewer taps at a time
    (one long matmul is faster than many short ones), then fewer samples.
    """
    budget = max(out_bytes, COLUMN_BYTES)
    samples = _runs(n, budget // max(tap_bytes, x_bytes))
    largest = max((ns.stop - ns.start for ns in samples), default=1)
    return samples, _runs(n_taps, budget // (largest * tap_bytes))


def _runs(total: int, most: int) -> list[slice]:
    """``range(total)`` as runs of nearly equal length, each at most ``most`` long (or 1)."""
    parts = -(-total // max(most, 1))
    return [slice(total * i // parts, total * (i + 1) // parts) for i in range(parts)]


def _tap_reach(
    in_sp: tuple[int, ...],
    out_sp: tuple[int, ...],
    kernel: tuple[int, ...],
    s: tuple[int, ...],
    p: tuple[int, ...],
    d: tuple[int, ...],
) -> list[tuple[int, tuple[slice, ...], tuple[slice, ...]]]:
    """Where each kernel tap lands: ``(tap index, output slices, input slices)``.

    Input pixel ``i`` and tap ``t`` reach output ``o = i s + t d - p``. The
    input pixels of one tap that land inside the output are one run, and
    their outputs one strided slice. Taps that fall entirely in the cropped
    padding are left out.
    """
    reach = []
    for index, tap in enumerate(taps(kernel)):
        dst, src = [], []
        for ni, qi, ti, si, pi, di in zip(in_sp, out_sp, tap, s, p, d, strict=True):
            shift = ti * di - pi  # where input pixel 0 lands
            lo = max(0, -(shift // si))  # first i with i s + shift >= 0
            hi = min(ni, -((shift - qi) // si))  # first i with i s + shift >= q, or n
            if hi <= lo:
                break
            dst.append(slice(lo * si + shift, (hi - 1) * si + shift + 1, si))
            src.append(slice(lo, hi))
        else:
            reach.append((index, tuple(dst), tuple(src)))
    return reach


def conv_transpose2d(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """2-D transposed convolution, as ``torch.nn.functional.conv_transpose2d``.

    Each input value stamps a copy of the kernel, scaled by that value, into the
    output at ``stride`` spacing; overlapping stamps add up. It is the adjoint
    (the matrix transpose) of :func:`conv2d` with the same parameters, not its
    inverse.

    Parameters
    ----------
    x : (H, W), (C_in, H, W) or (N, C_in, H, W) array_like
        Input. ``(H, W)`` goes with a 2-D ``weight``.
    weight : (kH, kW) or (C_in, C_out/groups, kH, kW) array_like
        Kernel, in PyTorch's transposed layout (input channels first).
    stride : int or pair of ints, default 1
        Spacing of the stamps in the output.
    padding : int or pair of ints, default 0
        Rows and columns cropped from each side of the full result (the sum of
        every stamp, uncropped); the transposed counterpart of the
        convolution's zero padding.
    output_padding : int or pair of ints, default 0
        Extra rows/columns at the bottom/right, to pick one of the ``stride``
        input sizes a strided convolution maps to the same output size. Must
        be smaller than ``stride`` or ``dilation``.
    dilation : int or pair of ints, default 1
        Spacing between kernel taps.
    groups : int, default 1
        Channels split into independent groups.

    Returns
    -------
    (H_out, W_out), (C_out, H_out, W_out) or (N, C_out, H_out, W_out) ndarray
        Same layout as ``x``; int64 for integer inputs (exact), otherwise the
        floating dtype of the inputs, as in :func:`conv2d` (float16 stays
        float16 and can overflow to ``inf``).

    Raises
    ------
    ValueError
        Wrong number of dimensions, channel or group mismatch, non-positive
        stride or dilation, negative padding, ``output_padding`` too large, an
        empty output; integer inputs whose exact result could leave int64's
        range (``max|x| * sum|weight|`` above ``2**63 - 1``): cast to float64.
    TypeError
        A non-numeric, bool or complex dtype, or a non-integer parameter.

    See Also
    --------
    conv_transpose_by_zero_insertion : the same result as a direct convolution.
    convolution_matrix : ``C.T`` is this map.

    Notes
    -----
    Each product ``x[m, n] w[u, v]`` is added to ``y[s m + d u - p, s n + d v - p]``
    (letters: :doc:`/notation`). Output size per axis:
    ``o' = (i' - 1) s - 2p + d(k - 1) + a + 1`` (:func:`conv_transpose_output_size`).

    Examples
    --------
    The walk-through's 2x2 input back to 4x4:

    >>> import numpy as np
    >>> k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    >>> conv_transpose2d([[1, 3], [2, 3]], k)
    array([[ 2,  9, 11,  6],
           [ 5, 19, 27, 12],
           [ 5, 24, 29,  9],
           [ 6, 17, 14,  3]])
    >>> conv_transpose2d(np.ones((8, 4, 4)), np.ones((8, 3, 4, 4)), stride=2, padding=1).shape
    (3, 8, 8)
    """
    return conv_transpose_nd(
        x, weight, 2, stride, padding, output_padding, dilation, groups, "conv_transpose2d"
    )


def conv_transpose1d(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """1-D transposed convolution, as ``torch.nn.functional.conv_transpose1d``.

    Parameters
    ----------
    x : (L,), (C_in, L) or (N, C_in, L) array_like
        Input. ``(L,)`` goes with a 1-D ``weight``.
    weight : (k,) or (C_in, C_out/groups, k) array_like
        Kernel, input channels first.
    stride, padding, output_padding, dilation, groups
        As in :func:`conv_transpose2d`, with ints or 1-tuples.

    Returns
    -------
    ndarray
        Same layout as ``x``; dtype rules as in :func:`conv2d`: int64 for
        integer inputs, otherwise the floating dtype (float16 stays float16).

    Raises
    ------
    ValueError, TypeError
        As in :func:`conv_transpose2d`.

    Examples
    --------
    Each input value stamps the kernel, two samples apart:

    >>> conv_transpose1d([1, 10], [1, 2, 3], stride=2)
    array([ 1,  2, 13, 20, 30])
    """
    return conv_transpose_nd(
        x, weight, 1, stride, padding, output_padding, dilation, groups, "conv_transpose1d"
    )


# --- The zero-insertion route, one public step at a time --------------------------


def _spatial_dims(arr: npt.NDArray[Any], spatial_dims: Any) -> int:
    if spatial_dims is None:
        return min(arr.ndim, 2)
    nsp = bounded_int(spatial_dims, "spatial_dims", 1)
    if nsp > arr.ndim:
        msg = f"spatial_dims must be between 1 and x.ndim={arr.ndim}, got {nsp!r}"
        raise ValueError(msg)
    return nsp


def insert_zeros(x: Any, stride: Any, *, spatial_dims: int | None = None) -> npt.NDArray[Any]:
    """Insert ``stride - 1`` zeros between neighbouring values on the trailing axes.

    Parameters
    ----------
    x : array_like
        Values on the last ``spatial_dims`` axes; leading axes (batch,
        channels) are left alone.
    stride : int or tuple of ints
        The transposed convolution's stride, per spatial axis.
    spatial_dims : int, optional
        How many trailing axes are spatial. Default: 2, or 1 for a 1-D ``x``.

    Returns
    -------
    ndarray
        Each spatial axis of length ``i'`` becomes ``(i' - 1) s + 1``.

    Examples
    --------
    >>> insert_zeros([[1, 3], [2, 3]], 2)
    array([[1, 0, 3],
           [0, 0, 0],
           [2, 0, 3]])
    """
    arr = numeric_array(x, "x")
    nsp = _spatial_dims(arr, spatial_dims)
    s = ints(stride, "stride", nsp, 1)
    sp = arr.shape[arr.ndim - nsp :]
    if 0 in sp:
        msg = f"x must have at least one value on each of its {nsp} spatial axes, got shape {arr.shape}"
        raise ValueError(msg)
    shape = (*arr.shape[: arr.ndim - nsp], *((n - 1) * si + 1 for n, si in zip(sp, s, strict=True)))
    check_elements(shape, "insert_zeros: the result", f"stride={stride!r}")
    out = np.zeros(shape, dtype=arr.dtype)
    every_stride: tuple[Any, ...] = (..., *(slice(None, None, si) for si in s))
    out[every_stride] = arr
    return out


def transpose_padding(
    kernel_size: Any, padding: Any = 0, output_padding: Any = 0, dilation: Any = 1
) -> list[tuple[int, int]]:
    """Padding of the zero-inserted input that turns a direct convolution into a transposed one.

    Parameters
    ----------
    kernel_size : int or tuple of ints
        Kernel length per spatial axis; its length sets the number of axes.
    padding, output_padding, dilation : int or tuple of ints
        The transposed convolution's parameters.

    Returns
    -------
    list of (before, after) pairs
        ``p' = d(k - 1) - p`` before and ``p' + a`` after (``a = output_padding``),
        per axis. A negative amount means crop that many samples instead.

    Examples
    --------
    >>> transpose_padding((3, 3))  # the walk-through: pad 2 on every side
    [(2, 2), (2, 2)]
    >>> transpose_padding(4, padding=1, output_padding=1)
    [(2, 3), (2, 3)]
    >>> transpose_padding(3, padding=3)  # p > d(k - 1): crop instead
    [(-1, -1), (-1, -1)]
    """
    ks = kernel_size if is_sequence(kernel_size) else (kernel_size, kernel_size)
    nsp = len(ks)
    k = ints(ks, "kernel_size", nsp, 1)
    p = ints(padding, "padding", nsp, 0)
    a = ints(output_padding, "output_padding", nsp, 0)
    d = ints(dilation, "dilation", nsp, 1)
    return [
        (di * (ki - 1) - pi, di * (ki - 1) - pi + ai)
        for ki, pi, ai, di in zip(k, p, a, d, strict=True)
    ]


def pad_or_crop(x: Any, pad_width: Any) -> npt.NDArray[Any]:
    """Zero-pad (positive amounts) or crop (negative amounts) the trailing axes.

    Parameters
    ----------
    x : array_like
        Values; the last ``len(pad_width)`` axes are changed.
    pad_width : sequence of (before, after) pairs of ints, or one (before, after) pair
        Amount per trailing axis, e.g. from :func:`transpose_padding`. A single
        flat pair applies to every axis, as ``np.pad`` reads it.

    Returns
    -------
    ndarray

    Raises
    ------
    ValueError
        If a crop would remove the whole axis.

    Examples
    --------
    >>> pad_or_crop([[1, 2], [3, 4]], [(1, 0), (0, 1)])
    array([[0, 0, 0],
           [1, 2, 0],
           [3, 4, 0]])
    >>> pad_or_crop([[1, 2, 3]], [(0, 0), (-1, -1)])
    array([[2]])
    >>> pad_or_crop([[1, 2], [3, 4]], (0, 1))  # one pair: every axis, as np.pad
    array([[1, 2, 0],
           [3, 4, 0],
           [0, 0, 0]])
    """
    arr = numeric_array(x, "x")
    if not is_sequence(pad_width):
        msg = f"pad_width must be a sequence of (before, after) pairs of ints, got {pad_width!r}"
        raise TypeError(msg)
    if (
        isinstance(pad_width, tuple | list)
        and len(pad_width) == 2
        and all(isinstance(v, int | np.integer) and not isinstance(v, bool) for v in pad_width)
    ):
        pad_width = [tuple(pad_width)] * arr.ndim  # a flat (before, after): every axis, as np.pad
    pairs = [tuple(as_tuple(pw, "pad_width", 2)) for pw in pad_width]
    nsp = len(pairs)
    if nsp > arr.ndim:
        msg = f"pad_width has {nsp} pairs but x has only {arr.ndim} axes"
        raise ValueError(msg)
    lead = arr.ndim - nsp
    grown = [
        n + max(lo, 0) + max(hi, 0) for n, (lo, hi) in zip(arr.shape[lead:], pairs, strict=True)
    ]
    check_elements((*arr.shape[:lead], *grown), "pad_or_crop: the padded x", f"pad_width={pairs}")
    # Pad first, then crop: a crop on one side may eat into padding on the other.
    arr = np.pad(arr, [(0, 0)] * lead + [(max(lo, 0), max(hi, 0)) for lo, hi in pairs])
    crops = []
    for n, (lo, hi) in zip(arr.shape[lead:], pairs, strict=True):
        start, stop = max(-lo, 0), n - max(-hi, 0)
        if stop <= start:
            msg = f"pad_width {pairs} crops away a whole axis of length {n}"
            raise ValueError(msg)
        crops.append(slice(start, stop))
    kept: tuple[Any, ...] = (..., *crops)
    result: npt.NDArray[Any] = arr[kept]
    return result


def flip_kernel(weight: Any, groups: int = 1) -> npt.NDArray[Any]:
    """The kernel of the direct convolution that equals a transposed one.

    Rotates every spatial slice by 180 degrees and, for a channelled weight,
    swaps the input and output channels within each group (not across groups).

    Parameters
    ----------
    weight : (k,), (kH, kW), or (C_in, C_out/groups, k...) array_like
        A transposed convolution's weight.
    groups : int, default 1
        The transposed convolution's groups.

    Returns
    -------
    ndarray
        ``(k,)``/``(kH, kW)`` flipped, or ``(C_out, C_in/groups, k...)``, the
        layout :func:`conv2d` expects.

    Examples
    --------
    >>> flip_kernel([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    array([[1, 4, 3],
           [2, 4, 1],
           [2, 3, 2]])
    """
    w = numeric_array(weight, "weight")
    g = bounded_int(groups, "groups", 1)
    if w.ndim <= 2:
        if g != 1:
            msg = f"groups must be 1 for a single-channel weight, got {g!r}"
            raise ValueError(msg)
        return np.ascontiguousarray(np.flip(w))
    c_in, cog, *kernel = w.shape
    if c_in % g:
        msg = f"groups={g} must divide weight.shape[0]={c_in}"
        raise ValueError(msg)
    per_group = w.reshape(g, c_in // g, cog, *kernel)
    swapped = np.swapaxes(per_group, 1, 2).reshape(g * cog, c_in // g, *kernel)
    return np.ascontiguousarray(np.flip(swapped, axis=tuple(range(2, w.ndim))))


def conv_transpose_by_zero_insertion(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """A transposed convolution computed as a direct convolution, step by step.

    1. :func:`insert_zeros`: ``stride - 1`` zeros between the input values;
    2. :func:`pad_or_crop` by :func:`transpose_padding`: ``d(k - 1) - p`` on
       each side (a crop when negative), plus ``output_padding`` at the end;
    3. a stride-1 :func:`conv2d` (or :func:`conv1d`) with the same dilation and
       :func:`flip_kernel`: the kernel rotated 180 degrees, channels swapped.

    Parameters
    ----------
    x, weight, stride, padding, output_padding, dilation, groups
        As in :func:`conv_transpose2d` (2-D or 4-D weight) or
        :func:`conv_transpose1d` (1-D or 3-D weight).

    Returns
    -------
    ndarray
        Equal to :func:`conv_transpose2d` / :func:`conv_transpose1d`.

    Raises
    ------
    ValueError, TypeError
        As in :func:`conv_transpose2d`.

    Notes
    -----
    The route is easy to draw but wasteful: most of the multiplications meet
    an inserted or padded zero.

    Examples
    --------
    >>> import numpy as np
    >>> k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    >>> x2 = np.array([[1, 3], [2, 3]])
    >>> bool((conv_transpose_by_zero_insertion(x2, k) == conv_transpose2d(x2, k)).all())
    True
    """
    w = numeric_array(weight, "weight")
    if w.ndim not in (1, 2, 3, 4):
        msg = (
            f"weight must be 2-D (kH, kW) or 4-D (C_in, C_out/groups, kH, kW), or 1-D/3-D "
            f"for one spatial axis, got weight.ndim={w.ndim}"
        )
        raise ValueError(msg)
    nsp = w.ndim if w.ndim <= 2 else w.ndim - 2
    name = "conv_transpose_by_zero_insertion"
    b = batched(x, w, nsp, groups, transposed=True, name=name)
    s, p, a, d = _params(nsp, stride, padding, output_padding, dilation)
    kernel = b.weight.shape[2:]
    _output_size(b, s, p, a, d, name)  # raises on an empty or too large output
    spread = insert_zeros(b.x, s, spatial_dims=nsp)
    framed = pad_or_crop(spread, transpose_padding(kernel, p, a, d))
    flipped = flip_kernel(b.weight, b.groups)
    out = conv_nd(framed, flipped, nsp, 1, 0, d, b.groups, name)
    return b.restore(out)


def scatter_stamps(x: Any, weight: Any, *, stride: Any = 1, dilation: Any = 1) -> npt.NDArray[Any]:
    """Each input value's stamp: its own contribution to the transposed convolution.

    Input value ``x[m, n]`` adds ``x[m, n]`` times the (dilated) kernel at
    ``(s m, s n)`` of the full result; the stamps sum to the transposed
    convolution with no padding. Computed as one batched transposed
    convolution of one-hot copies of ``x``, for drawing small examples.

    Parameters
    ----------
    x : (L,) or (H, W) array_like
        A single-channel input.
    weight : (k,) or (kH, kW) array_like
    stride, dilation : int or tuple of ints
        As in :func:`conv_transpose2d`.

    Returns
    -------
    ndarray
        Shape ``(x.size,) + full``: one stamp per input value, in ``x.ravel()``
        order, and ``full`` is the full result's size ``(i' - 1) s + d(k - 1) + 1``
        per axis.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or 2-D, or ``weight`` has another number of axes.

    Examples
    --------
    >>> stamps = scatter_stamps([1, 10], [1, 2, 3], stride=2)
    >>> stamps
    array([[ 1,  2,  3,  0,  0],
           [ 0,  0, 10, 20, 30]])
    >>> stamps.sum(axis=0)
    array([ 1,  2, 13, 20, 30])
    """
    xs, w = numeric_array(x, "x"), numeric_array(weight, "weight")
    if xs.ndim not in (1, 2) or w.ndim != xs.ndim:
        msg = f"x and weight must both be 1-D or both 2-D, got shapes {xs.shape} and {w.shape}"
        raise ValueError(msg)
    check_elements((xs.size, xs.size), "scatter_stamps: the one-hot inputs", f"x.size={xs.size}")
    one_hot = (np.eye(xs.size, dtype=xs.dtype) * xs.ravel()[:, None]).reshape(xs.size, 1, *xs.shape)
    name = "scatter_stamps"
    return conv_transpose_nd(one_hot, w[None, None], xs.ndim, stride, 0, 0, dilation, 1, name)[:, 0]
