"""Lighthouse's mobile profile on five pages of the built site, served gzipped.

Usage: ``python tests/lighthouse/run_lighthouse.py HTML_DIR REPORT_DIR [--runs N]``
(``nox -s lighthouse``, ``nox -s lighthouse -- --runs 5``).

A benchmark, not a test: it prints the four category scores (performance,
accessibility, best practices, SEO) and the paint timings of each page, each
the median of N runs (3 unless told: Lighthouse's simulated timings move with
the machine's load), and keeps Lighthouse's JSON and HTML reports of every run. The site is served on 127.0.0.1 as a
static host serves it: text compressed with gzip, files cacheable for ten
minutes. Lighthouse comes from the repository's package-lock.json (``npm ci``);
Chromium is Debian's.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from statistics import median
from typing import Any

LIGHTHOUSE = Path(__file__).parents[2] / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "landing": "index.html",
    "example": "gallery/walkthrough/plot_03_convolution.html",
    "gallery index": "gallery/index.html",
    "API overview": "api.html",
    "explorer": "explorer.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TIMINGS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".txt", ".map", ".mjs"}
FLAGS = "--headless --no-sandbox --disable-gpu --no-first-run --disable-component-update"


class Gzipped(SimpleHTTPRequestHandler):
    """Serve files as a static host does: text gzipped, cacheable for ten minutes."""

    def log_message(self, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def _lighthouse(url: str, out: Path) -> dict[str, Any]:
    """One Lighthouse run of one page; its JSON report."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            f"--chrome-flags={FLAGS}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--output=json",
            "--output=html",
            f"--output-path={out}",
            "--quiet",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
    )
    result: dict[str, Any] = json.loads(out.with_suffix(".report.json").read_text())
    return result


def _row(results: list[dict[str, Any]]) -> list[str]:
    """Medians over the runs of one page: four scores, three timings, the failing audits."""
    scores = [
        str(round(median(100 * r["categories"][c]["score"] for r in results))) for c in CATEGORIES
    ]
    timings = []
    for audit in TIMINGS:
        value = median(r["audits"][audit]["numericValue"] for r in results)
        timings.append(
            f"{value / 1000:.1f} s" if audit != "total-blocking-time" else f"{value:.0f} ms"
        )
    failing = sorted(
        {
            a["id"]
            for r in results
            for c in CATEGORIES[1:]
            for ref in r["categories"][c]["auditRefs"]
            if ref["weight"] and (a := r["audits"][ref["id"]])["score"] not in (None, 1)
        }
    )
    return [*scores, *timings, " ".join(failing)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path, help="the built site")
    parser.add_argument("reports", type=Path, help="where Lighthouse's reports go")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (medians reported)")
    args = parser.parse_args()
    args.reports.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(Gzipped, directory=args.html)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    results: dict[str, list[dict[str, Any]]] = {label: [] for label in PAGES}
    for run in range(1, args.runs + 1):  # page after page, so a busy minute hits all pages
        for label, page in PAGES.items():
            out = args.reports / f"run-{run}" / label.replace(" ", "-")
            out.parent.mkdir(parents=True, exist_ok=True)
            results[label].append(_lighthouse(base + page, out))
    server.shutdown()
    head = ("page", "perf", "a11y", "best", "SEO", "FCP", "LCP", "TBT", "failing audits")
    print(f"medians of {args.runs} runs")
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for label, runs in results.items():
        print("| " + " | ".join([label, *_row(runs)]) + " |")
        perf = [round(100 * r["categories"]["performance"]["score"]) for r in runs]
        print(f"<!-- {label}: performance per run {perf} -->")
    print(f"reports: {args.reports.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
