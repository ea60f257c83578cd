"""A sphinx-gallery scraper that publishes matplotlib animations as small WebM videos.

Why: sphinx-gallery's own animation output is matplotlib's JavaScript player
(every frame embedded as a PNG, a Font Awesome stylesheet from a CDN, and an
unlabelled slider) or a video directive from another extension. This scraper
encodes each animation with the ffmpeg binary that imageio-ffmpeg installs from
PyPI, and writes a ``<video controls>`` element: no script, nothing from other
hosts, the browser's own labelled controls, no autoplay (nothing moves until the
reader asks), the figure title as its accessible name, and the last frame as
its poster.

Videos with values in their cells follow the rule of the static figures
(``sg_legible.py``): the ``<video>`` sits in the same ``figure-scroll`` frame, with
the narrowest width at which the last frame's cell digits stay legible, so on a
phone it keeps that width and scrolls sideways instead of shrinking its digits.

Every video has a text twin. The plotting helpers keep one sentence per frame on
the animation (``anim.steps``); from them the scraper writes a WebVTT file, linked
as the video's ``<track kind="captions">`` with each cue timed to its frame (the
videos are silent, so captions are what a browser shows), and a transcript, a
collapsed ``<details>`` under the video for screen readers and for skimming.

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
from matplotlib import rc_context, rcParams
from matplotlib.animation import Animation, FFMpegWriter
from PIL import Image
from sg_legible import frame_open

from transposed_conv.plotting import cell_text_size, min_display_width

VIDEO_DIR = Path(__file__).parents[1] / "_build" / "videos"


def video_scraper(_block: Any, block_vars: dict[str, Any], gallery_conf: dict[str, Any]) -> str:
    """Save each open animation's figure as a WebM and a poster PNG; return the HTML."""
    rcParams["animation.ffmpeg_path"] = imageio_ffmpeg.get_ffmpeg_exe()
    # static figures (saved next, by the matplotlib scraper) lose their blank margins;
    # an animation's frames and poster keep the figure's size (its video's size, below)
    rcParams["savefig.bbox"] = "tight"
    rcParams["savefig.pad_inches"] = 0.05
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
        # the last frame, at the video's own size (as anim.save draws its frames): a tight
        # crop would be letterboxed into the video's box, under the controls
        with rc_context({"savefig.bbox": None}):
            fig.savefig(poster, dpi=100)
        shutil.copy(poster, VIDEO_DIR / poster.name)
        with Image.open(poster) as frame:  # the frames' size as drawn (rounded, not cut)
            width, height = frame.size
        title = html.escape(fig.get_suptitle() or "Animation", quote=True)
        steps = list(getattr(anim, "steps", None) or [fig.get_suptitle() or "Animation"])
        captions = video.with_suffix(".vtt")
        captions.write_text(webvtt(steps, getattr(anim, "_interval", 1000)), encoding="utf-8")
        items = "\n".join(f"          <li>{html.escape(step)}</li>" for step in steps)
        # the frames are the figure's size at 100 dpi, the video's width attribute
        size = cell_text_size(fig)
        plt.close(fig)
        if size is None:
            frame_start, frame_end = "", ""
        else:
            frame_start = "\n      " + frame_open(min_display_width(size, width), size)
            frame_end = "\n      </div>"
        parts.append(
            f"""
.. raw:: html

    <figure class="sg-video">{frame_start}
      <video controls preload="none" playsinline width="{width}" height="{height}"
             poster="{up}_static/{poster.name}" aria-label="{title}">
        <source src="{up}_static/{video.name}" type="video/webm">
        <track kind="captions" src="{up}_static/{captions.name}" srclang="en" label="Steps">
      </video>{frame_end}
      <figcaption>Animation: {title}. Press play to step through it.</figcaption>
      <details class="sg-transcript">
        <summary>Transcript: the animation's {len(steps)} steps in words</summary>
        <ol>
{items}
        </ol>
      </details>
    </figure>
"""
        )
    return "".join(parts)


def _timestamp(ms: int) -> str:
    seconds, ms = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{ms:03d}"


def webvtt(steps: list[str], interval: int) -> str:
    """A WebVTT file with one cue per frame: step ``n`` shows while frame ``n`` does.

    >>> print(webvtt(["x[0, 0] = 1 stamps 1 x kernel", "All 1 stamps are added."], 1000))
    WEBVTT
    <BLANKLINE>
    1
    00:00:00.000 --> 00:00:01.000
    x[0, 0] = 1 stamps 1 x kernel
    <BLANKLINE>
    2
    00:00:01.000 --> 00:00:02.000
    All 1 stamps are added.
    <BLANKLINE>
    """
    cues = [
        f"{n + 1}\n{_timestamp(n * interval)} --> {_timestamp((n + 1) * interval)}\n"
        # a cue ends at a blank line and may not contain "-->"
        f"{' '.join(step.replace('-->', '→').split())}\n"
        for n, step in enumerate(steps)
    ]
    return "WEBVTT\n\n" + "\n".join(cues)


def _get_sg_image_scraper() -> Any:
    """Let ``image_scrapers`` name this module as a string (sphinx-gallery's protocol)."""
    return video_scraper
