"""The site's figures as HTML (docs/_ext/figure_html.py): panels cut from one drawing, words as text."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
pytest.importorskip("PIL")
mpl.use("Agg")
import matplotlib.pyplot as plt

import transposed_conv as tc
from transposed_conv.plotting import (
    Panel,
    highlight,
    show_convolution,
    show_line_panels,
    show_lines,
    show_panels,
)

sys.path.insert(0, str(Path(__file__).parents[2] / "docs" / "_ext"))
import figure_html
import legibility

X = np.array([[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]])
K = np.array([[2, 3, 2], [1, 4, 2], [3, 4, 1]])


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _convolution():
    fig, axes = show_panels(
        [
            Panel(X, "Input"),
            Panel(K, "Kernel", "kernel"),
            Panel(tc.conv2d(X, K), "Output", "output"),
        ],
        title="Output[0, 0] = 94 is the sum of input[0:3, 0:3] times the kernel",
        operators=["∗", "="],
    )
    highlight(axes[0], (0, 3), (0, 3))
    return fig


def test_a_figure_is_its_panels_and_operators_in_reading_order():
    items = figure_html.shoot(_convolution())
    assert [i if isinstance(i, str) else i.title for i in items] == [
        "Input (4, 4)",
        "∗",
        "Kernel (3, 3)",
        "=",
        "Output (2, 2)",
    ]
    first = items[0]
    assert first.kind == "matrix"
    assert first.alt == "values by row: 6 3 2 4; 2 5 2 6; 7 5 2 6; 6 2 2 8"
    # the row and column numbers are words placed along the image, in order, inside it
    columns = [frac for axis, _, frac in first.ticks if axis == "x"]
    rows = [frac for axis, _, frac in first.ticks if axis == "y"]
    assert [t for axis, t, _ in first.ticks if axis == "x"] == ["0", "1", "2", "3"]
    assert columns == sorted(columns)
    assert 0 < columns[0] < 0.25
    assert 0.75 < columns[-1] < 1
    np.testing.assert_allclose(np.diff(columns), np.diff(columns)[0], atol=0.01)  # one per cell
    assert rows == sorted(rows)


def test_panel_images_hold_cells_on_nothing_and_no_words_around_them():
    items = figure_html.shoot(_convolution())
    image = np.asarray(items[4].image)  # the 2x2 output
    assert image.shape[2] == 4
    assert image[0, 0, 3] == 0  # the corner, outside the cells: transparent
    middle = image.shape[0] // 2
    assert (image[middle, :, 3] == 0).any()  # the gap between cells shows the page
    # at 2x: a cell of the figure's 0.42 in is about 84 px wide in the image
    width = image.shape[1]
    assert 150 <= width <= 200


def test_digits_are_legible_at_1x_and_the_panel_keeps_the_width_that_keeps_them():
    shot = figure_html.shoot(_convolution())[0]
    assert legibility.digit_px(shot.digits) >= legibility.MIN_DIGIT_PX[1280]
    width = shot.image.width / 2
    least = legibility.min_width(shot.digits, width)
    assert legibility.digit_px(shot.digits) * least / width >= legibility.PHONE_DIGIT_PX
    assert least <= legibility.PHONE_COLUMN


def test_the_html_has_the_caption_panels_and_words(tmp_path):
    writer = figure_html.Writer(tmp_path, "_static/", "page")
    html, _ = figure_html.figure_html(_convolution(), writer, "01")
    assert html.startswith('<figure class="tcf-figure">')
    assert "Output[0, 0] = 94 is the sum of input[0:3, 0:3] times the kernel</figcaption>" in html
    assert html.count('<div class="tcf-panel">') == 3
    assert html.count('<p class="tcf-op" aria-hidden="true">') == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"page_01_{k}.png" for k in range(3)]
    assert 'src="_static/page_01_0.png" width="' in html
    assert 'data-digit-px="' in html


def test_a_chart_keeps_its_lines_and_gives_its_words_to_the_page():
    ax = show_lines(
        {"bilinear": np.cos(np.linspace(0, 1.5, 30)), "random": np.linspace(1, 0.2, 30)},
        title="Two lines",
        xlabel="frequency",
        ylabel="|gain|",
        roles={"bilinear": "kernel", "random": "neutral"},
    )
    (chart,) = figure_html.shoot(ax.figure)
    assert chart.kind == "chart"
    assert (chart.xlabel, chart.ylabel) == ("frequency", "|gain|")
    assert [n[0] for n in chart.notes] == ["bilinear", "random"]
    assert all(not t.get_visible() for t in ax.texts)  # out of the picture, into the page
    assert {axis for axis, _, _ in chart.ticks} == {"x", "y"}
    assert figure_html.text_html("$\\mathdefault{10^{-2}}$") == "10<sup>−2</sup>"


def test_a_colour_bar_belongs_to_the_panel_beside_it_in_its_row():
    """Two rows: a wide unsigned panel above, a narrow signed one below with its bar; the bar
    is the signed panel's, not the panel above that reaches further right."""
    fig, _ = show_panels(
        [
            Panel(np.arange(36).reshape(6, 6), "Unsigned, wide"),
            Panel(X, "Unsigned"),
            Panel(np.array([[-1.5, 2.25], [0.5, -0.75]]), "Signed"),
        ],
        title="A signed panel on the second row",
        ncols=2,
    )
    shots = [i for i in figure_html.shoot(fig) if not isinstance(i, str)]
    owners = [s.title for s in shots if s.bar is not None]
    assert owners == ["Signed (2, 2)"]


def test_a_short_colour_bar_keeps_its_end_ticks():
    fig, _ = show_panels(
        [Panel([[1, 0], [2, -1]], "w", "kernel"), Panel([[1, 2], [-2, 1]], "w2", "kernel")],
        title="Two signed kernels on one scale",
    )
    shots = [i for i in figure_html.shoot(fig) if isinstance(i, figure_html.Shot)]
    (bar,) = [s.bar for s in shots if s.bar is not None]
    assert [text for _, text, _ in bar.ticks] == ["−2", "0", "2"]  # both ends of a short bar


def test_line_panels_become_panels_whose_names_keep_their_lines(tmp_path):
    t = np.linspace(0, 1, 40)
    fig, _ = show_line_panels(
        {
            "Two kernels": {"a kernel with a long name (1)": np.cos(t), "b (0)": t},
            "One": {"a kernel with a long name (1)": t**2, "b (0)": 1 - t},
        },
        x=t,
        title="Panels",
        xlabel="f",
        ylabel="|W|",
        bands={"band": (0.5, 1.0)},
    )
    page, items = figure_html.figure_html(fig, figure_html.Writer(tmp_path, "_static/", "p"), "01")
    assert [(i.kind, i.title) for i in items] == [("chart", "Two kernels"), ("chart", "One")]
    assert all("band" in [n[0] for n in i.notes] for i in items)
    long = next(n[0] for n in items[0].notes if n[0].startswith("a kernel"))
    assert "\n" in long  # set in lines on the chart, and so on the page
    assert long.replace("\n", "<br>") in page


def test_a_colour_bar_drawn_close_to_a_small_kernel_leaves_no_sliver_in_its_image():
    """A 12x12 input is too big for its values, so every panel gets a bar; the kernel's bar
    is drawn closer to it than the margin of the kernel's image, and must not show in it."""
    kernel = np.array([[1, 0, 0, 2], [0, 1, 3, 0], [0, 0, 1, 0], [1, 0, 0, 0]])
    x = np.arange(144).reshape(12, 12) * 37
    fig, _, _ = show_convolution(x, kernel, padding=2, title="A big input, a small kernel")
    shots = [i for i in figure_html.shoot(fig) if isinstance(i, figure_html.Shot)]
    barred = [s for s in shots if s.bar is not None]
    assert "Kernel (4, 4)" in [s.title for s in barred]
    for shot in barred:
        assert np.asarray(shot.image)[:, -4:, 3].max() == 0, shot.title  # transparent margin


def test_a_panel_beside_a_taller_one_is_cut_to_its_own_cells_and_lists_its_own_values():
    """C (4x16) @ x (16x1) = C @ x (4x1), cells of one size: the product's picture and alt
    text are its 4x1 cells, not the 16-row slot it shares with x (nor x's spare column)."""
    c = tc.convolution_matrix(X.shape, K)
    x = X.reshape(16, 1)
    fig, _ = show_panels(
        [Panel(c, "C", "matrix"), Panel(x, "x"), Panel(c @ x, "C @ x", "output")],
        title="C times x",
        operators=["@", "="],
        equal_cells=True,
    )
    shots = [i for i in figure_html.shoot(fig) if isinstance(i, figure_html.Shot)]
    assert [s.alt for s in shots[1:]] == [
        "values by row: " + "; ".join(str(v) for v in X.ravel()),
        "values by row: 94; 74; 82; 75",
    ]
    pad = 2 * 2 * figure_html.MATRIX_PAD / 72 * 100  # both sides, at 2x, in pixels
    cells = [(s.image.width - pad, s.image.height - pad) for s in shots]
    for (w, h), shape in zip(cells, [(4, 16), (16, 1), (4, 1)], strict=True):
        assert h / w == pytest.approx(shape[0] / shape[1], rel=0.05)
    # one cell size: the product's 4 rows are a quarter of x's 16, C's rows as tall
    assert cells[2][1] == pytest.approx(cells[1][1] / 4, rel=0.05)
    assert cells[0][1] == pytest.approx(cells[2][1], rel=0.05)
    # the column number sits right under the product's cells, not 12 rows lower
    assert [t for axis, t, _ in shots[2].ticks if axis == "x"] == ["0"]


@pytest.mark.parametrize(
    "panels",
    [
        [Panel(tc.convolution_matrix((5, 5), np.arange(1, 10).reshape(3, 3), stride=2), "C")],
        [Panel(tc.convolution_matrix(X.shape, K), "C", "matrix")],
        [Panel(tc.overlap_counts(8, 3, stride=2), "Kernel 3", "neutral")],
        [Panel(tc.overlap_counts(8, 4, stride=2, padding=1), "Kernel 4", "neutral")],
    ],
    ids=["4x25", "4x16", "1x17", "1x16"],
)
def test_column_numbers_of_a_wide_panel_stay_apart_on_a_phone(panels):
    """Shown across a phone's 358 px column, the numbers under a wide panel (in the page's
    12 px font: a digit about 7 px wide) leave a digit's width between neighbours; the first
    and the last column keep theirs. Every column numbered, "10111213..." ran together."""
    fig, _ = show_panels(panels, title="A wide panel")
    shot = figure_html.shoot(fig)[0]
    cols = np.shape(panels[0].data)[-1]
    numbers = [(t, frac) for axis, t, frac in shot.ticks if axis == "x"]
    assert (numbers[0][0], numbers[-1][0]) == ("0", str(cols - 1))
    shown = min(shot.image.width / 2, 358 - 30)  # less its row numbers
    assert legibility.digit_px(shot.digits) * shown / (shot.image.width / 2) >= 7
    for (a, fa), (b, fb) in itertools.pairwise(numbers):
        assert (fb - fa) * shown >= 7 * (len(a) + len(b)) / 2 + 7, (a, b)
