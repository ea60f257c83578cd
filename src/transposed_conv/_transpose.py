"""Transposed convolution: the scatter-add computation and the zero-insertion route."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from ._arithmetic import check_output_padding, conv_transpose_output_size
from ._chunking import COLUMN_BYTES
from ._chunking import runs as _runs
from ._conv import conv_nd
from ._layout import Batched, batched, taps
from ._validation import (
    MAX_AXES,
    as_tuple,
    bounded_int,
    check_elements,
    ints,
    is_sequence,
    numeric_array,
    work_dtype,
)


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
    when the stride is much larger than the kernel) cost nothing.

    :func:`_route` picks one of three ways to cut the work into blocks:

    - ``"taps"``: one block per tap, as above;
    - ``"pixels"``: ``o = i s + t d - p`` is symmetric in (input pixel ``i``,
      stride ``s``) and (tap ``t``, dilation ``d``), so when the kernel has
      more taps than the input has pixels, one block per input pixel: its
      whole (dilated) stamp. Python loops run over the fewer of taps and
      pixels, never over both;
    - ``"rows"``: at stride 1 along the last axis, that axis is a direct
      convolution with the kernel flipped (the zero-insertion route inserts
      no zeros there): the matmul takes the windows of the last axis as its
      columns (``C_in/G * kW`` of them, a longer and faster product) and
      gives one block per tap of the other axes.

    The products of every tap for every sample at once would take ``k``
    times the output's memory or more (49 times for a 7x7 kernel at stride
    1), so they are made in chunks of samples and taps (or pixels)
    (:func:`_chunks`), each added to the output before the next is made.
    float16 is computed in float32 and rounded once at the end.
    """
    b = batched(x, weight, nsp, groups, transposed=True, name=name)
    s, p, a, d = _params(nsp, stride, padding, output_padding, dilation)
    dtype = b.weight.dtype
    work = work_dtype(dtype)
    xs, w, g = b.x.astype(work, copy=False), b.weight.astype(work, copy=False), b.groups
    (n, c_in), in_sp = xs.shape[:2], xs.shape[2:]
    cog, kernel = w.shape[1], w.shape[2:]
    cig = c_in // g
    out_sp = _output_size(b, s, p, a, d, name)
    npix, ntaps = math.prod(in_sp), math.prod(kernel)
    route = _route(in_sp, kernel, s, cig, cog)
    if route == "taps":
        reach = _tap_reach(in_sp, out_sp, kernel, s, p, d)
        unit, x_bytes = g * cog * npix, c_in * npix  # one tap's products, the input: per sample
    elif route == "pixels":  # the same arithmetic with (pixel, s) and (tap, d) swapped
        reach = _tap_reach(kernel, out_sp, in_sp, d, p, s)
        unit, x_bytes = g * cog * ntaps, c_in * npix
    else:  # "rows": the taps of the leading axes; the last axis is whole in every block
        reach = _tap_reach(in_sp[:-1], out_sp[:-1], kernel[:-1], s[:-1], p[:-1], d[:-1])
        row = math.prod(in_sp[:-1]) * out_sp[-1]
        unit, x_bytes = g * cog * row, c_in * kernel[-1] * row  # a tap's products, the columns
    channels_last = route != "rows" and cog >= CHANNELS_LAST_FROM
    out = np.zeros((n, *out_sp, g, cog) if channels_last else (n, g, cog, *out_sp), dtype=work)
    # The output seen as (G, N, *out_sp, C_out/G) or as (G, C_out/G, N, *out_sp)
    dest = np.moveaxis(out, -2, 0) if channels_last else np.moveaxis(out, 0, 2)
    before_n = (slice(None),) * (1 if channels_last else 2)
    size = w.itemsize
    samples, unit_blocks = _chunks(n, len(reach), unit * size, x_bytes * size, out.nbytes)
    xg = xs.reshape(n, g, cig, npix)
    wg = w.reshape(g, cig, cog, ntaps)
    if route == "rows":  # rows (lead tap, C_out/G), columns (C_in/G, flipped last-axis tap)
        kw = kernel[-1]
        flipped = w.reshape(g, cig, cog, -1, kw)[..., ::-1]
        wg = np.ascontiguousarray(flipped.transpose(0, 3, 2, 1, 4)).reshape(g, -1, cog, cig * kw)
    lead = (slice(None),) * (2 if channels_last else 3)  # the axes before the spatial ones
    for ns in samples:
        into = dest[(*before_n, ns)]
        batch_sp = (ns.stop - ns.start, *in_sp)
        if route == "taps":
            xm = _tap_inputs(xg[ns], channels_last)
        elif route == "rows":
            xm = _row_columns(xs[ns], g, kernel[-1], p[-1], a[-1], d[-1])
            batch_sp = (*batch_sp[:-1], out_sp[-1])
        else:
            xm = xg[ns]
        for ub in unit_blocks:
            entries = reach[ub]
            picked = [i for i, _, _ in entries]
            if route == "taps":
                products = _tap_products(xm, wg, picked, channels_last, batch_sp)
            elif route == "rows":
                rows = np.take(wg, picked, axis=1).reshape(g, -1, cig * kernel[-1])
                products = np.moveaxis(np.matmul(rows, xm).reshape(g, -1, cog, *batch_sp), 1, 0)
            else:
                products = _pixel_products(xm, wg, picked, channels_last, kernel)
            for (_, dst, src), block in zip(entries, products, strict=True):
                into[(*lead, *dst)] += block[(*lead, *src)]
            del products, block  # before the next chunk's products are made
    if channels_last:
        out = np.moveaxis(out.reshape(n, *out_sp, g * cog), -1, 1)
    result = np.ascontiguousarray(out.reshape(n, g * cog, *out_sp), dtype=dtype)
    return b.restore(result)


def _route(
    in_sp: tuple[int, ...], kernel: tuple[int, ...], s: tuple[int, ...], cig: int, cog: int
) -> str:
    """``"pixels"``, ``"rows"`` or ``"taps"``: how :func:`conv_transpose_nd` cuts its work.

    Pixels when the kernel has more taps than the input has pixels (so the
    Python loop is never longer than the smaller of the two). Otherwise rows
    when the last axis has stride 1 and they move less data: per input pixel
    and sample, the taps route writes and reads ``T C_out/G`` products and
    reads and writes the output as often (``4 T C_out/G`` values), the rows
    route writes and reads ``C_in/G kW`` columns and then does the same with
    ``T/kW`` taps' products (``2 C_in/G kW + 4 (T/kW) C_out/G``).
    """
    ntaps, kw = math.prod(kernel), kernel[-1]
    if ntaps > math.prod(in_sp):
        return "pixels"
    lead_taps = ntaps // kw
    if s[-1] == 1 and kw > 1 and cig * kw < 2 * lead_taps * cog * (kw - 1):
        return "rows"
    return "taps"


def _row_columns(xs: npt.NDArray[Any], g: int, kw: int, p: int, a: int, d: int) -> npt.NDArray[Any]:
    """The last axis's windows as matmul columns: (G, C_in/G * kW, N * leading pixels * W_out).

    At stride 1 the last axis is a direct convolution of ``x`` padded by
    ``d (kW - 1) - p`` before and that plus ``a`` after (a crop where
    negative) with the flipped kernel, as in :func:`conv_transpose_by_zero_insertion`.
    """
    n, c_in, *_ = xs.shape
    before = d * (kw - 1) - p
    after = before + a
    padded = np.pad(xs, [(0, 0)] * (xs.ndim - 1) + [(max(before, 0), max(after, 0))])
    framed = padded[..., max(-before, 0) : padded.shape[-1] - max(-after, 0)]
    windows = sliding_window_view(framed, d * (kw - 1) + 1, axis=-1)[..., ::d]
    # (N, G, C_in/G, *lead, W_out, kW) -> (G, C_in/G, kW, N, *lead, W_out)
    grouped = windows.reshape(n, g, c_in // g, *windows.shape[2:])
    order = (1, 2, grouped.ndim - 1, 0, *range(3, grouped.ndim - 1))
    return np.ascontiguousarray(grouped.transpose(order)).reshape(g, (c_in // g) * kw, -1)


def _tap_inputs(xg: npt.NDArray[Any], channels_last: bool) -> npt.NDArray[Any]:
    """The taps route's matmul input, from (N, G, C_in/G, pixels).

    (G, N * pixels, C_in/G) channels last, else (G, C_in/G, N * pixels).
    """
    _, g, cig, _ = xg.shape
    if channels_last:
        return np.moveaxis(xg, 1, 0).swapaxes(2, 3).reshape(g, -1, cig)
    return np.moveaxis(xg, 0, 2).reshape(g, cig, -1)


def _tap_products(
    xm: npt.NDArray[Any],
    wg: npt.NDArray[Any],
    picked: list[int],
    channels_last: bool,
    batch_sp: tuple[int, ...],
) -> npt.NDArray[Any]:
    """The products of the ``picked`` taps, one block per tap, laid out like the output.

    ``xm`` is from :func:`_tap_inputs`, ``wg`` (G, C_in/G, C_out/G, taps) and
    ``batch_sp`` is (N, *in_sp). Channels last, the matmul per group is
    (N * pixels, C_in/G) @ (C_in/G, T * C_out/G), and each tap's block
    (G, N, *in_sp, C_out/G) is a run of whole pixels with contiguous channels;
    channels first, it is (T * C_out/G, C_in/G) @ (C_in/G, N * pixels), each
    tap's block (G, C_out/G, N, *in_sp).
    """
    g, cig, cog, _ = wg.shape
    w_taps = np.take(wg, picked, axis=3)  # (G, C_in/G, C_out/G, T)
    if channels_last:
        wm = w_taps.swapaxes(2, 3).reshape(g, cig, -1)  # columns (T, C_out/G)
        return np.moveaxis(np.matmul(xm, wm).reshape(g, *batch_sp, -1, cog), -2, 0)
    wm = w_taps.transpose(0, 3, 2, 1).reshape(g, -1, cig)  # rows (T, C_out/G)
    return np.moveaxis(np.matmul(wm, xm).reshape(g, -1, cog, *batch_sp), 1, 0)


def _pixel_products(
    xg: npt.NDArray[Any],
    wg: npt.NDArray[Any],
    picked: list[int],
    channels_last: bool,
    kernel: tuple[int, ...],
) -> npt.NDArray[Any]:
    """The stamps of the ``picked`` input pixels, one block per pixel, laid out like the output.

    The matmul per group is (N * P, C_in/G) @ (C_in/G, C_out/G * taps) for P
    pixels; each pixel's block is its whole kernel times its values, as
    (G, N, *kernel, C_out/G) channels last or (G, C_out/G, N, *kernel) channels first.
    """
    n, g, cig, _ = xg.shape
    cog = wg.shape[2]
    xm = np.moveaxis(np.take(xg, picked, axis=3), 1, 0).swapaxes(2, 3).reshape(g, -1, cig)
    if channels_last:
        wm = wg.swapaxes(2, 3).reshape(g, cig, -1)  # columns (taps, C_out/G)
        stamps = np.matmul(xm, wm).reshape(g, n, len(picked), *kernel, cog)
        return np.moveaxis(stamps, 2, 0)
    stamps = np.matmul(xm, wg.reshape(g, cig, -1)).reshape(g, n, len(picked), cog, *kernel)
    by_pixel: npt.NDArray[Any] = np.moveaxis(stamps, 2, 0).swapaxes(2, 3)
    return by_pixel


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


def _chunks(
    n: int, n_units: int, unit_bytes: int, x_bytes: int, out_bytes: int
) -> tuple[list[slice], list[slice]]:
    """Split the samples, then the taps (or pixels), so that a chunk's arrays fit a budget.

    The budget is the output's size or :data:`COLUMN_BYTES`, whichever is
    larger. ``unit_bytes`` and ``x_bytes`` are one tap's (or one pixel's)
    products and the matmul's input (the input, or its columns), per sample:
    a chunk's input and its block of products share the budget, and the
    input takes at most half of it, so that a block holds many taps (one long
    matmul is faster than many short ones). Whole batches go first, then
    fewer taps at a time, then fewer samples.
    """
    budget = max(out_bytes, COLUMN_BYTES)
    samples = _runs(n, budget // (x_bytes + max(unit_bytes, x_bytes)))
    largest = max((ns.stop - ns.start for ns in samples), default=1)
    room = max(budget - largest * x_bytes, largest * unit_bytes)
    return samples, _runs(n_units, room // (largest * unit_bytes))


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
    padding are left out. Called with the kernel's and the input's roles
    swapped (``kernel`` for ``in_sp``, ``d`` for ``s``), it gives each input
    pixel's run of taps instead.
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
        float16, computed in float32, and a result beyond its range is ``inf``).

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
    Each kernel tap's products are added to the output as one strided block,
    or each input pixel's whole stamp when the kernel has more taps than the
    input has pixels, so the work grows linearly with the number of taps; at
    stride 1 along the last axis, that axis may be computed as a direct
    convolution instead, whichever moves less data. The products are made in
    chunks of at most 16 MiB (or the output's size).

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
        integer inputs, otherwise the floating dtype (float16 stays float16,
        computed in float32).

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
    if nsp > MAX_AXES:  # checked before the entries are read: a long view is refused at once
        msg = f"kernel_size must have at most {MAX_AXES} entries, one per axis, got {kernel_size!r}"
        raise ValueError(msg)
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
        flat pair (a list, tuple or array of two ints) applies to every axis,
        as ``np.pad`` reads it.

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
    >>> pad_or_crop(np.ones((2, 2)), np.array([1, 2])).shape  # an array pair too
    (5, 5)
    """
    arr = numeric_array(x, "x")
    if not is_sequence(pad_width):
        msg = f"pad_width must be a sequence of (before, after) pairs of ints, got {pad_width!r}"
        raise TypeError(msg)
    if len(pad_width) == 2 and not any(is_sequence(v) for v in pad_width):
        # a flat (before, after), as a list, tuple or array: every axis, as np.pad reads it
        pad_width = [as_tuple(pad_width, "pad_width", 2)] * arr.ndim
    nsp = len(pad_width)
    if nsp > arr.ndim:
        msg = f"pad_width has {nsp} pairs but x has only {arr.ndim} axes"
        raise ValueError(msg)
    pairs = [as_tuple(pw, "pad_width", 2) for pw in pad_width]
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
        Equal to :func:`conv_transpose2d` / :func:`conv_transpose1d` for
        finite values (see the Notes for a non-finite weight).

    Raises
    ------
    ValueError, TypeError
        As in :func:`conv_transpose2d`.

    Notes
    -----
    The route is easy to draw but wasteful: most of the multiplications meet
    an inserted or padded zero. With a non-finite weight those products are
    ``0 * inf``, NaN, where the scatter-add of :func:`conv_transpose1d` (and
    PyTorch) never multiplies the zeros at all: the last example.

    Examples
    --------
    >>> import numpy as np
    >>> k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    >>> x2 = np.array([[1, 3], [2, 3]])
    >>> bool((conv_transpose_by_zero_insertion(x2, k) == conv_transpose2d(x2, k)).all())
    True
    >>> with np.errstate(invalid="ignore"):  # 0 * inf
    ...     conv_transpose_by_zero_insertion([1.0, 2.0], [1.0, np.inf])
    array([nan, inf, inf])
    >>> conv_transpose1d([1.0, 2.0], [1.0, np.inf])
    array([ 1., inf, inf])
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
    convolution with no padding. Each stamp holds only its own products
    ``x[m, n] w[u, v]``, placed where they land (zeros elsewhere), for
    drawing small examples.

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
        per axis. dtype as in :func:`conv_transpose2d`.

    Raises
    ------
    ValueError
        If ``x`` is not 1-D or 2-D, or ``weight`` has another number of axes,
        or the stamps would have more than ``2**30`` elements.

    Examples
    --------
    >>> stamps = scatter_stamps([1, 10], [1, 2, 3], stride=2)
    >>> stamps
    array([[ 1,  2,  3,  0,  0],
           [ 0,  0, 10, 20, 30]])
    >>> stamps.sum(axis=0)
    array([ 1,  2, 13, 20, 30])

    An infinite value stays in its own stamp:

    >>> scatter_stamps([1.0, np.inf], [1.0, 2.0])
    array([[ 1.,  2.,  0.],
           [ 0., inf, inf]])
    """
    xs, w = numeric_array(x, "x"), numeric_array(weight, "weight")
    if xs.ndim not in (1, 2) or w.ndim != xs.ndim:
        msg = f"x and weight must both be 1-D or both 2-D, got shapes {xs.shape} and {w.shape}"
        raise ValueError(msg)
    nsp = xs.ndim
    b = batched(xs, w, nsp, 1, transposed=True, name="scatter_stamps")
    s = ints(stride, "stride", nsp, 1)
    d = ints(dilation, "dilation", nsp, 1)
    full = tuple(
        conv_transpose_output_size(n, k, si, 0, 0, di)
        for n, k, si, di in zip(xs.shape, w.shape, s, d, strict=True)
    )
    check_elements((xs.size, *full), "scatter_stamps: the stamps", f"x.size={xs.size}")
    xv, wv = b.x[0, 0], b.weight[0, 0]
    count, ones = xs.size, (1,) * nsp
    stamps = np.zeros((count, *full), dtype=wv.dtype)
    # stamp n (input pixel m), tap t: x[m] w[t] lands at s m + d t, per axis; no sums
    where = [np.arange(count).reshape(count, *ones)]
    for axis, pixel in enumerate(np.indices(xs.shape).reshape(nsp, count)):
        tap = np.arange(w.shape[axis]).reshape(-1, *ones[axis + 1 :])
        where.append(s[axis] * pixel.reshape(count, *ones) + d[axis] * tap)
    with np.errstate(invalid="ignore", over="ignore"):  # 0 * inf is NaN, as in the sum
        stamps[tuple(where)] = xv.reshape(count, *ones) * wv
    return stamps
