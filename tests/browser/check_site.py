"""Open every page of the built site in headless Chromium and fail on what a reader would hit.

Usage: ``python tests/browser/check_site.py HTML_DIR SCREENSHOT_DIR`` (``nox -s browser``).

For every page, in light and dark mode: it must load; no console error or
uncaught exception; every image loaded; no request to any host but the local
server (such requests are blocked and reported); and no serious or critical
violation of axe-core's default rules (axe-core from the repository's
package-lock.json, installed by ``npm ci``; in dark mode, its rules on colours). In
light mode, every page also: at most MAX_HEIGHT px tall at 1280 px; no horizontal
overflow at 320 and 390 px, with working navigation buttons and cell digits and
colour-key labels legible at every width (layout.py), and axe-core again at 390 px.
Links, resources and fragments are checked in the HTML (links.py); the landing page,
one example page, the API overview and the explorer are tabbed through in both modes
(keyboard.py). Screenshots of the landing page, the gallery index and example pages
are saved in both modes at 1280 and 390 px. Every example page must stay within a
byte budget (PAGE_BUDGET), and the heaviest pages are listed.

What does not depend on the colour mode is measured once, in light mode: the page's weight
(after the network goes idle), its videos' posters and captions, and its layout. Pages are
checked by WORKERS threads, each with its own browser (Playwright's sync API is per thread):
``--workers N`` sets another number.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import queue
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from keyboard import check_keyboard
from layout import PHONE_WIDTHS, check_height, check_legible, check_phone
from links import check_links, check_old_api_links
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Request,
    Response,
    Route,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
KEYBOARD = [
    "index.html",
    "gallery/walkthrough/plot_03_convolution.html",
    "api.html",
    "explorer.html",
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = {
    "index.html": "landing",
    "gallery/index.html": "gallery",
    "gallery/walkthrough/plot_03_convolution.html": "example",
    "gallery/arithmetic/plot_04_strides.html": "animation",
    "api.html": "api",
    "install.html": "install",
}
SKIP_DIRS = {"_static", "_sources", "_downloads", "_images"}
WAIT_FOR_IMAGES = """async () => {
  const imgs = Array.from(document.images);
  imgs.forEach(img => { img.loading = "eager"; });
  await Promise.all(imgs.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener("load", done); img.addEventListener("error", done);
    setTimeout(done, 5000);
  })));
  return imgs.filter(img => img.naturalWidth === 0).map(img => img.currentSrc || img.src);
}"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    """The built site on a loopback port, in a thread: (server, base address)."""
    handler = functools.partial(Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


PAGE_BUDGET = 1_500_000
"""Bytes an example page may load (HTML, styles, scripts, images, animations), measured from
the files served. About 0.95 MB of it is the theme's own CSS, scripts and icon font."""


VIDEO_TEXT = """async () => Promise.all(Array.from(document.querySelectorAll("video")).map(
  async (video) => {
    const track = video.querySelector('track[kind="captions"]');
    const details = video.closest("figure")?.querySelector("details");
    const out = {src: video.querySelector("source")?.getAttribute("src"),
                 track: track?.getAttribute("src") ?? null, cues: 0,
                 transcript: details ? details.querySelectorAll("li").length : 0};
    const poster = new Image();  // the poster must be a frame of the video's own size
    poster.src = video.poster;
    await poster.decode().catch(() => null);
    out.poster = [poster.naturalWidth, poster.naturalHeight];
    out.size = [Number(video.getAttribute("width")), Number(video.getAttribute("height"))];
    if (!track) return out;
    track.track.mode = "hidden";  // makes the browser fetch and parse the file
    if (track.readyState < 2) await new Promise(done => {
      track.addEventListener("load", done); track.addEventListener("error", done);
      setTimeout(done, 5000);
    });
    out.cues = track.readyState === 2 ? track.track.cues.length : -1;
    return out;
  }))"""


def check_video_text(page: Page, url: str, root: Path) -> list[str]:
    """Every video: a poster of its size, WebVTT captions and a transcript, a line per cue."""
    problems = []
    for video in page.evaluate(VIDEO_TEXT):
        name = video["src"]
        if video["poster"] != video["size"]:  # else letterboxed, its bottom under the controls
            problems.append(f"poster of {name} is {video['poster']}, the video {video['size']}")
        if video["track"] is None:
            problems.append(f'video without <track kind="captions">: {name}')
            continue
        vtt = (root / urlsplit(url).path.lstrip("/")).parent / video["track"]
        text = vtt.resolve().read_text(encoding="utf-8") if vtt.resolve().is_file() else ""
        if not text.startswith("WEBVTT") or video["cues"] < 1:
            problems.append(f"captions of {name} do not parse as WebVTT: {video['track']}")
        if video["transcript"] != max(video["cues"], 1):
            problems.append(
                f"transcript of {name} has {video['transcript']} steps, captions {video['cues']}"
            )
    return problems


COLOUR_RULES = ["color-contrast", "link-in-text-block"]
"""axe-core's default rules whose verdict depends on colours: the only ones that can differ
between light and dark mode, whose pages have the same elements and the same layout."""


def run_axe(page: Page, rules: list[str] | None = None) -> list[str]:
    """Serious and critical violations of axe-core's default rules (or ``rules``) on the page."""
    page.add_script_tag(path=AXE)
    # only the violations are reported in full (axe's own speed-up)
    only = {"runOnly": {"type": "rule", "values": rules}} if rules else {}
    violations = page.evaluate(
        "async (only) => (await axe.run(document, {...only, resultTypes: ['violations']}))"
        ".violations",
        only,
    )
    return [
        f"axe {v['impact']} {v['id']}: {v['help']} ({len(v['nodes'])}x: "
        + ", ".join(" ".join(n["target"]) for n in v["nodes"][:3])
        + ")"
        for v in violations
        if v["impact"] in {"serious", "critical"}
    ]


def check_page(
    page: Page, url: str, root: Path, weights: dict[str, int], *, light: bool
) -> list[str]:
    """Load, console, network, images and axe; in light mode also weight and videos."""
    problems: list[str] = []
    served: set[Path] = set()

    # axe-core fetches the stylesheets again to audit them and resolves the theme's
    # @import against the page instead of the stylesheet (a 404 the page never makes),
    # so network and console events are recorded only until axe starts.
    loading = [True]

    def note(text: str) -> None:
        if loading[0]:
            problems.append(text)

    def weigh(response: Response) -> None:
        path = root / urlsplit(response.url).path.lstrip("/")
        if loading[0] and path.is_file():
            served.add(path)

    page.on("console", lambda m: m.type == "error" and note(f"console error: {m.text}"))
    page.on("pageerror", lambda e: note(f"uncaught exception: {e}"))
    page.on("requestfailed", lambda r: note(f"request failed: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and note(f"HTTP {r.status}: {r.url}"))
    page.on("response", weigh)

    def only_local(route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname in {"127.0.0.1"} or request.url.startswith("data:"):
            route.continue_()
        else:
            problems.append(f"request to another host: {request.url}")
            route.abort()

    page.route("**/*", only_local)
    response = page.goto(url, wait_until="load")
    if response is None or not response.ok:
        problems.append(f"did not load: HTTP {response.status if response else 'none'}")
        return problems
    for src in page.evaluate(WAIT_FOR_IMAGES):
        problems.append(f"image did not load: {src}")
    if light:  # the same files in both modes: weighed once, after the network goes idle
        problems += check_video_text(page, url, root)
        page.wait_for_load_state("networkidle")
        weight = sum(p.stat().st_size for p in served)
        weights[url] = weight
        if "/plot_" in url and weight > PAGE_BUDGET:
            problems.append(f"page loads {weight:,} bytes, over the {PAGE_BUDGET:,} budget")
    else:
        page.evaluate("() => document.fonts.ready.then(() => null)")
    loading[0] = False
    problems.extend(run_axe(page, None if light else COLOUR_RULES))
    return problems


OLD_API_NAMES = """() => Array.from(document.querySelectorAll("p.api-names a[id]"))
  .map(a => ({id: a.id, href: a.href}))"""


def check_old_api_forwarding(browser: Browser, base: str) -> list[str]:
    """Old links ``api.html#transposed_conv.NAME`` take the reader on to the entry itself.

    The first name of each API page, in light mode: the address must become the
    entry's on its new page, that page must hold the id, and Back must not return
    to the overview (the address is replaced, not pushed).
    """
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + "api.html", wait_until="load")
    names = page.evaluate(OLD_API_NAMES)
    firsts = {}
    for name in names:
        firsts.setdefault(name["href"].split("#")[0], name)
    if len(firsts) < 2:
        problems.append(f"the overview links {len(firsts)} API pages by name")
    for name in firsts.values():
        page.goto(base + "index.html", wait_until="load")  # where Back should return
        page.goto(base + "api.html#" + name["id"], wait_until="load")
        with contextlib.suppress(PlaywrightError):
            page.wait_for_url(name["href"], timeout=5000)
        if page.url != name["href"]:
            problems.append(f"api.html#{name['id']} stays at {page.url}, not {name['href']}")
            continue
        if not page.evaluate("id => document.getElementById(id) !== null", name["id"]):
            problems.append(f"{page.url}: no element with the id {name['id']!r}")
        page.go_back(wait_until="load")
        if page.url.split("#")[0].endswith("/api.html"):
            problems.append(f"Back from {name['href']} returns to the overview")
    context.close()
    return problems


def check_one(
    contexts: dict[str, BrowserContext],
    base: str,
    root: Path,
    name: str,
    shots: Path,
    weights: dict[str, int],
) -> dict[str, list[str]]:
    """Every check of one page, in light and dark mode: problems per (page, mode)."""
    failures = {}
    for mode, context in contexts.items():
        page = context.new_page()
        problems = check_page(page, base + name, root, weights, light=mode == "light")
        if name in SCREENSHOTS:
            page.screenshot(path=shots / f"{SCREENSHOTS[name]}-{mode}.png", full_page=True)
        if name in KEYBOARD:  # in both modes: the rings must show on dark too
            problems += check_keyboard(page)
        if mode == "light":
            problems += check_height(page)
            problems += check_legible(page, 1280)
            for width in PHONE_WIDTHS:
                problems += check_phone(page, width)
                problems += check_legible(page, width)
            # the theme hides and shows controls by width: axe again on a phone
            problems += [f"at {PHONE_WIDTHS[-1]} px: {p}" for p in run_axe(page)]
        elif name in SCREENSHOTS:
            page.set_viewport_size({"width": 390, "height": 800})
        if name in SCREENSHOTS:
            page.evaluate("() => window.scrollTo(0, 0)")
            page.screenshot(path=shots / f"{SCREENSHOTS[name]}-{mode}-390.png")
        if problems:
            failures[f"{name} ({mode})"] = problems
        page.close()
    return failures


WORKERS = 2
"""Threads checking pages at once: on two cores, Chromium renders one page while the other
thread's page waits for the network, a script or axe."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("screenshots", type=Path)
    parser.add_argument("--workers", type=int, default=WORKERS)
    args = parser.parse_args()
    root, shots = args.html, args.screenshots
    shots.mkdir(parents=True, exist_ok=True)
    pages = sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if not SKIP_DIRS & set(p.relative_to(root).parts)
    )
    missing = [name for name in SCREENSHOTS if name not in pages]
    if missing:
        print(f"pages to screenshot are missing: {missing}")
        return 1
    if not AXE.is_file():
        print(f"no {AXE}: run `npm ci` in the repository")
        return 1
    server, base = serve(root)
    failures = check_links(root, pages) | check_old_api_links(root)
    weights: dict[str, int] = {}
    seconds: dict[str, float] = {}
    todo: queue.Queue[str] = queue.Queue()
    for name in ["(old api links)", *pages]:
        todo.put(name)

    def work() -> None:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            # one context per mode, as a reader's browser: the theme's files come from its cache
            contexts = {
                mode: browser.new_context(
                    color_scheme=mode, viewport={"width": 1280, "height": 900}
                )
                for mode in ("light", "dark")
            }
            while True:
                try:
                    name = todo.get_nowait()
                except queue.Empty:
                    break
                if name == "(old api links)":
                    if forwarding := check_old_api_forwarding(browser, base):
                        failures["api.html (old links)"] = forwarding
                else:
                    started = time.monotonic()
                    failures.update(check_one(contexts, base, root, name, shots, weights))
                    seconds[name] = time.monotonic() - started
            browser.close()

    with ThreadPoolExecutor(max(1, args.workers)) as pool:
        for done in [pool.submit(work) for _ in range(max(1, args.workers))]:
            done.result()  # a worker's exception fails the check here
    server.shutdown()
    for where, problems in sorted(failures.items()):
        print(f"FAIL {where}")
        for problem in problems:
            print(f"    {problem}")
    print("heaviest pages (bytes loaded):")
    for url, weight in sorted(weights.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {weight:>10,}  {url.removeprefix(base)}")
    print("slowest pages (seconds, both modes):")
    for name, took in sorted(seconds.items(), key=lambda kv: -kv[1])[:5]:
        print(f"  {took:10.1f}  {name}")
    print(f"{len(pages)} pages in light and dark mode: {len(failures)} with problems")
    print(f"screenshots: {shots.resolve()}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
