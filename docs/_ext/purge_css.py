"""Cut the theme's and extensions' stylesheets to the rules this site can use, with PurgeCSS.

Why: a stylesheet in ``<head>`` blocks the first paint, and on a phone's slow link its
bytes are most of the wait: pydata-sphinx-theme's is 64 KB gzipped, all of Bootstrap
(Lighthouse's mobile performance fell below 90 without the cut). Once every page is
written, PurgeCSS (npm, pinned in package-lock.json) keeps the rules whose classes and ids
are words of the pages or scripts, with docs/purgecss.config.mjs's safelist;
``styles/theme.css``, only an ``@import`` of ``basic.css`` (a second round trip), gets its
rules instead. Without node_modules the build says so and keeps the stylesheets whole.
Each page links only the extensions' stylesheets that style something in it (``USED_BY``).
Then Font Awesome's fonts (the solid one alone 112 KB) are cut to the icons still named.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from math_font import cut_font
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
ROOT = Path(__file__).parents[2]
PURGECSS, CONFIG = ROOT / "node_modules/.bin/purgecss", ROOT / "docs/purgecss.config.mjs"
SHEETS = ("styles/pydata-sphinx-theme.css", "basic.css", "sphinx-design.min.css")
SHEETS += ("sg_gallery.css", "mystnb.*.css", "pygments.css", "styles/theme.css")
"""Third-party stylesheets under ``_static`` (site.css and the explorer's are the site's own)."""
USED_BY = {
    "pygments.css": re.compile(r'class="highlight'),
    "sphinx-design.min.css": re.compile(r'class="([^"]* )?sd-'),
    "sg_gallery.css": re.compile(r"sphx-glr"),
    "mystnb.": re.compile(r'class="([^"]* )?(cell|cell_input|cell_output|output)[ "]'),
}
"""Stylesheet (file name start): what a page's body has when the sheet styles part of it."""
ICON_FONTS = "vendor/fontawesome/webfonts/*.woff2"
ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})\s?")
"""A CSS escape: ``"\\f185"``. Icons are private-use characters, escaped or written as is."""


def _cut_icon_fonts(static: Path) -> None:
    codes: set[int] = set()
    for sheet in sorted(static.rglob("*.css")):
        text = sheet.read_text(encoding="utf-8")
        codes.update(int(m.group(1), 16) for m in ESCAPE.finditer(text))
        codes.update(map(ord, text))
    icons = {c for c in codes if 0xE000 <= c <= 0xF8FF or c >= 0xF0000}  # private use
    fonts = sorted(static.glob(ICON_FONTS))
    before = sum(p.stat().st_size for p in fonts)
    for font in fonts:
        cut_font(font, font, icons)
    after = sum(p.stat().st_size for p in fonts)
    logger.info("icon fonts: %d icons, %s -> %s bytes", len(icons), f"{before:,}", f"{after:,}")


def _link_where_used(
    _app: Sphinx, _page: str, _template: str, context: dict[str, Any], _doctree: object
) -> None:
    body = context.get("body", "")
    context["css_files"][:] = [
        sheet
        for sheet in context["css_files"]
        if all(
            used.search(body)
            for start, used in USED_BY.items()
            if Path(str(sheet.filename)).name.startswith(start)
        )
    ]


def _purge(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out, static = Path(app.builder.outdir), Path(app.builder.outdir) / "_static"
    if not PURGECSS.is_file():
        logger.info("purge css: no %s (`npm ci`); stylesheets kept whole", PURGECSS.name)
        _cut_icon_fonts(static)
        return
    importer = static / SHEETS[-1]
    if "{" not in importer.read_text(encoding="utf-8"):  # an @import and no rules of its own
        importer.write_bytes((static / "basic.css").read_bytes())
    content = [out / "**/*.html", static / "**/*.js", static / "**/*.mjs"]
    sheets = sorted(p for pattern in SHEETS for p in static.glob(pattern))
    for folder in sorted({p.parent for p in sheets}):
        here = [str(p) for p in sheets if p.parent == folder]
        command = [PURGECSS, "-c", CONFIG, "--css", *here, "--content", *content, "-o", folder]
        subprocess.run(list(map(str, command)), check=True, cwd=ROOT)
    logger.info("purge css: %d stylesheets cut to the site's rules", len(sheets))
    _cut_icon_fonts(static)


def _forget_purged(app: Sphinx) -> None:
    # myst-nb refuses to overwrite its stylesheet when it differs (an error with -W): a rebuild
    # removes the cut copies first, and Sphinx copies the originals again.
    for pattern in (*SHEETS, ICON_FONTS):
        for path in (Path(app.outdir) / "_static").glob(pattern):
            path.unlink()


def setup(app: Sphinx) -> dict[str, Any]:
    """Link stylesheets where used; cut them, then the icon fonts, once every page is written."""
    app.connect("builder-inited", _forget_purged)
    app.connect("html-page-context", _link_where_used)
    app.connect("build-finished", _purge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
