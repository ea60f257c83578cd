"""Serve an OpenType MATH font for the site's MathML, cut to the glyphs it uses.

Why: Chromium draws MathML with the reader's fonts; with most default fonts
floor brackets do not stretch around fractions and primes float away from
their letter. Noto Sans Math has a MATH table that fixes both, but the whole
font is 270 KB. No PyPI package ships it; npm's ``@fontsource/noto-sans-math``
(pinned in package-lock.json, installed by ``npm ci``) does. Once every page
is written, this collects the characters inside ``<math>`` elements and cuts
the font to them (with everything the MATH table needs to stretch them) with
fontTools, into ``_static/math/``. Pages link ``_static/math/math-font.css``,
which sets the font for ``math`` elements.

Without node_modules (a machine with Python alone) the build logs that and
the pages fall back to the reader's math font.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
SOURCE = (
    Path(__file__).parents[2]
    / "node_modules/@fontsource/noto-sans-math/files/noto-sans-math-latin-400-normal.woff"
)
CSS = "math/math-font.css"
FACE = """/* Noto Sans Math (SIL Open Font License 1.1), cut to the glyphs of this site's equations */
@font-face {{
  font-family: "Noto Sans Math";
  src: url("{name}") format("{format}");
  font-display: swap;
}}
math {{
  font-family: "Noto Sans Math", math;
}}
"""
MATH = re.compile(r"<math\b.*?</math>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def _characters(outdir: Path) -> set[str]:
    used: set[str] = set()
    for page in sorted(outdir.rglob("*.html")):
        for formula in MATH.findall(page.read_text(encoding="utf-8")):
            used.update(html.unescape(TAG.sub("", formula)))
    return {c for c in used if not c.isspace()}


def _write_font(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html" or not SOURCE.is_file():
        return
    outdir = Path(app.builder.outdir)
    used = _characters(outdir)
    try:
        import brotli  # noqa: F401, PLC0415 (woff2 needs it; woff does not)

        flavor = "woff2"
    except ImportError:
        flavor = "woff"
    options = subset.Options()
    options.layout_features = ["*"]
    options.flavor = flavor
    options.hinting = False
    options.desubroutinize = True
    font = TTFont(SOURCE, recalcTimestamp=False)  # the same bytes on every build
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(map(ord, used)))
    subsetter.subset(font)
    target = outdir / "_static" / "math"
    target.mkdir(parents=True, exist_ok=True)
    name = f"noto-sans-math-subset.{flavor}"
    font.flavor = flavor
    font.save(target / name, reorderTables=False)
    (target / "math-font.css").write_text(FACE.format(name=name, format=flavor))
    size = (target / name).stat().st_size
    logger.info("math font: %d characters, %s bytes (%s)", len(used), f"{size:,}", flavor)


def _link(app: Sphinx) -> None:
    if SOURCE.is_file():
        app.add_css_file(CSS)
    else:
        logger.info(
            "math font: %s not found (run `npm ci` for it); equations use the reader's fonts",
            SOURCE.relative_to(SOURCE.parents[4]),
        )


def setup(app: Sphinx) -> dict[str, Any]:
    """Link the stylesheet when the font is there; write both once the pages are."""
    app.connect("builder-inited", _link)
    app.connect("build-finished", _write_font)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
