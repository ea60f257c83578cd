"""Compare two builds of the site file by file.

Usage: ``python tests/reproducible/compare_builds.py HTML_A HTML_B`` (``nox -s reproducible``).

Every file must be byte-identical in both builds (pages, images, videos, fonts,
downloads, page sources), except zip archives, whose members must have the same
names and bytes (their timestamps may differ), and ``.buildinfo``, Sphinx's
record for incremental builds: it holds a hash of the configuration, which
sphinx-gallery fills with the checkout's absolute paths. Prints what differs
(the first lines of a text file's diff too) and exits 1 if anything does.
"""

from __future__ import annotations

import difflib
import sys
import zipfile
from pathlib import Path

IGNORED = {".buildinfo", ".buildinfo.bak"}
TEXT = {".html", ".txt", ".css", ".js", ".mjs", ".json", ".ipynb", ".py", ".svg", ".vtt"}
SHOWN = 16  # lines of a text file's diff printed, so a CI log says what differed


def _files(root: Path) -> set[str]:
    return {
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name not in IGNORED
    }


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def compare(a: Path, b: Path) -> list[str]:
    """What differs between the two folders, one line per file."""
    files_a, files_b = _files(a), _files(b)
    problems = [f"only in the first build: {n}" for n in sorted(files_a - files_b)]
    problems += [f"only in the second build: {n}" for n in sorted(files_b - files_a)]
    for name in sorted(files_a & files_b):
        first, second = (a / name).read_bytes(), (b / name).read_bytes()
        if first == second:
            continue
        if name.endswith(".zip") and _zip_members(a / name) == _zip_members(b / name):
            continue  # same members, same bytes: only the archive's timestamps differ
        problems.append(f"differs: {name}")
        if Path(name).suffix in TEXT:
            problems += _first_lines_that_differ(first, second)
    return problems


def _first_lines_that_differ(first: bytes, second: bytes) -> list[str]:
    diff = difflib.unified_diff(
        first.decode(errors="replace").splitlines(),
        second.decode(errors="replace").splitlines(),
        "first",
        "second",
        n=1,
        lineterm="",
    )
    return [f"    {line[:200]}" for line in list(diff)[2 : 2 + SHOWN]]


def main() -> int:
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    problems = compare(a, b)
    for line in problems:
        print(line)
    differ = sum(line.startswith(("differs", "only in")) for line in problems)
    print(f"{len(_files(a))} files compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
