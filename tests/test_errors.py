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
        (lambda: tc.interpolate(np.ones((0, 2)), 2), ValueError, r"non-empty array"),
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
