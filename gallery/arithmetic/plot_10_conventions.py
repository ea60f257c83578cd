r"""
PyTorch, TensorFlow and Keras
=============================

The frameworks describe the same transposed convolution with different arguments. PyTorch
gives ``padding`` and ``output_padding``; TensorFlow gives the output shape and SAME or VALID;
Keras gives ``padding`` and, optionally, ``output_padding``.
"""

# %%
# Each row is one framework's call on a 4x4 input with a 3x3 kernel, stride 2, translated into
# this package's (PyTorch's) ``padding`` and ``output_padding``, plus how many rows/columns to
# drop at the end when the framework pads one side more than the other.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, highlight, show_panels

n, k, s = 4, 3, 2
rows = [
    ("PyTorch padding=1, output_padding=1", (1, 1, 0)),
    ("PyTorch padding=0", (0, 0, 0)),
    ("TF output_shape=8, SAME", tc.tf_conv_transpose_padding(8, n, k, s, "SAME")),
    ("TF output_shape=9, VALID", tc.tf_conv_transpose_padding(9, n, k, s, "VALID")),
    ("TF output_shape=10, VALID", tc.tf_conv_transpose_padding(10, n, k, s, "VALID")),
    ("Keras padding='same'", tc.keras_conv_transpose_params(k, s, "same", input_size=n)),
    ("Keras padding='valid'", tc.keras_conv_transpose_params(k, s, "valid", input_size=n)),
    ("Keras 'same', output_padding=1", tc.keras_conv_transpose_params(k, s, "same", 1)),
]
print(f"{'call':<34}{'padding':>8}{'output_padding':>16}{'crop end':>10}{'size':>6}")
for name, (p, a, crop) in rows:
    size = tc.conv_transpose_output_size(n, k, s, p, a) - crop
    print(f"{name:<34}{p:>8}{a:>16}{crop:>10}{size:>6}")

# %%
# TensorFlow's SAME (and Keras' ``'same'``, with or without ``output_padding=1``) asks for an
# 8x8 output from the 9x9 full result, and pads the forward convolution by one zero in total, at
# the end.
# PyTorch pads symmetrically, so ``padding=1, output_padding=1`` also gives 8x8, but drops the
# *first* row and column where TensorFlow drops the *last*: a one-pixel shift.
x = np.arange(1, 17).reshape(4, 4)
kernel = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
full = tc.conv_transpose2d(x, kernel, stride=2)
tf_same = tc.conv_transpose2d_tf(x, kernel, (8, 8), stride=2, padding="SAME")
torch = tc.conv_transpose2d(x, kernel, stride=2, padding=1, output_padding=1)
assert np.array_equal(tf_same, full[:8, :8])
assert np.array_equal(torch, full[1:, 1:])
fig, axes = show_panels(
    [
        Panel(full, "Full result", "output"),
        Panel(tf_same, "TF SAME", "output"),
        Panel(torch, "PyTorch p=1, a=1", "output"),
    ],
    title="TF SAME keeps the top-left 8x8 of the 9x9 result (dashed box), "
    "PyTorch the bottom-right 8x8 (solid box)",
)
highlight(axes[0], (0, 8), (0, 8), linestyle="--")
highlight(axes[0], (1, 9), (1, 9))
plt.show()

# %%
# To get TensorFlow's SAME result with PyTorch's arguments, drop one row and column yourself:
# ``padding=0`` gives the full 9x9 here, and the last row and column go.
assert np.array_equal(
    tf_same, tc.pad_or_crop(tc.conv_transpose2d(x, kernel, stride=2), [(0, -1), (0, -1)])
)
print(tf_same)
