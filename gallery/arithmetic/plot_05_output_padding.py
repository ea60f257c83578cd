r"""
Odd sizes and output_padding
============================

Stride 2 maps inputs of 5 and 6 both to 3; going back, ``output_padding`` says which.

`Open this case in the explorer <../../explorer.html#dim=2&i=3,3&k=3,3&s=2,2&p=1,1&a=1,1&d=1,1&x=1,0,2,0,3,0,2,0,1&w=1,2,0,2,4,1,0,1,3>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Two inputs, one output size
# ---------------------------
#
# Input 5 or 6, kernel 3, stride 2, padding 1: both outputs are 3x3,
# :math:`\lfloor (i + 2 - 3) / 2 \rfloor + 1 = 3`. Going back, the transposed convolution of a
# 3x3 input gives 5x5 by default. ``output_padding=1`` adds one row and one column at the bottom
# and right: 6x6, the other input size. The recovering value is :math:`(i + 2p - k) \bmod s`,
# which :func:`~transposed_conv.output_padding_for` computes (printed, with the two sizes).
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import animate_scatter, show_zero_insertion

kernel = np.array([[1, 2, 0], [2, 4, 1], [0, 1, 3]])  # not symmetric
print([tc.conv_output_size(i, 3, stride=2, padding=1) for i in (5, 6)])
x2 = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
five = tc.conv_transpose2d(x2, kernel, stride=2, padding=1)
a = tc.output_padding_for(6, 3, stride=2, padding=1)
to_six = {"stride": 2, "padding": 1, "output_padding": a}
six = tc.conv_transpose2d(x2, kernel, **to_six)
print(a, five.shape, six.shape)

# %%
# Where the extra row comes from
# ------------------------------
#
# The stamps fill the full result (all stamps added, nothing cropped), :math:`(3 - 1) \cdot 2 +
# 3 = 7` on a side. Padding 1 crops a row and column on each side; ``output_padding=1`` gives back
# the bottom and right ones (dashed, last step): the 6x6 output keeps the full result's last
# row and column. In the direct convolution (second figure), one more row and column of padding.
title = "output_padding=1: the crop keeps one more row and column at the end"
anim = animate_scatter(x2, kernel, **to_six, title=title, input_name="x2")
plt.show()
title = "output_padding=1 pads one more zero at the bottom and right"
fig, axes, direct = show_zero_insertion(x2, kernel, **to_six, title=title)
plt.show()

# %%
# Why the value is bounded
# ------------------------
#
# ``output_padding`` lets a transposed convolution be the *gradient* of a strided convolution
# for every input size (:doc:`plot_12_gradient`), here from 6x6 to 3x3: for any 6x6 x and 3x3 g,
# :math:`\langle \mathrm{conv}(x), g \rangle` equals :math:`\langle x, \mathrm{conv\_transpose}(g)
# \rangle`, :math:`\langle u, v \rangle` the sum of elementwise products.
rng = np.random.default_rng(0)
x6, g = rng.integers(-3, 4, (6, 6)), rng.integers(-3, 4, (3, 3))
conv6 = tc.conv2d(x6, kernel, stride=2, padding=1)
grad6 = tc.conv_transpose2d(g, kernel, **to_six)
print(np.vdot(conv6, g), np.vdot(x6, grad6))

# %%
# PyTorch accepts :math:`0 \le a < \max(s, d)`; the package follows its rule.
#
# - :math:`a < s`: the floor drops at most :math:`s - 1` samples, so :math:`a = 0, \dots, s - 1`
#   reach every input size that maps to this output, and no other. :math:`a = s` would give
#   7x7 here, which the convolution maps to 4, not 3: PyTorch and this package refuse it.
# - :math:`a < d`, when :math:`d > s`: PyTorch's rule, with no such reason; the extra samples
#   are zeros past the full result. With padding 0 and kernel 3, stride 1, dilation 2 and
#   ``output_padding=1`` map 3 to 8; stride 2, dilation 3 and ``output_padding=2`` map 3 to 13;
#   the convolution maps both back to 4.
#
# ``output_padding`` first gives back rows the padding cropped from the end of the full result;
# only past it does it add zeros: of the a extra rows, the first :math:`\min(a, p)` hold stamp
# values. In 1-D, kernel [1, 2, 3], stride 3, padding 1, ``output_padding=2``, printed last.
try:
    tc.conv_transpose2d(x2, kernel, stride=2, padding=1, output_padding=2)
except ValueError as error:
    print(error)
x1, k1 = np.array([1, 2]), np.array([1, 2, 3])
full1 = tc.conv_transpose1d(x1, k1, stride=3)
with_a = tc.conv_transpose1d(x1, k1, stride=3, padding=1, output_padding=2)
print(full1, with_a)

# %%
# In PyTorch
# ----------
#
# The weight has the shape ``(C_in, C_out / groups, kH, kW)``. (This cell runs where PyTorch
# is installed; the site is built without it.)
if find_spec("torch"):
    import torch

    w_t, x2_t = (torch.tensor(v)[None, None].double() for v in (kernel, x2))
    y_torch = torch.nn.functional.conv_transpose2d(x2_t, w_t, **to_six)[0, 0]
    print(np.allclose(y_torch, six))  # True
