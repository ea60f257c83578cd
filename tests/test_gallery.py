"""Run every gallery script headless and check its numbers.

The pages can never drift from the math: each script asserts the equalities its
text claims, and its results are read from its namespace after it runs and
compared with known values (the walk-through's with shared/seed/VALUES.md).
"""

from __future__ import annotations

import gc
import re
import runpy
from pathlib import Path

import numpy as np
import pytest
from explorer_link import explorer_link

import transposed_conv as tc

mpl = pytest.importorskip("matplotlib")
mpl.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.animation import Animation
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

GALLERY = Path(__file__).parents[1] / "gallery"
SCRIPTS = sorted(GALLERY.rglob("plot_*.py"))

CONV = [[94, 74], [82, 75]]
C_EXPECTED = [
    [2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0, 0],
    [0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0, 0, 0, 0],
    [0, 0, 0, 0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1, 0],
    [0, 0, 0, 0, 0, 2, 3, 2, 0, 1, 4, 2, 0, 3, 4, 1],
]
CT_X2 = [[2, 9, 11, 6], [5, 19, 27, 12], [5, 24, 29, 9], [6, 17, 14, 3]]
UNFLIPPED = [[1, 7, 15, 9], [4, 21, 31, 12], [6, 23, 25, 9], [4, 12, 13, 6]]
INPUTS = [[6, 3, 2, 4], [2, 5, 2, 6], [7, 5, 2, 6], [6, 2, 2, 8]]
KERNEL = [[2, 3, 2], [1, 4, 2], [3, 4, 1]]


def eq(a, b) -> bool:
    return np.array_equal(np.asarray(a), np.asarray(b))


CHECKS = {
    "plot_01_why_upsample": lambda ns: (
        ns["ups"]["transposed"].shape == (4, 4)
        and np.allclose(ns["ups"]["nearest"], np.kron(ns["small"], np.ones((2, 2))))
        and all(v.shape == (256, 256) for k, v in ns["results"].items() if k != "Input")
    ),
    "plot_02_input_and_kernel": lambda ns: eq(ns["inputs"], INPUTS) and eq(ns["kernel"], KERNEL),
    "plot_03_convolution": lambda ns: (
        ns["size"] == 2
        and eq(ns["output"], CONV)
        and eq(ns["window"], [[6, 3, 2], [2, 5, 2], [7, 5, 2]])
        and (ns["window"] * ns["kernel"]).sum() == 94
    ),
    "plot_04_going_backward": lambda ns: eq(ns["output"], CONV) and eq(ns["result"], CT_X2),
    "plot_05_convolution_matrix": lambda ns: (
        ns["C"].shape == (4, 16)
        and eq(ns["C"], C_EXPECTED)
        and ns["x"].shape == (16, 1)
        and eq(ns["y"].ravel(), [94, 74, 82, 75])
        and eq(ns["y"].reshape(2, 2), CONV)
    ),
    "plot_06_transposed_matrix": lambda ns: (
        ns["C"].T.shape == (16, 4)
        and eq(ns["x2"].ravel(), [1, 3, 2, 3])
        and eq(ns["out"].ravel(), np.ravel(CT_X2))
        and eq(ns["out4"], CT_X2)
        and eq(ns["total"], CT_X2)
    ),
    "plot_07_zero_padded_equivalence": lambda ns: (
        ns["padded"].shape == (6, 6)
        and eq(ns["flipped"], [[1, 4, 3], [2, 4, 1], [2, 3, 2]])
        and eq(ns["result"], CT_X2)
        and eq(ns["unflipped"], UNFLIPPED)
        and not eq(ns["unflipped"], CT_X2)
    ),
    "plot_08_summary": lambda ns: (
        all(eq(r, CT_X2) for r in ns["routes"].values())
        and not eq(ns["back"], INPUTS)
        and not np.allclose(ns["least_norm"], INPUTS)
        and (ns["total"], ns["wasted"]) == (225, 189)  # the loop's last stride, 2
    ),
}


ARITHMETIC = {
    "plot_01_one_dimension": lambda ns: (
        eq(ns["out"], [17, 21]) and eq(ns["back"], [10, 20, 50, 40, 60])
    ),
    "plot_02_no_padding_unit_strides": lambda ns: (
        ns["out"].shape == (2, 2) and ns["direct"].shape == (4, 4)
    ),
    "plot_03_padding": lambda ns: (
        (ns["out"].shape, ns["same"].shape, ns["full"].shape, ns["back7"].shape)
        == ((6, 6), (5, 5), (7, 7), (5, 5))
    ),
    "plot_04_strides": lambda ns: ns["direct"].shape == (5, 5) and ns["back"].shape == (5, 5),
    "plot_05_output_padding": lambda ns: ns["a"] == 1 and ns["six"].shape == (6, 6),
    "plot_06_dilation": lambda ns: ns["out"].shape == (3, 3) and ns["direct"].shape == (7, 7),
    "plot_07_crop_instead_of_pad": lambda ns: ns["pad"] == [(-1, -1), (-1, -1)],
    "plot_08_fractionally_strided": lambda ns: ns["C"].shape == (4, 25),
    "plot_09_channels_and_groups": lambda ns: ns["flipped"].shape == (2, 2, 2, 2),
    "plot_10_conventions": lambda ns: (
        dict(ns["rows"])["TF shape 8, SAME"] == (0, 0, 1)
        and dict(ns["rows"])["Keras 'same', a=1"] == (0, 0, 1)
        and ns["verdicts"]["Keras 'same', a=1"] == "shifted by one"
        and ns["verdicts"]["Keras 'same', a=0"] == "equal"
    ),
    "plot_11_subpixel": lambda ns: ns["full"].shape == (8, 8),
    "plot_12_gradient": lambda ns: np.allclose(ns["numeric"], ns["analytic"], atol=1e-8),
    "plot_14_exactly_s_times": lambda ns: (
        ns["rows"][2, 4] == (1, 0, "equal", "equal")
        and ns["rows"][2, 3] == (1, 1, "uneven", "shifted by one")
        and ns["rows"][3, 6] == (2, 1, "equal", "shifted by one")
    ),
    "plot_13_no_overlap": lambda ns: (
        eq(ns["shuffled"], ns["out"]) and eq(ns["tiled"], np.tile([[1, 2], [3, 4]], (3, 3)))
    ),
}
CHECKS.update(ARITHMETIC)

PRACTICE = {
    "plot_01_checkerboard": lambda ns: (
        set(ns["uneven"][2:-2].tolist()) == {1, 2}
        and set(ns["even"][1:-1].tolist()) == {2}
        and ns["energy"]["Flat grey, 64x64 in"] > 0.5
    ),
    "plot_02_spectrum": lambda ns: (
        ns["energy"]["Random kernel"] > 10 * ns["energy"]["Bilinear kernel"]
    ),
    "plot_03_fixes": lambda ns: (
        ns["energy"]["Resize (nearest) + conv 3"] < 1e-6
        and ns["energy"]["Transposed, kernel 3"] > 0.01
        and not np.allclose(ns["sums"], ns["sums"].mean())
    ),
    "plot_04_bilinear_initialisation": lambda ns: ns["interior_error"] < 1e-12,
    "plot_05_learning_the_kernel": lambda ns: (
        ns["losses"][-1] < ns["losses"][0] / 100
        and ns["table"]["transposed, learned kernel"] > ns["table"]["bicubic"]
        and abs(ns["table"]["transposed, bilinear kernel"] - ns["table"]["bilinear"]) < 1e-9
    ),
    "plot_06_gradient_artifacts": lambda ns: ns["energy"]["Kernel 3, random"] > 0.1,
}
CHECKS.update(PRACTICE)


def test_every_script_has_a_check():
    assert {s.stem for s in SCRIPTS} == set(CHECKS)


@pytest.mark.filterwarnings("ignore:Animation was deleted without rendering")
@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_script_runs_and_reproduces_the_seed(script, monkeypatch, capsys):
    monkeypatch.setattr(plt, "show", lambda *_args, **_kwargs: None)
    plt.close("all")  # only this script's figures count
    try:
        namespace = runpy.run_path(str(script), run_name="__main__")
    finally:
        figures = [plt.figure(n) for n in plt.get_fignums()]
        plt.close("all")
    assert figures, "every page draws at least one figure"
    animated = {id(v._fig) for v in namespace.values() if isinstance(v, Animation)}
    for fig in figures:
        if id(fig) not in animated:
            assert_text_inside_the_canvas(fig, script.stem, monkeypatch)
    for fig in figures:
        title = fig.get_suptitle() or " ".join(ax.get_title() for ax in fig.axes)
        assert len(title) > 10, "the figure's title is its alt text on the site"
        assert fig.get_size_inches()[0] <= 6.5 + 1e-9  # shown 1:1 in the 656 px column
    assert capsys.readouterr().out, "every page prints the numbers it shows"
    try:
        assert CHECKS[script.stem](namespace)
        check_explorer_links(script, namespace)
    finally:
        # A page's animations are rendered by the docs build, not here: let them go now,
        # while this test ignores their "deleted without rendering" warning, rather than
        # whenever the garbage collector runs in a later test.
        namespace.clear()
        gc.collect()


def assert_text_inside_the_canvas(fig, name: str, monkeypatch) -> None:
    """Every text a static figure draws lies inside its canvas (none cut at an edge).

    Only texts that are drawn count (tick labels outside the view and hidden axes do
    not), so ``Text.draw`` records them while the figure draws.
    """
    drawn = []
    original = Text.draw

    def recording(self, renderer):
        if self.get_visible() and self.get_text().strip():
            drawn.append((self, renderer))
        return original(self, renderer)

    canvas = FigureCanvasAgg(fig)  # a closed figure's canvas no longer draws
    with monkeypatch.context() as m:
        m.setattr(Text, "draw", recording)
        canvas.draw()
    width, height = canvas.get_width_height()
    assert drawn, f"{name}: no text drawn"
    for text, renderer in drawn:
        e = text.get_window_extent(renderer)
        inside = e.x0 >= -0.5 and e.y0 >= -0.5 and e.x1 <= width + 0.5 and e.y1 <= height + 0.5
        assert inside, f"{name}: {text.get_text()!r} reaches outside the figure: {e.bounds}"


EXPLORER_LINK = re.compile(r"<(\.\./\.\./explorer\.html)#([^>]+)>")


def check_explorer_links(script: Path, namespace: dict) -> None:
    """A page's "Open this case in the explorer" link is a case the page computes.

    The link must be what ``explorer_link`` writes for its case, and the case's
    transposed convolution must equal an array the script holds.
    """
    for page, fragment in EXPLORER_LINK.findall(script.read_text()):
        state = dict(item.split("=") for item in fragment.split("&"))
        dim = int(state["dim"])
        shape = [int(v) for v in state["i"].split(",")]
        kshape = [int(v) for v in state["k"].split(",")]
        x = np.array([int(v) for v in state["x"].split(",")]).reshape(shape)
        w = np.array([int(v) for v in state["w"].split(",")]).reshape(kshape)
        names = {"s": "stride", "p": "padding", "a": "output_padding", "d": "dilation"}
        params = {name: tuple(int(v) for v in state[key].split(",")) for key, name in names.items()}
        assert explorer_link(x, w, page=page, **params) == f"{page}#{fragment}"
        fn = tc.conv_transpose1d if dim == 1 else tc.conv_transpose2d
        y = fn(x, w, **params)
        values = list(namespace.values())
        values += [v for d in values if isinstance(d, dict) for v in d.values()]
        arrays = [np.ravel(v) for v in values if isinstance(v, np.ndarray)]  # C.T @ y is flat
        assert any(eq(a, y.ravel()) for a in arrays), (
            f"{script.stem}: the linked case is not computed"
        )
