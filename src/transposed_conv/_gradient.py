"""Finite differences: the numerical check of every gradient on the site."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import numeric_array, real_number


def numerical_gradient(
    fn: Callable[[npt.NDArray[np.float64]], float], x: Any, eps: float = 1e-6
) -> npt.NDArray[np.float64]:
    """Central-difference gradient of a scalar function, one coordinate at a time.

    Parameters
    ----------
    fn : callable
        ``fn(x) -> float``: a real number (a Python or NumPy int or float, or a
        0-d real array).
    x : array_like
        The point; converted to float64.
    eps : float, default 1e-6
        Step.

    Returns
    -------
    ndarray of float64
        ``(fn(x + eps e_i) - fn(x - eps e_i)) / (2 eps)`` for each coordinate ``i``,
        shaped like ``x``.

    Raises
    ------
    ValueError
        If ``eps`` is not positive.
    TypeError
        If ``fn`` is not callable, or returns anything but a real number.

    Notes
    -----
    A check, not a fast path: it calls ``fn`` twice per coordinate,
    ``2 x.size`` times in all, so its cost is ``2 x.size`` times that of
    ``fn``. Each call gets the same read-only float64 array, with one
    coordinate moved by ``eps`` (and put back after): no array is made per
    coordinate.

    Examples
    --------
    >>> import numpy as np
    >>> numerical_gradient(lambda v: float((v**2).sum()), np.array([1.0, -2.0])).round(6)
    array([ 2., -4.])
    """
    anything: Any = fn  # checked, whatever the annotation promises
    if not callable(anything):
        msg = f"fn must be a callable fn(x) -> float, got {fn!r}"
        raise TypeError(msg)
    step = real_number(eps, "eps")
    if not 0 < step < np.inf:
        msg = f"eps must be positive and finite, got {eps!r}"
        raise ValueError(msg)
    point = numeric_array(x, "x").astype(np.float64)
    grad = np.zeros_like(point)
    moved = point.copy()
    seen = moved.view()
    seen.flags.writeable = False  # fn may read the point, not change it

    def value() -> float:
        result = anything(seen)
        try:
            return real_number(result, "fn(x)")
        except TypeError:
            msg = f"fn must return a real number, got {result!r:.200} from fn(x)"
            raise TypeError(msg) from None

    flat, at, slope = point.reshape(-1), moved.reshape(-1), grad.reshape(-1)  # views, C order
    for i in range(flat.size):
        at[i] = flat[i] + step
        above = value()
        at[i] = flat[i] - step
        below = value()
        at[i] = flat[i]
        slope[i] = (above - below) / (2 * step)
    return grad
