"""The site's colour key: an HTML list whose swatches come from the package's colours.

Why: the key that names the figures' colours by role (input, kernel, output, ...), the
cell styles (padding, inserted zeros, cropped) and the signed map must never disagree
with the figures, so its swatches are small SVG pictures made from ``ROLE_COLORS``,
``CELL_STYLES`` and ``signed_cmap``, and its labels are those of ``show_color_key``, as
HTML text that wraps on a phone and follows the reader's font size. ``.. color-key::``
writes the list; gallery examples show it in their sidebar (``_templates/colour-key.html``).
"""

from __future__ import annotations

import functools
import html
from typing import Any
from urllib.parse import quote

import matplotlib.pyplot as plt
from docutils import nodes
from matplotlib.colors import to_hex
from sphinx.util.docutils import SphinxDirective

from transposed_conv.plotting import CELL_STYLES, ROLE_COLORS, show_color_key, signed_cmap
from transposed_conv.plotting._style import PAGE_FILLED

WIDTH, HEIGHT = 32, 22
"""Size of a swatch, in CSS px."""
DESCRIPTIONS = {
    "input": "blue",
    "kernel": "orange, rounded",
    "output": "green",
    "matrix": "purple",
    "neutral": "grey",
    "padding": "dotted straw",
    "inserted zeros": "hatched grey",
    "cropped": "cross-hatched on the page",
    "signed": "magenta to white to gold",
}
"""What each swatch looks like, in words: the swatch images' alt text."""
HATCHES = {
    "..": '<circle cx="2" cy="2" r="0.9" fill="{c}"/>',
    "//": '<path d="M-1 5 5 -1M0 4 4 0" stroke="{c}" stroke-width="0.8"/>',
    "xx": '<path d="M0 0 4 4M4 0 0 4" stroke="{c}" stroke-width="0.7"/>',
}
"""One 4 x 4 px tile of each hatch of ``CELL_STYLES``, as matplotlib draws it."""


def swatch_svg(role: str) -> str:
    """The swatch of ``role`` as an SVG document."""
    if role == "signed":
        cmap = signed_cmap()
        stops = "".join(
            f'<stop offset="{k / 8:.3f}" stop-color="{to_hex(cmap(k / 8))}"/>' for k in range(9)
        )
        fill = "url(#g)"
        defs = f'<linearGradient id="g">{stops}</linearGradient>'
    elif role in CELL_STYLES:
        style = CELL_STYLES[role]
        tile = HATCHES[style["hatch"]].format(c=style["edgecolor"])
        fill = "none" if role in PAGE_FILLED else style["facecolor"]  # as the figures draw it
        defs = (
            f'<pattern id="h" width="4" height="4" patternUnits="userSpaceOnUse">'
            f'<rect width="4" height="4" fill="{fill}"/>{tile}</pattern>'
        )
        fill = "url(#h)"
    else:
        defs, fill = "", ROLE_COLORS[role]
    corner = ' rx="5"' if role == "kernel" else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}">'
        f'<defs>{defs}</defs><rect width="{WIDTH}" height="{HEIGHT}"{corner} fill="{fill}"/></svg>'
    )


def labels() -> dict[str, str]:
    """Each entry's label, as :func:`show_color_key` writes it, by role."""
    fig = show_color_key()
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    plt.close(fig)
    return dict(zip([*ROLE_COLORS, "signed"], texts, strict=True))


@functools.cache
def key_html() -> str:
    """The key as a list of swatches and labels."""
    items = []
    for role, label in labels().items():
        src = "data:image/svg+xml," + quote(swatch_svg(role))
        items.append(
            f'<li><img src="{src}" width="{WIDTH}" height="{HEIGHT}"'
            f' alt="{html.escape(DESCRIPTIONS[role])}:"> <span>{html.escape(label)}</span></li>'
        )
    return '<ul class="color-key" aria-label="Colour key">\n' + "\n".join(items) + "\n</ul>\n"


class ColorKey(SphinxDirective):
    """``.. color-key::``: the colour key, here."""

    def run(self) -> list[nodes.Node]:
        """The list."""
        return [nodes.raw("", key_html(), format="html")]


def sidebar_key(
    _app: Any, pagename: str, _template: str, context: dict[str, Any], _doctree: Any
) -> None:
    """The key for the sidebar of gallery examples."""
    if pagename.startswith("gallery/") and pagename.rsplit("/", 1)[-1].startswith("plot_"):
        context["color_key_html"] = key_html()


def setup(app: Any) -> dict[str, Any]:
    """Register the directive and the sidebar's key."""
    app.add_directive("color-key", ColorKey)
    app.connect("html-page-context", sidebar_key)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
