r"""
PyTorch, TensorFlow and Keras
=============================

The frameworks describe the same transposed convolution with different arguments. PyTorch
gives ``padding`` and ``output_padding``; TensorFlow gives the output shape and SAME or VALID;
Keras gives ``padding`` and, optionally, ``output_padding``. SAME and VALID describe the padding
of the convolution that is transposed: VALID pads nothing; SAME pads just enough for that
convolution to map o' samples to :math:`\lceil o' / s \rceil = i'`, an odd zero going at the end.

`Open this case in the explorer <../../explorer.html#dim=2&i=4,4&k=3,3&s=2,2&p=0,0&a=0,0&d=1,1&x=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16&w=1,2,0,2,4,1,0,1,3>`__, where every number can be changed and each output traced back to its inputs.
"""

# %%
# One call, three vocabularies
# ----------------------------
#
# Each row is one call on a 4x4 input, 3x3 kernel, stride 2, as PyTorch's ``padding`` p and
# ``output_padding`` a, plus the rows and columns cropped at the end. "TF shape 8" is TensorFlow's
# ``output_shape`` of 8x8. For an input of length :math:`i'` (``i_in``), Keras' output length is
# :math:`i' s` (``'same'``) or :math:`i' s + \max(k - s, 0)` (``'valid'``), with ``output_padding``
# :math:`(i' - 1) s + k - 2 \lfloor k/2 \rfloor + a` or :math:`(i' - 1) s + k + a`; Keras crops the
# full result to it as TensorFlow does (the odd row at the end). The last column compares the values
# with PyTorch's call of the same size; the figure hatches the columns the first five drop.
from functools import partial

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

i_in, k, s, x = 4, 3, 2, np.arange(1, 17).reshape(4, 4)
kernel = np.array([[1, 2, 0], [2, 4, 1], [0, 1, 3]])  # asymmetric: shifts show
conv = partial(tc.conv_transpose2d, x, kernel, stride=2)  # PyTorch's call
full = conv()  # 9x9
rows = {"PyTorch p=1, a=1": (1, 1, 0), "PyTorch p=1": (1, 0, 0)}
rows["PyTorch p=0"] = (0, 0, 0)
for o, pad in [(8, "SAME"), (7, "SAME"), (9, "VALID"), (10, "VALID")]:
    padding = tc.tf_conv_transpose_padding(o, i_in, k, s, pad)
    rows[f"TF shape {o}, {pad}"] = padding
for pad, a in [("same", None), ("valid", None), ("same", 1), ("same", 0)]:
    name = f"Keras '{pad}'" + ("" if a is None else f", a={a}")
    rows[name] = tc.keras_conv_transpose_params(k, s, pad, a, input_size=i_in)
verdicts, cropped = {}, []
print(f"{'call':<20}{'p':>3}{'a':>3}{'crop':>6}{'size':>6}  vs PyTorch")
for name, (p, a, crop) in rows.items():
    y = tc.pad_or_crop(conv(padding=p, output_padding=a), (0, -crop))
    cropped.append([not p <= c < p + len(y) for c in range(len(full))])
    p_torch, a_torch = -(-(len(full) - len(y)) // 2), (len(full) - len(y)) % 2
    same = np.array_equal(y, conv(padding=p_torch, output_padding=a_torch))
    verdicts[name] = "equal" if same else "shifted by one"
    print(f"{name:<20}{p:>3}{a:>3}{crop:>6}{len(y):>6}  {verdicts[name]}")
calls = ["p=1, a=1", "p=1", "p=0", "TF 8, SAME", "TF 7, SAME"]
row = Panel([full[0]] * 5, "Row 0", "output", cropped=cropped[:5], rows=calls)
show_panels([row], title="Columns of the 9x9 full result kept", width=4.6)
plt.show()

# %%
# The one-pixel shift
# -------------------
#
# TensorFlow's SAME (and Keras' ``'same'`` from 3.15, with ``output_padding=1`` or without)
# asks for 8x8 from the 9x9 full result, padding the forward convolution by one zero at the
# end. PyTorch pads symmetrically: ``padding=1, output_padding=1`` drops the *first* row and
# column where TensorFlow drops the *last*. In PyTorch, take ``padding=0`` and drop the last.
tf_same = tc.conv_transpose2d_tf(x, kernel, (8, 8), stride=2, padding="SAME")
pytorch_out = conv(padding=1, output_padding=1)
title = "TF SAME: top-left 8x8, dashed; PyTorch p=1, a=1: bottom-right, solid"
_, (ax,) = show_panels([Panel(full, "9x9 full result", "output")], title=title)
highlight(ax, (0, 8), (0, 8), linestyle="--")
highlight(ax, (1, 9), (1, 9))
plt.show()

# %%
# The same calls in PyTorch and Keras
# -----------------------------------
#
# PyTorch's weight is ``(C_in, C_out / groups, kH, kW)`` on ``(N, C, H, W)`` arrays; Keras'
# kernel is ``(kH, kW, C_out, C_in)`` on ``(N, H, W, C)`` arrays. Neither flips the kernel.
# Keras' ``'same'`` crops like TensorFlow's SAME from Keras 3.15 (and on TensorFlow or JAX in
# every version); before, on the PyTorch backend, it gave PyTorch's values, with a warning.
# (These cells run where PyTorch or Keras is installed; the site is built without them.)
from importlib.util import find_spec

if find_spec("torch"):
    import torch

    x_t, w_t = (torch.tensor(v * 1.0)[None, None] for v in (x, kernel))
    y_torch = torch.nn.functional.conv_transpose2d(x_t, w_t, None, 2, 1, 1)
    print(np.allclose(y_torch[0, 0], pytorch_out))  # bias, s, p, a: True
if find_spec("keras"):
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")  # before keras
    import keras

    x_k, w_k = x[None, ..., None] * 1.0, kernel[..., None, None] * 1.0
    y_keras = keras.ops.conv_transpose(x_k, w_k, 2, "same", output_padding=1)
    print(np.allclose(keras.ops.convert_to_numpy(y_keras)[0, ..., 0], tf_same))
