r"""
The imaging view
================

A transposed convolution with stride s inserts s - 1 zeros between the input samples, which
makes s - 1 *images* of the input's spectrum, and filters the result with its kernel: what
the kernel lets through of the images is the checkerboard.
"""

# %%
# Images, and the filter that removes them
# ----------------------------------------
#
# With f in cycles per output sample, the full result's spectrum is
# :math:`Y(f) = W(f)\, X(s f)` (see :doc:`/notation`). :math:`X(s f)` is the input's spectrum
# squeezed s times: one copy in the *baseband* :math:`|f| < 1/(2s)`, and an *image* around
# each :math:`j/s`, :math:`j = 1, \dots, s - 1`, in its *image band* (shaded, for s = 2). A
# perfect up-sampler keeps the baseband and removes the images: its :math:`|W|` would be
# :math:`|W(0)|` up to :math:`1/(2s)` and 0 beyond. The filled area is :math:`|X(2f)|` of a
# smooth signal with zeros inserted (its peak scaled to 1): its image is the hump near 1/2.
#
# The lines are kernels' responses :math:`|W(f)| / |W(0)|`. A zero of W at 1/2 is the same as
# equal phase sums: the input's constant part, imaged exactly at 1/2, is removed (first
# panel). The images of its slow variations lie *near* 1/2, where a picture's images hold
# most of their energy; a zero of higher *order* (in each label,
# :func:`~transposed_conv.image_zero_orders`) keeps :math:`|W|` small over more of the band.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    sample_photo,
    show_line_panels,
    show_spectra,
)

rng = np.random.default_rng(0)
smooth = tc.interpolate(rng.standard_normal(16), 4, "bicubic")
stretched = np.abs(np.fft.rfft(tc.insert_zeros(smooth, 2), 256))
_, k8, r4 = (rng.uniform(0, 1, n) for n in (3, (8, 8), 4))  # k8: in 2-D
kernels = {  # the first of each panel leads
    "random 4, equal sums": tc.equalize_phase_sums(r4, 2, padding=1),
    "random 4": r4,
    "bilinear": np.array([0.25, 0.75, 0.75, 0.25]),
    "[0.75, 0.25, 0.25, 0.75]": np.array([0.75, 0.25, 0.25, 0.75]),
    "nearest": np.ones(2),
}
orders = {k: int(tc.image_zero_orders(w, 2)[1]) for k, w in kernels.items()}
W = {"|X(2f)|": stretched / stretched.max()} | {
    f"{k} ({orders[k]})": abs(np.fft.rfft(w, 256)) / w.sum()
    for k, w in kernels.items()
}
n = list(W)
show_line_panels(
    {
        "Equal sums put a zero at 1/2": {k: W[k] for k in n[:3]},
        "A higher order keeps |W| small": {k: W[k] for k in n[:1] + n[3:]},
    },
    x=np.fft.rfftfreq(256),
    title="Kernel responses (the order of their zero at 1/2) over a stretched input",
    xlabel="f (cycles per output sample)",
    ylabel="|W(f)| / |W(0)|",
    roles={k: "kernel" if k in (n[1], n[3]) else "neutral" for k in n[1:]},
    bands={"image band": (0.25, 0.5)},
    filled=["|X(2f)|"],
)
plt.show()

# %%
# A measure
# ---------
#
# :func:`~transposed_conv.image_band_share` is the share of an output's energy in the image
# bands, which a perfect up-sampler would not make. The ramp of the :doc:`previous page
# <plot_01_checkerboard>` holds its energy at low frequencies, so its image lies near 1/2,
# where the bilinear response is flat at zero and [0.75, 0.25, 0.25, 0.75]'s already rises:
# 8% of the latter's output is image, 0.008% of the bilinear kernel's.
x = np.arange(12.0)  # the ramp
ramp_share = {
    k: tc.image_band_share(tc.conv_transpose1d(x, w, stride=2, padding=1), 2)
    for k, w in kernels.items()
}
print(ramp_share)

# %%
# In 2-D the images sit around every :math:`(j_r / s, j_c / s)` but :math:`(0, 0)`: stripes
# along each axis and a checkerboard across. A photograph up-sampled 4x by a random kernel
# shows them as bright points and clouds around the multiples of 1/4 cycle per pixel; the
# bilinear kernel removes nearly all. The :doc:`fixes <plot_03_fixes>` are measured this way.
small = tc.box_downsample(sample_photo(), 4)
kernels_2d = {"Bilinear": tc.bilinear_kernel(4), "Random": k8 / k8.sum() * 16}
outs = {
    k: tc.conv_transpose2d(small, w, stride=4, padding=2)
    for k, w in kernels_2d.items()
}
share = {k: tc.image_band_share(y, 4) for k, y in outs.items()}
titles = {f"{k}: image share {share[k]:.1%}": y for k, y in outs.items()}
show_spectra(titles, title="Power spectra of a photograph up-sampled 4x")
plt.show()
# sphinx_gallery_multi_image = "single"
