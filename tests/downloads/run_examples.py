"""Run every example the site offers for download, as a reader would.

Usage: ``python tests/downloads/run_examples.py HTML_DIR`` (``nox -s downloads``), in an
environment holding only the site's wheel and matplotlib. Each ``.py`` runs as a
script, and the code cells of each ``.ipynb`` run in order, in a scratch folder
away from the source tree, so nothing but the installed package can be imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def notebook_as_script(path: Path) -> str:
    cells = json.loads(path.read_text())["cells"]
    return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def main() -> int:
    html = Path(sys.argv[1]).resolve()
    downloads = sorted(p for p in (html / "_downloads").rglob("*") if p.suffix in {".py", ".ipynb"})
    if not downloads:
        print(f"no downloadable examples under {html / '_downloads'}")
        return 1
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONPATH": ""}
    failed = []
    with tempfile.TemporaryDirectory() as scratch:
        for path in downloads:
            script = Path(scratch) / f"{path.stem}{'_nb' if path.suffix == '.ipynb' else ''}.py"
            text = path.read_text() if path.suffix == ".py" else notebook_as_script(path)
            script.write_text(text)
            run = subprocess.run(
                [sys.executable, script.name],
                cwd=scratch,
                env=env,
                capture_output=True,
                text=True,
                check=False,
                timeout=300,
            )
            status = "ok" if run.returncode == 0 else "FAILED"
            print(f"{status:>6}  {path.relative_to(html)}")
            if run.returncode:
                failed.append(path.name)
                print(run.stderr[-3000:])
    print(f"{len(downloads) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
