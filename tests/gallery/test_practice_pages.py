"""What the practice pages state, checked on what their scripts computed."""

from __future__ import annotations

import numpy as np


def test_checkerboard(page):
    ns = page("practice/plot_01_checkerboard")
    assert set(ns["uneven"][2:-2].tolist()) == {1, 2}
    assert set(ns["even"][1:-1].tolist()) == {2}
    assert ns["energy"]["Flat grey, 64x64 in"] > 0.5


def test_spectrum(page):
    ns = page("practice/plot_02_spectrum")
    assert ns["energy"]["Random kernel"] > 10 * ns["energy"]["Bilinear kernel"]


def test_fixes(page):
    ns = page("practice/plot_03_fixes")
    assert ns["energy"]["Resize (nearest) + conv 3"] < 1e-6
    assert ns["energy"]["Transposed, kernel 3"] > 0.01
    assert not np.allclose(ns["sums"], ns["sums"].mean())


def test_bilinear_initialisation(page):
    ns = page("practice/plot_04_bilinear_initialisation")
    assert ns["interior_error"] < 1e-12


def test_learning_the_kernel(page):
    ns = page("practice/plot_05_learning_the_kernel")
    table = ns["table"]
    assert ns["losses"][-1] < ns["losses"][0] / 100
    assert table["transposed, learned kernel"] > table["bicubic"]
    assert abs(table["transposed, bilinear kernel"] - table["bilinear"]) < 1e-9


def test_gradient_artifacts(page):
    ns = page("practice/plot_06_gradient_artifacts")
    assert ns["energy"]["Kernel 3, random"] > 0.1
