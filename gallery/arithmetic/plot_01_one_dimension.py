r"""
One dimension first
===================

Everything about transposed convolution already happens on a 1-D signal. Here is the whole
idea on five numbers, before the 2-D cases.
"""

# %%
# A kernel of 3 slides over a signal of 5 with stride 2: it fits
# :math:`\lfloor (5 - 3) / 2 \rfloor + 1 = 2` times.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, framed_panel, show_panels

signal = np.array([3, 1, 4, 1, 5])
kernel = np.array([1, 2, 1])
out = tc.conv1d(signal, kernel, stride=2)
assert out.shape == (tc.conv_output_size(5, 3, stride=2),) == (2,)
print(out)
show_panels(
    [Panel(signal, "Signal"), Panel(kernel, "Kernel", "kernel"), Panel(out, "Output", "output")],
    title="A 1-D convolution with stride 2 maps 5 samples to 2",
    operators=["∗", "="],
)
plt.show()

# %%
# As a matrix, each row is the kernel, shifted by the stride: C is 2x5.
C = tc.convolution_matrix((5,), kernel, stride=2)
print(C)
show_panels(
    [Panel(C, "C", "matrix"), Panel(C.T, "C.T", "matrix")],
    title="The stride-2 convolution matrix C and its transpose C.T",
)
plt.show()

# %%
# The transposed convolution multiplies by C.T: two numbers become five. Each input value
# stamps the kernel, the stamps two samples apart, overlapping in one sample.
y = np.array([10, 20])
back = tc.conv_transpose1d(y, kernel, stride=2)
assert np.array_equal(back, C.T @ y)
assert back.shape == (tc.conv_transpose_output_size(2, 3, stride=2),) == (5,)
print(back)
stamps = tc.scatter_stamps(y, kernel, stride=2)
assert np.array_equal(stamps.sum(axis=0), back)
show_panels(
    [
        *(Panel(st, f"{v} x kernel", "kernel") for st, v in zip(stamps, y, strict=True)),
        Panel(back, "Output", "output"),
    ],
    title="Two input values stamp the kernel two samples apart; the overlap adds",
    operators=["+", "="],
)
plt.show()

# %%
# The same five numbers from a direct convolution: insert a zero between the two inputs, pad
# with k - 1 = 2 zeros on each side, and slide the reversed kernel (here it is symmetric, so
# reversing changes nothing; the 2-D pages use a kernel where it does).
framed = framed_panel(y, "Zeros inserted, padded", stride=2, pad_width=tc.transpose_padding((3,)))
direct = tc.conv1d(framed.data, tc.flip_kernel(kernel))
assert np.array_equal(direct, back)
show_panels(
    [
        framed,
        Panel(tc.flip_kernel(kernel), "Kernel reversed", "kernel"),
        Panel(direct, "Output", "output"),
    ],
    title="The same output as a direct convolution over the zero-inserted, padded input",
    operators=["∗", "="],
)
plt.show()

# sphinx_gallery_thumbnail_number = 2
