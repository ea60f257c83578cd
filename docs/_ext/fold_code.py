"""Gallery code a reader need not read to follow the page, folded on the page.

Why: on a gallery page the figure should follow the sentence that introduces it,
yet plotting calls and cells that only run with PyTorch or Keras stood between
them at full height. On the built page two kinds of code are folded in a closed
``<details>`` (one click, or Enter on the focused summary, opens it):

- a block that runs only under a framework (``if find_spec("torch"): ...``),
  summary "PyTorch code": the site is built without PyTorch and Keras, so those
  cells print nothing here;
- the statements at the end of a block that only draw (:func:`drawing_start`),
  summary "Plotting code"; the code that computes what is drawn stays open.

The scripts, and the ``.py`` and notebook downloads made from them, are unchanged.
"""

from __future__ import annotations

import ast
import html
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # docutils is imported when Sphinx runs: the tests need only the rules
    from docutils import nodes
    from sphinx.application import Sphinx

FRAMEWORKS = {"torch": "PyTorch", "keras": "Keras", "tensorflow": "TensorFlow"}
"""The modules whose cells are folded, and the names the summary gives them."""
PACKAGE = {"tc", "transposed_conv"}
"""The package's names: a statement that calls its math computes, it does not only draw."""
HARMLESS = {"zip", "enumerate", "range", "len", "slice", "list", "dict", "tuple", "str", "sorted"}
"""Built-ins a drawing statement may call (to arrange panels and titles)."""


def guarded_module(statement: ast.stmt) -> str | None:
    """The module of ``FRAMEWORKS`` an ``if find_spec("NAME"):`` statement runs under, else None.

    The one definition of a framework cell: tests/oracle/test_framework_blocks.py runs them.
    """
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
        and test.args[0].value in FRAMEWORKS
    ):
        return str(test.args[0].value)
    return None


def framework_names(code: str) -> list[str]:
    """The frameworks a code block runs only under, in order; [] if it runs without them.

    Every top-level statement must be ``from importlib.util import find_spec`` or
    ``if find_spec("NAME"): ...`` with NAME in ``FRAMEWORKS``. tests/gallery/test_pages.py
    checks it on every gallery script.
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
        module = guarded_module(statement)
        if module is None:
            return []
        name = FRAMEWORKS[module]
        if name not in names:
            names.append(name)
    return names


def _root(node: ast.expr) -> str | None:
    """The name an attribute chain starts from: ``plt`` for ``plt.gca().set_title``."""
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_label(value: ast.expr | None) -> bool:
    """Whether ``value`` is words or an empty list: a title, or panels about to be added."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, str)
    if isinstance(value, ast.JoinedStr):
        return True
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _is_label(value.left) and _is_label(value.right)
    return isinstance(value, (ast.List, ast.Dict)) and not (
        value.keys if isinstance(value, ast.Dict) else value.elts
    )


def _is_drawer(func: ast.expr, drawers: set[str]) -> bool:
    """Whether ``func`` is a name in ``drawers`` or a function of a module there (``"plotting."``)."""
    if isinstance(func, ast.Name):
        return func.id in drawers
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and f"{func.value.id}." in drawers
    )


def _draws(statement: ast.stmt, drawers: set[str]) -> bool | None:
    """Whether ``statement`` only draws: True if it calls a drawer, None if it only labels.

    False when it computes: when it calls the package's math, ``print``, or anything but a
    drawer, ``plt``, a harmless built-in, ``np.ndindex``, ``append`` or a method of what it
    hands a drawer; or when, calling no drawer, it is neither ``plt.show()`` nor words
    assigned (a title).
    """
    if not isinstance(statement, (ast.Expr, ast.Assign, ast.AugAssign, ast.For)):
        return False
    draws = None
    inside_drawer: set[int] = set()
    for node in ast.walk(statement):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if _is_drawer(func, drawers):
            draws = True
            inside_drawer.update(id(n) for arg in node.args for n in ast.walk(arg))
            inside_drawer.update(id(n) for kw in node.keywords for n in ast.walk(kw))
        elif _root(func) == "plt" and isinstance(func, ast.Attribute) and func.attr != "show":
            draws = True
    for node in ast.walk(statement):
        if not isinstance(node, ast.Call):
            continue
        func, root = node.func, _root(node.func)
        if root in PACKAGE or root == "print":
            return False
        if _is_drawer(func, drawers | HARMLESS) or root == "plt":
            continue
        if isinstance(func, ast.Attribute) and (
            id(node) in inside_drawer
            or (root == "np" and func.attr == "ndindex")
            or func.attr == "append"  # panels.append(Panel(...))
        ):
            continue
        return False
    shows = isinstance(statement, ast.Expr) and _root(statement.value) == "plt"  # plt.show()
    labels = isinstance(statement, (ast.Assign, ast.AugAssign)) and _is_label(statement.value)
    return draws if draws or shows or labels else False


def drawing_start(code: str, drawers: set[str], read_later: set[str]) -> int | None:
    """The line (1-based) where the block's drawing statements start; None if it has none.

    They are the longest run of statements at the end of the block that call only drawers
    (``drawers``: what the page imports from ``transposed_conv.plotting``), ``plt`` and
    harmless built-ins, never the package's math or ``print``, bind no name in
    ``read_later`` (read by a later block) and draw something (``plt.show()`` alone does not).
    The blank and comment lines before the run go with it.
    """
    try:
        statements = ast.parse(code).body
    except SyntaxError:
        return None
    start, drew = len(statements), False
    while start > 0:
        statement = statements[start - 1]
        draws = _draws(statement, drawers)
        bound = {
            n.id
            for n in ast.walk(statement)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        }
        if draws is False or bound & read_later:
            break
        drew = drew or bool(draws)
        start -= 1
    if not drew or start == len(statements):
        return None
    return (statements[start - 1].end_lineno or 0) + 1 if start else 1


def read_first(codes: list[str]) -> set[str]:
    """The names the blocks ``codes``, run in order, read before binding them anew."""
    read: set[str] = set()
    bound: set[str] = set()
    for code in codes:
        try:
            statements = ast.parse(code).body
        except SyntaxError:
            continue
        for statement in statements:
            names = [n for n in ast.walk(statement) if isinstance(n, ast.Name)]
            loads = {n.id for n in names if isinstance(n.ctx, ast.Load)}
            if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
                loads.add(statement.target.id)
            read |= loads - bound
            bound |= {n.id for n in names if isinstance(n.ctx, ast.Store)}
    return read


def _drawers(codes: list[str]) -> set[str]:
    """The names the page imports from ``transposed_conv.plotting``; ``"plotting."`` for it.

    ``"plotting."`` (or its alias) stands for ``from transposed_conv import plotting``.
    """
    names = set()
    for code in codes:
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "transposed_conv.plotting":
                names.update(alias.asname or alias.name for alias in node.names)
            if isinstance(node, ast.ImportFrom) and node.module == "transposed_conv":
                names.update(
                    f"{alias.asname or alias.name}."
                    for alias in node.names
                    if alias.name == "plotting"
                )
    return names


def _details(summary: str, block: nodes.literal_block) -> list[nodes.Node]:
    from docutils import nodes  # noqa: PLC0415 (the tests import this module without it)

    opening = f'<details class="folded-code"><summary>{html.escape(summary)}</summary>\n'
    return [
        nodes.raw("", opening, format="html"),
        block,
        nodes.raw("", "</details>\n", format="html"),
    ]


def _fold(app: Sphinx, doctree: nodes.document) -> None:
    from docutils import nodes  # noqa: PLC0415 (the tests import this module without it)

    if not app.env.docname.startswith("gallery/"):
        return
    blocks = [
        b for b in doctree.findall(nodes.literal_block) if b.get("language", "").lower() == "python"
    ]
    codes = [b.astext() for b in blocks]
    drawers = _drawers(codes)
    for k, block in enumerate(blocks):
        parent = block.parent
        at = parent.index(block)
        frameworks = framework_names(codes[k])
        if frameworks:
            parent[at : at + 1] = _details(" and ".join(frameworks) + " code", block)
            continue
        read_later = read_first(codes[k + 1 :])
        line = drawing_start(codes[k], drawers, read_later)
        if line is None:
            continue
        lines = codes[k].splitlines()
        shown, drawing = (
            "\n".join(lines[: line - 1]).rstrip(),
            "\n".join(lines[line - 1 :]).strip("\n"),
        )
        folded = nodes.literal_block(drawing, drawing, **block.non_default_attributes())
        if shown:
            block.children = [nodes.Text(shown)]
            block.rawsource = shown
            parent[at + 1 : at + 1] = _details("Plotting code", folded)
        else:
            parent[at : at + 1] = _details("Plotting code", folded)


def setup(app: Sphinx) -> dict[str, object]:
    """Register the fold on every page read."""
    app.connect("doctree-read", _fold)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
