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

SIZE = (320, 224)  # conf.py's thumbnail_size


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
    sheet = sg_figures.thumbnail(items, SIZE)
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
    sheet = sg_figures.thumbnail(items, SIZE)
    fit = min(SIZE[0] / sheet.width, SIZE[1] / sheet.height)
    assert (legibility.digit_px(digits) * fit >= legibility.PHONE_DIGIT_PX) == kept
    sg_figures.write_thumbnail(fig, items, tmp_path / "thumb.png", SIZE)
    assert all(t.get_visible() for ax in fig.axes for t in ax.texts) == kept
    assert (tmp_path / "thumb.png").stat().st_size > 0


def test_thumbnails_are_the_same_bytes_every_time(tmp_path):
    for name in ("a", "b"):
        sg_figures.write_thumbnail(
            _figure(3), figure_html.shoot(_figure(3)), tmp_path / f"{name}.png", SIZE
        )
    assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_panel_images_are_the_same_bytes_every_time():
    first, second = (figure_html.png_bytes(figure_html.shoot(_figure(3))[0].image) for _ in "ab")
    assert first == second
    from PIL import Image

    with Image.open(io.BytesIO(first)) as image:
        assert image.mode == "P"  # 256 colours: the figures use few


def test_the_thumbnail_is_the_figure_the_page_names(tmp_path, monkeypatch):
    """sphinx-gallery reads ``sphinx_gallery_thumbnail_number`` into ``file_conf``; the
    scraper draws that figure's thumbnail (here without its digits, too small to read)."""
    monkeypatch.setattr(sg_figures, "FIGURES", tmp_path / "figures")
    first, second = _figure(12), _figure(12)
    paths = iter(str(tmp_path / f"sphx_glr_plot_x_{k:03d}.png") for k in (1, 2))
    block_vars = {
        "src_file": str(tmp_path / "plot_x.py"),
        "target_file": str(tmp_path / "gallery" / "plot_x.rst"),
        "example_globals": {},
        "image_path_iterator": paths,
        "file_conf": {"thumbnail_number": 2},
    }
    gallery_conf = {"src_dir": str(tmp_path), "thumbnail_size": SIZE}
    html = sg_figures.figures_scraper(None, block_vars, gallery_conf)
    assert html.count('<figure class="tcf-figure') == 2
    assert all(t.get_visible() for ax in first.axes for t in ax.texts)
    assert not any(t.get_visible() for ax in second.axes for t in ax.texts)


def test_a_row_of_wide_panels_is_stacked_to_fill_the_thumbnail():
    row = [Panel(np.arange(8)[None] * k, f"Row {k}") for k in range(1, 4)]
    items = figure_html.shoot(show_panels(row, title="Three rows of eight")[0])
    sheet = sg_figures.thumbnail(items, SIZE)
    assert sheet.height > sheet.width / 4  # not one long strip
    widest = max(i.image.width for i in items if isinstance(i, figure_html.Shot))
    assert sheet.width < 2 * widest  # panels stacked, not side by side
