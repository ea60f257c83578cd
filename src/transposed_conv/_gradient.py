"""Finite differences: the numerical check of every gradient on the site."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import numpy.typing as npt

from ._validation import numeric_array


def numerical_gradient(
    fn: Callable[[npt.NDArray[np.float64]], float], x: Any, eps: float = 1e-6
) -> npt.NDArray[np.float64]:
    """Central-difference gradient of a scalar function, one coordinate at a time.

    Parameters
    ----------
    fn : callable
        ``fn(x) -> float``.
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
    if isinstance(eps, bool) or not isinstance(eps, int | float | np.integer | np.floating):
        msg = f"eps must be a positive real number, got {eps!r}"
        raise TypeError(msg)
    if not 0 < eps < np.inf:
        msg = f"eps must be positive and finite, got {eps!r}"
        raise ValueError(msg)
    point = numeric_array(x, "x").astype(np.float64)
    grad = np.zeros_like(point)
    for i in np.ndindex(point.shape):  # one coordinate at a time: a check, not a fast path
        step = np.zeros_like(point)
        step[i] = eps
        grad[i] = (fn(point + step) - fn(point - step)) / (2 * eps)
    return grad
