"""The drawing helpers: values in cells, colours scaled to the data, titles with shapes."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as plt

from transposed_conv import plotting


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_importing_the_package_does_not_import_matplotlib():
    code = (
        "import transposed_conv, transposed_conv.plotting, sys; print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_values_are_written_in_the_cells():
    data = np.array([[6, 3, 2], [2, 5, 2]])
    ax = plotting.show_matrix(data, title="Input")
    texts = {
        (round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts
    }
    assert texts == {(r, c): str(v) for (r, c), v in np.ndenumerate(data)}
    assert ax.get_title() == "Input (2, 3)"


def test_colours_scale_to_the_data_not_to_0_1():
    ax = plotting.show_matrix([[10, 20], [30, 94]], role="output")
    image = ax.images[0]
    assert (image.norm.vmin, image.norm.vmax) == (10, 94)
    assert image.get_cmap().name == plotting.ROLES["output"]
    low, high = image.to_rgba(10), image.to_rgba(94)
    assert low != high


def test_text_colour_contrasts_with_the_cell():
    ax = plotting.show_matrix([[0, 100]])
    colours = [t.get_color() for t in ax.texts]
    assert colours == ["black", "white"]


def test_constant_matrix_and_floats():
    ax = plotting.show_matrix(np.full((2, 2), 0.25))
    assert [t.get_text() for t in ax.texts] == ["0.25"] * 4
    assert ax.images[0].norm.vmin == 0.25


def test_masks_draw_inserted_zeros_and_padding_distinctly():
    x = np.array([[0, 0, 0], [0, 5, 0], [0, 0, 0]])
    padded = np.ones((3, 3), dtype=bool)
    padded[1, 1] = False
    ax = plotting.show_matrix(x, padded=padded)
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 8
    assert {p.get_hatch() for p in hatched} == {".."}
    ax2 = plotting.show_matrix([[1, 0, 2]], inserted=[[False, True, False]])
    assert [p.get_hatch() for p in ax2.patches] == ["//"]
    assert ax.images[0].norm.vmin == 5  # colour scale ignores the masked zeros


def test_highlight_box_and_spans():
    ax = plotting.show_matrix(np.zeros((4, 4)))
    box = plotting.highlight(ax, (1, 3), 2, label="window")
    assert box.get_xy() == (1.5, 0.5)
    assert (box.get_width(), box.get_height()) == (1, 2)
    with pytest.raises(ValueError, match="rows must span at least one cell"):
        plotting.highlight(ax, (2, 2), 0)
    with pytest.raises(ValueError, match="step 1"):
        plotting.highlight(ax, slice(0, 4, 2), 0)


def test_panels_with_operators_and_title():
    panels = [
        plotting.Panel([[1, 2], [3, 4]], "Input"),
        plotting.Panel([[1]], "Kernel", "kernel"),
        plotting.Panel([[1, 2], [3, 4]], "Output", "output"),
    ]
    fig, axes = plotting.show_panels(panels, title="Input times kernel", operators=["⋆", "="])
    assert fig.get_suptitle() == "Input times kernel"
    narrow, _ = plotting.show_panels(panels[:1], title="word " * 30, width=3)
    assert narrow.get_suptitle().count("\n") >= 1
    ops = [t.get_text() for ax in fig.axes if ax not in axes for t in ax.texts]
    assert ops == ["⋆", "="]
    assert len(axes) == 3
    # every operator sits strictly between the panels it joins, overlapping neither
    fig.canvas.draw()
    boxes = [ax.get_tightbbox() for ax in fig.axes]
    for left, right in itertools.pairwise(boxes):
        assert left.x1 <= right.x0 + 1
    assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH
    with pytest.raises(ValueError, match="operators must have 2 entries"):
        plotting.show_panels(panels, title="x", operators=["="])
    with pytest.raises(ValueError, match="panels must not be empty"):
        plotting.show_panels([], title="x")
    with pytest.raises(ValueError, match="operators need all panels in one row"):
        plotting.show_panels(panels, title="x", operators=["+", "="], ncols=2)
    with pytest.raises(ValueError, match="ncols must be positive"):
        plotting.show_panels(panels, title="x", ncols=0)


def test_panels_wrap_into_rows():
    panels = [plotting.Panel(np.eye(3), f"Panel {k}") for k in range(3)]
    fig, axes = plotting.show_panels(panels, title="Three panels in two rows", ncols=2)
    assert [ax.get_subplotspec().rowspan.start for ax in axes] == [0, 0, 1]
    assert len(fig.axes) == 4
    assert not fig.axes[3].axison  # the empty fourth slot is hidden


def test_bad_input():
    with pytest.raises(ValueError, match="role must be one of"):
        plotting.show_matrix([[1]], role="bias")
    with pytest.raises(ValueError, match=r"data must be 1-D or 2-D, got shape \(1, 1, 1\)"):
        plotting.show_matrix(np.ones((1, 1, 1)))
    with pytest.raises(TypeError, match="data must be numeric"):
        plotting.show_matrix([["a"]])


def test_image_and_1d_row():
    ax = plotting.show_image(np.random.default_rng(0).random((16, 16)), title="Photo")
    assert ax.get_title() == "Photo (16, 16)"
    ax1 = plotting.show_matrix([1, 2, 3], title="Signal")
    assert ax1.get_title() == "Signal (3,)"
    assert len(ax1.texts) == 3


def test_long_titles_wrap_to_the_panel_and_cell_text_fits_the_cell():
    _, axes = plotting.show_panels(
        [
            plotting.Panel(
                np.arange(64).reshape(4, 16), "A wide matrix with a long name", "matrix"
            ),
            plotting.Panel(np.ones((16, 1)), "A tall column vector with a long name"),
        ],
        title="Wide and tall",
    )
    assert "\n" in axes[1].get_title()  # wrapped: the narrow column cannot hold it on one line
    assert "(16, 1)" in axes[1].get_title()  # never inside the shape
    wide_text = axes[0].texts[0].get_fontsize()
    assert 5 <= wide_text <= 11
    ax = plotting.show_matrix(np.arange(4).reshape(2, 2))
    assert ax.texts[0].get_fontsize() == 11  # large cells: the size caps at 11 pt


def test_framed_panel_masks():
    p = plotting.framed_panel([[1, 2], [3, 4]], "x", stride=2, pad_width=[(1, 1), (1, 1)])
    np.testing.assert_array_equal(
        p.data,
        [[0, 0, 0, 0, 0], [0, 1, 0, 2, 0], [0, 0, 0, 0, 0], [0, 3, 0, 4, 0], [0, 0, 0, 0, 0]],
    )
    assert p.padded[0].all()
    assert p.padded[:, 0].all()
    assert not p.padded[1:4, 1:4].any()
    np.testing.assert_array_equal(np.argwhere(p.inserted), [[1, 2], [2, 1], [2, 2], [2, 3], [3, 2]])
    cropped = plotting.framed_panel([1, 2, 3], "x", pad_width=[(-1, 0)])
    np.testing.assert_array_equal(cropped.data, [2, 3])
    assert not cropped.padded.any()


def test_scatter_animation_frames_sum_to_the_transposed_convolution():
    import transposed_conv as tc

    x, k = np.array([[1, 3], [2, 3]]), np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    anim = plotting.animate_scatter(x, k, stride=2, padding=1, output_padding=1)
    frames = list(anim.new_frame_seq())
    assert len(frames) == 5
    fig = anim._fig
    anim.to_jshtml(default_mode="once")  # draws every frame; the figure keeps the last
    out_ax = fig.axes[4]  # panels sit in columns 0, 2, 4; operators in 1, 3
    values = np.array([float(t.get_text()) for t in out_ax.texts]).reshape(6, 6)
    final = tc.conv_transpose2d(x, k, stride=2, padding=1, output_padding=1)
    np.testing.assert_array_equal(values[1:5, 1:5], final)  # the boxed region is the result
    assert values[5].sum() == values[:, 5].sum() == 0  # output_padding adds zeros
    box = [p for p in out_ax.patches if p.get_edgecolor()[:3] != (0, 0, 0) and not p.get_fill()]
    assert box[-1].get_xy() == (0.5, 0.5)


def test_image_grid_line_plot_and_spectrum():
    imgs = {f"img {k}": np.full((4, 4), float(k)) for k in range(4)}
    fig, axes = plotting.show_images(imgs, title="Four constant images", ncols=3, same_scale=True)
    assert len(axes) == 4
    assert not fig.axes[5].axison  # the unused sixth slot is hidden
    assert axes[0].images[0].get_clim() == (0.0, 3.0)
    with pytest.raises(ValueError, match="images must not be empty"):
        plotting.show_images({}, title="none")
    ax = plotting.show_lines({"a": [1, 10, 100]}, title="Growth", xlabel="x", ylabel="y", logy=True)
    assert ax.get_yscale() == "log"
    assert ax.figure.get_suptitle() == "Growth"
    spec = plotting.show_spectrum(np.indices((8, 8)).sum(axis=0) % 2, title="Checkerboard")
    data = spec.images[0].get_array()
    assert np.unravel_index(np.argmax(data), data.shape) == (
        0,
        0,
    )  # fftshift puts 1/2 at the corner


def test_sliding_animation_ends_with_the_convolution():
    import transposed_conv as tc

    x = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
    k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    anim = plotting.animate_sliding(x, k)
    assert len(list(anim.new_frame_seq())) == 4
    anim.to_jshtml(default_mode="once")  # draws every frame; the figure keeps the last
    axes = [ax for ax in anim._fig.axes if ax.images]
    products = np.array([float(t.get_text()) for t in axes[1].texts]).reshape(3, 3)
    np.testing.assert_array_equal(products, x[1:4, 1:4] * k)  # the last window
    out = np.array([float(t.get_text()) for t in axes[2].texts]).reshape(2, 2)
    np.testing.assert_array_equal(out, tc.conv2d(x, k))


def test_sample_photo_size_is_checked_by_name():
    assert plotting.sample_photo(np.array(8)).shape == (8, 8)  # a 0-d integer array is an int
    with pytest.raises(TypeError, match=r"size must be an int, got 1\.5"):
        plotting.sample_photo(1.5)
    with pytest.raises(ValueError, match=r"size must be between 1 and 512, got 513"):
        plotting.sample_photo(513)
