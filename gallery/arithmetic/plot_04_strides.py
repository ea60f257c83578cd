r"""
Strides, without and with padding
=================================

A stride skips window positions, so the output shrinks faster. The transposed convolution
undoes the shrinking by spreading its input out: stride - 1 zeros between neighbouring values.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=2,2&p=0,0&a=0,0&d=1,1&x=50,66,130,146&w=1,2,1,0,1,0,2,0,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Stride 2, no padding
# --------------------
#
# Input 5, kernel 3, stride 2 gives :math:`o = \lfloor (5 - 3) / 2 \rfloor + 1 = 2`.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    animate_scatter,
    show_convolution,
    show_zero_insertion,
)

x = np.arange(1, 26).reshape(5, 5)
kernel = np.array([[1, 2, 1], [0, 1, 0], [2, 0, 1]])
title = "Input 5, kernel 3, stride 2, no padding: output 2"
fig, axes, y = show_convolution(x, kernel, stride=2, title=title)
plt.show()

# %%
# Its transpose: the stamps land two cells apart
# ----------------------------------------------
#
# The transposed convolution takes the 2x2 output back to 5x5: its input has size
# :math:`i' = 2`, its output :math:`o' = (i' - 1) \cdot 2 + 3 = 5`. The stamps land two cells
# apart, so they overlap in one row and one column.
x2 = y
title = "Transposed, stride 2: stamps two cells apart, overlapping once"
anim = animate_scatter(x2, kernel, stride=2, title=title, input_name="x2")
plt.show()

# %%
# The stretched input
# -------------------
#
# As a direct convolution: one zero between neighbouring input values along each axis
# (hatched grey), then :math:`k - 1 = 2` zeros of padding (dotted straw). The kernel always
# moves one step at a time; it is the *input* that was stretched, which is why this is also
# called a fractionally-strided convolution (stride 1/2).
title = "Stride 2 as a convolution: zeros inserted between values, then padded"
fig, axes, direct = show_zero_insertion(x2, kernel, stride=2, title=title)
plt.show()

# %%
# Stride 2 with padding
# ---------------------
#
# Input 5, kernel 3, stride 2, padding 1 gives
# :math:`o = \lfloor (5 + 2 - 3) / 2 \rfloor + 1 = 3`.
title = "Input 5, kernel 3, stride 2, padding 1: output 3"
*_, y_p = show_convolution(x, kernel, stride=2, padding=1, title=title)
plt.show()

# %%
# Its transpose: zeros inserted, then padded by :math:`k - 1 - p = 1`: the 3x3 output goes back
# to 5x5. Its even rows hold zeros at the odd columns, and these zeros are the kernel's, not
# inserted ones. With padding 1, tap u reaches output row :math:`2m + u - 1`, so the even rows
# get only the kernel's middle row, [0, 1, 0], and their odd columns only its two zeros: the
# phase sums (:func:`~transposed_conv.phase_sums`) are [[1, 0], [2, 5]].
x3 = y_p
title = "Stride 2, padding 1, as a convolution: padded by k - 1 - p = 1"
*_, back = show_zero_insertion(x3, kernel, stride=2, padding=1, title=title)
print(back, tc.phase_sums(kernel, 2, padding=1), sep="\n")
plt.show()

# %%
# In PyTorch
# ----------
#
# The strided convolution and its transpose with ``torch.nn.functional`` (this cell runs where
# PyTorch is installed; the site is built without it):
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    x_t = torch.tensor(x, dtype=torch.float64)[None, None]
    y_torch = F.conv2d(x_t, weight, stride=2, padding=1)[0, 0]
    print(np.allclose(y_torch, y_p))  # True

    x3_t = torch.tensor(x3, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x3_t, weight, stride=2, padding=1)[0, 0]
    print(np.allclose(y_torch, back))  # True
