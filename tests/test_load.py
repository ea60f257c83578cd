"""The package under load: issue 21's reproducers, each refused before allocating or bounded.

Memory is what ``tracemalloc`` sees NumPy allocate during the call, so "before
allocating" is a number here, not a feeling. Nothing is timed: cost is
checked by what the code does (how many blocks, taps or pixels it visits),
and speed is measured by ``nox -s bench``.
"""

from __future__ import annotations

import re
import tracemalloc

import numpy as np
import numpy.ma  # NumPy 2.5's np.unique imports it on first use: not a call's own memory
import pytest

import transposed_conv as tc
from transposed_conv import _interpolate, _practice, _transpose

MIB = 2**20
VIEW = np.broadcast_to(1.0, (2**16, 2**16))  # 2**32 elements in 8 bytes


def peak(fn, *args, **kwargs):
    """The result of ``fn`` (or the exception it raised) and the peak NumPy memory meanwhile."""
    tracemalloc.start()
    try:
        try:
            result = fn(*args, **kwargs)
        except (ValueError, TypeError) as err:
            result = err
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


REFUSED = [
    (
        "interpolate 32 GiB",
        lambda: tc.interpolate(np.ones((4, 4)), 2**14),
        r"interpolate: the output would have shape \(65536, 65536\).*scale_factor=16384",
    ),
    (
        "resize_convolution 72 TiB",
        lambda: tc.resize_convolution(np.ones((3, 3)), np.ones((3, 3)), 2**20),
        r"the up-sampled x would have shape \(3145728, 3145728\).*factor=1048576",
    ),
    (
        "fit_transposed_kernel's target",
        lambda: tc.fit_transposed_kernel(
            np.ones((1, 1)), np.ones((1, 1)), (2**15, 2**15), stride=1
        ),
        r"target must have the output's shape \(32768, 32768\)",
    ),
    (
        "equalize_phase_sums at stride 2**29",
        lambda: tc.equalize_phase_sums([1, 2, 3, 4], 2**29),
        r"no tap reaches 536870908 of the 536870912 output phases",
    ),
    (
        "conv2d of a broadcast view",
        lambda: tc.conv2d(VIEW, np.ones((3, 3))),
        r"x has shape \(65536, 65536\), 4294967296 elements, more than the 1073741824",
    ),
    (
        "phase_sums of a 2**32-tap weight",
        lambda: tc.phase_sums(VIEW, 2),
        r"weight has shape \(65536, 65536\)",
    ),
    (
        "conv_transpose2d_tf of a 2**32-tap weight",
        lambda: tc.conv_transpose2d_tf(np.ones((2, 2)), VIEW, (4, 4), stride=2, padding="SAME"),
        r"weight has shape \(65536, 65536\)",
    ),
    (
        "pixel_shuffle of a broadcast view",
        lambda: tc.pixel_shuffle(np.broadcast_to(1.0, (4, 2**15, 2**15)), 2),
        r"x has shape \(4, 32768, 32768\)",
    ),
    (
        "psnr of broadcast views",
        lambda: tc.psnr(VIEW, VIEW),
        r"estimate has shape \(65536, 65536\)",
    ),
    (
        "numerical_gradient at a broadcast view",
        lambda: tc.numerical_gradient(lambda _: 0.0, VIEW),
        r"x has shape \(65536, 65536\)",
    ),
    (
        "stride as a long view",
        lambda: tc.conv_output_size(4, 3, stride=np.broadcast_to(1, (2**32,))),
        r"stride must be a positive int|stride must be an int",
    ),
    (
        "output_shape as a long view",
        lambda: tc.conv_transpose2d_tf(
            np.ones((2, 2)), np.ones((3, 3)), np.broadcast_to(4, (2**32,)), stride=2, padding="SAME"
        ),
        r"output_shape must be an int or a sequence of 2 ints",
    ),
    (
        "pad_width as a long view",
        lambda: tc.pad_or_crop(np.ones((2, 2)), np.broadcast_to(1, (2**32, 2))),
        r"pad_width has 4294967296 pairs but x has only 2 axes",
    ),
]


@pytest.mark.parametrize(("call", "match"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_oversized_calls_are_refused_before_allocating(call, match):
    error, most = peak(call)
    assert isinstance(error, ValueError | TypeError)
    assert re.search(match, str(error)), str(error)
    assert most < 4 * MIB, f"{most / MIB:.1f} MiB allocated before refusing"


def test_zero_insertion_waste_counts_without_building_the_map():
    (total, wasted), most = peak(tc.zero_insertion_waste, (2**15, 2**15), 1)
    assert (total, wasted) == (2**30, 0)
    assert most < MIB


@pytest.mark.parametrize(
    ("call", "ones", "out_bytes"),
    [
        (lambda: tc.conv2d(np.ones((259, 259)), np.ones((256, 256))), 65536, 16 * 8),
        (lambda: tc.conv1d(np.ones(32867), np.ones(32768)), 32768, 100 * 8),
        (
            lambda: tc.conv2d(np.ones((1, 1, 512, 512)), np.ones((1, 1, 9, 9)), padding=4)[
                ..., 4:-4, 4:-4
            ],
            81,
            512 * 512 * 8,
        ),
        (
            lambda: tc.conv_transpose2d(np.ones((32, 32)), np.ones((127, 127)))[126:-126, 126:-126],
            1024,
            158 * 158 * 8,
        ),
        (lambda: tc.interpolate(np.ones(1), 2**20, "bicubic"), 1, 2**20 * 8),
        (lambda: tc.interpolate(np.ones(4), 2**18, "bilinear"), 1, 2**20 * 8),
    ],
    ids=[
        "conv2d 256x256 kernel",
        "conv1d 32768 taps",
        "conv2d 512^2 9x9",
        "conv_transpose2d 127x127",
        "interpolate 2**20 bicubic",
        "interpolate 2**18 bilinear",
    ],
)
def test_large_work_takes_a_few_outputs_of_memory(call, ones, out_bytes):
    """Right values, and a peak of at most 4 outputs + 20 MiB (chunks of 16 MiB at most)."""
    result, most = peak(call)
    np.testing.assert_allclose(result, ones)
    assert most <= 4 * out_bytes + 20 * MIB, f"peak {most / MIB:.1f} MiB"


@pytest.mark.parametrize(
    ("x_shape", "k_shape"),
    [((32, 32), (127, 127)), ((3, 40), (9, 2)), ((200,), (3,)), ((5,), (300,))],
    ids=["kernel larger", "mixed", "1-D input larger", "1-D kernel larger"],
)
def test_the_scatter_loop_runs_over_the_fewer_of_taps_and_pixels(monkeypatch, x_shape, k_shape):
    """Cost linear in the taps: a large kernel on a small input loops over its pixels."""
    lengths = []
    original = _transpose._tap_reach

    def spy(*args):
        reach = original(*args)
        lengths.append(len(reach))
        return reach

    monkeypatch.setattr(_transpose, "_tap_reach", spy)
    x, w = np.ones(x_shape, dtype=np.int64), np.ones(k_shape, dtype=np.int64)
    fn = tc.conv_transpose2d if len(x_shape) == 2 else tc.conv_transpose1d
    y = fn(x, w)
    assert len(lengths) == 1
    assert lengths[0] <= min(x.size, w.size)  # rows of taps (stride 1) are fewer still
    monkeypatch.undo()
    np.testing.assert_array_equal(y, tc.overlap_counts(x_shape, k_shape))


@pytest.mark.parametrize("f", [2**4, 2**12, 2**18])
def test_interpolate_visits_blocks_of_outputs_not_phases(monkeypatch, f):
    """The taps are computed once per block of outputs: as many blocks for any factor."""
    calls = []
    original = _interpolate._axis_taps
    monkeypatch.setattr(
        _interpolate, "_axis_taps", lambda *a: calls.append(a[-1].size) or original(*a)
    )
    y = tc.interpolate(np.arange(4.0), f, "bicubic")
    per_block = _interpolate._BLOCK_BYTES // 8
    assert len(calls) == -(-4 * f // per_block)
    assert sum(calls) == y.size == 4 * f


def test_interpolate_peak_memory_does_not_grow_with_the_factor():
    """The output, and a block's taps and temporaries: the same for any factor."""
    peaks = []
    for f in (2, 2**10, 2**20):
        y, most = peak(tc.interpolate, np.ones(2**20 // f), f, "bicubic")
        assert y.size == 2**20
        peaks.append(most)
    assert max(peaks) - min(peaks) < MIB
    assert max(peaks) <= 4 * y.nbytes + 32 * MIB


def test_numerical_gradient_moves_one_coordinate_of_one_array():
    seen = set()

    def fn(v):
        seen.add(id(v))
        assert not v.flags.writeable
        return float(v.sum())

    x = np.arange(5000.0)
    grad, most = peak(tc.numerical_gradient, fn, x, 0.5)
    np.testing.assert_allclose(grad, 1.0)
    assert len(seen) == 1  # the same array every call: none made per coordinate
    assert most <= 4 * x.nbytes  # the float64 point, the moved copy and the gradient


@pytest.mark.parametrize(
    "returned",
    [np.ones(3), None, "a", 1j, [1.0], True],
    ids=["array", "None", "str", "complex", "list", "bool"],
)
def test_numerical_gradient_says_what_fn_returned(returned):
    with pytest.raises(TypeError, match=r"fn must return a real number, got .* from fn\(x\)"):
        tc.numerical_gradient(lambda _: returned, np.ones(3))


def test_numerical_gradient_takes_numpy_and_zero_d_results():
    for wrap in (float, np.float32, np.array, int):
        grad = tc.numerical_gradient(lambda v, wrap=wrap: wrap(round(float(v.sum()) * 4)), [1.0], 1)
        np.testing.assert_array_equal(grad, [4.0])


def test_fit_transposed_kernel_cost_is_3_steps_plus_64_operations(monkeypatch):
    """The Notes' count: two transposed convolutions and one kernel gradient per step."""
    counts = {"forward": 0, "gradient": 0}

    def counting(name, fn):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return fn(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(_practice, "conv_transpose2d", counting("forward", tc.conv_transpose2d))
    monkeypatch.setattr(
        _practice,
        "conv_transpose2d_weight_grad",
        counting("gradient", tc.conv_transpose2d_weight_grad),
    )
    x = np.arange(1.0, 10.0).reshape(3, 3)
    for steps in (1, 7):
        counts.update(forward=0, gradient=0)
        tc.fit_transposed_kernel(x, np.ones((6, 6)), (2, 2), stride=2, steps=steps)
        assert counts["forward"] + counts["gradient"] == 3 * steps + 64
    assert (3 * _practice.MAX_STEPS + 64) / (3 * 300 + 64) > 300


def test_fit_transposed_kernel_refuses_an_input_cropped_away():
    x = np.zeros((3, 3))
    x[0, 0] = 1.0  # lands in the cropped border: every kernel gives zeros
    with pytest.raises(ValueError, match=r"x's non-zero values all land in the padding"):
        tc.fit_transposed_kernel(x, np.zeros((1, 1)), (1, 1), stride=1, padding=1)
    x[1, 1] = 2.0  # one value inside: a fit
    w, _ = tc.fit_transposed_kernel(x, np.full((1, 1), 3.0), (1, 1), stride=1, padding=1)
    np.testing.assert_allclose(w, [[1.5]])


def test_scatter_stamps_keep_an_infinite_value_in_its_own_stamp():
    stamps = tc.scatter_stamps([1.0, np.inf], [1.0, 2.0])
    np.testing.assert_array_equal(stamps, [[1, 2, 0], [0, np.inf, np.inf]])
    np.testing.assert_array_equal(
        stamps.sum(axis=0), tc.conv_transpose1d([1.0, np.inf], [1.0, 2.0])
    )
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((3, 2)), rng.standard_normal((2, 3))
    x[1, 0], w[0, 2] = np.inf, -np.inf
    with np.errstate(invalid="ignore"):
        stamps = tc.scatter_stamps(x, w, stride=2)
        np.testing.assert_allclose(stamps.sum(axis=0), tc.conv_transpose2d(x, w, stride=2))
    assert np.isfinite(stamps[0]).sum() == stamps[0].size - 1  # only x[0, 0] * -inf


def test_zero_insertion_multiplies_zeros_by_a_non_finite_weight():
    with np.errstate(invalid="ignore"):
        route = tc.conv_transpose_by_zero_insertion([1.0, 2.0], [1.0, np.inf])
    np.testing.assert_array_equal(route, [np.nan, np.inf, np.inf])
    np.testing.assert_array_equal(
        tc.conv_transpose1d([1.0, 2.0], [1.0, np.inf]), [1, np.inf, np.inf]
    )


@pytest.mark.parametrize(
    "pair", [[1, 2], (1, 2), np.array([1, 2]), np.array([1, 2], np.uint8)], ids=str
)
def test_pad_or_crop_reads_any_flat_pair_as_np_pad(pair):
    x = np.ones((2, 2))
    np.testing.assert_array_equal(tc.pad_or_crop(x, pair), np.pad(x, [1, 2]))


@pytest.mark.parametrize("dtype", [bool, complex, np.int8, np.float16])
def test_pixel_shuffle_moves_any_values(dtype):
    x = np.arange(2 * 9 * 2 * 3).reshape(2, 9, 2, 3)
    got = tc.pixel_shuffle(x.astype(dtype), 3)
    assert got.dtype == np.dtype(dtype)
    np.testing.assert_array_equal(got, tc.pixel_shuffle(x, 3).astype(dtype))


@pytest.mark.parametrize(
    "call",
    [
        lambda m: tc.conv2d(m, np.ones((2, 2))),
        lambda m: tc.conv_transpose2d(np.ones((2, 2)), m),
        lambda m: tc.interpolate(m, 2),
        lambda m: tc.psnr(m, np.ones((3, 3))),
    ],
    ids=["conv2d x", "conv_transpose2d weight", "interpolate x", "psnr estimate"],
)
def test_masked_arrays_are_refused(call):
    masked = np.ma.masked_array(np.ones((3, 3)), mask=np.eye(3))
    with pytest.raises(TypeError, match=r"must not be a masked array: its mask would be ignored"):
        call(masked)


@pytest.mark.parametrize(
    ("data_range", "error", "match"),
    [
        ([[1, 2], [3]], TypeError, r"data_range must be a real number, got \[\[1, 2\], \[3\]\]"),
        (10**400, ValueError, r"data_range must be a finite real number"),
        (np.array([1.0]), TypeError, r"data_range must be a real number"),
    ],
    ids=["ragged", "beyond float", "1-D"],
)
def test_psnr_data_range_messages(data_range, error, match):
    with pytest.raises(error, match=match):
        tc.psnr([0.0, 1.0], [0.0, 0.5], data_range=data_range)


def test_psnr_takes_any_real_data_range():
    base = tc.psnr([0.0, 1.0], [0.0, 0.5])
    assert tc.psnr([0.0, 1.0], [0.0, 0.5], data_range=10**30) == pytest.approx(base + 600)
    assert tc.psnr([0.0, 1.0], [0.0, 0.5], data_range=1e200) == pytest.approx(base + 4000)


@pytest.mark.parametrize(
    ("x", "w", "match"),
    [
        (np.ones((0, 4)), np.ones((3, 3)), r"x must have no empty axis, got shape \(0, 4\)"),
        (np.ones((4, 4)), np.ones((3, 0)), r"weight must have no empty axis, got shape \(3, 0\)"),
    ],
    ids=["empty x", "empty weight"],
)
def test_conv_transpose2d_tf_names_an_empty_array(x, w, match):
    with pytest.raises(ValueError, match=match):
        tc.conv_transpose2d_tf(x, w, (8, 8), stride=2, padding="SAME")


@pytest.mark.parametrize(
    "call",
    [
        lambda x, w: tc.conv2d(x, w, padding=1),
        lambda x, w: tc.conv1d(x[0], w[0], stride=2),
        lambda x, w: tc.conv_transpose2d(x, w, stride=2),
        lambda x, w: tc.conv_transpose2d(x[:2, :2], np.full((9, 9), w[0, 0])),
    ],
    ids=["conv2d", "conv1d", "conv_transpose2d taps", "conv_transpose2d pixels"],
)
def test_float16_is_computed_in_float32_and_rounded_once(call):
    """The documented dtype rule: float16 in, float16 out, one rounding of the float32 result."""
    rng = np.random.default_rng(8)
    x = (rng.standard_normal((6, 6)) * 300).astype(np.float16)  # float16 whatever NumPy promotes
    w = rng.standard_normal((3, 3)).astype(np.float16)
    with np.errstate(over="ignore"):
        got = call(x, w)
        expected = call(x.astype(np.float32), w.astype(np.float32)).astype(np.float16)
    assert got.dtype == np.float16
    np.testing.assert_array_equal(got, expected)
