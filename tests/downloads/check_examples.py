"""Check the examples the site offers for download against the wheel it offers, without running them.

Usage: ``python tests/downloads/check_examples.py HTML_DIR`` (``nox -s downloads``, after
``nox -s docs``, which ran every script once to build its page).

- Each notebook's code is its script's code: the same lines in the same order, comment
  lines and blank lines aside (the notebook's text cells are the script's comment blocks).
- Each script imports only the standard library, NumPy, matplotlib and ``transposed_conv``,
  and uses only modules and names that the site's wheel provides: read from the wheel's own
  files (each module's ``__all__``, or its top-level names), without installing it. A name
  reached as ``tc.name`` or ``plotting.name`` counts as well as ``from ... import name``.
  The framework cells (top-level ``if find_spec("torch"):`` or ``if find_spec("keras"):``,
  run only where that framework is installed; ``nox -s oracle`` runs them) are left out.
- The wheel requires NumPy, and matplotlib through its ``plot`` extra.

Prints one line per problem and exits 1 if there is any.
"""

from __future__ import annotations

import ast
import json
import re
import sys
import zipfile
from pathlib import Path

ALLOWED = {"numpy", "matplotlib", "transposed_conv"} | set(sys.stdlib_module_names)
PACKAGE = "transposed_conv"


def code_lines(source: str) -> list[str]:
    """The lines of ``source`` that are code: no blank lines, no comment-only lines."""
    return [
        line.rstrip()
        for line in source.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def script_code(path: Path) -> list[str]:
    """The script's code lines, its opening docstring left out (the notebook's first text cell)."""
    source = path.read_text(encoding="utf-8")
    first = ast.parse(source).body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
        source = "\n".join(source.splitlines()[first.end_lineno :])
    return code_lines(source)


def notebook_code(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return code_lines("\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code"))


def _bound(tree: ast.Module) -> tuple[set[str], set[str] | None]:
    """The names a module binds at top level, and its ``__all__`` (None without one)."""
    names: set[str] = set()
    exported = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and [getattr(t, "id", "") for t in node.targets] == [
            "__all__"
        ]:
            exported = set(ast.literal_eval(node.value))
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names, exported


def wheel_api(wheel: Path) -> tuple[dict[str, set[str]], list[str]]:
    """Each module in the wheel (dotted name) with the names it provides; the wheel's problems.

    A module provides its ``__all__`` (each of which it must bind), or else every top-level
    name, and its submodules.
    """
    with zipfile.ZipFile(wheel) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    modules = {
        name.removesuffix(".py").removesuffix("/__init__").replace("/", "."): ast.parse(source)
        for name, source in files.items()
        if name.startswith(f"{PACKAGE}/") and name.endswith(".py")
    }
    api, problems = {}, []
    for module, tree in modules.items():
        bound, exported = _bound(tree)
        bound |= {m.rpartition(".")[2] for m in modules if m.rpartition(".")[0] == module}
        problems += [
            f"{wheel.name}: {module}.__all__ has {n!r}, never bound"
            for n in sorted((exported or set()) - bound)
        ]
        api[module] = bound if exported is None else exported
    metadata = next(v for n, v in files.items() if n.endswith(".dist-info/METADATA"))
    requires = re.findall(r"^Requires-Dist: (.+)$", metadata.decode(), re.MULTILINE)
    if not any(re.match(r"numpy\b", r) for r in requires):
        problems.append(f"{wheel.name}: does not require numpy ({requires})")
    if not any(re.match(r"matplotlib\b.*extra == .plot.", r) for r in requires):
        problems.append(f"{wheel.name}: no matplotlib in its plot extra ({requires})")
    return api, problems


def _provides(api: dict[str, set[str]], module: str, name: str) -> bool:
    return name in api[module] or f"{module}.{name}" in api


def _check_import(node: ast.Import, where: str, api: dict[str, set[str]]) -> list[str]:
    """An ``import a.b as c``: allowed, and in the wheel when it is the package."""
    problems = []
    for alias in node.names:
        top = alias.name.split(".")[0]
        if top not in ALLOWED:
            problems.append(f"{where}: imports {alias.name}")
        elif top == PACKAGE and alias.name not in api:
            problems.append(f"{where}: no module {alias.name} in the wheel")
    return problems


def _check_import_from(node: ast.ImportFrom, where: str, api: dict[str, set[str]]) -> list[str]:
    """A ``from a import b``: allowed, and every name in the wheel when it is the package."""
    module = node.module or ""
    if node.level or module.split(".")[0] not in ALLOWED:
        return [f"{where}: imports from {'.' * node.level}{module}"]
    if module.split(".")[0] != PACKAGE:
        return []
    if module not in api:
        return [f"{where}: no module {module} in the wheel"]
    return [
        f"{where}: {module} has no {a.name}"
        for a in node.names
        if not _provides(api, module, a.name)
    ]


def _check_imports(
    tree: ast.Module, path: Path, api: dict[str, set[str]]
) -> tuple[list[str], dict[str, str]]:
    """What a script imports that is not allowed or not in the wheel; the wheel's aliases."""
    problems = []
    aliases: dict[str, str] = {}  # a local name bound to one of the wheel's modules
    for node in ast.walk(tree):
        where = f"{path.name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            problems += _check_import(node, where, api)
            for alias in node.names:
                top = alias.name.split(".")[0]
                if top == PACKAGE:
                    aliases[alias.asname or top] = alias.name if alias.asname else top
        elif isinstance(node, ast.ImportFrom):
            problems += _check_import_from(node, where, api)
            module = node.module or ""
            for alias in node.names:
                if not node.level and f"{module}.{alias.name}" in api:
                    aliases[alias.asname or alias.name] = f"{module}.{alias.name}"
    return problems, aliases


FRAMEWORKS = {"torch", "keras"}


def framework_cell(node: ast.stmt) -> bool:
    """Whether a top-level statement is ``if find_spec("torch"):`` (or ``"keras"``), no else."""
    test = node.test if isinstance(node, ast.If) and not node.orelse else None
    return (
        isinstance(test, ast.Call)
        and isinstance(test.func, ast.Name)
        and test.func.id == "find_spec"
        and [getattr(a, "value", None) for a in test.args] in [[f] for f in FRAMEWORKS]
    )


def check_script(path: Path, api: dict[str, set[str]]) -> list[str]:
    """What a script imports or uses that is not allowed or not in the wheel."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    tree.body = [node for node in tree.body if not framework_cell(node)]
    problems, aliases = _check_imports(tree, path, api)
    for node in ast.walk(tree):  # tc.name, plotting.name, tc.plotting.name
        if isinstance(node, ast.Attribute):
            chain = []
            value: ast.expr = node
            while isinstance(value, ast.Attribute):
                chain.append(value.attr)
                value = value.value
            if not (isinstance(value, ast.Name) and value.id in aliases):
                continue
            module = aliases[value.id]
            for name in reversed(chain):
                if not _provides(api, module, name):
                    problems.append(f"{path.name}:{node.lineno}: {module} has no {name}")
                    break
                if f"{module}.{name}" not in api:
                    break
                module = f"{module}.{name}"
    return sorted(set(problems))


def main() -> int:
    html = Path(sys.argv[1]).resolve()
    downloads = html / "_downloads"
    wheels = sorted(downloads.glob(f"*/{PACKAGE}-*.whl"))
    if len(wheels) != 1:
        print(f"expected one wheel under {downloads}, found {[w.name for w in wheels]}")
        return 1
    api, problems = wheel_api(wheels[0])
    scripts = {p.stem: p for p in downloads.glob("*/plot_*.py")}
    notebooks = {p.stem: p for p in downloads.glob("*/plot_*.ipynb")}
    if not scripts or set(scripts) != set(notebooks):
        problems.append(f"scripts and notebooks differ: {sorted(set(scripts) ^ set(notebooks))}")
    for stem, path in sorted(scripts.items()):
        problems += check_script(path, api)
        if stem in notebooks and notebook_code(notebooks[stem]) != script_code(path):
            problems.append(f"{stem}.ipynb: its code is not {stem}.py's code")
    for line in problems:
        print(line)
    print(
        f"{len(scripts)} scripts and {len(notebooks)} notebooks against {wheels[0].name}:"
        f" {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
