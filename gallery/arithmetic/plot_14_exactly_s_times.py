r"""
Make the output exactly s times larger
======================================

A decoder usually wants each layer to multiply the size by exactly the stride: 16 to 32 to 64.
One rule picks the kernel size, padding and ``output_padding`` that do it; the stride and kernel
size decide how many kernel taps each output phase receives, and the weights whether the layer
makes :ref:`checkerboards <sphx_glr_gallery_practice_plot_01_checkerboard.py>`.
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
# ``output_padding`` :math:`0 \le a < s` that satisfy it: exactly one pair for s = 2, and for
# larger s sometimes more (for s = 3 and k = 3: p = 0 with a = 0, or p = 1 with a = 2). The
# table lists, for s = 2 and s = 3, the smallest padding for each k, as PyTorch's
# ``ConvTranspose2d(C_in, C_out, k, stride=s, padding=p, output_padding=a)``, with:
#
# - the tap counts per phase (the output pixels with the same position modulo s) away from
#   the border (:func:`~transposed_conv.overlap_counts`): "equal" when k is a multiple of s,
#   "uneven" otherwise; the weights decide the checkerboard (see the
#   :ref:`fixes page <sphx_glr_gallery_practice_plot_03_fixes.py>`);
# - whether Keras' ``Conv2DTranspose(filters, k, strides=s, padding="same")`` (always s times
#   the input) gives PyTorch's values or shifts them by one pixel: Keras crops the odd row at
#   the end, PyTorch at the start (Keras 3 before 3.15 on PyTorch gave PyTorch's values).
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_panels

rng, table = np.random.default_rng(0), []
print(" s  k  padding  output_padding  tap counts  Keras 'same'")
for s in (2, 3):
    for k in range(2, 3 * s + 1):
        p = max(0, -(-(k - s) // 2))  # the smallest padding that leaves a >= 0
        a = s - 1 - (k - 1) + 2 * p
        spec = {"stride": s, "padding": p, "output_padding": a}
        interior = tc.overlap_counts(8, k, **spec)[s * 2 : -s * 2]
        risk = "equal" if np.ptp(interior) == 0 else "uneven"
        x, w = rng.integers(0, 5, (4, 4)), rng.integers(-3, 4, (k, k))
        y = tc.conv_transpose2d(x, w, **spec)
        y_tf = tc.conv_transpose2d_tf(x, w, y.shape, stride=s, padding="SAME")
        keras = "equal" if np.array_equal(y_tf, y) else "shifted by one"
        table.append((s, k, p, a, risk, keras))
        print(f"{s:>2}{k:>3}{p:>9}{a:>16}  {risk:<12}{keras}")

# %%
# Two layers that double
# ----------------------
#
# Kernel 4, padding 1 and kernel 3, padding 1, ``output_padding=1`` both double a 4x4 input.
# With all-one weights the taps per output pixel show the difference: kernel 4 gives every
# pixel away from the border two taps per axis, kernel 3 alternates one and two.
ones, double = np.ones((4, 4), dtype=int), {"stride": 2, "padding": 1}
even = tc.conv_transpose2d(ones, ones, **double)
uneven = tc.conv_transpose2d(ones, ones[:3, :3], output_padding=1, **double)
panels = [Panel(even, "k=4, p=1, a=0", "neutral")]
panels += [Panel(uneven, "k=3, p=1, a=1", "neutral")]
title = "Taps per output pixel (stride 2): k=4 overlaps evenly, k=3 does not"
show_panels(panels, title=title)
plt.show()

# %%
# In PyTorch and Keras
# --------------------
#
# Kernel 4, stride 2, padding 1 on a new 4x4 input ``x`` (PyTorch's weight: ``(C_in, C_out /
# groups, kH, kW)``; Keras': ``(kH, kW, C_out, C_in)``). Keras' ``'same'`` gives the same 8x8
# values (k - s even: the crop is symmetric). These cells run where PyTorch or Keras is.
x = np.arange(16).reshape(4, 4) % 5
kernel4 = np.array([[1, 2, 0, 1], [0, 1, 3, 0], [2, 0, 1, 1], [1, 1, 0, 2]])
up4 = tc.conv_transpose2d(x, kernel4, stride=2, padding=1)  # 8x8

# %%
from importlib.util import find_spec

if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    x_t, w_t = (torch.tensor(v * 1.0)[None, None] for v in (x, kernel4))
    y_torch = F.conv_transpose2d(x_t, w_t, stride=2, padding=1)
    print(np.allclose(y_torch[0, 0], up4))  # True
if find_spec("keras"):
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")  # before keras
    import keras

    x_k, w_k = x[None, ..., None] * 1.0, kernel4[..., None, None] * 1.0
    y_keras = keras.ops.conv_transpose(x_k, w_k, 2, "same")
    print(np.allclose(keras.ops.convert_to_numpy(y_keras)[0, ..., 0], up4))
