r"""
Bilinear initialisation
=======================

A transposed convolution can start out as exact bilinear interpolation: the kernel is a tent
of size :math:`2f - f \bmod 2`, the stride is f and the padding :math:`\lfloor f / 2 \rfloor`.
Training then only has to learn what improves on it.
"""

# %%
# The 4x4 kernel for f = 2 is the outer product of [1/4, 3/4, 3/4, 1/4] with itself. Each of the
# four output phases receives taps that sum to exactly 1, so a constant input stays constant:
# no checkerboard is possible.
import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, sample_photo, show_images, show_panels

kernel = tc.bilinear_kernel(2)
sums = tc.phase_sums(kernel, 2, padding=1)
print(kernel, sums, sep="\n")
assert np.allclose(sums, 1.0)
show_panels(
    [Panel(kernel, "Bilinear kernel, f = 2", "kernel"), Panel(sums, "Phase sums", "output")],
    title="The bilinear kernel's four phases each receive a total weight of 1",
    width=5,
)
plt.show()

# %%
# On the photograph, the transposed convolution with this kernel equals bilinear interpolation
# everywhere except the outermost pixel ring, where interpolation clamps to the edge and the
# transposed convolution sees zeros. In the crops below, which touch the photo's top edge, the
# difference is zero (white) everywhere but that top row.
small = tc.box_downsample(sample_photo(), 4)
by_kernel = tc.conv_transpose2d(small, kernel, stride=2, padding=1)
by_interpolation = tc.interpolate(small, 2, "bilinear")
interior_error = np.abs(by_kernel - by_interpolation)[1:-1, 1:-1].max()
print(f"largest interior difference: {interior_error:.1e}")
assert interior_error < 1e-12
assert tc.stride_frequency_energy(by_kernel, 2) < 1e-3
difference = (by_kernel - by_interpolation)[:96, 48:144]
assert np.abs(difference[1:]).max() < 1e-12 < np.abs(difference[0]).max()
show_images(
    {
        "Transposed conv, bilinear kernel": by_kernel[:96, 48:144],
        "Bilinear interpolation": by_interpolation[:96, 48:144],
        "Difference": difference,
    },
    title="With the bilinear kernel the transposed convolution is bilinear interpolation (crops)",
    ncols=3,
)
plt.show()

# %%
# The same holds for every factor: the tent kernels for f = 3 and 4, with equal phase sums.
for f in (3, 4):
    k = tc.bilinear_kernel(f)
    assert np.allclose(tc.phase_sums(k, f, padding=f // 2), 1.0)
    print(f, k.shape, tc.conv_transpose2d(small, k, stride=f, padding=f // 2).shape)
