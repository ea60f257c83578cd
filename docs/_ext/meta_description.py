"""Give every page a ``<meta name="description">`` from its first paragraph.

Why: search engines show it under the page's title, and Lighthouse's SEO audit
asks for it. Writing one by hand for each gallery example would repeat the
opening sentences that the page already has, so they are taken from the page:
the first paragraph of text, cut at a word to at most 160 characters. Pages
without a body (the index and the search page) get the project's description.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

LIMIT = 160
FALLBACK = (
    "Transposed convolution, explained step by step, with the tested NumPy package"
    " that computes every number and draws every figure."
)
SKIPPED = (nodes.Admonition, nodes.Invisible, nodes.Special, nodes.literal_block, nodes.field_list)


def _first_paragraph(doctree: nodes.document) -> str:
    for paragraph in doctree.findall(nodes.paragraph):
        inside = paragraph.parent
        if any(isinstance(a, SKIPPED) for a in _ancestors(inside)):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) > 40:
            return text
    return ""


def _ancestors(node: nodes.Node | None) -> list[nodes.Node]:
    found = []
    while node is not None:
        found.append(node)
        node = node.parent
    return found


def _shorten(text: str) -> str:
    if len(text) <= LIMIT:
        return text
    return text[: LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _add_description(
    _app: Sphinx, _page: str, _template: str, context: dict[str, Any], doctree: Any
) -> None:
    if 'name="description"' in context.get("metatags", ""):
        return
    text = _first_paragraph(doctree) if doctree is not None else ""
    content = html.escape(_shorten(text or FALLBACK), quote=True)
    context["metatags"] = (
        context.get("metatags", "") + f'\n    <meta name="description" content="{content}" />'
    )


def setup(app: Sphinx) -> dict[str, Any]:
    """Add the tag to each page's context before the template is rendered."""
    app.connect("html-page-context", _add_description)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
