"""Array layouts: single channel ``(H, W)``, unbatched ``(C, H, W)``, batched ``(N, C, H, W)``.

Every public convolution normalises its arguments here to the batched layout,
computes, and restores the caller's layout on the way out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import bounded_int, check_int64_result, compute_dtype, numeric_array


@dataclass(frozen=True)
class Batched:
    """Arguments brought to the batched layout, with how to undo it."""

    x: npt.NDArray[Any]
    weight: npt.NDArray[Any]
    groups: int
    lead: int  # leading axes to drop from the result: 0, 1 (unbatched) or 2 (single channel)

    def restore(self, out: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """Drop the axes that :func:`batched` added."""
        return out[(0,) * self.lead] if self.lead else out


_AXES = {1: "(L,)", 2: "(H, W)"}


def batched(x: Any, weight: Any, nsp: int, groups: Any, *, transposed: bool, name: str) -> Batched:
    """Validate ``x`` and ``weight`` for an ``nsp``-dimensional convolution."""
    x = numeric_array(x, "x")
    w = numeric_array(weight, "weight")
    g = bounded_int(groups, "groups", 1)
    channel_layout = "(C_in, C_out/groups, k...)" if transposed else "(C_out, C_in/groups, k...)"
    if w.ndim == nsp:
        if x.ndim != nsp:
            msg = (
                f"{name}: with a {nsp}-D weight (one channel), x must be {nsp}-D {_AXES[nsp]}, "
                f"got x.ndim={x.ndim}; for channels pass a {nsp + 2}-D weight {channel_layout}"
            )
            raise ValueError(msg)
        if g != 1:
            msg = f"groups must be 1 for a single-channel weight, got {g!r}"
            raise ValueError(msg)
        lead = 2
        x, w = x[None, None], w[None, None]
    elif w.ndim == nsp + 2:
        if x.ndim == nsp + 1:
            lead, x = 1, x[None]
        elif x.ndim == nsp + 2:
            lead = 0
        else:
            msg = (
                f"{name}: x must be {nsp + 1}-D (C, ...) or {nsp + 2}-D (N, C, ...) "
                f"with a {nsp + 2}-D weight, got x.ndim={x.ndim}"
            )
            raise ValueError(msg)
    else:
        msg = (
            f"{name}: weight must be {nsp}-D (one channel) or {nsp + 2}-D "
            f"{channel_layout}, got weight.ndim={w.ndim}"
        )
        raise ValueError(msg)
    _check_sizes(x, w, g, transposed=transposed)
    check_int64_result(x, w, name)  # integer results are exact: refuse any that int64 cannot hold
    dtype = compute_dtype(x, w)
    return Batched(x.astype(dtype, copy=False), w.astype(dtype, copy=False), g, lead)


def _check_sizes(x: npt.NDArray[Any], w: npt.NDArray[Any], g: int, *, transposed: bool) -> None:
    if any(n < 1 for n in x.shape[1:]):
        msg = f"x must have non-empty channel and spatial axes, got shape {x.shape}"
        raise ValueError(msg)
    if any(n < 1 for n in w.shape):
        msg = f"weight must have no empty axis, got shape {w.shape}"
        raise ValueError(msg)
    c_in = x.shape[1]
    if c_in % g:
        msg = f"groups={g} must divide the input channels, got C_in={c_in}"
        raise ValueError(msg)
    if transposed:
        if w.shape[0] != c_in:
            msg = (
                f"weight.shape[0] must equal the input channels for a transposed "
                f"convolution (C_in, C_out/groups, k...), got weight shape {w.shape} "
                f"for C_in={c_in}"
            )
            raise ValueError(msg)
    else:
        if w.shape[0] % g:
            msg = f"groups={g} must divide the output channels, got weight.shape[0]={w.shape[0]}"
            raise ValueError(msg)
        if w.shape[1] * g != c_in:
            msg = (
                f"weight.shape[1] * groups must equal the input channels "
                f"(C_out, C_in/groups, k...), got weight shape {w.shape}, groups={g}, "
                f"C_in={c_in}"
            )
            raise ValueError(msg)


def taps(kernel_shape: tuple[int, ...]) -> list[tuple[int, ...]]:
    """Every kernel tap position, in C order."""
    return [tuple(int(i) for i in t) for t in np.ndindex(*kernel_shape)]
