"""Compare two builds of the site file by file.

Usage: ``python tests/reproducible/compare_builds.py HTML_A HTML_B`` (``nox -s reproducible``).

Every file must be byte-identical in both builds (pages, images, videos, fonts,
downloads, page sources), except zip archives, whose members must have the same
names and bytes (their timestamps may differ), and ``.buildinfo``, Sphinx's
record for incremental builds: it holds a hash of the configuration, which
sphinx-gallery fills with the checkout's absolute paths. Prints what differs
and exits 1 if anything does.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

IGNORED = {".buildinfo", ".buildinfo.bak"}


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
    return problems


def main() -> int:
    a, b = Path(sys.argv[1]), Path(sys.argv[2])
    problems = compare(a, b)
    for line in problems:
        print(line)
    print(f"{len(_files(a))} files compared, {len(problems)} differ")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
