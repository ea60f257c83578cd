"""Shared fixtures: the seed notebook's numbers and hypothesis strategies.

The numbers are those of shared/seed/VALUES.md, recovered from the seed
notebook "Up-sampling with Transposed Convolution" and checked there.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")

INPUTS = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
KERNEL = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])


@pytest.fixture
def inputs() -> np.ndarray:
    return INPUTS.copy()


@pytest.fixture
def kernel() -> np.ndarray:
    return KERNEL.copy()


@pytest.fixture(autouse=True)
def _close_figures() -> Iterator[None]:
    """Close every figure a test leaves open, so none outlives it (or warns in another test)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
