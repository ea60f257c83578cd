r"""
Going backward
==============

A convolution associates nine input values with one output value. Going the other way means
associating one value with nine: that is the transposed convolution.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Nine to one
# -----------
#
# In the convolution, the nine values of the top-left window make output[0, 0] = 94. This is a
# many-to-one relation, and it has a fixed shape: the kernel's.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

inputs = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
output = tc.conv2d(inputs, kernel)
fig, axes = show_panels(
    [Panel(inputs, "Input"), Panel(output, "Output", "output")],
    title="Convolution: nine input values make one output value",
    operators=["→"],
    width=5,
)
highlight(axes[0], (0, 3), (0, 3))
highlight(axes[1], 0, 0)
plt.show()

# %%
# One to nine
# -----------
#
# Going backward, one value of a 2x2 matrix is associated with nine positions of a 4x4 one:
# the same connections, read in the other direction. How much each of the nine positions
# receives is set by the kernel, whose weights a network can learn. The 2x2 matrix below,
# ``x2``, is an arbitrary 2x2 input (the notebook's choice). It is *not* the convolution's
# output [[94, 74], [82, 75]]: a transposed convolution takes any 2x2 array. Here is its 4x4
# result for this one; the next steps show where it comes from.
x2 = np.array([[1, 3], [2, 3]])
result = tc.conv_transpose2d(x2, kernel)
stamp = tc.scatter_stamps(x2, kernel)[0]  # x2[0, 0] = 1 times the kernel
stamped = Panel(stamp, "1 x kernel, in the output", "kernel", blank=stamp == 0)
fig, axes = show_panels(
    [Panel(x2, "Input x2"), stamped],
    title="Transposed convolution: one input value reaches nine output values",
    operators=["→"],
    width=5,
)
highlight(axes[0], 0, 0)
highlight(axes[1], (0, 3), (0, 3))
plt.show()
print(result)

# %%
# In PyTorch
# ----------
#
# In PyTorch the transposed convolution is ``torch.nn.functional.conv_transpose2d`` (or the layer
# ``torch.nn.ConvTranspose2d``); its weight has the shape ``(C_in, C_out / groups, kH, kW)``:
# (This cell runs where PyTorch is installed; the site is built without it.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    print(weight.shape)  # torch.Size([1, 1, 3, 3])
    x2_t = torch.tensor(x2, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x2_t, weight)[0, 0]
    print(np.allclose(y_torch, result))  # True
