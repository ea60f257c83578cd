"""The sub-pixel view, the framework conventions and the gradient view, on values."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import transposed_conv as tc


@given(
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(1, 5),
    st.integers(1, 5),
    st.integers(0, 3),
    st.integers(0, 2**32 - 1),
    st.integers(1, 3),
)
def test_subpixel_route_equals_conv_transpose(s0, s1, kh, kw, p, seed, groups):
    rng = np.random.default_rng(seed)
    x = rng.integers(-5, 6, (2, 2 * groups, 4, 3))
    w = rng.integers(-5, 6, (2 * groups, 2, kh, kw))
    a = (int(rng.integers(0, s0)), int(rng.integers(0, s1)))
    kw_ = {"stride": (s0, s1), "padding": p, "output_padding": a, "groups": groups}
    try:
        expected = tc.conv_transpose2d(x, w, **kw_)
    except ValueError:
        with pytest.raises(ValueError, match="empty output"):
            tc.conv_transpose_by_subpixel(x, w, **kw_)
        return
    np.testing.assert_array_equal(tc.conv_transpose_by_subpixel(x, w, **kw_), expected)


def test_phases_are_stride_1_transposed_convolutions():
    x, k = np.arange(9).reshape(3, 3), np.arange(1, 17).reshape(4, 4)
    full = tc.conv_transpose2d(x, k, stride=2)
    for r, row in enumerate(tc.subpixel_kernels(k, 2)):
        for c, sub in enumerate(row):
            np.testing.assert_array_equal(full[r::2, c::2], tc.conv_transpose2d(x, sub))


def test_pixel_shuffle_layout():
    x = np.arange(2 * 9 * 2 * 3).reshape(2 * 9, 2, 3)  # C=2, f=3
    out = tc.pixel_shuffle(x, 3)
    assert out.shape == (2, 6, 9)
    for c in range(2):
        for i in range(3):
            for j in range(3):
                np.testing.assert_array_equal(out[c, i::3, j::3], x[c * 9 + i * 3 + j])
    with pytest.raises(ValueError, match=r"x must be \(\.\.\., C \* 4, H, W\)"):
        tc.pixel_shuffle(np.ones((3, 2, 2)), 2)
    with pytest.raises(ValueError, match="factor must be a positive int"):
        tc.pixel_shuffle(np.ones((4, 2, 2)), 0)


def tf_conv2d(x: np.ndarray, w: np.ndarray, stride: int, padding: str) -> np.ndarray:
    """TensorFlow's conv2d from its documented padding rule: SAME puts the odd zero last."""
    pads = []
    for n, k in zip(x.shape[-2:], w.shape[-2:], strict=True):
        if padding == "SAME":
            out = -(-n // stride)
            total = max((out - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        else:
            pads.append((0, 0))
    return tc.conv2d(np.pad(x, pads), w, stride=stride)


@pytest.mark.parametrize(
    ("n", "k", "s", "padding"),
    [
        (8, 3, 2, "SAME"),
        (8, 4, 2, "SAME"),
        (7, 3, 2, "SAME"),
        (9, 5, 3, "SAME"),
        (5, 2, 2, "SAME"),
        (9, 3, 2, "VALID"),
        (10, 3, 2, "VALID"),
        (7, 4, 3, "VALID"),
        (6, 1, 2, "VALID"),
    ],
    ids=str,
)
def test_tf_conv2d_transpose_is_the_adjoint_of_tf_conv2d(n, k, s, padding):
    """TensorFlow defines conv2d_transpose as the gradient (adjoint) of its conv2d."""
    rng = np.random.default_rng(n * 100 + k * 10 + s)
    x = rng.integers(-5, 6, (n, n))
    w = rng.integers(-5, 6, (k, k))
    y = rng.integers(-5, 6, tf_conv2d(x, w, s, padding).shape)
    back = tc.conv_transpose2d_tf(y, w, (n, n), stride=s, padding=padding)
    assert back.shape == (n, n)
    assert np.vdot(tf_conv2d(x, w, s, padding), y) == np.vdot(x, back)
    # adjointness on every basis vector pins the map down completely: back == C.T @ y
    c = np.stack(
        [tf_conv2d(e.reshape(n, n), w, s, padding).ravel() for e in np.eye(n * n, dtype=int)],
        axis=1,
    )
    np.testing.assert_array_equal(back.ravel(), c.T @ y.ravel())


def test_tf_same_differs_from_pytorch_by_one_pixel_when_the_pad_is_odd():
    x, w = np.arange(1, 17).reshape(4, 4), np.arange(1, 10).reshape(3, 3)
    tf = tc.conv_transpose2d_tf(x, w, (8, 8), stride=2, padding="SAME")
    torch_like = tc.conv_transpose2d(x, w, stride=2, padding=1, output_padding=1)
    assert tf.shape == torch_like.shape == (8, 8)
    assert not np.array_equal(tf, torch_like)
    full = tc.conv_transpose2d(x, w, stride=2)  # 9x9 before any crop
    np.testing.assert_array_equal(tf, full[:8, :8])  # TF drops the last row and column
    np.testing.assert_array_equal(torch_like, full[1:, 1:])  # PyTorch drops the first


def keras_length(n: int, k: int, s: int, padding: str, output_padding: int | None) -> int:
    """Keras' deconv_output_length (keras/src/utils/conv_utils.py), dilation 1."""
    if output_padding is None:
        return n * s if padding == "same" else n * s + max(k - s, 0)
    pad = k // 2 if padding == "same" else 0
    return (n - 1) * s + k - 2 * pad + output_padding


@pytest.mark.parametrize("padding", ["same", "valid"])
@pytest.mark.parametrize(("k", "s"), [(3, 2), (4, 2), (2, 2), (5, 3), (1, 2), (3, 1)])
@pytest.mark.parametrize("output_padding", [None, 0, 1])
def test_keras_params_give_keras_sizes_and_values(padding, k, s, output_padding):
    n = 4
    if output_padding is not None and output_padding >= s:
        with pytest.raises(ValueError, match="output_padding"):
            tc.keras_conv_transpose_params(k, s, padding, output_padding)
        return
    p, a, crop = tc.keras_conv_transpose_params(k, s, padding, output_padding, input_size=n)
    x = np.random.default_rng(k * s).integers(-5, 6, (n, n))
    w = np.random.default_rng(k + s).integers(-5, 6, (k, k))
    out = tc.pad_or_crop(
        tc.conv_transpose2d(x, w, stride=s, padding=p, output_padding=a), [(0, -crop)] * 2
    )
    assert out.shape == (keras_length(n, k, s, padding, output_padding),) * 2
    full = tc.conv_transpose2d(x, w, stride=s)
    size = out.shape[0]
    if padding == "same" and output_padding == 0 and k % 2 == 0:
        # TensorFlow rejects this length (its conv2d maps it to n - 1); Keras's JAX
        # and torch backends crop k // 2 from each side
        assert -(-size // s) != n
        start = p
        expected = tc.pad_or_crop(full, [(-start, size - full.shape[0] + start)] * 2)
        np.testing.assert_array_equal(out, expected)
    else:  # Keras follows TensorFlow: the adjoint of its SAME/VALID conv2d of that size
        np.testing.assert_array_equal(
            out, tc.conv_transpose2d_tf(x, w, (size, size), stride=s, padding=padding.upper())
        )


def tf_conv1d(x: np.ndarray, w: np.ndarray, stride: int, padding: str) -> np.ndarray:
    """TensorFlow's 1-D convolution from its documented rule, one window at a time."""
    n, k = len(x), len(w)
    if padding == "SAME":
        out = -(-n // stride)
        total = max((out - 1) * stride + k - n, 0)
        x = np.pad(x, (total // 2, total - total // 2))
    else:
        out = -(-(n - k + 1) // stride)
    return np.array([np.dot(x[i * stride : i * stride + k], w) for i in range(max(out, 0))])


KERAS_CONFIGS = [
    (padding, k, s, n, a)
    for padding in ("same", "valid")
    for k in range(1, 6)
    for s in range(1, 5)
    for n in range(1, 7)
    for a in range(s)
]


def test_keras_output_padding_is_the_adjoint_of_tf_conv_on_every_small_configuration():
    """Keras: length (n-1)s + k - 2 pad + a, then TF's transposed conv of that length."""
    checked = fallback = 0
    for padding, k, s, n, a in KERAS_CONFIGS:
        length = keras_length(n, k, s, padding, a)
        if length < 1:
            continue
        p, out_pad, crop = tc.keras_conv_transpose_params(k, s, padding, a)
        assert min(p, out_pad, crop) >= 0
        assert out_pad < s
        rng = np.random.default_rng(len(KERAS_CONFIGS) + checked)
        w = rng.integers(-5, 6, k)
        y = rng.integers(-5, 6, n)
        out = tc.pad_or_crop(
            tc.conv_transpose1d(y, w, stride=s, padding=p, output_padding=out_pad), [(0, -crop)]
        )
        assert out.shape == (length,)
        basis = np.eye(length, dtype=int)
        c = np.stack([tf_conv1d(e, w, s, padding.upper()) for e in basis], axis=1)
        if c.shape[0] != n:
            # TensorFlow rejects this length: only 'same', even k, output_padding 0
            assert (padding, k % 2, a) == ("same", 0, 0)
            assert (p, out_pad, crop) == (k // 2, 0, 0)
            fallback += 1
            continue
        np.testing.assert_array_equal(out, c.T @ y)
        checked += 1
    assert fallback > 0
    assert checked + fallback > 500


@pytest.mark.parametrize(
    "call",
    [
        lambda: tc.tf_conv_transpose_padding(8, 4, 3, 0, "SAME"),
        lambda: tc.tf_conv_transpose_padding(8, 4, 0, 2, "VALID"),
        lambda: tc.tf_conv_transpose_padding(8, 4, -3, 2, "SAME"),
        lambda: tc.tf_conv_transpose_padding(8, 4, 3, -2, "VALID"),
        lambda: tc.keras_conv_transpose_params(3, 0, "same", input_size=4),
        lambda: tc.keras_conv_transpose_params(3, 0, "same", output_padding=0),
        lambda: tc.keras_conv_transpose_params(0, 2, "valid", input_size=4),
        lambda: tc.keras_conv_transpose_params(-1, 2, "same", output_padding=1),
        lambda: tc.conv_transpose2d_tf(
            np.ones((4, 4)), np.ones((3, 3)), (8, 8), stride=0, padding="SAME"
        ),
        lambda: tc.conv_transpose2d_tf(
            np.ones((4, 4)), np.ones((3, 3)), (8, 8), stride=-2, padding="VALID"
        ),
    ],
    ids=range(10),
)
def test_convention_helpers_refuse_non_positive_kernels_and_strides(call):
    with pytest.raises(ValueError, match=r"(k|stride) must be positive, got -?\d"):
        call()


@pytest.mark.parametrize("padding", ["SAME", "VALID"])
def test_tf_padding_is_never_negative_nor_output_padding_beyond_stride(padding):
    for n, o, k, s in itertools.product(range(1, 10), range(1, 10), range(1, 6), range(1, 5)):
        try:
            result = tc.tf_conv_transpose_padding(n, o, k, s, padding)
        except ValueError:
            continue
        assert min(result) >= 0
        assert result[1] < s


def test_convention_errors():
    with pytest.raises(ValueError, match="padding must be 'SAME' or 'VALID'"):
        tc.tf_conv_transpose_padding(8, 4, 3, 2, "same")
    with pytest.raises(ValueError, match="output_size=9 does not map to input_size=4"):
        tc.tf_conv_transpose_padding(9, 4, 3, 2, "SAME")
    with pytest.raises(ValueError, match="padding must be 'same' or 'valid'"):
        tc.keras_conv_transpose_params(3, 2, "full")
    with pytest.raises(ValueError, match="input_size is required"):
        tc.keras_conv_transpose_params(3, 2, "same")


def test_transposed_convolution_is_the_gradient_of_the_convolution():
    """d/dx <conv2d(x, w), y> = conv_transpose2d(y, w), by finite differences."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((2, 5, 6))
    w = rng.standard_normal((3, 2, 3, 2))
    y = rng.standard_normal(tc.conv2d(x, w, stride=2, padding=1).shape)
    numeric = tc.numerical_gradient(
        lambda v: float(np.vdot(tc.conv2d(v, w, stride=2, padding=1), y)), x
    )
    a = tuple(
        tc.output_padding_for(n, k, 2, 1) for n, k in zip(x.shape[1:], w.shape[2:], strict=True)
    )
    analytic = tc.conv_transpose2d(y, w, stride=2, padding=1, output_padding=a)
    np.testing.assert_allclose(numeric, analytic, atol=1e-7)
    with pytest.raises(ValueError, match="eps must be positive"):
        tc.numerical_gradient(float, x, eps=0)


def test_tf_transpose_checks_its_arrays():
    with pytest.raises(ValueError, match=r"x and weight need two spatial axes, got shapes \(4,\)"):
        tc.conv_transpose2d_tf(np.ones(4), np.ones((3, 3)), (8, 8), stride=2, padding="SAME")
    with pytest.raises(TypeError, match="x must hold real integers or floats"):
        tc.conv_transpose2d_tf(
            np.ones((4, 4), dtype=complex), np.ones((3, 3)), (8, 8), stride=2, padding="SAME"
        )


def test_output_padding_for_is_the_floors_remainder():
    for n, k, s, p, d in [(5, 3, 2, 1, 1), (6, 3, 2, 1, 1), (1, 1, 3, 1, 1), (9, 2, 4, 0, 3)]:
        a = tc.output_padding_for(n, k, s, p, d)
        assert a == (n + 2 * p - d * (k - 1) - 1) % s
        assert tc.conv_transpose_output_size(tc.conv_output_size(n, k, s, p, d), k, s, p, a, d) == n
