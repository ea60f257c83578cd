"""Render LaTeX math as MathML at build time, with latex2mathml.

Why: the site must load nothing from other hosts and read well offline.
MathML is rendered natively by current browsers and read by screen readers,
so the pages carry no MathJax script or fonts at all, and the build stays
parallel-safe (sphinx-mathjax-offline, the alternative, is not).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator


def _mathml(latex: str, *, block: bool) -> str:
    return convert(latex.strip(), display="block" if block else "inline")


def visit_inline(self: HTML5Translator, node: nodes.Element) -> None:
    """Write inline math as a ``<math>`` element."""
    self.body.append(_mathml(node.astext(), block=False))
    raise nodes.SkipNode


def visit_block(self: HTML5Translator, node: nodes.Element) -> None:
    """Write display math (with its equation number, if any) as ``<math display="block">``."""
    self.body.append(self.starttag(node, "div", CLASS="math-block"))
    if node.get("number"):
        number = f"({node['number']})"
        self.body.append(f'<span class="eqno">{number}</span>')
    latex = node.astext()
    for part in latex.split("\n\n"):
        if part.strip():
            self.body.append(_mathml(part, block=True))
    self.body.append("</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the renderer; select it with ``html_math_renderer = "mathml"``."""
    app.add_html_math_renderer("mathml", (visit_inline, None), (visit_block, None))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
