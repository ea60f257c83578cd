"""How a transposed convolution's taps fall on its output phases: their counts and their sums."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

from ._arithmetic import conv_transpose_output_size
from ._transpose import conv_transpose_nd
from ._validation import (
    as_tuple,
    check_elements,
    check_int64_result,
    ints,
    is_sequence,
    numeric_array,
)


def overlap_counts(
    input_shape: Any,
    kernel_size: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> npt.NDArray[np.int64]:
    """How many kernel taps land on each output pixel of a transposed convolution.

    Parameters
    ----------
    input_shape : int or tuple of 1 or 2 ints
        Input length ``(L,)`` or shape ``(H, W)``.
    kernel_size : int or tuple of ints
        Kernel size per axis.
    stride, padding, output_padding, dilation : int or tuple of ints
        As in :func:`conv_transpose2d`.

    Returns
    -------
    ndarray of int64
        Shaped like the transposed convolution's output: the transposed
        convolution of an all-ones input with an all-ones kernel.

    Examples
    --------
    Kernel 3, stride 2: every other output is hit twice.

    >>> overlap_counts(4, 3, stride=2)
    array([1, 1, 2, 1, 2, 1, 2, 1, 1])
    >>> overlap_counts(4, 4, stride=2, padding=1)  # 4 divisible by 2: even
    array([1, 2, 2, 2, 2, 2, 2, 1])
    """
    sizes, kernel = _sizes(input_shape, kernel_size)
    nsp = len(sizes)
    out = _output_shape(sizes, kernel, stride, padding, output_padding, dilation)
    check_elements(out, "overlap_counts: the counts", f"input_shape={input_shape!r}")
    check_elements(sizes, "overlap_counts: the all-ones input", f"input_shape={input_shape!r}")
    check_elements(kernel, "overlap_counts: the all-ones kernel", f"kernel_size={kernel_size!r}")
    ones = np.ones(sizes, dtype=np.int64)
    return conv_transpose_nd(
        ones,
        np.ones(kernel, dtype=np.int64),
        nsp,
        stride,
        padding,
        output_padding,
        dilation,
        1,
        "overlap_counts",
    )


def _sizes(input_shape: Any, kernel_size: Any) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """``input_shape`` and ``kernel_size`` as tuples of one or two positive ints."""
    shape = input_shape if is_sequence(input_shape) else (input_shape,)
    nsp = len(shape)
    if nsp not in (1, 2):
        msg = f"input_shape must have 1 or 2 entries, got {input_shape!r}"
        raise ValueError(msg)
    return ints(shape, "input_shape", nsp, 1), ints(kernel_size, "kernel_size", nsp, 1)


def _output_shape(
    sizes: tuple[int, ...],
    kernel: tuple[int, ...],
    stride: Any,
    padding: Any,
    output_padding: Any,
    dilation: Any,
) -> tuple[int, ...]:
    """The transposed convolution's output shape, from the sizes alone (nothing allocated)."""
    nsp = len(sizes)
    s, p = ints(stride, "stride", nsp, 1), ints(padding, "padding", nsp, 0)
    a, d = as_tuple(output_padding, "output_padding", nsp), ints(dilation, "dilation", nsp, 1)
    return tuple(
        conv_transpose_output_size(*args) for args in zip(sizes, kernel, s, p, a, d, strict=True)
    )


def phase_sums(
    weight: Any, stride: Any, *, padding: Any = 0, dilation: Any = 1
) -> npt.NDArray[Any]:
    """Total kernel weight each output phase of a strided transposed convolution receives.

    Output pixel ``r`` belongs to phase ``r mod s`` (per axis), and tap ``u``
    of every stamp lands on phase ``(d u - p) mod s``. Away from
    the border, a constant input ``c`` produces ``c * phase_sums[phase]`` there,
    so unequal sums make a flat input come out checkered even when every
    phase gets the same number of taps.

    Equal sums are the same as a kernel whose frequency response is zero at
    the image centres ``k / s`` (``k = 1 .. s-1``): a constant input comes out
    constant. They say nothing about the rest of the input, whose spectrum
    zero insertion repeats in ``s - 1`` images around those frequencies; only
    the kernel's response across those bands removes them. The first kernel
    below has equal sums and still puts a checkerboard on a ramp; the
    bilinear one, ``(1 + z^-1)^3 / 4`` with a triple zero at 1/2, does not.

    Parameters
    ----------
    weight : (k,) or (kH, kW) array_like
        A single-channel kernel.
    stride : int or tuple of ints
        The transposed convolution's stride.
    padding, dilation : int or tuple of ints
        As in :func:`conv_transpose2d`; padding shifts which phase is which.

    Returns
    -------
    (s,) or (sH, sW) ndarray
        Sum of the taps landing on each phase; int64 for an integer kernel.

    Examples
    --------
    >>> phase_sums([1, 2, 3, 4], 2)  # equal tap counts, unequal sums
    array([4, 6])
    >>> phase_sums([0.25, 0.75, 0.75, 0.25], 2)  # the bilinear kernel
    array([1., 1.])
    >>> from transposed_conv import conv_transpose1d
    >>> ramp = np.arange(12.0)
    >>> phase_sums([0.75, 0.25, 0.25, 0.75], 2, padding=1)
    array([1., 1.])
    >>> np.diff(conv_transpose1d(ramp, [0.75, 0.25, 0.25, 0.75], stride=2, padding=1))[2:8]
    array([ 1.5, -0.5,  1.5, -0.5,  1.5, -0.5])
    >>> np.diff(conv_transpose1d(ramp, [0.25, 0.75, 0.75, 0.25], stride=2, padding=1))[2:8]
    array([0.5, 0.5, 0.5, 0.5, 0.5, 0.5])
    """
    w, s, phases = _tap_phases(weight, stride, padding, dilation)
    check_int64_result(np.ones(1, dtype=np.int64), w, "phase_sums", "sum|weight|")
    out = np.zeros(s, dtype=np.int64 if w.dtype.kind in "iu" else w.dtype)
    np.add.at(out, phases, w)
    return out


def _tap_phases(
    weight: Any, stride: Any, padding: Any, dilation: Any
) -> tuple[npt.NDArray[Any], tuple[int, ...], tuple[npt.NDArray[np.intp], ...]]:
    """The kernel, the stride, and the output phase ``(t d - p) mod s`` of each tap (open mesh)."""
    w = numeric_array(weight, "weight")
    if w.ndim not in (1, 2) or w.size == 0:
        msg = f"weight must be a non-empty 1-D or 2-D kernel, got shape {w.shape}"
        raise ValueError(msg)
    nsp = w.ndim
    s = ints(stride, "stride", nsp, 1)
    p = ints(padding, "padding", nsp, 0)
    d = ints(dilation, "dilation", nsp, 1)
    check_elements(s, "the phase sums (one per phase)", f"stride={stride!r}")
    # every factor is at most 2**30: (t d - p) stays well inside int64
    phases = np.ix_(
        *((np.arange(k) * di - pi) % si for k, si, pi, di in zip(w.shape, s, p, d, strict=True))
    )
    return w, s, phases


def equalize_phase_sums(
    weight: Any, stride: Any, *, padding: Any = 0, dilation: Any = 1
) -> npt.NDArray[np.float64]:
    """Rescale a kernel's taps so that every output phase receives the same total weight.

    Each tap is divided by the sum of its phase (:func:`phase_sums`) and
    multiplied by the mean of those sums: the kernel's total is kept and a
    constant input comes out constant away from the border. The rest of the
    input can still come out checkered: equal sums only make the kernel's
    response zero at the frequencies ``k / s`` (see :func:`phase_sums`).

    Parameters
    ----------
    weight : (k,) or (kH, kW) array_like
    stride : int or tuple of ints
    padding, dilation : int or tuple of ints
        As in :func:`conv_transpose2d`.

    Returns
    -------
    ndarray of float64
        Shaped like ``weight``.

    Raises
    ------
    ValueError
        If a phase's taps sum to zero (it cannot be rescaled to the mean).

    Examples
    --------
    >>> equalize_phase_sums([1, 2, 3, 4], 2)  # phase sums 4 and 6 become 5 and 5
    array([1.25      , 1.66666667, 3.75      , 3.33333333])
    >>> phase_sums(equalize_phase_sums([1, 2, 3, 4], 2), 2)
    array([5., 5.])
    """
    w, s, phases = _tap_phases(weight, stride, padding, dilation)
    # the phases reached are a product of those reached per axis: count them there
    per_axis = [np.unique(axis_phases).size for axis_phases in phases]
    missed = math.prod(s) - math.prod(per_axis)
    if missed:
        msg = (
            f"no tap reaches {missed} of the {math.prod(s)} output phases "
            f"(weight shape {w.shape}, stride={stride!r}, padding={padding!r}, "
            f"dilation={dilation!r}): they stay zero whatever the taps are; equalizing needs "
            f"at least one tap per phase, e.g. a kernel at least as long as the stride"
        )
        raise ValueError(msg)
    sums = phase_sums(w, s, padding=padding, dilation=dilation).astype(np.float64)
    if np.any(sums == 0):
        msg = f"a phase's taps sum to zero (phase sums {sums.tolist()}); it cannot be rescaled"
        raise ValueError(msg)
    scaled: npt.NDArray[np.float64] = w / sums[phases] * sums.mean()
    return scaled


def zero_insertion_waste(
    input_shape: Any,
    kernel_size: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
) -> tuple[int, int]:
    """Count the multiplications of the zero-insertion route, and how many meet a zero.

    The direct convolution over the zero-inserted, padded input multiplies every
    kernel tap by the sample under it at every output pixel; only the products
    whose sample is a real input value contribute anything.

    Parameters
    ----------
    input_shape : int or tuple of 1 or 2 ints
        Shape of the transposed convolution's input.
    kernel_size : int or tuple of ints
        Kernel size per axis.
    stride, padding, output_padding, dilation : int or tuple of ints
        As in :func:`conv_transpose2d`.

    Returns
    -------
    total : int
        Multiplications of the direct convolution: output pixels times taps.
    wasted : int
        Those whose sample is an inserted or padded zero. ``total - wasted``
        is the work of the scatter-add route, which skips them.

    Examples
    --------
    The walk-through's 2x2 input and 3x3 kernel, stride 1: 4 of 16 output
    pixels' 9 products, 36 of 144, touch a real value.

    >>> zero_insertion_waste((2, 2), 3)
    (144, 108)
    >>> zero_insertion_waste((2, 2), 3, stride=2)
    (225, 189)
    """
    sizes, kernel = _sizes(input_shape, kernel_size)
    nsp = len(sizes)
    out = _output_shape(sizes, kernel, stride, padding, output_padding, dilation)
    s, p = ints(stride, "stride", nsp, 1), ints(padding, "padding", nsp, 0)
    d = ints(dilation, "dilation", nsp, 1)
    total = math.prod(out) * math.prod(kernel)
    # Input value i and tap t land on i s + t d of the uncropped output; the kept
    # outputs are [p, p + o) per axis, and the counts are separable over the axes.
    useful = math.prod(
        _pairs_below(n, k, si, di, pi + oi) - _pairs_below(n, k, si, di, pi)
        for n, k, si, di, pi, oi in zip(sizes, kernel, s, d, p, out, strict=True)
    )
    return total, total - useful


def _pairs_below(n: int, k: int, s: int, d: int, limit: int) -> int:
    """How many (i, t) with ``0 <= i < n``, ``0 <= t < k`` have ``i s + t d < limit``.

    Input ``i`` meets ``min(k, ceil((limit - i s) / d))`` taps: all ``k`` up to
    ``i_full``, none past ``i_last``, and a floor sum in between, counted
    exactly in integers by :func:`_floor_sum` (a loop of ``log`` steps, not one per
    input value).
    """
    top = limit - 1
    if top < 0:
        return 0
    i_last = min(n - 1, top // s)
    i_full = min(i_last, (top - d * (k - 1)) // s) if top >= d * (k - 1) else -1
    # i from i_full + 1 to i_last meets floor((top - i s) / d) + 1 taps; write i = i_last - j
    between = i_last - i_full
    partial = _floor_sum(between, d, s, top - s * i_last) + between
    return (i_full + 1) * k + partial


def _floor_sum(n: int, m: int, a: int, b: int) -> int:
    """``sum(floor((a j + b) / m) for j in range(n))`` for non-negative ints, in O(log m) steps.

    The Euclidean-like reduction of the lattice points under a line (as in
    AtCoder's library ``floor_sum``): take out the whole multiples of ``m``,
    then swap the roles of ``a`` and ``m``.
    """
    total = 0
    while n > 0:
        total += (n - 1) * n // 2 * (a // m) + n * (b // m)
        a, b = a % m, b % m
        top = a * n + b
        if top < m:
            break
        n, b, m, a = top // m, top % m, a, m
    return total
