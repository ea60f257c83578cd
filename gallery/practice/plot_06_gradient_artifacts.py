r"""
Artifacts in gradients
======================

The gradient of a strided convolution with respect to its input is a transposed convolution,
so it inherits the same uneven overlap. Networks trained through strided convolutions can see
a checkerboard in their gradients even when no transposed convolution appears in the model.
"""

# %%
# Counting windows
# ----------------
#
# A stride-2 convolution with a 3x3 kernel and padding 1, and the gradient of the sum of its outputs with
# respect to the input: each input pixel counts how many windows (weighted by the kernel)
# it falls in. With all-ones weights that count is 1, 2 or 4: the taps-per-pixel map of
# :ref:`sphx_glr_gallery_practice_plot_01_checkerboard.py`, here in the gradient.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import sample_photo, show_images

ones = np.ones((3, 3))
x = np.zeros((9, 9))
grad = tc.numerical_gradient(
    lambda v: float(tc.conv2d(v, ones, stride=2, padding=1).sum()), x
)
print(grad.round(6))

# %%
# On a photograph
# ---------------
#
# On a real image with a random 3x3 kernel, the gradient of a simple loss (the outputs' squared
# sum) shows the pattern over the picture. A 4x4 kernel with padding 1 and equal phase sums
# (here: all ones) removes the part of it that a flat region would show; that is all equal
# phase sums promise. The printed numbers are each gradient's share of variance that repeats
# exactly every 2 pixels, which sees only that part.
image = tc.box_downsample(sample_photo(), 2)
rng = np.random.default_rng(1)
k3 = rng.uniform(0, 1, (3, 3))
grads = {}
for name, kernel, pad in [
    ("Kernel 3, random", k3, 1),
    ("Kernel 4, all ones", np.ones((4, 4)), 1),
]:
    out = tc.conv2d(image, kernel, stride=2, padding=pad)
    a = tc.output_padding_for(256, kernel.shape[0], 2, pad)
    grads[name] = tc.conv_transpose2d(
        2 * out, kernel, stride=2, padding=pad, output_padding=a
    )
energy = {name: tc.stride_frequency_energy(g, 2) for name, g in grads.items()}
print({name: f"{e:.2%}" for name, e in energy.items()})
crops = {n: g[:96, 64:160] for n, g in grads.items()}
title = "Input gradients of a stride-2 convolution (crops)"
show_images(crops, title=title, ncols=2)
plt.show()

# %%
# In PyTorch
# ----------
#
# PyTorch's autograd computes the same input gradient: the backward pass of ``conv2d`` is a
# transposed convolution.
#
# .. code-block:: python
#
#    import torch
#    import torch.nn.functional as F
#
#    x_t = torch.tensor(x)[None, None].requires_grad_()
#    F.conv2d(x_t, torch.tensor(ones)[None, None], stride=2, padding=1).sum().backward()
#    y_torch = x_t.grad[0, 0]
#    # y_torch equals grad

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_06_gradient_artifacts.png"
