"""What the walk-through's pages state, checked on what their scripts computed.

The numbers are the notebook's (tests/notebook_numbers.py); each test names its page and
quotes, in comments, the sentences it keeps true.
"""

from __future__ import annotations

import re

import numpy as np
from notebook_numbers import CONV, CT_X2, FLIPPED, INPUTS, KERNEL, UNFLIPPED, WINDOW, X2, C
from pages import script

import transposed_conv as tc


def test_why_upsample(page):
    ns = page("walkthrough/plot_01_why_upsample")
    ups, small = ns["ups"], ns["small"]
    # "Take the 2x2 matrix that the walk-through up-samples later and make it 4x4 four ways"
    np.testing.assert_array_equal(small, X2)
    assert {name: up.shape for name, up in ups.items()} == dict.fromkeys(
        ["nearest", "bilinear", "bicubic", "transposed"], (4, 4)
    )
    np.testing.assert_allclose(ups["nearest"], np.kron(small, np.ones((2, 2))))
    # "only the centre 2x2 of the transposed convolution's result equals bilinear
    # interpolation, and the twelve cells of its outer ring differ"
    same = np.isclose(ups["transposed"], ups["bilinear"])
    assert same[1:3, 1:3].all()
    assert same.sum() == 4
    # "averaged down to 64x64 grey pixels, then up-sampled 4x"
    photo, results = ns["small_photo"], ns["results"]
    assert photo.shape == (64, 64)
    assert results["Input"] is not None
    assert all(v.shape == (256, 256) for name, v in results.items() if name != "Input")
    # "a random positive kernel of the same size" (and the same total weight)
    bilinear4 = tc.bilinear_kernel(4)
    assert ns["random_kernel"].shape == bilinear4.shape
    assert (ns["random_kernel"] > 0).all()
    assert np.isclose(ns["random_kernel"].sum(), bilinear4.sum())
    # "Bicubic overshoots the photograph's 0-to-1 range a little; it is clipped to that range"
    bicubic = tc.interpolate(photo, 4, "bicubic")
    assert -0.05 < bicubic.min() < 0
    assert 1 < bicubic.max() < 1.2
    np.testing.assert_array_equal(results["Bicubic"], np.clip(bicubic, 0, 1))
    # "A transposed convolution with the bilinear kernel matches bilinear interpolation"
    inner = (slice(8, -8), slice(8, -8))
    np.testing.assert_allclose(
        results["Transposed, bilinear kernel"][inner], results["Bilinear"][inner]
    )


def test_input_and_kernel(page):
    ns = page("walkthrough/plot_02_input_and_kernel")
    np.testing.assert_array_equal(ns["inputs"], INPUTS)
    np.testing.assert_array_equal(ns["kernel"], KERNEL)
    # "The input holds values from 2 to 8, the kernel values from 1 to 4."
    assert (INPUTS.min(), INPUTS.max(), KERNEL.min(), KERNEL.max()) == (2, 8, 1, 4)
    # "each value times 31, so 8 becomes 248"
    assert 255 // INPUTS.max() == 31
    np.testing.assert_array_equal(ns["grey"], INPUTS * 31)
    assert ns["grey"].max() == 248


def test_convolution(page):
    ns = page("walkthrough/plot_03_convolution")
    np.testing.assert_array_equal(ns["inputs"], INPUTS)
    # ":math:`\lfloor (4 + 2 \cdot 0 - 3) / 1 \rfloor + 1 = 2` positions per axis: the output is 2x2"
    assert ns["size"] == (4 + 2 * 0 - 3) // 1 + 1 == 2
    np.testing.assert_array_equal(ns["output"], CONV)
    # "Row by row, window times kernel gives 6 \cdot 2 + ... = 25, ...; together 25 + 26 + 43 = 94":
    # the nine products of the first window and the kernel, row by row, and their sums
    np.testing.assert_array_equal(ns["window"], WINDOW)
    text = script("walkthrough/plot_03_convolution").read_text(encoding="utf-8")
    start = text.index("Row by row, window times kernel gives")
    sentence = " ".join(line.lstrip("# ") for line in text[start:].split("`.", 1)[0].splitlines())
    rows = re.findall(r"((?:\d+ \\cdot \d+(?: \+ )?)+) = (\d+)`", sentence)
    assert len(rows) == 3
    for (products, total), window_row, kernel_row in zip(rows, WINDOW, KERNEL, strict=True):
        pairs = [(int(a), int(b)) for a, b in re.findall(r"(\d+) \\cdot (\d+)", products)]
        assert pairs == list(zip(window_row.tolist(), kernel_row.tolist(), strict=True))
        assert sum(a * b for a, b in pairs) == int(total)
    row_sums = [int(total) for _, total in rows]
    assert f"{row_sums[0]} + {row_sums[1]} + {row_sums[2]} = 94" in sentence
    assert sum(row_sums) == CONV[0, 0] == 94


def test_going_backward(page):
    ns = page("walkthrough/plot_04_going_backward")
    # "the nine values of the top-left window make output[0, 0] = 94"; "[[94, 74], [82, 75]]"
    np.testing.assert_array_equal(ns["output"], CONV)
    # "``x2`` ... is *not* the convolution's output"
    np.testing.assert_array_equal(ns["x2"], X2)
    assert not np.array_equal(ns["x2"], ns["output"])
    np.testing.assert_array_equal(ns["result"], CT_X2)
    # "one value of a 2x2 matrix is associated with nine positions of a 4x4 one"
    stamp = ns["stamp"]
    assert stamp.shape == (4, 4)
    np.testing.assert_array_equal(stamp[:3, :3], X2[0, 0] * KERNEL)
    assert np.count_nonzero(stamp) == 9


def test_convolution_matrix(page):
    ns = page("walkthrough/plot_05_convolution_matrix")
    c = ns["C"]
    # "there are 4 window positions and 16 input values, so C is 4x16"
    np.testing.assert_array_equal(c, C)
    # "row 1 is row 0 shifted by one column ..., row 2 is row 0 shifted by four ..., and row 3
    # is row 2 shifted by one"
    for row, source, shift in [(1, 0, 1), (2, 0, 4), (3, 2, 1)]:
        np.testing.assert_array_equal(c[row, shift:], c[source, :-shift])
        assert not c[row, :shift].any()
    # "row 0 holds the kernel's three rows, four columns apart" (the first figure's title)
    for r, start in enumerate((0, 4, 8)):
        np.testing.assert_array_equal(c[0, start : start + 3], KERNEL[r])
    # "4x16 times 16x1 gives y, 4x1"; "Reshaped to 2x2, it is the convolution's output"
    assert ns["x"].shape == (16, 1)
    assert ns["y"].shape == (4, 1)
    np.testing.assert_array_equal(ns["y"], c @ ns["x"])
    np.testing.assert_array_equal(ns["y"].reshape(2, 2), CONV)


def test_transposed_matrix(page):
    ns = page("walkthrough/plot_06_transposed_matrix")
    # "the 16x4 matrix C.T takes 4 values to 16"
    assert ns["C"].T.shape == (16, 4)
    np.testing.assert_array_equal(ns["x2"].ravel(), X2.ravel())
    np.testing.assert_array_equal(ns["out"].ravel(), CT_X2.ravel())
    # "Reshaped to 4x4, the first input value's nine connections are the top-left 3x3 block"
    np.testing.assert_array_equal(ns["out4"], CT_X2)
    first = ns["C"].T[:, 0].reshape(4, 4)
    assert first[:3, :3].all()
    assert np.count_nonzero(first) == 9
    # the title: "the sums there add other stamps too" (all but output[0, 0])
    others = ns["C"].T[:, 1:].reshape(4, 4, 3).any(axis=2)
    assert others[:3, :3].sum() == 8
    assert not others[0, 0]
    # "the four stamps add up"
    assert ns["stamps"].shape == (4, 4, 4)
    np.testing.assert_array_equal(ns["total"], CT_X2)


def test_zero_padded_equivalence(page):
    ns = page("walkthrough/plot_07_zero_padded_equivalence")
    # "Pad the 2x2 ``x2`` with k - 1 = 2 zeros on every side: 6x6 ... the result is 4x4"
    assert ns["pad"] == [(2, 2), (2, 2)]
    assert ns["padded"].shape == (6, 6)
    np.testing.assert_array_equal(ns["flipped"], FLIPPED)
    # "It equals C.T @ x2 from the previous step exactly"
    np.testing.assert_array_equal(ns["result"], CT_X2)
    np.testing.assert_array_equal(ns["transposed"], CT_X2)
    # "With the kernel as it is, the same sliding gives a different answer"
    np.testing.assert_array_equal(ns["unflipped"], UNFLIPPED)
    assert not np.array_equal(ns["unflipped"], CT_X2)
    # "x2[0, 0] = 1 sends kernel[0, 0] = 2 to output[0, 0]"
    assert (X2[0, 0], KERNEL[0, 0], CT_X2[0, 0]) == (1, 2, 2)
    # "reversing one axis is not enough"
    for axis in (0, 1):
        one_axis = tc.conv2d(ns["padded"], np.flip(KERNEL, axis=axis))
        assert not np.array_equal(one_axis, CT_X2)


def test_summary(page):
    ns = page("walkthrough/plot_08_summary")
    # "Three routes compute the same transposed convolution"
    assert len(ns["routes"]) == 3
    for route in ns["routes"].values():
        np.testing.assert_array_equal(route, CT_X2)
    # "Convolving the input and transposing back does not return the input; the
    # pseudo-inverse ... gives the least-norm input with the same convolution, which is not
    # the input either"
    back, least_norm = ns["back"], ns["least_norm"]
    assert not np.array_equal(back, INPUTS)
    np.testing.assert_allclose(C @ least_norm.ravel(), CONV.ravel())
    assert not np.allclose(least_norm, INPUTS)
    assert back.max() == 1001  # the two results need scales of their own
    assert round(least_norm.max(), 1) == 6.6
    # "The zero-padded route multiplies every kernel tap at every output position, most of
    # them by an inserted or padded zero ... at stride 1 and at stride 2"
    for s in (1, 2):
        total, wasted = tc.zero_insertion_waste(X2.shape, KERNEL.shape, stride=s)
        assert wasted > total / 2
    assert (ns["total"], ns["wasted"]) == (total, wasted) == (225, 189)  # the loop's last
    # "The walk-through's kernel with stride 2 maps the 2x2 ``x2`` to 5x5"
    strided = ns["strided"]
    assert strided.shape == (5, 5)
    c2 = tc.convolution_matrix((5, 5), KERNEL, stride=2)
    np.testing.assert_array_equal(strided, (c2.T @ X2.ravel()).reshape(5, 5))
