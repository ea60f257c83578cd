"""Remove two things sphinx-gallery writes on every example page.

Why: the "Go to the end to download the full example code" note repeats the
download buttons that the page's sidebar already shows, and the "Total running
time of the script" line changes from one build to the next, so two builds of
the same source would never give the same pages. Both are removed from the
parsed pages, whether sphinx-gallery ran the example or reused its cache.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

DROPPED = {"sphx-glr-download-link-note", "sphx-glr-timing"}


def _drop(_app: Sphinx, doctree: nodes.document) -> None:
    for node in list(doctree.findall(nodes.Element)):
        if DROPPED & set(node.get("classes", [])) and node.parent is not None:
            node.parent.remove(node)


def setup(app: Sphinx) -> dict[str, Any]:
    """Drop the note and the timing line once each page is read."""
    app.connect("doctree-read", _drop)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
