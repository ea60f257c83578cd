"""A sphinx-gallery scraper: figures as HTML panels, animations as step-through players.

Why: sphinx-gallery saves each figure as one picture and each animation as matplotlib's
JavaScript player (every frame a PNG in the page) or a video. Here every figure a code
block leaves open becomes HTML (``figure_html.py``: one image per panel, the words as
page text), and every animation of the plotting helpers (they keep one sentence per
frame as ``anim.steps`` and their figure as ``anim.figure``) a player that steps through
its frames: Previous / Play / Next buttons and the arrow keys, the step's sentence under
the frames, the first frame first, nothing moving until the reader asks
(``_static/steps.js``). Without JavaScript the first frame shows with every sentence;
with it, the sentences fold under a button (CSS ``scripting`` media query: no layout shift).
The frames are drawn by ``anim.save`` with :class:`PanelFrames`, a movie writer that
keeps each frame's panels instead of encoding a video.

Images go to ``docs/_build/figures``, which ``html_static_path`` publishes as
``_static/figures``. Each page's thumbnail is its figure ``N`` (sphinx-gallery's
``# sphinx_gallery_thumbnail_number = N``, 1 by default): its panels side by side,
without words, written where sphinx-gallery looks for it; digits too small to read at
the thumbnail's size are left out.
"""

from __future__ import annotations

import html
import json
import re
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
    thumbnail,
)
from legibility import PHONE_DIGIT_PX, digit_px
from matplotlib.animation import AbstractMovieWriter, Animation
from PIL import Image

THUMBNAILS = Path(__file__).parents[1] / "_build" / "thumbnails"
THUMBNAIL_SIZE = (320, 224)
"""sphinx-gallery's thumbnail, in pixels (``thumbnail_size`` in conf.py), shown at half."""
NUMBER = re.compile(r"^# sphinx_gallery_thumbnail_number = (-?\d+)", re.MULTILINE)


class PanelFrames(AbstractMovieWriter):
    """A movie writer that keeps each frame as panels (``figure_html.shoot``), no video.

    ``anim.save(anything, writer=PanelFrames(images, name))`` draws every frame
    through matplotlib's public API; ``frames`` then holds, per frame, the
    panels, their HTML and their image URLs.
    """

    def __init__(self, images: Writer, name: str) -> None:
        super().__init__(fps=1)
        self.images, self.name = images, name
        self.frames: list[tuple[list[Shot | str], str, list[str]]] = []

    def setup(self, fig: Any, outfile: Any, dpi: float | None = None) -> None:
        """Start a new run (``anim.save`` calls it): the figure drawn at 2x, transparent."""
        super().setup(fig, outfile, dpi)
        prepare(fig)
        self.frames = []

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


def thumbnail_number(src_file: str) -> int:
    """The figure a page's thumbnail shows: its ``sphinx_gallery_thumbnail_number``, or 1."""
    found = NUMBER.search(Path(src_file).read_text(encoding="utf-8"))
    return int(found.group(1)) if found else 1


def write_thumbnail(fig: Any, items: list[Shot | str], paths: list[Path]) -> None:
    """The panels side by side, saved at ``paths``; without digits if they would not read.

    sphinx-gallery fits the picture into :data:`THUMBNAIL_SIZE` and shows it at
    half that size: digits shown smaller than ``PHONE_DIGIT_PX`` are drawn again
    without them.
    """
    sheet = thumbnail(items)
    fit = min(THUMBNAIL_SIZE[0] / sheet.width, THUMBNAIL_SIZE[1] / sheet.height)
    sizes = [i.digits for i in items if isinstance(i, Shot) and i.digits is not None]
    # the sheet is at 2x, shrunk by ``fit`` and shown at half: digits shown at digit_px * fit
    if sizes and digit_px(min(sizes)) * fit < PHONE_DIGIT_PX:
        for ax in fig.axes:
            for text in ax.texts:
                text.set_visible(False)
        sheet = thumbnail(shoot(fig))
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
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
    wanted = thumbnail_number(block_vars["src_file"])
    parts = []
    for number in plt.get_fignums():
        fig = plt.figure(number)
        path = Path(next(block_vars["image_path_iterator"]))
        count = int(path.stem.rsplit("_", 1)[1])
        name = f"{count:02d}"
        anim = animations.get(id(fig))
        if anim is not None:
            part, items = player_html(anim, images, name)
        else:
            part, items = figure_html(fig, images, name)
        if count == 1:
            part = eager(part)
        if count == wanted:
            write_thumbnail(fig, items, [path, THUMBNAILS / f"{src.stem}.png"])
        else:  # sphinx-gallery wants a picture of every figure; only the chosen one is shown
            thumbnail(items).save(path)
        parts.append(part)
        plt.close(fig)
    if not parts:
        return ""
    return "\n\n.. raw:: html\n\n    " + "\n    ".join(parts) + "\n\n"


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
    FIGURES.mkdir(parents=True, exist_ok=True)
    app.connect("html-page-context", _scripts)
    app.connect("builder-inited", _lighter_thumbnails, priority=900)  # after sphinx-gallery
    return {"parallel_read_safe": True, "parallel_write_safe": True}
