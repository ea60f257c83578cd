r"""
Checkerboard artifacts
======================

When the kernel size is not a multiple of the stride, the stamps of a transposed convolution
overlap unevenly: some output pixels receive more kernel taps than their neighbours. The
unevenness repeats with the stride, and with random weights it shows as a checkerboard. Even
overlap does not prevent one either: the weights decide (see the
:ref:`fixes page <sphx_glr_gallery_practice_plot_03_fixes.py>`).
"""

# %%
# Uneven overlap in 1-D
# ---------------------
#
# In 1-D, on an input of 8 values, kernel 3 with stride 2: every other output pixel is hit
# twice. Kernel 4 with stride 2 (padding 1) hits every pixel twice except the two end pixels,
# which get one tap each.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_images,
    show_panels,
)

uneven = tc.overlap_counts(8, 3, stride=2)
even = tc.overlap_counts(8, 4, stride=2, padding=1)
print(uneven, even, sep="\n")
panels = [Panel(uneven, "Kernel 3, stride 2", "output")]
panels += [Panel(even, "Kernel 4, stride 2, padding 1", "output")]
title = "Taps per output pixel in 1-D: uneven when the kernel is not a multiple of the stride"
show_panels(panels, title=title, ncols=1)
plt.show()

# %%
# In 2-D
# ------
#
# In 2-D the two axes multiply: 1, 2 and 4 taps, a checkerboard of overlap.
counts = tc.overlap_counts((6, 6), 3, stride=2)
print(np.unique(counts[2:-2, 2:-2]))
show_panels(
    [Panel(counts, "Taps per pixel", "output")],
    title="Kernel 3x3, stride 2: 1, 2 or 4 taps per output pixel",
    width=4,
)
plt.show()

# %%
# Stacked layers
# --------------
#
# Stacked, as in a decoder, the layers compound it. Through three stride-2 layers with 3x3
# kernels (padding 1, output padding 1) and all-one weights, each value counts the *paths*
# from the input to that output pixel (one tap in each layer), no longer the taps of one
# layer; away from the border the map repeats every 8 pixels and ranges from 1 to 25.
up = {"stride": 2, "padding": 1, "output_padding": 1}
stack = np.ones((4, 4), dtype=int)
for _ in range(3):
    stack = tc.conv_transpose2d(stack, np.ones((3, 3), dtype=int), **up)
print(stack.shape, stack[8:16, 8:16].min(), stack[8:16, 8:16].max())
show_panels(
    [Panel(stack[8:24, 8:24], "Paths, three layers", "output")],
    title="Three stacked stride-2 layers: the overlap pattern repeats every 8 pixels",
    width=6,
)
plt.show()

# %%
# On images
# ---------
#
# The same stack with random positive (untrained) kernels, applied to a photograph down-sampled
# 8x and to a flat grey image. The flat image shows the pattern alone; on the photograph it is
# laid over the picture (a face). The first panel shows the same crop of the photograph
# up-sampled by bilinear interpolation instead, for comparison. The printed numbers are the
# share of each result's variance that repeats exactly every 8 pixels: 1 for the flat image,
# whose only variation is the pattern. On the photograph it counts only what repeats exactly,
# so it misses the part of the pattern that varies with the face.
rng = np.random.default_rng(0)
kernels = [rng.uniform(0, 1, (3, 3)) for _ in range(3)]
small = tc.box_downsample(sample_photo(), 8)
results = {}
flat = np.full((64, 64), 0.5)
inputs = {"Photo, 64x64 in": small, "Flat grey, 64x64 in": flat}
for name, layer_in in inputs.items():
    layer = layer_in
    for k in kernels:  # each layer's kernel scaled to keep the mean brightness
        layer = tc.conv_transpose2d(layer, k, **up) / k.sum() * 4
    results[name] = layer[128:256, 176:304]  # a 128x128 crop of the face
energy = {n: tc.stride_frequency_energy(img, 8) for n, img in results.items()}
print({name: round(e, 3) for name, e in energy.items()})
reference = tc.interpolate(small, 8, "bilinear")[128:256, 176:304]
shown = {"Photo, bilinear": reference}
shown["Photo, random kernels"] = results["Photo, 64x64 in"]
shown["Flat grey, random kernels"] = results["Flat grey, 64x64 in"]
title = "Three random stride-2 transposed convolutions leave a checkerboard (crops)"
show_images(shown, title=title, ncols=3)
plt.show()

# %%
# In PyTorch
# ----------
#
# The path counts of the stacked layers are what three PyTorch layers with all-one weights make of
# an all-one input:
#
# .. code-block:: python
#
#    import torch
#
#    layer = torch.nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1, output_padding=1, bias=False)
#    with torch.no_grad():
#        layer.weight.fill_(1.0)
#        y_torch = torch.ones(1, 1, 4, 4)
#        for _ in range(3):
#            y_torch = layer(y_torch)
#    y_torch = y_torch[0, 0]
#    # y_torch equals stack

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_01_checkerboard.png"
