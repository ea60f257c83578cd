"""Record what each gallery script computed, for the tests: no second run of the scripts.

Why: the checks that keep the gallery's sentences true live in ``tests/gallery/`` and read
each script's results, and CI runs each script at most twice. So while sphinx-gallery runs
an example, a scraper that draws nothing notes its figures, and when it ends (a
``reset_modules`` hook) its final namespace reduced to plain data, its figures' facts and
a hash of the script (a stale record is refused) go to
``docs/_build/gallery_results/<section>/<name>.pickle``, outside the site, for ``pytest
--from-build``. Without it the tests run the scripts with :func:`plain` and :func:`figure_facts`.
"""

from __future__ import annotations

import hashlib
import pickle
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.colors import to_hex

RESULTS = Path(__file__).parents[1] / "_build" / "gallery_results"
_SCALARS = (bool, int, float, complex, str, bytes, type(None), np.generic)
_example: dict[str, Any] = {}  # the example sphinx-gallery is running: its globals, its figures


def is_plain(value: Any) -> bool:
    """Whether ``value`` is plain data, which unpickles without the code that made it.

    >>> is_plain({"C": np.eye(2), "sizes": [(4, 2), (2, 4)], "name": "stride"})
    True
    >>> is_plain([1, print]), is_plain(np.array([None])), is_plain(np)
    (False, False, False)
    """
    if type(value) is np.ndarray:
        return value.dtype.kind in "biufcUS"
    if type(value) in (tuple, list):
        return all(is_plain(v) for v in value)
    if type(value) is dict:
        return all(is_plain(k) and is_plain(v) for k, v in value.items())
    return isinstance(value, _SCALARS)


def plain(namespace: dict[str, Any]) -> dict[str, Any]:
    """The plain-data names of a script's namespace (no modules, functions, figures)."""
    return {k: v for k, v in namespace.items() if not k.startswith("_") and is_plain(v)}


def figure_facts(fig: Any) -> dict[str, Any]:
    """Title, size, drawn extent, panels and cell colours of a drawn (laid-out) figure.

    ``extent`` is :meth:`~matplotlib.figure.Figure.get_tightbbox` in inches: every visible
    artist as drawn. One that leaves ``(0, 0, *size)`` cuts something at the figure's edge.
    ``panels`` holds each panel's title and colour map; ``cells`` each panel of coloured
    cells (the plotting helpers' matrices) as its title, colour map, the distinct
    ``(value, colour)`` pairs of its cells and how many texts it writes.
    """
    axes_titles = " ".join(t for ax in fig.axes if (t := ax.get_title()))
    extent = fig.get_tightbbox(FigureCanvasAgg(fig).get_renderer())  # a closed one's too
    return {
        "title": fig.get_suptitle() or axes_titles,
        "size": tuple(float(v) for v in fig.get_size_inches()),
        "extent": tuple(float(v) for v in extent.extents),
        "dpi": float(fig.dpi),
        "panels": [(ax.get_title(), c.cmap.name) for ax in fig.axes for c in ax.collections[:1]],
        "cells": [
            (ax.get_title(), c.cmap.name, _colours(c), len(ax.texts))
            for ax in fig.axes
            for c in ax.collections
            if isinstance(c, PatchCollection) and c.get_array() is not None
        ],
    }


def _colours(cells: Any) -> list[tuple[float, str]]:
    """The distinct (value, colour as ``#rrggbb``) pairs of a collection of coloured cells."""
    cells.update_scalarmappable()  # colours of cells added since the last draw (a frame's)
    pairs = zip(np.asarray(cells.get_array(), dtype=float), cells.get_facecolor(), strict=True)
    return sorted({(float(v), to_hex(rgba)) for v, rgba in pairs})


def source_hash(script: Path) -> str:
    """The hash of a script's text, stored with its results."""
    return hashlib.sha256(script.read_bytes()).hexdigest()


def note_figures(_block: Any, block_vars: dict[str, Any], _gallery_conf: Any) -> str:
    """A scraper that notes the block's figures and the example's globals; adds nothing."""
    if _example.get("src_file") != block_vars["src_file"]:
        _example.clear()
        _example.update(src_file=block_vars["src_file"], figures=[])
    _example["namespace"] = block_vars["example_globals"]
    _example["figures"] += [plt.figure(n) for n in plt.get_fignums()]
    return ""


def write_results(_gallery_conf: Any, _fname: Any, when: str) -> None:
    """After each example (``reset_modules``), write its results; figures are drawn by now."""
    if when != "after" or "namespace" not in _example:
        _example.clear()
        return
    script = Path(_example["src_file"])
    record = {
        "source": source_hash(script),
        "namespace": plain(_example["namespace"]),
        "figures": [figure_facts(fig) for fig in _example["figures"]],
    }
    _example.clear()
    path = RESULTS / script.parent.name / f"{script.stem}.pickle"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(record, protocol=5))


def _get_sg_image_scraper() -> Any:
    """Let ``image_scrapers`` name this module as a string (sphinx-gallery's protocol)."""
    return note_figures
