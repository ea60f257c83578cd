r"""
Learning the kernel
===================

A kernel fitted in NumPy to undo a 2x box-average down-sampling of the photograph: a tiny
super-resolution, trained on the left half of the image and scored on the right half.
"""

# %%
# Training
# --------
#
# A 6x6 kernel with stride 2 and padding 2 maps the 256x256 average back to 512x512. Output
# pixel :math:`y[2m + u - 2, 2n + v - 2]` receives :math:`x[m, n]\, w[u, v]`, so the mean
# squared error L has the gradient (:func:`~transposed_conv.conv_transpose2d_weight_grad`)
#
# .. math::
#
#    \partial L / \partial w[u, v] = \sum_{m,n} x[m, n]\, g[2m + u - 2, 2n + v - 2],
#
# with :math:`g = \partial L / \partial y`, followed for 300 steps from zero.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    sample_photo,
    show_images,
    show_panels,
)

high = sample_photo()
low = tc.box_downsample(high, 2)
kernel, losses = tc.fit_transposed_kernel(
    low[:, :128], high[:, :256], (6, 6), stride=2, padding=2, steps=300
)
print(f"training MSE: {losses[0]:.4f} -> {losses[-1]:.5f}")

# %%
# What was learned
# ----------------
#
# Its centre taps are close to 1, against 0.56 for the bilinear kernel (padded to 6x6), and
# its outer ring dips to about -0.19, which sharpens, as the bicubic kernel does. Its phase
# sums are all within 0.01 of 1 (printed): training found nearly equal sums by itself.
kernels = {"Learned": kernel, "Bilinear": np.pad(tc.bilinear_kernel(2), 1)}
learned_sums = tc.phase_sums(kernel, 2, padding=2)
print(learned_sums.round(4))
show_panels(
    [Panel(w.round(2), f"{k} kernel", "kernel") for k, w in kernels.items()],
    title="The kernel learned from the left half, next to the bilinear kernel",
)
plt.show()

# %%
# What it lets through
# --------------------
#
# Equal sums only put a zero at the image centres. The maps show :math:`|W| / |W(0)|`, zero
# frequency in the middle; the baseband is the square, :math:`|f| < 1/4`. The learned kernel is
# dark at the image centres, where the images of the photograph's slow variations fall, and
# bright past the square's edge, up to 0.84: its image gain
# (:func:`~transposed_conv.kernel_image_gain`) is 0.18, seven times the bilinear kernel's. The
# photograph holds little detail whose images lie there, so the loss hardly sees them: learned
# kernels still leave artifacts (Odena et al., :doc:`/references`). White noise shows them.
maps = {
    k: np.fft.fftshift(abs(np.fft.fft2(w, (64, 64)))) / w.sum()
    for k, w in kernels.items()
}
gain = {k: tc.kernel_image_gain(w, 2) for k, w in kernels.items()}
noise = np.random.default_rng(1).standard_normal((128, 128))
noise_share = {
    k: tc.image_band_share(
        tc.conv_transpose2d(noise, w, stride=2, padding=2), 2
    )
    for k, w in kernels.items()
}
print(f"image gain: {gain}\nwhite noise in the image bands: {noise_share}")
title = "|W| / |W(0)| of the two kernels, the baseband square outlined"
bar, box = "|W| / |W(0)|", ((16, 49), (16, 49))  # box: |f| <= 1/4
show_images(maps, title=title, same_scale=True, colorbar=bar, outline=box)
plt.show()

# %%
# Scored on unseen pixels
# -----------------------
#
# On the right half, unseen in training, by PSNR (the mean squared error on a log scale, in
# dB; higher is better), border left out: the learned kernel beats bicubic interpolation.
test_low, test_high = low[:, 128:], high[:, 256:]
candidates = {
    "bicubic": tc.interpolate(test_low, 2, "bicubic"),
    "learned": tc.conv_transpose2d(test_low, kernel, stride=2, padding=2),
}
table = {
    k: tc.psnr(y[8:-8, 8:-8], test_high[8:-8, 8:-8])
    for k, y in candidates.items()
}
print(table)
