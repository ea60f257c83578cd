r"""
Input and kernel
================

The whole walk-through uses one 4x4 input and one 3x3 kernel. Small integers keep every
product readable, so each number later on can be checked by hand.
"""

# %%
# The numbers
# -----------
#
# The input holds values from 2 to 8, the kernel values from 1 to 4. Colours run from the
# smallest to the largest value of each matrix, so a darker cell is a larger number.
import matplotlib.pyplot as plt
import numpy as np

from transposed_conv.plotting import Panel, show_images, show_panels

inputs = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
kernel = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
print(inputs, kernel, sep="\n")

show_panels(
    [Panel(inputs, "Input", "input"), Panel(kernel, "Kernel", "kernel")],
    title="The walk-through's 4x4 input and 3x3 kernel",
    width=5,
)
plt.show()

# %%
# As an image
# -----------
#
# An image is such a matrix too. Scaled to 8-bit grey levels (0 black, 255 white; each value
# times 31, so 8 becomes 248), the same input is a tiny picture in which, unlike the coloured
# figure above, a larger number is lighter: the convolution that follows treats both the same way.
grey = inputs * (255 // inputs.max())
print(grey)
title = "The 4x4 input as an 8-bit grey image"
fig, axes = show_images({"Grey levels": grey}, title=title, ncols=1, width=3.2)
axes[0].images[0].set_clim(0, 255)  # black is 0, white is 255
plt.show()
