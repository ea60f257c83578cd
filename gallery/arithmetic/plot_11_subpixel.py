r"""
The sub-pixel view
==================

A stride-2 transposed convolution is four small stride-1 transposed convolutions whose outputs
interleave: the output pixels with the same (row mod 2, column mod 2) form a *phase* of the
output, and every pixel of a phase receives the same kernel taps. Stacking the four small
outputs as channels and interleaving them into space is called a pixel shuffle.
"""

# %%
# Four phase kernels
# ------------------
#
# A 4x4 kernel with stride 2 splits into four 2x2 phase kernels: the taps at even and odd rows
# and columns. Each lands on one phase of the output.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

kernel = np.arange(1, 17).reshape(4, 4)
subs = tc.subpixel_kernels(kernel, 2)
panels = [
    Panel(sub, f"Phase ({r}, {c}): kernel[{r}::2, {c}::2]", "kernel")
    for r, row in enumerate(subs)
    for c, sub in enumerate(row)
]
show_panels(
    panels, title="A 4x4 kernel's four stride-2 phase kernels", ncols=4
)
plt.show()

# %%
# Four small transposed convolutions
# ----------------------------------
#
# Each phase kernel runs a stride-1 transposed convolution over the small input, with no zeros
# inserted: four 4x4 results from a 3x3 input.
x = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
phases = [tc.conv_transpose2d(x, sub) for row in subs for sub in row]
panels = [
    Panel(p, f"Phase ({i // 2}, {i % 2})", "output")
    for i, p in enumerate(phases)
]
title = "Four stride-1 transposed convolutions over the 3x3 input"
show_panels(panels, title=title, ncols=4)
plt.show()

# %%
# Interleaved
# -----------
#
# Interleaved (pixel shuffle), they are the stride-2 transposed convolution, 8x8: phase (r, c)
# fills ``output[r::2, c::2]``, so every outlined 2x2 block below holds one pixel of each phase.
# With padding p the output starts p samples into this full result, so its row r belongs to
# phase :math:`(r + p) \bmod s` (tap u reaches phase :math:`(u - p) \bmod s`).
shuffled = tc.pixel_shuffle(np.stack(phases), 2)[
    0
]  # four channels to one, 2x larger
full = tc.conv_transpose2d(x, kernel, stride=2)
print(np.array_equal(shuffled, full))
_, (ax,) = show_panels(
    [Panel(shuffled, "Pixel shuffle of the four phases", "output")],
    title="Interleaved, the phases are the stride-2 transposed convolution; each "
    "outlined 2x2 block holds phase (r, c) at its row r, column c",
    width=4,
)
for i in range(0, 8, 2):
    for j in range(0, 8, 2):
        highlight(ax, slice(i, i + 2), slice(j, j + 2))
plt.show()

# %%
# One convolution, then a pixel shuffle (ESPCN)
# ---------------------------------------------
#
# A stride-1 transposed convolution is a convolution with the rotated kernel over the input
# padded by :math:`k - 1`. So the four phases are *one* ordinary convolution from 1 channel to
# :math:`s^2 = 4`, channel :math:`2r + c` holding phase (r, c)'s kernel rotated 180 degrees,
# followed by a pixel shuffle. This is the sub-pixel convolution of ESPCN (Efficient Sub-Pixel
# Convolutional Neural Network, Shi et al. 2016, in the :doc:`references </references>`),
# which works on the small input throughout; it equals the transposed convolution.
flipped = [tc.flip_kernel(sub) for row in subs for sub in row]
espcn_weight = np.stack(flipped)[:, None]
espcn = tc.pixel_shuffle(tc.conv2d(np.pad(x, 1)[None], espcn_weight), 2)[0]
print(espcn_weight.shape, espcn.shape)  # (C_out, C_in, 2, 2) and (8, 8)

# %%
# When k is not a multiple of s
# -----------------------------
#
# A 3x3 kernel with stride 2 splits into phase kernels of 2x2, 2x1, 1x2 and 1x1 taps: the
# phases receive 4, 2, 2 and 1 taps, the uneven overlap of the
# :ref:`checkerboards page <sphx_glr_gallery_practice_plot_01_checkerboard.py>`. Padded with a
# zero row and column to 4x4 it fits the ESPCN form above, and gives the same values plus one
# row and column at the end.
k3 = np.arange(1, 10).reshape(3, 3)
print([[sub.shape for sub in row] for row in tc.subpixel_kernels(k3, 2)])
k3_padded = np.pad(k3, ((0, 1), (0, 1)))
padded_out = tc.conv_transpose2d(x, k3_padded, stride=2)
print(np.array_equal(padded_out[:7, :7], tc.conv_transpose2d(x, k3, stride=2)))

# %%
# ICNR: starting as nearest-neighbour up-sampling
# -----------------------------------------------
#
# Aitken et al. (2017, in the :doc:`references </references>`) initialise the sub-pixel
# convolution with the *same* kernel in all :math:`s^2` channels: ICNR, "Initialized to
# Convolution NN Resize". Then the four phases are equal, the pixel shuffle repeats each value
# in a 2x2 block, and the layer starts as a convolution followed by nearest-neighbour
# up-sampling: whatever the kernel, a flat input comes out flat, and the rest of the picture
# comes out in nearest-neighbour's 2x2 blocks, no other pattern. As a transposed convolution,
# its kernel's phase sums (the sum of the taps in each phase kernel) are equal.
w0 = np.array([[1, 2], [3, 4]])
icnr = tc.pixel_shuffle(
    tc.conv2d(np.pad(x, 1)[None], np.stack([w0] * 4)[:, None]), 2
)[0]
kernel_icnr = np.kron(tc.flip_kernel(w0), np.ones((2, 2), dtype=int))
print(kernel_icnr, tc.phase_sums(kernel_icnr, 2), sep="\n")

# %%
# In PyTorch
# ----------
#
# The transposed convolution and its ESPCN form, on the page's ``x``, ``kernel`` and
# ``espcn_weight``:
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    x_t = torch.tensor(x, dtype=torch.float64)[None, None]
    weight = torch.tensor(kernel, dtype=torch.float64)[None, None]
    # the weight's axes: (C_in, C_out / groups, kH, kW)
    print(weight.shape)  # torch.Size([1, 1, 4, 4])
    y_torch = F.conv_transpose2d(x_t, weight, stride=2)[0, 0]
    print(np.allclose(y_torch, full))  # True

    conv = torch.nn.Conv2d(
        1, 4, 2, padding=1, bias=False
    )  # 1 channel to s * s = 4
    # the weight's axes: (C_out, C_in / groups, kH, kW)
    print(conv.weight.shape)  # torch.Size([4, 1, 2, 2])
    with torch.no_grad():
        conv.weight.copy_(torch.tensor(espcn_weight))
        y_torch = F.pixel_shuffle(conv(x_t.float()), 2)[0, 0]
    print(np.allclose(y_torch, espcn))  # True
