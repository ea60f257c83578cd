"""Checks and normalisation shared by every public function.

Each check raises ``ValueError`` or ``TypeError`` with a message that names the
parameter and the offending value, so a wrong call never surfaces as an
``IndexError``, an ``OverflowError`` or a silently wrong array.
"""

from __future__ import annotations

import math
import operator
import sys
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

MAX_ELEMENTS = 2**30
"""The most elements an array argument, or any array the package builds, may have.

It is also the largest size-like parameter (a stride, padding, dilation,
kernel size or factor): no result along one axis can be longer. 2**30 float64
values take 8 GiB. Array arguments are checked on their shape, before their
values are read, so a broadcast view is refused without being copied."""

MAX_AXES = 32
"""The most axes a per-axis parameter may list: NumPy 1.26's most array dimensions."""

MAX_LIST = 2**20
"""The most items a list the package returns may hold (phase kernels, losses)."""

_TOO_BIG = f"at most {MAX_ELEMENTS} (2**30), the most elements a result here may have"


def as_int(value: Any, name: str) -> int:
    """Return ``value`` as a Python int, rejecting bools, floats and strings.

    A 0-d integer array counts as the integer it holds, as ``operator.index``
    has it; a 0-d float or bool array is refused like a float or a bool.
    """
    kind = value.dtype.kind if isinstance(value, np.ndarray | np.generic) else ""
    if isinstance(value, bool) or kind == "b":
        msg = f"{name} must be an int, got {value!r}"
        raise TypeError(msg)
    try:
        return operator.index(value)
    except TypeError:
        msg = f"{name} must be an int, got {value!r}"
        raise TypeError(msg) from None


def is_sequence(value: Any) -> bool:
    """A list, tuple or other sequence, or an array with at least one axis (not a string)."""
    if isinstance(value, np.ndarray):
        return value.ndim > 0
    return isinstance(value, Sequence) and not isinstance(value, str | bytes)


def as_tuple(value: Any, name: str, n: int) -> tuple[int, ...]:
    """Normalise an int or a length-``n`` sequence of ints to an ``n``-tuple.

    The length is checked before the items are read, so a long sequence (a
    broadcast view, say) is refused at once.
    """
    if is_sequence(value):
        if len(value) != n:
            msg = f"{name} must be an int or a sequence of {n} ints, got {value!r}"
            raise ValueError(msg)
        return tuple(as_int(v, name) for v in value)
    return (as_int(value, name),) * n


def real_number(value: Any, name: str) -> float:
    """A real number (int, float, NumPy real scalar or 0-d real array) as a Python float.

    Bools, complex numbers, strings and arrays with axes are refused with a
    ``TypeError``; an int too large for a float is a ``ValueError``.
    """
    kind = value.dtype.kind if isinstance(value, np.ndarray | np.generic) else ""
    is_real = isinstance(value, int | float) or (kind in ("i", "u", "f") and np.ndim(value) == 0)
    if isinstance(value, bool) or not is_real:
        msg = f"{name} must be a real number, got {value!r}"
        raise TypeError(msg)
    try:
        return float(value)
    except OverflowError:
        msg = f"{name} must be a finite real number, got {value!r}, beyond a float's range"
        raise ValueError(msg) from None


def _bound(minimum: int) -> str:
    return "positive" if minimum == 1 else f"at least {minimum}" if minimum else "non-negative"


def _check_range(values: tuple[int, ...], value: Any, name: str, minimum: int) -> None:
    if any(v < minimum for v in values):
        msg = f"{name} must be {_bound(minimum)}, got {value!r}"
        raise ValueError(msg)
    if any(v > MAX_ELEMENTS for v in values):
        msg = f"{name} must be {_TOO_BIG}, got {value!r}"
        raise ValueError(msg)


def bounded_int(value: Any, name: str, minimum: int) -> int:
    """An int that is at least ``minimum`` (1: positive, 0: non-negative), at most 2**30."""
    v = as_int(value, name)
    _check_range((v,), value, name, minimum)
    return v


def factor_int(value: Any, name: str) -> int:
    """A positive integer scale factor, at most 2**30."""
    v = as_int(value, name)
    if v < 1:
        msg = f"{name} must be a positive int, got {value!r}"
        raise ValueError(msg)
    _check_range((v,), value, name, 1)
    return v


def ints(value: Any, name: str, n: int, minimum: int) -> tuple[int, ...]:
    """An int or length-``n`` sequence of ints, each at least ``minimum``, as an ``n``-tuple."""
    values = as_tuple(value, name, n)
    _check_range(values, value, name, minimum)
    return values


def check_elements(shape: Sequence[int], what: str, because: str) -> None:
    """Refuse to build an array of ``shape`` with more than :data:`MAX_ELEMENTS` elements.

    ``because`` names the parameters that set the shape, for the message.
    """
    count = math.prod(shape)
    if count > MAX_ELEMENTS:
        msg = (
            f"{what} would have shape {tuple(shape)}, {count} elements, more than the "
            f"{MAX_ELEMENTS} (2**30) a result here may have; {because}"
        )
        raise ValueError(msg)


def choice(value: Any, name: str, choices: Sequence[str]) -> str:
    """One of the strings ``choices``; anything else, arrays included, is refused by name."""
    if not isinstance(value, str) or value not in choices:
        accepted = " or ".join(map(repr, choices)) if len(choices) == 2 else f"one of {choices}"
        msg = f"{name} must be {accepted}, got {value!r}"
        raise ValueError(msg)
    return value


def numeric_array(a: Any, name: str, kinds: str = "iuf") -> npt.NDArray[Any]:
    """Return ``a`` as an ndarray of a real integer or floating dtype.

    Bool, complex, object and string data are refused with a ``TypeError``
    (``kinds`` lists the dtype kinds accepted instead, "iuf" by default), and
    so is a masked array, whose mask NumPy's functions would ignore. An array
    of more than :data:`MAX_ELEMENTS` elements is a ``ValueError``, checked on
    its shape before anything is copied.
    """
    masked = sys.modules.get("numpy.ma")  # no masked array exists before NumPy imports it
    if masked is not None and isinstance(a, masked.MaskedArray):
        msg = (
            f"{name} must not be a masked array: its mask would be ignored; pass "
            f"{name}.filled(value) to say what the masked entries hold"
        )
        raise TypeError(msg)
    try:
        arr = np.asarray(a)
    except ValueError:  # ragged nested sequences
        msg = f"{name} must be a rectangular array of numbers, got the ragged {a!r}"
        raise ValueError(msg) from None
    if arr.size > MAX_ELEMENTS:
        msg = (
            f"{name} has shape {arr.shape}, {arr.size} elements, more than the "
            f"{MAX_ELEMENTS} (2**30) an array argument may have"
        )
        raise ValueError(msg)
    if arr.dtype.kind not in kinds:
        accepted = "real integers or floats" if kinds == "iuf" else "numbers or bools"
        msg = f"{name} must hold {accepted}, got dtype {arr.dtype}"
        raise TypeError(msg)
    return arr


def compute_dtype(*arrays: npt.NDArray[Any]) -> np.dtype[Any]:
    """The dtype the arithmetic runs in.

    All-integer inputs compute in int64 (exact, no uint8 wrap-around; see
    :func:`check_int64_result` for results beyond int64's range). Otherwise
    the floating inputs decide (float32 stays float32); integer arrays mixed with
    floats take the float dtype.
    """
    floats = [a.dtype for a in arrays if a.dtype.kind == "f"]
    if not floats:
        return np.dtype(np.int64)
    return np.dtype(np.result_type(*floats))


def work_dtype(dtype: np.dtype[Any]) -> np.dtype[Any]:
    """The dtype a convolution computes in: float32 for float16, else ``dtype`` itself.

    NumPy has no fast float16 matrix product; float16 values are exact in
    float32, whose sums are rounded once to float16 at the end.
    """
    return np.dtype(np.float32) if dtype == np.float16 else dtype


INT64_MAX = int(np.iinfo(np.int64).max)


def _max_abs(a: npt.NDArray[Any]) -> int:
    """The largest magnitude in an integer array, as an exact Python int."""
    return max(abs(int(a.max())), abs(int(a.min()))) if a.size else 0


def check_int64_range(a: npt.NDArray[Any], name: str) -> None:
    """Refuse unsigned integers above int64's range, which a cast to int64 would wrap."""
    if a.dtype.kind == "u" and a.size and int(a.max()) > INT64_MAX:
        msg = (
            f"{name} holds {int(a.max())}, beyond int64's range (at most {INT64_MAX}): "
            f"integer results are computed exactly in int64; cast {name} to float64 instead"
        )
        raise ValueError(msg)


def check_int64_result(
    x: npt.NDArray[Any], w: npt.NDArray[Any], name: str, bound_name: str = "max|x| * sum|weight|"
) -> None:
    """Refuse integer inputs whose exact result might not fit in int64.

    Every output of a convolution, transposed or not, is a sum of products
    ``x[i] w[t]`` over distinct taps, so its magnitude is at most
    ``max|x| * sum|w|``. Integer results are promised exact, so rather than let
    int64 wrap silently, a bound above int64's range is a ``ValueError``.
    """
    if x.dtype.kind not in "iu" or w.dtype.kind not in "iu":
        return
    check_int64_range(x, "x")
    check_int64_range(w, "weight")
    largest = _max_abs(x)
    estimate = largest * float(np.abs(w.astype(np.float64)).sum())
    if estimate < 2.0**62:  # far from the limit: the float estimate is enough
        return
    bound = largest * sum(abs(int(v)) for v in w.ravel())
    if bound > INT64_MAX:
        msg = (
            f"{name}: the exact integer result could reach {bound_name} = {bound}, "
            f"which does not fit in int64 (at most {INT64_MAX}); cast x or weight to "
            f"float64 to compute in floating point"
        )
        raise ValueError(msg)
