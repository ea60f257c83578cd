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
from matplotlib.colors import to_rgba

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


def test_digits_on_hatched_cells_sit_on_a_plain_patch_of_the_cell_fill():
    x = np.array([[0, 0, 0, 0], [0, 5, 0, 7], [0, 0, 0, 0]])
    padded = np.zeros(x.shape, dtype=bool)
    padded[0] = True
    inserted = np.zeros(x.shape, dtype=bool)
    inserted[1, 2] = True
    cropped = np.zeros(x.shape, dtype=bool)
    cropped[2] = True
    ax = plotting.show_matrix(x, padded=padded, inserted=inserted, cropped=cropped)
    texts = {(round(t.get_position()[1]), round(t.get_position()[0])): t for t in ax.texts}
    hatched = {"padding": padded, "inserted zeros": inserted, "cropped": cropped}
    for name, mask in hatched.items():
        fill = to_rgba(plotting.CELL_STYLES[name]["facecolor"])
        for r, c in zip(*np.nonzero(mask), strict=True):
            patch = texts[r, c].get_bbox_patch()
            assert patch is not None, (name, r, c)
            assert patch.get_facecolor() == fill
            assert not patch.get_hatch()
    # plain data cells keep their text bare on the colour map
    assert texts[1, 1].get_bbox_patch() is None
    assert texts[1, 3].get_bbox_patch() is None


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
    anim._init_draw()
    for n in range(len(anim.steps)):  # every frame, as a video would (nothing encoded)
        anim._func(n)
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
    anim._init_draw()
    for n in range(len(anim.steps)):  # every frame, as a video would (nothing encoded)
        anim._func(n)
    axes = [ax for ax in anim._fig.axes if ax.images]
    products = np.array([float(t.get_text()) for t in axes[1].texts]).reshape(3, 3)
    np.testing.assert_array_equal(products, x[1:4, 1:4] * k)  # the last window
    out = np.array([float(t.get_text()) for t in axes[2].texts]).reshape(2, 2)
    np.testing.assert_array_equal(out, tc.conv2d(x, k))


# --- the figure rules of the site (issue "Figures that read right") ---------------------------


def _cell_texts(fig):
    """Text drawn in matrix cells: texts of axes that show an image."""
    return [t for ax in fig.axes if ax.images for t in ax.texts]


def test_panels_of_one_role_share_a_scale_unless_told_not_to():
    panels = [
        plotting.Panel([[1, 2], [3, 4]], "1 x kernel", "kernel"),
        plotting.Panel([[3, 6], [9, 12]], "3 x kernel", "kernel"),
        plotting.Panel([[5]], "Input"),
    ]
    _, axes = plotting.show_panels(panels, title="Two stamps")
    norms = [(ax.images[0].norm.vmin, ax.images[0].norm.vmax) for ax in axes]
    assert norms[0] == norms[1] == (1, 12)
    assert axes[0].images[0].to_rgba(3) == axes[1].images[0].to_rgba(3)  # same value, same colour
    _, own = plotting.show_panels(panels, title="Two stamps", share_norm=False)
    assert [ax.images[0].norm.vmax for ax in own[:2]] == [4, 12]


def test_signed_data_get_a_diverging_map_centred_on_zero_and_a_colour_bar():
    ax = plotting.show_matrix([[-0.16, 0.5], [0.25, -1]])
    image = ax.images[0]
    assert image.get_cmap().name == plotting.SIGNED_CMAP
    assert image.norm.vmin == -image.norm.vmax == -1
    assert len(ax.figure.axes) == 2  # the colour bar's axes
    fig, axes = plotting.show_panels(
        [
            plotting.Panel([[-1, 2]], "Group 0 kernel", "kernel"),
            plotting.Panel([[3, -4]], "Group 1 kernel", "kernel"),
        ],
        title="Random kernels",
    )
    assert {ax.images[0].get_cmap().name for ax in axes} == {plotting.SIGNED_CMAP}
    assert {(ax.images[0].norm.vmin, ax.images[0].norm.vmax) for ax in axes} == {(-4, 4)}
    assert len(fig.axes) == 3  # one colour bar for the shared scale
    # non-negative data keep the role's map and need no colour bar when values are written
    ax = plotting.show_matrix([[0, 2]], role="output")
    assert ax.images[0].get_cmap().name == "Greens"
    assert len(ax.figure.axes) == 1


@pytest.mark.parametrize("role", ["input", "kernel", "output", "matrix"])
def test_single_hue_maps_start_at_a_visible_tint(role):
    colorspacious = pytest.importorskip("colorspacious")
    lightest = np.array(plotting.role_cmap(role)(0.0)[:3])
    white = colorspacious.cspace_convert([1.0, 1.0, 1.0], "sRGB1", "CAM02-UCS")
    tint = colorspacious.cspace_convert(lightest, "sRGB1", "CAM02-UCS")
    assert np.linalg.norm(tint - white) > 5  # not a white cell that reads as empty
    assert plotting.show_matrix([[0, 1]], role=role).images[0].to_rgba(0) != (1, 1, 1, 1)


def _helper_figures():
    """Each helper at its default size, on the walk-through's numbers and on big arrays."""
    x = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
    k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    bilinear = np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64
    rng = np.random.default_rng(0)
    yield "show_matrix", plotting.show_matrix(x, title="Input").figure
    yield "show_matrix floats", plotting.show_matrix(bilinear, title="Bilinear").figure
    yield "show_matrix 16x16", plotting.show_matrix(rng.random((16, 16)), title="Big").figure
    yield "show_matrix 12x12", plotting.show_matrix(np.arange(144).reshape(12, 12)).figure
    yield (
        "show_panels",
        plotting.show_panels(
            [
                plotting.Panel(x, "Input"),
                plotting.Panel(k, "Kernel", "kernel"),
                plotting.Panel(rng.normal(size=(4, 16)), "Gradient", "matrix"),
            ],
            title="Three panels",
        )[0],
    )
    yield (
        "show_convolution",
        plotting.show_convolution(x, k, padding=1, title="Padding keeps the size")[0],
    )
    yield (
        "show_zero_insertion",
        plotting.show_zero_insertion(
            [[1, 3], [2, 3]], k, stride=2, padding=1, dilation=2, title="All at once"
        )[0],
    )
    for name, anim in [
        ("animate_scatter", plotting.animate_scatter([[1, 3], [2, 3]], k, stride=2, padding=1)),
        ("animate_sliding", plotting.animate_sliding(x, k, padding=1)),
    ]:
        anim._init_draw()
        for n in range(len(anim.steps)):
            anim._func(n)
            yield f"{name} frame {n}", anim._fig


@pytest.fixture(scope="module")
def helper_figures():
    figures = list(_helper_figures())
    yield figures
    plt.close("all")


def test_figures_fit_the_text_column(helper_figures):
    for name, fig in helper_figures:
        assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH == 6.5, name


def test_no_cell_text_under_9_pt(helper_figures):
    for name, fig in helper_figures:
        sizes = [t.get_fontsize() for t in _cell_texts(fig)]
        assert min(sizes, default=9) >= plotting.MIN_FONTSIZE == 9, name


def test_matrices_too_big_for_9_pt_show_a_colour_bar_instead_of_values():
    ax = plotting.show_matrix(np.random.default_rng(0).random((16, 16)), title="Big")
    assert not ax.texts
    assert len(ax.figure.axes) == 2
    small = plotting.show_matrix(np.arange(4).reshape(2, 2))
    assert len(small.texts) == 4
    assert len(small.figure.axes) == 1


def test_bilinear_kernel_values_read_exactly_and_add_up_to_one():
    from fractions import Fraction

    bilinear = np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64  # 2-D: 1/64 .. 9/64
    texts = [plotting.format_value(v) for v in bilinear.ravel()]
    assert sum(Fraction(t) for t in texts) == 1
    one_d = np.outer([1, 3], [1, 3]) / 16
    assert [plotting.format_value(v) for v in one_d.ravel()] == ["1/16", "3/16", "3/16", "9/16"]
    assert plotting.format_value(-0.16347) == "-0.16"  # two significant digits otherwise
    assert plotting.format_value(74.6) == "75"


_SLICE_TITLES = [
    "Dilation 2 spreads the kernel: its phases kernel[0::2, 0::2] and kernel[1::2, 1::2]",
    "A 2x2 input up-sampled to 4x4 by nearest, bilinear, bicubic and a transposed convolution",
    "Transposed convolution: one input value reaches nine output values",
]
_SETTING_TITLES = [
    "Transposed, kernel 3: 45.20% (96, 96)",
    "Resize (nearest) + conv 3: 0.00% (96, 96)",
    "TF SAME keeps the top-left 8x8 of the 9x9 result, PyTorch p=1, a=1 the bottom-right 8x8",
]


@pytest.mark.parametrize(
    ("text", "width"),
    [(t, w) for t in _SLICE_TITLES for w in (2.0, 3.0, 4.5)]
    + [(t, w) for t in _SETTING_TITLES for w in (1.5, 2.2, 3.0)],
)
def test_titles_wrap_without_a_lone_word_a_split_slice_or_a_split_setting(text, width):
    """No lone last word, no slice cut, a word kept with its number, settings kept together."""
    lines = plotting.fit_title(plt.subplots(figsize=(width, 2))[1], text).split("\n")
    assert " ".join(lines) == text
    if len(lines) > 1:
        assert len(lines[-1].split()) >= 2, lines
    assert all(line.count("[") == line.count("]") for line in lines)
    for line in lines[:-1]:
        assert not line.endswith(("kernel", "conv", "p=1,")), lines


def test_animation_titles_and_panels_stay_put_between_frames():
    k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    anim = plotting.animate_scatter(np.array([[1, 12], [2, 3]]), k, stride=2, padding=1)
    fig = anim._fig
    anim._init_draw()
    layouts = set()
    for n in range(len(anim.steps)):
        anim._func(n)
        fig.canvas.draw()
        layouts.add(tuple(tuple(ax.get_position().bounds) for ax in fig.axes))
        assert [ax.get_title().count("\n") for ax in fig.axes[::2]] == [0, 0, 0]
    assert len(layouts) == 1
    # the bottom of the frame stays empty for the browser's playback bar
    lowest = min(ax.get_tightbbox().y0 for ax in fig.axes) / fig.dpi
    assert lowest >= 0.7  # Chromium's controls cover about 70 px of a 650 px wide video


def test_cells_not_yet_computed_are_blank():
    x = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
    k = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    anim = plotting.animate_sliding(x, k)
    anim._init_draw()
    anim._func(0)
    out_ax = [ax for ax in anim._fig.axes if ax.images][2]
    assert [t.get_text() for t in out_ax.texts] == ["94"]
    scatter = plotting.animate_scatter([[1, 3], [2, 3]], k, stride=2)
    scatter._init_draw()
    scatter._func(0)
    out_ax = [ax for ax in scatter._fig.axes if ax.images][2]
    assert len(out_ax.texts) == 9  # only the first stamp's cells have values
    scatter._func(len(scatter.steps) - 1)
    assert len(out_ax.texts) == 25


def test_animation_steps_tell_the_frames_in_words():
    import transposed_conv as tc

    x, k = np.array([[1, 3], [2, 3]]), np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    anim = plotting.animate_scatter(x, k)
    anim._init_draw()
    assert len(anim.steps) == len(list(anim.new_frame_seq())) == 5
    so_far = tc.conv_transpose2d(np.array([[1, 3], [0, 0]]), k)  # after x[0, 0] and x[0, 1]
    assert anim.steps[1] == (
        "x[0, 1] = 3 stamps 3 x kernel onto rows 0-2, columns 1-3; "
        f"output[1, 2] is now {so_far[1, 2]}."
    )
    assert anim.steps[-1].startswith("All 4 stamps are added.")
    assert anim.steps[0] == (
        "x[0, 0] = 1 stamps 1 x kernel onto rows 0-2, columns 0-2; "
        "output[1, 1] (the cell under the kernel's centre) is now 4."
    )
    assert "Nothing is cropped" in anim.steps[-1]
    even = plotting.animate_scatter(x, np.array([[1, 2], [3, 4]]), stride=2)
    even._init_draw()
    assert "(the cell under the kernel's tap [0, 0])" in even.steps[0]  # a 2x2 has no centre
    named = plotting.animate_scatter(x, k, input_name="y")
    named._init_draw()
    assert named.steps[1].startswith("y[0, 1] = 3 stamps 3 x kernel")
    assert tc.conv_transpose2d(x, k, stride=2, padding=1, output_padding=1).shape == (4, 4)
    cropped = plotting.animate_scatter(x, k, stride=2, padding=1, output_padding=1)
    cropped._init_draw()
    assert cropped.steps[-1] == (
        "All 4 stamps are added. Cropping 1 row and column at the top and left; "
        "output_padding = 1 gives back the one at the bottom and right: the boxed 4 x 4 block, "
        "rows 1-4 and columns 1-4, is the output."
    )
    padded = plotting.animate_scatter(x, k, padding=1)
    padded._init_draw()
    assert padded.steps[-1] == (
        "All 4 stamps are added. Cropping 1 row and column at the top and left, and the same "
        "at the bottom and right: the boxed 2 x 2 block, rows 1-2 and columns 1-2, is the output."
    )
    sliding = plotting.animate_sliding(np.arange(16).reshape(4, 4), k)
    sliding._init_draw()
    assert sliding.steps[0] == (
        "The window on rows 0-2, columns 0-2 of the input, times the kernel, sums to "
        f"{tc.conv2d(np.arange(16).reshape(4, 4), k)[0, 0]}: output[0, 0] = "
        f"{tc.conv2d(np.arange(16).reshape(4, 4), k)[0, 0]}."
    )


def test_dilated_stamps_hatch_inserted_zeros_and_cropped_cells_have_their_own_style():
    k = np.array([[2, 3], [1, 4]])
    anim = plotting.animate_scatter([[1, 2]], k, dilation=2, padding=1)
    anim._init_draw()
    anim._func(0)
    stamp_ax, out_ax = [ax for ax in anim._fig.axes if ax.images][1:]
    assert {p.get_hatch() for p in stamp_ax.patches if p.get_fill()} == {"//"}
    cropped = {p.get_hatch() for p in out_ax.patches if p.get_fill()}
    assert cropped == {plotting.CELL_STYLES["cropped"]["hatch"]}
    styles = {tuple(s.values()) for s in plotting.CELL_STYLES.values()}
    assert len(styles) == 3


# Colour-vision deficiency: every role's swatch, the cell styles and the highlight must stay
# apart when simulated for deuteranopia and protanopia (colorspacious, severity 100).
# The threshold is a CAM02-UCS distance of 12. A distance of about 1 is a just-noticeable
# difference between large patches side by side; the roles are small cells in separate panels,
# seen at a glance, so we ask for an order of magnitude more. Distances of 10 or more are the
# usual floor for categorical palettes meant to be told apart at a glance (e.g. the minimum
# perceptual distance Colorgorical and Glasbey-style palette builders enforce); 12 leaves a margin.
MIN_DELTA_E = 12


@pytest.mark.parametrize("cvd", ["deuteranomaly", "protanomaly"])
def test_roles_and_highlight_stay_distinguishable_under_colour_blindness(cvd):
    colorspacious = pytest.importorskip("colorspacious")
    colours = {name: mpl.colors.to_rgb(c) for name, c in plotting.ROLE_COLORS.items()}
    colours["highlight"] = mpl.colors.to_rgb(plotting.HIGHLIGHT_COLOR)
    assert set(colours) == {
        "input",
        "kernel",
        "output",
        "matrix",
        "padding",
        "inserted zeros",
        "cropped",
        "highlight",
    }
    space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
    seen = {
        name: colorspacious.cspace_convert(
            np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1), "sRGB1", "CAM02-UCS"
        )
        for name, rgb in colours.items()
    }
    for a, b in itertools.combinations(seen, 2):
        assert np.linalg.norm(seen[a] - seen[b]) >= MIN_DELTA_E, (a, b)
    # the highlight's outer line is the one that shows on every role's cells
    box = plotting.highlight(plotting.show_matrix([[1]]), 0, 0)
    assert mpl.colors.to_rgb(box.get_edgecolor()) == colours["highlight"]


def test_colour_key_names_every_role_in_its_figure_colours():
    fig = plotting.show_color_key()
    legend = fig.legends[0]
    labels = [t.get_text() for t in legend.get_texts()]
    assert labels == [
        "input",
        "kernel",
        "output",
        "matrix",
        "padding",
        "inserted zeros",
        "cropped cells",
        "signed values: negative ← 0 → positive",
    ]
    assert min(t.get_fontsize() for t in legend.get_texts()) >= plotting.MIN_FONTSIZE
    assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH
    patches = legend.get_patches()
    # the signed entry's handle is the first band of the signed map: its negative end
    assert mpl.colors.to_hex(patches[-1].get_facecolor()) == mpl.colors.to_hex(
        plotting.signed_cmap()(0.0)
    )
    patches = patches[:-1]
    for patch, name in zip(patches, plotting.ROLE_COLORS, strict=True):
        assert mpl.colors.to_hex(patch.get_facecolor()) == plotting.ROLE_COLORS[name]
    hatches = [p.get_hatch() for p in patches[4:]]
    assert hatches == [s["hatch"] for s in plotting.CELL_STYLES.values()]
    # the role swatches are colours the figures use: each map passes through its swatch
    for role in ("input", "kernel", "output", "matrix"):
        cmap = mpl.colormaps[plotting.ROLES[role]]
        levels = [mpl.colors.to_hex(cmap(v)) for v in np.linspace(0, 1, 256)]
        assert plotting.ROLE_COLORS[role] in levels


def test_line_series_keep_their_own_x_and_differ_in_style():
    ax = plotting.show_lines(
        {"short": ([0.0, 0.25], [1.0, 2.0]), "long": [1.0, 2.0, 3.0]},
        x=[0.0, 0.25, 0.5],
        title="Two series",
        xlabel="f",
        ylabel="|FFT|",
    )
    short, long = ax.get_lines()
    assert list(short.get_xdata()) == [0.0, 0.25]  # nothing drawn past its last sample
    assert short.get_linestyle() != long.get_linestyle()
    assert short.get_linewidth() > long.get_linewidth()  # the first stays visible under others


def test_sample_photo_size_is_checked_by_name():
    assert plotting.sample_photo(np.array(8)).shape == (8, 8)  # a 0-d integer array is an int
    with pytest.raises(TypeError, match=r"size must be an int, got 1\.5"):
        plotting.sample_photo(1.5)
    with pytest.raises(ValueError, match=r"size must be between 1 and 512, got 513"):
        plotting.sample_photo(513)


def test_signed_colour_bar_says_which_colour_is_negative_once():
    ax = plotting.show_matrix([[-1.0, 2.0], [0.5, -3.0]])
    bars = [a for a in ax.figure.axes if a is not ax]
    assert [b.get_ylabel() for b in bars] == ["negative ← 0 → positive"]
    g = plotting.Panel([[-1, 2], [3, -4]], "g")
    d = plotting.Panel(np.arange(25).reshape(5, 5) - 12, "d", "output")
    fig, axes = plotting.show_panels([g, d], title="Two signed maps", share_norm=True)
    labels = [a.get_ylabel() for a in fig.axes if a not in axes]
    assert labels == ["", "negative ← 0 → positive"]
    unsigned = plotting.show_matrix(np.arange(400).reshape(20, 20))
    assert [a.get_ylabel() for a in unsigned.figure.axes if a is not unsigned] == [""]


def test_wrapped_rows_keep_titles_clear_of_the_tick_labels_above():
    panels = [
        plotting.Panel([[1, -1], [2, 0]], f"weight[{k // 3}, {k % 3}]: in a → out b")
        for k in range(6)
    ]
    fig, axes = plotting.show_panels(panels, title="Six kernels in two rows", ncols=3)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for top, below in zip(axes[:3], axes[3:], strict=True):
        ticks = min(t.get_window_extent(renderer).y0 for t in top.get_xticklabels())
        title = below.title.get_window_extent(renderer).y1
        assert ticks - title > 0.12 * fig.dpi  # a clear gap, not text touching text


def test_colour_key_swatches_are_the_figures_styles():
    """The site's HTML colour key shows these swatches: each is its role's fill, hatched as drawn."""
    legend = plotting.show_color_key().legends[0]
    labels = [t.get_text() for t in legend.get_texts()]
    *labels, signed_label = labels
    for role, label in zip(plotting.ROLE_COLORS, labels, strict=True):
        fig = plotting.color_key_swatch(role)
        assert fig.get_label() == label
        fig.canvas.draw()
        pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3].reshape(-1, 3)
        colours, counts = np.unique(pixels, axis=0, return_counts=True)
        main = mpl.colors.to_hex(colours[counts.argmax()] / 255)
        assert main == plotting.ROLE_COLORS[role], role
        style = plotting.CELL_STYLES.get(role)
        hatch = {mpl.colors.to_hex(c / 255) for c in colours} & {style and style["edgecolor"]}
        assert bool(hatch) == (style is not None), role  # hatched in its line colour, or plain
        plt.close(fig)
    # signed data: the swatch runs through the signed map, its negative end left, positive right
    fig = plotting.color_key_swatch("signed")
    assert fig.get_label() == signed_label
    fig.canvas.draw()
    pixels = np.asarray(fig.canvas.buffer_rgba())[..., :3]
    middle = pixels[pixels.shape[0] // 2]
    cmap = plotting.signed_cmap()
    assert mpl.colors.to_hex(middle[0] / 255) == mpl.colors.to_hex(cmap(0.0))
    assert mpl.colors.to_hex(middle[-1] / 255) == mpl.colors.to_hex(cmap(1.0))
    assert mpl.colors.to_hex(middle[len(middle) // 2] / 255) == mpl.colors.to_hex(cmap(0.5))
    plt.close(fig)
    with pytest.raises(ValueError, match=r"role must be one of .* got 'zeros'"):
        plotting.color_key_swatch("zeros")


def test_digit_height_is_the_fonts():
    from matplotlib import font_manager, ft2font

    path = font_manager.findfont(font_manager.FontProperties())  # the default: cell text's
    assert "DejaVuSans" in path
    font = ft2font.FT2Font(path)
    # matplotlib 3.10+ has LoadFlags; older ones name the flag LOAD_NO_SCALE
    flags = getattr(ft2font, "LoadFlags", None)
    no_scale = flags.NO_SCALE if flags else ft2font.LOAD_NO_SCALE
    bbox = font.load_char(ord("1"), flags=no_scale).bbox  # in font units
    measured = (bbox[3] - bbox[1]) / font.units_per_EM
    assert abs(plotting._display.DIGIT_HEIGHT - measured) < 0.005


def test_cell_text_size_is_the_smallest_value_not_a_title_or_tick():
    fig, axes = plotting.show_panels(
        [plotting.Panel(np.arange(36).reshape(6, 6) * 10, "Big"), plotting.Panel([[1]], "One")],
        title="Two panels with cell text of two sizes",
    )
    cells = [t.get_fontsize() for ax in axes for t in ax.texts]
    assert plotting.cell_text_size(fig) == min(cells)
    ticks = [t.get_fontsize() for t in axes[0].get_xticklabels()]
    assert min(ticks) < min(cells)  # the 8 pt tick labels are not cell values
    assert plotting.cell_text_size(plt.figure()) is None


@pytest.mark.parametrize("size", [9.0, 10.46, 11.0])
def test_min_display_width_keeps_digits_at_the_minimum(size):
    ax = plotting.show_matrix([[1, 2, 3]], fontsize=size)
    saved = 651
    width = plotting.min_display_width(plotting.cell_text_size(ax.figure), saved)

    def digits_px(shown: float) -> float:
        return plotting._display.DIGIT_HEIGHT * size / 72 * 100 * shown / saved

    assert digits_px(width) >= plotting._display.MIN_DIGIT_PX > digits_px(width - 1)
    # 5 pt digits are 4.6 px tall at 1:1: no width makes them 7, and none is larger than saved
    assert plotting.min_display_width(5, 200) == 200
    assert plotting.min_display_width(None, 651) == 0


def _gallery_animations():
    """Each animation helper with its defaults and with the parameters each gallery page uses."""
    import transposed_conv as tc

    k2, k3 = np.array([[1, 2], [3, 4]]), np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
    k02 = np.array([[1, 0, 2], [0, 1, 0], [3, 0, 1]])
    k03 = np.array([[0, 1, 0], [1, 2, 3], [0, 1, 0]])
    k04 = np.array([[1, 2, 1], [0, 1, 0], [2, 0, 1]])
    k06 = np.array([[1, 0, 2], [0, 3, 0], [0, 0, 1]])
    y3 = np.array([[1, 0, 2], [0, 3, 0], [2, 0, 1]])
    crop_x = np.add.outer(np.arange(6), np.arange(6)) % 3
    return {
        "scatter defaults": lambda: plotting.animate_scatter([[1, 3], [2, 3]], k3),
        "sliding defaults": lambda: plotting.animate_sliding(np.arange(16).reshape(4, 4), k3),
        "arithmetic 02": lambda: plotting.animate_scatter(
            tc.conv2d(np.arange(1, 17).reshape(4, 4), k02), k02, input_name="y"
        ),
        "arithmetic 03": lambda: plotting.animate_scatter(
            np.add.outer(np.arange(5), np.arange(5)) % 3,
            k03,
            padding=1,
            interval=400,
            title="Transposed half padding: the stamps' border is cropped, 5 stays 5",
            input_name="y",
        ),
        "arithmetic 04": lambda: plotting.animate_scatter(
            tc.conv2d(np.arange(1, 26).reshape(5, 5), k04, stride=2), k04, stride=2
        ),
        "arithmetic 05": lambda: plotting.animate_scatter(
            y3,
            [[1, 2, 0], [2, 4, 1], [0, 1, 3]],
            stride=2,
            padding=1,
            output_padding=1,
            title="output_padding=1: the crop keeps one more row and column at the end",
        ),
        "arithmetic 06": lambda: plotting.animate_scatter(
            tc.conv2d(np.arange(49).reshape(7, 7) % 10, k06, dilation=2), k06, dilation=2
        ),
        "arithmetic 07": lambda: plotting.animate_scatter(
            tc.conv2d(crop_x, k2, stride=2, padding=2),
            k2,
            stride=2,
            padding=2,
            title="Transposed, padding 2 larger than the kernel's reach: a deep crop",
        ),
        "arithmetic 13": lambda: plotting.animate_scatter(
            y3, k2, stride=2, title="Kernel 2, stride 2: the stamps tile, no overlap"
        ),
        "walkthrough 03": lambda: plotting.animate_sliding(
            np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]]),
            k3,
            title="The 3x3 kernel slides over the 4x4 input: four windows, four sums",
        ),
    }


def _outside(inner, outer, tol=0.5):
    return (
        inner.x0 < outer.x0 - tol
        or inner.y0 < outer.y0 - tol
        or inner.x1 > outer.x1 + tol
        or inner.y1 > outer.y1 + tol
    )


@pytest.mark.parametrize("case", list(_gallery_animations()))
def test_animation_frames_keep_every_text_and_box_whole_inside_the_frame(case):
    """First, middle and last frame: nothing leaves the canvas or is cut by its axes,
    titles keep their lines, numbers keep their size (>= 9 pt), the title fits."""
    from matplotlib.patches import Patch
    from matplotlib.text import Text

    anim = _gallery_animations()[case]()
    fig = anim._fig
    anim._init_draw()
    last = len(anim.steps) - 1
    titles, sizes = [], []
    for n in sorted({0, last // 2, last}):
        anim._func(n)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for art in fig.findobj(lambda a: isinstance(a, Text | Patch) and a.get_visible()):
            if art is fig.patch or (isinstance(art, Text) and not art.get_text().strip()):
                continue
            box = art.get_window_extent(renderer)
            if isinstance(art, Patch):  # the line is drawn half outside the path
                box = box.padded(art.get_linewidth() * fig.dpi / 72 / 2)
            what = f"{case} frame {n}: {type(art).__name__} {getattr(art, 'get_text', str)()!r}"
            assert not _outside(box, fig.bbox), f"{what} leaves the frame: {box}"
            clip = art.get_clip_box() if art.get_clip_on() else None
            if clip is not None and art.get_clip_path() is None:
                assert not _outside(box, clip), f"{what} is cut by its axes: {box} in {clip}"
        panels = [ax for ax in fig.axes if ax.images]
        titles.append([ax.get_title() for ax in panels])
        sizes.append([{t.get_fontsize() for t in ax.texts} for ax in panels])
        for ax in panels:  # every panel writes its values, at 9 pt or more
            assert ax.texts, f"{case} frame {n}: {ax.get_title()!r} has no numbers"
            assert min(t.get_fontsize() for t in ax.texts) >= plotting.MIN_FONTSIZE
    for k in range(len(titles[0])):
        lines = {t[k].count("\n") for t in titles}
        assert len(lines) == 1, f"{case}: panel {k}'s title re-wraps: {[t[k] for t in titles]}"
        assert len({frozenset(s[k]) for s in sizes}) == 1, f"{case}: panel {k}'s text resizes"
    for text in [t for frame in titles for t in frame] + [fig.get_suptitle()]:
        shown = [line for line in text.split("\n") if line]
        if len(shown) > 1:
            assert len(shown[-1].split()) >= 2, f"{case}: one word alone: {text!r}"
    plt.close(fig)


def test_the_crop_animation_writes_every_cell_of_its_ten_by_ten_output():
    anim = _gallery_animations()["arithmetic 07"]()
    anim._init_draw()
    anim._func(len(anim.steps) - 1)
    out_ax = [ax for ax in anim._fig.axes if ax.images][2]
    assert out_ax.get_title().endswith("(10, 10)")
    assert len(out_ax.texts) == 100
    assert min(t.get_fontsize() for t in out_ax.texts) >= plotting.MIN_FONTSIZE
    plt.close(anim._fig)


def _seen(rgb, cvd=None):
    """CAM02-UCS coordinates of sRGB colours, as seen with ``cvd`` at severity 100."""
    colorspacious = pytest.importorskip("colorspacious")
    rgb = np.atleast_2d(rgb)
    if cvd is not None:
        space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        rgb = np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)
    return colorspacious.cspace_convert(rgb, "sRGB1", "CAM02-UCS")


# The signed map's two ends must read as two signs, at a glance, to a reader without red-green
# vision. Its ends are single cells or colour-bar ends, like the role swatches, so the same
# reasoning as MIN_DELTA_E applies, doubled: 25 is twice the distance asked of two roles,
# because here one colour is the opposite of the other, not just another category (RdBu_r's
# ends are only 24 apart under protanopia). Halfway out (0.25 and 0.75 of the map) the two
# sides must still be MIN_DELTA_E apart.
SIGNED_ENDS_DELTA_E = 25


@pytest.mark.parametrize("cvd", [None, "deuteranomaly", "protanomaly"])
def test_signed_map_ends_stay_apart_under_colour_blindness(cvd):
    cmap = plotting.signed_cmap()
    assert cmap.name == plotting.SIGNED_CMAP != "RdBu_r"
    ends = _seen(cmap([0.0, 1.0])[:, :3], cvd)
    assert np.linalg.norm(ends[0] - ends[1]) >= SIGNED_ENDS_DELTA_E
    halfway = _seen(cmap([0.25, 0.75])[:, :3], cvd)
    assert np.linalg.norm(halfway[0] - halfway[1]) >= MIN_DELTA_E
    # centred on 0: the middle is the palest colour, and both halves darken alike
    lightness = _seen(cmap(np.linspace(0, 1, 257))[:, :3])[:, 0]
    assert np.argmax(lightness) == 128
    np.testing.assert_allclose(lightness[:128], lightness[-1:-129:-1], atol=3)


def test_signed_map_keeps_away_from_the_input_blue_and_the_matrix_purple():
    """The signed map and the roles: no cell of signed data reads as input or matrix.

    In normal vision every colour of the map is at least 30 (CAM02-UCS) from the input's blue
    (RdBu_r's blue half passes within 1 of it) and at least 20 from the matrix's purple. Orange
    and straw cannot be kept as far: a map that survives colour blindness needs a yellowish
    side, so its gold stays at least 10 from the kernel's orange. Outside the pale middle
    (|value| at least 0.4 of the range) the map is at least MIN_DELTA_E from the padding's straw
    and the inserted zeros' grey, which are hatched besides.
    """
    cmap = plotting.signed_cmap()
    levels = np.linspace(0, 1, 101)
    strong = levels[np.abs(levels - 0.5) >= 0.2]
    seen_all, seen_strong = _seen(cmap(levels)[:, :3]), _seen(cmap(strong)[:, :3])

    def nearest(role, seen):
        swatch = _seen(mpl.colors.to_rgb(plotting.ROLE_COLORS[role]))
        return np.linalg.norm(seen - swatch, axis=1).min()

    assert nearest("input", seen_all) >= 30
    assert nearest("matrix", seen_all) >= 20
    assert nearest("output", seen_all) >= 20
    assert nearest("kernel", seen_all) >= 10
    assert nearest("padding", seen_strong) >= MIN_DELTA_E
    assert nearest("inserted zeros", seen_strong) >= MIN_DELTA_E
    # the old map failed this: its blue half is the input's blue
    rdbu = _seen(mpl.colormaps["RdBu_r"](levels)[:, :3])
    assert nearest("input", rdbu) < 30


def test_one_figure_writes_its_numbers_in_one_format():
    """Never 9/16 beside 1.1, nor 1.25 beside 1.7: fractions or decimals with equal places."""
    import transposed_conv as tc

    small = np.array([[1.0, 3.0], [2.0, 3.0]])
    ups = [tc.interpolate(small, 2, m) for m in ("nearest", "bilinear", "bicubic")]
    ups.append(tc.conv_transpose2d(small, tc.bilinear_kernel(2), stride=2, padding=1))
    fig, _ = plotting.show_panels(
        [plotting.Panel(small, "Input")] + [plotting.Panel(u, "Up", "output") for u in ups],
        title="Four up-samplings",
        ncols=3,
    )
    texts = [t.get_text() for t in _cell_texts(fig)]
    assert "9/16" not in texts
    assert "0.56" in texts  # 9/16 to two significant digits, like its neighbours
    non_integers = [t for t in texts if not t.lstrip("-").isdigit()]
    assert all("/" not in t for t in non_integers)
    assert {len(t.split(".")[1]) for t in non_integers} == {2}
    assert {"1", "3"} <= set(texts)  # integers stay plain
    # one panel alone is consistent too, and a kernel of sixteenths reads as fractions
    ax = plotting.show_matrix(ups[1])
    assert {len(t.get_text().split(".")[1]) for t in ax.texts if "." in t.get_text()} == {2}
    bilinear = np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64
    ax = plotting.show_matrix(bilinear)
    assert all("/" in t.get_text() for t in ax.texts)
    from fractions import Fraction

    assert sum(Fraction(t.get_text()) for t in ax.texts) == 1


def _box_bands(box, ax, renderer):
    """The four edge lines of a highlight box as drawn, each widened by 1 pt on both sides
    (a digit closer than that looks struck through), as pixel rectangles (x0, x1, y0, y1)."""
    half = renderer.points_to_pixels(box.get_linewidth() / 2 + 1)  # and 1 pt clear of it
    (x0, y0), (x1, y1) = ax.transData.transform(
        [box.get_xy(), (box.get_x() + box.get_width(), box.get_y() + box.get_height())]
    )
    x0, x1, y0, y1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
    return [
        (x0 - half, x0 + half, y0 - half, y1 + half),
        (x1 - half, x1 + half, y0 - half, y1 + half),
        (x0 - half, x1 + half, y0 - half, y0 + half),
        (x0 - half, x1 + half, y1 - half, y1 + half),
    ]


def test_highlight_boxes_sit_on_cell_borders_and_never_cross_digits():
    """The conventions figure: two offset 8x8 boxes on a 9x9 grid of two-digit values."""
    full = np.arange(81).reshape(9, 9) % 64 + 10
    fig, axes = plotting.show_panels(
        [
            plotting.Panel(full, "Full result", "output"),
            plotting.Panel(full[:8, :8], "TF SAME", "output"),
            plotting.Panel(full[1:, 1:], "PyTorch p=1, a=1", "output"),
        ],
        title="Two crops",
    )
    boxes = [
        plotting.highlight(axes[0], (0, 8), (0, 8), linestyle="--"),
        plotting.highlight(axes[0], (1, 9), (1, 9)),
    ]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for box in boxes:
        x, y = box.get_xy()
        corners = [x, y, x + box.get_width(), y + box.get_height()]
        assert all(float(v - 0.5).is_integer() for v in corners)  # on cell borders
        assert box.get_linewidth() >= 2.5  # still a strong line
        for text in axes[0].texts:
            e = text.get_window_extent(renderer)
            for x0, x1, y0, y1 in _box_bands(box, axes[0], renderer):
                crosses = e.x0 < x1 and e.x1 > x0 and e.y0 < y1 and e.y1 > y0
                assert not crosses, (text.get_text(), text.get_position())
    assert min(t.get_fontsize() for t in _cell_texts(fig)) >= plotting.MIN_FONTSIZE


@pytest.mark.parametrize("case", ["arithmetic 06", "arithmetic 07", "walkthrough 03"])
def test_animation_highlights_thin_their_line_instead_of_shrinking_one_frame_s_text(case):
    """In a video the box may not resize the digits; it stays 1.5 pt or more, off the digits."""
    anim = _gallery_animations()[case]()
    fig = anim._fig
    anim._init_draw()
    seen = 0
    for n in (0, len(anim.steps) - 1):
        anim._draw_frame(n)
        fig.canvas.draw()
        renderer = fig.canvas.get_renderer()
        for ax in fig.axes:
            for box in [p for p in ax.patches if hasattr(p, "fit_text")]:
                seen += 1
                assert not box.fit_text
                assert box.get_linewidth() >= 1.5
                for text in ax.texts:
                    e = text.get_window_extent(renderer)
                    for x0, x1, y0, y1 in _box_bands(box, ax, renderer):
                        crosses = e.x0 < x1 and e.x1 > x0 and e.y0 < y1 and e.y1 > y0
                        assert not crosses, (case, n, text.get_text())
    assert seen >= 2  # a box in the first and the last frame
    plt.close(fig)


def test_image_grid_titles_wrap_to_their_column_not_the_axes_before_layout():
    images = {f"Transposed, kernel {k}: 45.20%": np.zeros((96, 96)) for k in (3, 4)}
    _, axes = plotting.show_images(images, title="Two crops", ncols=2)
    assert [ax.get_title() for ax in axes] == [f"{name} (96, 96)" for name in images]


_K4 = np.array([[1, 0, 0, 2], [0, 1, 3, 0], [0, 0, 1, 0], [1, 0, 0, 0]])
_X25 = np.arange(1, 26).reshape(5, 5)
_Y_PAD = np.array(  # arithmetic page 03: conv2d(_X25, _K4, padding=2)
    [
        [1, 2, 9, 11, 13, 9],
        [9, 14, 30, 36, 42, 19],
        [33, 45, 69, 78, 75, 33],
        [63, 80, 114, 123, 110, 48],
        [93, 115, 133, 141, 117, 34],
        [97, 123, 145, 152, 117, 44],
    ]
)
_Y_CROP = np.array(  # arithmetic page 07: conv2d(arange(1, 37) as 6x6, [[1, 2], [3, 4]], 2, 2)
    [
        [0, 0, 0, 0, 0],
        [0, 58, 78, 98, 0],
        [0, 178, 198, 218, 0],
        [0, 298, 318, 338, 0],
        [0, 0, 0, 0, 0],
    ]
)


@pytest.mark.parametrize(
    ("x", "kernel", "kwargs", "make"),
    [
        (_X25, _K4, {"padding": 2}, "show_convolution"),
        (_Y_PAD, _K4, {"padding": 2}, "show_zero_insertion"),
        (_Y_CROP, [[1, 2], [3, 4]], {"stride": 2, "padding": 2}, "show_zero_insertion"),
    ],
    ids=["padding 001", "padding 002", "crop 003"],
)
def test_outputs_with_three_and_four_digit_values_are_labelled(x, kernel, kwargs, make):
    """Arithmetic pages 03 and 07: the output panel gets cells large enough for its values."""
    fig, axes, out = getattr(plotting, make)(x, kernel, title="A convolution", **kwargs)
    assert np.abs(out).max() >= 1000 or make == "show_convolution"
    written = [t.get_text() for t in axes[2].texts]
    assert written == [plotting.format_value(v) for v in out.ravel()]
    assert min(t.get_fontsize() for t in _cell_texts(fig)) >= plotting.MIN_FONTSIZE
    assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH


def test_show_panels_equal_cells_draws_one_cell_size() -> None:
    """A 4x16 matrix beside a 16x1 and a 4x1 vector: every cell the same size on the page."""
    panels = [
        plotting.Panel(np.ones((4, 16)), "C", "matrix"),
        plotting.Panel(np.ones((16, 1)), "x"),
        plotting.Panel(np.ones((4, 1)), "y", "output"),
    ]

    def cell_sizes(**kwargs: bool) -> list[tuple[float, float]]:
        fig, axes = plotting.show_panels(panels, title="C @ x", operators=["@", "="], **kwargs)
        fig.canvas.draw()
        sizes = []
        for ax in axes:
            box = ax.get_window_extent()
            (x0, x1), (y1, y0) = ax.get_xlim(), ax.get_ylim()
            sizes.append((box.width / (x1 - x0), box.height / (y1 - y0)))
        plt.close(fig)
        return sizes

    sizes = cell_sizes(equal_cells=True)
    assert np.allclose(sizes, sizes[0], rtol=0.02)
    assert not np.allclose(cell_sizes(), sizes[0], rtol=0.15)  # the default enlarges y's cells


@pytest.mark.parametrize(
    "make",
    [
        # padding 1 crops a border of the output (cross-hatched); stride 2 inserts zeros
        lambda: plotting.animate_scatter(
            np.arange(1, 5).reshape(2, 2), np.ones((3, 3), int), stride=2, dilation=2, padding=1
        ),
        # padding 1 frames the input with dotted zeros
        lambda: plotting.animate_sliding(
            np.arange(4).reshape(2, 2), np.ones((2, 2), int), padding=1
        ),
    ],
    ids=["scatter", "sliding"],
)
def test_animation_digits_on_hatched_cells_sit_on_a_plain_patch(make):
    """In every frame, as in the static figures, no hatch runs through a hatched cell's digits."""
    anim = make()
    fig = anim._fig
    anim._init_draw()
    seen = 0
    for n in range(len(anim.steps)):
        anim._func(n)
        for ax in fig.axes:
            cells = {
                (round(p.get_y() + 0.5), round(p.get_x() + 0.5)): p
                for p in ax.patches
                if p.get_hatch() and p.get_width() == 1
            }
            for text in ax.texts:
                x, y = text.get_position()
                cell = cells.get((round(y), round(x)))
                if cell is None or not text.get_text():
                    continue
                seen += 1
                patch = text.get_bbox_patch()
                assert patch is not None, (n, text.get_text(), x, y)
                assert patch.get_facecolor() == cell.get_facecolor()
                assert not patch.get_hatch()
    assert seen  # the frames do have hatched cells with digits
    plt.close(fig)
