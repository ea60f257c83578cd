"""Other frameworks' transposed-convolution conventions, in this package's parameters."""

from __future__ import annotations

from typing import Any

import numpy.typing as npt

from ._arithmetic import check_output_padding
from ._transpose import conv_transpose2d, pad_or_crop
from ._validation import as_int, bounded_int, check_elements, choice, ints, numeric_array


def tf_conv_transpose_padding(
    output_size: int, input_size: int, k: int, stride: int, padding: str
) -> tuple[int, int, int]:
    """Translate TensorFlow's ``conv2d_transpose`` sizes into ``(padding, output_padding, crop_end)``.

    TensorFlow asks for the ``output_shape`` and a padding mode, and computes
    the adjoint of its own ``conv2d`` of that shape. SAME pads that ``conv2d`` by
    ``max((i' - 1) s + k - o', 0)`` in total, the odd sample at the end, which
    PyTorch's symmetric ``padding`` cannot express: then ``crop_end`` is 1,
    the last row/column to drop after ``conv_transpose2d``. When ``k < s`` the
    total is negative and ``output_padding`` supplies the missing samples.

    Parameters
    ----------
    output_size : int
        TensorFlow's ``output_shape`` along this axis: ``o'``, the length of
        the forward convolution's input.
    input_size : int
        The transposed convolution's input length ``i'``.
    k, stride : int
        Kernel size and stride (dilation 1).
    padding : {'SAME', 'VALID'}

    Returns
    -------
    padding, output_padding, crop_end : int

    Raises
    ------
    ValueError
        If ``output_size`` is not one that TensorFlow's ``conv2d`` maps to
        ``input_size``, or a size, ``k`` or ``stride`` is not positive.

    Notes
    -----
    The results are never negative, and ``output_padding < stride``: the
    forward convolution of ``output_size`` samples must give ``input_size``
    outputs, which leaves fewer than ``stride`` samples unread.

    Examples
    --------
    >>> tf_conv_transpose_padding(8, 4, 3, 2, "SAME")  # total pad 1: odd, one-sided
    (0, 0, 1)
    >>> tf_conv_transpose_padding(8, 4, 4, 2, "SAME")  # total pad 2: PyTorch's padding=1
    (1, 0, 0)
    >>> tf_conv_transpose_padding(9, 4, 3, 2, "VALID")
    (0, 0, 0)
    """
    n, o = bounded_int(output_size, "output_size", 1), bounded_int(input_size, "input_size", 1)
    k, s = bounded_int(k, "k", 1), bounded_int(stride, "stride", 1)
    choice(padding, "padding", ("SAME", "VALID"))
    if padding == "SAME":
        expected = -(-n // s)
        total = (o - 1) * s + k - n  # negative when k < s: the output needs extra samples
        before = max(total, 0) // 2
        result = (before, max(-total, 0), max(total, 0) - 2 * before)
    elif padding == "VALID":
        expected = -(-(n - k + 1) // s)
        result = (0, n - ((o - 1) * s + k), 0)
    else:
        msg = f"padding must be 'SAME' or 'VALID', got {padding!r}"
        raise ValueError(msg)
    if o != expected or result[1] < 0:
        msg = (
            f"output_size={n} does not map to input_size={o} with k={k}, stride={s}, "
            f"padding={padding!r}: TensorFlow's conv2d maps output_size to input_size "
            f"{expected}"
        )
        raise ValueError(msg)
    return result


def conv_transpose2d_tf(
    x: Any,
    weight: Any,
    output_shape: tuple[int, int],
    *,
    stride: int,
    padding: str,
) -> npt.NDArray[Any]:
    """TensorFlow's ``conv2d_transpose`` semantics on this package's layouts.

    Parameters
    ----------
    x : (H, W), (C_in, H, W) or (N, C_in, H, W) array_like
    weight : (kH, kW) or (C_in, C_out, kH, kW) array_like
        This package's (PyTorch's) layout; TensorFlow's filters
        ``(kH, kW, C_out, C_in)`` are ``weight.transpose(2, 3, 1, 0)``.
    output_shape : (H_out, W_out)
    stride : int
    padding : {'SAME', 'VALID'}

    Returns
    -------
    ndarray
        Spatial shape ``output_shape``.

    Examples
    --------
    >>> import numpy as np
    >>> conv_transpose2d_tf(np.ones((4, 4)), np.ones((3, 3)), (8, 8), stride=2, padding="SAME").shape
    (8, 8)
    """
    w, arr = numeric_array(weight, "weight"), numeric_array(x, "x")
    if arr.ndim < 2 or w.ndim < 2:
        msg = f"x and weight need two spatial axes, got shapes {arr.shape} and {w.shape}"
        raise ValueError(msg)
    for array, name in ((arr, "x"), (w, "weight")):
        if 0 in array.shape:
            msg = f"{name} must have no empty axis, got shape {array.shape}"
            raise ValueError(msg)
    shape = ints(output_shape, "output_shape", 2, 1)
    try:
        args = [
            tf_conv_transpose_padding(n, o, k, stride, padding)
            for n, o, k in zip(shape, arr.shape[-2:], w.shape[-2:], strict=True)
        ]
    except ValueError as err:
        if "does not map" not in str(err):
            raise
        msg = (
            f"output_shape={output_shape!r} does not fit x's spatial shape {arr.shape[-2:]}: {err}"
        )
        raise ValueError(msg) from None
    out = conv_transpose2d(
        arr,
        w,
        stride=stride,
        padding=tuple(a[0] for a in args),
        output_padding=tuple(a[1] for a in args),
    )
    return pad_or_crop(out, [(0, -a[2]) for a in args])


def keras_conv_transpose_params(
    k: int,
    stride: int,
    padding: str,
    output_padding: int | None = None,
    input_size: int | None = None,
) -> tuple[int, int, int]:
    """Translate Keras ``Conv2DTranspose`` arguments into ``(padding, output_padding, crop_end)``.

    Keras computes TensorFlow's transposed convolution (the adjoint of
    TensorFlow's ``conv2d``, see :func:`tf_conv_transpose_padding`) of an
    output length that it chooses first (``deconv_output_length``):

    - without ``output_padding``, ``same`` makes ``i' s`` and ``valid``
      ``i' s + max(k - s, 0)``, for an input of length ``i'``;
    - with ``output_padding = a``, ``(i' - 1) s + k - 2 (k // 2) + a`` for
      ``same`` and ``(i' - 1) s + k + a`` for ``valid``. Keras uses ``a`` for this
      length only: ``same`` then pads as TensorFlow's SAME does, the odd sample
      at the end, not ``k // 2`` on each side as PyTorch's ``padding`` would.

    Parameters
    ----------
    k, stride : int
        Kernel size and stride (dilation 1), both positive.
    padding : {'same', 'valid'}
    output_padding : int, optional
        Smaller than ``stride``, as Keras requires.
    input_size : int, optional
        Needed when ``output_padding`` is None (it sets the TensorFlow sizes).

    Returns
    -------
    padding, output_padding, crop_end : int
        Never negative; ``output_padding < stride``.

    Raises
    ------
    ValueError
        Bad ``padding``, a non-positive ``k`` or ``stride``, ``output_padding``
        outside ``[0, stride)``, or ``input_size`` missing when it is needed.

    Notes
    -----
    With ``same``, an even ``k`` and ``output_padding=0`` the length
    ``(i' - 1) s`` is one that TensorFlow's ``conv2d`` maps back to ``i' - 1``
    inputs, not ``i'``: Keras on TensorFlow raises there. Keras's JAX and torch
    backends pad ``k // 2`` on each side instead, and so does this function:
    ``(k // 2, 0, 0)``.

    Examples
    --------
    >>> keras_conv_transpose_params(3, 2, "same", input_size=4)  # TF SAME: one-sided
    (0, 0, 1)
    >>> keras_conv_transpose_params(3, 2, "same", output_padding=1)  # length 2n, TF SAME
    (0, 0, 1)
    >>> keras_conv_transpose_params(4, 2, "same", output_padding=1)  # total pad 1: odd
    (1, 0, 1)
    >>> keras_conv_transpose_params(4, 2, "same", output_padding=0)  # TF raises; JAX, torch
    (2, 0, 0)
    """
    k, s = bounded_int(k, "k", 1), bounded_int(stride, "stride", 1)
    choice(padding, "padding", ("same", "valid"))
    if output_padding is not None:
        a = as_int(output_padding, "output_padding")
        check_output_padding(a, s, 1)  # Keras's rule too: 0 <= output_padding < stride
        if padding == "valid":
            return 0, a, 0  # length (n - 1) s + k + a: TF VALID's output_padding is a
        if k % 2 == 0 and a == 0:
            return k // 2, 0, 0  # TensorFlow rejects this length; JAX and torch pad k // 2
        # length (n - 1) s + k - 2 (k // 2) + a: TF SAME pads 2 (k // 2) - a in total
        total = 2 * (k // 2) - a
        before = max(total, 0) // 2
        return before, max(-total, 0), max(total, 0) - 2 * before
    if input_size is None:
        msg = "input_size is required when output_padding is None"
        raise ValueError(msg)
    n_in = bounded_int(input_size, "input_size", 1)
    size = n_in * s if padding == "same" else n_in * s + max(k - s, 0)
    check_elements((size,), "the output", f"input_size={input_size!r}, stride={stride!r}")
    return tf_conv_transpose_padding(size, n_in, k, s, padding.upper())
