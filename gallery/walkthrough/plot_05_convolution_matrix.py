r"""
The convolution matrix
======================

The convolution is a linear map, so it has a matrix. Each row of the convolution matrix C is
the kernel laid on a zero image at one window position, flattened.
"""

# %%
# The matrix
# ----------
#
# For a 4x4 input and a 3x3 kernel there are 4 window positions and 16 input values, so C is
# 4x16. Each row holds the nine weights, with a zero wherever the window does not reach. The
# rows are one pattern, shifted: row 1 is row 0 shifted by one column (the window one step
# right), row 2 is row 0 shifted by four (one input row: the window one step down), and row 3
# is row 2 shifted by one.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

inputs = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
C = tc.convolution_matrix(inputs.shape, kernel)
print(C)
fig, (ax,) = show_panels(
    [Panel(C, "C", "matrix")],
    title="The convolution matrix C: row 0 holds the kernel's three rows, four columns apart",
)
for start in (0, 4, 8):
    highlight(ax, 0, (start, start + 3))
plt.show()

# %%
# Multiplying
# -----------
#
# Flatten the input, row by row, into a column vector x of 16 values. Multiplying C by x
# (``C @ x``: ``@`` is Python's matrix product) computes all four windows at once: 4x16 times
# 16x1 gives y, 4x1.
x = inputs.reshape(16, 1)
y = C @ x
print(y.ravel())
show_panels(
    [
        Panel(C, "C", "matrix"),
        Panel(x, "x", "input"),
        Panel(y, "y", "output"),
    ],
    title="C (4x16) times the flattened input (16x1) gives the four outputs (4x1)",
    operators=["@", "="],
    width=6.2,
    equal_cells=True,
)
plt.show()

# %%
# The same output
# ---------------
#
# Reshaped to 2x2, it is the convolution's output, value for value.
print(y.reshape(2, 2))
print(np.array_equal(y.reshape(2, 2), tc.conv2d(inputs, kernel)))

# %%
# In PyTorch
# ----------
#
# The convolution that C computes, in PyTorch:
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    # the weight's axes: (C_out, C_in / groups, kH, kW)
    print(weight.shape)  # torch.Size([1, 1, 3, 3])
    y_torch = F.conv2d(
        torch.tensor(inputs, dtype=torch.float64)[None, None], weight
    )[0, 0]
    print(np.allclose(y_torch, y.reshape(2, 2)))  # True
# sphinx_gallery_thumbnail_number = 2
