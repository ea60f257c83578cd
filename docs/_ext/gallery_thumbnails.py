"""The gallery's thumbnails: one telling picture per page, drawn by the package.

Why: sphinx-gallery's default thumbnail is a page's figure shrunk to 160 x 112
CSS px, where a wide figure becomes a strip of illegible text and four green
grids look alike. Here each page gets a picture of its own idea, drawn with
:func:`transposed_conv.plotting.thumbnail` from the page's own numbers, and
saved (same bytes on every build) into ``docs/_build/thumbnails/`` before
sphinx-gallery runs; each script names its file with
``# sphinx_gallery_thumbnail_path = "_build/thumbnails/<script>.png"``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np

import transposed_conv as tc
from transposed_conv.plotting import Panel, sample_photo, thumbnail

THUMBS = Path(__file__).parents[1] / "_build" / "thumbnails"

WI = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])  # the walk-through's
WK = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
X2 = np.array([[1, 3], [2, 3]])
Y3 = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])


def _grey(image: Any) -> Any:
    """Scale an image to [0, 1] for drawing."""
    image = np.asarray(image, dtype=float)
    return (image - image.min()) / max(float(np.ptp(image)), 1e-12)


def _ring(shape: tuple[int, int], width: int) -> Any:
    """Mask of a border ``width`` cells wide."""
    mask = np.ones(shape, dtype=bool)
    mask[width:-width, width:-width] = False
    return mask


def _why_upsample() -> Any:
    small = tc.box_downsample(sample_photo()[112:272, 160:320], 10)  # the face, 16x16
    big = tc.conv_transpose2d(small, tc.bilinear_kernel(4), stride=4, padding=2)
    return thumbnail([small, np.clip(big, 0, 1)], operators=["→"])


def _input_and_kernel() -> Any:
    return thumbnail([Panel(WI, "", "input"), Panel(WK, "", "kernel")])


def _convolution() -> Any:
    out = tc.conv2d(WI, WK)
    return thumbnail(
        [Panel(WI, ""), Panel(WK, "", "kernel"), Panel(out, "", "output")],
        operators=["∗", "="],
        boxes=[(0, (0, 3), (0, 3)), (2, (0, 1), (0, 1))],
    )


def _going_backward() -> Any:
    stamp = np.zeros((4, 4), dtype=int)
    stamp[:3, :3] = X2[0, 0] * WK
    blank = stamp == 0
    blank[:3, :3] = False
    return thumbnail(
        [Panel(X2, ""), Panel(stamp, "", "kernel", blank=blank)],  # the stamp, as its page
        operators=["→"],
        boxes=[(0, (0, 1), (0, 1)), (1, (0, 3), (0, 3))],
    )


def _convolution_matrix() -> Any:
    c = tc.convolution_matrix((4, 4), WK)
    y = c @ WI.reshape(16, 1)
    return thumbnail(
        [Panel(c, "", "matrix"), Panel(WI.reshape(16, 1), ""), Panel(y, "", "output")],
        operators=["@", "="],
    )


def _transposed_matrix() -> Any:
    ct = tc.convolution_matrix((4, 4), WK).T
    return thumbnail(
        [
            Panel(ct, "", "matrix"),
            Panel(X2.reshape(4, 1), ""),
            Panel(tc.conv_transpose2d(X2, WK), "", "output"),
        ],
        operators=["@", "="],
    )


def _zero_padded() -> Any:
    pad = tc.transpose_padding(WK.shape)
    padded = tc.pad_or_crop(X2, pad)
    return thumbnail(
        [Panel(padded, "", padded=_ring(padded.shape, 2)), Panel(tc.flip_kernel(WK), "", "kernel")],
        operators=["∗"],
    )


def _summary() -> Any:
    return thumbnail([Panel(tc.conv_transpose2d(X2, WK), "", "output")])


def _one_dimension() -> Any:
    c = tc.convolution_matrix((5,), np.array([1, 2, 3]), stride=2)
    return thumbnail([Panel(c, "", "matrix"), Panel(c.T, "", "matrix")], operators=["→"])


def _no_padding() -> Any:
    y = np.array([[1, 2], [3, 4]])
    padded = tc.pad_or_crop(y, [(2, 2), (2, 2)])
    return thumbnail(
        [
            Panel(padded, "", padded=_ring(padded.shape, 2)),
            Panel(tc.conv_transpose2d(y, WK), "", "output"),
        ],
        operators=["→"],
    )


def _padding() -> Any:
    full = tc.conv_transpose2d(Y3, WK)
    cropped = _ring(full.shape, 1)
    return thumbnail(
        [Panel(Y3, ""), Panel(full, "", "output", cropped=cropped)],
        operators=["→"],
        boxes=[(1, (1, 4), (1, 4))],
    )


def _strides() -> Any:
    z = tc.insert_zeros(np.array([[5, 6], [1, 3]]), 2)
    inserted = np.ones(z.shape, dtype=bool)
    inserted[::2, ::2] = False
    return thumbnail([Panel(z, "", inserted=inserted), Panel(WK, "", "kernel")], operators=["∗"])


def _output_padding() -> Any:
    kernel = np.array([[1, 0, 1], [0, 2, 0], [1, 0, 1]])
    six = tc.conv_transpose2d(Y3, kernel, stride=2, padding=1, output_padding=1)
    added = np.zeros(six.shape, dtype=bool)
    added[5, :] = added[:, 5] = True
    return thumbnail(
        [Panel(six[:5, :5], "", "output"), Panel(six, "", "output", padded=added)],
        operators=["→"],
    )


def _dilation() -> Any:
    kernel = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]]) + 1
    spread = tc.insert_zeros(kernel, 2)
    inserted = np.ones(spread.shape, dtype=bool)
    inserted[::2, ::2] = False
    return thumbnail(
        [Panel(kernel, "", "kernel"), Panel(spread, "", "kernel", inserted=inserted)],
        operators=["→"],
    )


def _crop() -> Any:
    y = np.arange(1, 10).reshape(3, 3)
    full = tc.conv_transpose2d(y, np.array([[1, 2], [3, 4]]), stride=2)
    return thumbnail(
        [Panel(full, "", "output", cropped=_ring(full.shape, 2))], boxes=[(0, (2, 4), (2, 4))]
    )


def _fractionally() -> Any:
    # as its page: the first rows of C.T (matrix), and the taps reaching each output pixel
    ct = tc.convolution_matrix((5, 5), np.arange(1, 10).reshape(3, 3), stride=2).T
    taps = tc.overlap_counts((2, 2), 3, stride=2)
    return thumbnail([Panel(ct[:5], "", "matrix"), Panel(taps, "", "output")], operators=["→"])


def _groups() -> Any:
    # a kernel for every (input, output) channel pair; with groups=2 only the diagonal
    blocks = np.arange(1, 17).reshape(2, 2, 2, 2).transpose(0, 2, 1, 3).reshape(4, 4)
    off = np.zeros((4, 4), dtype=bool)
    off[:2, 2:] = off[2:, :2] = True
    return thumbnail(
        [Panel(blocks, "", "kernel"), Panel(blocks, "", "kernel", blank=off)],
        operators=["→"],
        boxes=[(0, (0, 2), (0, 2)), (0, (2, 4), (2, 4)), (1, (0, 2), (0, 2)), (1, (2, 4), (2, 4))],
    )


def _conventions() -> Any:
    x = np.array([[1, 2], [3, 1]])
    full = tc.conv_transpose2d(x, np.ones((3, 3), dtype=int), stride=2)
    return thumbnail(
        [Panel(full, "", "output")], boxes=[(0, (0, 4), (0, 4)), (0, (1, 5), (1, 5), "--")]
    )


def _subpixel() -> Any:
    kernel = np.array([[1, 2, 1], [2, 4, 2], [1, 2, 1]])
    subs = tc.subpixel_kernels(kernel, 2)
    phases = [tc.conv_transpose2d(Y3, sub) for row in subs for sub in row]
    return thumbnail(
        [
            Panel(phases[0], "", "output"),
            Panel(phases[3], "", "output"),
            Panel(tc.conv_transpose2d(Y3, kernel, stride=2), "", "output"),
        ],
        operators=["+", "→"],
    )


def _gradient() -> Any:
    rng = np.random.default_rng(0)
    g = rng.standard_normal((2, 2))
    kernel = rng.standard_normal((3, 3))
    return thumbnail(
        [
            Panel(np.round(g, 1), "", "input"),
            Panel(np.round(tc.conv_transpose2d(g, kernel, stride=2), 1), "", "input"),
        ],
        operators=["→"],
    )


def _no_overlap() -> Any:
    out = tc.conv_transpose2d(Y3, np.array([[1, 2], [3, 4]]), stride=2)
    return thumbnail([Panel(out, "", "output")], boxes=[(0, (0, 2), (0, 2)), (0, (2, 4), (2, 4))])


def _exactly() -> Any:
    return thumbnail(
        [
            Panel(tc.overlap_counts((4, 4), 4, stride=2, padding=1), "", "output"),
            Panel(
                tc.overlap_counts((4, 4), 3, stride=2, padding=1, output_padding=1), "", "output"
            ),
        ],
        operators=["≠"],
    )


def _photo_crop(kernel: Any) -> Any:
    small = tc.box_downsample(sample_photo(), 8)
    layer = small
    for _ in range(2):
        layer = (
            tc.conv_transpose2d(layer, kernel, stride=2, padding=1, output_padding=1)
            / kernel.sum()
            * 4
        )
    return np.clip(layer[64:128, 88:152], 0, 1)


def _checkerboard() -> Any:
    rng = np.random.default_rng(0)
    layer = np.full((8, 8), 0.5)
    for k in [rng.uniform(0, 1, (3, 3)) for _ in range(2)]:
        layer = tc.conv_transpose2d(layer, k, stride=2, padding=1, output_padding=1) / k.sum() * 4
    return thumbnail([np.full((8, 8), 0.5), _grey(layer[4:-4, 4:-4])], operators=["→"])


def _spectrum() -> Any:
    rng = np.random.default_rng(0)
    small = tc.box_downsample(sample_photo(), 4)
    out = tc.conv_transpose2d(small, rng.uniform(0, 1, (4, 4)), stride=4)
    power = np.log10(np.abs(np.fft.fftshift(np.fft.fft2(out - out.mean()))) ** 2 + 1e-6)
    lo, hi = np.percentile(power, [50, 99.9])
    return thumbnail([np.clip((power - lo) / (hi - lo), 0, 1)], image_cmap="magma")


def _fixes() -> Any:
    rng = np.random.default_rng(0)
    bad = _photo_crop(rng.uniform(0, 1, (3, 3)))
    small = tc.box_downsample(sample_photo(), 8)
    good = tc.interpolate(tc.interpolate(small, 2, "bilinear"), 2, "bilinear")[64:128, 88:152]
    return thumbnail([_grey(bad), _grey(good)], operators=["→"])


def _bilinear() -> Any:
    return thumbnail([Panel(tc.bilinear_kernel(2), "", "kernel")])


def _learning() -> Any:
    high = sample_photo(128)
    low = tc.box_downsample(high, 2)
    kernel, _ = tc.fit_transposed_kernel(low, high, (6, 6), stride=2, padding=2, steps=100)
    return thumbnail([Panel(np.round(kernel, 1), "", "kernel")])


def _gradient_artifacts() -> Any:
    image = tc.box_downsample(sample_photo(), 2)
    k3 = np.random.default_rng(1).uniform(0, 1, (3, 3))
    out = tc.conv2d(image, k3, stride=2, padding=1)
    grad = tc.conv_transpose2d(2 * out, k3, stride=2, padding=1, output_padding=1)
    return thumbnail([_grey(grad[64:128, 96:160])])


DRAW: dict[str, Callable[[], Any]] = {
    "plot_01_why_upsample": _why_upsample,
    "plot_02_input_and_kernel": _input_and_kernel,
    "plot_03_convolution": _convolution,
    "plot_04_going_backward": _going_backward,
    "plot_05_convolution_matrix": _convolution_matrix,
    "plot_06_transposed_matrix": _transposed_matrix,
    "plot_07_zero_padded_equivalence": _zero_padded,
    "plot_08_summary": _summary,
    "plot_01_one_dimension": _one_dimension,
    "plot_02_no_padding_unit_strides": _no_padding,
    "plot_03_padding": _padding,
    "plot_04_strides": _strides,
    "plot_05_output_padding": _output_padding,
    "plot_06_dilation": _dilation,
    "plot_07_crop_instead_of_pad": _crop,
    "plot_08_fractionally_strided": _fractionally,
    "plot_09_channels_and_groups": _groups,
    "plot_10_conventions": _conventions,
    "plot_11_subpixel": _subpixel,
    "plot_12_gradient": _gradient,
    "plot_13_no_overlap": _no_overlap,
    "plot_14_exactly_s_times": _exactly,
    "plot_01_checkerboard": _checkerboard,
    "plot_02_spectrum": _spectrum,
    "plot_03_fixes": _fixes,
    "plot_04_bilinear_initialisation": _bilinear,
    "plot_05_learning_the_kernel": _learning,
    "plot_06_gradient_artifacts": _gradient_artifacts,
}
"""Each gallery script's thumbnail, by the script's name."""


def save(fig: Any, path: Path) -> None:
    """Save a thumbnail, 320 x 224 px, with no date or version in the file: the same bytes."""
    fig.savefig(path, dpi=100, bbox_inches=None, metadata={"Software": None})


def draw_thumbnails(folder: Path = THUMBS) -> list[Path]:
    """Save every thumbnail as ``folder/<script>.png``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, draw in DRAW.items():
        fig = draw()
        save(fig, folder / f"{name}.png")
        plt.close(fig)
        paths.append(folder / f"{name}.png")
    return paths


def _builder_inited(_app: Any) -> None:
    draw_thumbnails()


def setup(app: Any) -> dict[str, Any]:
    """Draw the thumbnails before sphinx-gallery (priority 500) reads the scripts."""
    app.connect("builder-inited", _builder_inited, priority=400)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
