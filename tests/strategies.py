"""Hypothesis strategies for convolution configurations."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st


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
def configs(draw: st.DrawFn, max_size: int = 7, *, square: bool = False) -> Config:
    """Valid convolution configurations with at least one output pixel.

    ``square`` draws the same stride, padding and dilation for both axes (what
    the readable reference loops take).
    """

    def pair(lo: int, hi: int) -> tuple[int, int]:
        first = draw(st.integers(lo, hi))
        return (first, first) if square else (first, draw(st.integers(lo, hi)))

    kernel = (draw(st.integers(1, 4)), draw(st.integers(1, 4)))
    dilation = pair(1, 3)
    stride = pair(1, 3)
    padding = pair(0, 3)
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


def grouped_integers(
    seed: int,
    *,
    n: int,
    groups: int,
    size: tuple[int, ...],
    kernel: tuple[int, ...],
    out_per_group: int = 3,
) -> tuple[np.ndarray, np.ndarray]:
    """Random integers in [-5, 5]: x of (n, 2 groups, *size), weight (2 groups, out, *kernel)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(-5, 6, (n, 2 * groups, *size))
    w = rng.integers(-5, 6, (2 * groups, out_per_group, *kernel))
    return x, w


def transposed_settings(
    stride: object, padding: object, output_padding: object, dilation: object
) -> dict[str, object]:
    """Keyword arguments for ``conv_transpose2d`` and the routes that must agree with it."""
    return {
        "stride": stride,
        "padding": padding,
        "output_padding": output_padding,
        "dilation": dilation,
    }
