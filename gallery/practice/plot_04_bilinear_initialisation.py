r"""
Bilinear initialisation
=======================

A transposed convolution can start out as exact bilinear interpolation: the kernel is a tent
of size :math:`2f - f \bmod 2`, the stride is f and the padding :math:`\lfloor f / 2 \rfloor`.
Training then only has to learn what improves on it. Long et al. (2015) initialise the
up-sampling layers of their fully convolutional networks (FCN) this way (see the
:doc:`references </references>`).
"""

# %%
# The kernel for f = 2
# --------------------
#
# The 4x4 kernel for f = 2 is the outer product of [1/4, 3/4, 3/4, 1/4] with itself. Each of the
# four output phases receives taps that sum to exactly 1, so a constant input stays constant.
# That alone would not keep the rest of the picture free of a checkerboard; the tent does more:
# [1, 3, 3, 1] / 4 is :math:`(1 + z^{-1})^3 / 4`, whose response has a triple zero at 1/2 cycle
# per pixel, so it also damps the images of the picture's low frequencies, which lie near 1/2.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_images,
    show_panels,
)

kernel = tc.bilinear_kernel(2)
sums = tc.phase_sums(kernel, 2, padding=1)
print(kernel, sums, sep="\n")
panels = [Panel(kernel, "Bilinear kernel, f = 2", "kernel")]
panels += [Panel(sums, "Phase sums", "output")]
title = "The bilinear kernel's four phases each receive a total weight of 1"
show_panels(panels, title=title, width=5)
plt.show()

# %%
# On the photograph
# -----------------
#
# On the photograph, the transposed convolution with this kernel equals bilinear interpolation
# everywhere except a border :math:`\lfloor f / 2 \rfloor` pixels wide (here one pixel), where
# interpolation clamps to the edge and the transposed convolution sees zeros.
# In the crops below, which touch the photo's top edge, the difference is zero (white)
# everywhere but that top row.
small = tc.box_downsample(sample_photo(), 4)
by_kernel = tc.conv_transpose2d(small, kernel, stride=2, padding=1)
by_interpolation = tc.interpolate(small, 2, "bilinear")
interior_error = np.abs(by_kernel - by_interpolation)[1:-1, 1:-1].max()
print(f"largest interior difference: {interior_error:.1e}")
difference = by_kernel - by_interpolation
crops = {"Transposed conv, bilinear kernel": by_kernel}
crops |= {"Bilinear interpolation": by_interpolation, "Difference": difference}
crops = {name: image[:96, 48:144] for name, image in crops.items()}
title = "With the bilinear kernel the transposed convolution is bilinear interpolation (crops)"
show_images(crops, title=title, ncols=3)
plt.show()


# %%
# Every factor
# ------------
#
# The same holds for every factor: the tent kernels have equal phase sums, and the part that
# differs from bilinear interpolation is a border :math:`\lfloor f / 2 \rfloor` pixels wide:
# 1 for f = 2 and 3, 2 for f = 4 and 5, 4 for f = 8. Measured on a 32x32 crop:
def differing_border(a, b):  # the narrowest border outside which a equals b
    differs = ~np.isclose(a, b, rtol=0, atol=1e-12)
    n = a.shape[0]
    return next(w for w in range(n) if not differs[w : n - w, w : n - w].any())


crop = small[:32, :32]
for f in range(2, 9):
    k = tc.bilinear_kernel(f)
    up = tc.conv_transpose2d(crop, k, stride=f, padding=f // 2)
    border = differing_border(up, tc.interpolate(crop, f, "bilinear"))
    print(f"f = {f}: kernel {k.shape}, output {up.shape}, border {border}")

# %%
# In PyTorch
# ----------
#
# A PyTorch layer initialised this way (weight ``(C_in, C_out / groups, kH, kW)``; one kernel
# per channel, so for C channels ``groups=C`` with the same kernel in each):
#
# .. code-block:: python
#
#    import torch
#    layer = torch.nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1, bias=False)
#    with torch.no_grad():
#        layer.weight.copy_(torch.tensor(kernel)[None, None])
#        y_torch = layer(torch.tensor(small, dtype=torch.float32)[None, None])[0, 0]
#    # y_torch equals by_kernel

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_04_bilinear_initialisation.png"
