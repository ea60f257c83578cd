"""conv2d / conv_transpose2d: layouts, dtypes, padding modes, and the public steps."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal
from strategies import grouped_integers, transposed_settings

import transposed_conv as tc
from transposed_conv import reference


@pytest.mark.parametrize(
    ("x_dtype", "w_dtype", "expected"),
    [
        (np.uint8, np.uint8, np.int64),
        (np.int32, np.int16, np.int64),
        (np.float32, np.float32, np.float32),
        (np.float32, np.int64, np.float32),
        (np.uint8, np.float32, np.float32),
        (np.float16, np.float64, np.float64),
    ],
    ids=["uint8", "int32-int16", "float32", "float32-int", "uint8-float32", "float16-float64"],
)
@pytest.mark.parametrize(
    "fn", [tc.conv2d, tc.conv_transpose2d, tc.conv_transpose_by_zero_insertion]
)
def test_dtypes(fn, x_dtype, w_dtype, expected):
    out = fn(np.full((3, 3), 200, dtype=x_dtype), np.full((2, 2), 2, dtype=w_dtype))
    assert out.dtype == expected


def test_uint8_does_not_wrap_around():
    image = np.full((3, 3), 255, dtype=np.uint8)
    assert tc.conv2d(image, np.ones((3, 3), dtype=np.uint8))[0, 0] == 9 * 255
    assert tc.conv_transpose2d(image, np.ones((3, 3), dtype=np.uint8)).max() == 9 * 255


def test_integer_results_are_exact_beyond_float_precision():
    big = np.array([[2**53 + 1]], dtype=np.int64)
    assert tc.conv2d(big, np.array([[1]]))[0, 0] == 2**53 + 1


def test_layouts_agree():
    rng = np.random.default_rng(0)
    x, k = rng.integers(-5, 5, (5, 6)), rng.integers(-5, 5, (3, 2))
    single = tc.conv2d(x, k, stride=2, padding=1)
    unbatched = tc.conv2d(x[None], k[None, None], stride=2, padding=1)
    batched = tc.conv2d(x[None, None], k[None, None], stride=2, padding=1)
    np.testing.assert_array_equal(unbatched[0], single)
    np.testing.assert_array_equal(batched[0, 0], single)
    t_single = tc.conv_transpose2d(single, k, stride=2, padding=1)
    np.testing.assert_array_equal(
        tc.conv_transpose2d(single[None], k[None, None], stride=2, padding=1)[0], t_single
    )
    assert single.flags.c_contiguous
    assert t_single.flags.c_contiguous


def test_accepts_lists_and_numpy_integers():
    out = tc.conv2d([[1, 2], [3, 4]], [[1]], stride=np.int64(1), padding=[np.int32(0), 0])
    np.testing.assert_array_equal(out, [[1, 2], [3, 4]])


def test_conv2d_is_scipy_correlate_valid():
    rng = np.random.default_rng(1)
    x, k = rng.standard_normal((9, 7)), rng.standard_normal((4, 3))
    np.testing.assert_allclose(tc.conv2d(x, k), signal.correlate2d(x, k, mode="valid"), atol=1e-12)
    full = tc.conv_transpose2d(x, k)  # transposed conv, stride 1: full true convolution
    np.testing.assert_allclose(full, signal.convolve2d(x, k, mode="full"), atol=1e-12)


def test_padding_same_and_valid():
    rng = np.random.default_rng(2)
    x = rng.standard_normal((2, 3, 7, 8))
    for k in [(3, 3), (4, 2), (1, 5)]:
        w = rng.standard_normal((4, 3, *k))
        same = tc.conv2d(x, w, padding="same", dilation=2)
        assert same.shape == (2, 4, 7, 8)
        total = [2 * (n - 1) for n in k]
        padded = np.pad(x, [(0, 0), (0, 0), *((t // 2, t - t // 2) for t in total)])
        np.testing.assert_allclose(same, tc.conv2d(padded, w, dilation=2), atol=1e-12)
        np.testing.assert_array_equal(tc.conv2d(x, w, padding="valid"), tc.conv2d(x, w))


def test_zero_insertion_steps():
    x = np.array([[1, 2], [3, 4]])
    spread = tc.insert_zeros(x, (2, 3))
    np.testing.assert_array_equal(spread, [[1, 0, 0, 2], [0, 0, 0, 0], [3, 0, 0, 4]])
    assert tc.insert_zeros(np.ones((2, 3, 4, 5)), 2).shape == (2, 3, 7, 9)
    assert tc.insert_zeros(np.ones((3, 4)), 2, spatial_dims=1).shape == (3, 7)
    np.testing.assert_array_equal(tc.insert_zeros([1, 2, 3], 2), [1, 0, 2, 0, 3])
    assert tc.transpose_padding((3, 5), padding=(1, 0), output_padding=(0, 1), dilation=(1, 2)) == [
        (1, 1),
        (8, 9),
    ]
    np.testing.assert_array_equal(tc.pad_or_crop([1, 2, 3], [(-1, 2)]), [2, 3, 0, 0])
    np.testing.assert_array_equal(tc.pad_or_crop([5], [(-1, 1)]), [0])


def test_flip_kernel_swaps_channels_within_groups():
    w = np.arange(4 * 3 * 2 * 2).reshape(4, 3, 2, 2)  # (C_in=4, C_out/groups=3), groups=2
    flipped = tc.flip_kernel(w, groups=2)
    assert flipped.shape == (6, 2, 2, 2)  # (C_out, C_in/groups)
    for g in range(2):
        for i in range(2):
            for o in range(3):
                np.testing.assert_array_equal(flipped[g * 3 + o, i], w[g * 2 + i, o, ::-1, ::-1])
    np.testing.assert_array_equal(tc.flip_kernel([1, 2, 3]), [3, 2, 1])


def test_crop_when_padding_exceeds_kernel_reach():
    """p > d(k - 1): the equivalent convolution crops the zero-inserted input."""
    rng = np.random.default_rng(3)
    x, k = rng.integers(-4, 5, (5, 5)), rng.integers(-4, 5, (2, 2))
    assert tc.transpose_padding(2, padding=2) == [(-1, -1), (-1, -1)]
    np.testing.assert_array_equal(
        tc.conv_transpose_by_zero_insertion(x, k, stride=2, padding=2),
        tc.conv_transpose2d(x, k, stride=2, padding=2),
    )


def test_zero_batch_is_allowed():
    assert tc.conv2d(np.ones((0, 2, 4, 4)), np.ones((3, 2, 3, 3))).shape == (0, 3, 2, 2)
    assert tc.conv_transpose2d(np.ones((0, 2, 4, 4)), np.ones((2, 3, 3, 3))).shape == (0, 3, 6, 6)


@pytest.mark.parametrize(
    ("groups", "stride", "padding", "output_padding", "dilation"),
    [(1, 1, 0, 0, 1), (2, 2, 1, 1, 1), (3, (3, 2), (2, 0), (1, 0), (1, 2)), (1, 2, 3, 0, 1)],
    ids=["plain", "strided-grouped", "mixed-axes", "crop-past-kernel"],
)
@pytest.mark.parametrize("channels_last_from", [1, 10**9], ids=["channels-last", "channels-first"])
def test_both_memory_layouts_equal_the_loops(
    monkeypatch, channels_last_from, groups, stride, padding, output_padding, dilation
):
    """The fast path picks a layout by channel count; both must give the loops' answer."""
    monkeypatch.setattr(tc._transpose, "CHANNELS_LAST_FROM", channels_last_from)
    x, w = grouped_integers(4, n=2, groups=groups, size=(5, 4), kernel=(3, 2))
    kw = transposed_settings(stride, padding, output_padding, dilation)
    got = tc.conv_transpose2d(x, w, groups=groups, **kw)
    expected = tc.conv_transpose_by_zero_insertion(x, w, groups=groups, **kw)
    np.testing.assert_array_equal(got, expected)
    if isinstance(stride, int):
        np.testing.assert_array_equal(
            got, reference.conv_transpose2d(x, w, stride, padding, output_padding, dilation, groups)
        )


@pytest.mark.parametrize(
    ("shape", "k", "stride", "dilation"),
    [
        ((2, 2), (3, 3), 1, 1),
        ((3, 2), (2, 3), (2, 3), 1),
        ((2, 3), (3, 2), 2, (1, 2)),
        ((4,), (3,), 2, 1),
    ],
    ids=["walkthrough", "strided", "dilated", "1-D"],
)
def test_scatter_stamps_are_each_values_scaled_kernel(shape, k, stride, dilation):
    rng = np.random.default_rng(7)
    x, w = rng.integers(-5, 6, shape), rng.integers(-5, 6, k)
    stamps = tc.scatter_stamps(x, w, stride=stride, dilation=dilation)
    nsp = len(shape)
    s = (stride,) * nsp if isinstance(stride, int) else stride
    d = (dilation,) * nsp if isinstance(dilation, int) else dilation
    transposed = tc.conv_transpose2d if nsp == 2 else tc.conv_transpose1d
    np.testing.assert_array_equal(stamps.sum(axis=0), transposed(x, w, stride=s, dilation=d))
    dilated = tc.insert_zeros(w, d, spatial_dims=nsp)
    for n, idx in enumerate(np.ndindex(*shape)):
        expected = np.zeros(stamps.shape[1:], dtype=stamps.dtype)
        window = tuple(
            slice(i * si, i * si + m) for i, si, m in zip(idx, s, dilated.shape, strict=True)
        )
        expected[window] = x[idx] * dilated
        np.testing.assert_array_equal(stamps[n], expected)


def test_scatter_stamps_need_matching_dimensions():
    with pytest.raises(
        ValueError,
        match=r"x and weight must both be 1-D or both 2-D, got shapes \(2, 2\) and \(3,\)",
    ):
        tc.scatter_stamps(np.ones((2, 2)), np.ones(3))
