"""Gallery thumbnails: a page's figure, its panels side by side, legible or without digits.

sphinx-gallery shows each page's thumbnail at 160 x 112 CSS px. ``docs/_ext/sg_figures.py``
makes it from the page's figure ``N`` (``# sphinx_gallery_thumbnail_number = N``): the
panels' images side by side on white, no words; digits that would be shown under
``legibility.PHONE_DIGIT_PX`` are left out. The built thumbnails are checked for strips and
look-alikes by tests/browser/figures.py.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
pytest.importorskip("PIL")
mpl.use("Agg")
import matplotlib.pyplot as plt

from transposed_conv.plotting import Panel, show_panels

sys.path.insert(0, str(Path(__file__).parents[2] / "docs" / "_ext"))
import figure_html
import legibility
import sg_figures


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _figure(n: int):
    return show_panels(
        [Panel(np.arange(n * n).reshape(n, n) % 10, "Input"), Panel(np.eye(n), "Output", "output")],
        title="Two panels",
        operators=["→"],
    )[0]


def test_thumbnail_is_the_panels_side_by_side_on_white():
    items = figure_html.shoot(_figure(3))
    shots = [i for i in items if isinstance(i, figure_html.Shot)]
    assert [i for i in items if isinstance(i, str)] == ["→"]
    sheet = figure_html.thumbnail(items)
    assert sheet.width == sum(s.image.width for s in shots) + 24  # two squares: one row
    assert sheet.height == max(s.image.height for s in shots)
    pixels = np.asarray(sheet)
    assert (pixels[0, 0] == 255).all()  # the transparent margin is white: no dark corners
    assert pixels.reshape(-1, 3).min() < 100  # and the cells are there


@pytest.mark.parametrize(("n", "kept"), [(2, True), (12, False)])
def test_digits_are_kept_only_where_they_read_at_thumbnail_size(n, kept, tmp_path):
    fig = _figure(n)
    items = figure_html.shoot(fig)
    digits = min(i.digits for i in items if isinstance(i, figure_html.Shot) and i.digits)
    sheet = figure_html.thumbnail(items)
    fit = min(320 / sheet.width, 224 / sheet.height)
    assert (legibility.digit_px(digits) * fit >= legibility.PHONE_DIGIT_PX) == kept
    sg_figures.write_thumbnail(fig, items, [tmp_path / "thumb.png"])
    assert all(t.get_visible() for ax in fig.axes for t in ax.texts) == kept
    assert (tmp_path / "thumb.png").stat().st_size > 0


def test_thumbnails_are_the_same_bytes_every_time(tmp_path):
    for name in ("a", "b"):
        sg_figures.write_thumbnail(
            _figure(3), figure_html.shoot(_figure(3)), [tmp_path / f"{name}.png"]
        )
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_panel_images_are_the_same_bytes_every_time():
    first, second = (figure_html.png_bytes(figure_html.shoot(_figure(3))[0].image) for _ in "ab")
    assert first == second
    from PIL import Image

    with Image.open(io.BytesIO(first)) as image:
        assert image.mode == "P"  # 256 colours: the figures use few


def test_a_page_names_its_thumbnail_figure(tmp_path):
    page = tmp_path / "plot_x.py"
    page.write_text('"""Title."""\n# sphinx_gallery_thumbnail_number = 3\n')
    assert sg_figures.thumbnail_number(str(page)) == 3
    page.write_text('"""Title."""\n')
    assert sg_figures.thumbnail_number(str(page)) == 1


def test_a_row_of_wide_panels_is_stacked_to_fill_the_thumbnail():
    row = [Panel(np.arange(8)[None] * k, f"Row {k}") for k in range(1, 4)]
    items = figure_html.shoot(show_panels(row, title="Three rows of eight")[0])
    sheet = figure_html.thumbnail(items)
    assert sheet.height > sheet.width / 4  # not one long strip
    widest = max(i.image.width for i in items if isinstance(i, figure_html.Shot))
    assert sheet.width < 2 * widest  # panels stacked, not side by side
