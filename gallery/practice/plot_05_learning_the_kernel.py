r"""
Learning the kernel
===================

The point of a transposed convolution is that its kernel is learned. Here one is fitted, in
NumPy, to undo a 2x box-average down-sampling of the photograph: a tiny super-resolution,
trained on the left half of the image and scored on the right half.
"""

# %%
# The gradient
# ------------
#
# The gradient of the mean squared error with respect to the kernel, for stride :math:`s` and
# padding :math:`p`: output pixel
# :math:`y[is + u - p, js + v - p]` receives :math:`x[i, j]\,w[u, v]`, so
# :math:`\partial L / \partial w[u, v] = \sum_{i,j} x[i, j]\, g[is + u - p, js + v - p]`,
# with :math:`g = \partial L / \partial y`. First, a check of that formula by finite differences.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_lines,
    show_panels,
)

rng = np.random.default_rng(0)
x_small, w_small = rng.standard_normal((5, 5)), rng.standard_normal((6, 6))
sp = {"stride": 2, "padding": 2}
g_small = rng.standard_normal(
    tc.conv_transpose2d(x_small, w_small, **sp).shape
)
analytic = tc.conv_transpose2d_weight_grad(x_small, g_small, (6, 6), **sp)


def loss(w):
    return float(np.vdot(tc.conv_transpose2d(x_small, w, **sp), g_small))


numeric = tc.numerical_gradient(loss, w_small)
print(f"largest difference: {np.abs(analytic - numeric).max():.1e}")

# %%
# Training
# --------
#
# The data: the 512x512 photograph (in [0, 1]) and its 2x box average, 256x256. A 6x6 kernel
# with stride 2 and padding 2 maps 256 back to 512. Training uses the left halves; the kernel
# starts at zero and follows the gradient for 300 steps, with Nesterov momentum (each step
# keeps a decaying share of the previous steps, and the gradient is taken where that carried
# step leads).
high = sample_photo()
low = tc.box_downsample(high, 2)
kernel, losses = tc.fit_transposed_kernel(
    low[:, :128], high[:, :256], (6, 6), stride=2, padding=2, steps=300
)
print(f"training MSE: {losses[0]:.4f} -> {losses[-1]:.5f}")
title = "Learning curve: mean squared error on the left half"
axis = {"xlabel": "gradient step", "ylabel": "MSE", "logy": True}
show_lines({"training loss": losses}, title=title, **axis)
plt.show()

# %%
# What was learned
# ----------------
#
# The learned kernel next to the bilinear one. It is not a bilinear tent: its centre 2x2 taps
# are close to 1.0, against 0.56 for the bilinear kernel, so it is nearer the nearest-neighbour
# box (ones on the centre 2x2, zeros elsewhere), with small positive taps around the centre and
# negative lobes, down to about -0.19, on the outer ring, which sharpen, as the bicubic kernel's
# do.
# the same size and padding as the learned kernel
bilinear6 = np.pad(tc.bilinear_kernel(2), 1)
box6 = np.pad(np.ones((2, 2)), 2)  # nearest neighbour with stride 2, padding 2
print(kernel.round(2))
centre = kernel[2:4, 2:4].round(2).tolist()
print("centre:", centre, "bilinear centre:", bilinear6[2, 2])

# %%
# A 6x6 kernel with stride 2 gives each of the four output phases (pixels with the same row
# and column parity) nine taps by construction; equal tap counts say nothing about a
# checkerboard. Equal phase sums (the total weight of each phase's taps) keep a flat input
# flat, though not the rest of the picture (see
# :ref:`the spectral view <sphx_glr_gallery_practice_plot_02_spectrum.py>`). Like the bilinear
# kernel, the learned one has phase sums all within 0.01 of 1.000 (printed below), so a flat
# input stays flat to within 1%: training found nearly equal phase sums by itself. Odena et al.
# (Distill, 2016, in the :doc:`references </references>`) note that a network can learn
# weights that avoid checkerboards in principle but often does not; here it found that much.
learned_sums = tc.phase_sums(kernel, 2, padding=2)
print(learned_sums.round(4))
panels = [Panel(kernel.round(2), "Learned kernel", "kernel")]
panels += [Panel(bilinear6.round(2), "Bilinear kernel", "kernel")]
title = "The kernel learned from the left half, next to the bilinear kernel"
show_panels(panels, title=title)
plt.show()

# %%
# Scored on unseen pixels
# -----------------------
#
# Scored on the right half, which training never saw, by PSNR (peak signal-to-noise ratio: the
# mean squared error on a log scale relative to the largest pixel value, in dB; higher is
# better), the 8-pixel border left out so that edge handling does not decide the ranking:
test_low, test_high = low[:, 128:], high[:, 256:]
learned_up = tc.conv_transpose2d(test_low, kernel, stride=2, padding=2)
modes = ["nearest", "bilinear", "bicubic"]
candidates = {mode: tc.interpolate(test_low, 2, mode) for mode in modes}
bilinear_up = tc.conv_transpose2d(test_low, bilinear6, stride=2, padding=2)
candidates["transposed, bilinear kernel"] = bilinear_up
candidates["transposed, learned kernel"] = learned_up
table = {
    name: tc.psnr(est[8:-8, 8:-8], test_high[8:-8, 8:-8])
    for name, est in candidates.items()
}
for name, value in table.items():
    print(f"{name:<30}{value:7.2f}")

# %%
# In PyTorch
# ----------
#
# The learned kernel in a PyTorch layer reproduces the page's up-sampled right half:
#
# .. code-block:: python
#
#    import torch
#
#    layer = torch.nn.ConvTranspose2d(1, 1, 6, stride=2, padding=2, bias=False)
#    with torch.no_grad():
#        layer.weight.copy_(torch.tensor(kernel)[None, None])
#        y_torch = layer(torch.tensor(test_low, dtype=torch.float32)[None, None])[0, 0]
#    # y_torch equals learned_up

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_05_learning_the_kernel.png"
