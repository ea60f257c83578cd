"""What the practice pages state, checked on what their scripts computed.

Each test names its page and quotes, in comments, the sentences it keeps true. The image-band
shares the pages print are those of the package's measure on the same set-ups
(tests/test_imaging_ordering.py asserts the fixes page's order independently of the page).
"""

from __future__ import annotations

import numpy as np
import pytest

import transposed_conv as tc


def test_checkerboard_settings_and_the_two_questions(page):
    r = page("practice/plot_01_checkerboard")
    k3, k4 = r["counts"]["Kernel 3"], r["counts"]["Kernel 4, padding 1"]
    # "away from the edges, kernel 3 gives one phase two taps and the other one; kernel 4
    # gives both two" (at the edges, fewer: the strips show it)
    assert set(k3[2:-2].tolist()) == {1, 2}
    assert set(k3[2:-2:2].tolist()) != set(k3[3:-2:2].tolist())
    assert set(k4[1:-1].tolist()) == {2}
    assert k4[0] == k4[-1] == 1
    # "[1, 2, 3, 4] gives both phases two taps but sums 4 and 6"
    assert tc.phase_sums([1, 2, 3, 4], 2).tolist() == [4, 6]
    # "both have sums 1 and 1 (padding 1)"
    for sums in r["sums"].values():
        np.testing.assert_allclose(sums, [1, 1])
    # "the bilinear one climbs evenly, 0.5 a pixel; the other climbs 1.5 and drops 0.5 in turn"
    np.testing.assert_allclose(r["steps"]["bilinear"], 0.5)
    np.testing.assert_allclose(r["steps"]["[0.75, 0.25, 0.25, 0.75]"], [1.5, -0.5] * 3)
    # the ramp chart's x axis, "output pixel r": the ramp is the output from r = 2 on
    full = tc.conv_transpose1d(np.arange(12.0), [0.25, 0.75, 0.75, 0.25], stride=2, padding=1)
    np.testing.assert_array_equal(r["ramp"]["bilinear"], full[2:22])


def test_checkerboard_on_images(page):
    share = page("practice/plot_01_checkerboard")["share"]
    # titles: 74%, 36%, 100% (imaging-facts: 73.96%, 35.72%); "the mean-free photograph shows
    # a pattern too"
    assert share["Photo"] == pytest.approx(0.7396, abs=5e-4)
    assert share["Photo minus its mean"] == pytest.approx(0.3572, abs=5e-4)
    assert share["Flat grey"] > 0.995


def test_imaging_view(page):
    r = page("practice/plot_02_spectrum")
    # "order 3 for the bilinear kernel ... 1 ... 0 for the random one" (the labels)
    assert r["orders"] == {
        "random 4": 0,
        "random 4, equal sums": 1,
        "nearest": 1,
        "[0.75, 0.25, 0.25, 0.75]": 1,
        "bilinear": 3,
    }
    labels = [k for k in r["W"] if k != "|X(2f)|"]
    assert labels == [f"{k} ({n})" for k, n in r["orders"].items()]
    # "The filled area is |X(2f)| ... (its peak scaled to 1): its image is the hump near 1/2"
    f, x2f = np.fft.rfftfreq(256), r["W"]["|X(2f)|"]
    assert x2f.max() == 1
    assert x2f[f > 0.25].max() > 10 * np.median(x2f[(f > 0.1) & (f < 0.4)])
    # "first panel": the random kernel with and without equal sums; "A zero of W at 1/2"
    assert r["W"]["random 4 (0)"][-1] > 0.1
    assert r["W"]["random 4, equal sums (1)"][-1] < 1e-12
    # "8% of the latter's output is image, 0.008% of the bilinear kernel's"
    assert r["ramp_share"]["[0.75, 0.25, 0.25, 0.75]"] == pytest.approx(0.080, abs=5e-4)
    assert r["ramp_share"]["bilinear"] == pytest.approx(8.1e-5, abs=5e-6)
    # "the bilinear kernel removes nearly all" (x4: 0.28% vs 27.6%)
    assert r["share"]["Bilinear"] == pytest.approx(0.0028, abs=5e-5)
    assert r["share"]["Random"] == pytest.approx(0.2758, abs=5e-4)


FIXES = {  # imaging-facts section 2: photo, zero-mean photo
    "Random 3x3": (0.8108, 0.4803),
    "Random 4x4": (0.3067, 0.0972),
    "Nearest": (0.0362, 0.0362),
    "4x4, equal phase sums": (0.0177, 0.0177),
    "Resize + 3x3": (0.0059, 0.0059),
    "Bilinear": (0.0017, 0.0017),
}


def test_fixes_order_and_values(page):
    r = page("practice/plot_03_fixes")
    for measured in (r["share"], r["share_mean_free"]):
        # "The order is the same with and without the mean"
        assert sorted(measured, key=measured.get, reverse=True) == list(FIXES)
    for name, (photo, mean_free) in FIXES.items():
        assert r["share"][name] == pytest.approx(photo, abs=5e-4)
        assert r["share_mean_free"][name] == pytest.approx(mean_free, abs=5e-4)
    # "Where W is zero at the image centres the two columns agree"
    for name in ("Nearest", "4x4, equal phase sums", "Resize + 3x3", "Bilinear"):
        assert r["share"][name] == pytest.approx(r["share_mean_free"][name], abs=1e-6)


def test_fixes_what_each_fixes(page):
    r = page("practice/plot_03_fixes")
    # "the random 4x4 kernel comes second worst"
    assert sorted(r["share"], key=r["share"].get)[-2] == "Random 4x4"
    # "With padding 1, tap u feeds phase (u - 1) mod 2": one-hot kernels
    for u in range(4):
        one_hot = np.eye(4)[u]
        assert np.flatnonzero(tc.phase_sums(one_hot, 2, padding=1)).tolist() == [(u - 1) % 2]
    # "the taps of each phase are rescaled to one sum"
    sums = tc.phase_sums(r["equal"], 2, padding=1)
    np.testing.assert_allclose(sums, sums.mean())
    # "convolves the large image: 4 times a transposed convolution's multiplications"
    small, big = r["small"].shape, r["outs"]["Resize + 3x3"].shape
    assert (big[0] * big[1] * 9) / (small[0] * small[1] * 9) == 4


def test_bilinear_initialisation(page):
    r = page("practice/plot_04_bilinear_initialisation")
    t = np.array([1, 3, 3, 1]) / 4
    np.testing.assert_allclose(r["kernel"], np.outer(t, t))
    np.testing.assert_allclose(r["sums"], 1.0)
    assert r["orders"].tolist() == [[0, 3], [3, 6]]
    # "a border f // 2 pixels wide": all equal outside it, not all inside, for f = 2..8
    for f, (border, orders) in r["table"].items():
        assert border == f // 2
        crop = r["small"][:32, :32]
        up = tc.conv_transpose2d(crop, tc.bilinear_kernel(f), stride=f, padding=f // 2)
        same = np.isclose(up, tc.interpolate(crop, f, "bilinear"), rtol=0, atol=1e-12)
        assert same[border:-border, border:-border].all()
        assert not same.all()
        # "a zero of order 2 or more at each image centre ... (for an even f) a third at 1/2"
        assert all(o == (3 if 2 * j == f else 2) for j, o in enumerate(orders, 1))
    # "in the crops, only the top row differs"
    assert np.abs(r["difference"][1:]).max() < 1e-12 < np.abs(r["difference"][0]).min()
    # "The boxed corner, in 8-bit grey levels (times 255), shows it": the corner's values,
    # written in its cells, are not 0 in the top row and 0 below it (design review: the
    # difference was an image whose differing row was a 1-2 px sliver)
    np.testing.assert_array_equal(r["grey"], np.round(r["difference"][:5, :8] * 255))
    assert (r["grey"][0] != 0).all()
    assert (r["grey"][1:] == 0).all()
    (corner,) = [f for f in r.figures if f["title"].startswith("Boxed corners")]
    ((title, _, pairs, texts),) = corner["cells"]
    assert title == "Difference x 255 (5, 8)"
    assert texts == r["grey"].size  # every value written
    zero = {colour for value, colour in pairs if value == 0}
    assert len(zero) == 1
    assert zero.isdisjoint(colour for value, colour in pairs if value != 0)
    # "at 35% of its gain at 0"
    assert r["edge_gain"] == pytest.approx(np.cos(np.pi / 4) ** 3)
    assert round(r["edge_gain"], 2) == 0.35


def test_learning_the_kernel(page):
    r = page("practice/plot_05_learning_the_kernel")
    kernel, bilinear6 = r["kernels"]["Learned"], r["kernels"]["Bilinear"]
    # "A 6x6 kernel with stride 2 and padding 2 maps the 256x256 average back to 512x512 ...
    # followed for 300 steps from zero"
    assert kernel.shape == (6, 6)
    assert (r["low"].shape, r["high"].shape) == ((256, 256), (512, 512))
    assert tc.conv_transpose2d(r["low"], kernel, stride=2, padding=2).shape == (512, 512)
    assert len(r["losses"]) == 300 + 1  # the loss before each step, and after the last
    assert r["losses"][-1] < r["losses"][0]
    # "centre taps are close to 1, against 0.56 ... its outer ring dips to about -0.19"
    assert np.all(np.abs(kernel[2:4, 2:4] - 1) < 0.1)
    assert bilinear6[2, 2] == 0.5625
    assert -0.2 < kernel.min() < -0.18
    # "phase sums are all within 0.01 of 1"
    np.testing.assert_allclose(r["learned_sums"], 1.0, atol=0.01)
    # the outlined square: the frequencies |f| <= 1/4 of the 64 x 64 map (after fftshift)
    (rows, cols) = r["box"]
    f = np.fft.fftshift(np.fft.fftfreq(64))
    assert rows == cols
    assert f[rows[0] : rows[1]].tolist() == f[np.abs(f) <= 0.25].tolist()
    # "dark near the image centres ... up to 0.84": |W| / |W(0)| on the 64x64 map
    learned_map = r["maps"]["Learned"]
    centres = [(0, 0), (0, 32), (32, 0)]  # fftshift: (1/2, 1/2), (1/2, 0), (0, 1/2)
    assert all(learned_map[c] < 1e-3 for c in centres)
    band = np.ones((64, 64), dtype=bool)
    band[17:48, 17:48] = False  # outside |f| < 1/4 (bins -15..15 of 64)
    assert learned_map[band].max() == pytest.approx(0.84, abs=0.01)
    # "its image gain is 0.18, seven times the bilinear kernel's"
    assert r["gain"]["Learned"] == pytest.approx(0.1764, abs=5e-4)
    assert round(r["gain"]["Learned"] / r["gain"]["Bilinear"]) == 7
    # "White noise ... shows them"
    assert r["noise_share"]["Learned"] > 2 * r["noise_share"]["Bilinear"]
    # "the learned kernel beats bicubic interpolation"
    assert r["table"]["learned"] > r["table"]["bicubic"]


def test_gradient_artifacts(page):
    r = page("practice/plot_06_gradient_artifacts")
    # "the 4x4 kernel of ones has equal phase sums (zeros at the image centres, of order 1
    # along each axis), the random kernel has none"
    assert tc.image_zero_orders(np.ones((4, 4)), 2).tolist() == [[0, 1], [1, 2]]
    assert not tc.image_zero_orders(r["k3"], 2).ravel()[1:].any()
    # "each input pixel counts the windows it falls in, 1, 2 or 4 ... the transposed
    # convolution of the upstream gradient"
    assert set(np.unique(r["grad"].round(6)).tolist()) == {1, 2, 4}
    np.testing.assert_allclose(r["grad"], r["by_transpose"], atol=1e-6)
    # titles: 58.7%, 23.3% vs 1.3%, 1.3%
    assert r["share"]["Kernel 3, random"] == pytest.approx(0.5871, abs=5e-4)
    assert r["share_mean_free"]["Kernel 3, random"] == pytest.approx(0.2328, abs=5e-4)
    assert r["share"]["Kernel 4, all ones"] == pytest.approx(0.0126, abs=5e-4)
    assert r["share_mean_free"]["Kernel 4, all ones"] == pytest.approx(0.0126, abs=5e-4)
