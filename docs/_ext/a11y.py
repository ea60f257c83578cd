"""Give the theme's sidebar toggles an accessible name.

pydata-sphinx-theme opens and closes nested navigation with a ``<summary>``
that holds only a chevron icon marked ``role="presentation"``, so screen
readers announce an unnamed control (axe-core: summary-name, serious). This
wraps the theme's toctree generator and labels each summary.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

LABEL = '<summary aria-label="Show or hide the pages of this section">'


def _label_summaries(
    _app: Sphinx, _page: str, _template: str, context: dict[str, Any], _doctree: Any
) -> None:
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def labelled(*args: Any, **kwargs: Any) -> str:
        return str(generate(*args, **kwargs)).replace("<summary>", LABEL)

    context["generate_toctree_html"] = labelled


def setup(app: Sphinx) -> dict[str, Any]:
    """Run after the theme has put its generator into the page context."""
    app.connect("html-page-context", _label_summaries, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
