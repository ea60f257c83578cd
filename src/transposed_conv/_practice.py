"""Up-sampling images in practice: resize-convolution, learning a kernel and scoring it."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from ._arithmetic import conv_transpose_output_size
from ._conv import conv2d
from ._interpolate import interpolate
from ._transpose import conv_transpose2d, pad_or_crop
from ._validation import (
    as_int,
    as_tuple,
    bounded_int,
    check_elements,
    choice,
    factor_int,
    ints,
    numeric_array,
    real_number,
)


def _image(x: Any, name: str = "image") -> npt.NDArray[np.float64]:
    arr = numeric_array(x, name)
    if arr.ndim != 2 or arr.size == 0:
        msg = f"{name} must be a non-empty 2-D array, got shape {arr.shape}"
        raise ValueError(msg)
    return arr.astype(np.float64)


def box_downsample(image: Any, factor: int) -> npt.NDArray[np.float64]:
    """Average non-overlapping ``factor x factor`` blocks (the trailing remainder is dropped).

    Parameters
    ----------
    image : (H, W) array_like
    factor : int

    Returns
    -------
    (H // factor, W // factor) ndarray of float64

    Examples
    --------
    >>> box_downsample([[0, 2, 4, 6], [2, 4, 6, 8]], 2)
    array([[2., 6.]])
    """
    img = _image(image)
    f = as_int(factor, "factor")
    if f < 1 or f > min(img.shape):
        msg = f"factor must be between 1 and {min(img.shape)}, got {f!r}"
        raise ValueError(msg)
    h, w = img.shape[0] // f, img.shape[1] // f
    means: npt.NDArray[np.float64] = img[: h * f, : w * f].reshape(h, f, w, f).mean(axis=(1, 3))
    return means


def psnr(estimate: Any, reference: Any, data_range: float = 1.0) -> float:
    """Peak signal-to-noise ratio in decibels: ``10 log10(range^2 / MSE)``.

    Parameters
    ----------
    estimate, reference : array_like of the same shape
        Real values, at least one of each.
    data_range : float, default 1.0
        The reference's possible value range (1 for images scaled to [0, 1]);
        a positive, finite real number.

    Returns
    -------
    float
        ``inf`` when the two are equal.

    Raises
    ------
    ValueError
        Shapes differ, the arrays are empty, or ``data_range`` is not positive and finite.
    TypeError
        Complex, bool or non-numeric data, or a ``data_range`` that is not a real number.

    Examples
    --------
    >>> round(psnr([0.0, 0.5], [0.0, 0.6]), 2)
    23.01
    """
    peak = real_number(data_range, "data_range")
    a = numeric_array(estimate, "estimate").astype(np.float64)
    b = numeric_array(reference, "reference").astype(np.float64)
    if a.shape != b.shape:
        msg = f"estimate and reference must have the same shape, got {a.shape} and {b.shape}"
        raise ValueError(msg)
    if a.size == 0:
        msg = f"estimate and reference must not be empty, got shape {a.shape}"
        raise ValueError(msg)
    if not 0 < peak < float("inf"):
        msg = f"data_range must be positive and finite, got {data_range!r}"
        raise ValueError(msg)
    mse = float(np.mean((a - b) ** 2))
    return float("inf") if mse == 0 else float(10 * (2 * np.log10(peak) - np.log10(mse)))


def resize_convolution(x: Any, weight: Any, factor: int, mode: str = "nearest") -> npt.NDArray[Any]:
    """Up-sample by interpolation, then convolve at stride 1 with 'same' padding.

    Odena et al.'s remedy for checkerboard artifacts: no zeros are inserted,
    so a constant input comes out constant away from the border, whatever the
    kernel. The rest of the input comes out as the interpolation makes it
    (``'nearest'``: blocks of ``factor x factor`` equal pixels), then filtered
    by the kernel.

    Parameters
    ----------
    x : (H, W) array_like
    weight : (kH, kW) array_like
    factor : int
    mode : {'nearest', 'bilinear', 'bicubic'}
        As in :func:`interpolate`, on both axes.

    Returns
    -------
    (H * factor, W * factor) ndarray

    Raises
    ------
    ValueError
        A bad ``factor`` or ``mode``, or an up-sampled ``x`` of more than
        ``2**30`` elements (checked before anything is computed).

    Examples
    --------
    >>> resize_convolution(np.ones((2, 2)), np.full((3, 3), 1 / 9), 2)[1:3, 1:3]
    array([[1., 1.],
           [1., 1.]])
    """
    f = factor_int(factor, "factor")
    choice(mode, "mode", ("nearest", "bilinear", "bicubic"))
    img = _image(x, "x")
    big = (img.shape[0] * f, img.shape[1] * f)
    check_elements(big, "resize_convolution: the up-sampled x", f"x shape {img.shape}, factor={f}")
    return conv2d(interpolate(img, f, mode), weight, padding="same")


def conv_transpose2d_weight_grad(
    x: Any,
    grad_output: Any,
    kernel_shape: tuple[int, int],
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
) -> npt.NDArray[np.float64]:
    """Gradient of a loss with respect to a transposed convolution's kernel.

    For ``y = conv_transpose2d(x, w, stride=s, padding=p)`` every output pixel
    ``y[s m + u - p, s n + v - p]`` gets ``x[m, n] w[u, v]``, so
    ``dL/dw[u, v] = sum_mn x[m, n] g[s m + u - p, s n + v - p]`` with
    ``g = dL/dy``: for each tap, the dot product of ``x`` with the stride-spaced
    samples of ``g`` (zero-padded back to the uncropped output) that the tap reached.
    All taps at once, that is :func:`conv2d` of the uncropped ``g`` with ``x``
    as the kernel, dilated by the stride.

    Parameters
    ----------
    x : (H, W) array_like
        The transposed convolution's input.
    grad_output : array_like
        ``dL/dy``, shaped like the transposed convolution's output.
    kernel_shape : (kH, kW)
    stride, padding, output_padding : int or pair of ints

    Returns
    -------
    (kH, kW) ndarray of float64

    Examples
    --------
    >>> x = np.array([[1.0, 2.0]])
    >>> conv_transpose2d_weight_grad(x, np.ones((1, 3)), (1, 2))  # each tap meets 1 + 2
    array([[3., 3.]])
    """
    xs, g = _image(x, "x"), _image(grad_output, "grad_output")
    kh, kw = ints(kernel_shape, "kernel_shape", 2, 1)
    check_elements((kh, kw), "the kernel's gradient", f"kernel_shape={kernel_shape!r}")
    s = ints(stride, "stride", 2, 1)
    p = ints(padding, "padding", 2, 0)
    a = as_tuple(output_padding, "output_padding", 2)
    expected = tuple(
        conv_transpose_output_size(*args) for args in zip(xs.shape, (kh, kw), s, p, a, strict=True)
    )
    if g.shape != expected:
        msg = (
            f"grad_output must have the output's shape {expected} (x shape {xs.shape}, "
            f"kernel_shape={kernel_shape!r}, stride={stride!r}, padding={padding!r}, "
            f"output_padding={output_padding!r}), got {g.shape}"
        )
        raise ValueError(msg)
    # undo the crop: padding p before, p - output_padding after gives the uncropped output
    full = pad_or_crop(g, [(pi, pi - ai) for pi, ai in zip(p, a, strict=True)])
    # dL/dw[u, v] = sum_ij full[u + s i, v + s j] x[i, j]: x as a kernel dilated by s
    grad: npt.NDArray[np.float64] = conv2d(full, xs, dilation=s)
    return grad


MAX_STEPS = 100_000
"""The most gradient steps :func:`fit_transposed_kernel` takes: a bound against a hang."""


def fit_transposed_kernel(
    x: Any,
    target: Any,
    kernel_shape: tuple[int, int],
    *,
    stride: int,
    padding: int = 0,
    steps: int = 300,
    init: Any = None,
) -> tuple[npt.NDArray[np.float64], list[float]]:
    """Fit a transposed convolution's kernel to map ``x`` to ``target`` by gradient descent.

    The loss is the mean squared error, quadratic in the kernel. Each step
    follows the gradient of :func:`conv_transpose2d_weight_grad` with Nesterov's
    momentum, at step size ``1 / L``, where ``L``, the gradient's Lipschitz
    constant, is estimated by power iteration on the (constant) Hessian.

    Parameters
    ----------
    x : (H, W) array_like
        The low-resolution input.
    target : array_like
        The wanted output, shaped like ``conv_transpose2d(x, w, ...)``.
    kernel_shape : (kH, kW)
    stride, padding : int or pair of ints
    steps : int, default 300
        Gradient steps, from 1 to ``MAX_STEPS`` (100,000; the fits on the site
        converge within a few hundred).
    init : (kH, kW) array_like, optional
        Starting kernel; zeros by default.

    Returns
    -------
    kernel : (kH, kW) ndarray of float64
    losses : list of float
        The loss before each step and after the last (``steps + 1`` values).

    Raises
    ------
    ValueError
        ``x`` all zeros, or with every non-zero value in the cropped padding
        (no kernel is then better than another), ``steps`` outside
        ``[1, MAX_STEPS]``, or shapes that do not match (checked before any
        array is built).

    Notes
    -----
    The cost is long by nature and grows with ``steps``: each step makes two
    transposed convolutions of ``x`` (the loss at the kernel, the residual at
    the look-ahead point) and one kernel gradient, each ``H W kH kW``
    multiplications; the checks, the power iteration and the last loss add 64
    more of them. So a fit makes ``3 steps + 64`` such operations, and
    ``MAX_STEPS`` steps cost over 300 times as much as the default 300.

    Examples
    --------
    >>> x = np.arange(16.0).reshape(4, 4)
    >>> w_true = np.array([[0.25, 0.5], [0.5, 1.0]])
    >>> w, losses = fit_transposed_kernel(x, conv_transpose2d(x, w_true, stride=2), (2, 2), stride=2)
    >>> bool(np.allclose(w, w_true)), losses[-1] < 1e-12
    (True, True)
    """
    xs, t = _image(x, "x"), _image(target, "target")
    n_steps = bounded_int(steps, "steps", 1)
    if n_steps > MAX_STEPS:
        msg = f"steps must be at most {MAX_STEPS}, got {steps!r}"
        raise ValueError(msg)
    if not xs.any():
        msg = "x must not be all zeros: every kernel then gives the same (zero) output"
        raise ValueError(msg)
    kh, kw = ints(kernel_shape, "kernel_shape", 2, 1)
    shape = (kh, kw)
    check_elements(shape, "fit_transposed_kernel: the kernel", f"kernel_shape={kernel_shape!r}")
    s, p = ints(stride, "stride", 2, 1), ints(padding, "padding", 2, 0)
    expected = tuple(
        conv_transpose_output_size(n, k, si, pi)
        for n, k, si, pi in zip(xs.shape, shape, s, p, strict=True)
    )
    if expected != t.shape:
        msg = (
            f"target must have the output's shape {expected} (x shape {xs.shape}, "
            f"kernel_shape={kernel_shape!r}, stride={stride!r}, padding={padding!r}), "
            f"got {t.shape}"
        )
        raise ValueError(msg)
    nonzero = (xs != 0).astype(np.float64)
    reached = conv_transpose2d_weight_grad(nonzero, np.ones(t.shape), shape, stride=s, padding=p)
    if not reached.any():
        msg = (
            f"x's non-zero values all land in the padding that is cropped (padding={padding!r}, "
            f"kernel_shape={kernel_shape!r}): every kernel gives the same (zero) output"
        )
        raise ValueError(msg)
    w = np.zeros(shape) if init is None else numeric_array(init, "init").astype(np.float64)
    if w.shape != shape:
        msg = f"init must have shape {shape}, the kernel_shape, got {w.shape}"
        raise ValueError(msg)

    def forward(kernel: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return conv_transpose2d(xs, kernel, stride=s, padding=p)

    def gradient(kernel: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        residual = 2 * (forward(kernel) - t) / t.size
        return conv_transpose2d_weight_grad(xs, residual, kernel.shape, stride=s, padding=p)

    probe = np.random.default_rng(0).standard_normal(w.shape)
    base = gradient(np.zeros_like(w))
    for _ in range(30):  # power iteration: H v = grad(v) - grad(0) for a quadratic
        hv = gradient(probe) - base
        lipschitz = float(np.linalg.norm(hv))
        probe = hv / lipschitz
    losses = []
    lookahead = w
    for k in range(n_steps):
        losses.append(float(np.mean((forward(w) - t) ** 2)))
        step = lookahead - gradient(lookahead) / lipschitz
        lookahead = step + k / (k + 3) * (step - w)  # Nesterov's momentum
        w = step
    losses.append(float(np.mean((forward(w) - t) ** 2)))
    return w, losses
