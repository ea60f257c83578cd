"""Every gallery page: it runs, draws titled figures that fit, prints, and links real cases.

Each script's results come from tests/pages.py (run here, or read from the docs build with
``--from-build``). What each page's sentences state is checked, page by page, in
test_walkthrough.py, test_arithmetic.py and test_practice_pages.py.
"""

from __future__ import annotations

import ast
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from explorer_link import explorer_link
from pages import SCRIPTS

import transposed_conv as tc

sys.path.insert(0, str(Path(__file__).parents[2] / "docs" / "_ext"))
import fold_code

MAX_WIDTH = 6.5  # inches: shown 1:1 in the site's 656 px text column


def name(script: Path) -> str:
    return f"{script.parent.name}/{script.stem}"


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_page_draws_titled_figures_that_fit_and_prints(script, page):
    results = page(name(script))
    assert results.figures, "every page draws at least one figure"
    for fig in results.figures:
        assert len(fig["title"]) > 10, "the figure's title is its alt text on the site"
        width, height = fig["size"]
        assert width <= MAX_WIDTH + 1e-9
        # nothing drawn is cut at the canvas' edge (half a pixel of slack)
        x0, y0, x1, y1 = fig["extent"]
        slack = 0.5 / fig["dpi"]
        inside = x0 >= -slack and y0 >= -slack and x1 <= width + slack and y1 <= height + slack
        assert inside, f"{fig['title']!r} reaches outside its {width} x {height} in canvas"
    assert results.printed, "every page prints the numbers it shows"


EXPLORER_LINK = re.compile(r"<(\.\./\.\./explorer\.html)#([^>]+)>")


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_explorer_links_open_a_case_the_page_computes(script, page):
    """A page's "Open this case in the explorer" link is a case the page computes.

    The link must be what ``explorer_link`` writes for its case, and the case's
    transposed convolution must equal an array the script holds.
    """
    for target, fragment in EXPLORER_LINK.findall(script.read_text(encoding="utf-8")):
        state = dict(item.split("=") for item in fragment.split("&"))
        shape = [int(v) for v in state["i"].split(",")]
        kshape = [int(v) for v in state["k"].split(",")]
        x = np.array([int(v) for v in state["x"].split(",")]).reshape(shape)
        w = np.array([int(v) for v in state["w"].split(",")]).reshape(kshape)
        names = {"s": "stride", "p": "padding", "a": "output_padding", "d": "dilation"}
        params = {name: tuple(int(v) for v in state[key].split(",")) for key, name in names.items()}
        assert explorer_link(x, w, page=target, **params) == f"{target}#{fragment}"
        fn = tc.conv_transpose1d if state["dim"] == "1" else tc.conv_transpose2d
        y = fn(x, w, **params)
        values = list(page(name(script)).namespace.values())
        values += [v for d in values if isinstance(d, dict) for v in d.values()]
        arrays = [np.ravel(v) for v in values if isinstance(v, np.ndarray)]  # C.T @ y is flat
        assert any(np.array_equal(a, y.ravel()) for a in arrays), "the linked case is not computed"


def test_the_figure_check_sees_a_cut_title():
    """The extent the checks read does reach outside the canvas when a title is cut."""
    import matplotlib.pyplot as plt
    from pages import recorder

    fig, ax = plt.subplots(figsize=(2, 2))
    ax.set_title("a title far too long for a figure two inches wide, cut at both ends")
    fig.draw_without_rendering()
    x0, _, x1, _ = recorder.figure_facts(fig)["extent"]
    assert x0 < 0
    assert x1 > 2
    plt.close(fig)


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_script_asserts_nothing(script):
    """A reader downloads the script: no test code in it (the checks are in tests/gallery/)."""
    source = script.read_text(encoding="utf-8")
    asserts = [n.lineno for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Assert)]
    assert asserts == []


BUILD_PATH = re.compile(r"_build|docs/|sphinx_gallery_thumbnail_path")
LAYOUT_COMMENT = re.compile(r"#.*\b(?:layout|figsize|tight_layout|fits? the (?:page|column))\b")


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_script_is_at_most_100_lines(script):
    """A page a reader downloads and reads whole: at most 100 lines (the developers' guide)."""
    assert len(script.read_text(encoding="utf-8").splitlines()) <= 100


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_script_names_no_build_path_and_no_layout(script):
    """No path of the docs build (a thumbnail path included) and no comment about layout."""
    source = script.read_text(encoding="utf-8")
    assert BUILD_PATH.findall(source) == []
    assert LAYOUT_COMMENT.findall(source) == []


def code_blocks(source: str) -> list[str]:
    """The code of each ``# %%`` cell (its leading comment lines, the text, left out)."""
    blocks = []
    for cell in re.split(r"^# %%.*$", source, flags=re.MULTILINE)[1:]:
        lines = cell.strip("\n").splitlines()
        while lines and (not lines[0].strip() or lines[0].startswith("#")):
            lines.pop(0)
        blocks.append("\n".join(lines))
    return blocks


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_framework_cells_are_folded_whole(script):
    """A block that runs only under PyTorch or Keras holds nothing else, so the site folds all of it.

    The site is built without them (docs/_ext/fold_code.py folds such blocks); a block
    that mixed framework code with the page's own would stay open at full height.
    """
    for code in code_blocks(script.read_text(encoding="utf-8")):
        if re.search(r"^if find_spec\(", code, flags=re.MULTILINE):
            assert fold_code.framework_names(code), code


def test_framework_fold_keeps_mixed_blocks_open():
    """Only blocks of framework code alone fold; the summary names each framework once."""
    torch_cell = 'if find_spec("torch"):\n    import torch\n'
    assert fold_code.framework_names(torch_cell + torch_cell) == ["PyTorch"]
    assert fold_code.framework_names("y = 1\n" + torch_cell) == []
    assert fold_code.framework_names(torch_cell + "else:\n    y = 1\n") == []
    assert fold_code.framework_names('if find_spec("numpy"):\n    y = 1\n') == []


DRAWERS = {"Panel", "show_panels", "show_images", "show_zero_insertion", "highlight", "plotting."}


@pytest.mark.parametrize(
    ("code", "read_later", "start"),
    [
        ('y = tc.conv2d(x, w)\nshow_panels([Panel(y, "y")], title="t")\nplt.show()', set(), 2),
        ('y = x + 1\n\ntitle = "t"\nfig, axes = show_panels([Panel(y, "y")])', set(), 2),
        ('d = a - b\nshow_images({"Difference": d}, title="t")', set(), 2),
        (
            '_, axes = show_panels([Panel(x, "x")])\nfor i in range(2):\n    highlight(axes[i], 0, 0)',
            set(),
            1,
        ),
        ('show_panels([Panel(x, "x")])\nprint(x)', set(), None),
        ('show_panels([Panel(tc.conv2d(x, w), "y")])', set(), None),
        ("fig, axes, back = show_zero_insertion(x, w)", {"back"}, None),
        ("y = x.T\nplt.show()", set(), None),
        ('tent = plotting.Panel(w, "w")\nplotting.show_panels([tent], title="t")', set(), 1),
    ],
    ids=[
        "computes-then-draws",
        "title-goes-along",
        "difference-stays",
        "loop",
        "print-after",
        "package-math",
        "result-read-later",
        "show-alone",
        "module",
    ],
)
def test_plotting_fold_takes_only_drawing(code, read_later, start):
    """The folded end of a block draws: it computes nothing the page reads or prints."""
    assert fold_code.drawing_start(code, DRAWERS, read_later) == start


MATH = re.compile(r":math:`([^`]*)`")
LATEX = {r"\lfloor": "floor(", r"\rfloor": ")", r"\lceil": "ceil(", r"\rceil": ")"}
LATEX |= {r"\cdot": "*", r"\times": "*", r"\bmod": "%", r"\,": "", "{": "(", "}": ")"}


def arithmetic(side: str) -> str | None:
    """A side of an equation as Python, if it is numbers only (no letters), else None."""
    for latex, python in LATEX.items():
        side = side.replace(latex, python)
    bare = side.replace("floor(", "(").replace("ceil(", "(")
    if re.search(r"[A-Za-z_\\']", bare) or not re.search(r"\d", bare):
        return None
    return side


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_arithmetic_in_the_text_holds(script):
    """Every chain ``a = b = c`` in the text's math: the sides made of numbers are equal."""
    text = " ".join(line.lstrip("# ") for line in script.read_text(encoding="utf-8").splitlines())
    for match in MATH.finditer(text):
        sides = [arithmetic(side.strip()) for side in match.group(1).split("=")]
        values = {eval(s, {"floor": math.floor, "ceil": math.ceil}) for s in sides if s}
        assert len(values) <= 1, f"{match.group(0)} gives {sorted(values)}"


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_tap_counts_are_grey_not_the_outputs_green(script, page):
    """The colour key says green is the output and grey "other values": a figure of how
    many kernel taps reach each output pixel draws its counts grey, and nothing green."""
    for fig in page(name(script)).figures:
        titles = " ".join([fig["title"], *(title for title, _ in fig["panels"])])
        if re.search(r"\btaps\b", titles, re.IGNORECASE):
            maps = [cmap for _, cmap in fig["panels"]]
            assert "Greys" in maps, fig["title"]
            assert "Greens" not in maps, fig["title"]


@pytest.mark.parametrize("script", SCRIPTS, ids=name)
def test_equal_values_have_one_colour_in_a_figure(script, page):
    """A darker cell is a larger number: within one figure, cells of one colour map that
    hold the same value have the same colour, whichever panel they are in (panels that a
    reader compares share a scale; panels on scales of their own hold no common value)."""
    for fig in page(name(script)).figures:
        seen: dict[tuple[str, float], set[tuple[str, str]]] = {}
        for title, cmap, pairs, _ in fig["cells"]:
            for value, colour in pairs:
                seen.setdefault((cmap, value), set()).add((colour, title))
        for (cmap, value), drawn in seen.items():
            colours = {colour for colour, _ in drawn}
            assert len(colours) == 1, f"{fig['title']!r}: {value} in {cmap} drawn as {drawn}"
