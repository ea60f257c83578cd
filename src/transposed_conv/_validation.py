"""Checks and normalisation shared by every public function.

Each check raises ``ValueError`` or ``TypeError`` with a message that names the
parameter and the offending value, so a wrong call never surfaces as an
``IndexError`` or a silently wrong array.
"""

from __future__ import annotations

import operator
from typing import Any

import numpy as np
import numpy.typing as npt


def as_int(value: Any, name: str) -> int:
    """Return ``value`` as a Python int, rejecting bools, floats and strings."""
    if isinstance(value, bool | np.bool_):
        msg = f"{name} must be an int, got {value!r}"
        raise TypeError(msg)
    try:
        return operator.index(value)
    except TypeError:
        msg = f"{name} must be an int, got {value!r}"
        raise TypeError(msg) from None


def as_tuple(value: Any, name: str, n: int) -> tuple[int, ...]:
    """Normalise an int or a length-``n`` sequence of ints to an ``n``-tuple."""
    if isinstance(value, tuple | list | np.ndarray):
        items = list(value)
        if len(items) != n:
            msg = f"{name} must be an int or a sequence of {n} ints, got {value!r}"
            raise ValueError(msg)
        return tuple(as_int(v, name) for v in items)
    return (as_int(value, name),) * n


def _bound(minimum: int) -> str:
    return "positive" if minimum == 1 else f"at least {minimum}" if minimum else "non-negative"


def bounded_int(value: Any, name: str, minimum: int) -> int:
    """An int that is at least ``minimum`` (1: positive, 0: non-negative)."""
    v = as_int(value, name)
    if v < minimum:
        msg = f"{name} must be {_bound(minimum)}, got {value!r}"
        raise ValueError(msg)
    return v


def factor_int(value: Any, name: str) -> int:
    """A positive integer scale factor."""
    v = as_int(value, name)
    if v < 1:
        msg = f"{name} must be a positive int, got {value!r}"
        raise ValueError(msg)
    return v


def ints(value: Any, name: str, n: int, minimum: int) -> tuple[int, ...]:
    """An int or length-``n`` sequence of ints, each at least ``minimum``, as an ``n``-tuple."""
    values = as_tuple(value, name, n)
    if any(v < minimum for v in values):
        msg = f"{name} must be {_bound(minimum)}, got {value!r}"
        raise ValueError(msg)
    return values


def numeric_array(a: Any, name: str) -> npt.NDArray[Any]:
    """Return ``a`` as an ndarray of a real integer or floating dtype.

    Bool, complex, object and string data are refused with a ``TypeError``.
    """
    arr = np.asarray(a)
    if arr.dtype.kind not in "iuf":
        msg = f"{name} must hold real integers or floats, got dtype {arr.dtype}"
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
