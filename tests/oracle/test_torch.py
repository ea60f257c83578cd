"""Cross-check against PyTorch (CPU, float64): ``nox -s oracle``.

Configurations are drawn at random, valid and invalid alike: where PyTorch
computes a result ours must equal it, and where PyTorch refuses the call ours
must raise ``ValueError`` (never return an array).
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import transposed_conv as tc

torch = pytest.importorskip("torch")
F = torch.nn.functional

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@st.composite
def calls(draw: st.DrawFn, nsp: int) -> dict:
    """Arguments for a (possibly invalid) convolution with ``nsp`` spatial axes."""
    groups = draw(st.integers(1, 3))
    cin_g, cout_g = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    c_in = groups * cin_g + draw(st.sampled_from([0, 0, 0, 0, 1]))  # sometimes mismatched

    def tup(lo: int, hi: int) -> tuple[int, ...]:
        return tuple(draw(st.integers(lo, hi)) for _ in range(nsp))

    return {
        "n": draw(st.integers(1, 2)),
        "c_in": c_in,
        "groups": groups,
        "cin_g": cin_g,
        "cout_g": cout_g,
        "size": tup(1, 8),
        "kernel": tup(1, 4),
        "stride": tup(0 if draw(st.integers(0, 9)) == 0 else 1, 3),
        "padding": tup(-1 if draw(st.integers(0, 9)) == 0 else 0, 3),
        "dilation": tup(1, 3),
        "output_padding": tup(0, 3),
        "seed": draw(st.integers(0, 2**32 - 1)),
    }


def _torch_or_error(fn, *args, **kwargs):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn(*args, **kwargs).numpy()
    except (RuntimeError, ValueError):
        return None


@settings(max_examples=400)
@given(calls(2) | calls(1))
def test_conv_transpose_matches_torch(c):
    nsp = len(c["size"])
    rng = np.random.default_rng(c["seed"])
    x = rng.standard_normal((c["n"], c["c_in"], *c["size"]))
    w = rng.standard_normal((c["groups"] * c["cin_g"], c["cout_g"], *c["kernel"]))
    kw = {k: c[k] for k in ("stride", "padding", "output_padding", "dilation", "groups")}
    torch_fn = F.conv_transpose2d if nsp == 2 else F.conv_transpose1d
    ours = tc.conv_transpose2d if nsp == 2 else tc.conv_transpose1d
    expected = _torch_or_error(torch_fn, torch.from_numpy(x), torch.from_numpy(w), **kw)
    for fn in (ours, tc.conv_transpose_by_zero_insertion):
        if expected is None:
            with pytest.raises(ValueError):  # noqa: PT011 - any message; it must refuse
                fn(x, w, **kw)
        else:
            np.testing.assert_allclose(fn(x, w, **kw), expected, rtol=1e-10, atol=1e-10)


@settings(max_examples=400)
@given(calls(2) | calls(1), st.sampled_from([None, None, None, "same", "valid"]))
def test_conv_matches_torch(c, mode):
    nsp = len(c["size"])
    rng = np.random.default_rng(c["seed"])
    x = rng.standard_normal((c["n"], c["c_in"], *c["size"]))
    w = rng.standard_normal((c["groups"] * c["cout_g"], c["cin_g"], *c["kernel"]))
    kw = {k: c[k] for k in ("stride", "padding", "dilation", "groups")}
    if mode is not None:
        kw["padding"] = mode
    torch_fn = F.conv2d if nsp == 2 else F.conv1d
    ours = tc.conv2d if nsp == 2 else tc.conv1d
    expected = _torch_or_error(torch_fn, torch.from_numpy(x), torch.from_numpy(w), **kw)
    if expected is None:
        with pytest.raises(ValueError):  # noqa: PT011 - any message; it must refuse
            ours(x, w, **kw)
    else:
        np.testing.assert_allclose(ours(x, w, **kw), expected, rtol=1e-10, atol=1e-10)


@pytest.mark.parametrize("layout", ["single", "unbatched"])
def test_unbatched_layouts_match_torch(layout):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 6, 5))
    w = rng.standard_normal((3, 2, 3, 2))
    if layout == "single":
        x, w = x[0], w[0, 0]
        expected = F.conv_transpose2d(
            torch.from_numpy(x)[None, None], torch.from_numpy(w)[None, None], stride=2
        )[0, 0]
    else:
        expected = F.conv_transpose2d(torch.from_numpy(x), torch.from_numpy(w), stride=2)
    np.testing.assert_allclose(tc.conv_transpose2d(x, w, stride=2), expected.numpy(), atol=1e-12)


def test_float32_stays_float32_and_close():
    rng = np.random.default_rng(1)
    x = rng.standard_normal((2, 8, 6, 6)).astype(np.float32)
    w = rng.standard_normal((8, 4, 4, 4)).astype(np.float32)
    ours = tc.conv_transpose2d(x, w, stride=2, padding=1)
    assert ours.dtype == np.float32
    expected = F.conv_transpose2d(
        torch.from_numpy(x), torch.from_numpy(w), stride=2, padding=1
    ).numpy()
    np.testing.assert_allclose(ours, expected, rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("mode", ["nearest", "bilinear", "bicubic"])
@pytest.mark.parametrize("factor", [1, 2, 3, 4])
def test_interpolate_matches_torch(mode, factor):
    x = np.random.default_rng(factor).standard_normal((2, 3, 5, 7))
    extra = {} if mode == "nearest" else {"align_corners": False}
    expected = F.interpolate(torch.from_numpy(x), scale_factor=factor, mode=mode, **extra).numpy()
    np.testing.assert_allclose(tc.interpolate(x, factor, mode), expected, atol=1e-12)


@pytest.mark.parametrize("factor", [2, 3, 4])
def test_bilinear_kernel_matches_torch_bilinear(factor):
    x = np.random.default_rng(factor).standard_normal((1, 1, 9, 9))
    k = tc.bilinear_kernel(factor)
    ours = tc.conv_transpose2d(x, k[None, None], stride=factor, padding=factor // 2)
    expected = F.interpolate(
        torch.from_numpy(x), scale_factor=factor, mode="bilinear", align_corners=False
    )
    f = factor
    np.testing.assert_allclose(ours[..., f:-f, f:-f], expected.numpy()[..., f:-f, f:-f], atol=1e-12)


def test_convolution_matrix_transpose_is_torch_gradient():
    """C.T is the gradient of the convolution with respect to its input."""
    rng = np.random.default_rng(2)
    w = rng.standard_normal((2, 3, 3, 3))
    shape = (3, 8, 7)
    c = tc.convolution_matrix(shape, w, stride=2, padding=1)
    x = torch.zeros((1, *shape), dtype=torch.float64, requires_grad=True)
    y = rng.standard_normal((2, 4, 4))
    out = F.conv2d(x, torch.from_numpy(w), stride=2, padding=1)
    out.backward(torch.from_numpy(y)[None])
    np.testing.assert_allclose(c.T @ y.ravel(), x.grad.numpy().ravel(), atol=1e-12)


@pytest.mark.parametrize("factor", [1, 2, 3])
def test_pixel_shuffle_matches_torch(factor):
    x = np.random.default_rng(factor).standard_normal((2, 3 * factor * factor, 4, 5))
    expected = F.pixel_shuffle(torch.from_numpy(x), factor).numpy()
    np.testing.assert_array_equal(tc.pixel_shuffle(x, factor), expected)


@settings(max_examples=100)
@given(calls(2))
def test_subpixel_route_matches_torch(c):
    rng = np.random.default_rng(c["seed"])
    x = rng.standard_normal((c["n"], c["c_in"], *c["size"]))
    w = rng.standard_normal((c["groups"] * c["cin_g"], c["cout_g"], *c["kernel"]))
    kw = {k: c[k] for k in ("stride", "padding", "output_padding", "groups")}
    expected = _torch_or_error(F.conv_transpose2d, torch.from_numpy(x), torch.from_numpy(w), **kw)
    if expected is None:
        with pytest.raises(ValueError):  # noqa: PT011 - any message; it must refuse
            tc.conv_transpose_by_subpixel(x, w, **kw)
    else:
        np.testing.assert_allclose(tc.conv_transpose_by_subpixel(x, w, **kw), expected, atol=1e-10)


@pytest.mark.parametrize(("s", "p", "a"), [(1, 0, 0), (2, 1, 0), (2, 1, 1), (3, 2, 2)])
def test_kernel_gradient_matches_torch_autograd(s, p, a):
    rng = np.random.default_rng(s + p + a)
    x = rng.standard_normal((5, 4))
    w = torch.tensor(rng.standard_normal((1, 1, 4, 3)), requires_grad=True)
    y = F.conv_transpose2d(
        torch.from_numpy(x)[None, None], w, stride=s, padding=p, output_padding=a
    )
    g = rng.standard_normal(tuple(y.shape))
    y.backward(torch.from_numpy(g))
    ours = tc.conv_transpose2d_weight_grad(
        x, g[0, 0], (4, 3), stride=s, padding=p, output_padding=a
    )
    np.testing.assert_allclose(ours, w.grad.numpy()[0, 0], atol=1e-10)


@settings(max_examples=200)
@given(
    st.integers(1, 3),
    st.integers(1, 3),
    st.integers(4, 9),
    st.integers(1, 3),
    st.integers(1, 2),
    st.integers(0, 4),
    st.integers(0, 2**32 - 1),
)
def test_kernels_larger_than_the_input_match_torch(h, w, k, s, d, p, seed):
    """More taps than input pixels: conv_transpose2d loops over the pixels instead."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((2, 3, h, w))
    weight = rng.standard_normal((3, 2, k, k - 1))
    kw = {"stride": s, "padding": p, "dilation": d}
    expected = _torch_or_error(
        F.conv_transpose2d, torch.from_numpy(x), torch.from_numpy(weight), **kw
    )
    if expected is None:
        with pytest.raises(ValueError):  # noqa: PT011 - any message; it must refuse
            tc.conv_transpose2d(x, weight, **kw)
    else:
        np.testing.assert_allclose(tc.conv_transpose2d(x, weight, **kw), expected, atol=1e-10)


def test_conv_in_many_column_blocks_matches_torch():
    """A 9x9 kernel on 4 channels of 128 x 128: the columns take 40 MiB, made 16 MiB at a time."""
    rng = np.random.default_rng(3)
    x = rng.standard_normal((1, 4, 128, 128))
    w = rng.standard_normal((5, 4, 9, 9))
    expected = F.conv2d(torch.from_numpy(x), torch.from_numpy(w), padding=4).numpy()
    np.testing.assert_allclose(tc.conv2d(x, w, padding=4), expected, atol=1e-10)


def test_scatter_stamps_with_inf_sum_to_torchs_transposed_convolution():
    """Each stamp holds its own products only, so an inf adds NaN nowhere torch has none."""
    rng = np.random.default_rng(4)
    for _ in range(50):
        x, w = rng.standard_normal((3, 4)), rng.standard_normal((2, 3))
        x[tuple(rng.integers(0, (3, 4)))] = rng.choice([np.inf, -np.inf])
        w[tuple(rng.integers(0, (2, 3)))] = rng.choice([np.inf, -np.inf, 0.0])
        with np.errstate(invalid="ignore"):
            stamps = tc.scatter_stamps(x, w, stride=2)
            total = stamps.sum(axis=0)
        expected = F.conv_transpose2d(
            torch.from_numpy(x)[None, None], torch.from_numpy(w)[None, None], stride=2
        ).numpy()[0, 0]
        np.testing.assert_allclose(total, expected, atol=1e-12)
