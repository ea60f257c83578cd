"""What the arithmetic pages state, checked on what their scripts computed.

Each test names its page and quotes, in comments, the sentences (or figure titles) it keeps
true; sizes stated in the text are checked on the page's own arrays.
"""

from __future__ import annotations

import notebook_numbers as notebook
import numpy as np
import pytest

import transposed_conv as tc


def shape2(n: int) -> tuple[int, int]:
    return (n, n)


def test_one_dimension(page):
    ns = page("arithmetic/plot_01_one_dimension")
    signal, kernel, y, back = ns["x"], ns["kernel"], ns["x2"], ns["back"]
    # "A kernel of 3 slides over a signal of 5 with stride 2: it fits
    # floor((5 - 3) / 2) + 1 = 2 times"
    assert (len(signal), len(kernel)) == (5, 3)
    np.testing.assert_array_equal(ns["y"], [17, 21])
    # "C has one row per output sample and one column per input sample, so it is 2x5, and each
    # row is the kernel shifted by the stride"
    c = ns["C"]
    assert c.shape == (2, 5)
    np.testing.assert_array_equal(c @ signal, ns["y"])
    np.testing.assert_array_equal(c[1, 2:], c[0, :-2])
    # "The transposed convolution multiplies by C.T: two numbers become five. Its input here is
    # x2 = [10, 20], two new numbers (not the output [17, 21] above)"; "...: [10, 20, 50, 40, 60]"
    np.testing.assert_array_equal(y, [10, 20])
    assert not np.array_equal(y, ns["y"])
    np.testing.assert_array_equal(back, c.T @ y)
    np.testing.assert_array_equal(back, [10, 20, 50, 40, 60])
    # "the stamps two samples apart, overlapping in one sample"
    stamps = ns["stamps"]
    np.testing.assert_array_equal(stamps.sum(axis=0), back)
    assert np.count_nonzero(stamps[0] * stamps[1]) == 1
    # the figure blanks a stamp where it is 0: exactly the samples it does not reach
    reached = tc.scatter_stamps(np.ones(2), np.ones(3), stride=2) > 0
    np.testing.assert_array_equal(stamps != 0, reached)
    # "out[n] = sum_j y[j] w[n - j s], a true convolution in the signal-processing sense"
    by_formula = [
        sum(y[j] * kernel[n - 2 * j] for j in range(2) if 0 <= n - 2 * j < 3) for n in range(5)
    ]
    np.testing.assert_array_equal(by_formula, back)
    np.testing.assert_array_equal(np.convolve(tc.insert_zeros(y, 2), kernel), back)
    # "insert a zero between the two inputs, pad with k - 1 = 2 zeros on each side, and slide
    # the reversed kernel, [3, 2, 1]"
    assert ns["pad"] == [(2, 2)]
    np.testing.assert_array_equal(tc.flip_kernel(kernel), [3, 2, 1])
    np.testing.assert_array_equal(ns["direct"], back)
    padded = tc.pad_or_crop(tc.insert_zeros(y, 2), ns["pad"])
    assert not np.array_equal(tc.conv1d(padded, kernel), back)  # unreversed: wrong


def test_no_padding_unit_strides(page):
    ns = page("arithmetic/plot_02_no_padding_unit_strides")
    # "Input 4, kernel 3, stride 1, padding 0 gives o = 4 - 3 + 1 = 2"
    assert ns["x"].shape == shape2(4)
    assert ns["y"].shape == shape2(2)
    assert tc.conv_output_size(4, 3) == 2
    # "o' = (i' - 1) + k = (2 - 1) + 3 = 4" ... "(It gives back the shape, not the input's values.)"
    direct = ns["direct"]
    np.testing.assert_array_equal(direct, tc.conv_transpose2d(ns["x2"], ns["kernel"]))
    assert direct.shape == shape2(tc.conv_transpose_output_size(2, 3)) == shape2(4)
    assert not np.array_equal(direct, ns["x"])
    # "Pad the 2x2 input with k - 1 = 2 zeros on every side (full padding)": a 6x6 input
    assert tc.transpose_padding(3) == [(2, 2), (2, 2)]


def test_padding(page):
    ns = page("arithmetic/plot_03_padding")
    x, k4, k3 = ns["x"], ns["k4"], ns["k3"]
    assert x.shape == shape2(5)
    # "Input 5, kernel 4, padding 2 gives o = 5 + 2 * 2 - 4 + 1 = 6"
    assert ns["y"].shape == shape2(tc.conv_output_size(5, 4, padding=2)) == shape2(6)
    # "Its transpose takes the 6x6 output back to 5x5 ... pads by k - 1 - p = 1"
    np.testing.assert_array_equal(ns["back"], tc.conv_transpose2d(ns["x6"], k4, padding=2))
    assert ns["back"].shape == shape2(5)
    assert tc.transpose_padding(4, padding=2) == [(1, 1), (1, 1)]
    # "At stride 1, an odd kernel keeps the size with p = floor(k / 2)"
    np.testing.assert_array_equal(ns["same"], tc.conv2d(x, k3, padding="same"))
    assert ns["same"].shape == x.shape
    # "the transpose of a half-padded convolution is half-padded too: size stays size ...
    # the stamps fill a full 7x7 result, and padding 1 crops its cross-hatched border"
    assert ns["x5"].shape == tc.conv_transpose2d(ns["x5"], k3, padding=1).shape == shape2(5)
    assert tc.conv_transpose_output_size(5, 3) == 7
    # "p = k - 1 lets every partial overlap count ... o = 5 + 2 * 2 - 3 + 1 = 7"
    assert ns["full"].shape == shape2(7)
    # "Its transpose shrinks the 7x7 output back to 5x5 and needs no padding at all"
    np.testing.assert_array_equal(ns["back7"], tc.conv_transpose2d(ns["x7"], k3, padding=2))
    assert ns["back7"].shape == shape2(5)
    assert tc.transpose_padding(3, padding=2) == [(0, 0), (0, 0)]
    # "PyTorch also accepts padding="same" for the convolution, at stride 1 only; so does
    # this package"
    with pytest.raises(ValueError, match="needs stride 1"):
        tc.conv2d(x, k3, stride=2, padding="same")


def test_strides(page):
    ns = page("arithmetic/plot_04_strides")
    kernel = ns["kernel"]
    assert ns["x"].shape == shape2(5)
    # "Input 5, kernel 3, stride 2 gives o = floor((5 - 3) / 2) + 1 = 2"
    assert ns["y"].shape == shape2(2)
    # "o' = (i' - 1) * 2 + 3 = 5. The stamps land two cells apart, so they overlap in one row
    # and one column"
    direct = ns["direct"]
    np.testing.assert_array_equal(direct, tc.conv_transpose2d(ns["x2"], kernel, stride=2))
    assert direct.shape == shape2(5)
    one_row_and_column = np.zeros((5, 5), bool)
    one_row_and_column[2] = one_row_and_column[:, 2] = True
    overlap = tc.overlap_counts((2, 2), 3, stride=2) > 1
    np.testing.assert_array_equal(overlap, one_row_and_column)
    # "then k - 1 = 2 zeros of padding"
    assert tc.transpose_padding(3) == [(2, 2), (2, 2)]
    # "Input 5, kernel 3, stride 2, padding 1 gives o = floor((5 + 2 - 3) / 2) + 1 = 3"
    assert ns["y_p"].shape == shape2(3)
    # "padded by k - 1 - p = 1: the 3x3 output goes back to 5x5"
    back = ns["back"]
    np.testing.assert_array_equal(back, tc.conv_transpose2d(ns["x3"], kernel, stride=2, padding=1))
    assert back.shape == shape2(5)
    assert tc.transpose_padding(3, padding=1) == [(1, 1), (1, 1)]
    # "Its even rows hold zeros at the odd columns ... the phase sums are [[1, 0], [2, 5]]"
    assert not back[::2, 1::2].any()
    assert back[1::2].all()
    np.testing.assert_array_equal(kernel[1], [0, 1, 0])
    assert tc.phase_sums(kernel, 2, padding=1).tolist() == [[1, 0], [2, 5]]


def test_output_padding(page):
    ns = page("arithmetic/plot_05_output_padding")
    y, kernel = ns["x2"], ns["kernel"]
    # "inputs of 5 and 6 both give an output of 3"
    for n in (5, 6):
        assert tc.conv_output_size(n, 3, stride=2, padding=1) == (n + 2 - 3) // 2 + 1 == 3
    # "gives 5x5 by default. output_padding=1 adds one row and one column at the bottom and
    # right: 6x6"; "(i + 2p - k) mod s" is what output_padding_for computes
    assert ns["a"] == (6 + 2 - 3) % 2 == 1
    assert (ns["five"].shape, ns["six"].shape) == (shape2(5), shape2(6))
    np.testing.assert_array_equal(ns["six"][:5, :5], ns["five"])
    # "The stamps fill the full result ..., (3 - 1) * 2 + 3 = 7 on a side ... the 6x6
    # output keeps the full result's last row and column" (the animation draws the full result,
    # and dashes the row and column output_padding adds: tests/plotting/test_plotting.py)
    full = tc.conv_transpose2d(y, kernel, stride=2)
    assert full.shape == shape2(7) == shape2(tc.conv_transpose_output_size(3, 3, stride=2))
    np.testing.assert_array_equal(ns["six"], full[1:, 1:])
    # "In the direct convolution (second figure), it is one more row and column of padding,
    # bottom and right"
    np.testing.assert_array_equal(ns["direct"], ns["six"])
    assert tc.transpose_padding(3, padding=1, output_padding=1) == [(1, 2), (1, 2)]
    # "<conv(x), g> = <x, conv_transpose(g)>" (printed on the page)
    assert ns["conv6"].shape == ns["g"].shape == shape2(3)
    assert ns["grad6"].shape == ns["x6"].shape == shape2(6)
    assert np.vdot(ns["conv6"], ns["g"]) == np.vdot(ns["x6"], ns["grad6"])
    # "a = s would give 7x7 here, which the convolution maps to 4, not 3: PyTorch and this
    # package refuse it"
    assert (3 - 1) * 2 - 2 * 1 + 3 + 2 == 7  # o' with a = 2
    assert tc.conv_output_size(7, 3, 2, 1) == 4
    with pytest.raises(ValueError, match="output_padding"):
        tc.conv_transpose2d(y, kernel, stride=2, padding=1, output_padding=2)
    # "With padding 0 and kernel 3, stride 1, dilation 2 and output_padding=1 map 3 to 8; stride
    # 2, dilation 3 and output_padding=2 map 3 to 13; the convolution maps both back to 4"
    # "the extra samples are zeros past the full result"
    for k, s, d, a, size in [(3, 1, 2, 1, 8), (3, 2, 3, 2, 13)]:
        assert tc.conv_transpose_output_size(3, k, s, 0, a, d) == size
        assert tc.conv_output_size(size, k, s, 0, d) == 4
        y = tc.conv_transpose1d(np.ones(3), np.ones(k), stride=s, dilation=d, output_padding=a)
        full = tc.conv_transpose1d(np.ones(3), np.ones(k), stride=s, dilation=d)
        assert len(full) == size - a
        np.testing.assert_array_equal(y, np.concatenate([full, np.zeros(a)]))
    # "the first min(a, p) hold stamp values and the rest are zeros" (1-D, stride 3, p 1, a 2)
    full1, with_a = ns["full1"], ns["with_a"]
    np.testing.assert_array_equal(full1, [1, 2, 3, 2, 4, 6])
    np.testing.assert_array_equal(with_a, [2, 3, 2, 4, 6, 0])
    np.testing.assert_array_equal(with_a[:-1], full1[1:])  # min(a, p) = 1 row of stamp values


def test_dilation(page):
    ns = page("arithmetic/plot_06_dilation")
    kernel = ns["kernel"]
    # "Input 7, kernel 3, dilation 2: the kernel spans 5 cells, so o = 7 - 2(3 - 1) - 1 + 1 = 3"
    assert ns["x"].shape == shape2(7)
    assert ns["y"].shape == shape2(tc.conv_output_size(7, 3, dilation=2)) == shape2(3)
    assert tc.insert_zeros(kernel, 2).shape == shape2(5)
    # "takes a 3x3 input, the size of that output (small values ...), back to 7x7 ...
    # o' = (i' - 1) + 2(3 - 1) + 1 = 7"
    assert ns["x2"].shape == ns["y"].shape
    assert ns["x2"].max() < 10  # one digit
    direct = ns["direct"]
    np.testing.assert_array_equal(direct, tc.conv_transpose2d(ns["x2"], kernel, dilation=2))
    assert direct.shape == shape2(tc.conv_transpose_output_size(3, 3, dilation=2)) == shape2(7)
    # "the padding is d(k - 1) - p = 4 on each side"
    assert tc.transpose_padding(3, dilation=2) == [(4, 4), (4, 4)]
    # "Stride 2 and dilation 2 on a 3x3 input ... o' = 9 ... every odd row and column gets no
    # tap"; 1-D, input 5
    both = ns["both"]
    assert both.shape == shape2(9) == shape2(tc.conv_transpose_output_size(3, 3, 2, 0, 0, 2))
    assert not both[1::2].any()
    assert not both[:, 1::2].any()
    assert both[::2, ::2].all()
    counts = tc.overlap_counts(5, 3, stride=2, dilation=2)
    assert counts.tolist() == [1, 0, 2, 0, 3, 0, 3, 0, 3, 0, 2, 0, 1]
    y = tc.conv_transpose2d(np.ones((3, 3)), np.ones((3, 3)), stride=2, dilation=2)
    assert not y[1::2].any()


def test_crop_instead_of_pad(page):
    ns = page("arithmetic/plot_07_crop_instead_of_pad")
    kernel, y = ns["kernel"], ns["x2"]
    # "Input 6, kernel 2, stride 2 and padding 2 ... o = floor((6 + 4 - 2) / 2) + 1 = 5.
    # Rows and columns of pure padding end up in the output" (the title: "its border all padding")
    assert ns["x"].shape == shape2(6)
    out = ns["y"]
    assert out.shape == shape2(tc.conv_output_size(6, 2, stride=2, padding=2)) == shape2(5)
    assert not out[[0, -1]].any()  # windows of pure padding
    assert not out[:, [0, -1]].any()
    assert out[1:-1, 1:-1].all()
    # "The stamps cover 10x10 before the crop; padding 2 removes two rows and columns on each
    # side ... so the outer ring of input values ... never reaches the 6x6 result"
    assert tc.conv_transpose_output_size(5, 2, stride=2) == 10
    ring = np.pad(np.zeros((3, 3), int), 1, constant_values=1)
    assert not tc.conv_transpose2d(ring, kernel, stride=2, padding=2).any()
    # "d(k - 1) - p = 1 - 2 = -1, so one row and column ... are cropped from each side"
    assert ns["pad"] == [(-1, -1), (-1, -1)]
    direct = ns["direct"]
    np.testing.assert_array_equal(direct, tc.conv_transpose2d(y, kernel, stride=2, padding=2))
    assert direct.shape == shape2(6)


def test_fractionally_strided(page):
    ns = page("arithmetic/plot_08_fractionally_strided")
    c, kernel = ns["C"], ns["kernel"]
    # "Input 5x5, kernel 3x3, stride 2: four window positions, so C is 4x25 ... row 1 is row 0
    # shifted two places ... row 2 ... is row 0 shifted ten places"
    assert c.shape == (4, 25)
    np.testing.assert_array_equal(c[1], np.roll(c[0], 2))
    np.testing.assert_array_equal(c[2], np.roll(c[0], 10))
    # "Only the centre pixel is reached by all four inputs; 8 pixels are reached by two and the
    # other 16 by one" (and the title: "1, 2 or 4")
    taps = ns["taps"].reshape(5, 5)
    np.testing.assert_array_equal(taps, tc.overlap_counts((2, 2), 3, stride=2))
    assert [np.count_nonzero(taps == t) for t in (1, 2, 4)] == [16, 8, 1]
    assert taps[2, 2] == 4
    # "Three routes give the same 5x5 result"
    y2 = ns["x2"].reshape(2, 2)
    for route in (ns["back"], ns["stamps"], ns["inserted"]):
        np.testing.assert_array_equal(route, tc.conv_transpose2d(y2, kernel, stride=2))


def test_channels_and_groups(page):
    ns = page("arithmetic/plot_09_channels_and_groups")
    x, weight, y = ns["x"], ns["weight"], ns["y"]
    # "Two input channels, three output channels, groups=1: six kernels, weight[c, o] from
    # input channel c to output channel o. Output channel o is the sum over input channels c of
    # the 2-D transposed convolution of x[c] with weight[c, o]"
    assert x.shape[0] == 2
    assert weight.shape == (2, 3, 2, 2)
    assert y.shape == (3, 4, 4)
    for o in range(3):
        own = sum(tc.conv_transpose2d(x[c], weight[c, o], stride=2) for c in range(2))
        np.testing.assert_array_equal(y[o], own)
    # "The stride is 2, so each 2x2 input channel and 2x2 kernel give a 4x4 output,
    # (2 - 1) · 2 + 2 = 4" (the second figure's title: "Output channel 0, stride 2: ...")
    assert x.shape[1:] == weight.shape[2:] == (2, 2)
    assert tc.conv_transpose_output_size(2, 2, stride=2) == (2 - 1) * 2 + 2 == 4
    # "weight (4, 1, 2, 2) means C_out / groups = 1 output channel per group, two in all.
    # Input channels 0 and 1 feed output 0 only; 2 and 3 feed output 1 only"; "C_in * C_out /
    # groups = 4 of 8 pairs"
    x4, w4, y4 = ns["x4"], ns["w4"], ns["y4"]
    assert w4.shape == (4, 1, 2, 2)
    assert y4.shape == (2, 4, 4)
    assert w4.shape[0] * w4.shape[1] == 4 * 2 // 2
    for g in range(2):
        own = sum(tc.conv_transpose2d(x4[c], w4[c, 0], stride=2) for c in (2 * g, 2 * g + 1))
        np.testing.assert_array_equal(y4[g], own)
    # the figures draw every kernel in the kernel's colours: no weight is negative (a negative
    # one would switch its panel to the signed map)
    assert weight.min() >= 0
    assert w4.min() >= 0
    # "The direct convolution with the same groups uses the weight the other way round,
    # (C_out, C_in / groups, kH, kW); the equivalent convolution of the transposed one swaps
    # input and output channels *within* each group, and rotates every kernel"
    assert ns["flipped"].shape == (2, 2, 2, 2)
    for g, j in np.ndindex(2, 2):
        np.testing.assert_array_equal(ns["flipped"][g, j], w4[2 * g + j, 0, ::-1, ::-1])
    np.testing.assert_array_equal(
        tc.conv_transpose_by_zero_insertion(x4, w4, stride=2, groups=2), y4
    )
    # "As a convolution's weight, w4 maps 2 channels to 4 ...; the transposed convolution with
    # the same array maps 4 channels back to 2. Adjoint: <C z, x4> = <z, C^T x4>"
    z, forward = ns["z"], ns["forward"]
    assert z.shape[0] == 2
    assert forward.shape == x4.shape
    np.testing.assert_array_equal(forward, tc.conv2d(z, w4, stride=2, groups=2))
    assert np.vdot(forward, x4) == np.vdot(z, y4) != 0


def test_conventions(page):
    ns = page("arithmetic/plot_10_conventions")
    rows, verdicts = ns["rows"], ns["verdicts"]
    n, k, s, x, kernel = ns["i_in"], ns["k"], ns["s"], ns["x"], ns["kernel"]
    assert (n, k, s) == (4, 3, 2)
    full = tc.conv_transpose2d(x, kernel, stride=2)
    assert full.shape == shape2(9)

    def result(p, a, crop):
        out = tc.conv_transpose2d(x, kernel, stride=2, padding=p, output_padding=a)
        return tc.pad_or_crop(out, [(0, -crop)] * 2)

    # the last column: each call's values equal PyTorch's call of the same size, or are that
    # result shifted by one pixel, as the table says
    for name, (p, a, crop) in rows.items():
        size = len(full) - 2 * p + a - crop
        p_torch = -(-(len(full) - size) // 2)
        torch_like = result(p_torch, 2 * p_torch - (len(full) - size), 0)
        assert 0 <= 2 * p_torch - (len(full) - size) < s, name
        ours = result(p, a, crop)
        if verdicts[name] == "equal":
            np.testing.assert_array_equal(ours, torch_like, err_msg=name)
        else:
            assert verdicts[name] == "shifted by one"
            assert not np.array_equal(ours, torch_like), name
            np.testing.assert_array_equal(ours[1:, 1:], torch_like[:-1, :-1], err_msg=name)
    # the figure: each call keeps one run of the full result's columns (rows alike) and drops
    # the rest, hatched; the first five calls are drawn, TF's SAME 8 one column left of
    # PyTorch's p=1, a=1
    kept = {}
    for name, drops in zip(rows, ns["cropped"], strict=True):
        columns = np.flatnonzero(np.logical_not(drops))
        assert len(drops) == len(full), name
        assert np.array_equal(columns, np.arange(columns[0], columns[-1] + 1)), name
        out = result(*rows[name])
        within = full[np.ix_(columns, columns)]
        np.testing.assert_array_equal(out[: len(columns), : len(columns)], within, err_msg=name)
        past = out.copy()
        past[: len(columns), : len(columns)] = 0
        assert not past.any(), name  # past the full result: added zeros (TF shape 10)
        kept[name] = (int(columns[0]), int(columns[-1]) + 1)
    drawn = ["PyTorch p=1, a=1", "PyTorch p=1", "PyTorch p=0"]
    assert list(kept)[:5] == [*drawn, "TF shape 8, SAME", "TF shape 7, SAME"]
    assert kept["PyTorch p=1, a=1"] == (1, 9)
    assert kept["TF shape 8, SAME"] == (0, 8)
    assert kept["PyTorch p=1"] == kept["TF shape 7, SAME"] == (1, 8)
    assert kept["PyTorch p=0"] == (0, 9)
    assert rows["TF shape 8, SAME"] == (0, 0, 1)
    assert rows["Keras 'same', a=1"] == (0, 0, 1)  # not PyTorch's (1, 1, 0)
    assert verdicts["Keras 'same', a=1"] == verdicts["Keras 'same'"] == "shifted by one"
    assert verdicts["Keras 'valid'"] == verdicts["Keras 'same', a=0"] == "equal"
    # Keras's length: "n s for 'same' and n s + max(k - s, 0) for 'valid' without
    # output_padding, and (n - 1) s + k - 2 floor(k/2) + a ('same') or (n - 1) s + k + a
    # ('valid') with it", then TensorFlow's crop
    lengths = {
        "Keras 'same'": (n * s, "SAME"),
        "Keras 'valid'": (n * s + max(k - s, 0), "VALID"),
        "Keras 'same', a=1": ((n - 1) * s + k - 2 * (k // 2) + 1, "SAME"),
        "Keras 'same', a=0": ((n - 1) * s + k - 2 * (k // 2) + 0, "SAME"),
    }
    for name, (length, pad) in lengths.items():
        assert rows[name] == tc.tf_conv_transpose_padding(length, n, k, s, pad), name
    # "SAME pads just enough for that convolution to map m samples to ceil(m / s)": TensorFlow
    # accepts an output shape m exactly when ceil(m / s) is the input's size
    for m in range(5, 11):
        if -(-m // s) == n:
            tc.tf_conv_transpose_padding(m, n, k, s, "SAME")
        else:
            with pytest.raises(ValueError, match="does not map to input_size=4"):
                tc.tf_conv_transpose_padding(m, n, k, s, "SAME")
    # "asks for an 8x8 output from the 9x9 full result ... PyTorch ... drops the *first* row
    # and column where TensorFlow drops the *last*"
    np.testing.assert_array_equal(ns["tf_same"], full[:8, :8])
    np.testing.assert_array_equal(ns["pytorch_out"], full[1:, 1:])
    # "In PyTorch, take padding=0 and drop the last [row and column]"
    np.testing.assert_array_equal(ns["tf_same"], tc.pad_or_crop(full, [(0, -1), (0, -1)]))


def test_subpixel(page):
    ns = page("arithmetic/plot_11_subpixel")
    kernel, x, full = ns["kernel"], ns["x"], ns["full"]
    # "A 4x4 kernel with stride 2 splits into four 2x2 phase kernels, kernel[r::2, c::2]"
    for r, c in np.ndindex(2, 2):
        np.testing.assert_array_equal(ns["subs"][r][c], kernel[r::2, c::2])
    # "four 4x4 results from a 3x3 input"; interleaved, "they are the stride-2 transposed
    # convolution, 8x8: phase (r, c) fills output[r::2, c::2]"
    assert [p.shape for p in ns["phases"]] == [shape2(4)] * 4
    assert full.shape == shape2(8)
    np.testing.assert_array_equal(ns["shuffled"], full)
    for i, phase in enumerate(ns["phases"]):
        np.testing.assert_array_equal(full[i // 2 :: 2, i % 2 :: 2], phase)
    # "With padding p the output starts p samples into this full result: output row r comes
    # from phase kernel (r + p) mod s, and tap u reaches the rows of phase (u - p) mod s"
    for p in (1, 2):
        padded = tc.conv_transpose2d(x, kernel, stride=2, padding=p)
        np.testing.assert_array_equal(padded, full[p : 8 - p, p : 8 - p])
        for r, c in np.ndindex(2, 2):
            part = padded[r::2, c::2]  # row r + p of the full result: phase (r + p) mod 2
            phase = ns["phases"][2 * ((r + p) % 2) + (c + p) % 2]
            rows, cols = (r + p) // 2, (c + p) // 2
            np.testing.assert_array_equal(
                part, phase[rows : rows + len(part), cols : cols + len(part[0])]
            )
        for u in range(4):
            one_hot = np.eye(4)[u]
            assert np.flatnonzero(tc.phase_sums(one_hot, 2, padding=p)).tolist() == [(u - p) % 2]
    # "one ordinary convolution from 1 channel to s^2 = 4 ... then a pixel shuffle ... equals
    # the transposed convolution (printed)"
    assert ns["espcn_weight"].shape == (4, 1, 2, 2)
    np.testing.assert_array_equal(ns["espcn"], full)
    # "When k is not a multiple of s (3x3, stride 2), the phase kernels have 2x2, 2x1, 1x2 and
    # 1x1 taps: the phases receive 4, 2, 2 and 1 taps ... Padded with a zero row and column to
    # 4x4, the kernel ... gives the same values plus one row and column at the end"
    k3, k3_padded = ns["k3"], ns["k3_padded"]
    subs3 = tc.subpixel_kernels(k3, 2)
    assert [[s.shape for s in row] for row in subs3] == [[(2, 2), (2, 1)], [(1, 2), (1, 1)]]
    taps = [np.count_nonzero(s) for row in tc.subpixel_kernels(k3_padded, 2) for s in row]
    assert taps == [4, 2, 2, 1]
    assert ns["padded_out"].shape == shape2(8)
    np.testing.assert_array_equal(ns["padded_out"][:7, :7], tc.conv_transpose2d(x, k3, stride=2))
    # ICNR: "the pixel shuffle repeats each value in a 2x2 block ... its kernel's phase sums
    # ... are equal"
    icnr, w0 = ns["icnr"], ns["w0"]
    np.testing.assert_array_equal(
        icnr, np.kron(tc.conv2d(np.pad(x, 1), w0), np.ones((2, 2), dtype=int))
    )
    np.testing.assert_array_equal(tc.conv_transpose2d(x, ns["kernel_icnr"], stride=2), icnr)
    assert np.ptp(tc.phase_sums(ns["kernel_icnr"], 2)) == 0

    # "whatever the kernel, a flat input comes out flat away from the border (which the
    # padding reaches)": flat inside, not flat at the border for the page's kernel
    def flat_in(w):
        weight = np.stack([w] * 4)[:, None]
        return tc.pixel_shuffle(tc.conv2d(np.pad(np.ones((5, 5)), 1)[None], weight), 2)[0]

    for w in [w0, *np.random.default_rng(0).integers(-3, 4, (3, 2, 2))]:
        assert np.ptp(flat_in(w)[2:-2, 2:-2]) == 0
    assert np.ptp(flat_in(w0)) > 0  # not at the border


def test_gradient(page):
    ns = page("arithmetic/plot_12_gradient")
    # "The printed number is the largest difference between the two, below 10^-8"
    assert np.abs(ns["numeric"] - ns["analytic"]).max() < 1e-8
    np.testing.assert_array_equal(
        ns["analytic"], tc.conv_transpose2d(ns["g"], ns["kernel"], stride=2)
    )
    assert ns["g"].shape == tc.conv2d(ns["x"], ns["kernel"], stride=2).shape
    # "the gradient of <y, g6> with respect to x3 is the stride-2 convolution of g6 ...
    # output_padding only adds rows that the convolution's floor drops"
    x3, g6, kernel = ns["x3"], ns["g6"], ns["kernel"]
    y = tc.conv_transpose2d(x3, kernel, stride=2, padding=1, output_padding=1)
    assert y.shape == g6.shape == (6, 6)
    assert np.abs(ns["numeric_t"] - ns["by_conv"]).max() < 1e-8
    np.testing.assert_array_equal(ns["by_conv"], tc.conv2d(g6, kernel, stride=2, padding=1))
    assert tc.conv_output_size(6, 3, 2, 1) == tc.conv_output_size(5, 3, 2, 1) == 3


def test_no_overlap(page):
    ns = page("arithmetic/plot_13_no_overlap")
    x, kernel, out = ns["x"], ns["kernel"], ns["out"]
    # "Each of the 3x3 input values stamps the 2x2 kernel into its own 2x2 block of the 6x6
    # output, o' = (3 - 1) * 2 + 2 = 6: every output pixel receives exactly one kernel tap"
    assert out.shape == shape2((3 - 1) * 2 + 2) == shape2(6)
    np.testing.assert_array_equal(tc.overlap_counts((3, 3), 2, stride=2), np.ones((6, 6)))
    for r, c in np.ndindex(3, 3):
        np.testing.assert_array_equal(out[2 * r : 2 * r + 2, 2 * c : 2 * c + 2], x[r, c] * kernel)
    # "a 1x1 convolution from one channel to four ... followed by a pixel shuffle"
    assert ns["four"].shape == (4, 3, 3)
    np.testing.assert_array_equal(ns["shuffled"], out)
    # "A constant input gives the kernel tiled ... Only a flat kernel ... leaves a flat image
    # flat: the share ... is 1.0 for the tiled kernel, 0 for the flat"
    np.testing.assert_array_equal(ns["tiled"], np.tile(kernel, (3, 3)))
    assert np.ptp(ns["flat_out"]) == 0
    share_tiled, share_flat = ns["energy"]
    assert np.isclose(share_tiled, 1.0)
    assert share_flat < 1e-12
    # "for a kernel of unit norm they are orthonormal, C C^T = I, and C^T is C's
    # pseudo-inverse ... C is 9x36"
    unit, C = ns["unit"], ns["C"]
    assert np.isclose(np.linalg.norm(unit), 1)
    assert C.shape == (9, 36)
    np.testing.assert_allclose(C @ C.T, np.eye(9), atol=1e-12)
    np.testing.assert_allclose(np.linalg.pinv(C), C.T, atol=1e-12)
    # ... which overlapping windows do not give (the walk-through's kernel 3, stride 1)
    walk = tc.convolution_matrix((4, 4), notebook.KERNEL / np.linalg.norm(notebook.KERNEL))
    assert not np.allclose(walk @ walk.T, np.eye(4))
    # "kernel 2 at stride 3 reaches 36 of the 64 outputs of a 3x3 input. The other 28 get no
    # tap and are 0 whatever the weights ... equalize_phase_sums refuses such a kernel"
    gaps = ns["gaps"]
    assert gaps.shape == (8, 8)
    assert ((gaps > 0).sum(), (gaps == 0).sum()) == (36, 28)
    rng = np.random.default_rng(0)
    for _ in range(3):
        y = tc.conv_transpose2d(np.ones((3, 3)), rng.uniform(1, 2, (2, 2)), stride=3)
        assert (y[gaps == 0] == 0).all()
        assert (y[gaps > 0] > 0).all()
    with pytest.raises(ValueError, match="no tap reaches 1 of the 3 output phases"):
        tc.equalize_phase_sums([1, 2], 3)


def solutions(k: int, s: int) -> list[tuple[int, int]]:
    """Every (p, a), p >= 0 and 0 <= a < s, that makes o' = s i' (dilation 1)."""
    pairs = [(p, a) for p in range(k + 1) for a in range(s)]
    return [(p, a) for p, a in pairs if k - 1 - 2 * p + a == s - 1]


def test_exactly_s_times(page):
    ns = page("arithmetic/plot_14_exactly_s_times")
    table = ns["table"]
    rows = {(s, k): (p, a, risk, keras) for s, k, p, a, risk, keras in table}
    rng = np.random.default_rng(1)
    for s, k, p, a, risk, keras in table:
        # "the smallest padding for each k", an a in [0, s), and o' = s i' "for every input
        # size" (checked on 5 to 9)
        assert 0 <= a < s
        assert (p, a) == min(solutions(k, s))
        for n in range(5, 10):
            assert tc.conv_transpose_output_size(n, k, s, p, a) == s * n
        # "equal" tap counts when k is a multiple of s, "uneven" otherwise
        assert (risk == "equal") == (k % s == 0)
        # Keras' 'same' (always s times the input) equals PyTorch's values or is them shifted
        # by one pixel, as the column says
        x, kernel = rng.integers(0, 5, (4, 4)), rng.integers(-3, 4, (k, k))
        torch_like = tc.conv_transpose2d(x, kernel, stride=s, padding=p, output_padding=a)
        keras_like = tc.conv_transpose2d_tf(x, kernel, (4 * s, 4 * s), stride=s, padding="SAME")
        if keras == "equal":
            np.testing.assert_array_equal(keras_like, torch_like)
        else:
            assert keras == "shifted by one"
            np.testing.assert_array_equal(keras_like[1:, 1:], torch_like[:-1, :-1])
        assert (keras == "equal") == ((k - s) % 2 == 0 or k < s)
    # "exactly one pair for s = 2, and for larger s sometimes more (for s = 3 and k = 3: p = 0
    # with a = 0, or p = 1 with a = 2)"
    assert all(len(solutions(k, 2)) == 1 for k in range(1, 10))
    assert solutions(3, 3) == [(0, 0), (1, 2)]
    assert [(k, p, a) for s, k, p, a, *_ in table if s == 2][:4] == [
        (2, 0, 0),
        (3, 1, 1),
        (4, 1, 0),
        (5, 2, 1),
    ]
    assert rows[2, 4] == (1, 0, "equal", "equal")
    assert rows[2, 3] == (1, 1, "uneven", "shifted by one")
    assert rows[3, 6] == (2, 1, "equal", "shifted by one")
    # "Kernel 4, padding 1 and kernel 3, padding 1, output_padding=1 both double a 4x4 input
    # ... kernel 4 gives every pixel away from the border two taps per axis, kernel 3
    # alternates one and two"
    even, uneven = ns["even"], ns["uneven"]
    assert even.shape == uneven.shape == shape2(8)
    assert set(even[1:-1, 1:-1].ravel().tolist()) == {4}
    assert set(uneven[:-1, :-1].ravel().tolist()) == {1, 2, 4}
    # "Keras' 'same' gives the same 8x8 values (k - s even: the crop is symmetric)"
    up4 = ns["up4"]
    assert up4.shape == shape2(8)
    np.testing.assert_array_equal(
        tc.conv_transpose2d_tf(ns["x"], ns["kernel4"], (8, 8), stride=2, padding="SAME"), up4
    )
