r"""
The sub-pixel view
==================

A stride-2 transposed convolution is four small stride-1 transposed convolutions whose outputs
interleave: the output pixels with the same (row mod 2, column mod 2) form a *phase* of the
output, and every pixel of a phase receives the same kernel taps. Stacking the four small
outputs as channels and interleaving them into space is called a pixel shuffle.
"""

# %%
# Four small transposed convolutions, interleaved
# -----------------------------------------------
#
# A 4x4 kernel with stride 2 splits into four 2x2 phase kernels, ``kernel[r::2, c::2]``, each
# a stride-1 transposed convolution over the small input (no zeros inserted): four 4x4 results
# from a 3x3 input. Interleaved (pixel shuffle), they are the stride-2 transposed convolution,
# 8x8: phase (r, c) fills ``output[r::2, c::2]``, one pixel of each outlined 2x2 block. With
# padding p the output starts p samples into this full result: output row r comes from phase
# kernel :math:`(r + p) \bmod s`, and tap u reaches the rows of phase :math:`(u - p) \bmod s`.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

kernel = np.arange(1, 17).reshape(4, 4)
x = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
subs = tc.subpixel_kernels(kernel, 2)
subs_flat = [sub for row in subs for sub in row]
phases = [tc.conv_transpose2d(x, sub) for sub in subs_flat]
shuffled = tc.pixel_shuffle(np.stack(phases), 2)[0]  # four channels to one
full = tc.conv_transpose2d(x, kernel, stride=2)
print(np.array_equal(shuffled, full))
names = [f"r={r}, c={c}" for r, c in np.ndindex(2, 2)]
panels = [Panel(y, n, "output") for n, y in zip(names, phases)]
panels.append(Panel(shuffled, "Pixel shuffle of the phases", "output"))
title = "Phases (r, c), shuffled: each outlined 2x2 block holds one of each"
_, axes = show_panels(panels, title=title)
for i, j in np.ndindex(4, 4):
    highlight(axes[-1], slice(2 * i, 2 * i + 2), slice(2 * j, 2 * j + 2))
plt.show()

# %%
# One convolution, then a pixel shuffle (ESPCN)
# ---------------------------------------------
#
# A stride-1 transposed convolution is a convolution with the rotated kernel over the input
# padded by :math:`k - 1`. So the four phases are *one* ordinary convolution from 1 channel to
# :math:`s^2 = 4`, channel :math:`2r + c` holding phase (r, c)'s kernel rotated 180 degrees,
# then a pixel shuffle: ESPCN's sub-pixel convolution (Shi et al. 2016, in the
# :doc:`references </references>`), which works on the small input throughout and equals the
# transposed convolution (printed). When k is not a multiple of s (3x3, stride 2), the phase
# kernels have 2x2, 2x1, 1x2 and 1x1 taps: the phases receive 4, 2, 2 and 1 taps, the uneven
# overlap of the :ref:`checkerboards page <sphx_glr_gallery_practice_plot_01_checkerboard.py>`.
# Padded with a zero row and column to 4x4, the kernel fits the ESPCN form and gives the same
# values plus one row and column at the end.
espcn_weight = np.stack([tc.flip_kernel(s) for s in subs_flat])[:, None]
espcn = tc.pixel_shuffle(tc.conv2d(np.pad(x, 1)[None], espcn_weight), 2)[0]
print(espcn_weight.shape, np.array_equal(espcn, full))
k3 = np.arange(1, 10).reshape(3, 3)
print([[sub.shape for sub in row] for row in tc.subpixel_kernels(k3, 2)])
k3_padded = np.pad(k3, (0, 1))  # a zero row and column at the end
padded_out = tc.conv_transpose2d(x, k3_padded, stride=2)
print(np.array_equal(padded_out[:7, :7], tc.conv_transpose2d(x, k3, stride=2)))

# %%
# ICNR: starting as nearest-neighbour up-sampling
# -----------------------------------------------
#
# ICNR (Aitken et al. 2017, in the :doc:`references </references>`) gives all :math:`s^2`
# channels the *same* kernel. The phases are then equal, the pixel shuffle repeats each value
# in a 2x2 block, and the layer starts as a convolution then nearest-neighbour up-sampling:
# whatever the kernel, a flat input comes out flat away from the border (which the padding
# reaches). As a transposed convolution (printed equal), its kernel's phase sums are equal.
w0 = np.array([[1, 2], [3, 4]])
icnr_weight = np.stack([w0] * 4)[:, None]
icnr = tc.pixel_shuffle(tc.conv2d(np.pad(x, 1)[None], icnr_weight), 2)[0]
kernel_icnr = np.kron(tc.flip_kernel(w0), np.ones((2, 2), dtype=int))
same = np.array_equal(tc.conv_transpose2d(x, kernel_icnr, stride=2), icnr)
print(kernel_icnr, tc.phase_sums(kernel_icnr, 2), same, sep="\n")
title = "ICNR: the four phases are equal, so each value fills a 2x2 block"
show_panels([Panel(icnr, "Output", "output")], title=title)
plt.show()

# %%
# In PyTorch
# ----------
#
# The ESPCN form on the page's ``x`` and ``espcn_weight`` (a convolution's weight: ``(C_out, C_in /
# groups, kH, kW)``). This cell runs where PyTorch is installed; the site is built without it.
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    x_t = torch.tensor(x * 1.0)[None, None]
    y_torch = F.conv2d(x_t, torch.tensor(espcn_weight * 1.0), padding=1)
    print(np.allclose(F.pixel_shuffle(y_torch, 2)[0, 0], espcn))  # True
