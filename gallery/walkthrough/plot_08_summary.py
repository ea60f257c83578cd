r"""
Summary
=======

Three routes compute the same transposed convolution. It restores the shape, not the values,
and its weights are learnable. The zero-padded route is the easiest to draw and the most wasteful.

`Open this case in the explorer <../../explorer.html#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# Three routes, one result
# ------------------------
#
# The matrix route, the scatter-add route and the zero-padded convolution, compared.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_panels

inputs = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
x2 = np.array([[1, 3], [2, 3]])
C = tc.convolution_matrix(inputs.shape, kernel)
routes = {
    "C.T @ x2": (C.T @ x2.ravel()).reshape(4, 4),
    "Scatter-add": tc.conv_transpose2d(x2, kernel),
    "Zero-padded": tc.conv_transpose_by_zero_insertion(x2, kernel),
}
print({k: np.array_equal(v, routes["C.T @ x2"]) for k, v in routes.items()})
label = "C.T @ x2 = scatter-add = zero-padded"
title = "The matrix route, the scatter-add and the zero-padded convolution with the rotated kernel all give this 4x4 matrix"
panel = Panel(routes["C.T @ x2"], label, "output")
show_panels([panel], title=title, width=6.5)
plt.show()

# %%
# Not an inverse
# --------------
#
# The transpose is not the inverse: convolving and transposing back does not return the input,
# nor does C's pseudo-inverse (the least-norm input with the same convolution): four numbers
# cannot pin down sixteen. When the kernel's shifts by the stride are orthonormal,
# :math:`C C^T = I` and :math:`C^T` is the pseudo-inverse (:doc:`../arithmetic/plot_13_no_overlap`).
back = (C.T @ (C @ inputs.ravel())).reshape(4, 4)
least_norm = (np.linalg.pinv(C) @ (C @ inputs.ravel())).reshape(4, 4)
print(back)
print(np.allclose(C @ least_norm.ravel(), C @ inputs.ravel()))
panels = [Panel(inputs, "Input x"), Panel(back, "C.T @ C @ x", "output")]
panels += [Panel(least_norm, "pinv(C) @ C @ x", "output")]
title = "C.T @ C @ x is not x, and neither is the pseudo-inverse's answer"
show_panels(panels, title=title, share_norm=False)  # each on its own scale
plt.show()

# %%
# Learnable, and wasteful when drawn with zeros
# ---------------------------------------------
#
# The weights are learnable: the transposed convolution is linear in its kernel, so a network
# trains it like any other layer (the :ref:`practice section <sphx_glr_gallery_practice>` fits
# one by gradient descent). The zero-padded route multiplies every kernel tap at every output
# position, most of them by an inserted or padded zero. Counted here, at strides 1 and 2:
for s in (1, 2):
    total, wasted = tc.zero_insertion_waste(x2.shape, kernel.shape, stride=s)
    share = f"{wasted} of {total} multiplications meet a zero ({wasted / total:.0%})"
    print(f"stride {s}: {share}")

# %%
# Next: stride 2
# --------------
#
# At stride 1 the transposed convolution makes each axis only :math:`k - 1` larger. Decoders
# use stride 2: the stamps land two pixels apart and the zero-padded route inserts a zero
# between the inputs (the :ref:`strides page <sphx_glr_gallery_arithmetic_plot_04_strides.py>`);
# :ref:`"exactly s times larger" <sphx_glr_gallery_arithmetic_plot_14_exactly_s_times.py>`
# picks the kernel, padding and ``output_padding`` that double the size. Here 2x2 becomes 5x5:
strided = tc.conv_transpose2d(x2, kernel, stride=2)
print(strided)

# %%
# In PyTorch
# ----------
#
# The walk-through's transposed convolution as a PyTorch layer, weight ``(C_in, C_out / groups, kH, kW)``:
# (This cell runs where PyTorch is installed; the site is built without it.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch

    layer = torch.nn.ConvTranspose2d(1, 1, 3, bias=False)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(kernel)[None, None])
        x2_t = torch.tensor(x2, dtype=torch.float32)[None, None]
        y_torch = layer(x2_t)[0, 0]
    print(np.allclose(y_torch, routes["Scatter-add"]))  # True
