r"""
PyTorch, TensorFlow and Keras
=============================

The frameworks describe the same transposed convolution with different arguments. PyTorch
gives ``padding`` and ``output_padding``; TensorFlow gives the output shape and SAME or VALID;
Keras gives ``padding`` and, optionally, ``output_padding``. SAME and VALID describe the padding
of the convolution that is transposed: VALID pads nothing; SAME pads just enough for that
convolution to map o' samples to :math:`\lceil o' / s \rceil = i'`, an odd zero going at the end.

`Open this case in the explorer <../../explorer.html#dim=2&i=4,4&k=3,3&s=2,2&p=0,0&a=0,0&d=1,1&x=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16&w=1,2,0,2,4,1,0,1,3>`__, where every
number can be changed and each output traced back to its inputs.
"""

# %%
# One call, three vocabularies
# ----------------------------
#
# Each row is one framework's call on a 4x4 input with a 3x3 kernel, stride 2, translated into
# this package's (PyTorch's) ``padding`` p and ``output_padding`` a, plus the rows and columns
# to drop at the end (crop) when the framework pads one side more than the other. "TF shape 8"
# is TensorFlow's ``output_shape`` of 8x8. Keras computes the output *length* first: :math:`i' s`
# for ``'same'`` and :math:`i' s + \max(k - s, 0)` for ``'valid'`` without ``output_padding``, and
# :math:`(i' - 1) s + k - 2 \lfloor k/2 \rfloor + a` (``'same'``) or :math:`(i' - 1) s + k + a`
# (``'valid'``) with it, for an input of length :math:`i'` (``i_in`` below).
# It then crops the full result to that length as TensorFlow does,
# keeping the top-left when the crop is odd. So ``output_padding`` sets the size only; it does
# not make Keras pad like PyTorch. The last column says whether each call's values equal
# PyTorch's call of the same size (symmetric ``padding``, ``output_padding`` at the end), which
# crops the same number of rows at the start, or are that result shifted by one pixel.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

i_in, k, s = 4, 3, 2
x = np.arange(1, 17).reshape(4, 4)
kernel = np.array([[1, 2, 0], [2, 4, 1], [0, 1, 3]])  # asymmetric: shifts show
full = tc.conv_transpose2d(x, kernel, stride=2)  # 9x9
rows = {"PyTorch p=1, a=1": (1, 1, 0), "PyTorch p=1": (1, 0, 0)}
rows["PyTorch p=0"] = (0, 0, 0)
for o_out, pad in [(8, "SAME"), (7, "SAME"), (9, "VALID"), (10, "VALID")]:
    rows[f"TF shape {o_out}, {pad}"] = tc.tf_conv_transpose_padding(
        o_out, i_in, k, s, pad
    )
for pad, a in [("same", None), ("valid", None), ("same", 1), ("same", 0)]:
    name = f"Keras '{pad}'" + ("" if a is None else f", a={a}")
    rows[name] = tc.keras_conv_transpose_params(k, s, pad, a, input_size=i_in)
verdicts = {}
print(f"{'call':<20}{'p':>3}{'a':>3}{'crop':>6}{'size':>6}  vs PyTorch")
for name, (p, a, crop) in rows.items():
    size = tc.conv_transpose_output_size(i_in, k, s, p, a) - crop
    start = -(-(len(full) - size) // 2)  # PyTorch's crop at the start
    verdicts[name] = "equal" if p == start else "shifted by one"
    print(f"{name:<20}{p:>3}{a:>3}{crop:>6}{size:>6}  {verdicts[name]}")

# %%
# The one-pixel shift
# -------------------
#
# TensorFlow's SAME (and Keras' ``'same'`` in Keras 3.15 or newer, with ``output_padding=1``
# or without it) asks for an 8x8 output from the 9x9 full result, and pads the forward
# convolution by one zero in total, at the end. PyTorch pads symmetrically, so ``padding=1, output_padding=1`` also gives 8x8, but
# drops the *first* row and column where TensorFlow drops the *last*.
tf_same = tc.conv_transpose2d_tf(x, kernel, (8, 8), stride=2, padding="SAME")
pytorch_out = tc.conv_transpose2d(
    x, kernel, stride=2, padding=1, output_padding=1
)
fig, axes = show_panels(
    [Panel(full, "Full result", "output")],
    title="TF SAME keeps the top-left 8x8 of the 9x9 result (dashed box), "
    "PyTorch p=1, a=1 the bottom-right 8x8 (solid box)",
    width=4.5,
)
highlight(axes[0], (0, 8), (0, 8), linestyle="--")
highlight(axes[0], (1, 9), (1, 9))
plt.show()

# %%
# To get TensorFlow's SAME result with PyTorch's arguments, drop one row and column yourself:
# ``padding=0`` gives the full 9x9 here, and the last row and column go.
print(tf_same)

# %%
# The same calls in PyTorch and Keras
# -----------------------------------
#
# PyTorch's layer holds its weight as ``(C_in, C_out / groups, kH, kW)`` and works on
# ``(N, C, H, W)`` arrays; Keras holds its kernel as ``(kH, kW, C_out, C_in)`` and works on
# channels-last ``(N, H, W, C)`` arrays. Neither flips the kernel. With the page's ``x``:
# (This cell runs where PyTorch is installed; the site is built without it.)
if find_spec("torch"):
    import torch

    layer = torch.nn.ConvTranspose2d(
        1, 1, 3, stride=2, padding=1, output_padding=1, bias=False
    )
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(kernel)[None, None])
        y_torch = layer(torch.tensor(x, dtype=torch.float32)[None, None])[
            0, 0
        ].numpy()
    print(np.allclose(y_torch, pytorch_out))  # True

# %%
# The Keras rows above, and this cell, hold for Keras 3.15 or newer (and for Keras on
# TensorFlow or JAX, in every version): ``'same'`` crops like TensorFlow's SAME. Keras 3 before
# 3.15 on the PyTorch backend passed a symmetric padding to PyTorch instead (here
# ``padding=1, output_padding=1``), and so gave PyTorch's values, with a warning about
# inconsistencies between backends.
if find_spec("keras"):
    import os

    os.environ.setdefault("KERAS_BACKEND", "torch")  # before keras
    import keras

    layer = keras.layers.Conv2DTranspose(
        1, 3, strides=2, padding="same", output_padding=1, use_bias=False
    )
    layer.build((1, 4, 4, 1))
    layer.set_weights([kernel[:, :, None, None].astype("float32")])
    y_keras = keras.ops.convert_to_numpy(
        layer(x[None, :, :, None].astype("float32"))
    )
    y_keras = y_keras[0, :, :, 0]
    print(np.allclose(y_keras, tf_same))  # True
