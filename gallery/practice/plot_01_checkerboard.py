r"""
Checkerboard artifacts
======================

A transposed convolution with stride s can leave a pattern that repeats every s pixels: in
2-D, a checkerboard. Two questions decide it: does a constant input come out constant, and
how much of the rest of the input comes out as a pattern?
"""

# %%
# What the settings decide
# ------------------------
#
# The output pixels with the same position modulo the stride form a *phase* (see
# :doc:`/notation`). At stride 2, away from the edges, kernel 3 gives one phase two taps and
# the other one; kernel 4 gives both two. Kernel size, stride and padding decide only these.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_images,
    show_line_panels,
    show_panels,
)

counts = {
    "Kernel 3": tc.overlap_counts(8, 3, stride=2),
    "Kernel 4, padding 1": tc.overlap_counts(8, 4, stride=2, padding=1),
}
show_panels(
    [Panel(c, name, "neutral") for name, c in counts.items()],
    title="Taps per output pixel at stride 2",
    ncols=1,
)
plt.show()

# %%
# Two questions
# -------------
#
# A constant input reaches every pixel of a phase through the same taps, so it comes out as
# the *phase sums* (:func:`~transposed_conv.phase_sums`), repeated: [1, 2, 3, 4] gives both
# phases two taps but sums 4 and 6. Equal sums keep a constant input constant, and that is
# all they do. [0.75, 0.25, 0.25, 0.75] and the bilinear [0.25, 0.75, 0.75, 0.25] both have
# sums 1 and 1 (padding 1), but on the ramp 0, 1, ..., 11 only the bilinear one climbs
# evenly, 0.5 a pixel; the other climbs 1.5 and drops 0.5 in turn, a checkerboard on the
# ramp. Why is the subject of :doc:`the imaging view <plot_02_spectrum>`.
print(tc.phase_sums([1, 2, 3, 4], 2))
kernels = {
    "[0.75, 0.25, 0.25, 0.75]": [0.75, 0.25, 0.25, 0.75],
    "bilinear": [0.25, 0.75, 0.75, 0.25],
}
sums = {k: tc.phase_sums(w, 2, padding=1) for k, w in kernels.items()}
ramp = {  # away from the ends, where the padding crops the stamps
    k: tc.conv_transpose1d(np.arange(12.0), w, stride=2, padding=1)[2:-2]
    for k, w in kernels.items()
}
steps = {k: np.diff(y)[:6] for k, y in ramp.items()}
print(sums, steps, sep="\n")
show_line_panels(
    {k: {"y": (np.arange(2, 22), y)} for k, y in ramp.items()},
    title="A ramp up-sampled 2x by two kernels with equal phase sums",
    xlabel="output pixel r",
    ylabel="y[r]",
    roles={"y": "output"},
)
plt.show()

# %%
# On images
# ---------
#
# Three stride-2 layers with random positive 3x3 kernels up-sample the photograph averaged
# down 8x, the same photograph minus its mean brightness, and a flat grey image. Each title
# gives the output's energy share in the *image bands* (the next page), what an ideal
# up-sampler would not make. The mean-free photograph shows a pattern too.
rng = np.random.default_rng(0)
random_kernels = [rng.uniform(0, 1, (3, 3)) for _ in range(3)]
small = tc.box_downsample(sample_photo(), 8)
starts = {
    "Photo": small,
    "Photo minus its mean": small - small.mean(),
    "Flat grey": np.full((64, 64), 0.5),
}
crops, share = {}, {}
for name, start in starts.items():
    layer = start
    for k in random_kernels:  # scaled to keep the mean brightness
        layer = tc.conv_transpose2d(
            layer, k / k.sum() * 4, stride=2, padding=1, output_padding=1
        )
    share[name] = tc.image_band_share(layer, 8)
    crop = layer[128:256, 176:304]  # the face, each on its own grey scale
    crops[f"{name}: {share[name]:.0%}"] = crop - crop.min()
show_images(crops, title="Three random stride-2 layers (crops)", ncols=3)
plt.show()
# sphinx_gallery_thumbnail_number = 2
