r"""
Convolution
===========

A convolution slides the kernel over the input. At each position it multiplies the nine
overlapping values by the nine weights and adds the products up into one output value.
"""

# %%
# The output's size
# -----------------
#
# Sliding a 3x3 kernel over a 4x4 input with stride 1 and no padding fits
# :math:`\lfloor (4 + 2 \cdot 0 - 3) / 1 \rfloor + 1 = 2` positions per axis: the output is 2x2.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    animate_sliding,
    highlight,
    show_panels,
)

inputs = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])

size = tc.conv_output_size(4, 3, stride=1, padding=0)
output = tc.conv2d(inputs, kernel)
print(f"output size per axis: {size}")
print(output)

# %%
# The first window
# ----------------
#
# The first output value comes from the top-left 3x3 window of the input (∗ in the figures
# is the convolution as deep-learning frameworks compute it: slide, multiply, sum; unlike the
# textbook convolution of signal processing it does not rotate the kernel first, which is why
# PyTorch's documentation calls it a cross-correlation). Row by row, window times kernel gives
# :math:`6 \cdot 2 + 3 \cdot 3 + 2 \cdot 2 = 25`, :math:`2 \cdot 1 + 5 \cdot 4 + 2 \cdot 2 = 26`
# and :math:`7 \cdot 3 + 5 \cdot 4 + 2 \cdot 1 = 43`; together :math:`25 + 26 + 43 = 94`.
window = inputs[0:3, 0:3]
print(window, (window * kernel).sum())
fig, axes = show_panels(
    [
        Panel(inputs, "Input", "input"),
        Panel(kernel, "Kernel", "kernel"),
        Panel(output, "Output", "output"),
    ],
    title="Output[0, 0] = 94 is the sum of input[0:3, 0:3] times the kernel",
    operators=["∗", "="],
)
highlight(axes[0], (0, 3), (0, 3))
highlight(axes[2], 0, 0)
plt.show()

# %%
# All four windows
# ----------------
#
# Step through all four windows: the products of each window with the kernel, and their sum.
title = "The 3x3 kernel slides over the 4x4 input: four windows, four sums"
anim = animate_sliding(inputs, kernel, title=title)
plt.show()

# %%
# Connectivity
# ------------
#
# As the animation shows, each output value is connected to exactly nine inputs, always in the
# same pattern. This positional connectivity is what the transposed convolution will run
# backwards.

# %%
# In PyTorch
# ----------
#
# PyTorch computes the same 2x2 output with ``torch.nn.functional.conv2d``. Its arrays carry a
# batch and a channel axis, ``(N, C, H, W)``, and a convolution's weight has the shape
# ``(C_out, C_in / groups, kH, kW)`` (``groups`` splits the channels into independent sets;
# with one channel it is 1):
# (This cell runs where PyTorch is installed; the site is built without it.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # torch.Size([1, 1, 3, 3])
    y_torch = F.conv2d(
        torch.tensor(inputs, dtype=torch.float64)[None, None], weight
    )[0, 0]
    print(np.allclose(y_torch, output))  # True
