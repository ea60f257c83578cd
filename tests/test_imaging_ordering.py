"""The order the image-band measure gives the practice section's 2x up-samplers, on the photo.

These are the numbers and the order the practice pages may state: the set-ups of the fixes
page (its seed-3 random kernels 3x3 and 4x4, the 4x4 with equal phase sums, resize-convolution
with the 3x3) and the bilinear page (the photo box-averaged 4x to 128x128, up-sampled 2x),
with the ramp kernel of issue 18 in 2-D and the interpolate modes beside them. The order is
the same on the photo with its mean removed, where the old exact-bin measure read about 0.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest

import transposed_conv as tc

plotting = pytest.importorskip("transposed_conv.plotting")
pytest.importorskip("matplotlib")

RAMP_KERNEL = np.array([0.75, 0.25, 0.25, 0.75])

ORDER = [  # most imaged first; the shares on the photo (Hann window, mean removed)
    ("random 3", 0.811),
    ("random 4", 0.307),
    ("[.75, .25, .25, .75]", 0.080),
    ("nearest", 0.036),
    ("equal phase sums 4", 0.018),
    ("resize-convolution 3", 0.006),
    ("bicubic", 0.003),
    ("bilinear", 0.002),
]


def up_samplings(photo: np.ndarray) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(3)
    small = tc.box_downsample(photo, 4)
    k3, k4 = rng.uniform(0, 1, (3, 3)), rng.uniform(0, 1, (4, 4))
    balanced = tc.equalize_phase_sums(k4, 2, padding=1)
    return {
        "random 3": tc.conv_transpose2d(
            small, k3 / k3.sum() * 4, stride=2, padding=1, output_padding=1
        ),
        "random 4": tc.conv_transpose2d(small, k4 / k4.sum() * 4, stride=2, padding=1),
        "[.75, .25, .25, .75]": tc.conv_transpose2d(
            small, np.outer(RAMP_KERNEL, RAMP_KERNEL), stride=2, padding=1
        ),
        "nearest": tc.interpolate(small, 2, "nearest"),
        "equal phase sums 4": tc.conv_transpose2d(
            small, balanced / balanced.sum() * 4, stride=2, padding=1
        ),
        "resize-convolution 3": tc.resize_convolution(small, k3 / k3.sum(), 2, "nearest"),
        "bicubic": tc.interpolate(small, 2, "bicubic"),
        "bilinear": tc.conv_transpose2d(small, tc.bilinear_kernel(2), stride=2, padding=1),
    }


@pytest.fixture(scope="module")
def photo() -> np.ndarray:
    return plotting.sample_photo()


def test_the_order_on_the_photo(photo):
    shares = {name: tc.image_band_share(y, 2) for name, y in up_samplings(photo).items()}
    assert list(shares) == [name for name, _ in ORDER]
    assert all(a > b for a, b in pairwise(shares.values()))
    for name, expected in ORDER:
        assert shares[name] == pytest.approx(expected, abs=0.0005), name


def test_the_same_order_with_the_mean_removed(photo):
    """The photo minus its mean: the order holds, the random kernels lose their constant part."""
    outs = up_samplings(photo - photo.mean())
    shares = [tc.image_band_share(y, 2) for y in outs.values()]
    assert all(a > b for a, b in pairwise(shares))
    # equal phase sums: plainly imaged, while the exact-bin measure sees nothing
    assert tc.image_band_share(outs["equal phase sums 4"], 2) > 0.015
    assert tc.image_centre_share(outs["equal phase sums 4"], 2) < 1e-5
    assert tc.image_band_share(outs["random 3"], 2) > 0.45
    assert tc.image_centre_share(outs["random 3"], 2) < 1e-6


def test_the_order_without_the_window(photo):
    """Without the window the edges' wrap-around adds a little to every share; same order."""
    shares = [tc.image_band_share(y, 2, window=None) for y in up_samplings(photo).values()]
    assert all(a > b for a, b in pairwise(shares))


@pytest.mark.parametrize(
    ("kernel", "orders"),
    [
        (np.outer(RAMP_KERNEL, RAMP_KERNEL), [[0, 1], [1, 2]]),
        (np.ones((2, 2)), [[0, 1], [1, 2]]),  # nearest
        (tc.bilinear_kernel(2), [[0, 3], [3, 6]]),
    ],
    ids=["ramp kernel", "nearest", "bilinear"],
)
def test_the_kernels_zero_orders(kernel, orders):
    np.testing.assert_array_equal(tc.image_zero_orders(kernel, 2), orders)


def test_resize_convolution_always_has_the_zero_order_hold_factor():
    """Its kernel is the 2x2 box convolved with the 3x3: at least a simple zero at every k/s."""
    k3 = np.random.default_rng(3).uniform(0, 1, (3, 3))
    impulse = np.zeros((16, 16))
    impulse[8, 8] = 1
    response = tc.resize_convolution(impulse, k3, 2, "nearest")
    rows, cols = np.nonzero(response)
    response = response[rows.min() : rows.max() + 1, cols.min() : cols.max() + 1]
    box_times_k3 = tc.conv_transpose2d(np.ones((2, 2)), k3[::-1, ::-1], stride=1)
    np.testing.assert_allclose(response, box_times_k3)
    np.testing.assert_array_equal(tc.image_zero_orders(box_times_k3, 2), [[0, 1], [1, 2]])
