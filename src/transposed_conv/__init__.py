"""Transposed convolution, explained: the math behind the site, in NumPy."""

from ._arithmetic import conv_output_size, conv_transpose_output_size, output_padding_for
from ._conv import conv1d, conv2d
from ._conventions import (
    conv_transpose2d_tf,
    keras_conv_transpose_params,
    tf_conv_transpose_padding,
)
from ._gradient import numerical_gradient
from ._imaging import image_band_share, image_centre_share, image_zero_orders, kernel_image_gain
from ._interpolate import bilinear_kernel, interpolate, interpolation_matrix
from ._matrix import convolution_matrix
from ._overlap import equalize_phase_sums, overlap_counts, phase_sums, zero_insertion_waste
from ._practice import (
    box_downsample,
    conv_transpose2d_weight_grad,
    fit_transposed_kernel,
    psnr,
    resize_convolution,
)
from ._subpixel import conv_transpose_by_subpixel, pixel_shuffle, subpixel_kernels
from ._transpose import (
    conv_transpose1d,
    conv_transpose2d,
    conv_transpose_by_zero_insertion,
    flip_kernel,
    insert_zeros,
    pad_or_crop,
    scatter_stamps,
    transpose_padding,
)

__all__ = [
    "bilinear_kernel",
    "box_downsample",
    "conv1d",
    "conv2d",
    "conv_output_size",
    "conv_transpose1d",
    "conv_transpose2d",
    "conv_transpose2d_tf",
    "conv_transpose2d_weight_grad",
    "conv_transpose_by_subpixel",
    "conv_transpose_by_zero_insertion",
    "conv_transpose_output_size",
    "convolution_matrix",
    "equalize_phase_sums",
    "fit_transposed_kernel",
    "flip_kernel",
    "image_band_share",
    "image_centre_share",
    "image_zero_orders",
    "insert_zeros",
    "interpolate",
    "interpolation_matrix",
    "keras_conv_transpose_params",
    "kernel_image_gain",
    "numerical_gradient",
    "output_padding_for",
    "overlap_counts",
    "pad_or_crop",
    "phase_sums",
    "pixel_shuffle",
    "psnr",
    "resize_convolution",
    "scatter_stamps",
    "subpixel_kernels",
    "tf_conv_transpose_padding",
    "transpose_padding",
    "zero_insertion_waste",
]
__version__ = "0.3.0"
