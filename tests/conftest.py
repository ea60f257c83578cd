"""Shared fixtures: the seed notebook's numbers and hypothesis strategies.

The numbers are those of shared/seed/VALUES.md, recovered from the seed
notebook "Up-sampling with Transposed Convolution" and checked there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

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


@dataclass(frozen=True)
class Config:
    """One transposed convolution (and the convolution it is the adjoint of)."""

    n: int
    groups: int
    cin_g: int
    cout_g: int
    size: tuple[int, int]  # the convolution's input size, = the transposed output size
    kernel: tuple[int, int]
    stride: tuple[int, int]
    padding: tuple[int, int]
    dilation: tuple[int, int]

    @property
    def conv_kwargs(self) -> dict[str, object]:
        return {
            "stride": self.stride,
            "padding": self.padding,
            "dilation": self.dilation,
            "groups": self.groups,
        }


@st.composite
def configs(draw: st.DrawFn, max_size: int = 7) -> Config:
    """Valid convolution configurations with at least one output pixel."""
    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    dilation = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    stride = (draw(st.integers(1, 3)), draw(st.integers(1, 3)))
    padding = (draw(st.integers(0, 3)), draw(st.integers(0, 3)))
    size = tuple(
        draw(st.integers(max(1, d * (k - 1) + 1 - 2 * p), max(max_size, d * (k - 1) + 1)))
        for k, d, p in zip(kernel, dilation, padding, strict=True)
    )
    return Config(
        n=draw(st.integers(1, 2)),
        groups=draw(st.integers(1, 3)),
        cin_g=draw(st.integers(1, 2)),
        cout_g=draw(st.integers(1, 2)),
        size=size,  # type: ignore[arg-type]
        kernel=kernel,
        stride=stride,
        padding=padding,
        dilation=dilation,
    )


def int_array(draw: st.DrawFn, shape: tuple[int, ...], lo: int = -9, hi: int = 9) -> np.ndarray:
    """A random integer array drawn through hypothesis (exact arithmetic)."""
    seed = draw(st.integers(0, 2**32 - 1))
    return np.random.default_rng(seed).integers(lo, hi + 1, size=shape)
