"""Lighthouse's mobile profile on four pages of the built site, served gzipped.

Usage: ``python tests/lighthouse/run_lighthouse.py HTML_DIR REPORT_DIR`` (``nox -s lighthouse``).

A benchmark, not a test: it prints the four category scores (performance,
accessibility, best practices, SEO) and the paint timings of each page, and
keeps Lighthouse's JSON and HTML reports. The site is served on 127.0.0.1 as a
static host serves it: text compressed with gzip, files cacheable for ten
minutes. Lighthouse comes from the repository's package-lock.json (``npm ci``);
Chromium is Debian's.
"""

from __future__ import annotations

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

LIGHTHOUSE = Path(__file__).parents[2] / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
PAGES = {
    "landing": "index.html",
    "example": "gallery/walkthrough/plot_03_convolution.html",
    "gallery index": "gallery/index.html",
    "API overview": "api.html",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
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


def main() -> int:
    root, reports = Path(sys.argv[1]), Path(sys.argv[2])
    reports.mkdir(parents=True, exist_ok=True)
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Gzipped, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    for label, page in PAGES.items():
        out = reports / label.replace(" ", "-")
        subprocess.run(
            [
                str(LIGHTHOUSE),
                base + page,
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
        result = json.loads(out.with_suffix(".report.json").read_text())
        scores = [round(100 * result["categories"][c]["score"]) for c in CATEGORIES]
        audits = result["audits"]
        timings = [
            audits[a]["displayValue"]
            for a in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time")
        ]
        failing = [
            a["id"]
            for c in CATEGORIES[1:]
            for ref in result["categories"][c]["auditRefs"]
            if ref["weight"] and (a := audits[ref["id"]])["score"] not in (None, 1)
        ]
        rows.append((label, *scores, *timings, " ".join(failing)))
    server.shutdown()
    head = ("page", "perf", "a11y", "best", "SEO", "FCP", "LCP", "TBT", "failing audits")
    print("| " + " | ".join(head) + " |")
    print("|" + " --- |" * len(head))
    for row in rows:
        print("| " + " | ".join(map(str, row)) + " |")
    print(f"reports: {reports.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
