"""Output-size arithmetic of convolution and transposed convolution, per axis."""

from __future__ import annotations

from ._validation import as_int, bounded_int


def _checked(
    n: int, k: int, stride: int, padding: int, dilation: int, n_name: str = "n"
) -> tuple[int, ...]:
    return (
        bounded_int(n, n_name, 1),
        bounded_int(k, "k", 1),
        bounded_int(stride, "stride", 1),
        bounded_int(padding, "padding", 0),
        bounded_int(dilation, "dilation", 1),
    )


def conv_output_size(n: int, k: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """Length of a convolution's output along one axis.

    Parameters
    ----------
    n : int
        Input length ``i`` (the letters are those of :doc:`/notation`).
    k : int
        Kernel length.
    stride, padding, dilation : int
        As in :func:`conv2d`; ``padding`` is added on both ends.

    Returns
    -------
    int
        ``o = floor((i + 2p - d(k - 1) - 1) / s) + 1``.

    Raises
    ------
    ValueError
        If a size is not positive, or the dilated kernel is longer than the
        padded input (the output would be empty).

    Notes
    -----
    The formula is Dumoulin & Visin's relationship 6 with dilation added:
    the dilated kernel spans ``d(k - 1) + 1`` samples, and the floor drops the
    input samples that the last stride cannot reach.

    Examples
    --------
    >>> conv_output_size(4, 3)  # the walk-through's 4x4 input, 3x3 kernel
    2
    >>> conv_output_size(5, 3, stride=2, padding=1)
    3
    >>> conv_output_size(6, 3, stride=2, padding=1)  # the floor at work
    3
    """
    n, k, s, p, d = _checked(n, k, stride, padding, dilation)
    return _conv_size(n, k, s, p, d, "n")


def _conv_size(n: int, k: int, s: int, p: int, d: int, n_name: str) -> int:
    span = n + 2 * p - d * (k - 1) - 1
    if span < 0:
        msg = (
            f"empty output: the dilated kernel (k={k}, dilation={d}: {d * (k - 1) + 1} "
            f"samples) is longer than the padded input ({n_name}={n}, padding={p})"
        )
        raise ValueError(msg)
    return span // s + 1


def check_output_padding(output_padding: int, stride: int, dilation: int) -> None:
    """Raise unless ``0 <= output_padding < max(stride, dilation)`` (PyTorch's rule)."""
    if output_padding < 0:
        msg = f"output_padding must be non-negative, got {output_padding!r}"
        raise ValueError(msg)
    if output_padding >= max(stride, dilation):
        msg = (
            f"output_padding must be smaller than either stride or dilation, got "
            f"output_padding={output_padding}, stride={stride}, dilation={dilation}"
        )
        raise ValueError(msg)


def conv_transpose_output_size(
    n: int,
    k: int,
    stride: int = 1,
    padding: int = 0,
    output_padding: int = 0,
    dilation: int = 1,
) -> int:
    """Length of a transposed convolution's output along one axis.

    Parameters
    ----------
    n : int
        Input length ``i'`` (the length ``o`` of the convolution's output it maps back from).
    k : int
        Kernel length.
    stride, padding, output_padding, dilation : int
        As in :func:`conv_transpose2d`.

    Returns
    -------
    int
        ``o' = (i' - 1) s - 2p + d(k - 1) + a + 1``, with ``a = output_padding``.

    Raises
    ------
    ValueError
        If a size is not positive, ``output_padding >= max(stride, dilation)``,
        or the padding crops the whole output away.

    Notes
    -----
    A convolution with stride ``s`` maps ``s`` different input lengths to the
    same output length; ``output_padding`` picks which one the transposed
    convolution returns (see :func:`output_padding_for`).

    Examples
    --------
    >>> conv_transpose_output_size(2, 3)  # 2x2 back to the walk-through's 4x4
    4
    >>> conv_transpose_output_size(4, 4, stride=2, padding=1)  # a decoder's 2x up-sampling
    8
    >>> conv_transpose_output_size(3, 3, stride=2, padding=1, output_padding=1)
    6
    """
    n, k, s, p, d = _checked(n, k, stride, padding, dilation)
    a = as_int(output_padding, "output_padding")
    check_output_padding(a, s, d)
    size = (n - 1) * s - 2 * p + d * (k - 1) + a + 1
    if size < 1:
        full = size + 2 * p
        what = "the only sample" if full == 1 else f"all {full} samples"
        msg = f"empty output: padding={p} crops {what} of the output"
        raise ValueError(msg)
    return size


def output_padding_for(
    input_size: int, k: int, stride: int = 1, padding: int = 0, dilation: int = 1
) -> int:
    """The ``output_padding`` with which a transposed convolution recovers ``input_size``.

    Parameters
    ----------
    input_size : int
        Length ``i`` of the convolution's input.
    k, stride, padding, dilation : int
        The convolution's parameters, shared by its transposed counterpart.

    Returns
    -------
    int
        ``a = (i + 2p - d(k - 1) - 1) mod s``, always smaller than ``stride``.

    Examples
    --------
    >>> output_padding_for(5, 3, stride=2, padding=1)  # 5 -> 3 -> 5: nothing to add
    0
    >>> output_padding_for(6, 3, stride=2, padding=1)  # 6 -> 3 -> 5 without it
    1
    """
    n, k, s, p, d = _checked(input_size, k, stride, padding, dilation, "input_size")
    _conv_size(n, k, s, p, d, "input_size")  # raises on an empty output
    return (n + 2 * p - d * (k - 1) - 1) % s
