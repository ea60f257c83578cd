"""The imaging view of up-sampling: how much of a spectrum's images a kernel lets through.

Up-sampling by ``s`` with a transposed convolution inserts ``s - 1`` zeros
between input samples and filters the result with the kernel ``w``. In
frequency, with ``f`` in cycles per output sample, ``Y(f) = W(f) X(s f)``: the
input's spectrum, compressed by ``s``, repeats every ``1/s``. The copy around 0
is the baseband (``|f| < 1/(2s)``); the ``s - 1`` copies around the image
centres ``j/s`` (``j = 1 .. s-1``) are the images, and a checkerboard is what
the kernel lets through of them. An ideal up-sampler passes the baseband
unchanged and removes every image.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import check_elements, ints, numeric_array

ROUNDING = 1e-12
"""Variation smaller than this share of a signal's magnitude counts as rounding, not signal."""
ZERO_RTOL = 1e-9
"""Relative tolerance under which :func:`image_zero_orders` counts a derivative as zero."""


def _signal(y: Any, name: str) -> npt.NDArray[np.float64]:
    arr = numeric_array(y, name)
    if arr.ndim not in (1, 2) or arr.size == 0:
        msg = f"{name} must be a non-empty 1-D or 2-D array, got shape {arr.shape}"
        raise ValueError(msg)
    check_elements(arr.shape, f"the spectrum of {name}", f"{name} shape {arr.shape}")
    out = arr.astype(np.float64)
    if not np.isfinite(out).all():
        msg = f"{name} must hold finite values, got {int((~np.isfinite(out)).sum())} NaN or inf"
        raise ValueError(msg)
    return out


def _baseband_weights(n: int, s: int) -> npt.NDArray[np.float64]:
    """How much of each DFT bin ``b / n`` (``b = 0 .. n-1``) lies in the baseband of stride ``s``.

    Bin ``b`` sits at ``t = s b / n`` in units of ``1/s``; the nearest integer
    ``j`` names its band (``j mod s == 0``: the baseband). A bin exactly half-way
    between two centres lies on the border of two bands and counts half in each.
    Integer arithmetic: no rounding decides a band.
    """
    sb = np.arange(n, dtype=np.int64) * s  # s b <= 2**60: exact in int64
    below, rest = np.divmod(sb, n)
    nearest = np.where(2 * rest < n, below, below + 1)
    weight: npt.NDArray[np.float64] = (nearest % s == 0).astype(np.float64)
    border = 2 * rest == n
    sides = below[border]  # the centres on either side: below and below + 1
    weight[border] = ((sides % s == 0).astype(np.float64) + ((sides + 1) % s == 0)) / 2
    return weight


def _hann_or_none(window: Any) -> bool:
    """Whether ``window`` asks for the Hann window: ``'hann'`` yes, ``None`` no, else an error."""
    if window is None:
        return False
    if isinstance(window, str) and window == "hann":
        return True
    msg = f"window must be 'hann' or None, got {window!r}"
    raise ValueError(msg)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool | np.bool_)


def _hann(n: int) -> npt.NDArray[np.float64]:
    """The Hann window ``sin^2(pi (r + 1/2) / n)``: symmetric, no zero samples."""
    window: npt.NDArray[np.float64] = np.sin(np.pi * (np.arange(n) + 0.5) / n) ** 2
    return window


def image_band_share(
    y: Any, stride: Any, *, window: str | None = "hann", remove_mean: bool = True
) -> float:
    """Share of a signal's energy in the image bands of an up-sampling by ``stride``.

    Zero insertion compresses the input's spectrum by ``s`` and puts ``s - 1``
    images of it around the image centres ``j/s`` (``j = 1 .. s-1``, in cycles
    per output sample). The image band of centre ``j/s`` is
    ``|f - j/s| < 1/(2s)``; with the baseband ``|f| < 1/(2s)`` the bands tile
    the frequency axis. This is the share of ``y``'s energy in the image bands:
    what an ideal up-sampler would have removed, whatever the input held.

    Parameters
    ----------
    y : (L,) or (H, W) array_like
        An up-sampled signal or image (any length: the bands need not fall on
        whole DFT bins).
    stride : int or tuple of ints
        The up-sampling factor ``s``, one per axis (1 on an axis: no images there).
    window : {'hann', None}, default 'hann'
        ``'hann'`` multiplies ``y`` by the Hann window ``sin^2(pi (r + 1/2) / L)``
        on each axis (of length ``L``) before the DFT. The DFT treats ``y`` as periodic, so the
        jump between its opposite edges (a ramp's, a photo's) would otherwise
        spread energy over every frequency, image bands included. ``None``
        takes ``y`` as it is: right for a periodic ``y``.
    remove_mean : bool, default True
        Subtract ``y``'s mean (window-weighted when windowed) first, so that the
        share is of the energy that varies, and a brighter picture does not
        dilute it. The mean sits at frequency 0, in the baseband, so it only
        ever adds to the denominator; the imaging of the input's constant part
        (energy at ``j/s``) is counted either way.

    Returns
    -------
    float
        Between 0 and 1; 0 when nothing is left to measure: an all-zero ``y``,
        or, with ``remove_mean``, a constant one (what varies is at most
        ``1e-12`` of ``y``'s magnitude, rounding).

    Raises
    ------
    ValueError
        ``y`` empty, not 1-D or 2-D, or not finite; a stride below 1 or of the
        wrong length.
    TypeError
        Non-numeric ``y``, a non-integer stride, a ``remove_mean`` that is not a bool.

    See Also
    --------
    kernel_image_gain : The kernel's own gain across the image bands.
    image_centre_share : The energy at the image centres only (the constant part's imaging).

    Notes
    -----
    With ``Y[b]`` the DFT of the (windowed, mean-removed) ``y``, bin ``b`` at
    frequency ``b/L``, the share is ``sum (1 - g[b]) |Y[b]|^2 / sum |Y[b]|^2``,
    where ``g[b]`` is 1 for a bin in the baseband, 0 for one in an image band
    and 1/2 for one on the border between the baseband and an image band
    (``|b/L| = 1/(2s)``, possible when ``2s`` divides ``L``).

    In 2-D the image bands are everything outside the baseband rectangle
    ``|f_r| < 1/(2 s_r)`` and ``|f_c| < 1/(2 s_c)``: the bands where either
    axis is an image band (``g = g_r g_c``). Each of the ``s_r s_c - 1``
    rectangles around ``(j_r / s_r, j_c / s_c) != (0, 0)`` holds a copy of the
    input's spectrum; those with ``j_r = 0`` or ``j_c = 0`` are stripes along
    one axis, and the rest a checkerboard. An ideal up-sampler removes all.

    With the Hann window, each bin's energy is smeared over its two
    neighbours (the window's DFT has three nonzero bins). A band is ``L / s``
    bins wide, so with ``L`` of at least ``8 s`` the smear reaches at most a
    quarter of each band; shorter signals blur the bands' borders.

    References
    ----------
    P. P. Vaidyanathan, *Multirate Systems and Filter Banks*, Prentice Hall,
    1993 (interpolation: zero insertion, its images, the anti-imaging filter).

    Examples
    --------
    A sampled pattern that alternates every sample is all image; a slow
    wave none of it:

    >>> r = np.arange(64)
    >>> round(image_band_share((-1.0) ** r, 2), 6)
    1.0
    >>> round(image_band_share(np.cos(2 * np.pi * r / 32), 2), 6)
    0.0

    The issue's ramp: ``[0.75, 0.25, 0.25, 0.75]`` has equal phase sums and
    still checkers a ramp; the bilinear kernel does not.

    >>> from transposed_conv import conv_transpose1d
    >>> ramp = np.arange(12.0)
    >>> lumpy = conv_transpose1d(ramp, [0.75, 0.25, 0.25, 0.75], stride=2, padding=1)
    >>> smooth = conv_transpose1d(ramp, [0.25, 0.75, 0.75, 0.25], stride=2, padding=1)
    >>> round(image_band_share(lumpy, 2), 3), round(image_band_share(smooth, 2), 5)
    (0.08, 8e-05)
    """
    arr = _signal(y, "y")
    s = ints(stride, "stride", arr.ndim, 1)
    hann = _hann_or_none(window)
    if not _is_bool(remove_mean):
        msg = f"remove_mean must be True or False, got {remove_mean!r}"
        raise TypeError(msg)
    weights = np.ones(arr.shape)
    if hann:
        weights = _outer([_hann(n) for n in arr.shape])
    before = _energy(arr * weights)
    if remove_mean:
        arr = arr - (weights * arr).sum() / weights.sum()
    power = np.abs(np.fft.fftn(arr * weights)) ** 2
    total = float(power.sum())
    if total <= ROUNDING**2 * before:  # nothing varies but rounding (or all zeros)
        return 0.0
    baseband = _outer([_baseband_weights(n, si) for n, si in zip(arr.shape, s, strict=True)])
    return min(float((power * (1 - baseband)).sum()) / total, 1.0)


def _energy(z: npt.NDArray[np.float64]) -> float:
    """``sum |DFT(z)|^2``, by Parseval: the number of samples times ``sum z^2``."""
    return float((z**2).sum()) * z.size


def _outer(factors: list[npt.NDArray[np.float64]]) -> npt.NDArray[np.float64]:
    """The product ``a[r] b[c]`` of per-axis factors (one factor: itself)."""
    out = factors[0]
    for f in factors[1:]:
        out = np.multiply.outer(out, f)
    return out


def image_centre_share(y: Any, stride: Any) -> float:
    """Share of a signal's varying energy exactly at the image centres ``j/s``.

    The image centres of an up-sampling by ``s`` are the frequencies ``j/s``
    (``j = 1 .. s-1``; in 2-D every ``(j_r / s_r, j_c / s_c)`` but ``(0, 0)``).
    On the output of a transposed convolution, the DFT there is
    ``W(j/s) X(0)``: the input's constant part, imaged by the kernel. So this
    answers one question only, "does a constant input come out with a
    pattern?", on the output, and it is 0 for a kernel with equal phase sums
    (``W(j/s) = 0``) or an input of mean zero, however checkered the output
    is. :func:`image_band_share` measures the artifact.

    Parameters
    ----------
    y : (L,) or (H, W) array_like
        Each axis a multiple of its stride, so that ``j/s`` falls on DFT bins.
    stride : int or tuple of ints
        The up-sampling factor ``s``, one per axis.

    Returns
    -------
    float
        The power at the image centres over the power at every frequency but 0
        (the mean removed, no window); between 0 and 1, and 0 for a constant ``y``
        (what varies is at most ``1e-12`` of its magnitude, rounding).

    Raises
    ------
    ValueError
        An axis not a multiple of its stride, a stride below 1, or ``y`` empty,
        not 1-D or 2-D, or not finite.
    TypeError
        Non-numeric ``y`` or a non-integer stride.

    Notes
    -----
    The DFT at the centres holds the means of the phases (the samples whose
    index is the same modulo ``s``), so the share is the variance of the ``s``
    phase means (``s_r s_c`` in 2-D) over the variance of ``y``. For the full
    result of a transposed convolution (no crop), the samples of phase ``q``
    add up to ``sum(x) P[q]``, with ``P`` the phase sums (:func:`phase_sums`),
    so the power at the centres is ``s sum(x)^2 sum_q (P[q] - mean P)^2``: the
    phase sums' imbalance squared times the input's mean squared. A crop
    changes it a little (the crop's local mean). Up to version 0.2.0 this
    function was ``stride_frequency_energy`` (a name removed in 0.3.0), and
    the pages used it as a checkerboard measure, which it is not.

    Examples
    --------
    >>> checkerboard = np.indices((8, 8)).sum(axis=0) % 2
    >>> image_centre_share(checkerboard, 2)
    1.0

    Equal phase sums, or a zero-mean input, give 0 however much is imaged:

    >>> from transposed_conv import conv_transpose1d
    >>> ramp = np.arange(12.0) - 5.5  # mean 0
    >>> lumpy = conv_transpose1d(ramp, [0.75, 0.25, 0.25, 0.75], stride=2)
    >>> round(image_centre_share(lumpy, 2), 12), round(image_band_share(lumpy, 2), 2)
    (0.0, 0.07)
    """
    arr = _signal(y, "y")
    s = ints(stride, "stride", arr.ndim, 1)
    if any(n % si for n, si in zip(arr.shape, s, strict=True)):
        msg = f"y shape {arr.shape} must be a multiple of stride={stride!r} on each axis"
        raise ValueError(msg)
    power = np.abs(np.fft.fftn(arr - arr.mean())) ** 2
    total = float(power.sum())
    if total <= ROUNDING**2 * _energy(arr):  # nothing varies but rounding (or all zeros)
        return 0.0
    centres = np.ix_(*(np.arange(0, n, n // si) for n, si in zip(arr.shape, s, strict=True)))
    return float(power[centres].sum() / total)  # (0, 0) holds no power: the mean is gone


def _kernel(weight: Any) -> npt.NDArray[np.float64]:
    w = numeric_array(weight, "weight")
    if w.ndim not in (1, 2) or w.size == 0:
        msg = f"weight must be a non-empty 1-D or 2-D kernel, got shape {w.shape}"
        raise ValueError(msg)
    out = w.astype(np.float64)
    if not np.isfinite(out).all():
        msg = f"weight must hold finite values, got {out.tolist()!r:.200}"
        raise ValueError(msg)
    if not out.any():
        msg = "weight must not be all zeros: it has no frequency response to measure"
        raise ValueError(msg)
    return out


def kernel_image_gain(weight: Any, stride: Any) -> float:
    """A kernel's energy across the image bands, relative to an ideal up-sampler's passband.

    ``integral over the image bands of |W(f)|^2 df``, divided by
    ``|W(0)|^2 / (s_r s_c)``: the energy an ideal up-sampler with the same gain
    at 0 (``|W| = |W(0)|`` over the baseband, 0 elsewhere) passes. For an
    input with a flat spectrum (white noise) it is the output's image-band
    energy over the ideal output's energy; 0 for an ideal up-sampler.

    Parameters
    ----------
    weight : (k,) or (kH, kW) array_like
        A single-channel kernel (for a dilated one, pass
        ``insert_zeros(weight, dilation)``; padding does not change ``|W|``).
    stride : int or tuple of ints
        The up-sampling factor ``s``, one per axis.

    Returns
    -------
    float
        At least 0.

    Raises
    ------
    ValueError
        An all-zero or non-finite kernel, taps that sum to 0 (no gain at 0 to
        compare with), or a stride below 1.
    TypeError
        Non-numeric weight or a non-integer stride.

    See Also
    --------
    image_zero_orders : The order of ``W``'s zero at each image centre.
    image_band_share : The measure on an output.

    Notes
    -----
    Exact, without sampling ``W``: ``|W(f)|^2`` is the DTFT of the kernel's
    autocorrelation ``R[t]``, so its integral over the baseband is
    ``sum_t R[t] h(t)`` with ``h(t) = sin(pi t / s) / (pi t)`` (``1/s`` at
    ``t = 0``; a product over the axes in 2-D), and the image bands hold the
    rest of ``R[0] = sum w^2`` (Parseval).

    Examples
    --------
    Nearest neighbour by 2, ``[1, 1]``, passes ``1/2 - 1/pi``; the bilinear
    kernel much less:

    >>> round(kernel_image_gain([1, 1], 2), 6), round(0.5 - 1 / np.pi, 6)
    (0.18169, 0.18169)
    >>> round(kernel_image_gain([0.25, 0.75, 0.75, 0.25], 2), 4)
    0.0207
    >>> from transposed_conv import bilinear_kernel
    >>> round(kernel_image_gain(bilinear_kernel(2), 2), 4)  # 2-D: either axis imaged
    0.0255
    """
    w = _kernel(weight)
    s = ints(stride, "stride", w.ndim, 1)
    gain0 = float(w.sum())
    if gain0 == 0:
        msg = (
            f"weight's taps sum to 0, its gain at frequency 0, so there is no gain "
            f"to compare with (weight shape {w.shape})"
        )
        raise ValueError(msg)
    lags = tuple(2 * k - 1 for k in w.shape)
    check_elements(lags, "the kernel's autocorrelation", f"weight shape {w.shape}")
    axes = tuple(range(w.ndim))
    spectrum = np.fft.rfftn(w, lags, axes=axes)
    autocorrelation = np.fft.irfftn(
        np.abs(spectrum) ** 2, lags, axes=axes
    )  # lag t: index t mod 2k-1
    passes = []
    for k, si in zip(w.shape, s, strict=True):
        t = np.fft.ifftshift(np.arange(-(k - 1), k))  # the lag of each index
        passes.append(np.sinc(t / si) / si)  # sin(pi t / s) / (pi t)
    baseband = float((autocorrelation * _outer(passes)).sum())
    image = max(float((w**2).sum()) - baseband, 0.0)
    return image / (gain0**2 / float(np.prod(s)))


def image_zero_orders(weight: Any, stride: Any) -> npt.NDArray[np.int64]:
    """The order of the kernel's zero at each image centre ``j/s``.

    ``W(j/s) = 0`` at every centre (order at least 1) is the same as equal
    phase sums (:func:`phase_sums`): a constant input comes out constant. A
    higher order flattens ``|W|`` around the centre, so the low frequencies of
    each image, where a picture holds most of its energy, are removed too:
    ``(1 + z^-1)^n`` has a zero of order ``n`` at 1/2.

    Parameters
    ----------
    weight : (k,) or (kH, kW) array_like
        A single-channel kernel.
    stride : int or tuple of ints
        The up-sampling factor ``s``, one per axis.

    Returns
    -------
    (s,) or (sH, sW) ndarray of int64
        Entry ``j`` (``[j_r, j_c]`` in 2-D) is the order at ``j/s``: the
        number of the first derivative of ``W`` (total order, in 2-D) that is
        not zero there. Entry 0 is the order at 0, 0 unless the taps sum to 0.

    Raises
    ------
    ValueError
        An all-zero or non-finite kernel, or a stride below 1.
    TypeError
        Non-numeric weight or a non-integer stride.

    Notes
    -----
    The derivatives of order ``e`` (``(e_r, e_c)`` in 2-D) at ``f`` are, up to
    a constant, the moments ``sum_u w[u] (u - c)^e exp(-2 pi i f u)`` about the
    kernel's centre ``c``. One counts as zero when its magnitude is at most
    ``1e-9`` times ``sum_u |w[u]| |u - c|^e`` (what rounding can leave). The
    order is at most ``(kH - 1) + (kW - 1)``.

    Examples
    --------
    >>> image_zero_orders([0.25, 0.75, 0.75, 0.25], 2)  # (1 + z^-1)^3 / 4
    array([0, 3])
    >>> image_zero_orders([0.75, 0.25, 0.25, 0.75], 2)  # equal phase sums, a simple zero
    array([0, 1])
    >>> from transposed_conv import bilinear_kernel
    >>> image_zero_orders(bilinear_kernel(2), 2)
    array([[0, 3],
           [3, 6]])
    """
    w = _kernel(weight)
    s = ints(stride, "stride", w.ndim, 1)
    check_elements(s, "the zero orders (one per image centre)", f"stride={stride!r}")
    check_elements(
        (max(s), max(w.shape)), "the Fourier factors", f"stride={stride!r}, weight {w.shape}"
    )
    offsets = [np.arange(k) - (k - 1) / 2 for k in w.shape]  # u - c on each axis
    factors = [
        np.exp(-2j * np.pi * np.outer(np.arange(si), np.arange(k)) / si)
        for si, k in zip(s, w.shape, strict=True)
    ]
    top = sum(k - 1 for k in w.shape)
    orders = np.full(s, -1, dtype=np.int64)
    for degree in range(top + 1):
        for powers in _splits(degree, w.shape):
            moment_weight = w * _outer([o**e for o, e in zip(offsets, powers, strict=True)])
            bound = float(np.abs(moment_weight).sum())
            moments = _transform(moment_weight, factors)
            found = (orders < 0) & (np.abs(moments) > ZERO_RTOL * bound)
            orders[found] = degree
        if (orders >= 0).all():
            return orders
    orders[orders < 0] = top  # unreachable for a nonzero kernel in exact arithmetic
    return orders


def _splits(degree: int, shape: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The derivative orders of total ``degree``, each below its axis's kernel size."""
    if len(shape) == 1:
        return [(degree,)] if degree < shape[0] else []
    return [(e, degree - e) for e in range(degree + 1) if e < shape[0] and degree - e < shape[1]]


def _transform(
    w: npt.NDArray[np.float64], factors: list[npt.NDArray[np.complex128]]
) -> npt.NDArray[np.complex128]:
    """``W`` at the image centres: ``F w`` in 1-D, ``F_r w F_c^T`` in 2-D."""
    out: npt.NDArray[np.complex128] = factors[0] @ w
    if len(factors) == 2:
        out = out @ factors[1].T
    return out
