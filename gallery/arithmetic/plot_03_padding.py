r"""
Padding: arbitrary, half and full
=================================

Zero padding lets the kernel hang over the edge. Three amounts have names: arbitrary, half
("same": the output keeps the input's size) and full (every overlap counts). Each transposed
convolution below transposes the convolution drawn just above it: the same kernel and padding
take that convolution's output shape back to its input shape, 5x5.
"""

# %%
# Arbitrary padding
# -----------------
#
# Input 5, kernel 4, padding 2 gives :math:`o = 5 + 2 \cdot 2 - 4 + 1 = 6`.
from importlib.util import find_spec

import matplotlib.pyplot as plt
import numpy as np

from transposed_conv.plotting import (
    animate_scatter,
    show_convolution,
    show_zero_insertion,
)

x = np.arange(1, 26).reshape(5, 5)
k4 = np.array([[1, 0, 0, 2], [0, 1, 3, 0], [0, 0, 1, 0], [1, 0, 0, 0]])
title = "Arbitrary padding: input 5, kernel 4, padding 2, output 6"
fig, axes, y = show_convolution(x, k4, padding=2, title=title)
plt.show()

# %%
# Its transpose takes the 6x6 output back to 5x5: the equivalent direct convolution pads by
# :math:`k - 1 - p = 1`, since the transposed convolution crops the padding the convolution added.
x6 = y
title = "Transposed: 6 back to 5, as a convolution padded by k - 1 - p = 1"
fig, axes, back = show_zero_insertion(x6, k4, padding=2, title=title)
plt.show()

# %%
# Half ("same") padding
# ---------------------
#
# At stride 1, an odd kernel keeps the size with :math:`p = \lfloor k / 2 \rfloor`.
k3 = np.array([[0, 1, 0], [1, 2, 3], [0, 1, 0]])  # rotated: 3 on the left
title = "Half padding: input 5, kernel 3, padding 1, output 5"
fig, axes, same = show_convolution(x, k3, padding=1, title=title)
print(same)
plt.show()

# %%
# The transpose of a half-padded convolution is half-padded too: size stays size, 5x5 to 5x5
# (small values, so the sums stay legible). Step through the stamps: they fill the *full
# result* (every stamp added, nothing cropped yet: 7x7; not to be confused with full padding,
# below), and padding 1 crops its cross-hatched border.
x5 = np.add.outer(np.arange(5), np.arange(5)) % 3
title = "Transposed half padding: the stamps' border is cropped, 5 stays 5"
anim = animate_scatter(
    x5, k3, padding=1, interval=400, title=title, input_name="x5"
)
plt.show()

# %%
# Full padding
# ------------
#
# :math:`p = k - 1` lets every partial overlap count, so the output grows:
# :math:`o = 5 + 2 \cdot 2 - 3 + 1 = 7`.
title = "Full padding: input 5, kernel 3, padding 2, output 7"
fig, axes, full = show_convolution(x, k3, padding=2, title=title)
plt.show()

# %%
# Its transpose shrinks the 7x7 output back to 5x5 and needs no padding at all
# (:math:`k - 1 - p = 0`): a plain ("valid") convolution with the rotated kernel.
x7 = full
title = "Transposed full padding: 7 back to 5 with no padding at all"
fig, axes, back7 = show_zero_insertion(x7, k3, padding=2, title=title)
plt.show()

# %%
# In PyTorch
# ----------
#
# The half-padded convolution and the transpose of the full-padded one, with
# ``torch.nn.functional`` (PyTorch also accepts ``padding="same"`` at stride 1, as does this
# package). This cell runs where PyTorch is installed; the site is built without it.
if find_spec("torch"):
    import torch
    import torch.nn.functional as F

    weight = torch.tensor(k3, dtype=torch.float64)[None, None]
    x_t = torch.tensor(x, dtype=torch.float64)[None, None]
    y_torch = F.conv2d(x_t, weight, padding=1)[0, 0]
    print(np.allclose(y_torch, same))  # True

    x7_t = torch.tensor(x7, dtype=torch.float64)[None, None]
    y_torch = F.conv_transpose2d(x7_t, weight, padding=2)[0, 0]
    print(np.allclose(y_torch, back7))  # True
