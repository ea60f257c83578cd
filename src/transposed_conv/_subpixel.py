"""The sub-pixel (polyphase) view: a strided transposed convolution as interleaved small ones."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from ._arithmetic import conv_transpose_output_size
from ._layout import batched
from ._transpose import _params, conv_transpose_nd, pad_or_crop
from ._validation import MAX_LIST, check_elements, factor_int, numeric_array


def pixel_shuffle(x: Any, factor: int) -> npt.NDArray[Any]:
    """Move blocks of channels into space, as ``torch.nn.functional.pixel_shuffle``.

    Parameters
    ----------
    x : (..., C * f * f, H, W) array_like
        Output pixel ``(r, c)`` of output channel ``co`` is pixel
        ``(r // f, c // f)`` of input channel ``co f^2 + (r mod f) f + (c mod f)``.
    factor : int
        The up-scaling factor ``f``.

    Returns
    -------
    (..., C, H * f, W * f) ndarray
        The values of ``x``, moved: any numeric dtype, bool and complex too, is kept.

    Raises
    ------
    ValueError
        If ``x`` has fewer than 3 axes or its channels are not a multiple of ``f * f``.

    Examples
    --------
    >>> import numpy as np
    >>> pixel_shuffle(np.arange(4).reshape(4, 1, 1), 2)[0]
    array([[0, 1],
           [2, 3]])
    >>> pixel_shuffle(np.array([True, False, False, True]).reshape(4, 1, 1), 2)[0]
    array([[ True, False],
           [False,  True]])
    """
    arr = numeric_array(x, "x", kinds="biufc")
    f = factor_int(factor, "factor")
    if arr.ndim < 3 or arr.shape[-3] % (f * f):
        msg = f"x must be (..., C * {f * f}, H, W) for factor={f}, got shape {arr.shape}"
        raise ValueError(msg)
    *lead, c, h, w = arr.shape
    blocks = arr.reshape(*lead, c // (f * f), f, f, h, w)
    n = len(lead)
    order = [*range(n), n, n + 3, n + 1, n + 4, n + 2]  # (..., C, H, f, W, f)
    return np.ascontiguousarray(blocks.transpose(order)).reshape(*lead, c // (f * f), h * f, w * f)


def subpixel_kernels(weight: Any, stride: Any) -> list[list[npt.NDArray[Any]]]:
    """Split a transposed convolution's kernel into its ``s x s`` phase kernels.

    Parameters
    ----------
    weight : (kH, kW) or (C_in, C_out/groups, kH, kW) array_like
    stride : int or pair of ints

    Returns
    -------
    list of lists of ndarray
        ``kernels[r][c]`` is ``weight[..., r::sH, c::sW]``: the taps that land
        on output rows ``r mod sH`` and columns ``c mod sW`` with padding 0; with
        padding ``p`` on rows ``(r - p) mod sH`` (the output starts ``p`` samples
        into the full result). Phases that no tap reaches hold an empty kernel.

    Examples
    --------
    >>> import numpy as np
    >>> k = np.arange(9).reshape(3, 3)
    >>> [[sub.shape for sub in row] for row in subpixel_kernels(k, 2)]
    [[(2, 2), (2, 1)], [(1, 2), (1, 1)]]
    """
    w = numeric_array(weight, "weight")
    if w.ndim not in (2, 4):
        msg = (
            f"weight must be 2-D (kH, kW) or 4-D (C_in, C_out/groups, kH, kW), got shape {w.shape}"
        )
        raise ValueError(msg)
    s = _params(2, stride, 0, 0, 1)[0]
    if s[0] * s[1] > MAX_LIST:
        msg = (
            f"stride={stride!r} makes {s[0] * s[1]} phase kernels, more than the {MAX_LIST} "
            f"(2**20) a list returned here may hold"
        )
        raise ValueError(msg)
    return [[w[..., r :: s[0], c :: s[1]] for c in range(s[1])] for r in range(s[0])]


def conv_transpose_by_subpixel(
    x: Any,
    weight: Any,
    *,
    stride: Any = 1,
    padding: Any = 0,
    output_padding: Any = 0,
    groups: int = 1,
) -> npt.NDArray[Any]:
    """A strided transposed convolution as ``s x s`` stride-1 ones, interleaved.

    Each phase kernel of :func:`subpixel_kernels` runs a stride-1 transposed
    convolution over the *small* input; the ``s x s`` results are the output's
    phases, so :func:`pixel_shuffle` interleaves them. Then ``padding`` is
    cropped, ``output_padding`` less at the end, as in :func:`conv_transpose2d`:
    of the ``output_padding`` extra rows, the first ``min(output_padding, padding)``
    hold stamp values and only the rest are zeros.

    Parameters
    ----------
    x, weight, stride, padding, output_padding, groups
        As in :func:`conv_transpose2d` (dilation 1).

    Returns
    -------
    ndarray
        Equal to ``conv_transpose2d(x, weight, ...)``.

    Examples
    --------
    >>> import numpy as np
    >>> from transposed_conv import conv_transpose2d
    >>> x, k = np.arange(9).reshape(3, 3), np.arange(16).reshape(4, 4)
    >>> bool((conv_transpose_by_subpixel(x, k, stride=2, padding=1)
    ...       == conv_transpose2d(x, k, stride=2, padding=1)).all())
    True
    """
    b = batched(x, weight, 2, groups, transposed=True, name="conv_transpose_by_subpixel")
    s, p, a, _ = _params(2, stride, padding, output_padding, 1)
    (n, _, h, w), (kh, kw) = b.x.shape, b.weight.shape[2:]
    for args in zip((h, w), (kh, kw), s, p, a, strict=True):
        conv_transpose_output_size(*args)  # raises on an empty output
    full = ((h - 1) * s[0] + kh, (w - 1) * s[1] + kw)
    # every phase padded to the longest, (h + ceil(k / s) - 1) per axis
    ph, pw = h + -(-kh // s[0]) - 1, w + -(-kw // s[1]) - 1
    c_out = b.weight.shape[1] * b.groups
    shape = (n, c_out, s[0], s[1], ph, pw)
    check_elements(shape, "conv_transpose_by_subpixel: the phases", f"stride={stride!r}")
    phases = np.zeros(shape, dtype=b.weight.dtype)
    for r, row in enumerate(subpixel_kernels(b.weight, s)):
        for c, sub in enumerate(row):
            if sub.size:  # phase kernels past the kernel's size are empty: those phases stay 0
                out = conv_transpose_nd(
                    b.x, sub, 2, 1, 0, 0, 1, b.groups, "conv_transpose_by_subpixel"
                )
                phases[:, :, r, c, : out.shape[2], : out.shape[3]] = out
    if s[0] == s[1]:
        interleaved = pixel_shuffle(phases.reshape(n, c_out * s[0] * s[1], ph, pw), s[0])
    else:  # pixel_shuffle is square; interleave by axes
        interleaved = phases.transpose(0, 1, 4, 2, 5, 3).reshape(n, c_out, ph * s[0], pw * s[1])
    full_out = interleaved[..., : full[0], : full[1]]
    out = pad_or_crop(full_out, [(-pi, ai - pi) for pi, ai in zip(p, a, strict=True)])
    return b.restore(np.ascontiguousarray(out))
