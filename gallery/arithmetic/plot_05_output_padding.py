r"""
Odd sizes and output_padding
============================

With stride 2, inputs of 5 and 6 both give an output of 3: the floor drops the difference.
Going back, the transposed convolution cannot know which one it came from;
``output_padding`` says.
"""

# %%
# Two convolutions, input 5 and input 6, kernel 3, stride 2, padding 1: both outputs are 3x3.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, animate_scatter, show_panels, show_zero_insertion

kernel = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
for n in (5, 6):
    size = tc.conv_output_size(n, 3, stride=2, padding=1)
    print(f"input {n}: output {size}, floor(({n} + 2 - 3) / 2) + 1 = {(n + 2 - 3) // 2 + 1}")
    assert size == 3

# %%
# The transposed convolution of a 3x3 input gives 5x5 by default. ``output_padding=1`` adds one
# row and one column at the bottom and right: 6x6, the other input size. The recovering value
# is :math:`(i + 2p - k) \bmod s`, which :func:`~transposed_conv.output_padding_for` computes.
y = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
five = tc.conv_transpose2d(y, kernel, stride=2, padding=1)
a = tc.output_padding_for(6, 3, stride=2, padding=1)
six = tc.conv_transpose2d(y, kernel, stride=2, padding=1, output_padding=a)
assert (five.shape, a, six.shape) == ((5, 5), 1, (6, 6))
assert np.array_equal(six[:5, :5], five)
show_panels(
    [
        Panel(y, "Input"),
        Panel(five, "output_padding=0", "output"),
        Panel(six, "output_padding=1", "output"),
    ],
    title="A 3x3 input goes back to 5x5, or to 6x6 with output_padding=1",
)
plt.show()

# %%
# Step through the stamps: with ``output_padding=1`` the crop keeps one more row and column
# at the bottom and right of the 7x7 full result.
anim = animate_scatter(
    y,
    kernel,
    stride=2,
    padding=1,
    output_padding=1,
    title="output_padding=1: the crop keeps one more row and column at the end",
)
plt.show()

# %%
# In the equivalent direct convolution, ``output_padding`` is one more row and column of
# padding at the bottom and right only.
fig, axes, direct = show_zero_insertion(
    y,
    kernel,
    stride=2,
    padding=1,
    output_padding=1,
    title="output_padding=1 pads one more zero at the bottom and right",
)
assert np.array_equal(direct, six)
assert tc.transpose_padding(3, padding=1, output_padding=1) == [(1, 2), (1, 2)]
plt.show()

# %%
# The value must be smaller than the stride (or the dilation): larger values would reach sizes
# no convolution maps to 3, so they are refused, as PyTorch refuses them.
try:
    tc.conv_transpose2d(y, kernel, stride=2, padding=1, output_padding=2)
except ValueError as error:
    print(error)
