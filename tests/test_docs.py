"""The API page documents every public name, so nothing the package offers is hidden."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import transposed_conv as tc

API = (Path(__file__).parents[1] / "docs" / "api.md").read_text()
DOCUMENTED = set(re.findall(r"auto(?:function|class|data):: (\w+)", API))


@pytest.mark.parametrize("name", tc.__all__)
def test_public_name_is_on_the_api_page(name):
    assert name in DOCUMENTED


def test_plotting_helpers_are_on_the_api_page():
    plotting = pytest.importorskip("transposed_conv.plotting")
    public = [
        n
        for n in dir(plotting)
        if not n.startswith("_")
        and getattr(getattr(plotting, n), "__module__", "") == plotting.__name__
    ]
    assert public
    assert set(public) <= DOCUMENTED


def test_the_version_has_a_changelog_section():
    import tomllib

    root = Path(__file__).parents[1]
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    assert pyproject["project"]["version"] == tc.__version__
    changelog = (root / "docs" / "changelog.md").read_text()
    assert f"\n## {tc.__version__}\n" in changelog
