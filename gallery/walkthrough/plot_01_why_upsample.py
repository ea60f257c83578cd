r"""
Why up-sample, and how
======================

A decoder has to make small feature maps large again. Interpolation does it by a fixed rule;
a transposed convolution does it with a kernel that the network learns.
"""

# %%
# Four ways to 4x4
# ----------------
#
# Take the 2x2 matrix that the walk-through up-samples later and make it 4x4 four ways:
# three interpolations with PyTorch's conventions, and a stride-2 transposed convolution
# with the kernel that reproduces bilinear interpolation away from the border.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_images,
    show_panels,
)

small = np.array([[1.0, 3.0], [2.0, 3.0]])
modes = ["nearest", "bilinear", "bicubic"]
ups = {mode: tc.interpolate(small, 2, mode) for mode in modes}
bilinear2 = tc.bilinear_kernel(2)
ups["transposed"] = tc.conv_transpose2d(small, bilinear2, stride=2, padding=1)
show_panels(
    [Panel(small, "Input")]
    + [Panel(v, k.capitalize(), "output") for k, v in ups.items()],
    title="A 2x2 input up-sampled to 4x4 by nearest, bilinear, bicubic and a transposed convolution",
    ncols=3,
)
plt.show()

# %%
# The border
# ----------
#
# On a 2x2 input the border is almost everything: only the centre 2x2 of the transposed
# convolution's result equals bilinear interpolation; the twelve cells of its outer ring differ,
# as beyond the edge it sees zeros where interpolation repeats the edge. The kernel is a tent:
print(tc.bilinear_kernel(2))

# %%
# On a photograph
# ---------------
#
# On a photograph the difference shows. Grace Hopper's portrait, which ships with matplotlib,
# is averaged down to 64x64 grey pixels, then up-sampled 4x. A transposed convolution with the
# bilinear kernel matches bilinear interpolation; one with a random positive kernel of the
# same size blurs unevenly and leaves a checkerboard, the artifact that the
# :ref:`practice section <practice>` takes apart. Bicubic overshoots the photograph's 0-to-1
# range a little (printed); it is clipped to that range, drawn in grey like the other panels.
small_photo = tc.box_downsample(sample_photo(), 8)  # 64x64: 8x8 block means
random_kernel = np.random.default_rng(0).uniform(0, 1, (8, 8))
random_kernel /= random_kernel.sum() / 16  # the bilinear kernel's total weight
results = {"Input": small_photo}
for mode in modes:  # bicubic, last, overshoots: all clipped to [0, 1]
    up = tc.interpolate(small_photo, 4, mode)
    results[mode.capitalize()] = np.clip(up, 0, 1)
print(f"bicubic from {up.min():.3f} to {up.max():.3f}")
kernels = {"bilinear": tc.bilinear_kernel(4), "random": random_kernel}
for name, k in kernels.items():
    up = tc.conv_transpose2d(small_photo, k, stride=4, padding=2)
    results[f"Transposed, {name} kernel"] = up
crops = {
    name: image[: len(image) // 2, len(image) // 4 : 3 * len(image) // 4]
    for name, image in results.items()
}
title = "Crops (the top middle) of a 64x64 photograph up-sampled 4x six ways"
show_images(crops, title=title)
plt.show()

# %%
# In PyTorch
# ----------
#
# PyTorch's interpolation, and the transposed convolution with the bilinear kernel (this cell
# runs where PyTorch is installed; the site is built without it):
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    small_t = torch.tensor(small)[None, None]
    y_torch = F.interpolate(
        small_t, scale_factor=2, mode="bilinear", align_corners=False
    )[0, 0]
    print(np.allclose(y_torch, ups["bilinear"]))  # True
    weight = torch.tensor(bilinear2)[None, None]
    y_torch = F.conv_transpose2d(small_t, weight, stride=2, padding=1)[0, 0]
    print(np.allclose(y_torch, ups["transposed"]))  # True
