"""Every wrong call names the parameter and the value, as ValueError or TypeError."""

from __future__ import annotations

import numpy as np
import pytest

import transposed_conv as tc

X = np.ones((1, 2, 5, 5))
W_CONV = np.ones((4, 2, 3, 3))
W_T = np.ones((2, 4, 3, 3))

CONV_VALUE_ERRORS = [
    ("x 3-D with 2-D weight", np.ones((2, 5, 5)), np.ones((3, 3)), {}, r"x must be 2-D \(H, W\)"),
    ("x 5-D", np.ones((1, 1, 2, 5, 5)), W_CONV, {}, r"x must be 3-D .* or 4-D"),
    ("weight 3-D", X, np.ones((2, 3, 3)), {}, r"weight must be 2-D .* or 4-D .* weight.ndim=3"),
    ("channel mismatch", X, np.ones((4, 3, 3, 3)), {}, r"weight.shape\[1\] \* groups .* C_in=2"),
    ("groups not dividing C_in", X, W_CONV, {"groups": 3}, r"groups=3 must divide the input"),
    (
        "groups not dividing C_out",
        np.ones((1, 4, 5, 5)),
        np.ones((3, 2, 3, 3)),
        {"groups": 2},
        r"groups=2 must divide the output channels",
    ),
    ("groups zero", X, W_CONV, {"groups": 0}, r"groups must be positive, got 0"),
    ("stride zero", X, W_CONV, {"stride": 0}, r"stride must be positive, got 0"),
    (
        "stride negative pair",
        X,
        W_CONV,
        {"stride": (1, -2)},
        r"stride must be positive, got \(1, -2\)",
    ),
    ("dilation zero", X, W_CONV, {"dilation": 0}, r"dilation must be positive, got 0"),
    ("negative padding", X, W_CONV, {"padding": -1}, r"padding must be non-negative, got -1"),
    (
        "wrong-length tuple",
        X,
        W_CONV,
        {"stride": (1, 2, 3)},
        r"stride must be an int or a sequence of 2",
    ),
    ("unknown padding string", X, W_CONV, {"padding": "full"}, r"padding must be .* got 'full'"),
    (
        "same with stride",
        X,
        W_CONV,
        {"padding": "same", "stride": 2},
        r"padding='same' needs stride 1",
    ),
    ("empty output", X, np.ones((4, 2, 7, 7)), {}, r"empty output"),
    ("empty output by dilation", X, W_CONV, {"dilation": 3}, r"empty output"),
    ("empty spatial axis", np.ones((1, 2, 0, 5)), W_CONV, {}, r"non-empty channel and spatial"),
    ("empty kernel", X, np.ones((4, 2, 0, 3)), {}, r"weight must have no empty axis"),
    (
        "multi-channel groups with 2-D weight",
        np.ones((5, 5)),
        np.ones((3, 3)),
        {"groups": 2},
        r"groups must be 1 for a single-channel weight",
    ),
]


@pytest.mark.parametrize(
    ("x", "w", "kwargs", "match"),
    [c[1:] for c in CONV_VALUE_ERRORS],
    ids=[c[0] for c in CONV_VALUE_ERRORS],
)
def test_conv2d_value_errors(x, w, kwargs, match):
    with pytest.raises(ValueError, match=match):
        tc.conv2d(x, w, **kwargs)


TRANSPOSE_VALUE_ERRORS = [
    (
        "in-channel mismatch",
        X,
        np.ones((3, 4, 3, 3)),
        {},
        r"weight.shape\[0\] must equal the input channels",
    ),
    ("groups not dividing", X, W_T, {"groups": 3}, r"groups=3 must divide the input"),
    (
        "output_padding = stride",
        X,
        W_T,
        {"stride": 2, "output_padding": 2},
        r"output_padding must be smaller than either stride or dilation",
    ),
    ("output_padding with stride 1", X, W_T, {"output_padding": 1}, r"output_padding=1, stride=1"),
    (
        "negative output_padding",
        X,
        W_T,
        {"output_padding": -1},
        r"output_padding must be non-negative",
    ),
    ("padding crops everything", np.ones((1, 2, 1, 1)), W_T, {"padding": 2}, r"empty output"),
    ("stride zero", X, W_T, {"stride": 0}, r"stride must be positive"),
    ("weight 5-D", X, np.ones((2, 4, 1, 3, 3)), {}, r"weight must be 2-D .* or 4-D"),
]


@pytest.mark.parametrize(
    ("x", "w", "kwargs", "match"),
    [c[1:] for c in TRANSPOSE_VALUE_ERRORS],
    ids=[c[0] for c in TRANSPOSE_VALUE_ERRORS],
)
@pytest.mark.parametrize(
    "fn",
    [tc.conv_transpose2d, tc.conv_transpose_by_zero_insertion],
    ids=["scatter", "zero-insertion"],
)
def test_conv_transpose2d_value_errors(fn, x, w, kwargs, match):
    with pytest.raises(ValueError, match=match):
        fn(x, w, **kwargs)


TYPE_ERRORS = [
    ("complex x", {"x": np.ones((4, 4), dtype=complex)}, r"x must hold real .* complex128"),
    ("bool weight", {"weight": np.ones((3, 3), dtype=bool)}, r"weight must hold real .* bool"),
    ("string x", {"x": [["a", "b"], ["c", "d"]]}, r"x must hold real .* <U1"),
    ("object x", {"x": np.array([[None, 1], [2, 3]], dtype=object)}, r"x must hold real .* object"),
    ("float stride", {"stride": 1.5}, r"stride must be an int, got 1.5"),
    ("bool dilation", {"dilation": True}, r"dilation must be an int, got True"),
    ("string groups", {"groups": "1"}, r"groups must be an int, got '1'"),
    ("float padding in pair", {"padding": (0, 0.5)}, r"padding must be an int, got 0.5"),
]


@pytest.mark.parametrize(
    ("override", "match"), [c[1:] for c in TYPE_ERRORS], ids=[c[0] for c in TYPE_ERRORS]
)
@pytest.mark.parametrize("fn", [tc.conv2d, tc.conv_transpose2d], ids=["conv2d", "conv_transpose2d"])
def test_type_errors(fn, override, match):
    args = {"x": np.ones((4, 4)), "weight": np.ones((3, 3))} | override
    with pytest.raises(TypeError, match=match):
        fn(**args)


def test_1d_functions_check_dimensions():
    with pytest.raises(ValueError, match=r"x must be 1-D \(L,\)"):
        tc.conv1d(np.ones((3, 3)), np.ones(2))
    with pytest.raises(ValueError, match=r"weight must be 1-D .* or 3-D"):
        tc.conv_transpose1d(np.ones((1, 3)), np.ones((1, 1, 1, 2)))


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: tc.conv_output_size(0, 3), ValueError, r"n must be positive, got 0"),
        (lambda: tc.conv_output_size(4, 0), ValueError, r"k must be positive, got 0"),
        (lambda: tc.conv_output_size(4, 3, stride=0), ValueError, r"stride must be positive"),
        (
            lambda: tc.conv_output_size(4, 3, padding=-1),
            ValueError,
            r"padding must be non-negative",
        ),
        (lambda: tc.conv_output_size(2, 3), ValueError, r"empty output"),
        (lambda: tc.conv_output_size(4.0, 3), TypeError, r"n must be an int, got 4.0"),
        (
            lambda: tc.conv_transpose_output_size(2, 3, output_padding=1),
            ValueError,
            r"output_padding",
        ),
        (lambda: tc.conv_transpose_output_size(1, 1, padding=1), ValueError, r"empty output"),
        (lambda: tc.output_padding_for(2, 3), ValueError, r"empty output"),
        (lambda: tc.insert_zeros(np.ones((2, 2)), 0), ValueError, r"stride must be positive"),
        (
            lambda: tc.insert_zeros(np.ones((2, 2)), 2, spatial_dims=3),
            ValueError,
            r"spatial_dims must be between",
        ),
        (
            lambda: tc.pad_or_crop(np.ones((2, 2)), [(0, 0)] * 3),
            ValueError,
            r"pad_width has 3 pairs",
        ),
        (
            lambda: tc.pad_or_crop(np.ones((2, 2)), [(-1, -1)]),
            ValueError,
            r"crops away a whole axis",
        ),
        (
            lambda: tc.pad_or_crop(np.ones((2, 2)), [(1, 2, 3)]),
            ValueError,
            r"pad_width must be an int or a sequence of 2",
        ),
        (lambda: tc.transpose_padding(0), ValueError, r"kernel_size must be positive"),
        (lambda: tc.flip_kernel(np.ones((3, 3)), groups=2), ValueError, r"groups must be 1"),
        (
            lambda: tc.flip_kernel(np.ones((3, 2, 3, 3)), groups=2),
            ValueError,
            r"groups=2 must divide",
        ),
        (
            lambda: tc.flip_kernel(np.ones((2, 2, 3, 3)), groups=0),
            ValueError,
            r"groups must be positive",
        ),
        (
            lambda: tc.convolution_matrix(4, np.ones((3, 3))),
            TypeError,
            r"input_shape must be a tuple",
        ),
        (
            lambda: tc.convolution_matrix((4, 4, 4), np.ones((3, 3))),
            ValueError,
            r"input_shape must have 2",
        ),
        (
            lambda: tc.convolution_matrix((3, 4, 4), np.ones((1, 2, 3, 3))),
            ValueError,
            r"C_in = weight.shape\[1\] = 2",
        ),
        (lambda: tc.convolution_matrix((0, 4), np.ones((3, 3))), ValueError, r"no empty axis"),
        (lambda: tc.convolution_matrix((2, 2), np.ones((3, 3))), ValueError, r"empty output"),
        (
            lambda: tc.convolution_matrix((4, 4), np.ones((3, 3), dtype=complex)),
            TypeError,
            r"weight must hold real",
        ),
        (
            lambda: tc.interpolate(np.ones((2, 2)), 0),
            ValueError,
            r"scale_factor must be a positive int, got 0",
        ),
        (
            lambda: tc.interpolate(np.ones((2, 2)), 2.5),
            TypeError,
            r"scale_factor must be an int, got 2.5",
        ),
        (
            lambda: tc.interpolate(np.ones((2, 2)), 2, "area"),
            ValueError,
            r"mode must be one of .* got 'area'",
        ),
        (lambda: tc.interpolate(np.ones((0, 2)), 2), ValueError, r"non-empty on the 2 axes"),
        (lambda: tc.interpolate(np.float64(1.0), 2), ValueError, r"at least one axis"),
        (lambda: tc.interpolation_matrix(0, 2), ValueError, r"n must be positive"),
        (lambda: tc.bilinear_kernel(0), ValueError, r"^factor must be a positive int, got 0"),
        (
            lambda: tc.overlap_counts((2, 2, 2), 3),
            ValueError,
            r"input_shape must have 1 or 2 entries",
        ),
        (lambda: tc.overlap_counts(4, 0), ValueError, r"kernel_size must be positive"),
        (
            lambda: tc.overlap_counts(4, 3, stride=2, output_padding=2),
            ValueError,
            r"output_padding",
        ),
        (
            lambda: tc.phase_sums(np.ones((2, 2, 2)), 2),
            ValueError,
            r"weight must be a non-empty 1-D or 2-D",
        ),
        (lambda: tc.phase_sums(np.ones(3), 0), ValueError, r"stride must be positive"),
    ],
    ids=lambda v: v.pattern if hasattr(v, "pattern") else None,
)
def test_helper_errors(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_matrix_memory_bound_names_the_size():
    with pytest.raises(ValueError, match=r"shape \(15876, 16384\) would take 2080899072 bytes"):
        tc.convolution_matrix((128, 128), np.ones((3, 3)))
    with pytest.raises(ValueError, match=r"512 bytes, over max_bytes=500"):
        tc.convolution_matrix((4, 4), np.ones((3, 3)), max_bytes=500)
    assert tc.convolution_matrix((4, 4), np.ones((3, 3)), max_bytes=512).shape == (4, 16)


# --- Every public function: a bad call names the parameter, the value and what is accepted ---

BIG = 2**40
RAGGED = [[1.0, 2.0], [3.0]]
BAD_CALLS = [
    # (function, {parameter: bad value}, exception, parameter named, message pattern)
    (
        "bilinear_kernel",
        {"factor": 0},
        ValueError,
        "factor",
        r"^factor must be a positive int, got 0",
    ),
    ("bilinear_kernel", {"factor": BIG}, ValueError, "factor", rf"factor must be at most .* {BIG}"),
    (
        "bilinear_kernel",
        {"factor": np.array(2.0)},
        TypeError,
        "factor",
        r"an int, got array\(2\.\)",
    ),
    ("box_downsample", {"factor": 0}, ValueError, "factor", r"between 1 and 4, got 0"),
    ("box_downsample", {"image": RAGGED}, ValueError, "image", r"rectangular .* ragged"),
    ("conv1d", {"stride": np.array(2.0)}, TypeError, "stride", r"an int, got array\(2\.\)"),
    ("conv1d", {"padding": BIG}, ValueError, "padding", rf"at most 1073741824 .* got {BIG}"),
    ("conv1d", {"dilation": 2**70}, ValueError, "dilation", rf"at most .* got {2**70}"),
    ("conv2d", {"padding": "full"}, ValueError, "padding", r"'valid' or 'same', got 'full'"),
    (
        "conv2d",
        {"padding": 2**29},
        ValueError,
        "padding",
        r"padded input would have shape .*=536870912",
    ),
    ("conv2d", {"groups": np.array(True)}, TypeError, "groups", r"an int, got array\(True\)"),
    ("conv2d", {"x": RAGGED}, ValueError, "x", r"x must be a rectangular array"),
    ("conv_output_size", {"dilation": 3}, ValueError, "dilation", r"k=3, dilation=3: 7 samples"),
    ("conv_output_size", {"n": BIG}, ValueError, "n", rf"^n must be at most .* got {BIG}"),
    ("conv_transpose1d", {"stride": 2**62}, ValueError, "stride", rf"at most .* got {2**62}"),
    (
        "conv_transpose1d",
        {"output_padding": np.array(1.0)},
        TypeError,
        "output_padding",
        r"an int, got array\(1\.\)",
    ),
    (
        "conv_transpose2d",
        {"padding": "same"},
        TypeError,
        "padding",
        r"got 'same': .*no meaning for a transposed convolution",
    ),
    (
        "conv_transpose2d",
        {"stride": 2**20},
        ValueError,
        "stride",
        r"the output would have shape \(1, 1, 1048578, 1048578\).* stride=\(1048576",
    ),
    (
        "conv_transpose2d_tf",
        {"output_shape": (8,)},
        ValueError,
        "output_shape",
        r"output_shape must be an int or a sequence of 2 ints, got \(8,\)",
    ),
    ("conv_transpose2d_tf", {"stride": 0}, ValueError, "stride", r"stride must be positive, got 0"),
    (
        "conv_transpose2d_tf",
        {"padding": "same"},
        ValueError,
        "padding",
        r"padding must be 'SAME' or 'VALID', got 'same'",
    ),
    (
        "conv_transpose2d_tf",
        {"output_shape": (9, 8)},
        ValueError,
        "output_shape",
        r"output_shape=\(9, 8\) does not fit .* output_size=9 does not map to input_size=4",
    ),
    (
        "conv_transpose2d_weight_grad",
        {"kernel_shape": (0, 3)},
        ValueError,
        "kernel_shape",
        r"kernel_shape must be positive, got \(0, 3\)",
    ),
    (
        "conv_transpose2d_weight_grad",
        {"padding": (0, 1)},
        ValueError,
        "padding",
        r"grad_output must have the output's shape \(5, 3\) .*padding=\(0, 1\)",
    ),
    (
        "conv_transpose_by_subpixel",
        {"stride": 2**14},
        ValueError,
        "stride",
        r"stride=\(16384, 16384\) makes 268435456 phase kernels",
    ),
    ("conv_transpose_by_subpixel", {"padding": "same"}, TypeError, "padding", r"no meaning"),
    (
        "conv_transpose_by_zero_insertion",
        {"dilation": 2**62},
        ValueError,
        "dilation",
        rf"dilation must be at most .* got {2**62}",
    ),
    (
        "conv_transpose_output_size",
        {"output_padding": np.array(1.5)},
        TypeError,
        "output_padding",
        r"output_padding must be an int, got array\(1\.5\)",
    ),
    ("convolution_matrix", {"stride": 2**63}, ValueError, "stride", rf"at most .* got {2**63}"),
    ("convolution_matrix", {"max_bytes": "big"}, TypeError, "max_bytes", r"an int, got 'big'"),
    (
        "convolution_matrix",
        {"input_shape": (2, 2)},
        ValueError,
        "input_shape",
        r"empty output: .* longer than the padded input \(input_shape's size=2, padding=0\)",
    ),
    (
        "convolution_matrix",
        {"padding": 2**20},
        ValueError,
        "padding",
        r"over max_bytes=1048576 \(.*padding=1048576",
    ),
    (
        "equalize_phase_sums",
        {"weight": [1.0]},
        ValueError,
        "stride",
        r"no tap reaches 1 of the 2 output phases \(weight shape \(1,\), stride=2",
    ),
    ("equalize_phase_sums", {"padding": 2**63}, ValueError, "padding", r"at most"),
    ("phase_sums", {"stride": 2**63}, ValueError, "stride", rf"at most .* got {2**63}"),
    ("phase_sums", {"dilation": 2**70}, ValueError, "dilation", rf"at most .* got {2**70}"),
    (
        "phase_sums",
        {"stride": (2**16, 2**16)},
        ValueError,
        "stride",
        r"phase sums .* would have shape \(65536, 65536\).* stride=\(65536, 65536\)",
    ),
    ("fit_transposed_kernel", {"steps": BIG}, ValueError, "steps", rf"at most .*{BIG}"),
    (
        "fit_transposed_kernel",
        {"steps": 2**20},
        ValueError,
        "steps",
        r"at most 100000, got 1048576",
    ),
    ("fit_transposed_kernel", {"steps": -5}, ValueError, "steps", r"positive, got -5"),
    ("fit_transposed_kernel", {"kernel_shape": None}, TypeError, "kernel_shape", r"got None"),
    ("fit_transposed_kernel", {"init": np.ones(3)}, ValueError, "init", r"shape \(2, 2\)"),
    ("flip_kernel", {"groups": np.array(2.0)}, TypeError, "groups", r"an int, got array\(2\.\)"),
    ("flip_kernel", {"weight": RAGGED}, ValueError, "weight", r"weight must be a rectangular"),
    ("image_band_share", {"stride": (2, 0)}, ValueError, "stride", r"positive, got \(2, 0\)"),
    ("image_band_share", {"y": np.ones((2, 2, 2))}, ValueError, "y", r"1-D or 2-D .* \(2, 2, 2\)"),
    ("image_band_share", {"y": [1.0, np.nan]}, ValueError, "y", r"y must hold finite values"),
    ("image_band_share", {"window": "hamming"}, ValueError, "window", r"'hann' or None, got 'ham"),
    ("image_band_share", {"remove_mean": 1}, TypeError, "remove_mean", r"True or False, got 1"),
    (
        "image_centre_share",
        {"stride": 3},
        ValueError,
        "stride",
        r"y shape \(4, 4\) must be a multiple of stride=3 on each axis",
    ),
    ("image_centre_share", {"y": np.ones((0, 4))}, ValueError, "y", r"non-empty .* \(0, 4\)"),
    ("image_zero_orders", {"weight": np.zeros(3)}, ValueError, "weight", r"not be all zeros"),
    ("image_zero_orders", {"stride": (2, 2, 2)}, ValueError, "stride", r"sequence of 2 ints"),
    ("image_zero_orders", {"stride": 2**16}, ValueError, "stride", r"more than the 1073741824"),
    (
        "insert_zeros",
        {"x": np.zeros((0, 3))},
        ValueError,
        "x",
        r"x must have at least one value on each of its 2 spatial axes, got shape \(0, 3\)",
    ),
    (
        "insert_zeros",
        {"stride": 2**20},
        ValueError,
        "stride",
        r"would have shape \(3145729, 3145729\).* stride=1048576",
    ),
    ("interpolate", {"scale_factor": BIG}, ValueError, "scale_factor", r"at most"),
    (
        "interpolation_matrix",
        {"n": 2**20, "scale_factor": 2**10},
        ValueError,
        "scale_factor",
        r"shape \(1073741824, 1048576\).* n=1048576, scale_factor=1024",
    ),
    (
        "interpolation_matrix",
        {"mode": np.array(["bilinear"])},
        ValueError,
        "mode",
        r"mode must be one of .* got array",
    ),
    (
        "kernel_image_gain",
        {"weight": [1.0, -1.0]},
        ValueError,
        "weight",
        r"weight's taps sum to 0, its gain at frequency 0",
    ),
    (
        "kernel_image_gain",
        {"weight": [np.inf]},
        ValueError,
        "weight",
        r"finite values, got \[inf\]",
    ),
    ("kernel_image_gain", {"stride": 1.5}, TypeError, "stride", r"stride must be an int, got 1.5"),
    ("keras_conv_transpose_params", {"stride": 0}, ValueError, "stride", r"positive, got 0"),
    (
        "keras_conv_transpose_params",
        {"padding": np.array([1, 2])},
        ValueError,
        "padding",
        r"padding must be 'same' or 'valid', got array",
    ),
    ("numerical_gradient", {"fn": None}, TypeError, "fn", r"fn must be a callable .* got None"),
    ("numerical_gradient", {"eps": "1e-6"}, TypeError, "eps", r"real number, got '1e-6'"),
    ("numerical_gradient", {"eps": 0.0}, ValueError, "eps", r"positive and finite, got 0.0"),
    (
        "output_padding_for",
        {"input_size": 0},
        ValueError,
        "input_size",
        r"^input_size must be positive, got 0",
    ),
    (
        "output_padding_for",
        {"input_size": 1, "padding": 0},
        ValueError,
        "input_size",
        r"empty output: .*\(input_size=1, padding=0\)",
    ),
    ("overlap_counts", {"input_shape": BIG}, ValueError, "input_shape", rf"at most .*{BIG}"),
    (
        "pad_or_crop",
        {"pad_width": "1"},
        TypeError,
        "pad_width",
        r"pad_width must be a sequence of \(before, after\) pairs of ints, got '1'",
    ),
    (
        "pad_or_crop",
        {"pad_width": [(BIG, 0)]},
        ValueError,
        "pad_width",
        rf"padded x would have shape .*pad_width=\[\({BIG}, 0\)\]",
    ),
    ("pixel_shuffle", {"factor": np.array(2.0)}, TypeError, "factor", r"an int, got array"),
    (
        "pixel_shuffle",
        {"factor": 3},
        ValueError,
        "factor",
        r"x must be \(\.\.\., C \* 9, H, W\) for factor=3, got shape \(4, 2, 2\)",
    ),
    (
        "psnr",
        {"reference": np.ones(3)},
        ValueError,
        "reference",
        r"same shape, got \(4, 4\) and \(3,\)",
    ),
    ("psnr", {"data_range": np.ones(3)}, TypeError, "data_range", r"a real number, got array"),
    ("resize_convolution", {"factor": 0}, ValueError, "factor", r"^factor must be a positive int"),
    ("resize_convolution", {"mode": "area"}, ValueError, "mode", r"mode must be one of"),
    (
        "scatter_stamps",
        {"x": np.ones((2, 2, 2))},
        ValueError,
        "x",
        r"x and weight must both be 1-D or both 2-D",
    ),
    ("scatter_stamps", {"dilation": 2**62}, ValueError, "dilation", r"at most"),
    (
        "subpixel_kernels",
        {"stride": 2**11},
        ValueError,
        "stride",
        r"stride=2048 makes 4194304 phase kernels, more than the 1048576",
    ),
    ("subpixel_kernels", {"weight": np.ones((3, 3, 3))}, ValueError, "weight", r"got shape"),
    ("tf_conv_transpose_padding", {"stride": 0}, ValueError, "stride", r"positive, got 0"),
    (
        "tf_conv_transpose_padding",
        {"output_size": 9},
        ValueError,
        "output_size",
        r"output_size=9 does not map to input_size=4 .* maps output_size to input_size 5",
    ),
    (
        "tf_conv_transpose_padding",
        {"padding": np.array(["SAME"])},
        ValueError,
        "padding",
        r"padding must be 'SAME' or 'VALID', got array",
    ),
    (
        "transpose_padding",
        {"kernel_size": (3, 0)},
        ValueError,
        "kernel_size",
        r"positive, got \(3, 0\)",
    ),
    ("transpose_padding", {"dilation": BIG}, ValueError, "dilation", rf"at most .* {BIG}"),
    ("zero_insertion_waste", {"kernel_size": BIG}, ValueError, "kernel_size", r"at most"),
    (
        "zero_insertion_waste",
        {"input_shape": (2, 2, 2)},
        ValueError,
        "input_shape",
        r"input_shape must have 1 or 2 entries, got \(2, 2, 2\)",
    ),
]


def _bad_id(row) -> str:
    name, override = row[0], row[1]
    return f"{name}-" + ",".join(f"{k}={v!r}"[:40] for k, v in override.items())


@pytest.mark.parametrize(
    ("name", "override", "error", "parameter", "match"), BAD_CALLS, ids=map(_bad_id, BAD_CALLS)
)
def test_every_function_names_parameter_and_value(name, override, error, parameter, match):
    from junk import CALLS

    kwargs = CALLS[name] | override
    with pytest.raises(error, match=match) as caught:
        getattr(tc, name)(**kwargs)
    assert parameter in str(caught.value)


def test_every_public_function_has_a_bad_call():
    assert {row[0] for row in BAD_CALLS} == set(tc.__all__)


def _int_parameters():
    from junk import CALLS

    for name, kwargs in CALLS.items():
        for parameter, value in kwargs.items():
            if (isinstance(value, int) and not isinstance(value, bool)) or (
                isinstance(value, tuple) and all(isinstance(v, int) for v in value)
            ):
                yield name, parameter, value


INT_PARAMETERS = list(_int_parameters())


@pytest.mark.parametrize(
    ("name", "parameter", "value"),
    INT_PARAMETERS,
    ids=[f"{n}-{p}" for n, p, _ in INT_PARAMETERS],
)
def test_zero_d_integer_arrays_are_the_ints_they_hold(name, parameter, value):
    from junk import CALLS

    fn = getattr(tc, name)
    expected = fn(**CALLS[name])
    as_array = np.array(value) if isinstance(value, int) else tuple(map(np.array, value))
    got = fn(**CALLS[name] | {parameter: as_array})
    np.testing.assert_equal(got, expected)
    if isinstance(value, int):
        with pytest.raises(TypeError, match=rf"{parameter} must be an int, got array\("):
            fn(**CALLS[name] | {parameter: np.array(float(value))})
