"""The imaging measures against independent computations: a DFT loop, scipy's freqz, division.

The oracles here are written for reading, not speed: ``dft_band_share`` sums the
DFT term by term and finds each bin's band from exact fractions,
``freqz_image_gain`` integrates ``|W|^2`` from ``scipy.signal.freqz`` by
Gauss-Legendre quadrature band by band, and ``division_order`` divides the
kernel's polynomial by ``(z - z0)`` until it no longer divides.
"""

from __future__ import annotations

import cmath
import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from scipy.signal import freqz

import transposed_conv as tc

# ---------------------------------------------------------------- oracles


def baseband_fraction(b: int, n: int, s: int) -> float:
    """How much of DFT bin b/n lies in the baseband |f| < 1/(2s), from exact distances."""
    f = Fraction(b, n)
    half = Fraction(1, 2 * s)
    bands = []  # the bands whose centre j/s is within half a band of f (one, or two on a border)
    for j in range(-s, 2 * s + 1):
        distance = abs(f - Fraction(j, s))
        if distance < half:
            return 1.0 if j % s == 0 else 0.0
        if distance == half:
            bands.append(j % s == 0)
    assert len(bands) == 2  # on the border of two bands
    return sum(bands) / 2


def hann(n: int) -> list[float]:
    return [math.sin(math.pi * (r + 0.5) / n) ** 2 for r in range(n)]


def dft_band_share(y, stride, window="hann", remove_mean=True) -> float:
    """image_band_share by the definition: a DFT summed term by term, exact band borders."""
    y = np.atleast_2d(np.asarray(y, dtype=float))  # 1-D as one row: stride 1 on the rows
    strides = (1, stride) if np.ndim(stride) == 0 and y.shape[0] == 1 else stride
    strides = (strides, strides) if np.ndim(strides) == 0 else tuple(strides)
    rows, cols = y.shape
    wr = hann(rows) if window == "hann" else [1.0] * rows
    wc = hann(cols) if window == "hann" else [1.0] * cols
    weights = [[wr[r] * wc[c] for c in range(cols)] for r in range(rows)]
    mean = 0.0
    if remove_mean:
        mean = sum(weights[r][c] * y[r, c] for r in range(rows) for c in range(cols))
        mean /= sum(map(sum, weights))
    total = image = 0.0
    for fr in range(rows):
        for fc in range(cols):
            coefficient = sum(
                weights[r][c]
                * (y[r, c] - mean)
                * cmath.exp(-2j * math.pi * (fr * r / rows + fc * c / cols))
                for r in range(rows)
                for c in range(cols)
            )
            power = abs(coefficient) ** 2
            baseband = baseband_fraction(fr, rows, strides[0]) * baseband_fraction(
                fc, cols, strides[1]
            )
            total += power
            image += (1 - baseband) * power
    return image / total if total > 1e-24 else 0.0


GAUSS_NODES, GAUSS_WEIGHTS = np.polynomial.legendre.leggauss(40)


def band_nodes(s: int) -> list[tuple[np.ndarray, np.ndarray, bool]]:
    """Quadrature nodes and weights for each of the s bands of one axis (f in cycles/sample)."""
    out = []
    for j in range(s):
        centre, half = j / s, 1 / (2 * s)
        out.append((centre + half * GAUSS_NODES, half * GAUSS_WEIGHTS, j == 0))
    return out


def freqz_image_gain(w, stride) -> float:
    """kernel_image_gain by quadrature of |W|^2 from scipy.signal.freqz, band by band."""
    w = np.atleast_2d(np.asarray(w, dtype=float))
    s = (1, stride) if np.ndim(stride) == 0 and w.shape[0] == 1 else stride
    s = (s, s) if np.ndim(s) == 0 else tuple(s)
    image = 0.0
    for f_r, g_r, base_r in band_nodes(s[0]):
        for f_c, g_c, base_c in band_nodes(s[1]):
            if base_r and base_c:
                continue
            # W(f_r, f_c) = sum_u exp(-2 pi i f_r u) W_u(f_c), W_u the freqz of row u
            rows = np.array([freqz(row, worN=2 * np.pi * f_c)[1] for row in w])
            phases = np.exp(-2j * np.pi * np.outer(f_r, np.arange(w.shape[0])))
            response = phases @ rows
            image += float(g_r @ np.abs(response) ** 2 @ g_c)
    return image / (w.sum() ** 2 / (s[0] * s[1]))


def division_order(w, j: int, s: int) -> int:
    """The multiplicity of exp(-2 pi i j / s) as a root of sum_u w[u] z^u, by repeated division."""
    root = cmath.exp(-2j * math.pi * j / s)
    coefficients = np.asarray(w, dtype=complex)  # lowest power first
    scale = np.abs(coefficients).sum()
    order = 0
    while coefficients.size > 1:
        quotient, remainder = np.polynomial.polynomial.polydiv(coefficients, [-root, 1])
        if abs(remainder[0]) > 1e-9 * scale:
            break
        coefficients, order = quotient, order + 1
    return order


def zero_order_hold(s: int, n: int) -> np.ndarray:
    """(1 + z + ... + z^(s-1))^n: zeros of order n at every j/s, j = 1 .. s-1."""
    out = np.ones(1, dtype=np.int64)
    for _ in range(n):
        out = np.convolve(out, np.ones(s, dtype=np.int64))
    return out


# ---------------------------------------------------------------- image_band_share


@given(
    shape=st.one_of(st.tuples(st.integers(1, 24)), st.tuples(st.integers(1, 7), st.integers(1, 7))),
    strides=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    window=st.sampled_from(["hann", None]),
    remove_mean=st.booleans(),
    seed=st.integers(0, 2**32 - 1),
)
def test_band_share_matches_a_dft_loop(shape, strides, window, remove_mean, seed):
    y = np.random.default_rng(seed).standard_normal(shape) + 0.5
    stride = strides[0] if len(shape) == 1 else strides
    got = tc.image_band_share(y, stride, window=window, remove_mean=remove_mean)
    assert got == pytest.approx(dft_band_share(y, stride, window, remove_mean), abs=1e-10)


@pytest.mark.parametrize(
    ("n", "s", "baseband"),
    [
        (8, 2, [1, 1, 0.5, 0, 0, 0, 0.5, 1]),  # borders at 1/4 and 3/4 count half
        (6, 3, [1, 0.5, 0, 0, 0, 0.5]),
        (12, 3, [1, 1, 0.5, 0, 0, 0, 0, 0, 0, 0, 0.5, 1]),  # 1/2 lies between two images: 0
        (4, 1, [1, 1, 1, 1]),  # stride 1: no image bands, 1/2 is baseband
        (5, 2, [1, 1, 0, 0, 1]),
    ],
    ids=["n8-s2", "n6-s3", "n12-s3", "n4-s1", "n5-s2"],
)
def test_band_borders(n, s, baseband):
    assert [baseband_fraction(b, n, s) for b in range(n)] == baseband  # the oracle itself
    for b in range(n):  # one DFT bin at a time: its share is its image fraction
        y = np.cos(2 * np.pi * b * np.arange(n) / n) + np.sin(2 * np.pi * b * np.arange(n) / n)
        if b == 0:
            continue
        assert tc.image_band_share(y, s, window=None) == pytest.approx(1 - baseband[b], abs=1e-12)


@given(
    shape=st.one_of(
        st.tuples(st.integers(2, 40)), st.tuples(st.integers(2, 12), st.integers(2, 12))
    ),
    stride=st.integers(1, 5),
    window=st.sampled_from(["hann", None]),
    scale=st.floats(1e-3, 1e3) | st.floats(-1e3, -1e-3),
    offset=st.floats(-10, 10),
    seed=st.integers(0, 2**32 - 1),
)
def test_band_share_laws(shape, stride, window, scale, offset, seed):
    """In [0, 1]; blind to scale; blind to an added constant once the mean is removed."""
    y = np.random.default_rng(seed).standard_normal(shape)
    share = tc.image_band_share(y, stride, window=window)
    assert 0 <= share <= 1
    assert tc.image_band_share(scale * y, stride, window=window) == pytest.approx(share, abs=1e-9)
    assert tc.image_band_share(y + offset, stride, window=window) == pytest.approx(share, abs=1e-9)
    assert tc.image_band_share(y, 1, window=window) == 0  # no images at stride 1
    if window is None:  # periodic: a circular shift changes no |DFT|
        shifted = np.roll(y, 3, axis=-1)
        assert tc.image_band_share(shifted, stride, window=None) == pytest.approx(share, abs=1e-9)


@given(n=st.integers(4, 16), s=st.integers(2, 4), seed=st.integers(0, 2**32 - 1))
def test_ideal_upsampling_has_no_image_energy(n, s, seed):
    """Zero-padding a spectrum (the ideal up-sampler, periodic) leaves the images empty."""
    x = np.random.default_rng(seed).standard_normal(2 * n + 1)  # odd: no Nyquist bin to split
    spectrum = np.fft.fft(x)
    padded = np.zeros(s * x.size, dtype=complex)
    padded[: n + 1], padded[-n:] = spectrum[: n + 1], spectrum[-n:]
    y = np.fft.ifft(padded).real
    assert tc.image_band_share(y, s, window=None) < 1e-20
    zero_inserted = tc.insert_zeros(x, s)  # no filter: every image stays
    z = np.concatenate([zero_inserted, np.zeros(s - 1)])  # s * (2n + 1) samples
    assert tc.image_band_share(z, s, window=None, remove_mean=False) == pytest.approx(1 - 1 / s)


def test_the_ramp_of_the_issue():
    """Equal phase sums, and a checkerboard riding on a ramp; the bilinear kernel leaves none."""
    ramp = np.arange(12.0)
    lumpy_kernel, bilinear = [0.75, 0.25, 0.25, 0.75], [0.25, 0.75, 0.75, 0.25]
    lumpy = tc.conv_transpose1d(ramp, lumpy_kernel, stride=2, padding=1)
    smooth = tc.conv_transpose1d(ramp, bilinear, stride=2, padding=1)
    for kernel in (lumpy_kernel, bilinear):
        np.testing.assert_array_equal(tc.phase_sums(kernel, 2, padding=1), [1.0, 1.0])
    np.testing.assert_allclose(np.diff(lumpy)[2:-2], np.resize([1.5, -0.5], lumpy.size - 5))
    np.testing.assert_allclose(np.diff(smooth)[1:-1], 0.5)
    assert tc.image_band_share(lumpy, 2) == pytest.approx(0.080, abs=0.001)
    assert tc.image_band_share(smooth, 2) < 1e-4
    # without the window the ramp's wrap-around (a sawtooth) drowns the difference
    assert tc.image_band_share(smooth, 2, window=None) > 0.03
    assert tc.image_band_share(lumpy, 2, window=None) < 2 * tc.image_band_share(
        smooth, 2, window=None
    )
    # the kernels: a simple zero at 1/2 against a triple one
    np.testing.assert_array_equal(tc.image_zero_orders(lumpy_kernel, 2), [0, 1])
    np.testing.assert_array_equal(tc.image_zero_orders(bilinear, 2), [0, 3])
    assert tc.kernel_image_gain(lumpy_kernel, 2) > 10 * tc.kernel_image_gain(bilinear, 2)


def test_white_noise_output_share_is_the_kernel_figure():
    """For a flat input spectrum the output's image share is the kernel's, up to noise."""
    rng = np.random.default_rng(0)
    for taps, s in [([1.0, 1.0], 2), ([0.75, 0.25, 0.25, 0.75], 2), (rng.uniform(0, 1, 5), 3)]:
        w = np.asarray(taps)
        y = tc.conv_transpose1d(rng.standard_normal(2**16), w, stride=s)
        expected = tc.kernel_image_gain(w, s) * w.sum() ** 2 / s / (w**2).sum()
        assert tc.image_band_share(y, s, window=None) == pytest.approx(expected, rel=0.03)


def test_zero_and_constant_signals_have_nothing_to_measure():
    assert tc.image_band_share(np.zeros(8), 2) == 0.0
    for value in (3.0, 0.1, -7e5):
        assert tc.image_band_share(np.full((4, 6), value), 2) == 0.0
        assert tc.image_band_share(np.full(10, value), 2, window=None) == 0.0
        assert tc.image_centre_share(np.full((4, 6), value), 2) == 0.0
    # kept, a constant is all baseband: the Hann window spreads it one bin either side only
    assert tc.image_band_share(np.full((8, 12), 3.0), 2, remove_mean=False) < 1e-30
    assert tc.image_band_share(np.full((8, 12), 3.0) + 1e-9 * (-1) ** np.arange(12), 2) > 0.99


# ---------------------------------------------------------------- image_centre_share


@given(
    shape=st.one_of(st.tuples(st.integers(1, 6)), st.tuples(st.integers(1, 4), st.integers(1, 4))),
    strides=st.tuples(st.integers(1, 3), st.integers(1, 3)),
    seed=st.integers(0, 2**32 - 1),
)
def test_centre_share_is_the_phase_means_share_of_the_variance(shape, strides, seed):
    """Without an FFT: the variance of the phase means over the variance."""
    s = strides[: len(shape)]
    y = np.random.default_rng(seed).standard_normal(
        tuple(n * si for n, si in zip(shape, s, strict=True))
    )
    assume(y.size > 1)
    if len(shape) == 1:
        means = np.array([y[q :: s[0]].mean() for q in range(s[0])])
    else:
        means = np.array(
            [[y[q :: s[0], t :: s[1]].mean() for t in range(s[1])] for q in range(s[0])]
        )
    assert tc.image_centre_share(y, s) == pytest.approx(means.var() / y.var(), abs=1e-12)


def test_centre_share_is_the_constant_parts_imaging():
    """Full result, kernel a multiple of the stride: mean(x)^2 times the phase sums' spread."""
    rng = np.random.default_rng(2)
    x, k = rng.uniform(0, 1, (6, 6)), rng.uniform(0, 1, (4, 4))
    y = tc.conv_transpose2d(x, k, stride=2)  # 14 x 14, no crop
    sums = tc.phase_sums(k, 2)
    phase_means = x.sum() * sums / (y.size / 4)
    assert tc.image_centre_share(y, 2) == pytest.approx(phase_means.var() / y.var())
    zero_mean = tc.conv_transpose2d(x - x.mean(), k, stride=2)
    assert tc.image_centre_share(zero_mean, 2) < 1e-25  # blind to what it does to the rest
    assert tc.image_band_share(zero_mean, 2) > 0.05  # which is plainly imaged


def test_centre_share_separates_stride_patterns_from_smooth_images():
    rng = np.random.default_rng(0)
    smooth = tc.interpolate(rng.standard_normal((8, 8)), 4, "bilinear")
    pattern = np.tile([[1.0, 0.0], [0.0, 0.0]], (16, 16))
    assert tc.image_centre_share(pattern, 2) == pytest.approx(1.0)
    clean = tc.image_centre_share(smooth, 2)
    assert clean < 0.001  # bilinear up-sampling leaves almost nothing at the centres
    assert tc.image_centre_share(smooth + 0.5 * pattern, 2) > 100 * clean
    with pytest.raises(ValueError, match=r"y shape \(5, 4\) must be a multiple of stride=2"):
        tc.image_centre_share(np.ones((5, 4)), 2)


# ---------------------------------------------------------------- kernel_image_gain

kernels_1d = st.lists(st.integers(-5, 9), min_size=1, max_size=8).filter(lambda w: sum(w) != 0)
kernels_2d = (
    st.integers(1, 4)
    .flatmap(
        lambda rows: st.lists(
            st.lists(st.integers(-5, 9), min_size=3, max_size=3), min_size=rows, max_size=rows
        )
    )
    .filter(lambda w: np.sum(w) != 0)
)


@given(w=kernels_1d, s=st.integers(1, 5))
def test_kernel_gain_matches_freqz_1d(w, s):
    assert tc.kernel_image_gain(w, s) == pytest.approx(freqz_image_gain(w, s), rel=1e-7, abs=1e-12)


@given(w=kernels_2d, s=st.tuples(st.integers(1, 3), st.integers(1, 3)))
def test_kernel_gain_matches_freqz_2d(w, s):
    assert tc.kernel_image_gain(w, s) == pytest.approx(freqz_image_gain(w, s), rel=1e-7, abs=1e-12)


@given(w=kernels_1d, s=st.integers(1, 5), scale=st.floats(1e-3, 1e3), pad=st.integers(0, 3))
def test_kernel_gain_laws(w, s, scale, pad):
    """At least 0; blind to scale and to zeros around the kernel (a delay); 0 at stride 1."""
    gain = tc.kernel_image_gain(w, s)
    assert gain >= 0
    assert tc.kernel_image_gain(scale * np.asarray(w), s) == pytest.approx(gain, abs=1e-9)
    assert tc.kernel_image_gain(np.pad(w, (pad, 1)), s) == pytest.approx(gain, abs=1e-9)
    assert tc.kernel_image_gain(w, 1) == pytest.approx(0, abs=1e-9)


@pytest.mark.parametrize(
    ("w", "s", "expected"),
    [
        ([1, 1], 2, 1 / 2 - 1 / np.pi),  # nearest: 1 - (1 + 2/pi) / 2
        ([1, 1, 1], 3, (2 - 5 * math.sqrt(3) / (2 * np.pi)) / 3),  # nearest by 3
        (np.ones((2, 2)), 2, 1 - (1 / 2 + 1 / np.pi) ** 2),  # either axis an image band
        ([1], 2, 1.0),  # one tap: zero insertion alone, every image at full gain
        ([1], 3, 2.0),
    ],
    ids=["box2", "box3", "box2x2", "impulse-s2", "impulse-s3"],
)
def test_kernel_gain_known_values(w, s, expected):
    assert tc.kernel_image_gain(w, s) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("s", [2, 3, 4])
def test_ideal_interpolator_taps_pass_almost_nothing(s):
    """The ideal up-sampler's taps sinc(u/s), truncated: the gain falls as 1/length."""
    gains = []
    for half in (8, 64, 512):
        u = np.arange(-half * s, half * s + 1)
        gains.append(tc.kernel_image_gain(np.sinc(u / s), s))
    assert gains[0] < 0.01
    assert gains[2] < 1.2e-4
    assert gains[0] / gains[1] == pytest.approx(8, rel=0.05)  # 1 / length


# ---------------------------------------------------------------- image_zero_orders


@given(w=kernels_1d, s=st.integers(1, 5))
def test_zero_orders_match_polynomial_division(w, s):
    orders = tc.image_zero_orders(w, s)
    assert orders.shape == (s,)
    assert orders.tolist() == [division_order(w, j, s) for j in range(s)]


@given(
    base=st.lists(st.integers(-4, 6), min_size=1, max_size=4).filter(any),
    s=st.integers(2, 4),
    n=st.integers(0, 3),
)
def test_zero_order_hold_factors_set_the_order(base, s, n):
    """(1 + z + ... + z^(s-1))^n times any kernel: order at least n at every j/s."""
    w = np.convolve(base, zero_order_hold(s, n))
    orders = tc.image_zero_orders(w, s)
    for j in range(1, s):
        assert orders[j] == n + division_order(base, j, s)


@given(w=kernels_1d, s=st.integers(2, 4))
def test_order_one_everywhere_is_equal_phase_sums(w, s):
    equal = np.ptp(tc.phase_sums(w, s)) == 0
    assert equal == bool((tc.image_zero_orders(w, s)[1:] >= 1).all())


@given(a=kernels_1d, b=kernels_1d, s=st.integers(2, 3))
def test_zero_orders_of_a_separable_kernel_add(a, b, s):
    orders = tc.image_zero_orders(np.outer(a, b), s)
    expected = np.add.outer(tc.image_zero_orders(a, s), tc.image_zero_orders(b, s))
    np.testing.assert_array_equal(orders, expected)


@given(w=kernels_2d, s=st.integers(2, 3))
def test_order_one_everywhere_is_equal_phase_sums_2d(w, s):
    orders = tc.image_zero_orders(w, s)
    equal = np.ptp(tc.phase_sums(w, s)) == 0
    assert equal == bool((orders.ravel()[1:] >= 1).all())


@pytest.mark.parametrize(
    ("f", "orders"),
    [(2, [0, 3]), (3, [0, 2, 2]), (4, [0, 2, 3, 2]), (5, [0, 2, 2, 2, 2])],
    ids=["f2", "f3", "f4", "f5"],
)
def test_bilinear_kernels_zero_orders(f, orders):
    """Even f: (1 + z)(1 + ... + z^(f-1))^2, odd f: (1 + ... + z^(f-1))^2, per axis."""
    k = tc.bilinear_kernel(f)
    np.testing.assert_array_equal(tc.image_zero_orders(k[f // 2], f), orders)
    np.testing.assert_array_equal(tc.image_zero_orders(k, f), np.add.outer(orders, orders))
