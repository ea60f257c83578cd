"""Cut the theme's and extensions' stylesheets to the rules this site can use, with PurgeCSS.

Why: a stylesheet in ``<head>`` blocks the first paint until it has arrived, and
on a phone (Lighthouse's mobile profile: a slow 4G link) its bytes are most of
the wait. pydata-sphinx-theme's stylesheet is 64 KB gzipped, with all of
Bootstrap; a page uses a fraction of it (Lighthouse's mobile performance fell
below 90 without the cut). Once every page is written, PurgeCSS (npm, pinned in
package-lock.json) keeps the rules whose classes and ids are words of the
site's pages or scripts (class names the theme's scripts set are words of those
scripts), with docs/purgecss.config.mjs's safelist. ``styles/theme.css``, which
only ``@import``-s ``basic.css`` (a second round trip), gets its rules instead.
Without node_modules the build says so and keeps the stylesheets whole.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)
ROOT = Path(__file__).parents[2]
PURGECSS, CONFIG = ROOT / "node_modules/.bin/purgecss", ROOT / "docs/purgecss.config.mjs"
SHEETS = ("styles/pydata-sphinx-theme.css", "basic.css", "sphinx-design.min.css")
SHEETS += ("sg_gallery.css", "mystnb.*.css", "pygments.css", "styles/theme.css")
"""Third-party stylesheets under ``_static`` (site.css and the explorer's are the site's own)."""


def _purge(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    if not PURGECSS.is_file():
        logger.info("purge css: no %s (`npm ci`); stylesheets kept whole", PURGECSS.name)
        return
    out, static = Path(app.builder.outdir), Path(app.builder.outdir) / "_static"
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


def _forget_purged(app: Sphinx) -> None:
    # myst-nb refuses to overwrite its stylesheet when it differs (an error with -W): a rebuild
    # removes the cut copies first, and Sphinx copies the originals again.
    for pattern in SHEETS:
        for path in (Path(app.outdir) / "_static").glob(pattern):
            path.unlink()


def setup(app: Sphinx) -> dict[str, Any]:
    """Cut the copied stylesheets once every page is written."""
    app.connect("builder-inited", _forget_purged)
    app.connect("build-finished", _purge)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
