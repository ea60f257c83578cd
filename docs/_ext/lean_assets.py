"""Leave out stylesheets and scripts that no page of this site uses.

Why: every stylesheet and synchronous script in ``<head>`` delays the first
paint on a phone (Lighthouse: render-blocking resources). sphinx-gallery links
its Binder-badge, pandas-table and rendered-HTML styles on every page, and
sphinx-design its tab script; the site has no Binder badges, no tables from
pandas, no HTML outputs and no tabs; and its tag filter script, which acts only
on galleries with tags (this one has none). The files stay in ``_static``; the
pages no longer ask for them.

Sphinx's doctools and search highlighting scripts are loaded with ``defer``:
they act on ``DOMContentLoaded`` anyway, and deferred scripts still run in page
order. Sphinx's options (``documentation_options.js``, 400 bytes) stay a plain
script, since the theme's inline lines after it add to them for the page. The
search page keeps its scripts as they are: its search scripts are plain
``<script>`` tags that need Sphinx's tools at once.

Gallery thumbnails (the gallery index's 30, the API pages' folded
mini-galleries) load lazily: the browser fetches those near the screen only,
instead of 700 KB of pictures competing with the first screen's text.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

UNUSED = (
    "sg_gallery-binder.css",
    "sg_gallery-dataframe.css",
    "sg_gallery-rendered-html.css",
    "design-tabs.js",
    "sg-tags.js",
)
NOT_DEFERRED = {"async", "defer", "body", "type"}
"""A script with one of these attributes keeps its own loading (inline, module, async)."""


SYNCHRONOUS = "documentation_options.js"
"""Kept a plain script: the theme's inline lines after it set options for the page."""


def _deferred(script: Any) -> Any:
    attributes = getattr(script, "attributes", None)
    if attributes is None or NOT_DEFERRED & set(attributes) or not script.filename:
        return script
    if str(script.filename).endswith(SYNCHRONOUS):
        return script
    return type(script)(script.filename, priority=script.priority, **attributes, defer="defer")


def _drop_unused(
    _app: Sphinx, page: str, _template: str, context: dict[str, Any], _doctree: Any
) -> None:
    for key in ("css_files", "script_files"):
        if key in context:
            context[key][:] = [
                asset
                for asset in context[key]
                if not str(getattr(asset, "filename", asset)).endswith(UNUSED)
            ]
    if "script_files" in context and page != "search":
        context["script_files"][:] = [_deferred(s) for s in context["script_files"]]


def _lazy_thumbnails(_app: Sphinx, doctree: nodes.document, _docname: str) -> None:
    for image in doctree.findall(nodes.image):
        uri = str(image.get("uri", ""))
        if "/images/thumb/sphx_glr_" in uri:
            image["loading"] = "lazy"


def setup(app: Sphinx) -> dict[str, Any]:
    """Filter each page's asset lists, and defer its scripts, before its template is rendered."""
    app.connect("html-page-context", _drop_unused)
    app.connect("doctree-resolved", _lazy_thumbnails)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
