"""Run the PyTorch and Keras cells of the gallery pages: ``nox -s oracle``.

PyTorch and Keras are not dependencies: the site is built without them, and the scripts a
learner downloads run with or without them. The contract that keeps their code right:

- A framework cell is a top-level ``if find_spec("torch"):`` or ``if find_spec("keras"):``
  statement of a ``gallery/*/plot_*.py`` script (found with ``ast``, not by text); it runs
  where that framework is installed and is skipped elsewhere.
- It uses the page's own variables (``x``, ``kernel``, ...) and prints, at least once,
  ``np.allclose(A, B, ...)`` of its result ``A`` and the package's ``B``: what the learner
  sees printed, ``True``.

Each script's results are those the tests read (tests/pages.py: the script run headless, or
with ``--from-build`` what the docs build recorded of it; CI runs ``nox -s oracle --
--from-build`` after ``nox -s docs``). The cells run in order in that namespace, with the
script's imports, as they do at the end of the script; the names a cell assigns are removed
first, so a check never reads an earlier cell's result. Every such ``np.allclose(A, B)``, taken
where it is printed, must be True (the same call, tolerances included), and ``B``'s shape must be ``A``'s (or its
trailing axes, where the cell says it compares each channel). Keras runs on its torch backend
(``KERAS_BACKEND=torch``).
"""

from __future__ import annotations

import ast
import contextlib
import copy
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pages import SCRIPTS, imports

import transposed_conv as tc

sys.path.insert(0, str(Path(__file__).parents[2] / "docs" / "_ext"))
from fold_code import guarded_module

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["KERAS_BACKEND"] = "torch"
pytest.importorskip("torch")

pytestmark = pytest.mark.filterwarnings("ignore")


def _checks(body: list[ast.stmt]) -> list[ast.Call]:
    """The ``np.allclose(A, B, ...)`` call of every ``print(np.allclose(...))`` in a cell."""
    found = []
    for node in ast.walk(ast.Module(body=body, type_ignores=[])):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "print"
            and len(node.args) == 1
            and isinstance(call := node.args[0], ast.Call)
            and ast.unparse(call.func) == "np.allclose"
            and len(call.args) == 2
        ):
            found.append(call)
    return found


def _assigned(body: list[ast.stmt]) -> set[str]:
    """Every name a cell binds (assignments, imports, ``with ... as``, loops)."""
    tree = ast.Module(body=body, type_ignores=[])
    names = {
        n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def framework_cells(source: str) -> list[tuple[str, list[ast.stmt]]]:
    """``(framework, body)`` for each framework cell of a script, in order."""
    cells = []
    for node in ast.parse(source).body:
        framework = guarded_module(node)
        if framework is not None and isinstance(node, ast.If):
            cells.append((framework, node.body))
    return cells


CELLS = {script: framework_cells(script.read_text(encoding="utf-8")) for script in SCRIPTS}
WITH_CELLS = [script for script, cells in CELLS.items() if cells]


def test_the_contract_is_found():
    """The parser finds cells, and every cell checks its result against the package's."""
    assert len(WITH_CELLS) >= 20
    assert {fw for cells in CELLS.values() for fw, _ in cells} == {"torch", "keras"}
    for script, cells in CELLS.items():
        for framework, body in cells:
            assert _checks(body), f"{script.name}: a {framework} cell prints no np.allclose(A, B)"


def test_framework_cells_parser():
    source = (
        "import numpy as np\nx = 1\nif find_spec('torch'):\n    import torch\n"
        "    y_torch = x\n    print(np.allclose(y_torch, x))  # True\n"
        "if x:\n    pass\nif find_spec('jax'):\n    pass\n"
        "if find_spec('keras'):\n    pass\nelse:\n    pass\n"
        "def f():\n    if find_spec('torch'):\n        pass\n"
    )
    [(framework, body)] = framework_cells(source)
    assert framework == "torch"
    assert ast.unparse(ast.Module(body=body, type_ignores=[])) == (
        "import torch\ny_torch = x\nprint(np.allclose(y_torch, x))"
    )
    assert [ast.unparse(c) for c in _checks(body)] == ["np.allclose(y_torch, x)"]
    assert _assigned(body) == {"torch", "y_torch"}


class _Checked(ast.NodeTransformer):
    """Each ``print(np.allclose(A, B, ...))`` becomes ``__check__(A, B, ...)``, where it is."""

    def visit_Call(self, node: ast.Call) -> ast.AST:
        if _checks([ast.Expr(node)]) and node.func.id == "print":  # type: ignore[attr-defined]
            call = node.args[0]
            assert isinstance(call, ast.Call)
            check = ast.Call(ast.Name("__check__", ast.Load()), call.args, call.keywords)
            return ast.copy_location(check, node)
        return self.generic_visit(node)


def _recorder(results: list) -> Callable[..., None]:
    """What ``__check__(A, B, ...)`` does: record both shapes and ``np.allclose(A, B, ...)``."""

    def check(got: Any, want: Any, **tolerances: Any) -> None:
        shapes = tuple(np.shape(got)), tuple(np.shape(want))
        results.append((*shapes, bool(np.allclose(got, want, **tolerances))))

    return check


@pytest.mark.parametrize("script", WITH_CELLS, ids=[s.stem for s in WITH_CELLS])
def test_cells_equal_the_package(script, page):
    namespace = {**imports(script), **page(f"{script.parent.name}/{script.stem}").namespace}
    for n, (framework, body) in enumerate(CELLS[script]):
        if framework == "keras":
            pytest.importorskip("keras")
        for name in _assigned(body):
            namespace.pop(name, None)
        results: list[tuple[tuple[int, ...], tuple[int, ...], bool]] = []
        namespace["__check__"] = _recorder(results)
        module = ast.Module(body=copy.deepcopy(body), type_ignores=[])
        tree = ast.fix_missing_locations(_Checked().visit(module))
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(tree, f"{script.name}[cell {n}]", "exec"), namespace)  # noqa: S102
        shown = [ast.unparse(c) for c in _checks(body)]
        assert len(results) == len(shown), f"cell {n}: not every check ran"
        for text, (got_shape, want_shape, close) in zip(shown, results, strict=True):
            assert want_shape, f"cell {n}: {text} compares with a scalar"
            tail = got_shape[len(got_shape) - len(want_shape) :]
            assert tail == want_shape, f"cell {n}: {text}: shapes {got_shape}, {want_shape}"
            assert close, f"cell {n}: {text} is False"


def test_keras_rows_of_the_conventions_page(page):
    """Every Keras row of the conventions page's table is what Keras computes."""
    keras = pytest.importorskip("keras")
    ns = page("arithmetic/plot_10_conventions")
    calls = {
        "Keras 'same'": ("same", None),
        "Keras 'valid'": ("valid", None),
        "Keras 'same', a=1": ("same", 1),
        "Keras 'same', a=0": ("same", 0),
    }
    rows = dict(ns["rows"])
    for name, (keras_padding, keras_a) in calls.items():
        layer = keras.layers.Conv2DTranspose(
            1,
            ns["k"],
            strides=ns["s"],
            padding=keras_padding,
            output_padding=keras_a,
            use_bias=False,
        )
        layer.build((1, ns["i_in"], ns["i_in"], 1))
        layer.set_weights([ns["kernel"][:, :, None, None].astype("float32")])
        got = keras.ops.convert_to_numpy(layer(ns["x"][None, :, :, None].astype("float32")))
        p, a, crop = rows[name]  # the row's padding, output_padding and crop at the end
        full = tc.conv_transpose2d(
            ns["x"], ns["kernel"], stride=ns["s"], padding=p, output_padding=a
        )
        want = tc.pad_or_crop(full, [(0, -crop)] * 2)
        np.testing.assert_allclose(got[0, :, :, 0], want, err_msg=name)
