"""Shared fixtures: the walk-through's numbers, the gallery's results, hypothesis settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import notebook_numbers as notebook
import numpy as np
import pages
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--from-build",
        action="store_true",
        help="read each gallery script's results from the docs build (docs/_build) "
        "instead of running the script (CI: after `nox -s docs`)",
    )


@pytest.fixture(scope="session")
def page(request: pytest.FixtureRequest) -> Callable[[str], Any]:
    """``page("walkthrough/plot_03_convolution")``: that script's results (tests/pages.py)."""

    from_build = request.config.getoption("--from-build")
    return lambda name: pages.results(name, from_build=from_build)


@pytest.fixture
def inputs() -> np.ndarray:
    return notebook.INPUTS.copy()


@pytest.fixture
def kernel() -> np.ndarray:
    return notebook.KERNEL.copy()
