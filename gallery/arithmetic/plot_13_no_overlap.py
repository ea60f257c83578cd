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
print(out)
title = "Kernel 2, stride 2: the stamps tile, no overlap"
anim = animate_scatter(x, kernel, stride=2, title=title)
plt.show()

# %%
# A 1x1 convolution and a pixel shuffle
# -------------------------------------
#
# Output pixel (2m + u, 2n + v) is ``x[m, n] * kernel[u, v]``. So the layer is a 1x1
# convolution from one channel to four, channel ``2u + v`` with the single weight
# ``kernel[u, v]``, followed by a pixel shuffle that moves the four channels into each 2x2
# block.
four = tc.conv2d(x[None], kernel.reshape(4, 1, 1, 1))  # one channel per tap
shuffled = tc.pixel_shuffle(four, 2)[0]
show_panels(
    [Panel(four[ch], f"x × {kernel.flat[ch]}", "output") for ch in range(4)]
    + [Panel(shuffled, "Pixel shuffle", "output")],
    title="Channels 0 to 3 of the 1x1 convolution (x times each kernel weight), shuffled "
    "into 2x2 blocks, are the layer's output",
    ncols=5,
)
plt.show()

# %%
# No overlap is not no pattern
# ----------------------------
#
# A constant input gives the kernel tiled: a pattern that repeats every 2 pixels, unless all
# four taps are equal. The overlap is even (one tap everywhere), but the taps themselves differ
# from phase to phase. Only a flat kernel, nearest-neighbour up-sampling times a constant,
# leaves a flat image flat. :func:`~transposed_conv.image_centre_share` measures the share of
# an image's variation that repeats exactly every 2 pixels, the constant input's imaging: all
# of it (1.0) for the tiled kernel, none for the flat one.
flat_in = np.ones((3, 3), dtype=int)
tiled = tc.conv_transpose2d(flat_in, kernel, stride=2)
flat_out = tc.conv_transpose2d(flat_in, np.ones((2, 2), dtype=int), stride=2)
outs = {"kernel [[1, 2], [3, 4]]": tiled, "flat kernel": flat_out}
energy = {
    n: tc.image_centre_share(o.astype(float), 2) for n, o in outs.items()
}
print(energy)
panels = [Panel(tiled, "Kernel [[1, 2], [3, 4]]", "output")]
panels += [Panel(flat_out, "Flat kernel", "output")]
title = "A constant input: the kernel tiled (a period-2 pattern), flat only for a flat kernel"
show_panels(panels, title=title)
plt.show()

# %%
# When the transpose is the inverse
# ---------------------------------
#
# With k = s the rows of the convolution matrix C (one per window) do not overlap; with a
# kernel of unit norm they are orthonormal, :math:`C C^T = I`, and then :math:`C^T` is C's
# pseudo-inverse: :math:`C^T C x` is the orthogonal projection of x onto C's rows, the closest
# the transpose can get back (not x itself: C is 9x36, wider than tall).
unit = np.outer([0.6, 0.8], [0.6, 0.8])
C = tc.convolution_matrix((6, 6), unit, stride=2)
print(
    C.shape,
    np.allclose(C @ C.T, np.eye(9)),
    np.allclose(np.linalg.pinv(C), C.T),
)

# %%
# Kernel smaller than the stride
# ------------------------------
#
# With k < s the stamps leave gaps: kernel 2 at stride 3 reaches 36 of the 64 outputs of a
# 3x3 input. The other 28 get no tap and are 0 whatever the weights (a bias is all they get),
# and :func:`~transposed_conv.equalize_phase_sums` refuses such a kernel (printed).
gaps = tc.overlap_counts((3, 3), 2, stride=3)
print(gaps, (gaps == 0).sum())
try:
    tc.equalize_phase_sums([1, 2], 3)
except ValueError as error:
    print(error)
show_panels(
    [Panel(gaps, "Taps per output pixel", "output", blank=gaps == 0)],
    title="Kernel 2, stride 3: 28 of the 64 outputs get no tap (empty)",
    width=3,
)
plt.show()

# %%
# In PyTorch
# ----------
#
# The layer, and the same numbers as a 1x1 convolution followed by ``pixel_shuffle``:
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    # the weight's axes: (C_in, C_out / groups, kH, kW)
    print(weight.shape)  # torch.Size([1, 1, 2, 2])
    x_t = torch.tensor(x, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x_t, weight, stride=2)[0, 0]
    print(np.allclose(y_torch, out))  # True

    weight_1x1 = weight.reshape(
        4, 1, 1, 1
    )  # (C_out, C_in, 1, 1): channel 2u + v
    y_torch = F.pixel_shuffle(F.conv2d(x_t, weight_1x1), 2)[0, 0]
    print(np.allclose(y_torch, shuffled))  # True
