"""Links to the site's explorer page, with a given case filled in.

Site tooling, not part of the package: the gallery tests check each page's explorer link
with it, and tests/js/make_golden.py gives the explorer's tests the links it must read.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from transposed_conv import conv_transpose_output_size

LIMITS_FILE = Path(__file__).resolve().parents[1] / "docs" / "_static" / "explorer" / "limits.mjs"
"""The explorer's limits, its one source: ``export default <JSON>;`` in the site's sources."""


def explorer_limits() -> dict[str, Any]:
    """The explorer's ranges and exactness limit, read from ``docs/_static/explorer/limits.mjs``.

    Returns
    -------
    dict
        ``i`` (input size per axis, by ``"1"`` and ``"2"`` dimensions), ``k``, ``s``, ``p``,
        ``a``, ``d`` (each ``[min, max]``), ``decimals`` (places a value may have) and
        ``maxExact`` (2**53 - 1), as the explorer's JavaScript imports them.

    Examples
    --------
    >>> limits = explorer_limits()
    >>> limits["k"], limits["i"]["2"], limits["maxExact"] == 2**53 - 1
    ([1, 5], [1, 8], True)
    """
    text = LIMITS_FILE.read_text(encoding="utf-8").strip()
    limits: dict[str, Any] = json.loads(text.removeprefix("export default ").removesuffix(";"))
    return limits


def _numbers(a: Any, name: str) -> np.ndarray[Any, Any]:
    """``a`` as an array of real integers or floats, refused as the package refuses it."""
    try:
        arr = np.asarray(a)
    except ValueError:  # ragged nested sequences
        msg = f"{name} must be a rectangular array of numbers, got the ragged {a!r}"
        raise ValueError(msg) from None
    if arr.dtype.kind not in "iuf":
        msg = f"{name} must hold real integers or floats, got dtype {arr.dtype}"
        raise TypeError(msg)
    return arr


def _per_axis(value: Any, name: str, dim: int) -> tuple[Any, ...]:
    """An int or a sequence of ``dim`` of them, as a ``dim``-tuple (the ints checked later by
    :func:`conv_transpose_output_size`)."""
    if isinstance(value, list | tuple | np.ndarray):
        if len(value) != dim:
            msg = f"{name} must be an int or a sequence of {dim} ints, got {value!r}"
            raise ValueError(msg)
        return tuple(value)
    return (value,) * dim


def explorer_link(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    dilation: Any = 1,
    page: Any = "explorer.html",
) -> str | None:
    """The explorer's address for one transposed convolution, or None if it cannot show it.

    The explorer (``explorer.html`` at the site's root) reads its state from the address's
    fragment: ``#dim=2&i=H,W&k=KH,KW&s=SH,SW&p=PH,PW&a=AH,AW&d=DH,DW&x=...&w=...``, the
    values row-major.

    Parameters
    ----------
    x : (L,) or (H, W) array_like
        Input, integer values (an integer dtype, or floats that are whole numbers).
    weight : (k,) or (kH, kW) array_like
        Kernel, with as many axes as ``x``.
    stride, padding, output_padding, dilation : int or tuple of ints
        As in :func:`conv_transpose2d`.
    page : str, default "explorer.html"
        The explorer's address relative to the linking page, e.g.
        ``"../../explorer.html"`` from a gallery example.

    Returns
    -------
    str or None
        ``page`` followed by the fragment; None when the case is outside the explorer's
        ranges (``docs/_static/explorer/limits.mjs``), not whole numbers, too large to
        add up exactly in JavaScript, or refused by :func:`conv_transpose_output_size`.

    Examples
    --------
    >>> explorer_link([[1, 3], [2, 3]], [[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    'explorer.html#dim=2&i=2,2&k=3,3&s=1,1&p=0,0&a=0,0&d=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1'
    >>> explorer_link([1, 10], [1, 2, 3], stride=2, page="../../explorer.html")
    '../../explorer.html#dim=1&i=2&k=3&s=2&p=0&a=0&d=1&x=1,10&w=1,2,3'
    >>> explorer_link([0.5, 1.0], [1, 2, 3]) is None  # not whole numbers
    True
    >>> explorer_link([np.inf, 1.0], [1, 2, 3]) is None  # not finite
    True
    """
    if not isinstance(page, str):
        msg = f"page must be a str, the explorer's address, got {page!r}"
        raise TypeError(msg)
    xs, w = _numbers(x, "x"), _numbers(weight, "weight")
    dim = xs.ndim
    if dim not in (1, 2) or w.ndim != dim:
        return None
    whole = (np.isfinite(a).all() and np.array_equal(a, np.round(a)) for a in (xs, w))
    if not all(whole):
        return None
    settings = {
        "i": xs.shape,
        "k": w.shape,
        "s": _per_axis(stride, "stride", dim),
        "p": _per_axis(padding, "padding", dim),
        "a": _per_axis(output_padding, "output_padding", dim),
        "d": _per_axis(dilation, "dilation", dim),
    }
    for n, k, s, p, a, d in zip(*settings.values(), strict=True):
        try:  # a value that is not an int: the package's TypeError
            conv_transpose_output_size(n, k, s, p, a, d)
        except ValueError:
            return None
    limits = explorer_limits()
    ranges = {key: limits[key] for key in settings} | {"i": limits["i"][str(dim)]}
    for key, (lo, hi) in ranges.items():
        if not all(lo <= v <= hi for v in settings[key]):
            return None
    xi, wi = [int(v) for v in xs.ravel()], [int(v) for v in w.ravel()]
    # the explorer sums whole numbers in ones: the bound on its exact integers applies as is
    if max(map(abs, xi)) * max(map(abs, wi)) * math.prod(w.shape) > limits["maxExact"]:
        return None
    parts = [f"dim={dim}"]
    parts += [f"{key}={','.join(map(str, values))}" for key, values in settings.items()]
    parts += [f"x={','.join(map(str, xi))}", f"w={','.join(map(str, wi))}"]
    return f"{page}#{'&'.join(parts)}"
