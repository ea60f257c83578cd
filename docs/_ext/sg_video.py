"""A sphinx-gallery scraper that publishes matplotlib animations as small WebM videos.

Why: sphinx-gallery's own animation output is matplotlib's JavaScript player
(every frame embedded as a PNG, a Font Awesome stylesheet from a CDN, and an
unlabelled slider) or a video directive from another extension. This scraper
encodes each animation with the ffmpeg binary that imageio-ffmpeg installs from
PyPI, and writes a ``<video controls>`` element: no script, nothing from other
hosts, the browser's own labelled controls, no autoplay (nothing moves until the
reader asks), the figure title as its accessible name, and the last frame as
its poster and the example's thumbnail.

Videos are written to ``docs/_build/videos``, which ``html_static_path`` copies
into ``_static``.
"""

from __future__ import annotations

import gc
import html
import shutil
from pathlib import Path
from typing import Any

import imageio_ffmpeg
import matplotlib.pyplot as plt
from matplotlib import rcParams
from matplotlib.animation import Animation, FFMpegWriter

VIDEO_DIR = Path(__file__).parents[1] / "_build" / "videos"


def video_scraper(_block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """Save each open animation's figure as a WebM and a poster PNG; return the HTML."""
    rcParams["animation.ffmpeg_path"] = imageio_ffmpeg.get_ffmpeg_exe()
    # compare figures, not numbers: pyplot reuses the number of a closed figure
    open_figures = [plt.figure(n) for n in plt.get_fignums()]
    animations = [
        obj
        for obj in gc.get_objects()
        if isinstance(obj, Animation) and any(obj._fig is fig for fig in open_figures)
    ]
    page = Path(block_vars["target_file"]).relative_to(gallery_conf["src_dir"])
    up = "../" * (len(page.parts) - 1)
    parts = []
    for anim in animations:
        fig = anim._fig
        poster = Path(next(block_vars["image_path_iterator"]))
        VIDEO_DIR.mkdir(parents=True, exist_ok=True)
        video = VIDEO_DIR / poster.with_suffix(".webm").name
        fps = 1000 / getattr(anim, "_interval", 1000)
        writer = FFMpegWriter(
            fps=fps,
            codec="libvpx-vp9",
            extra_args=[
                *["-pix_fmt", "yuv420p", "-b:v", "0", "-crf", "38", "-row-mt", "1"],
                # the same bytes on every build: no encoder tags, random ids or dates
                *["-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1"],
            ],
        )
        anim.save(video, writer=writer, dpi=100)
        fig.savefig(poster, dpi=100)  # the last frame: poster and thumbnail
        shutil.copy(poster, VIDEO_DIR / poster.name)
        width, height = (fig.get_size_inches() * 100).astype(int)
        title = html.escape(fig.get_suptitle() or "Animation", quote=True)
        plt.close(fig)
        parts.append(
            f"""
.. raw:: html

    <figure class="sg-video">
      <video controls preload="none" playsinline width="{width}" height="{height}"
             poster="{up}_static/{poster.name}" aria-label="{title}">
        <source src="{up}_static/{video.name}" type="video/webm">
      </video>
      <figcaption>Animation: {title}. Press play to step through it.</figcaption>
    </figure>
"""
        )
    return "".join(parts)


def _get_sg_image_scraper() -> Any:
    """Let ``image_scrapers`` name this module as a string (sphinx-gallery's protocol)."""
    return video_scraper
