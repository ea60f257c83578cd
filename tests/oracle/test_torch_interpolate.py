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
