"""Gallery thumbnails: one telling picture per page, drawn to be read at 160 x 112 px."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._matrices import Panel, _fontsize_for, _shared_scales, highlight, show_matrix
from ._style import _as_2d, _plt, format_value

if TYPE_CHECKING:
    from matplotlib.figure import Figure

THUMBNAIL_SIZE = (3.2, 2.24)
"""Size of a thumbnail, in inches: 320 x 224 px at 100 dpi, shown at 160 x 112 CSS px."""
THUMBNAIL_FONTSIZE = 14.0
"""Smallest text in a thumbnail, in points: about 10 CSS px once shown at half size.
Cells too small for it show colour only."""
_OPERATOR_WIDTH = 0.32  # inches of the narrow column of each operator
_MARGIN = 0.06  # inches around the panels


def thumbnail(
    panels: Sequence[Any],
    *,
    operators: Sequence[str] | None = None,
    boxes: Sequence[tuple[Any, ...]] = (),
    share_norm: bool = True,
    image_cmap: str = "gray",
) -> Figure:
    """Draw a gallery thumbnail: a few arrays large, without titles or ticks.

    A thumbnail is seen at 160 x 112 CSS pixels beside its neighbours, so it
    holds one idea drawn big: the page's telling arrays in their role colours
    (:func:`show_matrix`), all cells the same size, with values only where
    they are legible at that size (14 pt or more in the 320 x 224 px image,
    about 10 px once shown), and the operators between them.

    Parameters
    ----------
    panels : sequence of Panel or array_like
        Left to right. A :class:`Panel` is drawn as a matrix in its role's
        colours (its title is not drawn); any other 2-D array is drawn as a
        grey image with values from 0 (black) to 1 (white).
    operators : sequence of str, optional
        ``len(panels) - 1`` symbols drawn between the panels.
    boxes : sequence of (panel, rows, cols) or (panel, rows, cols, linestyle)
        Highlight boxes (:func:`highlight`): the index of a panel and the
        block of its cells.
    share_norm : bool, default True
        Matrices of the same role share one colour scale.
    image_cmap : str, default 'gray'
        Colour map of the panels that are images.

    Returns
    -------
    matplotlib Figure
        3.2 x 2.24 inches: save it at 100 dpi, without a tight bounding box,
        for sphinx-gallery's 320 x 224 px thumbnail.

    Examples
    --------
    >>> fig = thumbnail(
    ...     [Panel([[1, 2], [3, 4]], "x"), Panel([[1, 0], [0, 1]], "w", "kernel")],
    ...     operators=["∗"],
    ... )
    >>> [round(float(v), 2) for v in fig.get_size_inches()]
    [3.2, 2.24]
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['1', '2', '3', '4']
    >>> [t.get_text() for t in fig.texts]
    ['∗']
    >>> thumbnail([Panel([1], "x")], operators=["="])
    Traceback (most recent call last):
    ...
    ValueError: operators must hold len(panels) - 1 = 0 symbols, got 1
    """
    plt = _plt()
    if not panels:
        msg = "panels must hold at least one array, got none"
        raise ValueError(msg)
    ops = list(operators or [])
    if operators is not None and len(ops) != len(panels) - 1:
        msg = f"operators must hold len(panels) - 1 = {len(panels) - 1} symbols, got {len(ops)}"
        raise ValueError(msg)
    arrays = [_as_2d(p.data if isinstance(p, Panel) else p) for p in panels]
    width, height = THUMBNAIL_SIZE
    gaps = _OPERATOR_WIDTH * len(ops) + _MARGIN * (len(panels) - 1 - len(ops))
    avail = width - 2 * _MARGIN - gaps
    # one cell size for every panel, as large as the widest row and tallest panel allow
    cell = min(
        avail / sum(a.shape[1] for a in arrays),
        (height - 2 * _MARGIN) / max(a.shape[0] for a in arrays),
    )
    used = sum(a.shape[1] for a in arrays) * cell + gaps
    x = (width - used) / 2
    fig: Figure = plt.figure(figsize=THUMBNAIL_SIZE)
    matrices = [p for p in panels if isinstance(p, Panel)]
    scales = dict(zip([p.role for p in matrices], _shared_scales(matrices), strict=True))
    if not share_norm:
        scales = {}
    for n, (panel, arr) in enumerate(zip(panels, arrays, strict=True)):
        w, h = arr.shape[1] * cell, arr.shape[0] * cell
        ax = fig.add_axes((x / width, (height - h) / 2 / height, w / width, h / height))
        if isinstance(panel, Panel):
            texts = [format_value(v) for v in arr.ravel()]
            size = _fontsize_for(cell, texts, largest=24.0, height_share=0.6)
            scale = scales.get(panel.role)
            show_matrix(
                panel.data,
                ax=ax,
                role=panel.role,
                values=size >= THUMBNAIL_FONTSIZE,
                fontsize=size,
                inserted=panel.inserted,
                padded=panel.padded,
                cropped=panel.cropped,
                blank=panel.blank,
                vmin=None if scale is None else scale[0],
                vmax=None if scale is None else scale[1],
                colorbar=False,
            )
            ax.tick_params(which="both", labelbottom=False, labelleft=False)
            ax.set_title("")
        else:
            ax.imshow(arr, cmap=image_cmap, vmin=0, vmax=1, interpolation="nearest")
            ax.set_axis_off()
            ax.set(xticks=[], yticks=[])
        for panel_index, rows, cols, *style in boxes:
            if panel_index == n:
                highlight(ax, rows, cols, linestyle=style[0] if style else "-")
        x += w
        if n < len(ops):
            fig.text(
                (x + _OPERATOR_WIDTH / 2) / width,
                0.5,
                ops[n],
                ha="center",
                va="center",
                fontsize=22,
                fontweight="bold",
            )
            x += _OPERATOR_WIDTH
        elif n < len(panels) - 1:
            x += _MARGIN
    return fig
