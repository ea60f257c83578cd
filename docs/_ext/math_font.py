"""Serve an OpenType MATH font for the site's MathML, cut to the glyphs it uses.

Why: Chromium draws MathML with the reader's fonts, with most of which floor brackets do
not stretch and primes float away from their letter. Noto Sans Math's MATH table fixes
both, but the font is 270 KB and on npm only (``@fontsource/noto-sans-math``, installed
by ``npm ci``). Once every page is written, fontTools cuts it to the characters inside
``<math>`` elements, into ``_static/math/`` beside the stylesheet that only pages with
equations link. Without node_modules the build says so and equations use the reader's fonts.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path
from typing import Any

from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
SOURCE = Path(__file__).parents[2] / "node_modules/@fontsource/noto-sans-math/files"
SOURCE /= "noto-sans-math-latin-400-normal.woff"
FONT, CSS = "math/noto-sans-math-subset.woff2", "math/math-font.css"
FACE = """/* Noto Sans Math (SIL Open Font License 1.1), cut to the glyphs of this site's equations */
@font-face {
  font-family: "Noto Sans Math";
  src: url("noto-sans-math-subset.woff2") format("woff2");
  font-display: swap;
}
math {
  font-family: "Noto Sans Math", math;
}
"""
MATH, TAG = re.compile(r"<math\b.*?</math>", re.DOTALL), re.compile(r"<[^>]+>")


def cut_font(source: Path, target: Path, codes: set[int]) -> None:
    """Write ``source`` cut to the characters ``codes`` (and what they need) to ``target``.

    WOFF2, the same bytes every build; purge_css.py cuts the icon fonts with it too.
    """
    options = subset.Options(
        layout_features=["*"], flavor="woff2", hinting=False, desubroutinize=True, name_IDs=["*"]
    )  # name_IDs: the licence and copyright notices stay
    # read whole first: target may be source, and TTFont reads tables lazily
    font = TTFont(io.BytesIO(source.read_bytes()), recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(target, reorderTables=False)


def _write_font(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not SOURCE.is_file():
        return
    static = Path(app.builder.outdir) / "_static"
    used: set[str] = set()
    for page in sorted(Path(app.builder.outdir).rglob("*.html")):
        for formula in MATH.findall(page.read_text(encoding="utf-8")):
            used.update(html.unescape(TAG.sub("", formula)))
    used -= {c for c in used if c.isspace()}
    (static / "math").mkdir(parents=True, exist_ok=True)
    cut_font(SOURCE, static / FONT, {ord(c) for c in used})
    (static / CSS).write_text(FACE, encoding="utf-8")
    logger.info("math font: %d characters, %s bytes", len(used), (static / FONT).stat().st_size)


def _say_without(_app: Sphinx) -> None:
    if not SOURCE.is_file():
        logger.info("math font: no %s (`npm ci`); equations use the reader's fonts", SOURCE.name)


def _link(
    app: Sphinx, _page: str, _template: str, context: dict[str, Any], _doctree: object
) -> None:
    if SOURCE.is_file() and "<math" in context.get("body", ""):  # a page without maths: no link
        app.add_css_file(CSS)


def setup(app: Sphinx) -> dict[str, Any]:
    """Link the stylesheet from pages with maths when the font is there; write both at the end."""
    app.connect("builder-inited", _say_without)
    app.connect("html-page-context", _link)
    app.connect("build-finished", _write_font)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
