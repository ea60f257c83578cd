"""The site's colour key: an HTML list whose swatches the package draws.

Why: every figure colours its arrays by role (input, kernel, output, matrix) and draws
padding, inserted zeros and cropped cells in styles of their own; signed data (gradients,
differences) use one diverging map, magenta below 0 and gold above. The key that names them
must never disagree with the figures, so its swatches are drawn by the package
(``transposed_conv.plotting.color_key_swatch``, the patches of ``show_color_key``). The
labels are HTML text, not pixels: they wrap onto more lines on a phone and follow the
reader's font size, where one wide picture of the key shrank to unreadable text.

``.. color-key::`` (in MyST, a ``{color-key}`` fence) writes the list; the swatches are
saved once per build, at 1x and 2x, into ``_static/color_key/``.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
from docutils import nodes
from matplotlib import rc_context
from sphinx.util.docutils import SphinxDirective

from transposed_conv.plotting import color_key_swatch
from transposed_conv.plotting._key import KEY_ROLES

FOLDER = "_static/color_key"
SIZE = (0.32, 0.22)  # inches: 32 x 22 px at the site's 100 dpi
DESCRIPTIONS = {
    "input": "blue",
    "kernel": "orange",
    "output": "green",
    "matrix": "purple",
    "padding": "dotted straw",
    "inserted zeros": "hatched grey",
    "cropped": "cross-hatched white",
    "signed": "magenta to white to gold",
}
"""What each swatch looks like, in words: the swatch images' alt text."""


def _slug(role: str) -> str:
    return role.replace(" ", "-")


def write_swatches(outdir: Path) -> list[Path]:
    """Save every role's swatch at 1x (100 dpi) and 2x (200 dpi) into ``outdir/_static``."""
    folder = outdir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for role in KEY_ROLES:
        fig = color_key_swatch(role, size=SIZE)
        for suffix, dpi in (("", 100), ("@2x", 200)):
            path = folder / f"{_slug(role)}{suffix}.png"
            # exactly SIZE: the video scraper sets savefig.bbox "tight" for the whole build,
            # which would pad the swatch and change its aspect ratio from the <img>'s
            with rc_context({"savefig.bbox": None}):
                fig.savefig(path, dpi=dpi, metadata={"Software": None})
            written.append(path)
        plt.close(fig)
    return written


def key_html(root: str) -> str:
    """The key as a list; ``root`` is the page's way up to the site's root (``"../../"``)."""
    width, height = (round(v * 100) for v in SIZE)
    items = []
    for role in KEY_ROLES:
        fig = color_key_swatch(role, size=SIZE)
        label = fig.get_label()
        plt.close(fig)
        src = f"{root}{FOLDER}/{_slug(role)}"
        items.append(
            f'<li><img src="{src}.png" srcset="{src}.png, {src}@2x.png 2x" width="{width}"'
            f' height="{height}" alt="{html.escape(DESCRIPTIONS[role])}:">'
            f" <span>{html.escape(label)}</span></li>"
        )
    return '<ul class="color-key" aria-label="Colour key">\n' + "\n".join(items) + "\n</ul>\n"


class ColorKey(SphinxDirective):
    """``.. color-key::``: the colour key, here."""

    def run(self) -> list[nodes.Node]:
        """The list, its links relative to this page."""
        root = "../" * self.env.docname.count("/")
        return [nodes.raw("", key_html(root), format="html")]


def _write(app: Any, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        write_swatches(Path(app.outdir))


def setup(app: Any) -> dict[str, Any]:
    """Register the directive and the build step."""
    app.add_directive("color-key", ColorKey)
    app.connect("build-finished", _write)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
