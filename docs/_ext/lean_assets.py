"""Leave out stylesheets and scripts that no page of this site uses.

Why: every stylesheet and synchronous script in ``<head>`` delays the first
paint on a phone (Lighthouse: render-blocking resources). sphinx-gallery links
its Binder-badge, pandas-table and rendered-HTML styles on every page, and
sphinx-design its tab script; the site has no Binder badges, no tables from
pandas, no HTML outputs and no tabs. The files stay in ``_static``; the pages
no longer ask for them.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

UNUSED = (
    "sg_gallery-binder.css",
    "sg_gallery-dataframe.css",
    "sg_gallery-rendered-html.css",
    "design-tabs.js",
)


def _drop_unused(
    _app: Sphinx, _page: str, _template: str, context: dict[str, Any], _doctree: Any
) -> None:
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [
                asset
                for asset in context[key]
                if not str(getattr(asset, "filename", asset)).endswith(UNUSED)
            ]


def setup(app: Sphinx) -> dict[str, Any]:
    """Filter each page's asset lists before its template is rendered."""
    app.connect("html-page-context", _drop_unused)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
