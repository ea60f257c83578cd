"""Render LaTeX math as MathML at build time, with latex2mathml.

Why: the site loads nothing from other hosts and reads well offline; browsers render
MathML natively and screen readers read it, so no MathJax, and the build stays
parallel-safe (sphinx-mathjax-offline is not). latex2mathml writes ``i'`` as a prime
raised again at script size, a speck in Chromium where the prime tells i′ from i:
:func:`_primes` writes it after its letter at full size instead.
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from latex2mathml.converter import convert
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

_TOKEN = r"<m[ino]>[^<]*</m[ino]>"
_PRIME = r"(?:<mi>&#x02032;</mi>|<mrow><mi>&#x02032;</mi></mrow>)"
_BASE = rf"{_TOKEN}|<mover>(?:(?!</?mover>).)*</mover>"  # a letter, or one with an accent
_PRIMED = re.compile(rf"<msup>({_BASE}){_PRIME}</msup>")
_PRIMED_SUB = re.compile(
    rf"<msubsup>({_TOKEN})({_TOKEN}|<mrow>(?:{_TOKEN})+</mrow>){_PRIME}</msubsup>"
)
_AFTER = r'<mrow>\1<mo lspace="0" rspace="0">&#x02032;</mo></mrow>'


def _primes(mathml: str) -> str:
    r"""Primes on a letter as a full-size mark after it, not a script-size superscript.

    >>> _primes(convert("o' = i'"))  # doctest: +ELLIPSIS
    '...<mrow><mi>o</mi><mo lspace="0" rspace="0">&#x02032;</mo></mrow><mo>&#x0003D;</mo>...'
    >>> "<mi>&#x02032;</mi>" in _primes(convert(r"\tilde{i}' = i'"))
    False
    >>> "msup" in _primes(convert("o'_{x} + x^2"))
    True
    >>> "<mi>&#x02032;</mi>" in _primes(convert("o'_{x}"))
    False
    """
    mathml = _PRIMED.sub(_AFTER, mathml)
    return _PRIMED_SUB.sub(r"<msub>" + _AFTER + r"\2</msub>", mathml)


def _mathml(latex: str, *, block: bool) -> str:
    return _primes(convert(latex.strip(), display="block" if block else "inline"))


def visit_inline(self: HTML5Translator, node: nodes.Element) -> None:
    """Write inline math as a ``<math>`` element."""
    self.body.append(_mathml(node.astext(), block=False))
    raise nodes.SkipNode


def visit_block(self: HTML5Translator, node: nodes.Element) -> None:
    """Write display math (with its equation number, if any) as ``<math display="block">``."""
    # a wide equation scrolls inside its block on a phone: focusable, so keys can scroll it
    self.body.append(self.starttag(node, "div", CLASS="math-block", tabindex="0"))
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
