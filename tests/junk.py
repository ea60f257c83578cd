"""A valid call of every public function, and the junk the junk test puts in its place.

``CALLS`` maps each public name of :mod:`transposed_conv` to the arguments of
one small valid call; tests/test_junk.py replaces one or two of them with a
value from ``JUNK`` or a random integer and asks for a result, a ``ValueError``
or a ``TypeError``: never a raw ``OverflowError``, ``IndexError`` or a hang.
"""

from __future__ import annotations

from typing import Any

import numpy as np

X2 = np.arange(16.0).reshape(4, 4)
K3 = np.arange(9.0).reshape(3, 3)


def _square(v: Any) -> float:
    return float(np.sum(np.asarray(v) ** 2))


CALLS: dict[str, dict[str, Any]] = {
    "bilinear_kernel": {"factor": 2},
    "box_downsample": {"image": X2, "factor": 2},
    "conv1d": {
        "x": np.arange(5.0),
        "weight": np.ones(3),
        "stride": 1,
        "padding": 0,
        "dilation": 1,
        "groups": 1,
    },
    "conv2d": {"x": X2, "weight": K3, "stride": 1, "padding": 0, "dilation": 1, "groups": 1},
    "conv_output_size": {"n": 5, "k": 3, "stride": 1, "padding": 0, "dilation": 1},
    "conv_transpose1d": {
        "x": np.arange(3.0),
        "weight": np.ones(3),
        "stride": 2,
        "padding": 0,
        "output_padding": 0,
        "dilation": 1,
        "groups": 1,
    },
    "conv_transpose2d": {
        "x": X2[:2, :2],
        "weight": K3,
        "stride": 2,
        "padding": 1,
        "output_padding": 1,
        "dilation": 1,
        "groups": 1,
    },
    "conv_transpose2d_tf": {
        "x": X2,
        "weight": K3,
        "output_shape": (8, 8),
        "stride": 2,
        "padding": "SAME",
    },
    "conv_transpose2d_weight_grad": {
        "x": X2[:2, :2],
        "grad_output": np.ones((5, 5)),
        "kernel_shape": (3, 3),
        "stride": 2,
        "padding": 0,
        "output_padding": 0,
    },
    "conv_transpose_by_subpixel": {
        "x": X2[:2, :2],
        "weight": K3,
        "stride": 2,
        "padding": 1,
        "output_padding": 1,
        "groups": 1,
    },
    "conv_transpose_by_zero_insertion": {
        "x": X2[:2, :2],
        "weight": K3,
        "stride": 2,
        "padding": 1,
        "output_padding": 1,
        "dilation": 1,
        "groups": 1,
    },
    "conv_transpose_output_size": {
        "n": 3,
        "k": 3,
        "stride": 2,
        "padding": 1,
        "output_padding": 1,
        "dilation": 1,
    },
    "convolution_matrix": {
        "input_shape": (4, 4),
        "weight": K3,
        "stride": 1,
        "padding": 0,
        "dilation": 1,
        "max_bytes": 2**20,
    },
    "equalize_phase_sums": {
        "weight": [1.0, 2.0, 3.0, 4.0],
        "stride": 2,
        "padding": 0,
        "dilation": 1,
    },
    "fit_transposed_kernel": {
        "x": X2[:2, :2] + 1,
        "target": np.ones((4, 4)),
        "kernel_shape": (2, 2),
        "stride": 2,
        "padding": 0,
        "steps": 3,
        "init": None,
    },
    "flip_kernel": {"weight": K3, "groups": 1},
    "image_band_share": {"y": X2, "stride": 2, "window": "hann", "remove_mean": True},
    "image_centre_share": {"y": X2, "stride": 2},
    "image_zero_orders": {"weight": K3, "stride": 2},
    "insert_zeros": {"x": X2, "stride": 2, "spatial_dims": None},
    "interpolate": {"x": X2, "scale_factor": 2, "mode": "bilinear"},
    "interpolation_matrix": {"n": 4, "scale_factor": 2, "mode": "bicubic"},
    "kernel_image_gain": {"weight": K3, "stride": 2},
    "keras_conv_transpose_params": {
        "k": 3,
        "stride": 2,
        "padding": "same",
        "output_padding": None,
        "input_size": 4,
    },
    "numerical_gradient": {"fn": _square, "x": np.ones(3), "eps": 1e-6},
    "output_padding_for": {"input_size": 6, "k": 3, "stride": 2, "padding": 1, "dilation": 1},
    "overlap_counts": {
        "input_shape": (3, 3),
        "kernel_size": 3,
        "stride": 2,
        "padding": 0,
        "output_padding": 0,
        "dilation": 1,
    },
    "pad_or_crop": {"x": X2, "pad_width": [(1, 0), (0, -1)]},
    "phase_sums": {"weight": K3, "stride": 2, "padding": 0, "dilation": 1},
    "pixel_shuffle": {"x": np.ones((4, 2, 2)), "factor": 2},
    "psnr": {"estimate": X2, "reference": X2 + 1, "data_range": 16.0},
    "resize_convolution": {"x": X2, "weight": K3, "factor": 2, "mode": "nearest"},
    "scatter_stamps": {"x": X2[:2, :2], "weight": K3, "stride": 2, "dilation": 1},
    "subpixel_kernels": {"weight": K3, "stride": 2},
    "tf_conv_transpose_padding": {
        "output_size": 8,
        "input_size": 4,
        "k": 3,
        "stride": 2,
        "padding": "SAME",
    },
    "transpose_padding": {"kernel_size": 3, "padding": 1, "output_padding": 1, "dilation": 1},
    "zero_insertion_waste": {
        "input_shape": (2, 2),
        "kernel_size": 3,
        "stride": 2,
        "padding": 0,
        "output_padding": 0,
        "dilation": 1,
    },
}

HUGE = [2**31, 2**40, 2**62, 2**63, 2**64, 10**30, -(2**63), -(2**70)]

FACTORS = [2**20, 2**29, 2**30]
"""Sizes a parameter may legitimately take, up to the 2**30 bound: a call with one
must be refused, before allocating, or be quick."""

VIEWS = [
    np.broadcast_to(1.0, (2**16, 2**16)),
    np.broadcast_to(np.int64(3), (2**32,)),
    np.broadcast_to(np.float32(1.0), (4, 2**15, 2**15)),
    np.broadcast_to(1.0, (1, 1, 2**16, 2**16)),
    np.broadcast_to(np.arange(4.0), (2**30, 4)),
]
"""Broadcast views of 2**32 elements: eight bytes or a few of memory, 32 GiB if copied."""

JUNK: list[Any] = [
    None,
    "",
    "same",
    "2",
    1.5,
    2.0,
    float("nan"),
    float("inf"),
    -1,
    0,
    True,
    1j,
    *HUGE,
    *FACTORS,
    *VIEWS,
    np.int8(-3),
    np.uint64(2**64 - 1),
    np.float32(2.0),
    np.array(2),
    np.array(2.0),
    np.array(True),
    np.array(2**40),
    np.array([1, 2]),
    np.array([[1, 2]]),
    [],
    (),
    (1,),
    (2, 2),
    (2, 2, 2),
    (0, 1),
    (-1, 1),
    (2**63, 1),
    (1.5, 1),
    [[1, 2], [3]],
    [(1, 2), (3,)],
    np.zeros((0, 3)),
    np.zeros((3, 0)),
    np.zeros(0),
    np.ones(5),
    np.ones((1, 1, 1, 1, 1)),
    np.ones((2, 3, 4, 4)),
    np.full((3, 3), np.nan),
    np.full((3, 3), np.inf),
    np.full((2, 2), 2**62, dtype=np.int64),
    np.full((2, 2), 2**64 - 1, dtype=np.uint64),
    np.ones((3, 3), dtype=np.float16),
    np.ones((3, 3), dtype=bool),
    np.ones((3, 3), dtype=complex),
    np.array(["a", "b"]),
    np.array([None, 1], dtype=object),
    {"a": 1},
    object(),
    len,
]
