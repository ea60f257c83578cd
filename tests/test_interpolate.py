"""Interpolation up-samplers with PyTorch's align_corners=False conventions."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import ndimage

import transposed_conv as tc


def keys_cubic(t: float, a: float = -0.75) -> float:
    """Keys' cubic convolution kernel, written from its definition."""
    t = abs(t)
    if t <= 1:
        return (a + 2) * t**3 - (a + 3) * t**2 + 1
    if t < 2:
        return a * t**3 - 5 * a * t**2 + 8 * a * t - 4 * a
    return 0.0


def loop_interpolate_1d(x: np.ndarray, f: int, mode: str) -> np.ndarray:
    """One output sample at a time, from the half-pixel formula."""
    n = len(x)
    out = np.zeros(n * f)
    for j in range(n * f):
        src = (j + 0.5) / f - 0.5
        if mode == "nearest":
            out[j] = x[min(j // f, n - 1)]
        elif mode in ("linear", "bilinear"):
            src = max(src, 0.0)
            i0 = int(np.floor(src))
            out[j] = (1 - (src - i0)) * x[i0] + (src - i0) * x[min(i0 + 1, n - 1)]
        else:
            i0 = int(np.floor(src))
            out[j] = sum(
                keys_cubic(src - i) * x[min(max(i, 0), n - 1)] for i in range(i0 - 1, i0 + 3)
            )
    return out


@given(
    st.sampled_from(tc._interpolate.MODES),
    st.integers(1, 5),
    st.integers(1, 8),
    st.integers(0, 2**32 - 1),
)
def test_matches_the_loop(mode, f, n, seed):
    x = np.random.default_rng(seed).standard_normal(n)
    np.testing.assert_allclose(
        tc.interpolate(x, f, mode), loop_interpolate_1d(x, f, mode), atol=1e-12
    )


@pytest.mark.parametrize("f", [2, 3, 4])
def test_bilinear_is_scipy_zoom_with_half_pixel_grid(f):
    x = np.random.default_rng(f).standard_normal((5, 7))
    expected = ndimage.zoom(x, f, order=1, mode="nearest", grid_mode=True)
    np.testing.assert_allclose(tc.interpolate(x, f, "bilinear"), expected, atol=1e-12)


def test_separable_over_the_last_two_axes():
    x = np.random.default_rng(0).standard_normal((2, 3, 4, 5))
    up = tc.interpolate(x, 2, "bicubic")
    assert up.shape == (2, 3, 8, 10)
    rows = tc.interpolation_matrix(4, 2, "bicubic")
    cols = tc.interpolation_matrix(5, 2, "bicubic")
    np.testing.assert_allclose(up[1, 2], rows @ x[1, 2] @ cols.T, atol=1e-12)


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
def test_rows_sum_to_one_and_dtypes(mode):
    np.testing.assert_allclose(tc.interpolation_matrix(6, 3, mode).sum(axis=1), 1.0)
    assert tc.interpolate(np.ones((2, 2), dtype=np.float32), 2, mode).dtype == np.float32
    assert tc.interpolate(np.ones((2, 2), dtype=np.uint8), 2, mode).dtype == np.float64


@pytest.mark.parametrize("f", [1, 2, 3, 4, 5])
def test_bilinear_kernel_shape_and_phase_sums(f):
    k = tc.bilinear_kernel(f)
    assert k.shape == (2 * f - f % 2,) * 2
    np.testing.assert_allclose(tc.phase_sums(k, f, padding=f // 2), np.ones((f, f)))
    assert tc.conv_transpose_output_size(7, k.shape[0], f, f // 2) == 7 * f


def test_bilinear_kernel_keeps_a_constant_constant():
    up = tc.conv_transpose2d(np.full((6, 6), 3.0), tc.bilinear_kernel(2), stride=2, padding=1)
    np.testing.assert_allclose(up[1:-1, 1:-1], 3.0)


def test_nearest_copies_a_nan_into_its_own_block_only():
    np.testing.assert_array_equal(
        tc.interpolate([1.0, np.nan, 3.0], 2, "nearest"), [1, 1, np.nan, np.nan, 3, 3]
    )
    up = tc.interpolate(np.array([[1.0, np.inf], [3.0, 4.0]]), 2, "nearest")
    np.testing.assert_array_equal(np.isinf(up), np.kron([[0, 1], [0, 0]], np.ones((2, 2))) > 0)
    assert not np.isnan(up).any()


def test_an_inf_reaches_only_the_outputs_whose_taps_read_it():
    # Bilinear, f = 2, n = 2: outputs 0..3 read inputs (0, 1), (0, 1), (0, 1), (1, 1)
    # with weights (1, 0), (.75, .25), (.25, .75), (.75, .25); 0 * inf is NaN, as in
    # PyTorch. Rows 0-2 read image row 0, so they hold [nan, inf, inf, inf]; row 3
    # reads row 1 only. (The dense-matrix product made 12 of 16 outputs NaN.)
    up = tc.interpolate(np.array([[1.0, np.inf], [3.0, 4.0]]), 2, "bilinear")
    expected_nan = np.zeros((4, 4), dtype=bool)
    expected_nan[:3, 0] = True
    expected_inf = np.zeros((4, 4), dtype=bool)
    expected_inf[:3, 1:] = True
    np.testing.assert_array_equal(np.isnan(up), expected_nan)
    np.testing.assert_array_equal(np.isposinf(up), expected_inf)
    np.testing.assert_allclose(up[3], [3.0, 3.25, 3.75, 4.0])


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
@pytest.mark.parametrize("f", [1, 2, 3, 4, 7])
@pytest.mark.parametrize("shape", [(1,), (5,), (3, 1), (4, 6), (2, 3, 5, 4)])
def test_fast_path_equals_the_teaching_matrix(mode, f, shape):
    x = np.random.default_rng(f).standard_normal(shape)
    if len(shape) == 1:
        expected = tc.interpolation_matrix(shape[0], f, mode) @ x
    else:
        rows = tc.interpolation_matrix(shape[-2], f, mode)
        cols = tc.interpolation_matrix(shape[-1], f, mode)
        expected = rows @ x @ cols.T
    np.testing.assert_allclose(tc.interpolate(x, f, mode), expected, atol=1e-12)


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
def test_a_batch_of_zero_images_gives_an_empty_result(mode):
    out = tc.interpolate(np.zeros((0, 3, 4, 5), dtype=np.float32), 2, mode)
    assert out.shape == (0, 3, 8, 10)
    assert out.dtype == np.float32


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
def test_memory_is_linear_in_the_output(mode):
    # 20,000 samples: the dense (40,000 x 20,000) matrix asked for 6 GiB
    x = np.zeros(20_000)
    tracemalloc.start()
    try:
        out = tc.interpolate(x, 2, mode)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert out.shape == (40_000,)
    assert peak < 48 * out.nbytes  # the dense matrix: 40,000 times the output


def test_float16_is_computed_in_float32_and_returned_as_float16():
    x = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float16)
    up = tc.interpolate(x, 2, "bicubic")
    assert up.dtype == np.float16
    np.testing.assert_allclose(up, tc.interpolate(x.astype(np.float64), 2, "bicubic"), atol=1e-2)


@pytest.mark.parametrize(
    ("mode", "spatial_dims", "resized"),
    [
        ("linear", None, 1),
        ("nearest", 1, 1),
        ("bilinear", 1, 1),
        ("bicubic", 1, 1),
        ("nearest", None, 2),
        ("bilinear", None, 2),
        ("bicubic", 2, 2),
    ],
)
def test_which_axes_are_resized(mode, spatial_dims, resized):
    """A 3-D x: (N, C, L) signals with 'linear' or spatial_dims=1, else (C, H, W) images."""
    x = np.random.default_rng(11).standard_normal((2, 3, 5))
    up = tc.interpolate(x, 3, mode, spatial_dims=spatial_dims)
    if resized == 1:
        assert up.shape == (2, 3, 15)
        rows = [tc.interpolate(x[i, j], 3, mode) for i in range(2) for j in range(3)]
        np.testing.assert_array_equal(up.reshape(6, 15), np.array(rows))
    else:
        assert up.shape == (2, 9, 15)
        np.testing.assert_array_equal(up[1], tc.interpolate(x[1], 3, mode))


def test_linear_is_bilinear_along_one_axis():
    x = np.random.default_rng(12).standard_normal(9)
    np.testing.assert_array_equal(tc.interpolate(x, 4, "linear"), tc.interpolate(x, 4, "bilinear"))
    np.testing.assert_array_equal(
        tc.interpolation_matrix(9, 4, "linear"), tc.interpolation_matrix(9, 4, "bilinear")
    )


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        (
            {"mode": "linear", "spatial_dims": 2},
            r"mode='linear' resizes one axis, got spatial_dims=2",
        ),
        ({"spatial_dims": 3}, r"spatial_dims must be 1 or 2, and at most x.ndim=3, got 3"),
        ({"spatial_dims": 0}, r"spatial_dims must be positive, got 0"),
    ],
    ids=["linear on two axes", "three axes", "none"],
)
def test_spatial_dims_errors(kwargs, match):
    with pytest.raises(ValueError, match=match):
        tc.interpolate(np.ones((2, 3, 4)), 2, **kwargs)


def test_spatial_dims_beyond_a_1d_x_is_refused():
    with pytest.raises(ValueError, match=r"at most x.ndim=1, got 2"):
        tc.interpolate(np.ones(4), 2, spatial_dims=2)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("f", [3, 7, 41, 47, 1023, 2**20 + 1])
def test_nearest_reads_what_pytorch_reads_for_any_factor(f, dtype):
    """min(floor(j * (1 / f)), n - 1) in the input's dtype: in float32 not j // f at f = 41."""
    n = max(2**21 // f, 1)
    j = np.arange(n * f)
    expected = np.minimum(np.floor(j.astype(dtype) * dtype(1.0 / f)), n - 1)
    up = tc.interpolate(np.arange(n, dtype=dtype), f, "nearest")
    np.testing.assert_array_equal(up, expected)
    if f == 41:
        assert (up[41], (j // f)[41]) == ((0.0, 1) if dtype == np.float32 else (1.0, 1))
