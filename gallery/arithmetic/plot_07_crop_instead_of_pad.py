r"""
When the equivalent convolution must crop
=========================================

The equivalent direct convolution pads the zero-inserted input by :math:`d(k - 1) - p`. When
the transposed convolution's padding p is larger than :math:`d(k - 1)`, that is negative: the
input must be cropped instead.
"""

# %%
# Padding beyond the kernel's reach
# ---------------------------------
#
# Input 6, kernel 2, stride 2 and padding 2, more than the kernel's reach
# :math:`d(k - 1) = 1` (the distance from its first tap to its last):
# :math:`o = \lfloor (6 + 4 - 2) / 2 \rfloor + 1 = 5`. Rows and columns of pure padding end up
# in the output.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    animate_scatter,
    show_convolution,
    show_zero_insertion,
)

x = np.add.outer(np.arange(6), np.arange(6)) % 3  # small values: short numbers
kernel = np.array([[1, 2], [3, 4]])
title = (
    "Input 6, kernel 2, stride 2, padding 2: output 5, its border all padding"
)
fig, axes, y = show_convolution(x, kernel, stride=2, padding=2, title=title)
print(y)
plt.show()

# %%
# Its transpose
# -------------
#
# The transposed convolution takes the 5x5 output back to 6x6. The stamps cover 10x10 before
# the crop; padding 2 removes two rows and columns on each side, as much as a whole stamp, so
# the outer ring of input values (the ones that came from pure padding) never reaches the
# 6x6 result.
x2 = y
title = "Transposed, padding 2 larger than the kernel's reach: a deep crop"
anim = animate_scatter(
    x2, kernel, stride=2, padding=2, interval=600, title=title, input_name="x2"
)
plt.show()

# %%
# Cropping instead of padding
# ---------------------------
#
# The equivalent direct convolution: :math:`d(k - 1) - p = 1 - 2 = -1`, so one row and column
# of the zero-inserted input are cropped from each side before the rotated kernel slides.
pad = tc.transpose_padding(2, padding=2)
print(pad)
title = "Padding -1: the zero-inserted input is cropped, not padded"
fig, axes, direct = show_zero_insertion(
    x2, kernel, stride=2, padding=2, title=title
)
plt.show()
# the outer ring of inputs (from pure padding) reaches none of the 6x6 outputs:
ring = np.pad(np.zeros((3, 3), int), 1, constant_values=1)
print(tc.conv_transpose2d(ring, kernel, stride=2, padding=2).any())

# %%
# In PyTorch
# ----------
#
# The transposed convolution with ``torch.nn.functional``, on the page's ``kernel`` and ``x2``:
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # torch.Size([1, 1, 2, 2])
    x2_t = torch.tensor(x2, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x2_t, weight, stride=2, padding=2)[0, 0]
    print(np.allclose(y_torch, direct))  # True
