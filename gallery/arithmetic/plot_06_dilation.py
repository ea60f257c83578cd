r"""
Dilation, direct and transposed
===============================

A dilated kernel spreads its taps (its weights) d cells apart, covering
:math:`d(k - 1) + 1` cells with k weights. In the transposed convolution, each stamp is that
spread-out kernel.

`Open this case in the explorer <../../explorer.html#dim=2&i=3,3&k=3,3&s=1,1&p=0,0&a=0,0&d=2,2&x=1,2,0,0,1,3,2,0,1&w=1,0,2,0,3,0,0,0,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# A dilated convolution
# ---------------------
#
# Input 7, kernel 3, dilation 2: the kernel spans 5 cells, so
# :math:`o = 7 - 2 \cdot (3 - 1) - 1 + 1 = 3`. The gaps of the kernel are drawn as inserted zeros.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    animate_scatter,
    show_convolution,
    show_panels,
    show_zero_insertion,
)

x = np.arange(49).reshape(7, 7) % 10
# its 180-degree rotation differs
kernel = np.array([[1, 0, 2], [0, 3, 0], [0, 0, 1]])
title = "Input 7, kernel 3, dilation 2: the kernel spans 5 cells, output 3"
fig, axes, y = show_convolution(x, kernel, dilation=2, title=title)
plt.show()

# %%
# Its transpose
# -------------
#
# The transposed convolution with dilation 2 takes a 3x3 input, the size of that output (small
# values, so each stamp reads at a glance), back to 7x7: each value stamps the dilated kernel.
# Its input has size :math:`i' = 3`, its output :math:`o' = (i' - 1) + 2 \cdot (3 - 1) + 1 = 7`.
x2 = np.array([[1, 2, 0], [0, 1, 3], [2, 0, 1]])
title = "Transposed, dilation 2: each value stamps the dilated kernel"
anim = animate_scatter(x2, kernel, dilation=2, title=title, input_name="x2")
plt.show()

# %%
# As a direct convolution
# -----------------------
#
# The dilation stays a dilation (the same d), and the padding is
# :math:`d(k - 1) - p = 4` on each side.
title = "Dilation 2 as a convolution: padding d(k - 1) = 4, the same dilated kernel, rotated"
fig, axes, direct = show_zero_insertion(x2, kernel, dilation=2, title=title)
print(direct)
plt.show()

# %%
# With a stride
# -------------
#
# Stride 2 and dilation 2 on a 3x3 input: the stamps land 2 apart and their taps are 2 apart,
# :math:`o' = (3 - 1) \cdot 2 + 2 \cdot (3 - 1) + 1 = 9`. Tap u reaches phase
# :math:`2u \bmod 2 = 0` only, so every odd row and column gets no tap. Stride and dilation
# that share a factor leave whole phases unreached, even with :math:`k \ge s`; in 1-D, an
# input of 5 (printed):
both = tc.overlap_counts((3, 3), 3, stride=2, dilation=2)
print(tc.overlap_counts(5, 3, stride=2, dilation=2))
title = "Stride 2, dilation 2: no tap (empty) on odd rows and columns"
taps = Panel(both, "Taps per output pixel", "neutral", blank=both == 0)
show_panels([taps], title=title, width=4)
plt.show()

# %%
# In PyTorch
# ----------
#
# The dilated convolution and its transpose with ``torch.nn.functional`` (this cell runs where
# PyTorch is installed; the site is built without it):
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # torch.Size([1, 1, 3, 3])
    x_t = torch.tensor(x, dtype=torch.float64)[None, None]
    y_torch = F.conv2d(x_t, weight, dilation=2)[0, 0]
    print(np.allclose(y_torch, y))  # True

    x2_t = torch.tensor(x2, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x2_t, weight, dilation=2)[0, 0]
    print(np.allclose(y_torch, direct))  # True
