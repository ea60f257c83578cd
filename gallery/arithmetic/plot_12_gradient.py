r"""
The gradient view
=================

Training a network by backpropagation passes the loss's gradient backwards through every
layer, from the layer's output to its input. For a convolution, that backward step *is* a
transposed convolution with the same kernel, which is how frameworks implement one with the
other.
"""

# %%
# The claim
# ---------
#
# Take a small convolution and a fixed "upstream gradient" ``g`` shaped like its output (the
# gradient of the loss with respect to that output). Write :math:`\langle u, v \rangle` for
# the sum of the elementwise products of two arrays of one shape, and C for the convolution's
# matrix, so that :math:`\mathrm{conv}(x) = C x` on the flattened x. The scalar
# :math:`L(x) = \langle \mathrm{conv}(x), g \rangle` has gradient
# :math:`\partial L / \partial x = C^\top g`, the transposed convolution of ``g``.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_panels

rng = np.random.default_rng(0)
x = rng.standard_normal((5, 5))
kernel = rng.standard_normal((3, 3))
g = rng.standard_normal(tc.conv2d(x, kernel, stride=2).shape)


def loss(v):
    return float(np.vdot(tc.conv2d(v, kernel, stride=2), g))


# %%
# Checked by finite differences
# -----------------------------
#
# Nudge each input value by :math:`\pm 10^{-6}` and measure how L changes (finite
# differences), then compare with the transposed convolution. The printed number is the
# largest difference between the two, below :math:`10^{-8}`: the rounding error of the finite
# differences.
numeric = tc.numerical_gradient(loss, x, eps=1e-6)
analytic = tc.conv_transpose2d(g, kernel, stride=2)
print(np.abs(numeric - analytic).max())
show_panels(
    [
        Panel(g.round(2), "Gradient g"),
        Panel(numeric.round(2), "Finite differences", "output"),
        Panel(analytic.round(2), "conv_transpose2d(g)", "output"),
    ],
    title="The gradient of a stride-2 convolution equals the transposed convolution of g",
)
plt.show()

# %%
# And the other way
# -----------------
#
# The backward step of a transposed convolution is a convolution with the same kernel and
# parameters. Here the transposed convolution maps the 3x3 ``x3`` to 6x6 (stride 2, padding 1,
# ``output_padding`` 1); the gradient of :math:`\langle y, g_6 \rangle` with respect to
# ``x3`` is the stride-2 convolution of ``g6`` (printed: the largest difference from finite
# differences). ``output_padding`` only adds rows that the convolution's floor drops.
x3, g6 = rng.standard_normal((3, 3)), rng.standard_normal((6, 6))
up = {"stride": 2, "padding": 1, "output_padding": 1}
numeric_t = tc.numerical_gradient(
    lambda v: float(np.vdot(tc.conv_transpose2d(v, kernel, **up), g6)),
    x3,
    eps=1e-6,
)
by_conv = tc.conv2d(g6, kernel, stride=2, padding=1)
print(np.abs(numeric_t - by_conv).max())

# %%
# In PyTorch
# ----------
#
# PyTorch's autograd gives the same gradient, and ``conv_transpose2d`` of ``g`` computes it
# directly (this cell runs where PyTorch is installed; the site is built without it):
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    x_t = torch.tensor(x).requires_grad_()
    weight = torch.tensor(kernel)[None, None]
    loss_t = (
        F.conv2d(x_t[None, None], weight, stride=2)[0, 0] * torch.tensor(g)
    ).sum()
    loss_t.backward()
    y_torch = x_t.grad
    print(np.allclose(y_torch, analytic))  # True

    g_t = torch.tensor(g)[None, None]
    y_torch = F.conv_transpose2d(g_t, weight, stride=2)[0, 0]
    print(np.allclose(y_torch, analytic))  # True
