r"""
One dimension first
===================

Everything about transposed convolution already happens in 1-D: here on five numbers.

`Open this case in the explorer <../../explorer.html#dim=1&i=2&k=3&s=2&p=0&a=0&d=1&x=10,20&w=1,2,3>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# A strided convolution
# ---------------------
#
# A kernel of 3 slides over a signal of 5 with stride 2: it fits
# :math:`\lfloor (5 - 3) / 2 \rfloor + 1 = 2` times. The convolution is a matrix product,
# ``y = C @ x``: C (printed) has one row per output sample and one column per input sample, so
# it is 2x5, and each row is the kernel shifted by the stride.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, framed_panel, show_panels

x = np.array([3, 1, 4, 1, 5])
kernel = np.array([1, 2, 3])  # not symmetric, so its reversal shows
y = tc.conv1d(x, kernel, stride=2)
C = tc.convolution_matrix((5,), kernel, stride=2)
print(C)
panels = [Panel(x, "Signal"), Panel(kernel, "Kernel", "kernel")]
show_panels(
    [*panels, Panel(y, "Output", "output")],
    title="A 1-D convolution with stride 2 maps 5 samples to 2",
    operators=["∗", "="],
)
plt.show()

# %%
# The transposed convolution
# --------------------------
#
# The transposed convolution multiplies by C.T: two numbers become five. Its input here is
# x2 = [10, 20], two new numbers (not the output [17, 21] above). Each input value stamps the
# kernel, the stamps two samples apart, overlapping in one sample: [10, 20, 50, 40, 60].
x2 = np.array([10, 20])
back = tc.conv_transpose1d(x2, kernel, stride=2)
stamps = tc.scatter_stamps(x2, kernel, stride=2)
stamped = [
    Panel(t, f"{v} x kernel", "kernel", blank=t == 0)  # blank: not reached
    for t, v in zip(stamps, x2)
]
show_panels(
    [Panel(x2, "x2", "input"), *stamped, Panel(back, "Output", "output")],
    title="Each value of x2 stamps the kernel, two samples apart; the overlap adds",
    operators=["→", "+", "="],
)
plt.show()

# %%
# Why the kernel is reversed
# --------------------------
#
# With x its input (``x2`` above) and y its output (:doc:`/notation`), input sample m adds
# :math:`x[m]\,w[u]` to output sample :math:`s m + u` for every tap u. Per output sample r:
#
# .. math:: y[r] = \sum_m x[m]\, w[u], \quad u = r - s m ,
#
# a true convolution in the signal-processing sense: as m runs up, u runs *down*. The
# frameworks' "convolution" (the ∗ of these pages) does not reverse the kernel, so with it the
# kernel must be reversed; in 2-D, rotated 180 degrees, as every 2-D page draws it. So the same
# five numbers come from a direct convolution: insert a zero between the two inputs, pad with
# k - 1 = 2 zeros on each side, and slide the reversed kernel, [3, 2, 1].
pad = tc.transpose_padding((3,))  # k - 1 on each side
framed = framed_panel(x2, "Zeros inserted, padded", stride=2, pad_width=pad)
direct = tc.conv1d(framed.data, tc.flip_kernel(kernel))
reversed_kernel = Panel(tc.flip_kernel(kernel), "Kernel reversed", "kernel")
show_panels(
    [framed, reversed_kernel, Panel(direct, "Output", "output")],
    title="The same output as a direct convolution over the zero-inserted, padded input",
    operators=["∗", "="],
)
plt.show()

# %%
# In PyTorch
# ----------
#
# The same with ``torch.nn.functional``. Arrays carry a batch and a channel axis,
# ``(N, C, L)``; the weight is ``(C_in, C_out, k)`` here, ``(C_out, C_in, k)`` for a
# convolution. (This cell runs where PyTorch is installed; the site is built without it.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    x2_t = torch.tensor(x2, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose1d(x2_t, weight, stride=2)[0, 0]
    print(np.allclose(y_torch, back))  # True
