"""Drawing helpers for every figure on the site.

Matplotlib is imported only when a function here is called (install the
``plot`` extra: ``pip install "transposed-conv[plot]"``), so the numerical
package never needs it.

Every figure follows the same rules: each array is drawn in the colour of its
role (:data:`ROLES`, named by :func:`show_color_key`), from 0 (a visible tint)
to its largest value; the kernel's cells have rounded corners, so it differs
from the output by shape as well as colour; panels of one role in one figure
share one scale; signed data use a diverging map centred on 0
(:data:`SIGNED_CMAP`); values are written in the cells at :data:`MIN_FONTSIZE`
or more, or a colour bar gives them; padding, inserted zeros and cropped cells
have styles of their own (:data:`CELL_STYLES`), and no value is written on
padding or inserted zeros; highlights are black with a white inner line;
figures are at most :data:`MAX_WIDTH` wide; each array's shape is in its
title, and the figure is titled with a sentence that says what it shows.
Animations carry one sentence per frame (``anim.steps``) and their figure
(``anim.figure``).

The helpers live in modules by what they draw (matrices and panels,
convolution figures, animations, images and spectra, line charts); every
public name is importable from here.
"""

from __future__ import annotations

from . import _channels, _style
from ._animations import animate_scatter, animate_sliding
from ._channels import show_channel_sum
from ._convolution import show_convolution, show_zero_insertion
from ._images import sample_photo, show_image, show_images, show_spectra, show_spectrum
from ._key import show_color_key
from ._lines import show_line_panels, show_lines
from ._matrices import (
    Panel,
    framed_panel,
    highlight,
    mark_cells,
    show_matrix,
    show_panels,
    show_product,
)
from ._style import (
    format_value,
    role_cmap,
    shape_title,
    signed_cmap,
    value_formatter,
)

ROLES = _style.ROLES
"""Colour map of each role: the same role has the same colour on every page."""
ZERO_COLOR = _style.ZERO_COLOR
"""Fill of inserted zeros (hatched ``//``)."""
PAD_COLOR = _style.PAD_COLOR
"""Fill of padding zeros (hatched ``..``)."""
HIGHLIGHT_COLOR = _style.HIGHLIGHT_COLOR
"""Outer line of highlight boxes: black, with a white line inside, visible on every colour."""
ROLE_COLORS = _style.ROLE_COLORS
"""The swatch of each role and cell style in the colour key (:func:`show_color_key`)."""
LINE_COLORS = _style.LINE_COLORS
"""The colour of a line of each role (:func:`show_lines`)."""
CELL_STYLES = _style.CELL_STYLES
"""Fill, hatch and hatch colour of padding, inserted zeros and cropped cells."""
SIGNED_CMAP = _style.SIGNED_CMAP
"""Diverging colour map of signed data (gradients, differences), centred on 0: magenta, gold."""
MAX_WIDTH = _style.MAX_WIDTH
"""Widest figure, in inches: 650 px at 100 dpi."""
TRANSPOSED = _channels.TRANSPOSED
"""The operator between an input channel and its kernel in :func:`show_channel_sum`: ``∗ᵀ``."""
MIN_FONTSIZE = _style.MIN_FONTSIZE
"""Smallest cell text, in points; bigger matrices show a colour bar instead of values."""

__all__ = [
    "CELL_STYLES",
    "HIGHLIGHT_COLOR",
    "LINE_COLORS",
    "MAX_WIDTH",
    "MIN_FONTSIZE",
    "ROLES",
    "ROLE_COLORS",
    "SIGNED_CMAP",
    "TRANSPOSED",
    "Panel",
    "animate_scatter",
    "animate_sliding",
    "format_value",
    "framed_panel",
    "highlight",
    "mark_cells",
    "role_cmap",
    "sample_photo",
    "shape_title",
    "show_channel_sum",
    "show_color_key",
    "show_convolution",
    "show_image",
    "show_images",
    "show_line_panels",
    "show_lines",
    "show_matrix",
    "show_panels",
    "show_product",
    "show_spectra",
    "show_spectrum",
    "show_zero_insertion",
    "signed_cmap",
    "value_formatter",
]
