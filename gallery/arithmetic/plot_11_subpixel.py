r"""
The sub-pixel view
==================

A stride-2 transposed convolution is four small stride-1 transposed convolutions whose outputs
interleave: every output pixel with the same (row mod 2, column mod 2) receives the same
kernel taps. Interleaving channels into space this way is called a pixel shuffle.
"""

# %%
# A 4x4 kernel with stride 2 splits into four 2x2 phase kernels: the taps at even and odd rows
# and columns. Each lands on one phase of the output.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, show_panels

kernel = np.arange(1, 17).reshape(4, 4)
subs = tc.subpixel_kernels(kernel, 2)
show_panels(
    [
        Panel(sub, f"Phase ({r}, {c}): kernel[{r}::2, {c}::2]", "kernel")
        for r, row in enumerate(subs)
        for c, sub in enumerate(row)
    ],
    title="A 4x4 kernel's four stride-2 phase kernels",
    ncols=4,
)
plt.show()

# %%
# Each phase kernel runs a stride-1 transposed convolution over the small input, with no zeros
# inserted: four 4x4 results from a 3x3 input.
x = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
phases = [tc.conv_transpose2d(x, sub) for row in subs for sub in row]
show_panels(
    [Panel(p, f"Phase ({i // 2}, {i % 2})", "output") for i, p in enumerate(phases)],
    title="Four stride-1 transposed convolutions over the 3x3 input",
    ncols=4,
)
plt.show()

# %%
# Interleaved (pixel shuffle), they are the stride-2 transposed convolution, 8x8. No
# multiplication by an inserted zero was made, which is why the package computes strided
# transposed convolutions phase by phase.
shuffled = tc.pixel_shuffle(np.stack(phases), 2)[0]  # four channels become one, 2x larger
full = tc.conv_transpose2d(x, kernel, stride=2)
assert np.array_equal(shuffled, full)
assert np.array_equal(
    tc.conv_transpose_by_subpixel(x, kernel, stride=2, padding=1),
    tc.conv_transpose2d(x, kernel, stride=2, padding=1),
)
print(full)
show_panels(
    [Panel(full, "Pixel shuffle of the four phases", "output")],
    title="Interleaved, the phases are the stride-2 transposed convolution",
    width=4,
)
plt.show()

# sphinx_gallery_thumbnail_number = 3
