r"""
The spectral view
=================

Inserting :math:`s - 1` zeros after each sample squeezes the spectrum :math:`s` times along the
frequency axis and adds :math:`s - 1` images (copies) of it, centred on :math:`k / s` cycles per
sample (:math:`k = 1, \dots, s - 1`). The kernel then has to act as a low-pass filter that
removes the images. Whatever it lets through across the bands they occupy is the checkerboard;
its response at exactly :math:`k / s` decides only what a constant input becomes.
"""

# %%
# Inserting zeros copies the spectrum
# -----------------------------------
#
# A smooth 1-D signal of 64 samples, and the same signal with one zero inserted after each
# sample (128 samples). The spectrum of the stretched signal is the original spectrum twice:
# a mirror copy now sits around the new Nyquist frequency, 1/2 cycle per sample (the highest
# frequency that samples can carry: a pattern that alternates from one sample to the next).
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    sample_photo,
    show_images,
    show_lines,
    show_spectra,
)

rng = np.random.default_rng(0)
signal = tc.interpolate(rng.standard_normal(16), 4, "bicubic")
# one zero after each sample: insert_zeros puts them between, pad_or_crop adds the last
stretched = tc.pad_or_crop(tc.insert_zeros(signal, 2), [(0, 1)])
spec, spec_up = np.abs(np.fft.rfft(signal)), np.abs(np.fft.rfft(stretched))
freqs = np.fft.rfftfreq(128)
show_lines(
    {
        "signal (64 samples, stretched axis)": (np.fft.rfftfreq(64) / 2, spec),
        "zeros inserted (128 samples)": spec_up,
    },
    x=freqs,
    title="Inserting zeros repeats the spectrum: a copy appears near 1/2 cycle per sample",
    xlabel="frequency (cycles per output sample)",
    ylabel="|FFT|",
)
plt.show()

# %%
# The kernel filters the copies
# -----------------------------
#
# The transposed convolution filters the stretched signal with its kernel. The bilinear kernel
# [0.5, 1, 0.5] has a zero at 1/2 cycle per sample and removes the copy's peak there; a random
# kernel does not.
kernels = {"bilinear [0.5, 1, 0.5]": np.array([0.5, 1.0, 0.5])}
kernels["random"] = rng.uniform(0, 1, 3)
responses = {name: np.abs(np.fft.rfft(k, 128)) for name, k in kernels.items()}
gains = {name: round(float(r[-1]), 3) for name, r in responses.items()}
print(gains)  # the gain at 1/2 cycle per sample
show_lines(
    responses,
    x=freqs,
    title="Kernel frequency responses: only the bilinear kernel is zero at 1/2",
    xlabel="frequency (cycles per output sample)",
    ylabel="|gain|",
)
plt.show()

# %%
# In 2-D
# ------
#
# In 2-D, on a photograph up-sampled 4x, the same holds along both axes. The spectra show the
# leftovers as bright points at multiples of 1/4 cycle per pixel for the random kernel, and
# (almost) nothing there for the bilinear one. Around those points lie the images of the rest
# of the picture's spectrum, which the kernel also lets through. The printed shares count
# only the power at exactly those points, the imprint of the photo's mean brightness, so they
# miss those images.
small = tc.box_downsample(sample_photo(), 4)
random_kernel = rng.uniform(0, 1, (8, 8))
scaled = random_kernel / random_kernel.sum() * 16  # the bilinear kernel's sum
ks = {"Bilinear kernel": tc.bilinear_kernel(4), "Random kernel": scaled}
outs = {
    n: tc.conv_transpose2d(small, k, stride=4, padding=2)
    for n, k in ks.items()
}
energy = {n: tc.stride_frequency_energy(out, 4) for n, out in outs.items()}
print({name: f"{e:.2%}" for name, e in energy.items()})
crops = {name: out[:192, 160:352] for name, out in outs.items()}
title = "A photo up-sampled 4x with the bilinear and a random kernel (crops)"
fig, axes = show_images(crops, title=title, ncols=2)
plt.show()
title = "Power spectra: the random kernel leaves peaks at multiples of 1/4 cycle per pixel"
show_spectra(outs, title=title)
plt.show()

# %%
# In PyTorch
# ----------
#
# The random-kernel up-sampling in PyTorch, on the page's ``small`` and ``scaled``:
#
# .. code-block:: python
#
#    import torch
#    import torch.nn.functional as F
#
#    weight = torch.tensor(scaled)[None, None]  # (C_in, C_out / groups, kH, kW)
#    small_t = torch.tensor(small)[None, None]
#    y_torch = F.conv_transpose2d(small_t, weight, stride=4, padding=2)[0, 0]
#    # y_torch equals outs["Random kernel"]

# sphinx_gallery_thumbnail_path = "_build/thumbnails/plot_02_spectrum.png"
# sphinx_gallery_multi_image = "single"
