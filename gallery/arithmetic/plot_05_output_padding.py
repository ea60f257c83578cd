r"""
Odd sizes and output_padding
============================

With stride 2, inputs of 5 and 6 both give an output of 3: the floor drops the difference.
Going back, the transposed convolution cannot know which one it came from;
``output_padding`` says.

`Open this case in the explorer <../../explorer.html#dim=2&i=3,3&k=3,3&s=2,2&p=1,1&a=1,1&d=1,1&x=1,0,2,0,3,0,2,0,1&w=1,2,0,2,4,1,0,1,3>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Two inputs, one output size
# ---------------------------
#
# Two convolutions, input 5 and input 6, kernel 3, stride 2, padding 1: both outputs are 3x3.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    animate_scatter,
    show_panels,
    show_zero_insertion,
)

# its 180-degree rotation differs
kernel = np.array([[1, 2, 0], [2, 4, 1], [0, 1, 3]])
for i in (5, 6):
    size = tc.conv_output_size(i, 3, stride=2, padding=1)
    o = (i + 2 - 3) // 2 + 1
    print(f"input {i}: output {size}, floor(({i} + 2 - 3) / 2) + 1 = {o}")

# %%
# Choosing the way back
# ---------------------
#
# The transposed convolution of a 3x3 input gives 5x5 by default. ``output_padding=1`` adds one
# row and one column at the bottom and right: 6x6, the other input size. The recovering value
# is :math:`(i + 2p - k) \bmod s`, which :func:`~transposed_conv.output_padding_for` computes.
x2 = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
five = tc.conv_transpose2d(x2, kernel, stride=2, padding=1)
a = tc.output_padding_for(6, 3, stride=2, padding=1)
six = tc.conv_transpose2d(x2, kernel, stride=2, padding=1, output_padding=a)
panels = [Panel(x2, "Input"), Panel(five, "output_padding=0", "output")]
show_panels(
    [*panels, Panel(six, "output_padding=1", "output")],
    title="A 3x3 input goes back to 5x5, or to 6x6 with output_padding=1",
)
plt.show()

# %%
# Where the extra row comes from
# ------------------------------
#
# Step through the stamps: they fill a 7x7 full result (the figure's 8x8 frame adds a row and
# a column of zeros past it, the room ``output_padding`` may use). Padding 1 crops one row and
# column on each side; ``output_padding=1`` gives back the one at the bottom and right, so the
# boxed 6x6 output keeps the full result's last row and column.
title = "output_padding=1: the crop keeps one more row and column at the end"
back6 = {"stride": 2, "padding": 1, "output_padding": 1}
anim = animate_scatter(x2, kernel, **back6, title=title, input_name="x2")
plt.show()

# %%
# In the equivalent direct convolution, ``output_padding`` is one more row and column of
# padding at the bottom and right only.
title = "output_padding=1 pads one more zero at the bottom and right"
fig, axes, direct = show_zero_insertion(x2, kernel, **back6, title=title)
plt.show()

# %%
# Why the value is bounded
# ------------------------
#
# ``output_padding`` exists so that a transposed convolution can be the *gradient* of a strided
# convolution for every input size (see :doc:`plot_12_gradient`): the convolution from 6x6 to
# 3x3 needs a 6x6 gradient, and only ``output_padding=1`` gives that shape. Its values are the
# gradient's. Write :math:`\mathrm{conv}(x)` for the stride-2, padding-1 convolution of a 6x6
# x with the kernel, :math:`\mathrm{conv\_transpose}(g)` for the transposed convolution of a
# 3x3 g with the same kernel, stride, padding and ``output_padding=1``, and
# :math:`\langle u, v \rangle` for the sum of the elementwise products of two arrays of one
# shape. Then for any x and g, :math:`\langle \mathrm{conv}(x), g \rangle =
# \langle x, \mathrm{conv\_transpose}(g) \rangle`.
rng = np.random.default_rng(0)
x6, g = rng.integers(-3, 4, (6, 6)), rng.integers(-3, 4, (3, 3))
conv6 = tc.conv2d(x6, kernel, stride=2, padding=1)
grad6 = tc.conv_transpose2d(g, kernel, **back6)
print(np.vdot(conv6, g), np.vdot(x6, grad6))

# %%
# PyTorch accepts :math:`0 \le a < \max(s, d)`; the package follows its rule. Only the first
# part has a reason in the arithmetic:
#
# - :math:`a < s`: the convolution's floor drops at most :math:`s - 1` samples, so
#   :math:`a = 0, \dots, s - 1` reach every input size that maps to this output, and no
#   other. :math:`a = s` would give 7x7 here, and the convolution maps 7 to 4, not 3: PyTorch
#   refuses it, and so does this package.
# - :math:`a < d`, when :math:`d > s`: PyTorch's rule, with no such reason. The sizes it allows
#   beyond :math:`s - 1` are not ones the matching convolution maps back; the extra samples are
#   zeros past the full result. With padding 0: kernel 3, stride 1, dilation 2,
#   ``output_padding=1`` maps 3 to 8, and the convolution maps 8 to 4; kernel 3, stride 2,
#   dilation 3, ``output_padding=2`` maps 3 to 13, and 13 goes to 4.
try:
    tc.conv_transpose2d(x2, kernel, stride=2, padding=1, output_padding=2)
except ValueError as error:
    print(error)

# %%
# What the extra rows hold: ``output_padding`` first gives back rows that the padding cropped
# from the end of the full result, which hold stamp values; only past the full result does it
# add zeros. So of the a extra rows, the first :math:`\min(a, p)` hold stamp values and the
# rest are zeros. In 1-D, kernel [1, 2, 3], stride 3, padding 1, ``output_padding=2``:
x1, k1 = np.array([1, 2]), np.array([1, 2, 3])
full1 = tc.conv_transpose1d(x1, k1, stride=3)
with_a = tc.conv_transpose1d(x1, k1, stride=3, padding=1, output_padding=2)
print(full1, with_a)

# %%
# In PyTorch
# ----------
#
# The page's transposed convolution to 6x6 as a PyTorch layer. Its weight has the shape
# ``(C_in, C_out / groups, kH, kW)``.
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch

    layer = torch.nn.ConvTranspose2d(
        1, 1, 3, stride=2, padding=1, output_padding=1, bias=False
    )
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(kernel)[None, None])
        y_torch = layer(torch.tensor(x2, dtype=torch.float32)[None, None])[
            0, 0
        ]
    print(np.allclose(y_torch, six))  # True
