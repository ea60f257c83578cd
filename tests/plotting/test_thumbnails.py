"""Gallery thumbnails: every page names one, each is distinct, filled, legible and reproducible.

The thumbnails are drawn by ``docs/_ext/gallery_thumbnails.py`` with
:func:`transposed_conv.plotting.thumbnail` and shown at 160 x 112 CSS px on the
gallery's index pages.
"""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from pathlib import Path

import numpy as np
import pytest

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")

import matplotlib.image as mpimg
import matplotlib.pyplot as plt

from transposed_conv.plotting import Panel, thumbnail
from transposed_conv.plotting._thumbnails import THUMBNAIL_FONTSIZE

ROOT = Path(__file__).parents[2]
SCRIPTS = sorted((ROOT / "gallery").rglob("plot_*.py"))
EXT = ROOT / "docs" / "_ext" / "gallery_thumbnails.py"


def _labels_shown(axis):
    """Whether an axis draws its tick labels (get_tick_params names them differently before 3.9)."""
    return any(tick.label1.get_visible() for tick in axis.get_major_ticks())


def _load_extension():
    spec = importlib.util.spec_from_file_location("gallery_thumbnails", EXT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


ext = _load_extension()


def content_box(image: np.ndarray) -> tuple[int, int]:
    """Width and height, in px, of the box around every pixel that is not near-white."""
    rgb = image[..., :3].astype(float)
    if rgb.max() > 1:
        rgb = rgb / 255
    ink = (rgb < 0.94).any(axis=-1)
    if image.shape[-1] == 4:
        ink &= image[..., 3] > 0.1
    rows, cols = np.nonzero(ink)
    if not rows.size:
        return 0, 0
    return int(cols.max() - cols.min() + 1), int(rows.max() - rows.min() + 1)


def is_strip(image: np.ndarray) -> bool:
    """A thumbnail whose content is a thin band: under 45 % of the height or width, or
    more than 4 times as wide as high (or high as wide)."""
    height, width = image.shape[:2]
    w, h = content_box(image)
    return h < 0.45 * height or w < 0.45 * width or max(w / max(h, 1), h / max(w, 1)) > 4


def test_content_box_finds_a_strip():
    image = np.ones((224, 320, 3))
    image[100:130, 10:310] = 0.2  # a shrunken wide figure: one band across the middle
    assert content_box(image) == (300, 30)
    assert is_strip(image)
    image[20:200, 60:260] = 0.5
    assert not is_strip(image)


def test_every_drawn_thumbnail_has_a_script():
    assert set(ext.DRAW) == {s.stem for s in SCRIPTS}


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """Each thumbnail's smallest text (pt) and its saved image, drawn once."""
    folder = tmp_path_factory.mktemp("thumbnails")
    result = {}
    for name, draw in ext.DRAW.items():
        fig = draw()
        sizes = [t.get_fontsize() for t in fig.texts]
        sizes += [t.get_fontsize() for ax in fig.axes for t in ax.texts if t.get_visible()]
        for ax in fig.axes:
            labels = [ax.title]
            if ax.axison and _labels_shown(ax.xaxis):
                labels += ax.get_xticklabels()
            if ax.axison and _labels_shown(ax.yaxis):
                labels += ax.get_yticklabels()
            sizes += [t.get_fontsize() for t in labels if t.get_text() and t.get_visible()]
        path = folder / f"{name}.png"
        ext.save(fig, path)
        plt.close(fig)
        result[name] = (min(sizes, default=np.inf), mpimg.imread(path), path)
    return result


def test_thumbnails_are_sphinx_gallerys_size(drawn):
    for name, (_, image, _) in drawn.items():
        assert image.shape[:2] == (224, 320), name


def test_no_thumbnail_is_a_strip(drawn):
    strips = [name for name, (_, image, _) in drawn.items() if is_strip(image)]
    assert strips == []


def test_no_two_thumbnails_are_alike(drawn):
    # not pixel-identical, and not nearly so: at least 5 % of the pixels differ
    for (a, (_, ia, _)), (b, (_, ib, _)) in itertools.combinations(drawn.items(), 2):
        differ = (np.abs(ia[..., :3] - ib[..., :3]) > 0.05).any(axis=-1).mean()
        assert differ > 0.05, (a, b)


def test_thumbnail_text_is_legible_at_half_size(drawn):
    small = {name: size for name, (size, _, _) in drawn.items() if size < THUMBNAIL_FONTSIZE}
    assert small == {}


def test_thumbnails_are_the_same_bytes_every_time(drawn, tmp_path):
    for name in ("plot_03_convolution", "plot_01_why_upsample"):
        fig = ext.DRAW[name]()
        ext.save(fig, tmp_path / "again.png")
        plt.close(fig)
        assert (tmp_path / "again.png").read_bytes() == drawn[name][2].read_bytes(), name


def test_thumbnail_writes_values_only_where_legible():
    fig = thumbnail([Panel(np.arange(4).reshape(2, 2), "x")])
    texts = fig.axes[0].texts
    assert [t.get_text() for t in texts] == ["0", "1", "2", "3"]
    assert min(t.get_fontsize() for t in texts) >= THUMBNAIL_FONTSIZE
    assert fig.axes[0].get_title() == ""  # no titles, no tick labels
    assert not _labels_shown(fig.axes[0].xaxis)
    assert not _labels_shown(fig.axes[0].yaxis)
    plt.close(fig)
    fig = thumbnail([Panel(np.arange(256).reshape(16, 16), "x")])  # cells too small
    assert len(fig.axes[0].texts) == 0
    plt.close(fig)


def test_thumbnail_cells_are_one_size_and_fill_the_figure():
    fig = thumbnail(
        [Panel(np.ones((4, 4)), "x"), Panel(np.ones((2, 2)), "k", "kernel")], operators=["∗"]
    )
    (a, b) = (ax.get_position() for ax in fig.axes)
    assert a.width == pytest.approx(2 * b.width)
    assert a.height == pytest.approx(2 * b.height)
    # the panels fill the width (here) or the height, but for the margins and the operator
    assert a.width + b.width + 0.32 / 3.2 > 0.95
    plt.close(fig)


def test_thumbnail_draws_images_boxes_and_operators():
    fig = thumbnail(
        [np.zeros((4, 4)), Panel([[1, 2], [3, 4]], "x")],
        operators=["→"],
        boxes=[(1, (0, 1), (0, 1), "--")],
    )
    assert fig.axes[0].images[0].get_cmap().name == "gray"
    assert [t.get_text() for t in fig.texts] == ["→"]
    assert fig.axes[1].patches  # the highlight box
    plt.close(fig)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"panels": []}, "panels must hold at least one array, got none"),
        (
            {"panels": [Panel([1], "x"), Panel([2], "y")], "operators": ["=", "+"]},
            "operators must hold len(panels) - 1 = 1 symbols, got 2",
        ),
    ],
)
def test_thumbnail_refuses_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        thumbnail(**kwargs)
