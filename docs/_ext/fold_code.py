"""Gallery code a reader need not read to follow the page, folded on the page.

Why: the figure should follow the sentence that introduces it, not plotting calls or
cells that only run with PyTorch or Keras. Two kinds of code fold in a closed
``<details>``: a block that runs only under a framework (``if find_spec("torch"): ...``;
the site is built without them, so it prints nothing here), summary "PyTorch code"; and
the statements ending a block that only draw (:func:`drawing_start`), summary "Plotting
code". The scripts and their downloads are unchanged.
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


def _statements(code: str) -> list[ast.stmt]:
    """The top-level statements of ``code``; none if it does not parse."""
    try:
        return ast.parse(code).body
    except SyntaxError:
        return []


def guarded_module(statement: ast.stmt) -> str | None:
    """The module of ``FRAMEWORKS`` an ``if find_spec("NAME"):`` statement runs under, else None.

    The one definition of a framework cell: tests/oracle/test_framework_blocks.py runs them.
    """
    if isinstance(statement, ast.If) and not statement.orelse:
        test = ast.unparse(statement.test)
        return next((m for m in FRAMEWORKS if test == f"find_spec({m!r})"), None)
    return None


def framework_names(code: str) -> list[str]:
    """The frameworks a code block runs only under, in order; [] if it runs without them.

    Every top-level statement must be ``from importlib.util import find_spec`` or
    ``if find_spec("NAME"): ...`` with NAME in ``FRAMEWORKS``.
    """
    names: list[str] = []
    for statement in _statements(code):
        if ast.unparse(statement) == "from importlib.util import find_spec":
            continue
        module = guarded_module(statement)
        if module is None:
            return []
        if FRAMEWORKS[module] not in names:
            names.append(FRAMEWORKS[module])
    return names


def _root(node: ast.expr) -> str | None:
    """The name an attribute chain starts from: ``plt`` for ``plt.gca().set_title``."""
    while isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def _is_label(value: ast.expr) -> bool:
    """Whether ``value`` is words or an empty list: a title, or panels about to be added."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        return _is_label(value.left) and _is_label(value.right)
    words = isinstance(value, ast.JoinedStr) or (
        isinstance(value, ast.Constant) and isinstance(value.value, str)
    )
    return words or ast.unparse(value) in ("[]", "{}")


def _is_drawer(func: ast.expr, drawers: set[str]) -> bool:
    """Whether ``func`` is a name in ``drawers`` or a function of a module there (``"plotting."``)."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        return f"{func.value.id}." in drawers
    return isinstance(func, ast.Name) and func.id in drawers


def _draws(statement: ast.stmt, drawers: set[str]) -> bool | None:
    """Whether ``statement`` only draws: True if it calls a drawer, None if it only labels.

    False when it calls the package's math, ``print``, or anything but a drawer, ``plt``,
    a harmless built-in, ``np.ndindex``, ``append`` or a method of what it hands a drawer;
    and when it neither draws, nor is ``plt.show()``, nor assigns words (a title).
    """
    if not isinstance(statement, (ast.Expr, ast.Assign, ast.AugAssign, ast.For)):
        return False
    draws = None
    inside_drawer: set[int] = set()  # ast.walk goes breadth first: a drawer before its arguments
    for node in ast.walk(statement):
        if not isinstance(node, ast.Call):
            continue
        func, root = node.func, _root(node.func)
        if root in PACKAGE or root == "print":
            return False
        if _is_drawer(func, drawers):
            draws = True
            inside_drawer.update(id(n) for n in ast.walk(node))
        elif root == "plt":
            if isinstance(func, ast.Attribute) and func.attr != "show":
                draws = True
        elif not _is_drawer(func, HARMLESS) and not (
            isinstance(func, ast.Attribute)
            and (
                id(node) in inside_drawer
                or (root == "np" and func.attr == "ndindex")
                or func.attr == "append"  # panels.append(Panel(...))
            )
        ):
            return False
    shows = isinstance(statement, ast.Expr) and _root(statement.value) == "plt"  # plt.show()
    labels = isinstance(statement, (ast.Assign, ast.AugAssign)) and _is_label(statement.value)
    return draws if draws or shows or labels else False


def drawing_start(code: str, drawers: set[str], read_later: set[str]) -> int | None:
    """The line (1-based) where the block's drawing statements start; None if it has none.

    They are the longest run of statements ending the block that only draw (:func:`_draws`),
    bind no name in ``read_later`` (read by a later block) and draw something
    (``plt.show()`` alone does not). The blank and comment lines before the run go with it.
    """
    statements = _statements(code)
    start, drew = len(statements), False
    while start > 0:
        statement = statements[start - 1]
        draws = _draws(statement, drawers)
        names = [n for n in ast.walk(statement) if isinstance(n, ast.Name)]
        bound = {n.id for n in names if isinstance(n.ctx, ast.Store)}
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
    for statement in (s for code in codes for s in _statements(code)):
        names = [n for n in ast.walk(statement) if isinstance(n, ast.Name)]
        loads = {n.id for n in names if isinstance(n.ctx, ast.Load)}
        if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name):
            loads.add(statement.target.id)
        read |= loads - bound
        bound |= {n.id for n in names if isinstance(n.ctx, ast.Store)}
    return read


def _drawers(codes: list[str]) -> set[str]:
    """What the page imports from ``transposed_conv.plotting``; ``"plotting."`` for the module."""
    names = set()
    for node in (n for code in codes for s in _statements(code) for n in ast.walk(s)):
        if isinstance(node, ast.ImportFrom) and node.module == "transposed_conv.plotting":
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module == "transposed_conv":
            names.update(f"{a.asname or a.name}." for a in node.names if a.name == "plotting")
    return names


def _fold(app: Sphinx, doctree: nodes.document) -> None:
    from docutils import nodes  # noqa: PLC0415 (the tests import this module without it)

    def details(summary: str, block: nodes.literal_block) -> list[nodes.Node]:
        opening = f'<details class="folded-code"><summary>{html.escape(summary)}</summary>\n'
        close = nodes.raw("", "</details>\n", format="html")
        return [nodes.raw("", opening, format="html"), block, close]

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
            parent[at : at + 1] = details(" and ".join(frameworks) + " code", block)
            continue
        line = drawing_start(codes[k], drawers, read_first(codes[k + 1 :]))
        if line is None:
            continue
        lines = codes[k].splitlines()
        shown = "\n".join(lines[: line - 1]).rstrip()
        drawing = "\n".join(lines[line - 1 :]).strip("\n")
        folded = nodes.literal_block(drawing, drawing, **block.non_default_attributes())
        if shown:  # the computing part stays open, the drawing folds after it
            block.children, block.rawsource = [nodes.Text(shown)], shown
            parent.insert(at + 1, details("Plotting code", folded))
        else:
            parent[at : at + 1] = details("Plotting code", folded)


def setup(app: Sphinx) -> dict[str, object]:
    """Register the fold on every page read."""
    app.connect("doctree-read", _fold)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
