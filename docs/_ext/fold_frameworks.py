"""Gallery cells that only run with PyTorch or Keras, folded on the page.

Why: the site is built without PyTorch and Keras, so their cells
(``if find_spec("torch"): ...``) print nothing here, yet at full height they
stood between the reader and the next figure. On the built page each such code
block is folded in a closed ``<details>`` whose summary names the frameworks
("PyTorch code"); one click (or Enter on the focused summary) opens it. The
scripts, and the ``.py`` and notebook downloads made from them, are unchanged.

A block is folded when every top-level statement in it is
``from importlib.util import find_spec`` or ``if find_spec("NAME"): ...`` with
NAME a module of ``FRAMEWORKS``; any other statement keeps it open.
"""

from __future__ import annotations

import ast
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # docutils is imported when Sphinx runs: the tests need only framework_names
    from docutils import nodes
    from sphinx.application import Sphinx

FRAMEWORKS = {"torch": "PyTorch", "keras": "Keras", "tensorflow": "TensorFlow"}
"""The modules whose cells are folded, and the names the summary gives them."""


def _checked_framework(statement: ast.stmt) -> str | None:
    """The framework an ``if find_spec("NAME"):`` statement runs under, else None."""
    if not isinstance(statement, ast.If) or statement.orelse:
        return None
    test = statement.test
    if (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "find_spec"
        and len(test.args) == 1
        and not test.keywords
        and isinstance(test.args[0], ast.Constant)
    ):
        return FRAMEWORKS.get(test.args[0].value)
    return None


def framework_names(code: str) -> list[str]:
    """The frameworks a code block runs only under, in order; [] if it runs without them.

    tests/gallery/test_pages.py checks it on every gallery script.
    """
    try:
        statements = ast.parse(code).body
    except SyntaxError:
        return []
    names: list[str] = []
    for statement in statements:
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.module == "importlib.util"
            and [alias.name for alias in statement.names] == ["find_spec"]
        ):
            continue
        name = _checked_framework(statement)
        if name is None:
            return []
        if name not in names:
            names.append(name)
    return names


def _fold(app: Sphinx, doctree: nodes.document) -> None:
    from docutils import nodes  # noqa: PLC0415 (the tests import this module without it)

    if not app.env.docname.startswith("gallery/"):
        return
    for block in list(doctree.findall(nodes.literal_block)):
        if block.get("language", "").lower() != "python":
            continue
        names = framework_names(block.astext())
        if not names:
            continue
        summary = html.escape(" and ".join(names)) + " code"
        opening = f'<details class="framework-code"><summary>{summary}</summary>\n'
        parent = block.parent
        at = parent.index(block)
        parent[at : at + 1] = [
            nodes.raw("", opening, format="html"),
            block,
            nodes.raw("", "</details>\n", format="html"),
        ]


def setup(app: Sphinx) -> dict[str, object]:
    """Register the fold on every page read."""
    app.connect("doctree-read", _fold)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
