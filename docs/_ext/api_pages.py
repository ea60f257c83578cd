"""The API reference as a short overview plus one page per topic.

Why: on one page the reference was 56,000 px tall, and each function's mini-gallery read
as part of the next function. ``.. examples:: NAME`` gives sphinx-gallery's mini-gallery
for ``NAME`` under a heading, folded in ``<details>`` (nothing when no example uses it).
``.. api-names:: DOCNAME`` gives, on the overview, a link to each object documented on
``DOCNAME``, in page order, carrying the object's id (``transposed_conv.conv2d``): a link
written when everything was on ``api.html`` lands on the name, and a few lines of script
in the page's ``<head>`` replace the address with the entry on its new page before
anything is drawn (Back does not return to the overview; without JavaScript the link is
there to follow).
"""

from __future__ import annotations

import html
import json
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective


class ExamplesDirective(SphinxDirective):
    """``.. examples:: transposed_conv.conv2d``: the folded mini-gallery of one object."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Parse sphinx-gallery's ``minigallery`` and fold what it gives in ``<details>``."""
        full = self.arguments[0]
        holder = nodes.container()
        source = self.get_source_info()[0]
        self.state.nested_parse(
            StringList([f".. minigallery:: {full}"], source), self.content_offset, holder
        )
        if not holder.children:
            return []
        name = html.escape(full.rsplit(".", 1)[-1])
        title = f'<h3 class="api-examples-title">Examples using <code>{name}</code></h3>'
        opening = f'<details class="api-examples"><summary>{title}</summary>\n'
        closing = nodes.raw("", "</details>\n", format="html")
        return [nodes.raw("", opening, format="html"), *holder.children, closing]


class api_names(nodes.General, nodes.Element):
    """Placeholder for the links to one API page's objects, filled once all pages are read."""


class ApiNamesDirective(SphinxDirective):
    """``.. api-names:: api/core``: links to every object documented on that page."""

    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        """Record the target page; it must be read before its objects are known."""
        return [api_names(target=self.arguments[0])]


def _fill_names(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    for holder in list(doctree.findall(api_names)):
        target = holder["target"]
        paragraph = nodes.paragraph(classes=["api-names"])
        signatures = app.env.get_doctree(target).findall(addnodes.desc_signature)
        for i, sig in enumerate(s for s in signatures if s["ids"]):
            full = sig["ids"][0]
            uri = app.builder.get_relative_uri(docname, target) + "#" + full
            link = nodes.reference("", "", internal=True, refuri=uri, ids=[full])
            link += nodes.literal(text=full.rsplit(".", 1)[-1])
            if i:
                paragraph += nodes.Text(", ")
            paragraph += link
        holder.replace_self(paragraph)


FORWARD = """(() => {
  const moved = %s;
  const forward = () => {
    const to = moved[decodeURIComponent(location.hash.slice(1))];
    if (to) location.replace(to);
  };
  forward();
  addEventListener("hashchange", forward);
})();"""


def moved_entries(doctree: nodes.document) -> dict[str, str]:
    """Each id of the overview's name links, with the address of its entry on its new page."""
    return {
        ref["ids"][0]: ref["refuri"]
        for paragraph in doctree.findall(nodes.paragraph)
        if "api-names" in paragraph["classes"]
        for ref in paragraph.findall(nodes.reference)
        if ref["ids"] and ref.get("refuri")
    }


def _forward_old_links(
    app: Sphinx, _page: str, _template: str, _context: dict[str, Any], doctree: Any
) -> None:
    if doctree is None:
        return
    moved = moved_entries(doctree)
    if moved:
        data = json.dumps(moved, sort_keys=True, separators=(",", ":"))
        app.add_js_file(None, body=FORWARD % data.replace("</", "<\\/"), priority=100)


def setup(app: Sphinx) -> dict[str, Any]:
    """Register both directives, the overview's links and their forwarding script."""
    app.add_node(api_names)
    app.add_directive("examples", ExamplesDirective)
    app.add_directive("api-names", ApiNamesDirective)
    app.connect("doctree-resolved", _fill_names)
    app.connect("html-page-context", _forward_old_links)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
