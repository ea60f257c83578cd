"""A sphinx-gallery scraper: figures as HTML panels, animations as step-through players.

Why: sphinx-gallery saves a figure as one picture and an animation as matplotlib's
JavaScript player (every frame a PNG in the page) or a video. Here every figure a block
leaves open becomes HTML (``figure_html.py``), and every animation of the plotting helpers
(one sentence per frame in ``anim.steps``) a player: Previous / Play / Next and the arrow
keys, the step's sentence under the frames, nothing moving until the reader asks
(``_static/steps.js``; without JavaScript the first frame shows with every sentence).
``anim.save`` draws the frames through :class:`PanelFrames`, a movie writer that keeps
each frame's panels. A page's thumbnail is its figure ``sphinx_gallery_thumbnail_number``:
its panels without words, and without digits too small to read at the thumbnail's size.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from figure_html import (
    FIGURES,
    Shot,
    Writer,
    eager,
    figure_html,
    is_wide,
    panels_html,
    png_bytes,
    prepare,
    shoot,
)
from legibility import PHONE_DIGIT_PX, digit_px
from matplotlib.animation import AbstractMovieWriter, Animation
from PIL import Image

GAP = 24
"""Pixels between panels on a thumbnail's sheet."""


class PanelFrames(AbstractMovieWriter):
    """A movie writer that keeps each frame's panels, their HTML and image URLs, no video.

    ``anim.save(anything, writer=PanelFrames(images, name))``: matplotlib's public API.
    """

    def __init__(self, images: Writer, name: str) -> None:
        super().__init__(fps=1)
        self.images, self.name = images, name
        self.frames: list[tuple[list[Shot | str], str, list[str]]] = []

    def setup(self, fig: Any, outfile: Any, dpi: float | None = None) -> None:
        """Start a new run (``anim.save`` calls it): the figure drawn at 2x, transparent."""
        super().setup(fig, outfile, dpi)
        prepare(fig)

    def grab_frame(self, **_savefig_kwargs: Any) -> None:
        """Cut the frame as drawn now into its panels and write their images."""
        items = shoot(self.fig, prepared=True)
        body, srcs = panels_html(items, self.images, f"{self.name}_{len(self.frames):02d}")
        self.frames.append((items, body, srcs))

    def finish(self) -> None:
        """Nothing to close: every frame is written."""


def player_html(anim: Any, images: Writer, name: str) -> tuple[str, list[Shot | str]]:
    """The animation as a step-through player; its first frame's panels too."""
    frames = PanelFrames(images, name)
    images.folder.mkdir(parents=True, exist_ok=True)  # anim.save checks the (unused) file's folder
    anim.save(str(images.folder / f"{images.stem}_{name}.frames"), writer=frames)
    fig = anim.figure
    title = " ".join(fig.get_suptitle().split()) or "Animation"
    steps = [" ".join(s.split()) for s in getattr(anim, "steps", None) or [title]]
    shots = [[i for i in items if isinstance(i, Shot)] for items, _, _ in frames.frames]
    data = {
        "srcs": [srcs for _, _, srcs in frames.frames],
        "titles": [[s.title for s in frame] for frame in shots],
        "alts": [[s.alt for s in frame] for frame in shots],
    }
    first, body, _ = frames.frames[0]
    items = "".join(f"<li>{html.escape(s)}</li>" for s in steps)
    wide = " tcf-wide" if is_wide(first) else ""
    script = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<figure class="tcf-figure tcf-steps{wide}" data-steps="{len(steps)}">'
        f'<figcaption class="tcf-caption">{html.escape(title)}</figcaption>{body}'
        f'<p class="tcf-now" aria-live="polite">Step 1 of {len(steps)}: {html.escape(steps[0])}</p>'
        '<div class="tcf-controls" hidden>'
        '<button type="button" data-do="prev">Previous</button>'
        '<button type="button" data-do="play" aria-pressed="false">Play</button>'
        '<button type="button" data-do="next">Next</button></div>'
        '<div class="tcf-transcript">'
        f'<button type="button" class="tcf-all" aria-expanded="false" hidden>All {len(steps)}'
        f' steps in words</button><p class="tcf-all">All {len(steps)} steps in words:</p>'
        f"<ol>{items}</ol></div>"
        f'<script type="application/json" class="tcf-frames">{script}</script></figure>'
    ), frames.frames[-1][0]


def _rows(shots: list[Image.Image], count: int) -> list[list[Image.Image]]:
    """``shots`` in order, in ``count`` rows of about equal width."""
    target = (sum(s.width for s in shots) + GAP * (len(shots) - count)) / count
    rows: list[list[Image.Image]] = [[]]
    for shot in shots:
        width = sum(s.width + GAP for s in rows[-1])
        if rows[-1] and width + shot.width / 2 > target and len(rows) < count:
            rows.append([])
        rows[-1].append(shot)
    return rows


def thumbnail(items: list[Shot | str], size: tuple[int, int]) -> Image.Image:
    """The panels on white, no words, in the rows (up to 3) that fill ``size`` best."""
    shots = [i.image for i in items if isinstance(i, Shot)]

    def sheet_size(rows: list[list[Image.Image]]) -> tuple[int, int]:
        width = max(sum(s.width for s in row) + GAP * (len(row) - 1) for row in rows)
        return width, sum(max(s.height for s in row) for row in rows) + GAP * (len(rows) - 1)

    layouts = [_rows(shots, n) for n in range(1, min(3, len(shots)) + 1)]
    best = max(
        layouts, key=lambda rows: min(a / b for a, b in zip(size, sheet_size(rows), strict=True))
    )
    sheet = Image.new("RGBA", sheet_size(best), "white")
    y = 0
    for row in best:
        x, height = 0, max(s.height for s in row)
        for shot in row:
            sheet.alpha_composite(shot.convert("RGBA"), (x, y + (height - shot.height) // 2))
            x += shot.width + GAP
        y += height + GAP
    return sheet.convert("RGB")


def write_thumbnail(fig: Any, items: list[Shot | str], path: Path, size: tuple[int, int]) -> None:
    """The panels side by side, saved at ``path``; without digits if they would not read.

    sphinx-gallery fits the 2x sheet into ``size`` and shows it at half that: digits
    shown smaller than ``PHONE_DIGIT_PX`` are drawn again without them.
    """
    sheet = thumbnail(items, size)
    fit = min(size[0] / sheet.width, size[1] / sheet.height)
    sizes = [i.digits for i in items if isinstance(i, Shot) and i.digits is not None]
    if sizes and digit_px(min(sizes)) * fit < PHONE_DIGIT_PX:
        for ax in fig.axes:
            for text in ax.texts:
                text.set_visible(False)
        sheet = thumbnail(shoot(fig), size)
    sheet.save(path, optimize=True)


def figures_scraper(_block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """Every figure the block left open, as HTML; animations as players."""
    src = Path(block_vars["src_file"])
    page = Path(block_vars["target_file"]).relative_to(gallery_conf["src_dir"])
    up = "../" * (len(page.parts) - 1)
    images = Writer(FIGURES, f"{up}_static/", f"{src.parent.name}_{src.stem}")
    animations = {
        id(value.figure): value
        for value in block_vars["example_globals"].values()
        if isinstance(value, Animation) and hasattr(value, "figure")
    }
    wanted = block_vars["file_conf"].get("thumbnail_number", 1)  # sphinx-gallery read it
    size = gallery_conf["thumbnail_size"]
    parts = []
    for number in plt.get_fignums():
        fig = plt.figure(number)
        path = Path(next(block_vars["image_path_iterator"]))
        count = int(path.stem.rsplit("_", 1)[1])
        name, anim = f"{count:02d}", animations.get(id(fig))
        part, items = player_html(anim, images, name) if anim else figure_html(fig, images, name)
        if count == wanted:
            write_thumbnail(fig, items, path, size)
        else:  # sphinx-gallery wants a picture of every figure; only the chosen one is shown
            thumbnail(items, size).save(path)
        parts.append(eager(part) if count == 1 else part)
        plt.close(fig)
    return "\n\n.. raw:: html\n\n    " + "\n    ".join(parts) + "\n\n" if parts else ""


def _get_sg_image_scraper() -> Any:
    """Let ``image_scrapers`` name this module as a string (sphinx-gallery's protocol)."""
    return figures_scraper


def _scripts(app: Any, _page: str, _template: str, context: dict[str, Any], _doctree: Any) -> None:
    if 'class="tcf-figure tcf-steps' in context.get("body", ""):
        app.add_js_file("steps.js", loading_method="defer")


def _lighter_thumbnails(app: Any) -> None:
    """sphinx-gallery's thumbnails (full-colour RGBA PNGs) as 256-colour PNGs, a third the bytes."""
    for path in Path(app.srcdir, "gallery").glob("*/images/thumb/sphx_glr_*_thumb.png"):
        with Image.open(path) as image:
            if image.mode == "P":  # done in an earlier build
                continue
            data = png_bytes(image.convert("RGBA"))
        path.write_bytes(data)


def setup(app: Any) -> dict[str, Any]:
    """Ship the players' script where there are players; lighten the thumbnails."""
    app.connect("html-page-context", _scripts)
    app.connect("builder-inited", _lighter_thumbnails, priority=900)  # after sphinx-gallery
    return {"parallel_read_safe": True, "parallel_write_safe": True}
