"""Each gallery script's results, for the tests that keep its page's sentences true.

A page's results are the script's final namespace as plain data (arrays, numbers, strings,
and tuples, lists and dicts of those), the facts about each figure it draws, and whether
it prints anything. With ``pytest --from-build`` (CI, after ``nox -s docs``) they are read
from the records the docs build wrote while it ran the scripts
(``docs/_ext/gallery_results.py``); otherwise each script runs here, headless (Agg, nothing
saved), as a maintainer's quick loop. Both ways use the build's own functions to reduce a
namespace and to measure a figure, so a test passes the same way in both.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import io
import os
import pickle
import runpy
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[1]
GALLERY = ROOT / "gallery"
BUILD = ROOT / "docs" / "_build"
SCRIPTS = sorted(GALLERY.glob("*/plot_*.py"))


def _build_module() -> Any:
    path = ROOT / "docs" / "_ext" / "gallery_results.py"
    spec = importlib.util.spec_from_file_location("gallery_results", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


recorder = _build_module()


@dataclass(frozen=True)
class Results:
    """What one gallery script computed and drew; ``results["name"]`` reads its namespace."""

    script: Path
    namespace: dict[str, Any]
    figures: list[dict[str, Any]]
    printed: bool

    def __getitem__(self, name: str) -> Any:
        return self.namespace[name]


def script(name: str) -> Path:
    """The script of a page named ``"<section>/<stem>"``, e.g. ``"walkthrough/plot_03_convolution"``."""
    path = GALLERY / f"{name}.py"
    assert path in SCRIPTS, f"no gallery script {name!r}"
    return path


def run(path: Path) -> Results:
    """Run a script as a reader would, headless: ``plt.show`` measures and closes the figures."""
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib.pyplot as plt

    figures: list[dict[str, Any]] = []

    def show(*_args: Any, **_kwargs: Any) -> None:
        for number in plt.get_fignums():
            fig = plt.figure(number)
            fig.draw_without_rendering()  # lays it out, as showing or saving it would
            figures.append(recorder.figure_facts(fig))
        plt.close("all")

    out = io.StringIO()
    real_show, plt.show = plt.show, show
    plt.close("all")
    try:
        with contextlib.redirect_stdout(out), warnings.catch_warnings():
            # the site renders the animations; here they are dropped unrendered
            warnings.filterwarnings("ignore", "Animation was deleted without rendering")
            ran = runpy.run_path(str(path), run_name="__main__")
            show()  # figures left open at the end
            namespace = recorder.plain(ran)
            del ran
            gc.collect()  # the animations go now, while their warning is ignored
    finally:
        plt.show = real_show
        plt.close("all")
    return Results(path, namespace, figures, bool(out.getvalue().strip()))


def load(path: Path, build: Path = BUILD) -> Results:
    """The results the docs build recorded for a script; refused if the script changed since."""
    record_path = build / "gallery_results" / path.parent.name / f"{path.stem}.pickle"
    if not record_path.exists():
        msg = f"no results for {path.relative_to(ROOT)} in {build}: run `nox -s docs` first"
        raise FileNotFoundError(msg)
    record = pickle.loads(record_path.read_bytes())
    if record["source"] != recorder.source_hash(path):
        msg = f"{path.relative_to(ROOT)} changed since the docs build: run `nox -s docs` again"
        raise RuntimeError(msg)
    page = build / "html" / "gallery" / path.parent.name / f"{path.stem}.html"
    printed = 'class="sphx-glr-script-out' in page.read_text(encoding="utf-8")
    return Results(path, record["namespace"], record["figures"], printed)


_cache: dict[tuple[Path, bool], Results] = {}


def results(name: str, *, from_build: bool) -> Results:
    """A page's results (``"<section>/<stem>"``), each script run or read once per session."""
    path = script(name)
    key = (path, from_build)
    if key not in _cache:
        _cache[key] = load(path) if from_build else run(path)
    return _cache[key]


def imports(path: Path) -> dict[str, Any]:
    """The modules a script imports, as its namespace holds them (its top-level imports run)."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines = [
        ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    namespace: dict[str, Any] = {}
    exec("\n".join(lines), namespace)  # noqa: S102
    namespace.pop("__builtins__", None)
    return namespace
