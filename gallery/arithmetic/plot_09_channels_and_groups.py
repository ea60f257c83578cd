r"""
Channels and groups
===================

With channels, a transposed convolution's weight has the shape ``(C_in, C_out / groups, kH,
kW)``: one 2-D kernel for each connected pair of an input and an output channel. With g
groups, only the pairs inside a group are connected: one pair in g.
"""

# %%
# Channels
# --------
#
# Two input channels, three output channels, groups=1: six kernels, ``weight[c, o]`` from input
# channel ``c`` to output channel ``o`` (first figure: one row per output channel). Output
# channel ``o`` is the sum over input channels ``c`` of the 2-D transposed convolution (∗ᵀ in
# the figures) of ``x[c]`` with ``weight[c, o]`` (second figure: ``o = 0``). The stride is 2,
# so each 2x2 input channel and 2x2 kernel give a 4x4 output, :math:`(2 - 1) \cdot 2 + 2 = 4`.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_channel_sum, show_panels

rng = np.random.default_rng(1)
x = rng.integers(0, 4, (2, 2, 2))
weight = rng.integers(0, 4, (2, 3, 2, 2))
y = tc.conv_transpose2d(x, weight, stride=2)
print(x.shape, "->", y.shape)
kernels = [
    Panel(weight[c, o], f"weight[{c}, {o}]", "kernel")
    for o in range(3)
    for c in range(2)
]
title = "groups=1: weight (2, 3, 2, 2), a kernel for every input-output pair"
show_panels(kernels, title=title, ncols=2)
title = "Output channel 0, stride 2: each input channel with its own kernel"
names = ("x", "weight", "y")
show_channel_sum(x, weight, 0, stride=2, title=title, names=names)
plt.show()

# %%
# Groups
# ------
#
# With groups=2, four input channels split into two groups of two, and each group makes its own
# output channels: weight ``(4, 1, 2, 2)`` means ``C_out / groups = 1`` output channel per group,
# two in all. Input channels 0 and 1 feed output 0 only; 2 and 3 feed output 1 only (one
# figure per group).
x4 = rng.integers(0, 4, (4, 2, 2))
w4 = rng.integers(0, 4, (4, 1, 2, 2))  # C_in * C_out / groups = 4 of 8 pairs
y4 = tc.conv_transpose2d(x4, w4, stride=2, groups=2)
names = ("x4", "w4", "y4")
for g in range(2):
    c = 2 * g
    title = f"groups=2, group {g}: x4[{c}] and x4[{c + 1}] make y4[{g}]"
    show_channel_sum(x4, w4, g, groups=2, stride=2, title=title, names=names)
plt.show()

# %%
# The same weight, both ways
# --------------------------
#
# The direct convolution with the same groups uses the weight the other way round,
# ``(C_out, C_in / groups, kH, kW)``; the equivalent convolution of the transposed one swaps
# input and output channels *within* each group, and rotates every kernel (first line).
#
# Why: the transposed convolution is the adjoint of a convolution and reuses its weight
# unchanged. As a *convolution's* weight, ``w4`` maps 2 channels to 4 (stride 2, groups 2);
# the transposed convolution with the same array maps 4 channels back to 2. The axes are named
# from the convolution's side. Adjoint: for every z,
# :math:`\langle C z, x_4 \rangle = \langle z, C^T x_4 \rangle` (the two numbers printed).
flipped = tc.flip_kernel(w4, groups=2)
print(w4.shape, "->", flipped.shape)
z = np.random.default_rng(0).integers(-3, 4, (2, 4, 4))
forward = tc.conv2d(z, w4, stride=2, groups=2)
print(forward.shape, np.vdot(forward, x4), np.vdot(z, y4))

# %%
# In PyTorch
# ----------
#
# ``ConvTranspose2d(4, 2, 2, stride=2, groups=2)`` holds a weight of shape ``(C_in, C_out /
# groups, kH, kW) = (4, 1, 2, 2)``, the page's ``w4``. (This cell runs where PyTorch is
# installed; the site is built without it.)
if find_spec("torch"):
    import torch

    layer = torch.nn.ConvTranspose2d(4, 2, 2, stride=2, groups=2, bias=False)
    print(layer.weight.shape)  # torch.Size([4, 1, 2, 2])
    layer.weight = torch.nn.Parameter(torch.tensor(w4).float())
    y_torch = layer(torch.tensor(x4).float()[None])[0].detach()
    print(np.allclose(y_torch, y4))  # True
