r"""
Fixing the checkerboard
=======================

The common fixes, measured by the share of the output's energy in the image bands
(:doc:`plot_02_spectrum`), on the photograph and on the photograph minus its mean.
"""

# %%
# Six 2x up-samplings
# -------------------
#
# Random positive 3x3 and 4x4 kernels; the 4x4 one with equal phase sums
# (:func:`~transposed_conv.equalize_phase_sums`); nearest neighbour (the 2x2 kernel of ones); resize-convolution, nearest neighbour followed
# by the random 3x3 kernel at stride 1 (Odena et al., :doc:`/references`); and the bilinear
# kernel. The order is the same with and without the mean, and the crops show a grid in it.
# Where W is zero at the image centres the two columns agree: the mean is imaged only there.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import sample_photo, show_images

rng = np.random.default_rng(3)
small = tc.box_downsample(sample_photo(), 4)  # 128x128
k3, k4 = rng.uniform(0, 1, (3, 3)), rng.uniform(0, 1, (4, 4))
equal = tc.equalize_phase_sums(k4, 2, padding=1)


def upsamplers(x):
    up = {
        "Random 3x3": (k3 / k3.sum() * 4, 1, 1),
        "Random 4x4": (k4 / k4.sum() * 4, 1, 0),
        "Nearest": (np.ones((2, 2)), 0, 0),
        "4x4, equal phase sums": (equal / equal.sum() * 4, 1, 0),
    }
    out = {
        k: tc.conv_transpose2d(x, w, stride=2, padding=p, output_padding=a)
        for k, (w, p, a) in up.items()
    }
    out["Resize + 3x3"] = tc.resize_convolution(x, k3 / k3.sum(), 2, "nearest")
    out["Bilinear"] = tc.conv_transpose2d(
        x, tc.bilinear_kernel(2), stride=2, padding=1
    )
    return out


outs = upsamplers(small)
share = {k: tc.image_band_share(y, 2) for k, y in outs.items()}
share_mean_free = {
    k: tc.image_band_share(y, 2)
    for k, y in upsamplers(small - small.mean()).items()
}
print(f"{'image-band share of':<24}{'photo':>8}{'photo - mean':>14}")
for name in outs:
    print(f"{name:<24}{share[name]:8.2%}{share_mean_free[name]:14.2%}")
show_images(
    {f"{k}: {share[k]:.1%}": y[:64, 64:128] for k, y in outs.items()},
    title="2x up-samplings of the photograph (crops), with the image-band share",
    ncols=3,
)
plt.show()

# %%
# What each one fixes
# -------------------
#
# - **A kernel size divisible by the stride** gives every phase four taps and fixes nothing
#   by itself: the random 4x4 kernel comes second worst.
# - **Equal phase sums** keep a constant input constant (W is zero at 1/2). With padding 1,
#   tap u feeds phase :math:`(u - 1) \bmod 2`, and the taps of each phase are rescaled to one
#   sum. A simple zero leaves the rest of the images: a grid along the edges.
# - **Resize-convolution** cannot have unequal sums: nearest neighbour is the box kernel,
#   zero at 1/2, and the 3x3 kernel filters further. It leaves what that kernel passes, and
#   convolves the large image: 4 times a transposed convolution's multiplications.
# - **The bilinear kernel** (:doc:`plot_04_bilinear_initialisation`), zeros of order 3,
#   leaves least, with a blur.

# %%
# In PyTorch
# ----------
#
# Resize-convolution in PyTorch: nearest-neighbour up-sampling, then a stride-1 convolution
# with padding 1 (this cell runs where PyTorch is installed; the site is built without it).
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(k3 / k3.sum())[None, None]  # (C_out, C_in, kH, kW)
    big = F.interpolate(torch.tensor(small)[None, None], scale_factor=2)
    y_torch = F.conv2d(big, weight, padding=1)[0, 0]
    print(np.allclose(y_torch, outs["Resize + 3x3"]))
