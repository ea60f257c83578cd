"""The walk-through's numbers (shared/seed/VALUES.md), reproduced exactly."""

import numpy as np

import transposed_conv as tc
from transposed_conv import reference

C_EXPECTED = np.array(
    [
        [2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0, 0],
        [0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0],
        [0, 0, 0, 0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0],
        [0, 0, 0, 0, 0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1],
    ]
)
X2 = np.array([1, 3, 2, 3])
CT_X2 = np.array([2, 9, 11, 6, 5, 19, 27, 12, 5, 24, 29, 9, 6, 17, 14, 3])


def test_convolution_output(inputs, kernel):
    out = tc.conv2d(inputs, kernel)
    np.testing.assert_array_equal(out, [[94, 74], [82, 75]])
    assert out.dtype == np.int64
    assert out[0, 0] == (inputs[0:3, 0:3] * kernel).sum() == 94
    np.testing.assert_array_equal(inputs[0:3, 0:3], [[6, 3, 2], [2, 5, 2], [7, 5, 2]])


def test_reference_loops_agree(inputs, kernel):
    np.testing.assert_array_equal(reference.convolve(inputs, kernel), [[94, 74], [82, 75]])
    np.testing.assert_array_equal(reference.convolution_matrix((4, 4), kernel), C_EXPECTED)
    np.testing.assert_array_equal(
        reference.conv_transpose(X2.reshape(2, 2), kernel), CT_X2.reshape(4, 4)
    )


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
    np.testing.assert_array_equal(c.T @ X2, CT_X2)
    np.testing.assert_array_equal(
        tc.conv_transpose2d(X2.reshape(2, 2), kernel), CT_X2.reshape(4, 4)
    )


def test_zero_padded_equivalence_needs_the_flip(kernel):
    x2 = X2.reshape(2, 2)
    padded = tc.pad_or_crop(x2, tc.transpose_padding(kernel.shape))
    assert padded.shape == (6, 6)
    flipped = tc.flip_kernel(kernel)
    np.testing.assert_array_equal(flipped, [[1, 4, 3], [2, 4, 1], [2, 3, 2]])
    np.testing.assert_array_equal(flipped, np.rot90(kernel, 2))
    np.testing.assert_array_equal(tc.conv2d(padded, flipped), CT_X2.reshape(4, 4))
    np.testing.assert_array_equal(
        tc.conv_transpose_by_zero_insertion(x2, kernel), CT_X2.reshape(4, 4)
    )


def test_unflipped_or_half_flipped_kernel_is_wrong(kernel):
    padded = tc.pad_or_crop(X2.reshape(2, 2), [(2, 2), (2, 2)])
    unflipped = tc.conv2d(padded, kernel)
    np.testing.assert_array_equal(
        unflipped, [[1, 7, 15, 9], [4, 21, 31, 12], [6, 23, 25, 9], [4, 12, 13, 6]]
    )
    assert not np.array_equal(unflipped, CT_X2.reshape(4, 4))
    for axis in (0, 1):
        one_axis = tc.conv2d(padded, np.flip(kernel, axis=axis))
        assert not np.array_equal(one_axis, CT_X2.reshape(4, 4))


def test_output_size_formula():
    assert tc.conv_output_size(4, 3, stride=1, padding=0) == 2
    assert tc.conv_transpose_output_size(2, 3) == 4
