r"""
Bilinear initialisation
=======================

A transposed convolution can start out as exact bilinear interpolation: the kernel is a tent
of size :math:`2f - f \bmod 2`, the stride is f and the padding :math:`\lfloor f / 2 \rfloor`.
Long et al. (2015, :doc:`/references`) initialise their fully convolutional networks this way.
"""

# %%
# The kernel for f = 2
# --------------------
#
# The kernel is the outer product of [1/4, 3/4, 3/4, 1/4] with itself. With padding 1, tap u
# lands on phase :math:`(u - 1) \bmod 2`: taps 1 and 3 on phase 0, 0 and 2 on phase 1, each
# pair summing to 1: a constant stays constant. The tent is :math:`(1 + z^{-1})^3 / 4`, a zero
# of order 3 at 1/2: the images of slow variations go too (:doc:`plot_02_spectrum`).
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv import plotting

kernel = tc.bilinear_kernel(2)
sums = tc.phase_sums(kernel, 2, padding=1)
orders = tc.image_zero_orders(kernel, 2)
print(kernel, sums, orders, sep="\n")
tent_panel = plotting.Panel(kernel, "Kernel", "kernel")
plotting.show_panels([tent_panel], title="The f = 2 tent kernel")
plt.show()

# %%
# On the photograph
# -----------------
#
# With this kernel the transposed convolution equals bilinear interpolation except in a
# border :math:`\lfloor f / 2 \rfloor` pixels wide, where interpolation repeats the edge and
# the transposed convolution sees zeros: in the crops, only the top row differs (the rows
# that differ are printed). The boxed corner, in 8-bit grey levels (times 255), shows it.
small = tc.box_downsample(plotting.sample_photo(), 4)
by_kernel = tc.conv_transpose2d(small, kernel, stride=2, padding=1)
by_interpolation = tc.interpolate(small, 2, "bilinear")
difference = (by_kernel - by_interpolation)[:96, 48:144]
crops = {
    "Transposed conv, bilinear kernel": by_kernel[:96, 48:144],
    "Bilinear interpolation": by_interpolation[:96, 48:144],
}
title = "With the bilinear kernel the transposed convolution is bilinear interpolation (crops)"
plotting.show_images(crops, title=title, ncols=2, outline=((0, 5), (0, 8)))
plt.show()
print(np.flatnonzero(abs(difference).max(axis=1) > 1e-12))  # rows that differ
grey = np.round(difference[:5, :8] * 255)  # in 8-bit grey levels
corner = plotting.Panel(grey, "Difference x 255", "neutral")
plotting.show_panels([corner], title="Boxed corners: only the top row differs")
plt.show()

# %%
# Every factor, and what it leaves
# --------------------------------
#
# For every factor the tent has equal phase sums, differs from bilinear interpolation only in
# a border :math:`\lfloor f / 2 \rfloor` pixels wide, and has a zero of order 2 or more at
# each image centre :math:`j/f`: it is the box of f ones convolved with itself (and, for an
# even f, with [1, 1], a third zero at 1/2). Measured on a 32x32 crop:
crop = small[:32, :32]
table = {}
for f in range(2, 9):
    tent2d = tc.bilinear_kernel(f)
    up = tc.conv_transpose2d(crop, tent2d, stride=f, padding=f // 2)
    bilinear = tc.interpolate(crop, f, "bilinear")
    differs = ~np.isclose(up, bilinear, rtol=0, atol=1e-12)
    border = int(differs[: len(up) // 2, len(up) // 2].sum())  # rows, top
    tent = tent2d.sum(axis=0)  # one axis of the kernel
    table[f] = (border, tc.image_zero_orders(tent, f)[1:].tolist())
    print(f"f = {f}: border {border}, zero orders at j/f: {table[f][1]}")

# %%
# It leaves a blur: along each axis the f = 2 kernel passes the input's finest detail, at 1/4
# cycle per output pixel, at 35% of its gain at 0. And training moves the weights, with
# nothing to keep the zeros: :doc:`plot_05_learning_the_kernel`.
edge_gain = abs(np.fft.fft([0.25, 0.75, 0.75, 0.25])[1]) / 2
print(f"{edge_gain:.3f}")

# %%
# In PyTorch
# ----------
#
# A layer initialised this way: with C channels, ``groups=C`` and the kernel in each, weight
# ``(C, 1, 4, 4)`` (this cell runs where PyTorch is installed; the site is built without it):
if find_spec("torch"):
    import torch

    C = 3
    layer = torch.nn.ConvTranspose2d(C, C, 4, 2, 1, groups=C, bias=False)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(kernel).expand(C, 1, 4, 4))
        y_torch = layer(torch.tensor(small).float().expand(1, C, 128, 128))[0]
    print(np.allclose(y_torch, by_kernel, atol=1e-6))  # True for each channel
