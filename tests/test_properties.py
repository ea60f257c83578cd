"""Laws that tie the routes together, over random shapes and parameters."""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st
from strategies import Config, configs, int_array

import transposed_conv as tc
from transposed_conv import reference


def _arrays(draw: st.DrawFn, cfg: Config) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x for the convolution, its weight, and y shaped like the convolution's output."""
    c_in, c_out = cfg.groups * cfg.cin_g, cfg.groups * cfg.cout_g
    x = int_array(draw, (cfg.n, c_in, *cfg.size))
    w = int_array(draw, (c_out, cfg.cin_g, *cfg.kernel))
    out = tuple(
        tc.conv_output_size(n, k, s, p, d)
        for n, k, s, p, d in zip(
            cfg.size, cfg.kernel, cfg.stride, cfg.padding, cfg.dilation, strict=True
        )
    )
    y = int_array(draw, (cfg.n, c_out, *out))
    return x, w, y


def _recovering_padding(cfg: Config) -> tuple[int, ...]:
    return tuple(
        tc.output_padding_for(n, k, s, p, d)
        for n, k, s, p, d in zip(
            cfg.size, cfg.kernel, cfg.stride, cfg.padding, cfg.dilation, strict=True
        )
    )


@st.composite
def problems(
    draw: st.DrawFn, *, square: bool = False
) -> tuple[Config, np.ndarray, np.ndarray, np.ndarray]:
    """A configuration, x, weight and y; the recovering output_padding is always < stride."""
    cfg = draw(configs(square=square))
    return (cfg, *_arrays(draw, cfg))


@given(problems(square=True))
def test_conv2d_equals_reference_loops(problem):
    cfg, x, w, _ = problem
    expected = reference.conv2d(x, w, cfg.stride[0], cfg.padding[0], cfg.dilation[0], cfg.groups)
    np.testing.assert_array_equal(tc.conv2d(x, w, **cfg.conv_kwargs), expected)


@given(problems(square=True))
def test_conv_transpose2d_equals_reference_loops(problem):
    cfg, _, w, y = problem
    a = _recovering_padding(cfg)
    assume(a[0] == a[1])
    expected = reference.conv_transpose2d(
        y, w, cfg.stride[0], cfg.padding[0], a[0], cfg.dilation[0], cfg.groups
    )
    got = tc.conv_transpose2d(y, w, output_padding=a, **cfg.conv_kwargs)
    np.testing.assert_array_equal(got, expected)


@given(problems())
def test_adjointness(problem):
    """<conv(x), y> == <x, conv_transpose(y)>: the transposed convolution is the adjoint."""
    cfg, x, w, y = problem
    a = _recovering_padding(cfg)
    lhs = np.vdot(tc.conv2d(x, w, **cfg.conv_kwargs), y)
    back = tc.conv_transpose2d(y, w, output_padding=a, **cfg.conv_kwargs)
    assert back.shape == x.shape
    assert lhs == np.vdot(x, back)


@given(problems())
def test_three_routes_agree(problem):
    """Scatter-add, zero insertion with the flipped kernel, and C.T agree."""
    cfg, _, w, y = problem
    a = _recovering_padding(cfg)
    scatter = tc.conv_transpose2d(y, w, output_padding=a, **cfg.conv_kwargs)
    zeros = tc.conv_transpose_by_zero_insertion(y, w, output_padding=a, **cfg.conv_kwargs)
    np.testing.assert_array_equal(zeros, scatter)
    if cfg.groups == 1:
        c = tc.convolution_matrix(
            (w.shape[1], *cfg.size),
            w,
            stride=cfg.stride,
            padding=cfg.padding,
            dilation=cfg.dilation,
        )
        for n in range(cfg.n):
            np.testing.assert_array_equal(c.T @ y[n].ravel(), scatter[n].ravel())


@given(problems())
def test_matrix_times_x_is_conv(problem):
    cfg, x, w, _ = problem
    assume(cfg.groups == 1)
    c = tc.convolution_matrix(
        x.shape[1:], w, stride=cfg.stride, padding=cfg.padding, dilation=cfg.dilation
    )
    expected = tc.conv2d(x, w, **cfg.conv_kwargs)
    for n in range(cfg.n):
        np.testing.assert_array_equal(c @ x[n].ravel(), expected[n].ravel())


@given(problems(square=True))
def test_matrix_equals_reference_loops(problem):
    cfg, _, w, _ = problem
    s, p, d = cfg.stride[0], cfg.padding[0], cfg.dilation[0]
    np.testing.assert_array_equal(
        tc.convolution_matrix(cfg.size, w[0, 0], stride=s, padding=p, dilation=d),
        reference.convolution_matrix(cfg.size, w[0, 0], s, p, d),
    )


@given(
    st.integers(1, 9),
    st.integers(1, 5),
    st.integers(1, 4),
    st.integers(0, 4),
    st.integers(0, 3),
    st.integers(1, 3),
)
def test_size_formulas_match_shapes(n, k, s, p, a, d):
    assume(a < max(s, d))
    x = np.ones(n)
    try:
        size = tc.conv_transpose_output_size(n, k, s, p, a, d)
    except ValueError:
        return
    assert tc.conv_transpose1d(
        x, np.ones(k), stride=s, padding=p, output_padding=a, dilation=d
    ).shape == (size,)
    if n + 2 * p >= d * (k - 1) + 1:
        out = tc.conv_output_size(n, k, s, p, d)
        assert tc.conv1d(x, np.ones(k), stride=s, padding=p, dilation=d).shape == (out,)
        back = tc.conv_transpose_output_size(out, k, s, p, tc.output_padding_for(n, k, s, p, d), d)
        assert back == n


@given(st.integers(1, 4), st.integers(3, 9), st.integers(3, 9), st.integers(0, 2**32 - 1))
def test_bilinear_kernel_is_bilinear_upsampling_in_the_interior(f, h, w, seed):
    x = np.random.default_rng(seed).standard_normal((h, w))
    up = tc.conv_transpose2d(x, tc.bilinear_kernel(f), stride=f, padding=f // 2)
    assert up.shape == (f * h, f * w)
    ref = tc.interpolate(x, f, "bilinear")
    np.testing.assert_allclose(up[f:-f, f:-f], ref[f:-f, f:-f], atol=1e-12)


@given(problems())
def test_1d_equals_2d_with_unit_height(problem):
    """conv1d/conv_transpose1d are the 2-D functions on a one-row input."""
    cfg, x, w, y = problem
    s, p, d, a = cfg.stride[1], cfg.padding[1], cfg.dilation[1], _recovering_padding(cfg)[1]
    x1, w1, y1 = x[:, :, :1], w[:, :, :1], y[:, :, :1]
    two_d = {"stride": (1, s), "padding": (0, p), "dilation": (1, d), "groups": cfg.groups}
    one_d = {"stride": s, "padding": p, "dilation": d, "groups": cfg.groups}
    np.testing.assert_array_equal(
        tc.conv1d(x1[:, :, 0], w1[:, :, 0], **one_d), tc.conv2d(x1, w1, **two_d)[:, :, 0]
    )
    np.testing.assert_array_equal(
        tc.conv_transpose1d(y1[:, :, 0], w1[:, :, 0], output_padding=a, **one_d),
        tc.conv_transpose2d(y1, w1, output_padding=(0, a), **two_d)[:, :, 0],
    )
