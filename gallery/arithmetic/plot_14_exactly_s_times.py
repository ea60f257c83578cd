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
# The table lists the smallest padding for each k, for s = 2 and s = 3, each checked on inputs
# of 5 to 9, with:
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
        assert 0 <= a < s
        for n in range(5, 10):
            assert tc.conv_transpose_output_size(n, k, s, p, a) == s * n
        counts = tc.overlap_counts(
            8, k, stride=s, padding=p, output_padding=a
        )[s * 2 : -s * 2]
        risk = "equal" if len(set(counts.tolist())) == 1 else "uneven"
        x = rng.integers(0, 5, (4, 4))
        kernel = rng.integers(-3, 4, (k, k))
        torch_like = tc.conv_transpose2d(
            x, kernel, stride=s, padding=p, output_padding=a
        )
        keras_like = tc.conv_transpose2d_tf(
            x, kernel, (4 * s, 4 * s), stride=s, padding="SAME"
        )
        if np.array_equal(keras_like, torch_like):
            keras = "equal"
        else:
            assert np.array_equal(keras_like[1:, 1:], torch_like[:-1, :-1])
            keras = "shifted by one"
        table.append((s, k, p, a, risk, keras))

print(
    f"{'s':>2}{'k':>3}{'padding':>9}{'output_padding':>16}"
    f"  {'tap counts per phase':<22}Keras 'same'"
)
for s, k, p, a, risk, keras in table:
    print(f"{s:>2}{k:>3}{p:>9}{a:>16}  {risk:<22}{keras}")
rows = {(s, k): (p, a, risk, keras) for s, k, p, a, risk, keras in table}
assert [(k, p, a) for s, k, p, a, *_ in table if s == 2][:4] == [
    (2, 0, 0),
    (3, 1, 1),
    (4, 1, 0),
    (5, 2, 1),
]
assert all((risk == "equal") == (k % s == 0) for s, k, p, a, risk, _ in table)
# kernel 4, stride 2: Keras' 'same' gives PyTorch's values
assert rows[2, 4][3] == "equal"


def solutions(k, s):
    """Every (p, a), p >= 0 and 0 <= a < s, that makes o' = s i'."""
    pairs = [(p, a) for p in range(k + 1) for a in range(s)]
    return [(p, a) for p, a in pairs if k - 1 - 2 * p + a == s - 1]


assert all(len(solutions(k, 2)) == 1 for k in range(1, 10))
assert solutions(3, 3) == [(0, 0), (1, 2)]
assert all(
    (keras == "equal") == ((k - s) % 2 == 0 or k < s)
    for s, k, p, a, _, keras in table
)

# %%
# Two layers that double
# ----------------------
#
# Kernel 4, padding 1 and kernel 3, padding 1, ``output_padding=1`` both double a 4x4 input.
# With all-one weights the taps per output pixel show the difference: kernel 4 gives every
# pixel away from the border two taps per axis, kernel 3 alternates one and two.
ones = np.ones((4, 4), dtype=int)
even = tc.conv_transpose2d(
    ones, np.ones((4, 4), dtype=int), stride=2, padding=1
)
uneven = tc.conv_transpose2d(
    ones, np.ones((3, 3), dtype=int), stride=2, padding=1, output_padding=1
)
assert even.shape == uneven.shape == (8, 8)
# away from the border: 2 x 2 taps for kernel 4, 1 or 2 per axis for kernel 3
assert set(even[1:-1, 1:-1].ravel().tolist()) == {4}
assert set(uneven[:-1, :-1].ravel().tolist()) == {1, 2, 4}
print(even, uneven, sep="\n")
show_panels(
    [
        Panel(even, "k=4, p=1, a=0", "output"),
        Panel(uneven, "k=3, p=1, a=1", "output"),
    ],
    title="Taps per output pixel: both double 4x4 to 8x8 (stride 2); kernel 4 overlaps "
    "evenly, kernel 3 does not",
)
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
# .. code-block:: python
#
#    import torch
#
#    layer = torch.nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1, bias=False)
#    print(layer.weight.shape)  # torch.Size([1, 1, 4, 4])
#    with torch.no_grad():
#        layer.weight.copy_(torch.tensor(kernel4)[None, None])
#        y_torch = layer(torch.tensor(x, dtype=torch.float32)[None, None])[0, 0]
#    # y_torch equals up4
#
# Keras' ``'same'`` gives the same 8x8 values for kernel 4 (k - s even: the crop is
# symmetric):
#
# .. code-block:: python
#
#    import os
#
#    os.environ["KERAS_BACKEND"] = "torch"  # before the first import of keras
#    import keras
#
#    layer = keras.layers.Conv2DTranspose(1, 4, strides=2, padding="same", use_bias=False)
#    layer.build((1, 4, 4, 1))
#    print(layer.kernel.shape)  # (4, 4, 1, 1)
#    layer.set_weights([kernel4[:, :, None, None].astype("float32")])
#    y_keras = keras.ops.convert_to_numpy(layer(x[None, :, :, None].astype("float32")))
#    y_keras = y_keras[0, :, :, 0]
#    # y_keras equals up4

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_14_exactly_s_times.png"
