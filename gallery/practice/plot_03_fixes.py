r"""
Fixing the checkerboard
=======================

Two fixes are common: up-sample by interpolation and then convolve at stride 1
(resize-convolution, recommended by Odena et al., Distill 2016, in the
:doc:`references </references>`), or use a kernel size divisible by the stride. The second
alone does not even keep a flat input flat: for that, the total weight each output phase
receives must be equal (a phase is the set of output pixels at the same position modulo the
stride: four of them for stride 2 in 2-D). Equal totals, which resize-convolution has by
construction, fix what a flat region becomes; the rest of the picture can still come out
with a pattern (see :ref:`the spectral view <sphx_glr_gallery_practice_plot_02_spectrum.py>`).
"""

# %%
# Four up-samplings
# -----------------
#
# Four ways to up-sample the same photograph 2x with random positive 3x3 or 4x4 kernels. The
# printed number is the share of each output's variance that repeats exactly every 2 pixels:
# the imprint of the photo's mean brightness, which equal phase sums (resize-convolution's
# included) make zero, up to the border, by construction. It is not a measure of the whole
# artifact: the equal-phase-sums panel still shows a fine grid along the picture's edges.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_images,
    show_panels,
)

rng = np.random.default_rng(3)
small = tc.box_downsample(sample_photo(), 4)  # 128x128
k3 = rng.uniform(0, 1, (3, 3))
k4 = rng.uniform(0, 1, (4, 4))
sums = tc.phase_sums(k4, 2, padding=1)
# taps scaled so that every phase sums to the mean phase sum
balanced = tc.equalize_phase_sums(k4, 2, padding=1)
k3_4, k4_4, eq_4 = (k / k.sum() * 4 for k in (k3, k4, balanced))  # sum 4
outs = {
    "Transposed, kernel 3": tc.conv_transpose2d(
        small, k3_4, stride=2, padding=1, output_padding=1
    ),
    "Resize (nearest) + conv 3": tc.resize_convolution(
        small, k3_4 / 4, 2, "nearest"
    ),
    "Transposed, random kernel 4": tc.conv_transpose2d(
        small, k4_4, stride=2, padding=1
    ),
    "Transposed, kernel 4, equal phase sums": tc.conv_transpose2d(
        small, eq_4, stride=2, padding=1
    ),
}
energy = {n: tc.stride_frequency_energy(out, 2) for n, out in outs.items()}
for name, e in energy.items():
    print(f"{name:<40}{e:>9.3%}")
crops = {n: o[:96, 32:128] for n, o in outs.items()}
show_images(
    crops, title="Four 2x up-samplings of the photograph (crops)", ncols=2
)
plt.show()

# %%
# Why kernel 4 still checkerboards
# --------------------------------
#
# Each output phase gets four taps, the same number, but the totals of those four taps differ
# from phase to phase. On a constant input the output is exactly these totals, repeated, away
# from the border (the figure shows a 6x6 block of the 12x12 output, away from its border).
print(sums)
constant = tc.conv_transpose2d(np.ones((6, 6)), k4, stride=2, padding=1)
panels = [Panel(k4.round(2), "Random kernel 4x4", "kernel")]
panels += [Panel(sums.round(2), "Phase sums", "output")]
panels += [Panel(constant[2:8, 2:8].round(2), "Output, middle", "output")]
title = "Equal tap counts, unequal phase sums: a constant input comes out as a checkerboard"
show_panels(panels, title=title)
plt.show()

# %%
# In PyTorch
# ----------
#
# The resize-convolution fix in PyTorch: nearest-neighbour up-sampling, then a stride-1
# convolution with padding 1 (weight ``(C_out, C_in / groups, kH, kW)``):
#
# .. code-block:: python
#
#    import torch
#    import torch.nn.functional as F
#    weight = torch.tensor(k3_4 / 4)[None, None]
#    big = F.interpolate(torch.tensor(small)[None, None], scale_factor=2, mode="nearest")
#    y_torch = F.conv2d(big, weight, padding=1)[0, 0]
#    # y_torch equals outs["Resize (nearest) + conv 3"]

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_03_fixes.png"
