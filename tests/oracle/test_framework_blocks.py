"""Run the PyTorch and Keras code shown on the gallery pages: ``nox -s oracle``.

The site shows framework code as code blocks in the scripts' prose, never as
code the site runs (PyTorch and Keras are not dependencies). The contract that
keeps those blocks right:

- A block is an RST ``.. code-block:: python`` directive in a text cell (lines
  starting with ``#``) of a ``gallery/*/plot_*.py`` script; its body is the
  indented lines that follow.
- The block uses the script's own variables (``x``, ``kernel``, ...) and
  assigns its result to ``y_torch`` or ``y_keras``.
- It ends with a comment line ``# y_torch equals NAME`` (or ``y_keras``), where
  ``NAME`` is the script's variable (or a Python expression over its variables)
  holding the package's result for the same call; a learner reads it as "this
  is the array computed above".

Each script's results are those the tests read (tests/pages.py: the script run
headless, or with ``--from-build`` what the docs build recorded of it; CI runs
``nox -s oracle -- --from-build`` after ``nox -s docs``). The blocks run in order
in that namespace, with the script's imports, as a learner pastes them after
running the page (a later block may use an earlier block's imports), and each
result must equal ``NAME`` (same shape, values within float32 rounding). Keras
runs on its torch backend (``KERAS_BACKEND=torch``).
"""

from __future__ import annotations

import os
import re
import textwrap

import numpy as np
import pytest
from pages import SCRIPTS, imports

import transposed_conv as tc

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["KERAS_BACKEND"] = "torch"
pytest.importorskip("torch")
EQUALS = re.compile(r"^#\s*(y_torch|y_keras) equals (\S.*?)\s*$", re.MULTILINE)

pytestmark = pytest.mark.filterwarnings("ignore")


def code_blocks(source: str) -> list[str]:
    """The bodies of the ``.. code-block:: python`` directives in the text cells."""
    lines = [
        (line[2:] if line.startswith("# ") else line[1:]) if line.startswith("#") else None
        for line in source.splitlines()
    ]
    blocks: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i] is not None and lines[i].strip() == ".. code-block:: python":
            body: list[str] = []
            i += 1
            while i < len(lines) and lines[i] is not None:
                if lines[i].strip() and not lines[i].startswith(" "):
                    break
                body.append(lines[i])
                i += 1
            blocks.append(textwrap.dedent("\n".join(body)).strip("\n"))
        else:
            i += 1
    return blocks


BLOCKS = {script: code_blocks(script.read_text()) for script in SCRIPTS}
WITH_BLOCKS = [script for script, blocks in BLOCKS.items() if blocks]


def test_the_contract_is_found():
    """The parser finds blocks, and every block names the package's result it reproduces."""
    assert len(WITH_BLOCKS) >= 10
    for blocks in BLOCKS.values():
        for block in blocks:
            assert EQUALS.search(block), f"no '# y_torch equals NAME' line in:\n{block}"


def test_code_blocks_parser():
    source = (
        "# %%\n# Text\n#\n# .. code-block:: python\n#\n#    a = 1\n#    b = 2\n#\n# More.\nc = 3\n"
    )
    assert code_blocks(source) == ["a = 1\nb = 2"]


@pytest.mark.parametrize("script", WITH_BLOCKS, ids=[s.stem for s in WITH_BLOCKS])
def test_blocks_equal_the_package(script, page):
    namespace = {**imports(script), **page(f"{script.parent.name}/{script.stem}").namespace}
    for n, block in enumerate(BLOCKS[script]):
        name, expected = EQUALS.search(block).groups()
        namespace.pop(name, None)
        exec(compile(block, f"{script.name}[block {n}]", "exec"), namespace)  # noqa: S102
        got = np.asarray(namespace[name], dtype=float)
        want = np.asarray(eval(expected, namespace), dtype=float)
        assert got.shape == want.shape, f"block {n}"
        scale = max(1.0, float(np.abs(want).max()))
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-5 * scale, err_msg=f"block {n}")


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
        layer.build((1, ns["n"], ns["n"], 1))
        layer.set_weights([ns["kernel"][:, :, None, None].astype("float32")])
        got = keras.ops.convert_to_numpy(layer(ns["x"][None, :, :, None].astype("float32")))
        p, a, crop = rows[name]  # the row's padding, output_padding and crop at the end
        full = tc.conv_transpose2d(
            ns["x"], ns["kernel"], stride=ns["s"], padding=p, output_padding=a
        )
        want = tc.pad_or_crop(full, [(0, -crop)] * 2)
        np.testing.assert_allclose(got[0, :, :, 0], want, err_msg=name)
