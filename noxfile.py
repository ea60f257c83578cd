"""Sessions for tests, lint, the PyTorch cross-check, benchmarks, builds and the site.

``nox`` runs ``lint`` and ``tests``; ``nox -s NAME`` runs one session. uv makes
the virtual environments when it is installed. The ``oracle`` and ``bench``
sessions use virtualenv and pip instead: ``pip install torch==2.13.0`` takes
a CPU build from this machine's wheel cache, where uv would download a
multi-GB CUDA build.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import nox

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["lint", "tests", "gallery", "coverage"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13"]
"""Every Python the package supports (requires-python >= 3.11), oldest first."""
TORCH = "torch==2.13.0"
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")
os.environ.setdefault("MPLBACKEND", "Agg")


def _expose_pyenv_pythons() -> None:
    """Let nox find every Python that pyenv has installed, not just the active one.

    pyenv's ``python3.12`` shim fails unless 3.12 is an active version, so nox
    would skip (or, with ``CI`` set, fail) the 3.12 and 3.13 sessions on a
    machine that has them. This adds the newest installed patch release of
    each of ``PYTHONS`` after the active versions, in this process only (as
    ``pyenv shell`` would); ``python3`` stays what it was. Without pyenv,
    nothing changes.
    """
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return
    # pyenv's shims export PYENV_VERSION to the program they start (nox here)
    active = (
        os.environ.get("PYENV_VERSION")
        or subprocess.run(
            [pyenv, "version-name"], capture_output=True, text=True, check=False
        ).stdout.strip()
    )
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    installed = [p.name for p in (root / "versions").glob("3.*") if p.is_dir()]
    extra = []
    for minor in PYTHONS:
        patches = [v for v in installed if re.fullmatch(rf"{re.escape(minor)}\.\d+", v)]
        if patches:
            extra.append(max(patches, key=lambda v: int(v.rsplit(".", 1)[1])))
    if active and extra:
        os.environ["PYENV_VERSION"] = ":".join(dict.fromkeys([*active.split(":"), *extra]))


_expose_pyenv_pythons()


MATH = [
    "tests",
    "src/transposed_conv",
    *("--ignore=tests/gallery", "--ignore=tests/plotting", "--ignore=tests/oracle"),
    "--ignore=src/transposed_conv/plotting",
]
"""The math: unit, property and doctests of everything but the drawing."""
DRAWING = ["tests/plotting", "src/transposed_conv/plotting"]
"""The drawing helpers' tests and doctests (they draw, so they are slow)."""


def _ignored(paths: list[str]) -> set[str]:
    """The ``--ignore`` options that leave ``paths`` out of a pytest run."""
    return {f"--ignore={path}" for path in paths}


def _pytest(session: nox.Session, *paths: str, coverage: bool = True) -> None:
    """Pytest on ``paths``; line and branch coverage of src/ to ``.coverage.<session>``.

    Test paths among the session's arguments replace ``paths`` (``nox -s tests-3.12 --
    tests/test_conv.py``). ``nox -s coverage`` combines the sessions' data and checks the union.
    """
    named = any(Path(arg.split("::")[0]).exists() for arg in session.posargs)
    cov = ["--cov", "--cov-report="] if coverage else []
    env = {"COVERAGE_FILE": f".coverage.{session.name}"}
    session.run("pytest", *cov, *([] if named else paths), *session.posargs, env=env)


QUICK = "3.12"
"""The quick loop's Python: ``nox -s tests-3.12`` runs without coverage, whose tracing makes
it 2.4 times slower (60 s against 25 s); the oldest and newest Pythons measure the math's."""


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The math: unit tests, property tests and doctests (not the drawing: ``gallery``).

    Runs on every supported Python; nox skips a missing one (``nox -s
    tests-3.12`` picks one: the quick loop), unless ``CI`` is set, where a missing one fails.
    """
    session.install("-e", ".", *nox.project.dependency_groups(PYPROJECT, "test"))
    _pytest(session, *MATH, coverage=session.python != QUICK)


@nox.session(python="3.12")
def gallery(session: nox.Session) -> None:
    """The drawing: the plotting helpers' tests and every gallery page's checks.

    Each gallery script runs headless (Agg, nothing saved); ``nox -s gallery --
    --from-build`` reads instead what the last ``nox -s docs`` recorded of each script
    (CI: no third run of the scripts).
    """
    session.install("-e", ".[plot]", *nox.project.dependency_groups(PYPROJECT, "test"))
    _pytest(session, *DRAWING, "tests/gallery")


@nox.session
def coverage(session: nox.Session) -> None:
    """Line and branch coverage of src/ by the test sessions that ran before, combined: >= 95%.

    Combines (and so removes) each session's ``.coverage.<session>``: run it after
    ``tests`` and ``gallery`` (``nox`` alone does).
    """
    session.install("coverage>=7.5")
    session.run("coverage", "combine")
    session.run("coverage", "report", "--skip-covered", "--fail-under=95")
    report = Path(session.create_tmp()) / "coverage.json"
    session.run("coverage", "json", "--quiet", "-o", str(report))
    totals = json.loads(report.read_text())["totals"]
    session.log(
        f"lines {totals['covered_lines']}/{totals['num_statements']}"
        f" ({100 * totals['covered_lines'] / totals['num_statements']:.2f}%), branches"
        f" {totals['covered_branches']}/{totals['num_branches']}"
        f" ({100 * totals['covered_branches'] / totals['num_branches']:.2f}%),"
        f" together {totals['percent_covered']:.2f}%"
    )


def _lowest(requirements: list[str]) -> list[str]:
    """``name>=version`` pinned to ``name==version``: the oldest release allowed."""
    return [re.sub(r"\s*>=\s*", "==", r) for r in requirements]


@nox.session(python=PYTHONS[0])
def minimums(session: nox.Session) -> None:
    """The math and drawing tests on the oldest Python, NumPy and matplotlib allowed.

    matplotlib 3.8 needs a pyparsing older than 3.3, which it does not pin.
    """
    project = PYPROJECT["project"]
    pins = _lowest([*project["dependencies"], *project["optional-dependencies"]["plot"]])
    session.install(
        "-e", ".", *pins, "pyparsing<3.3", *nox.project.dependency_groups(PYPROJECT, "test")
    )
    session.run(
        "python", "-c", "import numpy, matplotlib; print(numpy.__version__, matplotlib.__version__)"
    )
    drawing_too = [arg for arg in MATH if arg not in _ignored(DRAWING)]
    _pytest(session, *drawing_too, coverage=False)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff (lint and format check) and strict mypy on the package."""
    # ruff and mypy read the files without importing them: no bytecode compiled at install
    lint_group = nox.project.dependency_groups(PYPROJECT, "lint")
    session.install("-e", ".", *lint_group, env={"UV_COMPILE_BYTECODE": "0"})
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy")


@nox.session(venv_backend="virtualenv", python="3.11")
def oracle(session: nox.Session) -> None:
    """Cross-check every function against PyTorch (CPU, float64), valid and invalid calls."""
    # --no-compile: of PyTorch's and Keras's 8,000 modules the tests import a few
    session.install(
        "--no-compile", TORCH, "keras", "-e", ".[plot]", "pytest>=8.1", "hypothesis>=6.100"
    )
    session.run(
        "pytest",
        "tests/oracle",
        "-p",
        "no:cacheprovider",
        "-o",
        "testpaths=tests/oracle",
        *session.posargs,
    )


@nox.session(venv_backend="virtualenv", python="3.11")
def bench(session: nox.Session) -> None:
    """Median times (and peak memory) against PyTorch's CPU functions, one thread each.

    Convolutions (tests/benchmarks/bench_conv.py), then interpolate
    (tests/benchmarks/bench_interpolate.py). ``nox -s bench -- --baseline
    OTHER/src`` also times another checkout's package side by side.

    OpenBLAS is told to use this processor's own kernels for the run (see
    tests/benchmarks/bench_conv.py), as PyTorch's oneDNN does.
    """
    session.install(TORCH, ".", "threadpoolctl")
    session.run(
        "env",
        "-u",
        "OPENBLAS_CORETYPE",
        "-u",
        "OPENBLAS_L2_SIZE",
        "python",
        "tests/benchmarks/bench_conv.py",
        *session.posargs,
        external=True,
    )
    session.run(
        "env",
        "-u",
        "OPENBLAS_CORETYPE",
        "-u",
        "OPENBLAS_L2_SIZE",
        "python",
        "tests/benchmarks/bench_interpolate.py",
        *session.posargs,
        external=True,
    )


@nox.session
def build(session: nox.Session) -> None:
    """Wheel and sdist into dist/."""
    session.install("build")
    session.run(
        "python", "-m", "build", "--installer", "uv" if session.venv_backend == "uv" else "pip"
    )


DOCS = Path("docs")
BUILD = DOCS / "_build"
HTML = BUILD / "html"
GENERATED = [
    HTML,
    BUILD / "doctrees",
    BUILD / "dist",
    DOCS / "api" / "backreferences",
    BUILD / "figures",  # panels and frames, published as _static/figures (docs/_ext/figure_html.py)
    BUILD / "gallery_results",  # each script's results, for `nox -s gallery -- --from-build`
    DOCS / "gallery",
    DOCS / "jupyter_execute",
    BUILD / ".jupyter_cache",
]


def _install_docs(session: nox.Session) -> None:
    session.install("-e", ".[plot]", *nox.project.dependency_groups(PYPROJECT, "docs"))


def _build_dist(session: nox.Session) -> None:
    """The package's wheel and sdist, which the install page offers for download."""
    out = str(BUILD / "dist")
    if session.venv_backend == "uv":
        session.run("uv", "build", "--out-dir", out, external=True)
    else:
        session.install("build")
        session.run("python", "-m", "build", "--outdir", out)


def _npm_installed() -> bool:
    """Whether node_modules holds every package package-lock.json pins, as pinned.

    npm records what it installed in ``node_modules/.package-lock.json``: the lockfile's
    packages without the project's own entry.
    """
    installed = Path("node_modules/.package-lock.json")
    if not installed.is_file():
        return False
    pinned = json.loads(Path("package-lock.json").read_text(encoding="utf-8"))["packages"]
    have = json.loads(installed.read_text(encoding="utf-8")).get("packages")
    return have == {name: pin for name, pin in pinned.items() if name}


def _npm_tools(session: nox.Session, *, required: bool) -> bool:
    """Install package-lock.json's tools (axe-core, Lighthouse, the math font) with ``npm ci``.

    Skipped when node_modules already matches the lockfile. Without npm, or without the
    npm registry, a session that needs the tools fails; ``docs`` logs it and goes on.
    """
    if _npm_installed():
        return True
    why = "npm is not installed"
    if shutil.which("npm"):
        try:
            session.run("npm", "ci", "--no-audit", "--no-fund", external=True)
        except nox.command.CommandFailed:
            why = "`npm ci` failed"
        else:
            return True
    if required:
        session.error(f"{why}: this session needs Node.js 18.20+ and npm")
    session.warn(f"{why}: the site is built without the math font (readers' fonts instead)")
    return False


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site from scratch into docs/_build/html; warnings are errors.

    The extensions in docs/_ext run their docstring examples first.

    ``nox -s docs -- --keep`` keeps the sphinx-gallery and MyST-NB caches for a
    faster incremental build.
    """
    keep = "--keep" in session.posargs
    _install_docs(session)
    if not keep:
        for path in GENERATED:
            shutil.rmtree(path, ignore_errors=True)
    # The site's extensions' docstring examples (they import Sphinx: this environment has it).
    session.run(
        *("python", "-m", "doctest", "-o", "NORMALIZE_WHITESPACE"),
        *sorted(str(path) for path in (DOCS / "_ext").glob("*.py")),
    )
    _build_dist(session)
    _npm_tools(session, required=False)
    # The notebooks' kernels run two at a time (-j auto) and would share IPython's history
    # database; under load one waits out its lock and prints the error into a page's output
    # (a CI build's introduction.html differed so). Give them a profile with no history.
    ipython = Path(session.create_tmp()).resolve() / "ipython"
    (ipython / "profile_default").mkdir(parents=True, exist_ok=True)
    (ipython / "profile_default" / "ipython_kernel_config.py").write_text(
        "c.HistoryManager.enabled = False\n"
    )
    session.run(
        "sphinx-build",
        "-b",
        "html",
        "-W",
        "--keep-going",
        "-n",
        *("-j", "auto"),  # pages read and written, and gallery scripts run, a process per core
        "-d",  # the pickled doctrees stay out of the published folder
        str(BUILD / "doctrees"),
        str(DOCS),
        str(HTML),
        # The notebooks' kernels must keep Jupyter's inline backend to show figures.
        env={
            "MPLBACKEND": None,
            "PYDEVD_DISABLE_FILE_VALIDATION": "1",
            "IPYTHONDIR": str(ipython),
        },
    )
    session.log(f"The site is in {HTML.resolve()}/index.html")


@nox.session
def serve(session: nox.Session) -> None:
    """Serve the site on http://127.0.0.1:8000 (rebuilding on change when interactive)."""
    _install_docs(session)
    if session.interactive:
        session.install("sphinx-autobuild")
        _build_dist(session)
        session.run(
            "sphinx-autobuild",
            str(DOCS),
            str(HTML),
            "--host",
            "127.0.0.1",
            "--port",
            "8000",
            "--watch",
            "src",
            "--watch",
            "gallery",
            "--ignore",
            str(DOCS / "gallery"),
            "--ignore",
            str(DOCS / "api"),
        )
    else:
        if not HTML.exists():
            session.error("No site yet: run `nox -s docs` first.")
        session.run(
            "python", "-m", "http.server", "8000", "--bind", "127.0.0.1", "--directory", str(HTML)
        )


@nox.session
def browser(session: nox.Session) -> None:
    """Every page of the built site in headless Chromium: links, axe, phones, keyboard."""
    if not (HTML / "index.html").exists():
        session.error("No site yet: run `nox -s docs` first.")
    _npm_tools(session, required=True)
    session.install(*nox.project.dependency_groups(PYPROJECT, "browser"))
    session.run(
        "python",
        "tests/browser/check_site.py",
        str(HTML),
        str(BUILD / "screenshots"),
        *session.posargs,
    )
    session.run(
        "python", "tests/browser/figures.py", str(HTML), str(BUILD / "screenshots" / "figures")
    )
    session.install(".")  # the explorer's check compares its numbers with the package's
    session.run("python", "tests/browser/check_explorer.py", str(HTML), str(BUILD / "screenshots"))


@nox.session
def explorer(session: nox.Session) -> None:
    """The explorer's math module (docs/_static/explorer/tconv.mjs) against the package.

    Writes random golden cases computed by transposed_conv to build/explorer/ and runs
    ``node --test`` on tests/js/*.test.mjs with them (Node >= 18).
    """
    if shutil.which("node") is None:
        session.error("node is missing: install Node.js >= 18 (Debian: apt-get install nodejs)")
    session.install("-e", ".")
    golden = Path("build") / "explorer" / "golden.json"
    session.run("python", "tests/js/make_golden.py", str(golden), *session.posargs)
    tests = sorted(str(p) for p in Path("tests/js").glob("*.test.mjs"))
    session.run("node", "--test", *tests, env={"GOLDEN": str(golden.resolve())}, external=True)


@nox.session(venv_backend="none")
def downloads(session: nox.Session) -> None:
    """The downloadable examples against the site's wheel, without running them again.

    Each notebook's code is its script's; each script imports only the standard library,
    NumPy, matplotlib and names the wheel provides (tests/downloads/check_examples.py).
    """
    if not (HTML / "_downloads").exists():
        session.error("No site yet: run `nox -s docs` first.")
    session.run("python3", "tests/downloads/check_examples.py", str(HTML), external=True)


@nox.session(venv_backend="none")
def lighthouse(session: nox.Session) -> None:
    """Lighthouse's mobile scores for five pages, served gzipped (a benchmark, not a gate).

    Medians of three runs; ``nox -s lighthouse -- --runs 5`` for more.
    """
    if not (HTML / "index.html").exists():
        session.error("No site yet: run `nox -s docs` first.")
    _npm_tools(session, required=True)
    session.run(
        "python3",
        "tests/lighthouse/run_lighthouse.py",
        str(HTML),
        str(BUILD / "lighthouse"),
        *session.posargs,
        external=True,
    )


@nox.session(venv_backend="none")
def reproducible(session: nox.Session) -> None:
    """Build the site once more, from a clone in a differently named folder; compare.

    The comparison is with the last ``nox -s docs`` build of this checkout, which must be
    of the committed state (a clean work tree). Pages, images, videos, fonts and
    downloads must be byte-identical; zip archives may differ in their members'
    timestamps only.

    The clone builds its own sources (``PYTHONPATH`` puts its ``src`` first) in this
    checkout's ``docs`` environment, with this checkout's node_modules when that holds
    what the clone's package-lock.json pins: nothing is installed twice.
    """
    if not (HTML / "index.html").exists():
        session.error("No site yet: run `nox -s docs` first.")
    dirty = subprocess.run(
        ["git", "status", "--porcelain"], capture_output=True, text=True, check=True
    ).stdout
    if dirty.strip():
        session.error(f"Commit or stash first: the clone builds the last commit.\n{dirty}")
    started = time.monotonic()
    clone = Path(session.create_tmp()).resolve() / "second-build-elsewhere"
    shutil.rmtree(clone, ignore_errors=True)
    session.run("git", "clone", "--quiet", "--no-local", ".", str(clone), external=True)
    if Path("node_modules").is_dir():  # the clone's docs session checks it against its lockfile
        (clone / "node_modules").symlink_to(Path("node_modules").resolve())
    envdir = str(Path(".nox").resolve())  # the docs environment made here (-R: nothing installed)
    with session.chdir(clone):
        session.run(
            *("nox", "--envdir", envdir, "-R", "-s", "docs"),
            env={"PYTHONPATH": str(clone / "src")},
            external=True,
        )
    session.run(
        "python3",
        "tests/reproducible/compare_builds.py",
        str(HTML),
        str(clone / HTML),
        external=True,
    )
    session.log(f"built and compared in {time.monotonic() - started:.0f} s")
