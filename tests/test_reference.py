"""The readable loops stand alone: they share no code with the package they check."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

import transposed_conv as tc
from transposed_conv import reference

SOURCE = Path(reference.__file__).read_text(encoding="utf-8")


def test_reference_imports_nothing_from_the_package():
    imported = []
    for node in ast.walk(ast.parse(SOURCE)):
        if isinstance(node, ast.ImportFrom):
            imported.append("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
    assert imported  # the walk found the imports
    assert all(not name.startswith(".") for name in imported), imported
    assert all(name.split(".")[0] in {"__future__", "typing", "numpy"} for name in imported)


@pytest.mark.parametrize(
    ("n", "k", "s", "p", "a", "d"),
    [
        (2, 3, 1, 0, 0, 1),
        (3, 4, 2, 1, 1, 1),
        (4, 3, 3, 2, 2, 1),
        (3, 2, 1, 0, 1, 2),
        (1, 1, 2, 0, 1, 1),
    ],
    ids=str,
)
def test_reference_sizes_match_the_size_formulas(n, k, s, p, a, d):
    x, w = np.ones((n, n), dtype=int), np.ones((k, k), dtype=int)
    out = reference.conv_transpose(x, w, s, p, a, d)
    assert out.shape == (tc.conv_transpose_output_size(n, k, s, p, a, d),) * 2
    back = reference.convolve(out, w, s, p, d)
    assert back.shape == (tc.conv_output_size(out.shape[0], k, s, p, d),) * 2


def test_reference_refuses_an_empty_output():
    with pytest.raises(ValueError, match="empty output"):
        reference.convolve(np.ones((2, 2)), np.ones((3, 3)))
    with pytest.raises(ValueError, match="empty output"):
        reference.conv_transpose(np.ones((1, 1)), np.ones((1, 1)), padding=1)
