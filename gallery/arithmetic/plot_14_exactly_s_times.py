r"""
Make the output exactly s times larger
======================================

A decoder usually wants each layer to multiply the size by exactly the stride: 16 to 32 to 64.
One rule picks the kernel size, padding and ``output_padding`` that do it, and the stride and
kernel size decide how many kernel taps each output phase receives; whether the layer makes
:ref:`checkerboards <sphx_glr_gallery_practice_plot_01_checkerboard.py>` is then up to the
weights.
"""

# %%
# The rule
# --------
#
# The transposed convolution's output size is :math:`o' = (i' - 1) s - 2p + d(k - 1) + a + 1`.
# It equals :math:`s\, i'` for every input size :math:`i'` exactly when
#
# .. math:: d(k - 1) - 2p + a = s - 1 .
#
# With :math:`d = 1`, every kernel size k has a padding :math:`p \ge 0` and an
# ``output_padding`` :math:`0 \le a < s` that satisfy it: exactly one pair for s = 2, and
# for larger s sometimes more (for s = 3 and k = 3: p = 0 with a = 0, or p = 1 with a = 2).
# The table lists the smallest padding for each k, for s = 2 and s = 3 (each holds on inputs
# of 5 to 9: the tests check it), with:
#
# - the tap counts per phase: the number of kernel taps each output phase (the output pixels
#   with the same position modulo s) receives away from the border
#   (:func:`~transposed_conv.overlap_counts`); "equal" when every phase receives the same
#   number (k a multiple of s), "uneven" otherwise. Neither settles whether the layer makes a
#   checkerboard: the weights do (see the
#   :ref:`fixes page <sphx_glr_gallery_practice_plot_03_fixes.py>`);
# - the PyTorch arguments, for
#   ``ConvTranspose2d(C_in, C_out, k, stride=s, padding=p, output_padding=a)``;
# - Keras' call of the same size, ``Conv2DTranspose(filters, k, strides=s, padding="same")``
#   (always s times the input), and whether its values equal PyTorch's or are shifted by one
#   pixel (Keras crops the odd row at the end, PyTorch at the start). This column is for Keras
#   3.15 or newer (and Keras on TensorFlow or JAX); Keras 3 before 3.15 on the PyTorch backend
#   gave PyTorch's values, with a warning where they differ.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_panels

rng = np.random.default_rng(0)
table = []
for s in (2, 3):
    for k in range(2, 3 * s + 1):
        p = max(0, -(-(k - s) // 2))  # the smallest padding that leaves a >= 0
        a = s - 1 - (k - 1) + 2 * p
        spec = {"stride": s, "padding": p, "output_padding": a}
        interior = tc.overlap_counts(8, k, **spec)[s * 2 : -s * 2]
        risk = "equal" if len(set(interior.tolist())) == 1 else "uneven"
        x = rng.integers(0, 5, (4, 4))
        kernel = rng.integers(-3, 4, (k, k))
        torch_like = tc.conv_transpose2d(x, kernel, **spec)
        keras_like = tc.conv_transpose2d_tf(
            x, kernel, (4 * s, 4 * s), stride=s, padding="SAME"
        )
        same = np.array_equal(keras_like, torch_like)
        table.append((s, k, p, a, risk, "equal" if same else "shifted by one"))

print(
    f"{'s':>2}{'k':>3}{'padding':>9}{'output_padding':>16}"
    f"  {'tap counts per phase':<22}Keras 'same'"
)
for s, k, p, a, risk, keras in table:
    print(f"{s:>2}{k:>3}{p:>9}{a:>16}  {risk:<22}{keras}")
rows = {(s, k): (p, a, risk, keras) for s, k, p, a, risk, keras in table}

# %%
# Two layers that double
# ----------------------
#
# Kernel 4, padding 1 and kernel 3, padding 1, ``output_padding=1`` both double a 4x4 input.
# With all-one weights the taps per output pixel show the difference: kernel 4 gives every
# pixel away from the border two taps per axis, kernel 3 alternates one and two.
ones = np.ones((4, 4), dtype=int)
ones4, ones3 = np.ones((4, 4), dtype=int), np.ones((3, 3), dtype=int)
even = tc.conv_transpose2d(ones, ones4, stride=2, padding=1)
uneven = tc.conv_transpose2d(
    ones, ones3, stride=2, padding=1, output_padding=1
)
# away from the border: 2 x 2 taps for kernel 4, 1 or 2 per axis for kernel 3
print(even, uneven, sep="\n")
panels = [Panel(even, "k=4, p=1, a=0", "output")]
panels += [Panel(uneven, "k=3, p=1, a=1", "output")]
title = "Taps per output pixel: both double 4x4 to 8x8 (stride 2); kernel 4 overlaps evenly, kernel 3 does not"
show_panels(panels, title=title)
plt.show()

# %%
# In PyTorch and Keras
# --------------------
#
# Kernel 4, stride 2, padding 1 on a new 4x4 input ``x`` and a 4x4 kernel (the weight's shape
# is ``(C_in, C_out / groups, kH, kW)`` in PyTorch, ``(kH, kW, C_out, C_in)`` in Keras):
x = np.arange(16).reshape(4, 4) % 5
kernel4 = np.array([[1, 2, 0, 1], [0, 1, 3, 0], [2, 0, 1, 1], [1, 1, 0, 2]])
up4 = tc.conv_transpose2d(x, kernel4, stride=2, padding=1)
print(up4.shape)

# %%
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch

    layer = torch.nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1, bias=False)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(kernel4)[None, None])
        y_torch = layer(torch.tensor(x, dtype=torch.float32)[None, None])[0, 0]
    print(np.allclose(y_torch, up4))  # True

# %%
# Keras' ``'same'`` gives the same 8x8 values for kernel 4 (k - s even: the crop is
# symmetric):
if find_spec("keras"):
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")  # before keras
    import keras

    layer = keras.layers.Conv2DTranspose(
        1, 4, strides=2, padding="same", use_bias=False
    )
    layer.build((1, 4, 4, 1))
    layer.set_weights([kernel4[:, :, None, None].astype("float32")])
    y_keras = keras.ops.convert_to_numpy(
        layer(x[None, :, :, None].astype("float32"))
    )
    y_keras = y_keras[0, :, :, 0]
    print(np.allclose(y_keras, up4))  # True
