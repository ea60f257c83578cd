"""Memory and cost of the transposed convolution: a few outputs' worth of memory, any stride."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import grouped_integers, transposed_settings

import transposed_conv as tc
from transposed_conv import _transpose, reference

MIB = 2**20


def _peak_bytes(fn, *args, **kwargs):
    """The result of ``fn`` and the most memory tracemalloc saw allocated while it ran."""
    tracemalloc.start()
    try:
        result = fn(*args, **kwargs)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("x_shape", "c_out", "k", "stride", "padding"),
    [
        ((4, 32, 64, 64), 32, 7, 1, 3),  # 49 taps, each as large as the output
        ((2, 128, 32, 32), 64, 8, 2, 3),  # 64 taps, each a quarter of the output
    ],
    ids=["7x7-stride-1-channels-first", "8x8-stride-2-channels-last"],
)
def test_peak_memory_is_a_few_outputs(x_shape, c_out, k, stride, padding):
    """All taps' products at once would be 12 to 49 outputs; the peak stays under 4 + 20 MiB.

    The 20 MiB allow for the chunk of products made at once (16 MiB when the
    output is smaller) and the copied input and weight.
    """
    rng = np.random.default_rng(0)
    x = rng.standard_normal(x_shape).astype(np.float32)
    w = rng.standard_normal((x_shape[1], c_out, k, k)).astype(np.float32)
    y, peak = _peak_bytes(tc.conv_transpose2d, x, w, stride=stride, padding=padding)
    assert y.dtype == np.float32
    assert y.shape == (x_shape[0], c_out, x_shape[2] * stride, x_shape[3] * stride)
    assert peak <= 4 * y.nbytes + 20 * MIB, f"peak {peak / y.nbytes:.1f} x the output"


@pytest.mark.parametrize(
    ("groups", "stride", "padding", "output_padding", "dilation"),
    [(1, 1, 0, 0, 1), (2, 2, 1, 1, 1), (3, (3, 2), (2, 0), (1, 0), (1, 2)), (1, 2, 3, 0, 1)],
    ids=["plain", "strided-grouped", "mixed-axes", "crop-past-kernel"],
)
@pytest.mark.parametrize("channels_last_from", [1, 10**9], ids=["channels-last", "channels-first"])
def test_one_sample_and_one_tap_at_a_time_gives_the_loops_answer(
    monkeypatch, channels_last_from, groups, stride, padding, output_padding, dilation
):
    """The smallest chunks (what a huge call gets) add up to the same exact result."""
    monkeypatch.setattr(_transpose, "CHANNELS_LAST_FROM", channels_last_from)
    monkeypatch.setattr(
        _transpose,
        "_chunks",
        lambda n, n_taps, *_: (_transpose._runs(n, 1), _transpose._runs(n_taps, 1)),
    )
    x, w = grouped_integers(5, n=3, groups=groups, size=(5, 4), kernel=(3, 2))
    kw = transposed_settings(stride, padding, output_padding, dilation)
    got = tc.conv_transpose2d(x, w, groups=groups, **kw)
    assert got.dtype == np.int64
    np.testing.assert_array_equal(
        got, tc.conv_transpose_by_zero_insertion(x, w, groups=groups, **kw)
    )
    if isinstance(stride, int):
        np.testing.assert_array_equal(
            got, reference.conv_transpose2d(x, w, stride, padding, output_padding, dilation, groups)
        )


@given(
    n=st.integers(0, 40),
    n_taps=st.integers(0, 60),
    tap_bytes=st.integers(1, 2 * MIB),
    x_bytes=st.integers(1, 2 * MIB),
    out_bytes=st.integers(1, 64 * MIB),
)
def test_chunks_cover_everything_once_within_the_budget(n, n_taps, tap_bytes, x_bytes, out_bytes):
    samples, blocks = _transpose._chunks(n, n_taps, tap_bytes, x_bytes, out_bytes)
    assert [i for ns in samples for i in range(n)[ns]] == list(range(n))
    if n:
        assert [t for tb in blocks for t in range(n_taps)[tb]] == list(range(n_taps))
    budget = max(out_bytes, _transpose.COLUMN_BYTES)
    for ns in samples:
        m = ns.stop - ns.start
        assert m == 1 or m * (tap_bytes + x_bytes) <= budget  # the input and one tap's products
        for tb in blocks:
            taps = tb.stop - tb.start
            assert taps == 1 or m * (x_bytes + taps * tap_bytes) <= budget  # input and block share
    if n * (x_bytes + max(tap_bytes, x_bytes)) <= budget:
        assert len(samples) == min(n, 1)  # the whole batch in one matmul
    for ns in samples:  # the input takes at most half the budget, unless one sample is more
        assert ns.stop - ns.start == 1 or 2 * (ns.stop - ns.start) * x_bytes <= budget


def test_huge_stride_places_each_value_and_leaves_zeros():
    """Stride 512, 1x1 kernel: the stride-1 result spread 512 pixels apart, zeros between."""
    rng = np.random.default_rng(6)
    x, w = rng.integers(-9, 10, (2, 3, 2, 2)), rng.integers(-9, 10, (3, 4, 1, 1))
    y = tc.conv_transpose2d(x, w, stride=512)
    assert y.shape == (2, 4, 513, 513)
    np.testing.assert_array_equal(y[..., ::512, ::512], tc.conv_transpose2d(x, w))
    assert np.count_nonzero(y) == np.count_nonzero(y[..., ::512, ::512])
    np.testing.assert_array_equal(y, tc.conv_transpose_by_zero_insertion(x, w, stride=512))
    np.testing.assert_array_equal(y, reference.conv_transpose2d(x, w, 512))


def test_huge_strides_agree_across_the_routes():
    """A 3x3 kernel at strides (512, 300) with padding and output_padding; a 1-D stride 1000."""
    rng = np.random.default_rng(7)
    x, w = rng.integers(-9, 10, (1, 2, 3, 2)), rng.integers(-9, 10, (2, 2, 3, 3))
    kw = {"stride": (512, 300), "padding": (1, 2), "output_padding": (7, 0)}
    y = tc.conv_transpose2d(x, w, **kw)
    assert y.shape == (1, 2, 2 * 512 - 2 + 3 + 7, 300 - 4 + 3)
    np.testing.assert_array_equal(y, tc.conv_transpose_by_zero_insertion(x, w, **kw))
    np.testing.assert_array_equal(y, tc.conv_transpose_by_subpixel(x, w, **kw))
    x1, w1 = rng.integers(-9, 10, 3), rng.integers(-9, 10, 2)
    y1 = tc.conv_transpose1d(x1, w1, stride=1000, dilation=3)
    np.testing.assert_array_equal(
        y1, tc.conv_transpose_by_zero_insertion(x1, w1, stride=1000, dilation=3)
    )
    np.testing.assert_array_equal(
        y1, reference.conv_transpose(x1[None], w1[None], 1000, 0, 0, 3)[0]
    )


@pytest.mark.parametrize(
    ("x_shape", "w_shape", "kw"),
    [
        ((3, 4, 9, 8), (6, 2, 3, 2), {"stride": (2, 1), "padding": (1, 2), "dilation": (1, 2)}),
        ((2, 2, 7, 6), (4, 1, 3, 4), {"padding": "same", "dilation": 2}),
        ((2, 3, 11), (6, 3, 4), {"stride": 3, "padding": 2}),
    ],
    ids=["2-D strided dilated grouped", "same, asymmetric", "1-D"],
)
def test_conv_columns_in_the_smallest_blocks_give_the_loops_answer(
    monkeypatch, x_shape, w_shape, kw
):
    """One output pixel's columns at a time (what a huge call gets): the same exact result."""
    rng = np.random.default_rng(9)
    x, w = rng.integers(-5, 6, x_shape), rng.integers(-5, 6, w_shape)
    groups = x_shape[1] // w_shape[1]
    fn = tc.conv2d if len(x_shape) == 4 else tc.conv1d
    whole = fn(x, w, groups=groups, **kw)
    monkeypatch.setattr(tc._conv, "COLUMN_BYTES", 1)
    np.testing.assert_array_equal(fn(x, w, groups=groups, **kw), whole)
    if len(x_shape) == 4 and kw.get("padding") != "same":
        s, p, d = (kw.get(k, v) for k, v in (("stride", 1), ("padding", 0), ("dilation", 1)))
        if all(isinstance(v, int) for v in (s, p, d)):
            np.testing.assert_array_equal(whole, reference.conv2d(x, w, s, p, d, groups))


def test_conv_peak_memory_is_a_few_outputs():
    """A 9x9 kernel: all columns at once would be 81 inputs; the peak stays under 4 + 20 MiB."""
    x = np.random.default_rng(0).standard_normal((2, 4, 96, 96)).astype(np.float32)
    w = np.random.default_rng(1).standard_normal((8, 4, 9, 9)).astype(np.float32)
    y, peak = _peak_bytes(tc.conv2d, x, w, padding=4)
    assert y.shape == (2, 8, 96, 96)
    assert peak <= 4 * y.nbytes + 20 * MIB, f"peak {peak / y.nbytes:.1f} x the output"


@pytest.mark.parametrize(
    ("groups", "stride", "padding", "output_padding", "dilation"),
    [(1, 1, 0, 0, 1), (2, 2, 1, 1, 1), (3, (3, 2), (4, 0), (1, 0), (1, 2)), (1, 1, (3, 4), 0, 2)],
    ids=["plain", "strided-grouped", "mixed-axes", "crop-past-input"],
)
@pytest.mark.parametrize("channels_last_from", [1, 10**9], ids=["channels-last", "channels-first"])
def test_a_kernel_larger_than_the_input_loops_over_pixels_and_gives_the_loops_answer(
    monkeypatch, channels_last_from, groups, stride, padding, output_padding, dilation
):
    """More taps than input pixels: one stamp per pixel, in the smallest chunks too."""
    monkeypatch.setattr(_transpose, "CHANNELS_LAST_FROM", channels_last_from)
    x, w = grouped_integers(10, n=2, groups=groups, size=(2, 3), kernel=(5, 4))
    kw = transposed_settings(stride, padding, output_padding, dilation)
    got = tc.conv_transpose2d(x, w, groups=groups, **kw)
    monkeypatch.setattr(
        _transpose,
        "_chunks",
        lambda n, n_units, *_: (_transpose._runs(n, 1), _transpose._runs(n_units, 1)),
    )
    np.testing.assert_array_equal(tc.conv_transpose2d(x, w, groups=groups, **kw), got)
    np.testing.assert_array_equal(
        got, tc.conv_transpose_by_zero_insertion(x, w, groups=groups, **kw)
    )
    if all(isinstance(v, int) for v in kw.values()):
        np.testing.assert_array_equal(
            got, reference.conv_transpose2d(x, w, stride, padding, output_padding, dilation, groups)
        )


@given(
    route=st.sampled_from(["taps", "pixels", "rows"]),
    groups=st.integers(1, 2),
    shape=st.tuples(st.integers(1, 5), st.integers(1, 5)),
    kernel=st.tuples(st.integers(1, 4), st.integers(1, 4)),
    stride=st.integers(1, 3),
    padding=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    dilation=st.integers(1, 2),
    seed=st.integers(0, 2**32 - 1),
)
def test_every_route_gives_the_loops_answer(
    route, groups, shape, kernel, stride, padding, dilation, seed
):
    """Taps, pixels or rows (rows only at stride 1 along the last axis): the same exact result."""
    stride_pair = (stride, 1) if route == "rows" else (stride, stride)
    x, w = grouped_integers(seed, n=2, groups=groups, size=shape, kernel=kernel, out_per_group=2)
    kw = {"stride": stride_pair, "padding": padding, "dilation": dilation}
    try:
        expected = tc.conv_transpose_by_zero_insertion(x, w, groups=groups, **kw)
    except ValueError:  # the padding crops everything
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_transpose, "_route", lambda *_: route)
        got = tc.conv_transpose2d(x, w, groups=groups, **kw)
    np.testing.assert_array_equal(got, expected)
