r"""
The transposed convolution matrix
=================================

Transpose C and the map runs backward: the 16x4 matrix C.T takes 4 values to 16. That is the
transposed convolution, and the reason for its name.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Multiplying by C.T
# ------------------
#
# Each column of C.T is a row of C: the kernel, flattened onto the 4x4 grid at one window
# position. Multiplying by a 4-vector adds those columns, each scaled by one value.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
C = tc.convolution_matrix((4, 4), kernel)
x2 = np.array([1, 3, 2, 3]).reshape(4, 1)
out = C.T @ x2
print(out.ravel())
panels = [Panel(C.T, "C.T", "matrix"), Panel(x2, "x2", "input")]
show_panels(
    [*panels, Panel(out, "C.T @ x2", "output")],
    title="C.T (16x4) times x2 (4x1) gives 16 values (16x1)",
    operators=["@", "="],
    width=4.5,
)
plt.show()

# %%
# Back on the grid
# ----------------
#
# Reshaped to 4x4, the first input value's nine connections are the top-left 3x3 block: the
# same positions that made output[0, 0] in the convolution.
out4 = out.reshape(4, 4)
print(out4)
fig, axes = show_panels(
    [
        Panel(x2.reshape(2, 2), "x2 as 2x2"),
        Panel(out4, "C.T @ x2 as 4x4", "output"),
    ],
    title="x2[0, 0] reaches the boxed 3x3 block; the sums there add other stamps too",
    operators=["→"],
    width=5,
)
highlight(axes[0], 0, 0)
highlight(axes[1], (0, 3), (0, 3))
plt.show()

# %%
# Scatter-add
# -----------
#
# The same result without any matrix: each input value stamps a copy of the kernel, scaled by
# that value, at its own position, and the four stamps add up (the "scatter-add" view).
stamps = tc.scatter_stamps(x2.reshape(2, 2), kernel)  # a 4x4 stamp per value
total = stamps.sum(axis=0)
# the cells each stamp reaches: a stamp of ones through a kernel of ones
reached = tc.scatter_stamps(np.ones((2, 2)), np.ones_like(kernel)) > 0
cells = zip(stamps, np.ndindex(2, 2), x2.ravel(), reached, strict=True)
panels = [
    Panel(st, f"Input [{m}, {n}] = {v}: {v} x kernel", "kernel", blank=~hit)
    for st, (m, n), v, hit in cells
]
title = "Four scaled kernel stamps (blank where a stamp does not reach) add up to the transposed convolution"
show_panels(
    [*panels, Panel(total, "Sum of the four", "output")], title=title, ncols=3
)
plt.show()
direct = tc.conv_transpose2d(x2.reshape(2, 2), kernel)
print(np.array_equal(total, out4), np.array_equal(total, direct))

# %%
# In PyTorch
# ----------
#
# The transposed convolution that C.T computes, in PyTorch, whose weight has the axes
# ``(C_in, C_out / groups, kH, kW)`` (this cell runs where PyTorch is installed; the site is
# built without it):
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # torch.Size([1, 1, 3, 3])
    x2_t = torch.tensor(x2, dtype=torch.float64).reshape(1, 1, 2, 2)
    y_torch = F.conv_transpose2d(x2_t, weight)[0, 0]
    print(np.allclose(y_torch, out4))  # True
# sphinx_gallery_thumbnail_number = 2
