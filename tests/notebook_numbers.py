"""The walk-through's numbers: the one place in tests/ that holds them.

They are those of the notebook the walk-through follows, Naoki Shibuya's "Up-sampling with
Transposed Convolution" (``python/transposed_convolution.ipynb`` in naokishibuya/deep-learning;
docs/references.md): its 4x4 input and 3x3 kernel, and every array the notebook prints from them,
with the corrections docs/references.md lists (a 16x1 column vector, the 180-degree rotation
of the kernel in the zero-padded equivalence). tests/test_seed_values.py derives each of them
from INPUTS and KERNEL with the package and with its reference loops; the gallery tests compare
the walk-through pages' results with them.
"""

import numpy as np

INPUTS = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
KERNEL = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])

WINDOW = np.array([[6, 3, 2], [2, 5, 2], [7, 5, 2]])  # INPUTS[0:3, 0:3], the first window
CONV = np.array([[94, 74], [82, 75]])  # the convolution, stride 1, no padding
C = np.array(  # the convolution matrix: C @ INPUTS.reshape(16, 1) == CONV.reshape(4, 1)
    [
        [2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0, 0],
        [0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0],
        [0, 0, 0, 0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0],
        [0, 0, 0, 0, 0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1],
    ]
)
X2 = np.array([[1, 3], [2, 3]])  # the 2x2 input of the transposed convolution
CT_X2 = np.array(  # C.T @ X2.reshape(4, 1), as 4x4: the transposed convolution of X2
    [[2, 9, 11, 6], [5, 19, 27, 12], [5, 24, 29, 9], [6, 17, 14, 3]]
)
FLIPPED = np.array([[1, 4, 3], [2, 4, 1], [2, 3, 2]])  # KERNEL rotated 180 degrees
UNFLIPPED = np.array(  # X2 padded by 2, convolved with KERNEL not rotated: not CT_X2
    [[1, 7, 15, 9], [4, 21, 31, 12], [6, 23, 25, 9], [4, 12, 13, 6]]
)
