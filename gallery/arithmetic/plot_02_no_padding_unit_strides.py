r"""
No padding, unit strides
========================

The simplest case: a kernel slides over the input one step at a time, never past its edge.
Its transpose is the walk-through's case: every input value stamps the whole kernel.
"""

# %%
# Direct: input 4, kernel 3, stride 1, padding 0 gives :math:`o = 4 - 3 + 1 = 2`.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import animate_scatter, show_convolution, show_zero_insertion

x = np.arange(1, 17).reshape(4, 4)
kernel = np.array([[1, 0, 2], [0, 1, 0], [1, 0, 1]])
fig, axes, out = show_convolution(
    x, kernel, title="Input 4, kernel 3, stride 1, no padding: output 2"
)
assert out.shape == (tc.conv_output_size(4, 3),) * 2 == (2, 2)
plt.show()

# %%
# Transposed: the 2x2 output goes back to 4x4, :math:`i' = (2 - 1) + 3 = 4`. Each of its four
# values stamps the kernel; where the stamps overlap, they add.
y = np.array([[1, 2], [3, 4]])
anim = animate_scatter(y, kernel, title="Transposed, stride 1: each value stamps the kernel")
plt.show()

# %%
# The same result as a direct convolution: pad the 2x2 input with :math:`k - 1 = 2` zeros on
# every side (full padding) and slide the kernel rotated 180 degrees.
fig, axes, direct = show_zero_insertion(
    y, kernel, title="The transposed convolution as a convolution over a 6x6 padded input"
)
assert np.array_equal(direct, tc.conv_transpose2d(y, kernel))
assert direct.shape == (tc.conv_transpose_output_size(2, 3),) * 2 == (4, 4)
print(direct)
plt.show()

# sphinx_gallery_thumbnail_number = 2
