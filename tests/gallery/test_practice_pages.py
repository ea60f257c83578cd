"""What the practice pages state, checked on what their scripts computed.

Each test names its page and quotes, in comments, the sentences it keeps true.
"""

from __future__ import annotations

import numpy as np

import transposed_conv as tc


def test_checkerboard(page):
    ns = page("practice/plot_01_checkerboard")
    uneven, even = ns["uneven"], ns["even"]
    # "on an input of 8 values, kernel 3 with stride 2: every other output pixel is hit twice"
    np.testing.assert_array_equal(uneven, tc.overlap_counts(8, 3, stride=2))
    assert set(uneven[2:-2:2].tolist()) == {2}
    assert set(uneven[1:-1:2].tolist()) == {1}
    # "Kernel 4 with stride 2 (padding 1) hits every pixel twice except the two end pixels,
    # which get one tap each"
    assert set(even[1:-1].tolist()) == {2}
    assert even[0] == even[-1] == 1
    # "In 2-D the two axes multiply: 1, 2 and 4 taps"
    one_axis = tc.overlap_counts(6, 3, stride=2)
    np.testing.assert_array_equal(ns["counts"], np.outer(one_axis, one_axis))
    assert np.unique(ns["counts"][2:-2, 2:-2]).tolist() == [1, 2, 4]
    # "away from the border the map repeats every 8 pixels and ranges from 1 to 25"
    stack = ns["stack"]
    assert (stack[8:16, 8:16].min(), stack[8:16, 8:16].max()) == (1, 25)
    np.testing.assert_array_equal(stack[8:16, 8:24], stack[16:24, 8:24])  # period 8 down
    np.testing.assert_array_equal(stack[8:24, 8:16], stack[8:24, 16:24])  # and across
    # "1 for the flat image, whose only variation is the pattern"; the photograph's share
    # counts only what repeats exactly
    assert np.isclose(ns["energy"]["Flat grey, 64x64 in"], 1.0)
    assert ns["energy"]["Photo, 64x64 in"] < 1


def test_spectrum(page):
    ns = page("practice/plot_02_spectrum")
    signal, stretched = ns["signal"], ns["stretched"]
    # "A smooth 1-D signal of 64 samples, and the same signal with one zero inserted after each
    # sample (128 samples). The spectrum of the stretched signal is the original spectrum twice"
    assert (len(signal), len(stretched)) == (64, 128)
    np.testing.assert_array_equal(stretched[::2], signal)
    assert not stretched[1::2].any()
    np.testing.assert_allclose(
        np.abs(np.fft.fft(stretched)), np.tile(np.abs(np.fft.fft(signal)), 2), atol=1e-9
    )
    # "The bilinear kernel [0.5, 1, 0.5] has a zero at 1/2 cycle per sample ...; a random
    # kernel does not"
    responses = ns["responses"]
    assert responses["bilinear [0.5, 1, 0.5]"][-1] < 1e-12
    assert responses["random"][-1] > 0.01
    # "bright points at multiples of 1/4 cycle per pixel for the random kernel, and (almost)
    # nothing there for the bilinear one"
    assert ns["energy"]["Random kernel"] > 10 * ns["energy"]["Bilinear kernel"]


def test_fixes(page):
    ns = page("practice/plot_03_fixes")
    sums, energy = ns["sums"], ns["energy"]
    # "Each output phase gets four taps, the same number, but the totals of those four taps
    # differ from phase to phase"
    assert set(tc.overlap_counts((8, 8), 4, stride=2, padding=1)[2:-2, 2:-2].ravel()) == {4}
    assert not np.allclose(sums, sums.mean())
    # "equal phase sums": the balanced kernel's phases all sum to the mean
    np.testing.assert_allclose(tc.phase_sums(ns["balanced"], 2, padding=1), sums.mean())
    # equal phase sums (resize-convolution's included) make the share zero, up to the border
    assert energy["Resize (nearest) + conv 3"] < energy["Transposed, kernel 3"] / 10
    assert (
        energy["Transposed, kernel 4, equal phase sums"]
        < energy["Transposed, random kernel 4"] / 10
    )
    # "On a constant input the output is exactly these totals, repeated, away from the border
    # (the figure shows a 6x6 block of the 12x12 output ...)"
    constant = ns["constant"]
    assert constant.shape == (12, 12)
    np.testing.assert_allclose(constant[2:8, 2:8], np.tile(sums, (3, 3)))


def test_bilinear_initialisation(page):
    ns = page("practice/plot_04_bilinear_initialisation")
    kernel = ns["kernel"]
    # "The 4x4 kernel for f = 2 is the outer product of [1/4, 3/4, 3/4, 1/4] with itself. Each
    # of the four output phases receives taps that sum to exactly 1"
    np.testing.assert_allclose(kernel, np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 16)
    np.testing.assert_allclose(ns["sums"], 1.0)
    # "[1, 3, 3, 1] / 4 is (1 + z^-1)^3 / 4, whose response has a triple zero at 1/2"
    np.testing.assert_array_equal(np.poly([-1, -1, -1]), [1, 3, 3, 1])
    # "equals bilinear interpolation everywhere except a border floor(f / 2) pixels wide
    # (here one pixel) ... the difference is zero (white) everywhere but that top row"
    assert ns["interior_error"] < 1e-12
    difference = ns["crops"]["Difference"]
    assert np.abs(difference[1:]).max() < 1e-12 < np.abs(difference[0]).max()
    # "The same holds for every factor: the tent kernels have equal phase sums, and the part
    # that differs ... is a border floor(f / 2) pixels wide: 1 for f = 2 and 3, 2 for f = 4
    # and 5, 4 for f = 8"
    crop = ns["crop"]
    for f in range(2, 9):
        k = tc.bilinear_kernel(f)
        np.testing.assert_allclose(tc.phase_sums(k, f, padding=f // 2), 1.0)
        up = tc.conv_transpose2d(crop, k, stride=f, padding=f // 2)
        differs = ~np.isclose(up, tc.interpolate(crop, f, "bilinear"), rtol=0, atol=1e-12)
        w = f // 2
        assert differs[: w + 1].any()  # the border ...
        assert not differs[w:-w, w:-w].any(), f  # ... and nothing inside it


def test_learning_the_kernel(page):
    ns = page("practice/plot_05_learning_the_kernel")
    kernel, bilinear6, table = ns["kernel"], ns["bilinear6"], ns["table"]
    # "First, a check of that formula by finite differences" (the printed difference)
    np.testing.assert_allclose(ns["analytic"], ns["numeric"], atol=1e-7)
    # the learning curve falls
    assert ns["losses"][-1] < ns["losses"][0] / 100
    # "its centre 2x2 taps are close to 1.0, against 0.56 for the bilinear kernel, so it is
    # nearer the nearest-neighbour box ... and negative lobes, down to about -0.19, on the
    # outer ring"
    assert np.all(np.abs(kernel[2:4, 2:4] - 1) < 0.1)
    assert bilinear6[2, 2] == 0.5625
    box6 = np.pad(np.ones((2, 2)), 2)
    assert np.linalg.norm(kernel - box6) < np.linalg.norm(kernel - bilinear6)
    assert -0.2 < kernel.min() < -0.18
    ring = np.ones((6, 6), bool)
    ring[1:-1, 1:-1] = False
    assert kernel.min() == kernel[ring].min()
    # "nine taps by construction ... phase sums all within 0.01 of 1.000"
    assert set(tc.overlap_counts((8, 8), 6, stride=2, padding=2)[4:-4, 4:-4].ravel()) == {9}
    learned_sums = ns["learned_sums"]
    assert np.ptp(learned_sums) < 0.01
    np.testing.assert_allclose(learned_sums, 1.0, atol=0.01)
    # the PSNR table: the learned kernel first, then bicubic, bilinear, nearest; the bilinear
    # kernel is bilinear interpolation (away from the 8-pixel border left out)
    assert (
        table["transposed, learned kernel"]
        > table["bicubic"]
        > table["bilinear"]
        > table["nearest"]
    )
    assert abs(table["transposed, bilinear kernel"] - table["bilinear"]) < 1e-9


def test_gradient_artifacts(page):
    ns = page("practice/plot_06_gradient_artifacts")
    grad, ones = ns["grad"], ns["ones"]
    # "each input pixel counts how many windows (weighted by the kernel) it falls in. With
    # all-ones weights that count is 1, 2 or 4"
    upstream = np.ones(tc.conv2d(ns["x"], ones, stride=2, padding=1).shape)
    np.testing.assert_allclose(grad, tc.conv_transpose2d(upstream, ones, stride=2, padding=1))
    assert set(np.unique(grad.round(6))) == {1, 2, 4}
    # "A 4x4 kernel with padding 1 and equal phase sums (here: all ones) removes the part of
    # it that a flat region would show"
    energy = ns["energy"]
    assert energy["Kernel 3, random"] > 0.1
    assert energy["Kernel 3, random"] > 10 * energy["Kernel 4, all ones"]
