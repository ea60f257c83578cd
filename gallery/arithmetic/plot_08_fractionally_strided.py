r"""
Fractionally strided: the matrix view
=====================================

Draw the convolution matrix of a stride-2 convolution and its transpose, and the name
"fractionally strided convolution" explains itself.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=2,2&p=0,0&a=0,0&d=1,1&x=1,2,3,4&w=1,2,3,4,5,6,7,8,9>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# The matrix C
# ------------
#
# Input 5x5, kernel 3x3, stride 2: four window positions, so C is 4x25. Each row is the
# kernel laid on the 5x5 grid and flattened. The window moves two input columns (one stride)
# from row 0 to row 1, so row 1 is row 0 shifted two places; row 2 starts the next row of
# windows, two input rows down, so it is row 0 shifted ten places.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_panels

kernel = np.array([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
C = tc.convolution_matrix((5, 5), kernel, stride=2)
show_panels(
    [Panel(C, "C", "matrix")],
    title="The stride-2 convolution matrix C (4x25): row 1 is row 0 shifted two "
    "places, row 2 (the next row of windows) is row 0 shifted ten",
)
plt.show()

# %%
# Reading C.T by rows
# -------------------
#
# C.T is 25x4. Read it by rows: each *output* pixel of the transposed convolution combines
# at most four inputs, with the kernel's weights in its row. Only the centre pixel is reached
# by all four inputs; 8 pixels are reached by two and the other 16 by one. Neighbouring
# output pixels use different kernel taps: as the output walks one step, the window over the
# input walks half a step. That is a stride of 1/2.
taps = (C.T != 0).sum(axis=1).reshape(5, 5)
show_panels(
    [
        Panel(C.T[:5], "C.T, rows 0-4", "matrix"),
        Panel(taps, "Taps", "neutral"),
    ],
    title="The first five rows of C.T (output row 0), and how many kernel taps reach each "
    "output pixel: 1, 2 or 4",
)
plt.show()

# %%
# Three ways, one result
# ----------------------
#
# Three routes give the same 5x5 result: multiplication by C.T, the transposed convolution
# (the stamps), and the stride-1 convolution of the rotated kernel over the zero-inserted
# input, a kernel that moves one cell at a time over a stretched input.
x2 = np.array([1, 2, 3, 4])
back = (C.T @ x2).reshape(5, 5)
x2_square = x2.reshape(2, 2)
stamps = tc.conv_transpose2d(x2_square, kernel, stride=2)
inserted = tc.conv_transpose_by_zero_insertion(x2_square, kernel, stride=2)
print(back)
print(np.array_equal(back, stamps), np.array_equal(back, inserted))

# %%
# In PyTorch
# ----------
#
# PyTorch computes the multiplication by C.T without building C. (This cell runs where
# PyTorch is installed; the site is built without it.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # (C_in, C_out / groups, kH, kW): [1, 1, 3, 3]
    x2_t = torch.tensor(x2_square, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x2_t, weight, stride=2)[0, 0]
    print(np.allclose(y_torch, back))  # True
# sphinx_gallery_thumbnail_number = 2
