r"""
The zero-padded equivalence
===========================

The transposed convolution can also be computed as an ordinary convolution: pad the small input
with zeros and slide the kernel over it. It works only with the kernel rotated 180 degrees.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Pad, rotate, slide
# ------------------
#
# Pad the 2x2 ``x2`` with k - 1 = 2 zeros on every side: 6x6. A 3x3 window fits in 4 positions
# along each axis of it, so the result is 4x4.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    highlight,
    show_panels,
    show_zero_insertion,
)

kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
x2 = np.array([[1, 3], [2, 3]])
pad = tc.transpose_padding(kernel.shape)
padded = tc.pad_or_crop(x2, pad)
flipped = tc.flip_kernel(kernel)
title = "The padded 2x2 input convolved with the rotated kernel gives the 4x4 result"
fig, axes, result = show_zero_insertion(x2, kernel, title=title)
print(pad, padded.shape)
print(flipped)
print(result)
highlight(axes[0], (0, 3), (0, 3))
highlight(axes[2], 0, 0)
plt.show()

# %%
# Only with the rotation
# ----------------------
#
# It equals C.T @ x2 from the previous step exactly. With the kernel as it is, the same sliding
# gives a different answer:
transposed = tc.conv_transpose2d(x2, kernel)
unflipped = tc.conv2d(padded, kernel)
same = np.array_equal
print(same(result, transposed), same(unflipped, transposed))
show_panels(
    [
        Panel(transposed, "Transposed convolution", "output"),
        Panel(result, "With the rotated kernel", "output"),
        Panel(unflipped, "With the kernel as is", "output"),
    ],
    title="Only the rotated kernel reproduces the transposed convolution",
    operators=["=", "≠"],
)
plt.show()

# %%
# Why
# ---
#
# In the transposed convolution, x2[0, 0] = 1 sends kernel[0, 0] = 2 to output[0, 0].
# In the padded convolution, output[0, 0] is the window whose only non-zero value, x2[0, 0],
# sits at the window's bottom-right corner, so it meets the kernel's bottom-right tap. For
# that tap to be kernel[0, 0], the kernel must be reversed along both axes: reversing one
# axis is not enough.
for axis in (0, 1):
    one_axis = tc.conv2d(padded, np.flip(kernel, axis=axis))
    print(axis, np.array_equal(one_axis, transposed))

# %%
# In PyTorch
# ----------
#
# The zero-padded route in PyTorch: pad by 2, rotate the kernel with ``torch.flip`` on both
# spatial axes, and convolve; it equals ``conv_transpose2d`` with the kernel as it is:
# (This cell runs where PyTorch is installed; the site is built without it.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    x2_t = torch.tensor(x2, dtype=torch.float64)[None, None]
    padded_t = F.pad(x2_t, (2, 2, 2, 2))  # (left, right, top, bottom)
    y_torch = F.conv2d(padded_t, torch.flip(weight, dims=(2, 3)))[0, 0]
    print(np.allclose(y_torch, result))  # True

    y_torch = F.conv_transpose2d(x2_t, weight)[0, 0]
    print(np.allclose(y_torch, transposed))  # True
