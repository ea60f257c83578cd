"""The drawing helpers, by what a reader sees: values in cells, honest colours, clean layout."""

from __future__ import annotations

import itertools
import subprocess
import sys

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.animation import AbstractMovieWriter
from matplotlib.collections import PatchCollection

import transposed_conv as tc
from transposed_conv import plotting
from transposed_conv.plotting._lines import LABEL_REACH

# an animation only made for its sentences is never drawn, and says so when collected
pytestmark = pytest.mark.filterwarnings(
    "ignore:Exception ignored in.*Animation.__del__:pytest.PytestUnraisableExceptionWarning"
)

X = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
K = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])
X2 = np.array([[1, 3], [2, 3]])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _cells(ax):
    """The collection of an axes' plain cells (the one with a colour map)."""
    return next(c for c in ax.collections if c.get_array() is not None)


def _texts(ax):
    """Cell texts by (row, column)."""
    return {(round(t.get_position()[1]), round(t.get_position()[0])): t for t in ax.texts}


def _luminance(rgb):
    rgb = np.asarray(rgb[:3], dtype=float)
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def _contrast(a, b):
    la, lb = sorted([_luminance(mpl.colors.to_rgb(a)), _luminance(mpl.colors.to_rgb(b))])
    return (lb + 0.05) / (la + 0.05)


class Frames(AbstractMovieWriter):
    """Calls ``seen(figure)`` at every frame of ``anim.save``: the frames through public API."""

    def __init__(self, seen):
        super().__init__(fps=1)
        self.seen = seen

    def setup(self, fig, _outfile, dpi=None):
        self.fig, self.dpi = fig, dpi

    def grab_frame(self, **_kwargs):
        self.seen(self.fig)

    def finish(self):
        pass


def _each_frame(anim, seen, tmp_path):
    anim.save(str(tmp_path / "frames"), writer=Frames(seen))


def test_importing_the_package_does_not_import_matplotlib():
    code = (
        "import transposed_conv, transposed_conv.plotting, sys; print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- cells, values and colours ------------------------------------------------------------------


def test_values_are_written_in_the_cells():
    data = np.array([[6, 3, 2], [2, 5, 2]])
    ax = plotting.show_matrix(data, title="Input")
    assert {rc: t.get_text() for rc, t in _texts(ax).items()} == {
        (r, c): str(v) for (r, c), v in np.ndenumerate(data)
    }
    assert ax.get_title() == "Input (2, 3)"


def test_non_negative_scales_start_at_zero_so_colour_says_how_large():
    """74 beside 94 is nearly as dark as 94, not white; 0 is the lightest tint."""
    ax = plotting.show_matrix([[74, 94], [82, 75]], role="output")
    cells = _cells(ax)
    assert (cells.norm.vmin, cells.norm.vmax) == (0, 94)
    assert cells.get_cmap().name == plotting.ROLES["output"]
    assert cells.norm(74) > 0.75
    ax = plotting.show_matrix(np.full((2, 2), 0.25))
    assert [t.get_text() for t in ax.texts] == ["0.25"] * 4
    assert _cells(ax).norm.vmin == 0


def test_text_is_black_or_white_whichever_reads_on_its_cell():
    ax = plotting.show_matrix(np.arange(9).reshape(3, 3), role="output")
    cells = _cells(ax)
    where = [(r, c) for r in range(3) for c in range(3)]
    fills = dict(zip(where, cells.to_rgba(cells.get_array()), strict=True))
    for rc, text in _texts(ax).items():
        assert _contrast(text.get_color(), fills[rc]) >= 4.5, (rc, text.get_color())
    assert {t.get_color() for t in ax.texts} == {"black", "white"}


def test_padding_and_inserted_zeros_are_styled_and_carry_no_digits():
    x = np.array([[0, 0, 0, 0], [0, 5, 0, 7], [0, 0, 0, 0]])
    padded = np.zeros(x.shape, dtype=bool)
    padded[0] = True
    inserted = np.zeros(x.shape, dtype=bool)
    inserted[1, 2] = True
    cropped = np.zeros(x.shape, dtype=bool)
    cropped[2] = True
    ax = plotting.show_matrix(x, padded=padded, inserted=inserted, cropped=cropped)
    hatches = {c.get_hatch() for c in ax.collections if c.get_hatch()}
    assert hatches == {s["hatch"] for s in plotting.CELL_STYLES.values()}
    texts = _texts(ax)
    # zeros by definition: no "0" on padding or inserted zeros, one rule for the site
    assert not any(padded[rc] or inserted[rc] for rc in texts)
    # cropped cells hold values that are cut away: written in a hole of their hatch that clears
    # the digit by a margin (the hatch frames it, never runs through or beside it)
    _digits_clear_of_the_hatch(ax, {(2, c) for c in range(4)})
    assert (_cells(ax).norm.vmin, _cells(ax).norm.vmax) == (0, 7)  # masked zeros not counted
    styles = {tuple(s.values()) for s in plotting.CELL_STYLES.values()}
    assert len(styles) == 3


def _hatch_frames(ax):
    """The cropped cells' hatched frames, each a path with a hole for its digit."""
    hatch = plotting.CELL_STYLES["cropped"]["hatch"]
    (frames,) = [
        c
        for c in ax.collections
        if c.get_hatch() == hatch and any(len(p.vertices) == 10 for p in c.get_paths())
    ]
    return frames


def _digits_clear_of_the_hatch(ax, cells):
    """Each cropped cell of ``cells`` has a hatched frame whose hole clears its digit by a tenth
    of a cell at least, and a ring of hatch that shows (the frame is at least 0.04 cells wide);
    with one or two digits, 40% of the cell or more stays hatched, so it reads as cross-hatched as the
    colour key says (a hole of 0.8 of the cell left a thin ring that looked like a dashed box)."""
    frames = _hatch_frames(ax)
    assert frames.get_facecolor()[0][3] == 0  # the page shows through
    texts = _texts(ax)
    ax.figure.draw_without_rendering()
    cell = ax.transData.transform([1, 0])[0] - ax.transData.transform([0, 0])[0]
    holes = {}
    for path in frames.get_paths():
        outer, hole = path.vertices[:4], path.vertices[5:9]
        assert (outer.max(0) - outer.min(0) - (hole.max(0) - hole.min(0)) >= 0.08).all()
        (x0, y0), (x1, y1) = ax.transData.transform([hole.min(0), hole.max(0)])
        centre = (round(hole[:, 1].mean()), round(hole[:, 0].mean()))
        holes[centre] = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        if len(texts[centre].get_text()) <= 2:
            hatched = 1 - np.prod(hole.max(0) - hole.min(0)) / np.prod(outer.max(0) - outer.min(0))
            assert hatched >= 0.4, (centre, hatched)
    assert set(holes) == set(cells)
    for rc, (x0, y0, x1, y1) in holes.items():
        digit = texts[rc].get_window_extent()
        margin = min(digit.x0 - x0, x1 - digit.x1, digit.y0 - y0, y1 - digit.y1)
        assert margin >= 0.08 * cell, rc


def test_cropped_cells_show_the_page_so_they_recede_on_a_light_and_a_dark_page():
    """Cells that are thrown away: the page shows through them (a white fill was the brightest
    thing in a figure on the dark page), and their digits read on both pages alike."""
    x = np.arange(12).reshape(3, 4)
    cropped = np.zeros(x.shape, dtype=bool)
    cropped[0] = True
    blank = np.zeros(x.shape, dtype=bool)
    blank[0, :2] = True  # not reached yet: hatched whole, no digit
    ax = plotting.show_matrix(x, cropped=cropped, blank=blank)
    hatched = [c for c in ax.collections if c.get_hatch() == "xx"]
    assert len(hatched) == 2
    for collection in hatched:
        assert collection.get_facecolor()[0][3] == 0
    digits = {rc: t for rc, t in _texts(ax).items() if cropped[rc]}
    assert set(digits) == {(0, 2), (0, 3)}
    for text in digits.values():
        assert _contrast(text.get_color(), "#ffffff") >= 4
        assert _contrast(text.get_color(), "#14181e") >= 4
    key = plotting.show_color_key().legends[0]  # the key's swatch as the cells
    swatches = dict(zip([t.get_text() for t in key.get_texts()], key.legend_handles, strict=True))
    assert swatches["cropped cells"].get_facecolor()[3] == 0
    assert swatches["cropped cells"].get_hatch() == "xx"


def test_the_players_cropped_ring_frames_its_digits_as_the_static_figures_do(tmp_path):
    """The scatter player's last frame: each cropped digit in a hole of the hatch, clear of it."""
    kernel = np.array([[1, 2], [3, 4]])
    x2 = tc.conv2d(np.add.outer(np.arange(6), np.arange(6)) % 3, kernel, stride=2, padding=2)
    anim = plotting.animate_scatter(x2, kernel, stride=2, padding=2)
    ring = np.ones((10, 10), dtype=bool)
    ring[2:8, 2:8] = False
    seen = []

    def check(fig):
        seen.append(fig)
        if len(seen) == len(anim.steps):  # the last frame: every stamp added
            (output,) = [a for a in fig.axes if a.get_title().startswith("Output")]
            _digits_clear_of_the_hatch(output, {tuple(rc) for rc in np.argwhere(ring)})

    _each_frame(anim, check, tmp_path)
    assert len(seen) == len(anim.steps)


def test_kernel_cells_are_rounded_so_the_kernel_differs_from_the_output_by_shape():
    kernel = _cells(plotting.show_matrix(K, role="kernel")).get_paths()[0]
    output = _cells(plotting.show_matrix(K, role="output")).get_paths()[0]
    assert len(output.vertices) == 5  # a square
    assert len(kernel.vertices) > 5  # with curved corners


def test_a_vector_is_one_row_without_a_row_number():
    ax = plotting.show_matrix([1, 2, 3], title="Signal")
    assert ax.get_title() == "Signal (3,)"
    assert [t.get_text() for t in ax.texts] == ["1", "2", "3"]
    assert not ax.get_yticks().size
    assert [t.get_text() for t in ax.get_xticklabels()] == ["0", "1", "2"]


def test_blank_cells_are_outlined_without_a_value():
    ax = plotting.show_matrix([[1, 2], [3, 4]], blank=[[False, True], [True, True]])
    assert [t.get_text() for t in ax.texts] == ["1"]
    outlines = [c for c in ax.collections if c is not _cells(ax)]
    assert len(outlines) == 1
    assert len(outlines[0].get_paths()) == 3


def test_signed_data_get_a_diverging_map_centred_on_zero_and_a_colour_bar():
    ax = plotting.show_matrix([[-0.16, 0.5], [0.25, -1]])
    cells = _cells(ax)
    assert cells.get_cmap().name == plotting.SIGNED_CMAP
    assert cells.norm.vmin == -cells.norm.vmax == -1
    bars = [a for a in ax.figure.axes if a.get_label() == "<colorbar>"]
    assert [b.get_ylabel() for b in bars] == ["negative ← 0 → positive"]
    fig, axes = plotting.show_panels(
        [
            plotting.Panel([[-1, 2]], "Group 0 kernel", "kernel"),
            plotting.Panel([[3, -4]], "Group 1 kernel", "kernel"),
        ],
        title="Random kernels",
    )
    assert {(_cells(a).norm.vmin, _cells(a).norm.vmax) for a in axes} == {(-4, 4)}
    assert len(fig.axes) == 3  # two panels and one colour bar for the shared scale
    ax = plotting.show_matrix([[0, 2]], role="output")
    assert _cells(ax).get_cmap().name == "Greens"
    assert len(ax.figure.axes) == 1  # values written: no colour bar


def test_colour_bars_of_integers_tick_integers_and_short_bars_are_not_slivers():
    ax = plotting.show_matrix(np.arange(16).reshape(4, 4) % 4, role="kernel", values=False)
    (bar,) = [a for a in ax.figure.axes if a.get_label() == "<colorbar>"]
    assert list(bar.get_yticks()) == [0, 1, 2, 3]
    ax = plotting.show_matrix(np.arange(16).reshape(4, 4) / 5, values=False)
    (bar,) = [a for a in ax.figure.axes if a.get_label() == "<colorbar>"]
    assert any(not float(t).is_integer() for t in bar.get_yticks())
    fig, _ = plotting.show_panels(
        [
            plotting.Panel([[0.6, -0.4], [0.1, -0.2]], "Gradient g"),
            plotting.Panel(np.arange(25).reshape(5, 5), "Output", "output"),
        ],
        title="A small signed panel beside a big one",
    )
    fig.draw_without_rendering()
    (bar,) = [a for a in fig.axes if a.get_label() == "<colorbar>"]
    assert bar.get_position().width * fig.get_figwidth() >= 0.08  # inches
    assert bar.get_ylabel() == ""  # a label longer than the bar would sit beside the next panel


@pytest.mark.parametrize("role", ["input", "kernel", "output", "matrix"])
def test_single_hue_maps_start_at_a_visible_tint(role):
    colorspacious = pytest.importorskip("colorspacious")
    lightest = np.array(plotting.role_cmap(role)(0.0)[:3])
    white = colorspacious.cspace_convert([1.0, 1.0, 1.0], "sRGB1", "CAM02-UCS")
    tint = colorspacious.cspace_convert(lightest, "sRGB1", "CAM02-UCS")
    assert np.linalg.norm(tint - white) > 5  # not a white cell that reads as empty


def test_panels_of_one_role_share_a_scale_unless_told_not_to():
    panels = [
        plotting.Panel([[1, 2], [3, 4]], "1 x kernel", "kernel"),
        plotting.Panel([[3, 6], [9, 12]], "3 x kernel", "kernel"),
        plotting.Panel([[5]], "Input"),
    ]
    _, axes = plotting.show_panels(panels, title="Two stamps")
    assert (_cells(axes[0]).norm.vmax, _cells(axes[1]).norm.vmax) == (12, 12)
    _, own = plotting.show_panels(panels, title="Two stamps", share_norm=False)
    assert [_cells(a).norm.vmax for a in own[:2]] == [4, 12]


def test_matrices_too_big_for_their_values_show_a_colour_bar_instead():
    ax = plotting.show_matrix(np.random.default_rng(0).random((40, 40)), title="Big")
    assert not ax.texts
    assert len(ax.figure.axes) == 2
    small = plotting.show_matrix(np.arange(4).reshape(2, 2))
    assert len(small.texts) == 4
    assert len(small.figure.axes) == 1


def test_highlight_boxes_lie_on_cell_borders():
    ax = plotting.show_matrix(np.zeros((4, 4)))
    box = plotting.highlight(ax, (1, 3), 2, label="window", linestyle="--")
    assert box.get_xy() == (1.5, 0.5)
    assert (box.get_width(), box.get_height()) == (1, 2)
    assert mpl.colors.to_hex(box.get_edgecolor()) == "#000000"
    with pytest.raises(ValueError, match="rows must span at least one cell"):
        plotting.highlight(ax, (2, 2), 0)
    with pytest.raises(ValueError, match="step 1"):
        plotting.highlight(ax, slice(0, 4, 2), 0)


def test_bad_input():
    with pytest.raises(ValueError, match="role must be one of"):
        plotting.show_matrix([[1]], role="bias")
    with pytest.raises(ValueError, match=r"data must be 1-D or 2-D, got shape \(1, 1, 1\)"):
        plotting.show_matrix(np.ones((1, 1, 1)))
    with pytest.raises(TypeError, match="data must be numeric"):
        plotting.show_matrix([["a"]])
    panels = [plotting.Panel([[1]], "a"), plotting.Panel([[1]], "b"), plotting.Panel([[1]], "c")]
    with pytest.raises(ValueError, match="operators must have 2 entries"):
        plotting.show_panels(panels, title="x", operators=["="])
    with pytest.raises(ValueError, match="panels must not be empty"):
        plotting.show_panels([], title="x")
    with pytest.raises(ValueError, match="ncols must be positive"):
        plotting.show_panels(panels, title="x", ncols=0)
    with pytest.raises(ValueError, match=r"roles\['a'\] must be one of"):
        plotting.show_lines({"a": [1, 2]}, title="t", xlabel="x", ylabel="y", roles={"a": "red"})
    lines = {"title": "t", "xlabel": "x", "ylabel": "y"}
    with pytest.raises(ValueError, match=r"filled must name series, got \['b'\]"):
        plotting.show_lines({"a": [1, 2]}, filled=["b"], **lines)
    with pytest.raises(ValueError, match=r"bands\['band'\] must be \(x0, x1\) with x0 < x1"):
        plotting.show_lines({"a": [1, 2]}, bands={"band": (0.5, 0.25)}, **lines)
    with pytest.raises(ValueError, match="panels must be a non-empty dict"):
        plotting.show_line_panels({"p": {}}, **lines)
    with pytest.raises(ValueError, match="colorbar='v' needs same_scale=True"):
        plotting.show_images({"a": np.eye(3), "b": np.eye(3)}, title="t", colorbar="v")


def test_panels_operators_titles_and_rows():
    fig, axes = plotting.show_panels(
        [plotting.Panel(X2, "Input"), plotting.Panel(K, "Kernel", "kernel")],
        title="Input and kernel",
        operators=["⋆"],
    )
    assert fig.get_suptitle() == "Input and kernel"
    assert [a.get_title() for a in axes] == ["Input (2, 2)", "Kernel (3, 3)"]
    ops = [t.get_text() for a in fig.axes if a not in axes for t in a.texts]
    assert ops == ["⋆"]
    panels = [plotting.Panel(np.eye(3), f"Panel {k}") for k in range(3)]
    fig, axes = plotting.show_panels(panels, title="Three panels in two rows", ncols=2)
    assert [a.get_subplotspec().rowspan.start for a in axes] == [0, 0, 1]
    assert not fig.axes[3].axison  # the empty fourth slot is hidden


def test_an_operator_that_wraps_ends_its_row():
    """Three panels in rows of two: ``a ∗ b =`` on the first row, then ``c``; with bigger
    cells than the same three in one row (what wrapping is for)."""
    panels = [plotting.Panel(np.eye(5), "a"), plotting.Panel(np.eye(5), "b", "kernel")]
    panels.append(plotting.Panel(np.eye(5), "c", "output"))
    fig, axes = plotting.show_panels(panels, title="Wrapped", operators=["∗", "="], ncols=2)
    ops = {
        t.get_text(): (a.get_subplotspec().rowspan.start, a.get_subplotspec().colspan.start)
        for a in fig.axes
        if a not in axes
        for t in a.texts
    }
    places = [(a.get_subplotspec().rowspan.start, a.get_subplotspec().colspan.start) for a in axes]
    assert places == [(0, 0), (0, 2), (1, 0)]
    assert ops == {"∗": (0, 1), "=": (0, 3)}  # after b, at the end of the first row
    fig.draw_without_rendering()
    for op in (a for a in fig.axes if a not in axes and a.texts):  # right of the panel before
        before = axes[0 if op.texts[0].get_text() == "∗" else 1]
        assert op.get_position().x0 >= before.get_position().x1
    row_fig, one_row = plotting.show_panels(panels, title="One row", operators=["∗", "="])
    row_fig.draw_without_rendering()
    assert _cell_size(axes[0]) > 1.2 * _cell_size(one_row[0])


def test_panels_wrap_rather_than_drop_their_values():
    """Three grids whose one row leaves cells too small for their values: by default the row
    wraps (the output under the input, the operator ending the first row) and every value is
    written; forced onto one row, the values go (a colour bar instead). Small panels stay on
    one row."""
    panels = [
        plotting.Panel(np.arange(81).reshape(9, 9), "Input"),
        plotting.Panel(np.arange(16).reshape(4, 4), "Kernel", "kernel"),
        plotting.Panel(5 * np.arange(49).reshape(7, 7), "Output", "output"),
    ]
    fig, axes = plotting.show_panels(panels, title="Wrapped", operators=["∗", "="])
    assert [a.get_subplotspec().rowspan.start for a in axes] == [0, 0, 1]
    assert [len(a.texts) for a in axes] == [81, 16, 49]
    assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH
    _, one_row = plotting.show_panels(panels, title="One row", operators=["∗", "="], ncols=3)
    assert [a.get_subplotspec().rowspan.start for a in one_row] == [0, 0, 0]
    assert not one_row[0].texts
    small = [plotting.Panel(X2, "Input"), plotting.Panel(K, "Kernel", "kernel")]
    _, axes = plotting.show_panels(small, title="Small", operators=["∗"])
    assert [a.get_subplotspec().rowspan.start for a in axes] == [0, 0]


def _cell_size(ax):
    """A cell's side in inches, as drawn."""
    return ax.get_position().width * ax.figure.get_figwidth() / abs(np.subtract(*ax.get_xlim()))


def test_a_channel_sum_draws_the_input_channels_of_its_group_and_their_kernels():
    """Output channel 2 of groups=2 with C_in = 4, C_out = 4: group 1, input channels 2 and 3,
    kernels weight[c, 0]; the output panel is that channel of conv_transpose2d."""
    x = np.arange(16).reshape(4, 2, 2) % 5
    weight = np.arange(32).reshape(4, 2, 2, 2) % 3
    fig, axes, y = plotting.show_channel_sum(x, weight, 2, groups=2, stride=2, title="Channel 2")
    full = tc.conv_transpose2d(x, weight, stride=2, groups=2)
    np.testing.assert_array_equal(y, full[2])
    for ax, data in zip(axes, [x[2], weight[2, 0], x[3], weight[3, 0], full[2]], strict=True):
        texts = _texts(ax)
        rows, cols = data.shape
        drawn = [[float(texts[r, c].get_text()) for c in range(cols)] for r in range(rows)]
        np.testing.assert_array_equal(drawn, data)
    assert [" ".join(a.get_title().split()) for a in axes] == [
        "x[2] (2, 2)",
        "w[2, 0] (2, 2)",
        "x[3] (2, 2)",
        "w[3, 0] (2, 2)",
        "y[2] (4, 4)",
    ]
    assert [_cells(a).get_cmap().name for a in axes] == ["Blues", "Oranges"] * 2 + ["Greens"]
    ops = [t.get_text() for a in fig.axes if a not in axes for t in a.texts]
    assert ops == [plotting.TRANSPOSED, "+", plotting.TRANSPOSED, "="] == ["∗ᵀ", "+", "∗ᵀ", "="]
    with pytest.raises(ValueError, match=r"out_channel must be in \[0, 4\), got 4"):
        plotting.show_channel_sum(x, weight, 4, groups=2, title="No such channel")
    with pytest.raises(ValueError, match=r"x must have shape \(C_in, H, W\), got shape \(2, 2\)"):
        plotting.show_channel_sum(x[0], weight, 0, title="One channel, no channel axis")
    with pytest.raises(ValueError, match=r"weight must have shape"):
        plotting.show_channel_sum(x, weight[:, 0], 0, title="A 3-D weight")
    with pytest.raises(TypeError):
        plotting.show_channel_sum(x, weight, 1.5, title="A fractional channel")


def test_framed_panel_masks():
    p = plotting.framed_panel([[1, 2], [3, 4]], "x", stride=2, pad_width=[(1, 1), (1, 1)])
    np.testing.assert_array_equal(
        p.data,
        [[0, 0, 0, 0, 0], [0, 1, 0, 2, 0], [0, 0, 0, 0, 0], [0, 3, 0, 4, 0], [0, 0, 0, 0, 0]],
    )
    assert p.padded[0].all()
    assert not p.padded[1:4, 1:4].any()
    np.testing.assert_array_equal(np.argwhere(p.inserted), [[1, 2], [2, 1], [2, 2], [2, 3], [3, 2]])
    cropped = plotting.framed_panel([1, 2, 3], "x", pad_width=[(-1, 0)])
    np.testing.assert_array_equal(cropped.data, [2, 3])


def test_one_figure_writes_its_numbers_in_one_format():
    """Never 9/16 beside 1.1, nor 1.25 beside 1.7: fractions or decimals with equal places."""
    small = np.array([[1.0, 3.0], [2.0, 3.0]])
    ups = [tc.interpolate(small, 2, m) for m in ("nearest", "bilinear", "bicubic")]
    _, axes = plotting.show_panels(
        [plotting.Panel(small, "Input")] + [plotting.Panel(u, "Up", "output") for u in ups],
        title="Three up-samplings",
        ncols=2,
    )
    texts = [t.get_text() for a in axes for t in a.texts]
    non_integers = [t for t in texts if not t.lstrip("-").isdigit()]
    assert non_integers
    assert all("/" not in t for t in non_integers)
    assert {len(t.split(".")[1]) for t in non_integers} == {2}
    bilinear = np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64
    ax = plotting.show_matrix(bilinear)
    from fractions import Fraction

    assert sum(Fraction(t.get_text()) for t in ax.texts) == 1


# --- layout by behaviour: every word legible, inside the canvas, over no other ----------------


def _rng():
    return np.random.default_rng(0)


def _responses():
    """Kernel responses over a filled spectrum in two panels, as the imaging page draws them."""
    f = np.fft.rfftfreq(256)
    r4 = _rng().uniform(0, 1, 4)
    kernels = {
        "random 4, equal sums (1)": tc.equalize_phase_sums(r4, 2, padding=1),
        "random 4 (0)": r4,
        "bilinear (3)": np.array([1, 3, 3, 1]) / 4,
        "[0.75, 0.25, 0.25, 0.75] (1)": np.array([3, 1, 1, 3]) / 4,
        "nearest (1)": np.ones(2),
    }
    w = {k: np.abs(np.fft.rfft(v, 256)) / v.sum() for k, v in kernels.items()}
    x = {"|X(2f)|": np.exp(-(((f - 0.02) / 0.02) ** 2)) + np.exp(-(((f - 0.48) / 0.02) ** 2))}
    names = list(w)
    panels = {
        "Equal sums put a zero at 1/2": x | {k: w[k] for k in names[:2]},
        "A higher order keeps |W| small": x | {k: w[k] for k in names[2:]},
    }
    return (panels,)


_RESPONSES = {
    "x": np.fft.rfftfreq(256),
    "title": "Kernel responses over a stretched input",
    "xlabel": "f (cycles per output sample)",
    "ylabel": "|W(f)| / |W(0)|",
    "roles": {"|X(2f)|": "input", "random 4, equal sums (1)": "kernel", "bilinear (3)": "kernel"}
    | dict.fromkeys(("random 4 (0)", "[0.75, 0.25, 0.25, 0.75] (1)", "nearest (1)"), "neutral"),
    "bands": {"image band": (0.25, 0.5)},
    "filled": ["|X(2f)|"],
}


MAKE = {
    "matrix": lambda: plotting.show_matrix(X, title="Input").figure,
    "bilinear": lambda: plotting.show_matrix(np.outer([1, 3, 3, 1], [1, 3, 3, 1]) / 64).figure,
    "panels": lambda: plotting.show_panels(
        [
            plotting.Panel(X, "Input"),
            plotting.Panel(K, "Kernel", "kernel"),
            plotting.Panel(tc.conv2d(X, K), "Output", "output"),
        ],
        title="Output[0, 0] = 94 is the sum of input[0:3, 0:3] times the kernel",
        operators=["∗", "="],
    )[0],
    "long titles": lambda: plotting.show_panels(
        [
            plotting.Panel(np.arange(64).reshape(4, 16), "A wide matrix, long name", "matrix"),
            plotting.Panel(np.ones((16, 1)), "A tall column vector with a long name"),
        ],
        title="A wide matrix and a tall vector, each with a long title that must wrap",
        equal_cells=True,
    )[0],
    "signed": lambda: plotting.show_panels(
        [
            plotting.Panel(np.round(_rng().standard_normal((4, 4)), 2), "Gradient"),
            plotting.Panel(np.round(_rng().standard_normal((3, 3)), 2), "Kernel", "kernel"),
        ],
        title="Signed values",
    )[0],
    "zero insertion": lambda: plotting.show_zero_insertion(
        X2, K, stride=2, padding=1, dilation=2, title="All at once"
    )[0],
    "convolution": lambda: plotting.show_convolution(X, K, padding=1, title="Half padding")[0],
    "wrapped convolution": lambda: plotting.show_zero_insertion(
        np.arange(9).reshape(3, 3), K, dilation=2, title="The output on a row of its own"
    )[0],
    "channel sum": lambda: plotting.show_channel_sum(
        np.arange(16).reshape(4, 2, 2) % 4,
        np.arange(16).reshape(4, 1, 2, 2) % 3,
        1,
        groups=2,
        stride=2,
        title="Group 1: input channels 2 and 3 make output channel 1",
        names=("x4", "w4", "y4"),
    )[0],
    "images": lambda: plotting.show_images(
        {"photo": plotting.sample_photo(64), "difference": _rng().standard_normal((64, 64))},
        title="A photo and a difference",
    )[0],
    "lines": lambda: (
        plotting.show_lines(
            {"a": np.linspace(0, 1, 20), "b": np.linspace(1, 0, 20) ** 2},
            title="Two lines, labelled where they are",
            xlabel="x",
            ylabel="y",
        ).figure
    ),
    "line panels": lambda: plotting.show_line_panels(*_responses(), **_RESPONSES)[0],
    "spectra": lambda: plotting.show_spectra(
        {"flat": np.ones((16, 16)), "checks": np.indices((16, 16)).sum(axis=0) % 2},
        title="Two spectra",
    )[0],
    "key": plotting.show_color_key,
    "product": lambda: plotting.show_product(
        tc.convolution_matrix((4, 4), K), X.ravel(), title="C times the flattened input x"
    )[0],
}
"""Each helper on the site's numbers, and on awkward ones (long titles, wide, signed)."""


def _drawn_tick_labels(ax):
    """The tick labels matplotlib draws: visible, with text, at a tick inside the view."""
    if not ax.axison:
        return []
    out = []
    for axis, coord in ((ax.xaxis, 0), (ax.yaxis, 1)):
        lo, hi = sorted(axis.get_view_interval())
        for label in axis.get_ticklabels():
            where = label.get_position()[coord]
            if label.get_visible() and label.get_text() and lo - 1e-9 <= where <= hi + 1e-9:
                out.append(label)
    return out


def _words(fig):
    """Every text drawn, with its extent in pixels: titles, numbers, labels, cell values."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = [*fig.texts, *(t for legend in fig.legends for t in legend.get_texts())]
    for ax in fig.axes:
        if not ax.get_visible():
            continue
        texts += [ax.title, *ax.texts, *_drawn_tick_labels(ax)]
        if ax.axison:
            texts += [ax.xaxis.label, ax.yaxis.label]
    return [
        (t, t.get_window_extent(renderer))
        for t in texts
        if t.get_visible() and t.get_text().strip()
    ]


@pytest.mark.parametrize("name", list(MAKE))
def test_every_word_is_inside_the_canvas_and_over_no_other_word(name):
    fig = MAKE[name]()
    assert fig.get_size_inches()[0] <= plotting.MAX_WIDTH == 6.5
    words = _words(fig)
    canvas = fig.bbox
    for text, box in words:
        inside = (
            box.x0 >= -0.5,
            box.y0 >= -0.5,
            box.x1 <= canvas.x1 + 0.5,
            box.y1 <= canvas.y1 + 0.5,
        )
        assert all(inside), (name, text.get_text(), box)
    for (a, ea), (b, eb) in itertools.combinations(words, 2):
        overlap = min(ea.x1, eb.x1) - max(ea.x0, eb.x0), min(ea.y1, eb.y1) - max(ea.y0, eb.y0)
        assert min(overlap) <= 0.5, (name, a.get_text(), b.get_text())


@pytest.mark.parametrize(
    "name", [n for n in MAKE if n not in ("images", "lines", "spectra", "key")]
)
def test_cell_values_are_legible_and_fit_their_cells(name):
    fig = MAKE[name]()
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        if not any(isinstance(c, PatchCollection) for c in ax.collections):
            continue
        cell = ax.transData.transform([(1, 0)])[0] - ax.transData.transform([(0, 0)])[0]
        for text in ax.texts:
            assert text.get_fontsize() >= plotting.MIN_FONTSIZE, (name, text.get_text())
            assert text.get_window_extent(renderer).width <= abs(cell[0]), (name, text.get_text())


# The site shows a panel across a phone's 288 px text column less its row numbers (about 260 px)
# at the least; its digits must stay 7 px tall there (docs/_ext/legibility.py): digits are 0.73
# of the font size, so a panel may be at most 260 / 7 x 0.73 = 27 times its text's size wide.
PHONE_WIDTHS_PER_FONTSIZE = 260 / 7 * 0.73


@pytest.mark.parametrize(
    ("shape", "values"),
    [((4, 16), 5), ((4, 25), 10), ((1, 17), 4)],
    ids=["C 4x16", "C 4x25", "1-D row of 17"],
)
def test_wide_panels_keep_digits_a_phone_can_read(shape, values):
    data = np.arange(np.prod(shape)).reshape(shape) % values
    fig, (ax,) = plotting.show_panels([plotting.Panel(data, "Wide", "matrix")], title="A wide one")
    fig.draw_without_rendering()
    width_pt = ax.get_window_extent().width / fig.dpi * 72
    for text in ax.texts:
        assert width_pt / text.get_fontsize() <= PHONE_WIDTHS_PER_FONTSIZE, text.get_text()


def test_highlight_lines_never_cross_a_digit():
    full = np.arange(81).reshape(9, 9) % 64 + 10
    fig, axes = plotting.show_panels(
        [
            plotting.Panel(full, "Full result", "output"),
            plotting.Panel(full[:8, :8], "TF", "output"),
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
        half = renderer.points_to_pixels(box.get_linewidth() / 2)
        edges = box.get_window_extent(renderer)
        for text in axes[0].texts:
            e = text.get_window_extent(renderer)
            for x in (edges.x0, edges.x1):
                assert not (
                    e.x0 < x + half and e.x1 > x - half and e.y1 > edges.y0 and e.y0 < edges.y1
                )
            for y in (edges.y0, edges.y1):
                assert not (
                    e.y0 < y + half and e.y1 > y - half and e.x1 > edges.x0 and e.x0 < edges.x1
                )


# --- animations -----------------------------------------------------------------------------


def test_scatter_animation_carries_its_figure_and_a_sentence_per_frame(tmp_path):
    anim = plotting.animate_scatter(X2, K, stride=2, padding=1, output_padding=1)
    assert anim.figure.get_suptitle() == "Each input value stamps a scaled copy of the kernel"
    assert len(anim.steps) == 5
    assert anim.steps[-1] == (
        "All 4 stamps are added. Cropping 1 row and column at the top and left; "
        "output_padding = 1 gives back the one at the bottom and right: the 4 x 4 block, "
        "rows 1-4 and columns 1-4, is the output. Dashed: the last row and the last column, "
        "which output_padding adds."
    )
    seen = []

    def look(fig):
        panels = [a for a in fig.axes if a.collections]
        seen.append(
            (
                [(_cells(a).norm.vmin, _cells(a).norm.vmax) for a in panels],
                {rc: t.get_text() for rc, t in _texts(panels[3]).items()},
                [a.get_position().bounds for a in fig.axes],
            )
        )

    _each_frame(anim, look, tmp_path)
    assert len(seen) == 5
    # one colour scale per panel in every frame
    assert len({tuple(s[0]) for s in seen}) == 1
    # the panels stay put
    assert len({tuple(s[2]) for s in seen}) == 1
    # the last frame writes the whole sum; the block left uncropped is the transposed convolution
    final = tc.conv_transpose2d(X2, K, stride=2, padding=1, output_padding=1)
    values = np.array([[float(seen[-1][1][r, c]) for c in range(5)] for r in range(5)])
    np.testing.assert_array_equal(values[1:5, 1:5], final)
    # the first frame writes only the first stamp's cells
    assert len(seen[0][1]) == 9


def _colours(ax):
    """The fill of each plain cell of ``ax``, by (row, column)."""
    cells = _cells(ax)
    return {
        (round(v[:4, 1].mean()), round(v[:4, 0].mean())): tuple(np.round(rgba, 6))
        for v, rgba in zip(
            (path.vertices for path in cells.get_paths()), cells.get_facecolor(), strict=True
        )
    }


@pytest.mark.parametrize("dilation", [1, 2], ids=["plain", "dilated"])
def test_scatter_frames_draw_the_kernel_as_it_is_drawn_alone(tmp_path, dilation):
    """In every frame the kernel panel is the kernel, coloured as in a figure of the kernel
    alone: its largest weight the darkest orange (design review: it was the stamps' scale,
    so the last frame drew it pale). The stamps, products not kernel values, are grey, on
    one scale for every frame."""
    x = np.array([[1, 13], [6, 11]])  # stamps up to 13 times the kernel
    _, (alone,) = plotting.show_panels([plotting.Panel(K, "Kernel", "kernel")], title="K alone")
    expected = _colours(alone)
    darkest = tuple(np.round(plotting.role_cmap("kernel")(1.0), 6))
    anim = plotting.animate_scatter(x, K, dilation=dilation)
    kernels, stamps = [], []

    def look(fig):
        panels = [a for a in fig.axes if a.collections]
        kernels.append((panels[1].get_title(), _colours(panels[1])))
        stamp = _cells(panels[2])
        stamps.append((stamp.cmap.name, stamp.norm.vmin, stamp.norm.vmax))

    _each_frame(anim, look, tmp_path)
    assert len(kernels) == x.size + 1
    for title, colours in kernels:
        assert title == f"Kernel {K.shape if dilation == 1 else (5, 5)}"
        # the dilated kernel's taps sit two cells apart
        assert {(dilation * r, dilation * c): v for (r, c), v in expected.items()} == colours
    assert expected[1, 1] == darkest  # the 4: the largest weight
    assert set(stamps) == {("Greys", 0.0, 13.0 * K.max())}


def _dashed_cells(ax):
    """Centres (row, column) of the cells outlined by ``mark_cells(..., linestyle="--")``."""
    dashed = [
        c
        for c in ax.collections
        if c.get_array() is None
        and len(c.get_edgecolor())  # matplotlib 3.8: none for an unstroked collection
        and mpl.colors.same_color(c.get_edgecolor()[0], plotting.HIGHLIGHT_COLOR)
        and c.get_linestyle()[0][1] is not None
    ]
    return {
        (round(v[:4, 1].mean()), round(v[:4, 0].mean()))
        for c in dashed
        for v in (path.vertices for path in c.get_paths())
    }


@pytest.mark.parametrize(
    ("padding", "output_padding", "grid", "box"),
    [(1, 1, 5, slice(1, 5)), (0, 1, 6, slice(0, 6)), (2, 1, 5, slice(2, 4)), (1, 0, 5, None)],
    ids=["a=p", "a>p", "a<p", "a=0"],
)
def test_scatter_frames_hold_the_full_result_and_dash_what_output_padding_adds(
    tmp_path, padding, output_padding, grid, box
):
    """The frames are the full result, (i' - 1)s + k = 5 here, and the zeros output_padding
    adds past it (a > p) and nothing more; the last frame dashes the output's last a rows and
    columns, inside the box."""
    anim = plotting.animate_scatter(X2, K, stride=2, padding=padding, output_padding=output_padding)
    outputs = []
    _each_frame(
        anim, lambda fig: outputs.append([a for a in fig.axes if a.collections][3]), tmp_path
    )
    last = outputs[-1]
    assert round(abs(np.subtract(*last.get_xlim()))) == grid
    assert round(abs(np.subtract(*last.get_ylim()))) == grid
    final = tc.conv_transpose2d(X2, K, stride=2, padding=padding, output_padding=output_padding)
    texts = _texts(last)
    if box is None:
        assert _dashed_cells(last) == set()
        assert "Dashed" not in anim.steps[-1]
        return
    values = np.array([[float(texts[r, c].get_text()) for c in range(grid)] for r in range(grid)])
    np.testing.assert_array_equal(values[box, box], final)
    end = box.stop - 1
    expected = {(end, c) for c in range(box.start, box.stop)}
    expected |= {(r, end) for r in range(box.start, box.stop)}
    assert _dashed_cells(last) == expected
    assert anim.steps[-1].endswith(
        "Dashed: the last row and the last column, which output_padding adds."
    )


def test_animation_steps_tell_the_frames_in_words():
    anim = plotting.animate_scatter(X2, K)
    so_far = tc.conv_transpose2d(np.array([[1, 3], [0, 0]]), K)
    assert anim.steps[0] == (
        "x[0, 0] = 1 stamps 1 x kernel onto rows 0-2, columns 0-2; "
        "output[1, 1] (the cell under the kernel's centre) is now 4."
    )
    assert anim.steps[1] == (
        f"x[0, 1] = 3 stamps 3 x kernel onto rows 0-2, columns 1-3; output[1, 2] is now {so_far[1, 2]}."
    )
    assert "Nothing is cropped" in anim.steps[-1]
    even = plotting.animate_scatter(X2, np.array([[1, 2], [3, 4]]), stride=2)
    assert "(the cell under the kernel's tap [0, 0])" in even.steps[0]
    assert plotting.animate_scatter(X2, K, input_name="y").steps[1].startswith("y[0, 1] = 3")
    padded = plotting.animate_scatter(X2, K, padding=1)
    assert padded.steps[-1] == (
        "All 4 stamps are added. Cropping 1 row and column at the top and left, and the same "
        "at the bottom and right: the 2 x 2 block, rows 1-2 and columns 1-2, is the output."
    )
    sliding = plotting.animate_sliding(np.arange(16).reshape(4, 4), K)
    total = tc.conv2d(np.arange(16).reshape(4, 4), K)[0, 0]
    assert sliding.steps[0] == (
        "The window on rows 0-2, columns 0-2 of the input, times the kernel, sums to "
        f"{total}: output[0, 0] = {total}."
    )


def test_sliding_animation_fills_the_output_window_by_window(tmp_path):
    anim = plotting.animate_sliding(X, K, padding=1)
    written, scales = [], []

    def look(fig):
        panels = [a for a in fig.axes if a.collections]
        written.append([len(a.texts) for a in panels])
        scales.append(
            [(_cells(a).cmap.name, _cells(a).norm.vmin, _cells(a).norm.vmax) for a in panels]
        )

    _each_frame(anim, look, tmp_path)
    assert [w[2] for w in written] == list(range(1, 17))  # one more output value each frame
    assert all(w[0] == 16 for w in written)  # the padding carries no digits
    # one colour scale per panel in every frame: a product's colour never changes with the
    # window; the products are not kernel values, so they are not drawn in its colour
    assert len({tuple(s) for s in scales}) == 1
    framed = np.pad(X, 1)
    biggest = max((framed[r : r + 3, c : c + 3] * K).max() for r in range(4) for c in range(4))
    assert scales[0][1] == ("Greys", 0.0, biggest)
    plt.close(anim.figure)


def test_animation_frames_keep_every_word_inside_and_apart(tmp_path):
    anim = plotting.animate_scatter(
        np.add.outer(np.arange(3), np.arange(3)) % 3,
        np.array([[1, 2], [3, 4]]),
        stride=2,
        padding=1,
    )
    problems = []

    def look(fig):
        words = _words(fig)
        for text, box in words:
            if (
                box.x0 < -0.5
                or box.x1 > fig.bbox.x1 + 0.5
                or box.y0 < -0.5
                or box.y1 > fig.bbox.y1 + 0.5
            ):
                problems.append(("outside", text.get_text()))
        for (a, ea), (b, eb) in itertools.combinations(words, 2):
            if (
                min(min(ea.x1, eb.x1) - max(ea.x0, eb.x0), min(ea.y1, eb.y1) - max(ea.y0, eb.y0))
                > 0.5
            ):
                problems.append(("overlap", a.get_text(), b.get_text()))

    _each_frame(anim, look, tmp_path)
    assert not problems


# --- colour: roles, colour blindness, lines -------------------------------------------------


def _seen(rgb, cvd=None):
    """CAM02-UCS coordinates of sRGB colours, as seen with ``cvd`` at severity 100."""
    colorspacious = pytest.importorskip("colorspacious")
    rgb = np.atleast_2d(rgb)
    if cvd is not None:
        space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
        rgb = np.clip(colorspacious.cspace_convert(rgb, space, "sRGB1"), 0, 1)
    return colorspacious.cspace_convert(rgb, "sRGB1", "CAM02-UCS")


# Colour-vision deficiency: every role's swatch, the cell styles and the highlight must stay
# apart when simulated for deuteranopia and protanopia (colorspacious, severity 100), by a
# CAM02-UCS distance of 12: about 1 is a just-noticeable difference between large patches side
# by side; roles are small cells in separate panels seen at a glance, and 10 or more is the
# usual floor of categorical palettes meant to be told apart at a glance. The kernel and the
# output, the two roles a reader tells apart most often, must be 20 apart, and differ in shape
# besides (the kernel's cells are rounded).
MIN_DELTA_E = 12
KERNEL_OUTPUT_DELTA_E = 20


@pytest.mark.parametrize("cvd", ["deuteranomaly", "protanomaly"])
def test_roles_stay_apart_under_colour_blindness(cvd):
    colours = {name: mpl.colors.to_rgb(c) for name, c in plotting.ROLE_COLORS.items()}
    colours["highlight"] = mpl.colors.to_rgb(plotting.HIGHLIGHT_COLOR)
    seen = {name: _seen(rgb, cvd)[0] for name, rgb in colours.items()}
    for a, b in itertools.combinations(seen, 2):
        assert np.linalg.norm(seen[a] - seen[b]) >= MIN_DELTA_E, (a, b)
    assert np.linalg.norm(seen["kernel"] - seen["output"]) >= KERNEL_OUTPUT_DELTA_E


def test_line_colours_read_on_a_light_and_a_dark_page_and_lines_are_labelled_directly():
    for role, colour in plotting.LINE_COLORS.items():
        assert _contrast(colour, "#ffffff") >= 3, role
        assert _contrast(colour, "#14181e") >= 3, role
    ax = plotting.show_lines(
        {"short": ([0.0, 0.25], [1.0, 2.0]), "long": [1.0, 2.0, 3.0]},
        x=[0.0, 0.25, 0.5],
        title="Two series",
        xlabel="f",
        ylabel="|FFT|",
        roles={"short": "kernel", "long": "output"},
    )
    short, long = ax.get_lines()
    assert list(short.get_xdata()) == [0.0, 0.25]  # nothing drawn past its last sample
    assert short.get_linestyle() != long.get_linestyle()
    assert short.get_color() == plotting.LINE_COLORS["kernel"]
    assert ax.get_legend() is None
    assert [(t.get_text(), t.get_color()) for t in ax.texts] == [
        ("short", plotting.LINE_COLORS["kernel"]),
        ("long", plotting.LINE_COLORS["output"]),
    ]
    one = plotting.show_lines({"loss": [3, 2, 1]}, title="Loss", xlabel="step", ylabel="MSE")
    assert not one.texts  # one series: its y label names it


SIGNED_ENDS_DELTA_E = 25


@pytest.mark.parametrize("cvd", [None, "deuteranomaly", "protanomaly"])
def test_signed_map_ends_stay_apart_under_colour_blindness(cvd):
    cmap = plotting.signed_cmap()
    assert cmap.name == plotting.SIGNED_CMAP != "RdBu_r"
    ends = _seen(cmap([0.0, 1.0])[:, :3], cvd)
    assert np.linalg.norm(ends[0] - ends[1]) >= SIGNED_ENDS_DELTA_E
    halfway = _seen(cmap([0.25, 0.75])[:, :3], cvd)
    assert np.linalg.norm(halfway[0] - halfway[1]) >= MIN_DELTA_E
    lightness = _seen(cmap(np.linspace(0, 1, 257))[:, :3])[:, 0]
    assert np.argmax(lightness) == 128
    np.testing.assert_allclose(lightness[:128], lightness[-1:-129:-1], atol=3)


def test_signed_map_keeps_away_from_the_role_colours():
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


@pytest.mark.parametrize("cvd", [None, "deuteranomaly", "protanomaly"])
def test_small_positive_values_are_not_the_padding_straw(cvd):
    """The map's pale positive third (a pale tan, 6 from the straw) is told apart from padding."""
    cmap = plotting.signed_cmap()
    levels = np.linspace(0, 1, 257)
    pale = levels[np.abs(levels - 0.5) >= 1 / 16]  # all but the 15 levels nearest 0
    straw = _seen(mpl.colors.to_rgb(plotting.ROLE_COLORS["padding"]), cvd)
    assert np.linalg.norm(_seen(cmap(pale)[:, :3], cvd) - straw, axis=1).min() >= MIN_DELTA_E


def test_zero_on_the_signed_map_is_the_page_so_it_never_glares_on_a_dark_page():
    """A signed matrix's zeros are transparent (the map's white was the brightest colour of a
    figure on the dark page); other values keep the map's colours, and every digit reads."""
    data = np.array([[-2.0, 0.0, 1.0], [0.0, 0.5, -0.25]])
    ax = plotting.show_matrix(data)
    cells = _cells(ax)
    fills = dict(zip(np.ndindex(data.shape), cells.to_rgba(cells.get_array()), strict=True))
    for rc, fill in fills.items():
        assert fill[3] == (0.0 if data[rc] == 0 else 1.0), rc
        if data[rc]:
            assert tuple(fill) == plotting.signed_cmap()(cells.norm(data[rc]))
    for rc, text in _texts(ax).items():
        pages = ["#ffffff", "#14181e"] if data[rc] == 0 else [fills[rc]]
        assert all(_contrast(text.get_color(), page) >= 4 for page in pages), rc


def test_colour_key_names_every_role():
    legend = plotting.show_color_key().legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "input",
        "kernel",
        "output",
        "matrix",
        "other values",
        "padding",
        "inserted zeros",
        "cropped cells",
        "signed values: negative ← 0 → positive",
    ]
    assert min(t.get_fontsize() for t in legend.get_texts()) >= plotting.MIN_FONTSIZE


# --- images, spectra, photo -------------------------------------------------------------------


def test_image_grid_and_spectrum():
    imgs = {f"img {k}": np.full((4, 4), float(k)) for k in range(4)}
    fig, axes = plotting.show_images(imgs, title="Four constant images", ncols=3, same_scale=True)
    assert [a.get_title() for a in axes] == list(imgs)  # photos: no shape after the name
    assert not fig.axes[5].axison
    assert axes[0].images[0].get_clim() == (0.0, 3.0)
    with pytest.raises(ValueError, match="images must not be empty"):
        plotting.show_images({}, title="none")
    spec = plotting.show_spectrum(np.indices((8, 8)).sum(axis=0) % 2, title="Checkerboard")
    data = spec.images[0].get_array()
    assert np.unravel_index(np.argmax(data), data.shape) == (0, 0)  # 1/2 sits at the corner
    _, axes = plotting.show_spectra({"a": np.ones((4, 4)), "b": np.eye(4)}, title="Two")
    assert axes[0].images[0].get_clim() == axes[1].images[0].get_clim()


def test_images_on_one_scale_have_one_colour_bar_and_an_outline_that_shows_on_any_pixel():
    maps = {"dark": np.zeros((8, 8)), "light": np.ones((8, 8))}
    fig, axes = plotting.show_images(
        maps, title="Two maps", same_scale=True, colorbar="|W|", outline=((2, 6), (1, 7))
    )
    (bar,) = [ax for ax in fig.axes if ax not in axes]
    assert bar.get_ylabel() == "|W|"
    assert bar.get_ylim() == axes[0].images[0].get_clim() == axes[1].images[0].get_clim()
    for ax in axes:  # a dark line and a white one inside it, on the pixels' edges
        outer, inner = ax.patches
        assert (outer.get_xy(), outer.get_width(), outer.get_height()) == ((0.5, 1.5), 6, 4)
        assert outer.get_edgecolor()[:3] == (0, 0, 0)
        assert inner.get_edgecolor()[:3] == (1, 1, 1)


def _paths(ax):
    """Each line's path in pixels, densely sampled (a name must not sit on any of it)."""
    out = {}
    for line in ax.get_lines():
        points = ax.transData.transform(np.column_stack(line.get_data()))
        t = np.linspace(0, 1, 16)[:, None, None]
        out[line] = (points[:-1] + t * (points[1:] - points[:-1])).reshape(-1, 2)
    return out


def _gap(box, points):
    dx = np.maximum(np.maximum(box.x0 - points[:, 0], points[:, 0] - box.x1), 0)
    dy = np.maximum(np.maximum(box.y0 - points[:, 1], points[:, 1] - box.y1), 0)
    return float(np.hypot(dx, dy).min())


def test_line_panels_name_each_line_beside_it_and_over_no_other_line():
    (panels,) = _responses()
    fig, axes = plotting.show_line_panels(panels, **_RESPONSES)
    fig.canvas.draw()
    assert [ax.get_title() for ax in axes] == list(panels)
    assert axes[0].get_ylim() == axes[1].get_ylim()  # one scale to compare across
    reach = LABEL_REACH / 72 * fig.dpi
    for ax, series in zip(axes, panels.values(), strict=True):
        paths = dict(zip(series, _paths(ax).values(), strict=True))
        named = {" ".join(t.get_text().split()): t for t in ax.texts}
        assert set(named) == {*series, "image band"}  # every line named, no legend
        assert ax.get_legend() is None
        for name, path in paths.items():
            box = named[name].get_window_extent()
            others = [_gap(box, p) for other, p in paths.items() if other != name]
            # beside its own line (twice the reach at most), clear of every line
            assert 1 <= _gap(box, path) <= 2 * reach, name
            assert min(others) >= 1, name
            assert named[name].get_color() == ax.get_lines()[list(paths).index(name)].get_color()


def test_line_panels_keep_a_series_look_and_fill_the_filled():
    (panels,) = _responses()
    fig, axes = plotting.show_line_panels(panels, **_RESPONSES)
    fig.canvas.draw()
    for ax in axes:
        fill, band = ax.collections[0], ax.patches[0]
        assert fill.get_facecolor()[0][:3] == pytest.approx(
            mpl.colors.to_rgb(plotting.LINE_COLORS["input"])
        )
        assert fill.get_zorder() < ax.get_lines()[1].get_zorder()  # under the lines
        span = ax.transData.inverted().transform(band.get_window_extent())[:, 0]
        np.testing.assert_allclose(span, [0.25, 0.5], atol=0.01)
    first, second = (ax.get_lines() for ax in axes)
    # the k-th line of each panel: one style and marker; the lead in the kernel's colour
    for a, b in zip(first[1:], second[1:], strict=False):
        assert (a.get_linestyle(), a.get_marker()) == (b.get_linestyle(), b.get_marker())
    assert first[1].get_color() == second[1].get_color() == plotting.LINE_COLORS["kernel"]
    assert len({line.get_marker() for line in second[1:]}) == 3
    one, _ = plotting.show_line_panels(
        {"a": {"y": [1, 2, 3]}, "b": {"y": [3, 2, 1]}}, title="t", xlabel="x", ylabel="y"
    )
    assert not any(ax.texts for ax in one.axes)  # one series a panel: its title names it
    assert all(ax.get_lines()[0].get_markevery() == (0, 1) for ax in one.axes)


def test_sample_photo_size_is_checked_by_name():
    assert plotting.sample_photo(np.array(8)).shape == (8, 8)
    with pytest.raises(TypeError, match=r"size must be an int, got 1\.5"):
        plotting.sample_photo(1.5)
    with pytest.raises(ValueError, match=r"size must be between 1 and 512, got 513"):
        plotting.sample_photo(513)


def test_a_product_reads_down_the_columns():
    c = tc.convolution_matrix((4, 4), K)
    fig, (matrix, vector, product) = plotting.show_product(c, X.ravel(), title="C @ x")
    np.testing.assert_array_equal(
        [float(t.get_text()) for t in product.texts], tc.conv2d(X, K).ravel()
    )
    fig.canvas.draw()
    # each entry of x sits over the column of C it multiplies
    left, right = matrix.get_window_extent(), vector.get_window_extent()
    assert abs(left.x0 - right.x0) < 1
    assert abs(left.x1 - right.x1) < 1
    assert right.y0 > left.y1  # above it
    assert [round(t.get_position()[0]) for t in vector.texts] == list(range(16))
    with pytest.raises(ValueError, match="vector must have 16 entries"):
        plotting.show_product(c, [1, 2, 3], title="x")


def test_marked_cells_are_outlined_one_style_per_set_clear_of_their_digits():
    kernel = np.round(np.random.default_rng(0).random((4, 4)), 2)
    fig, (ax,) = plotting.show_panels([plotting.Panel(kernel, "Kernel", "kernel")], title="Taps")
    styles = {}
    phases = itertools.product(range(2), range(2))
    for (r, c), style in zip(phases, ["-", "--", ":", "-."], strict=True):
        phase = np.zeros((4, 4), dtype=bool)
        phase[r::2, c::2] = True
        styles[style] = plotting.mark_cells(ax, phase, linestyle=style)
    assert all(len(m.get_paths()) == 4 for m in styles.values())
    assert len({str(m.get_linestyle()) for m in styles.values()}) == 4
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for outline in styles.values():
        half = renderer.points_to_pixels(outline.get_linewidth()[0] / 2)
        for path in outline.get_paths():
            box = ax.transData.transform(path.vertices)
            x0, y0 = box.min(axis=0)
            x1, y1 = box.max(axis=0)
            for text in ax.texts:
                e = text.get_window_extent(renderer)
                inside = [e.x0 > x0 + half, e.x1 < x1 - half, e.y0 > y0 + half, e.y1 < y1 - half]
                if e.x0 < x1 and e.x1 > x0 and e.y0 < y1 and e.y1 > y0:  # its own cell
                    assert all(inside), text.get_text()


def test_panel_rows_label_the_rows_and_must_match_them():
    _, axes = plotting.show_panels(
        [plotting.Panel([[1, 2], [3, 4]], "Two calls", rows=["p=1", "p=0"])], title="Rows"
    )
    assert [t.get_text() for t in axes[0].get_yticklabels()] == ["p=1", "p=0"]
    with pytest.raises(ValueError, match=r"rows must label the 2 rows of 'Short'"):
        plotting.show_panels([plotting.Panel([[1], [2]], "Short", rows=["one"])], title="Rows")


def test_the_scatter_players_last_frame_says_no_stamp_is_left(tmp_path):
    """The last frame's stamp panel is empty (every stamp is in the output): its title says
    none is left, not "all added" over empty cells, which read as nothing added."""
    anim = plotting.animate_scatter(np.array([[1, 2], [3, 4]]), np.array([[1, 0], [0, 1]]))
    seen = []
    _each_frame(anim, seen.append, tmp_path)
    (stamp,) = [ax for ax in seen[-1].axes if ax.get_title().startswith("None left")]
    assert not [t for t in stamp.texts if t.get_text().strip()]
    assert not [ax for ax in seen[-1].axes if "added" in ax.get_title()]


def test_the_scatter_players_double_box_marks_only_the_current_stamp(tmp_path):
    """The double box (a dark line, a white one inside) marks where the current stamp lands;
    the last frame has no stamp, so no box: the output is what is not hatched."""
    anim = plotting.animate_scatter(np.arange(9).reshape(3, 3), np.ones((2, 2)), padding=1)
    boxes = []

    def count(fig):
        (output,) = [ax for ax in fig.axes if ax.get_title().startswith("Output")]
        boxes.append(sum(p.get_edgecolor()[:3] == (1, 1, 1) for p in output.patches))

    _each_frame(anim, count, tmp_path)
    assert boxes[:-1] == [1] * (len(boxes) - 1)  # each stamp's footprint
    assert boxes[-1] == 0
