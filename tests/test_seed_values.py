"""The walk-through's numbers (tests/notebook_numbers.py, from the notebook), reproduced exactly."""

import numpy as np
from notebook_numbers import CONV, CT_X2, FLIPPED, UNFLIPPED, WINDOW, X2
from notebook_numbers import C as C_EXPECTED

import transposed_conv as tc
from transposed_conv import reference


def test_convolution_output(inputs, kernel):
    out = tc.conv2d(inputs, kernel)
    np.testing.assert_array_equal(out, CONV)
    assert out.dtype == np.int64
    assert out[0, 0] == (inputs[0:3, 0:3] * kernel).sum() == 94
    np.testing.assert_array_equal(inputs[0:3, 0:3], WINDOW)


def test_reference_loops_agree(inputs, kernel):
    np.testing.assert_array_equal(reference.convolve(inputs, kernel), CONV)
    np.testing.assert_array_equal(reference.convolution_matrix((4, 4), kernel), C_EXPECTED)
    np.testing.assert_array_equal(reference.conv_transpose(X2, kernel), CT_X2)


def test_convolution_matrix(inputs, kernel):
    c = tc.convolution_matrix((4, 4), kernel)
    assert c.shape == (4, 16)
    np.testing.assert_array_equal(c, C_EXPECTED)
    x = inputs.reshape(16, 1)  # the column vector: 16 rows, not the dump's 17
    assert x.shape == (16, 1)
    np.testing.assert_array_equal((c @ x).ravel(), [94, 74, 82, 75])
    np.testing.assert_array_equal((c @ x).reshape(2, 2), tc.conv2d(inputs, kernel))


def test_transposed_matrix(kernel):
    c = tc.convolution_matrix((4, 4), kernel)
    assert c.T.shape == (16, 4)
    np.testing.assert_array_equal(c.T @ X2.ravel(), CT_X2.ravel())
    np.testing.assert_array_equal(tc.conv_transpose2d(X2, kernel), CT_X2)


def test_zero_padded_equivalence_needs_the_flip(kernel):
    x2 = X2
    padded = tc.pad_or_crop(x2, tc.transpose_padding(kernel.shape))
    assert padded.shape == (6, 6)
    flipped = tc.flip_kernel(kernel)
    np.testing.assert_array_equal(flipped, FLIPPED)
    np.testing.assert_array_equal(flipped, np.rot90(kernel, 2))
    np.testing.assert_array_equal(tc.conv2d(padded, flipped), CT_X2)
    np.testing.assert_array_equal(tc.conv_transpose_by_zero_insertion(x2, kernel), CT_X2)


def test_unflipped_or_half_flipped_kernel_is_wrong(kernel):
    padded = tc.pad_or_crop(X2, [(2, 2), (2, 2)])
    unflipped = tc.conv2d(padded, kernel)
    np.testing.assert_array_equal(unflipped, UNFLIPPED)
    assert not np.array_equal(unflipped, CT_X2)
    for axis in (0, 1):
        one_axis = tc.conv2d(padded, np.flip(kernel, axis=axis))
        assert not np.array_equal(one_axis, CT_X2)


def test_output_size_formula():
    assert tc.conv_output_size(4, 3, stride=1, padding=0) == 2
    assert tc.conv_transpose_output_size(2, 3) == 4
