r"""
No padding, unit strides
========================

The simplest case: a kernel slides over the input one step at a time, never past its edge.
Its transpose is the walk-through's case: every input value stamps the whole kernel.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=51,59,83,91&w=1,0,2,0,1,0,3,0,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# The convolution
# ---------------
#
# Input 4, kernel 3, stride 1, padding 0 gives :math:`o = 4 - 3 + 1 = 2`.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

from transposed_conv.plotting import (
    animate_scatter,
    show_convolution,
    show_zero_insertion,
)

x = np.arange(1, 17).reshape(4, 4)
# no symmetry: its rotation shows
kernel = np.array([[1, 0, 2], [0, 1, 0], [3, 0, 1]])
fig, axes, y = show_convolution(
    x, kernel, title="Input 4, kernel 3, stride 1, no padding: output 2"
)
plt.show()

# %%
# The transposed convolution
# --------------------------
#
# The transposed convolution with the same kernel takes the convolution's 2x2 output back to
# 4x4. In Dumoulin & Visin's notation its input has size :math:`i' = 2` and its output
# :math:`o' = (i' - 1) + k = (2 - 1) + 3 = 4`. Each of its four values stamps the kernel; where
# the stamps overlap, they add. (It gives back the shape, not the input's values.)
x2 = y
title = "Transposed, stride 1: each value stamps the kernel"
anim = animate_scatter(x2, kernel, title=title, input_name="x2")
plt.show()

# %%
# The same result as a direct convolution
# ---------------------------------------
#
# Pad the 2x2 input with :math:`k - 1 = 2` zeros on every side (full padding) and slide the
# kernel rotated 180 degrees.
title = "The transposed convolution as a convolution over a 6x6 padded input"
fig, axes, direct = show_zero_insertion(x2, kernel, title=title)
print(direct)
plt.show()

# %%
# In PyTorch
# ----------
#
# The same two calls with ``torch.nn.functional``, on the page's ``x``, ``kernel`` and ``x2``.
# A convolution's weight has the shape ``(C_out, C_in / groups, kH, kW)``, a transposed
# convolution's ``(C_in, C_out / groups, kH, kW)``; with one channel both are ``(1, 1, 3, 3)``.
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # torch.Size([1, 1, 3, 3])
    y_torch = F.conv2d(
        torch.tensor(x, dtype=torch.float64)[None, None], weight
    )[0, 0]
    print(np.allclose(y_torch, y))  # True

    y_torch = F.conv_transpose2d(
        torch.tensor(x2, dtype=torch.float64)[None, None], weight
    )[0, 0]
    print(np.allclose(y_torch, direct))  # True
