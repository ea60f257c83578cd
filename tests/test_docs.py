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
    assert plotting.__all__
    assert set(plotting.__all__) <= DOCUMENTED
