"""``interpolate`` against ``torch.nn.functional.interpolate``: values and non-finite pattern.

Run with ``nox -s oracle``. Inputs hold NaN, +inf and -inf at random places;
ours must put NaN, +inf and -inf exactly where PyTorch does (the same taps,
the same weights, combined in the same order) and agree elsewhere.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import transposed_conv as tc

torch = pytest.importorskip("torch")
F = torch.nn.functional

TORCH_MODE_1D = {"nearest": "nearest", "bilinear": "linear"}


def torch_interpolate(x: np.ndarray, f: int, mode: str) -> np.ndarray:
    """PyTorch's result for a 1-D signal or a 2-D image, in this package's layout."""
    batched = torch.from_numpy(x[None, None])
    torch_mode = TORCH_MODE_1D[mode] if x.ndim == 1 else mode
    extra = {} if mode == "nearest" else {"align_corners": False}
    result: np.ndarray = F.interpolate(batched, scale_factor=f, mode=torch_mode, **extra).numpy()
    return result[0, 0]


@st.composite
def non_finite_inputs(draw: st.DrawFn) -> tuple[np.ndarray, int, str]:
    mode = draw(st.sampled_from(["nearest", "bilinear", "bicubic"]))
    ndim = 2 if mode == "bicubic" else draw(st.integers(1, 2))  # torch has no 1-D cubic
    shape = tuple(draw(st.integers(1, 24)) for _ in range(ndim))
    dtype = draw(st.sampled_from([np.float64, np.float32]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    x = rng.standard_normal(shape).astype(dtype)
    where = rng.random(shape)
    share = draw(st.sampled_from([0.02, 0.1, 0.3]))
    for i, value in enumerate([np.nan, np.inf, -np.inf]):
        x[(where >= i * share / 3) & (where < (i + 1) * share / 3)] = value
    return x, draw(st.integers(1, 9)), mode


@settings(max_examples=1500, deadline=None)
@given(non_finite_inputs())
def test_non_finite_values_spread_exactly_as_in_torch(case):
    x, f, mode = case
    expected = torch_interpolate(x, f, mode)
    ours = tc.interpolate(x, f, mode)
    assert ours.dtype == expected.dtype
    np.testing.assert_array_equal(np.isnan(ours), np.isnan(expected))
    np.testing.assert_array_equal(np.isposinf(ours), np.isposinf(expected))
    np.testing.assert_array_equal(np.isneginf(ours), np.isneginf(expected))
    finite = np.isfinite(expected)
    tol = 1e-5 if x.dtype == np.float32 else 1e-12
    np.testing.assert_allclose(ours[finite], expected[finite], rtol=tol, atol=tol)


@pytest.mark.parametrize("mode", ["bilinear", "bicubic"])
@pytest.mark.parametrize("f", [2, 3, 5, 7])
def test_tap_weights_are_torchs_bit_for_bit(mode, f):
    # One-hot columns with f = 1 on the rows: each output is one tap's weight, exactly.
    n = 12
    ours = np.zeros((n * f, n), dtype=np.float32)
    theirs = np.zeros_like(ours)
    for i in range(n):
        x = np.zeros((1, n), dtype=np.float32)
        x[0, i] = 1.0
        ours[:, i] = tc._interpolate._upsample_axis(x, 1, f, mode)[0]
        batched = torch.from_numpy(x[None, None])
        theirs[:, i] = F.interpolate(
            batched, scale_factor=(1, f), mode=mode, align_corners=False
        ).numpy()[0, 0, 0]
    interior = slice(3 * f, (n - 3) * f)  # where no two taps read the same clamped input
    np.testing.assert_array_equal(ours[interior], theirs[interior])


@pytest.mark.parametrize(
    ("mode", "kwargs"),
    [("nearest", {"spatial_dims": 1}), ("linear", {}), ("bilinear", {"spatial_dims": 1})],
    ids=["nearest spatial_dims=1", "linear", "bilinear spatial_dims=1"],
)
@pytest.mark.parametrize("f", [1, 2, 3, 5])
def test_signals_n_c_l_resize_only_l_as_in_torch(mode, kwargs, f):
    """(N, C, L): PyTorch resizes L; so does interpolate with 'linear' or spatial_dims=1."""
    x = np.random.default_rng(f).standard_normal((2, 3, 7))
    torch_mode = "nearest" if mode == "nearest" else "linear"
    extra = {} if mode == "nearest" else {"align_corners": False}
    expected = F.interpolate(torch.from_numpy(x), scale_factor=f, mode=torch_mode, **extra).numpy()
    ours = tc.interpolate(x, f, mode, **kwargs)
    assert ours.shape == expected.shape == (2, 3, 7 * f)
    np.testing.assert_allclose(ours, expected, atol=1e-12)


def test_torch_refuses_bilinear_on_3d_input_where_ours_reads_c_h_w():
    """The documented difference: a 3-D x is (C, H, W) for 'bilinear' here."""
    x = np.random.default_rng(0).standard_normal((2, 3, 7))
    with pytest.raises((ValueError, NotImplementedError, RuntimeError)):
        F.interpolate(torch.from_numpy(x), scale_factor=2, mode="bilinear", align_corners=False)
    ours = tc.interpolate(x, 2, "bilinear")
    expected = F.interpolate(
        torch.from_numpy(x)[None], scale_factor=2, mode="bilinear", align_corners=False
    ).numpy()[0]
    np.testing.assert_allclose(ours, expected, atol=1e-12)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("f", [41, 47, 1023, 2**12 + 1])
def test_nearest_large_factors_read_torchs_inputs(f, dtype):
    """PyTorch computes the nearest index in the input's dtype: float32 and float64 differ."""
    x = np.arange(max(2**16 // f, 2), dtype=dtype)
    expected = F.interpolate(torch.from_numpy(x)[None, None], scale_factor=f, mode="nearest")
    np.testing.assert_array_equal(tc.interpolate(x, f, "nearest"), expected.numpy()[0, 0])
