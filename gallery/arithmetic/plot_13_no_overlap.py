r"""
Kernel 2, stride 2: no overlap
==============================

When the kernel is exactly as large as the stride, the stamps of a transposed convolution sit
side by side and never overlap. This common decoder layer is the easiest one to picture.

`Open this case in the explorer <../../explorer.html#dim=2&i=3,3&k=2,2&s=2,2&p=0,0&a=0,0&d=1,1&x=1,0,2,0,3,0,2,0,1&w=1,2,3,4>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# The stamps tile
# ---------------
#
# Each of the 3x3 input values stamps the 2x2 kernel into its own 2x2 block of the 6x6 output,
# :math:`o' = (3 - 1) \cdot 2 + 2 = 6`: every output pixel receives exactly one kernel tap.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, animate_scatter, show_panels

x = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
kernel = np.array([[1, 2], [3, 4]])
out = tc.conv_transpose2d(x, kernel, stride=2)
anim = animate_scatter(x, kernel, stride=2, title="k = s = 2: the stamps tile")
plt.show()

# %%
# A 1x1 convolution and a pixel shuffle
# -------------------------------------
#
# Output pixel (2m + u, 2n + v) is ``x[m, n] * kernel[u, v]``: the layer is a 1x1 convolution
# from one channel to four, channel ``2u + v`` with the single weight ``kernel[u, v]``, then a
# pixel shuffle that moves the four channels into each 2x2 block.
four = tc.conv2d(x[None], kernel.reshape(4, 1, 1, 1))  # one channel per tap
shuffled = tc.pixel_shuffle(four, 2)[0]
panels = [Panel(c, f"x × {w}", "output") for c, w in zip(four, kernel.flat)]
panels.append(Panel(shuffled, "Pixel shuffle", "output"))
title = "The 1x1 convolution's channels, shuffled into 2x2 blocks: the output"
show_panels(panels, title=title, ncols=5)
plt.show()

# %%
# In PyTorch, the layer (weight ``(C_in, C_out / groups, kH, kW)``) and the same numbers as a
# 1x1 convolution (weight ``(C_out, C_in, 1, 1)``, channel 2u + v) then ``pixel_shuffle``.
# This cell runs where PyTorch is installed (the site is built without it).
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    x_t, w_t = (torch.tensor(v * 1.0)[None, None] for v in (x, kernel))
    print(np.allclose(F.conv_transpose2d(x_t, w_t, stride=2)[0, 0], out))
    y_torch = F.pixel_shuffle(F.conv2d(x_t, w_t.reshape(4, 1, 1, 1)), 2)
    print(np.allclose(y_torch[0, 0], shuffled))  # True, True

# %%
# No overlap is not no pattern
# ----------------------------
#
# A constant input gives the kernel tiled (printed), repeating every 2 pixels unless all four
# taps are equal: one tap reaches each pixel, but the taps differ from phase to phase. Only a
# flat kernel (nearest-neighbour up-sampling times a constant) leaves a flat image flat: the
# share of the variation that repeats exactly every 2 pixels
# (:func:`~transposed_conv.image_centre_share`) is 1.0 for the tiled kernel, 0 for the flat.
flat_in = np.ones((3, 3), dtype=int)
tiled = tc.conv_transpose2d(flat_in, kernel, stride=2)
flat_out = tc.conv_transpose2d(flat_in, np.ones((2, 2), dtype=int), stride=2)
energy = [tc.image_centre_share(y * 1.0, 2) for y in (tiled, flat_out)]
print(tiled, energy, sep="\n")

# %%
# When the transpose is the inverse
# ---------------------------------
#
# With k = s the rows of the convolution matrix C (one per window) do not overlap; for a kernel
# of unit norm they are orthonormal, :math:`C C^T = I`, and :math:`C^T` is C's pseudo-inverse:
# :math:`C^T C x` is the orthogonal projection of x onto C's rows, the closest the transpose
# can get back (not x itself: C is 9x36, wider than tall).
unit = np.outer([0.6, 0.8], [0.6, 0.8])
C = tc.convolution_matrix((6, 6), unit, stride=2)
orthonormal = np.allclose(C @ C.T, np.eye(9))
print(C.shape, orthonormal, np.allclose(np.linalg.pinv(C), C.T))

# %%
# Kernel smaller than the stride
# ------------------------------
#
# With k < s the stamps leave gaps: kernel 2 at stride 3 reaches 36 of the 64 outputs of a
# 3x3 input. The other 28 get no tap and are 0 whatever the weights (a bias is all they get),
# and :func:`~transposed_conv.equalize_phase_sums` refuses such a kernel (printed).
gaps = tc.overlap_counts((3, 3), 2, stride=3)  # taps per output pixel
print(gaps, (gaps == 0).sum())
try:
    tc.equalize_phase_sums([1, 2], 3)
except ValueError as error:
    print(error)
