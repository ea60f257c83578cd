r"""
Artifacts in gradients
======================

The gradient of a strided convolution with respect to its input is a transposed convolution
of the gradient that arrives from above, so it images that gradient as any transposed
convolution images its input. Networks trained through strided convolutions can see a
checkerboard in their gradients even when no transposed convolution appears in the model.
"""

# %%
# Counting windows
# ----------------
#
# A stride-2 convolution with a 3x3 kernel of ones and padding 1, and the gradient of the sum
# of its outputs with respect to its input: each input pixel counts the windows it falls in,
# 1, 2 or 4, the taps-per-pixel map of the
# :doc:`checkerboard page <plot_01_checkerboard>`, here in a gradient. It is the transposed
# convolution of the upstream gradient, all ones: a constant, imaged.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import sample_photo, show_images

ones = np.ones((3, 3))
x = np.zeros((9, 9))
upstream = np.ones(tc.conv2d(x, ones, stride=2, padding=1).shape)
grad = tc.numerical_gradient(
    lambda v: float(tc.conv2d(v, ones, stride=2, padding=1).sum()), x
)
by_transpose = tc.conv_transpose2d(upstream, ones, stride=2, padding=1)
print(grad.round(6))

# %%
# On a photograph
# ---------------
#
# The gradient of a simple loss (the outputs' squared sum) on the photograph, through a
# random positive 3x3 kernel and through a 4x4 kernel of ones, both at stride 2 with padding
# 1. The two questions of the :doc:`imaging view <plot_02_spectrum>` apply unchanged: the
# 4x4 kernel of ones has equal phase sums (zeros at the image centres, of order 1 along each
# axis), the random kernel has none. Each title gives the gradient's share of energy in the
# image bands, on the photograph and on the photograph minus its mean. Sugawara et al. and
# Kinoshita and Kiya (:doc:`/references`) fix both directions with the same condition.
image = tc.box_downsample(sample_photo(), 2)
k3 = np.random.default_rng(1).uniform(0, 1, (3, 3))
grads, share, share_mean_free = {}, {}, {}
for name, kernel in [
    ("Kernel 3, random", k3),
    ("Kernel 4, all ones", np.ones((4, 4))),
]:
    a = tc.output_padding_for(256, len(kernel), 2, 1)
    for img, into in ((image, share), (image - image.mean(), share_mean_free)):
        out = tc.conv2d(img, kernel, stride=2, padding=1)
        g = tc.conv_transpose2d(
            2 * out, kernel, stride=2, padding=1, output_padding=a
        )
        into[name] = tc.image_band_share(g, 2)
    grads[f"{name}: {share[name]:.1%}, {share_mean_free[name]:.1%}"] = g
show_images(
    {k: g[:96, 64:160] for k, g in grads.items()},
    title="Input gradients of a stride-2 convolution (crops, photo minus its mean)",
    ncols=2,
)
plt.show()

# %%
# In PyTorch
# ----------
#
# PyTorch's autograd computes the same input gradient: the backward pass of ``conv2d`` is a
# transposed convolution (this cell runs where PyTorch is installed; the site is built
# without it).
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    x_t = torch.tensor(x)[None, None].requires_grad_()
    weight = torch.tensor(ones)[None, None]
    F.conv2d(x_t, weight, stride=2, padding=1).sum().backward()
    y_torch = x_t.grad[0, 0]
    print(np.allclose(y_torch, grad))  # True
