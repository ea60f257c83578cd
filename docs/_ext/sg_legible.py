"""A sphinx-gallery scraper that keeps the numbers in figures legible on a phone.

Why: figures are saved up to 6.5 in wide at 100 dpi and shown 1:1 in the 656 px text
column, but a 390 px phone's column is 358 px, where a 651 px figure shrinks to 55 % and
its 9-11 pt cell values to digits 5-6 px tall. This scraper saves the figures with
sphinx-gallery's matplotlib scraper and puts each figure whose cells hold values in a
``figure-scroll`` frame with the narrowest width at which its digits stay
``MIN_DIGIT_PX`` tall (``transposed_conv.plotting.min_display_width``, from the figure's
own cell text). Where the column is narrower, the figure keeps that width and scrolls
sideways inside its frame (``_static/figure_scroll.js`` marks such frames, makes them
focusable for the keyboard and shows a cue); the page itself never gets wider. Figures
without values in their cells (photographs, spectra) shrink with the column as before.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from sphinx.util import logging
from sphinx_gallery.scrapers import matplotlib_scraper

from transposed_conv.plotting import cell_text_size, min_display_width

logger = logging.getLogger(__name__)
IMAGE = re.compile(r"^\.\. image-sg:: (\S+)$", re.MULTILINE)


def png_width(path: Path) -> int:
    """Width of a PNG, from its IHDR chunk."""
    with path.open("rb") as f:
        head = f.read(24)
    return int(struct.unpack(">I", head[16:20])[0])


def frame_open(width: int, cell_text: float) -> str:
    """The opening tag of a frame that keeps a figure at least ``width`` CSS px wide.

    ``data-cell-text`` (the figure's smallest cell value, in points) lets the browser check
    measure the digits' height as shown (tests/browser/layout.py).
    """
    return (
        f'<div class="figure-scroll" style="--figure-min-width: {width}px"'
        f' data-cell-text="{cell_text:g}">'
    )


def frame(image_rst: str, width: int, cell_text: float) -> str:
    """``image_rst`` inside a frame that keeps it at least ``width`` CSS px wide."""
    return (
        f"\n\n.. raw:: html\n\n   {frame_open(width, cell_text)}\n"
        f"{image_rst.rstrip()}\n\n"
        ".. raw:: html\n\n   </div>\n\n"
    )


def legible_scraper(block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """sphinx-gallery's figures, framed where their cell values need a minimum width."""
    figures = [plt.figure(n) for n in plt.get_fignums()]
    rst = matplotlib_scraper(block, block_vars, gallery_conf)
    paths = IMAGE.findall(rst)
    if len(paths) != 1 or len(figures) != 1:
        # several figures in one block are a row of thumbnails, which no frame keeps legible
        if any(cell_text_size(fig) is not None for fig in figures):
            logger.warning(
                "%s: a block draws %d figures with values in their cells; give each its own"
                " block (# %%%%), so each keeps a legible width on a phone",
                block_vars["src_file"],
                len(figures),
            )
        return rst
    saved = Path(gallery_conf["src_dir"]) / paths[0].lstrip("/")
    size = cell_text_size(figures[0])
    width = min_display_width(size, png_width(saved))
    return frame(rst, width, size) if size is not None else rst


def _get_sg_image_scraper() -> Any:
    """Let ``image_scrapers`` name this module as a string (sphinx-gallery's protocol)."""
    return legible_scraper


def _script_where_framed(
    app: Any, _page: str, _template: str, context: dict[str, Any], _doctree: Any
) -> None:
    if 'class="figure-scroll"' in context.get("body", ""):
        app.add_js_file("figure_scroll.js", loading_method="defer")


def setup(app: Any) -> dict[str, Any]:
    """Ship the script that marks frames that scroll, on the pages that have frames."""
    app.connect("html-page-context", _script_where_framed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
