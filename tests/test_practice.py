"""Resize-convolution, down-sampling and PSNR, the kernel gradient and its fit."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import transposed_conv as tc


def test_box_downsample_and_psnr():
    img = np.arange(20.0).reshape(4, 5)
    np.testing.assert_allclose(tc.box_downsample(img, 2), [[3.0, 5.0], [13.0, 15.0]])
    assert tc.psnr(img, img) == float("inf")
    assert tc.psnr([0.0], [0.1]) == pytest.approx(20.0)
    with pytest.raises(ValueError, match="factor must be between 1 and 4"):
        tc.box_downsample(img, 5)
    with pytest.raises(ValueError, match="same shape"):
        tc.psnr(np.ones(2), np.ones(3))
    with pytest.raises(ValueError, match="image must be a non-empty 2-D array"):
        tc.box_downsample(np.ones(3), 1)


def test_resize_convolution_has_no_checkerboard_on_a_constant():
    rng = np.random.default_rng(1)
    kernel = rng.uniform(0, 1, (3, 3))
    out = tc.resize_convolution(np.ones((8, 8)), kernel, 2)
    np.testing.assert_allclose(out[1:-1, 1:-1], kernel.sum())  # uniform away from the border
    transposed = tc.conv_transpose2d(np.ones((8, 8)), kernel, stride=2, padding=1, output_padding=1)
    assert np.ptp(transposed[2:-2, 2:-2]) > 0.1  # the transposed one is not


@given(
    st.integers(1, 3),
    st.integers(1, 4),
    st.integers(1, 4),
    st.integers(0, 2),
    st.integers(0, 1),
    st.integers(0, 2**32 - 1),
)
def test_kernel_gradient_matches_finite_differences(s, kh, kw, p, a, seed):
    """The derived kernel gradient, checked by finite differences."""
    if a >= s:
        a = 0
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((3, 4))
    try:
        shape = tc.conv_transpose2d(
            x, np.ones((kh, kw)), stride=s, padding=p, output_padding=a
        ).shape
    except ValueError:
        return
    g = rng.standard_normal(shape)
    w = rng.standard_normal((kh, kw))

    def loss(kernel):
        return float(
            np.vdot(tc.conv_transpose2d(x, kernel, stride=s, padding=p, output_padding=a), g)
        )

    analytic = tc.conv_transpose2d_weight_grad(
        x, g, (kh, kw), stride=s, padding=p, output_padding=a
    )
    np.testing.assert_allclose(analytic, tc.numerical_gradient(loss, w), atol=1e-7)


def test_kernel_gradient_checks_shapes():
    with pytest.raises(ValueError, match=r"grad_output must have the output's shape \(5, 5\)"):
        tc.conv_transpose2d_weight_grad(np.ones((2, 2)), np.ones((4, 4)), (3, 3), stride=2)


def test_fit_recovers_a_known_kernel_and_the_loss_decreases():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((12, 12))
    w_true = rng.standard_normal((4, 4))
    t = tc.conv_transpose2d(x, w_true, stride=2, padding=1)
    w, losses = tc.fit_transposed_kernel(x, t, (4, 4), stride=2, padding=1, steps=400)
    assert len(losses) == 401
    assert losses[-1] < 1e-8 * losses[0]
    np.testing.assert_allclose(w, w_true, atol=1e-4)
    with pytest.raises(ValueError, match=r"target must have the output's shape \(24, 24\)"):
        tc.fit_transposed_kernel(x, t[:-1], (4, 4), stride=2, padding=1)
    with pytest.raises(ValueError, match=r"init must have shape \(4, 4\)"):
        tc.fit_transposed_kernel(x, t, (4, 4), stride=2, padding=1, init=np.ones((3, 3)))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: tc.psnr([1 + 2j, 0], [1, 0]), TypeError, "estimate must hold real"),
        (lambda: tc.psnr([1.0], [1j]), TypeError, "reference must hold real"),
        (lambda: tc.psnr([1.0], [0.5], data_range=0), ValueError, "data_range must be positive"),
        (lambda: tc.psnr([1.0], [0.5], data_range=-1.0), ValueError, "data_range must be pos"),
        (lambda: tc.psnr([1.0], [0.5], data_range=np.inf), ValueError, "and finite"),
        (lambda: tc.psnr([1.0], [0.5], data_range=True), TypeError, "data_range must be a real"),
        (lambda: tc.psnr([1.0], [0.5], data_range="1"), TypeError, "data_range must be a real"),
        (lambda: tc.psnr([], []), ValueError, r"must not be empty, got shape \(0,\)"),
        (lambda: tc.psnr(np.zeros((0, 3)), np.zeros((0, 3))), ValueError, "must not be empty"),
    ],
    ids=range(9),
)
def test_psnr_refuses_what_it_cannot_measure(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_psnr_accepts_integer_and_numpy_ranges():
    assert tc.psnr([0, 255], [0, 230], data_range=255) == pytest.approx(
        tc.psnr([0.0, 1.0], [0.0, 230 / 255])
    )
    assert tc.psnr([0.0], [0.1], data_range=np.float32(1.0)) == pytest.approx(20.0)


def test_fit_transposed_kernel_refuses_all_zero_input_and_bad_steps():
    x = np.zeros((4, 4))
    t = np.ones((8, 8))
    with pytest.raises(ValueError, match="x must not be all zeros"):
        tc.fit_transposed_kernel(x, t, (4, 4), stride=2, padding=1)
    x = np.ones((4, 4))
    for steps in (0, -5):
        with pytest.raises(ValueError, match=f"steps must be positive, got {steps}"):
            tc.fit_transposed_kernel(x, t, (4, 4), stride=2, padding=1, steps=steps)
    with pytest.raises(ValueError, match=r"steps must be at most 100000, got 10\*\*12|at most"):
        tc.fit_transposed_kernel(x, t, (4, 4), stride=2, padding=1, steps=10**12)


@pytest.mark.parametrize("pad", [(1, 2), (0, 3), (2, 0), [1, 1]], ids=str)
@pytest.mark.parametrize("shape", [(3,), (2, 3), (2, 2, 3)], ids=str)
def test_pad_or_crop_reads_a_flat_pair_as_np_pad_does(pad, shape):
    x = np.arange(np.prod(shape)).reshape(shape)
    np.testing.assert_array_equal(tc.pad_or_crop(x, pad), np.pad(x, pad))
    # and its negative crops exactly what that padding added
    np.testing.assert_array_equal(tc.pad_or_crop(np.pad(x, pad), (-pad[0], -pad[1])), x)
