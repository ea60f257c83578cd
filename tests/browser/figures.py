"""The built site's figures and animations in headless Chromium, as a reader meets them.

Usage: ``python tests/browser/figures.py HTML_DIR [SCREENSHOT_DIR]``.

On the landing page, the arithmetic page and every gallery page:

- every prime in the math (i′ and o′, the transposed sizes) is full size after its letter,
  not a script-size superscript;
- at 320 and 390 px, no figure is wider than the screen and every panel (the output
  included) lies on it, no sideways scrolling; at 320, 390 and 1280 px every cell's digits are
  at least ``legibility.MIN_DIGIT_PX`` CSS px tall as shown (7, 7 and 9), and at 390 px every
  word of a figure (titles, numbers, axis labels) at least ``legibility.MIN_LABEL_PX``;
- at every width, a signed colour bar's "negative ← 0 → positive" has its "negative" beside
  the bar's negative end, and is not cut off;
- at 1280 px, the unfolded input code of a gallery page is no taller than its figures
  ("figures lead"); folded code starts closed and Enter on its summary opens it;
- on the first page with a player, at 390 and 1280 px, the theme's Back to top button covers
  none of its buttons, at the bottom or the top of the screen, and shows below the header;
- every animation is a player that shows its first step, steps with Next, Previous and the
  arrow keys, shows the step's sentence, plays at 2 s a step only when asked, offers Restart
  at the end, offers no Play to readers who ask for reduced motion, and without JavaScript
  shows its first frame and every sentence.

The built thumbnails (``_images/sphx_glr_*_thumb.png``) are not strips and no two alike.
Screenshots of the pages with animations are saved at 1280 and 390 px, light and dark.
Pages are checked by WORKERS threads, each with its own browser.
"""

from __future__ import annotations

import functools
import hashlib
import queue
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import numpy as np
from PIL import Image
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).parents[2] / "docs" / "_ext"))
from legibility import MIN_DIGIT_PX, MIN_LABEL_PX  # the rules the figures are drawn to

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
STEP_MS = 2000
"""Time a player shows each step when playing (docs/_static/steps.js)."""
CLOCK_START = 1_700_000_000_000
"""The players' fake clock starts here (ms since the epoch; any fixed time would do)."""
MEASURE = """(width) => {
  const vw = document.documentElement.clientWidth;
  const figures = Array.from(document.querySelectorAll(".tcf-figure"));
  const wide = figures.filter(f => f.scrollWidth > f.clientWidth + 1 ||
      f.getBoundingClientRect().right > vw + 1).map(f => f.querySelector(".tcf-caption")?.textContent);
  const off = Array.from(document.querySelectorAll(".tcf-panel")).filter(p => {
    const r = p.getBoundingClientRect(); return r.left < -1 || r.right > vw + 1;
  }).map(p => p.querySelector(".tcf-title")?.textContent || "a panel");
  const digits = Array.from(document.querySelectorAll(".tcf-plot[data-digit-px] img")).map(img => ({
    src: img.getAttribute("src").split("/").pop(),
    px: parseFloat(img.parentElement.dataset.digitPx) * img.getBoundingClientRect().width / img.width,
  })).filter(d => d.px > 0);
  const words = Array.from(document.querySelectorAll(
      ".tcf-figure :is(.tcf-caption, .tcf-title, .tcf-x, .tcf-y, .tcf-note, .tcf-xlabel, .tcf-ylabel, .tcf-barlabel, .tcf-now)"))
    .map(el => ({text: el.textContent.slice(0, 40), px: parseFloat(getComputedStyle(el).fontSize)}));
  const bars = Array.from(document.querySelectorAll(".tcf-withbar")).flatMap(box => {
    const label = box.querySelector(".tcf-barlabel"), text = label?.firstChild;
    const ticks = Array.from(box.querySelectorAll(".tcf-colorbar .tcf-y")).map(t => ({
      value: parseFloat(t.textContent.replace("\u2212", "-")),
      y: (r => (r.top + r.bottom) / 2)(t.getBoundingClientRect())}));
    if (!text || !text.data.includes("negative") || ticks.length < 2) return [];
    const word = document.createRange();
    word.setStart(text, text.data.indexOf("negative"));
    word.setEnd(text, text.data.indexOf("negative") + "negative".length);
    const at = word.getBoundingClientRect(), whole = label.getBoundingClientRect();
    const low = ticks.reduce((a, b) => a.value < b.value ? a : b);
    const high = ticks.reduce((a, b) => a.value > b.value ? a : b);
    const y = (at.top + at.bottom) / 2;
    const figure = label.closest(".tcf-figure, .tcf-steps").getBoundingClientRect();
    return [{title: box.closest(".tcf-panel").querySelector(".tcf-title")?.textContent || "a panel",
      backwards: Math.abs(y - low.y) > Math.abs(y - high.y),
      clipped: whole.left < figure.left - 1 || whole.right > Math.min(figure.right, vw) + 1}];
  });
  return {wide, off, digits, words, bars};
}"""
LEAD = """() => {
  const height = (els) => els.reduce((sum, el) => sum + el.getBoundingClientRect().height, 0);
  const code = Array.from(document.querySelectorAll("div.highlight-Python"))
    .filter(el => el.checkVisibility() && !el.closest("details:not([open])"));
  const figures = Array.from(document.querySelectorAll(".tcf-figure"));
  return {code: height(code), figures: height(figures)};
}"""


PRIMES = """() => {
  const primes = Array.from(document.querySelectorAll("math :is(mi, mo)"))
    .filter(el => el.textContent.trim() === "\u2032");
  return primes.map(el => ({
    raised: el.parentElement.localName === "msup" || el.closest("msup > :last-child") !== null,
    ratio: parseFloat(getComputedStyle(el).fontSize) /
      parseFloat(getComputedStyle(el.closest("math").parentElement).fontSize),
  }));
}"""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
PRIME_RATIO = 1.0
"""A prime (i′, o′: the transposed sizes) is set at least as large as the text around it."""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(root: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def load_all(page: Page) -> None:
    """Every image loaded (lazy ones made eager), back at the top."""
    page.evaluate("""async () => {
      const imgs = Array.from(document.images);
      imgs.forEach(img => { img.loading = "eager"; });
      await Promise.all(imgs.map(img => img.complete ? null : new Promise(done => {
        img.addEventListener("load", done); img.addEventListener("error", done);
        setTimeout(done, 5000);
      })));
      window.scrollTo(0, 0);
    }""")


def check_sizes(page: Page, name: str, width: int) -> list[str]:
    """Widths, digits and words of the page's figures at ``width``."""
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_timeout(50)
    found = page.evaluate(MEASURE, width)
    problems = [f"{name} at {width} px: figure {c!r} wider than the screen" for c in found["wide"]]
    problems += [f"{name} at {width} px: panel {t!r} off screen" for t in found["off"]]
    problems += [
        f"{name} at {width} px: {b['title']!r}'s colour bar label "
        + ("reads backwards ('negative' by the positive end)" if b["backwards"] else "is cut off")
        for b in found["bars"]
        if b["backwards"] or b["clipped"]
    ]
    least = MIN_DIGIT_PX[width]
    problems += [
        f"{name} at {width} px: {d['src']} digits {d['px']:.1f} px, under {least}"
        for d in found["digits"]
        if d["px"] < least - 0.05
    ]
    if width == 390:
        problems += [
            f"{name} at 390 px: {w['text']!r} at {w['px']} px, under {MIN_LABEL_PX}"
            for w in found["words"]
            if w["px"] < MIN_LABEL_PX
        ]
    return problems


def check_lead(page: Page, name: str) -> list[str]:
    """At 1280 px the page's unfolded input code is no taller than its figures.

    Folded code (docs/_ext/fold_code.py) starts closed, and Enter on its summary opens it.
    """
    page.set_viewport_size({"width": 1280, "height": 900})
    heights = page.evaluate(LEAD)
    problems = []
    if heights["code"] > heights["figures"] + 1:
        problems.append(
            f"{name}: {heights['code']:.0f} px of code, {heights['figures']:.0f} px of figures"
        )
    folds = page.locator("details.folded-code")
    if folds.count():
        summary = folds.first.locator("summary")
        if folds.first.get_attribute("open") is not None or not summary.inner_text().endswith(
            " code"
        ):
            problems.append(f"{name}: folded code open at first, or its summary names nothing")
        summary.press("Enter")
        if folds.first.get_attribute("open") is None:
            problems.append(f"{name}: Enter on a folded code's summary does not open it")
        summary.press("Enter")
    return problems


def check_primes(page: Page, name: str) -> list[str]:
    """Every prime in the page's math is full size, after its letter, not a superscript."""
    primes = page.evaluate(PRIMES)
    return [
        f"{name}: a prime set as a superscript or at {p['ratio']:.2f} of the text's size"
        for p in primes
        if p["raised"] or p["ratio"] < PRIME_RATIO - 0.01
    ]


def _state(player) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return (
        player.locator(".tcf-now").inner_text(),
        player.locator(".tcf-panel img").first.get_attribute("src") or "",
    )


def check_players(browser: Browser, url: str, name: str) -> list[str]:
    """Every player on the page: first step first, stepping, keyboard, pace, restart."""
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    # Playwright's clock still follows the wall clock once installed: paused, it moves only
    # when told to, however slowly a loaded machine runs the checks below
    page.clock.install(time=CLOCK_START)
    page.goto(url)
    page.clock.pause_at(CLOCK_START + 60_000)
    players = page.locator(".tcf-steps")
    for k in range(players.count()):
        player = players.nth(k)
        steps = int(player.get_attribute("data-steps") or 0)
        where = f"{name} player {k + 1}"
        play = player.locator("[data-do=play]")
        first = _state(player)
        if not first[0].startswith(f"Step 1 of {steps}:"):
            problems.append(f"{where}: starts at {first[0][:30]!r}")
        page.clock.run_for(3 * STEP_MS)  # nothing moves by itself
        if _state(player) != first:
            problems.append(f"{where}: moved without being asked")
        player.locator("[data-do=next]").click()
        second = _state(player)
        if not second[0].startswith("Step 2 ") or second[1] == first[1]:
            problems.append(f"{where}: Next did not show step 2 ({second[0][:30]!r})")
        player.locator("[data-do=next]").press("ArrowLeft")
        if _state(player) != first:
            problems.append(f"{where}: the Left arrow did not go back to step 1")
        play.click()
        page.clock.run_for(STEP_MS - 100)
        if _state(player) != first:
            problems.append(f"{where}: played faster than one step every {STEP_MS} ms")
        page.clock.run_for(200)
        if not _state(player)[0].startswith("Step 2 "):
            problems.append(f"{where}: Play did not reach step 2 after {STEP_MS} ms")
        play.click()  # pause
        play.press("End")
        if not _state(player)[0].startswith(f"Step {steps} of") or play.inner_text() != "Restart":
            problems.append(f"{where}: End did not reach the last step with Restart offered")
    context.close()
    return problems + check_players_without_motion(browser, url, name)


BACK_TO_TOP = """(at) => {
  // how far to scroll for the first player's buttons to sit at the top (under the header) or
  // the bottom of the screen
  const header = document.querySelector('.bd-header').getBoundingClientRect().bottom;
  const box = document.querySelector('.tcf-steps .tcf-controls button').getBoundingClientRect();
  return at === 'top' ? box.top - header - 8 : box.bottom - innerHeight + 8;
}"""
UNDER = """() => {
  const hit = (e) => { const r = e.getBoundingClientRect();
    const at = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    return Boolean(at && (at === e || e.contains(at))); };
  const top = document.querySelector('#pst-back-to-top');
  const buttons = [...document.querySelector('.tcf-steps .tcf-controls').querySelectorAll('button')];
  const header = document.querySelector('.bd-header').getBoundingClientRect().bottom;
  return {shown: Boolean(top && getComputedStyle(top).display !== 'none'),
          free: Boolean(top && hit(top) && top.getBoundingClientRect().top >= header),
          covered: buttons.filter((b) => !hit(b)).map((b) => b.textContent)};
}"""


def check_back_to_top(browser: Browser, url: str, name: str) -> list[str]:
    """At 390 and 1280 px, with a player's buttons at the top or the bottom of the screen as the
    reader scrolls up to them, the theme's Back to top button covers none of them; with the
    buttons at the bottom (where the theme used to put it) it shows, below the header, and
    takes a tap itself."""
    problems = []
    for width, height in ((390, 844), (1280, 900)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.goto(url)
        for at in ("bottom", "top"):
            page.evaluate("() => scrollTo(0, 0)")
            page.evaluate(NEXT_FRAME)
            by = page.evaluate(BACK_TO_TOP, at)
            page.evaluate("(y) => scrollTo(0, y + 300)", by)  # then up 300 px: the reader's
            page.evaluate(NEXT_FRAME)
            page.mouse.wheel(0, -300)  # scrolling up: the theme shows the button
            page.wait_for_timeout(300)
            seen = page.evaluate(UNDER)
            where = f"{name} at {width} px, a player's buttons at the {at} of the screen"
            if seen["covered"]:
                problems.append(f"{where}: {seen['covered']} under another element")
            if at == "bottom" and not (seen["shown"] and seen["free"]):
                problems.append(f"{where}: Back to top not shown or not free ({seen})")
        context.close()
    return problems


def check_players_without_motion(browser: Browser, url: str, name: str) -> list[str]:
    """No Play for reduced motion; without JavaScript, the first frame and every sentence."""
    problems = []
    still = browser.new_context(reduced_motion="reduce")
    page = still.new_page()
    page.goto(url)
    if page.locator(".tcf-steps [data-do=play]:visible").count():
        problems.append(f"{name}: Play offered to a reader who asked for reduced motion")
    still.close()
    plain = browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(url)
    players = page.locator(".tcf-steps")
    for k in range(players.count()):
        player = players.nth(k)
        if player.locator(".tcf-controls").is_visible():
            problems.append(f"{name} player {k + 1}: buttons shown without JavaScript")
        items = player.locator(".tcf-transcript li")
        if not items.first.is_visible() or items.count() < 2:
            problems.append(f"{name} player {k + 1}: no sentences without JavaScript")
    plain.close()
    return problems


def check_thumbnails(root: Path) -> list[str]:
    """No thumbnail is a thin strip, and no two are alike."""
    problems, seen = [], {}
    for path in sorted((root / "_images").glob("sphx_glr_*_thumb.png")):
        with Image.open(path) as image:
            rgb = np.asarray(image.convert("RGB"), dtype=float) / 255
        rows, cols = np.nonzero((rgb < 0.94).any(axis=-1))
        h, w = (np.ptp(rows) + 1, np.ptp(cols) + 1) if rows.size else (0, 0)
        if (
            h < 0.45 * rgb.shape[0]
            or w < 0.45 * rgb.shape[1]
            or max(w / max(h, 1), h / max(w, 1)) > 4
        ):
            problems.append(f"{path.name}: a strip ({w} x {h} px of ink)")
        small = np.asarray(Image.fromarray((rgb * 255).astype("uint8")).resize((16, 12)))
        key = hashlib.sha256((small // 32).tobytes()).hexdigest()
        if key in seen:
            problems.append(f"{path.name} looks like {seen[key]}")
        seen[key] = path.name
    return problems


KNOWN: set[tuple[str, str]] = set()
"""Problems known and tracked in an open issue, as ``(page, kind)``: ``("gallery/<page>.html",
"code")`` for a page whose code is taller than its figures at 1280 px. Listed so that a new
problem still fails, and strict: a listed problem that is gone fails until it is taken off."""


def _known(problem: str) -> tuple[str, str]:
    """The page and kind of a problem, as KNOWN lists them."""
    kind = "code" if "px of code" in problem else "wide" if "wider than" in problem else "other"
    return problem.split(":", maxsplit=1)[0].split(" at ", maxsplit=1)[0], kind


def check_one(
    browser: Browser, base: str, name: str, shots: Path | None, back_to_top: bool = False
) -> list[str]:
    """Every check of one page; its screenshots if it has players; the Back to top button's
    place if asked (site.css places it once for every page)."""
    page = browser.new_page()
    page.goto(base + name)
    load_all(page)
    problems = check_primes(page, name)
    for width in (320, 390, 1280):
        problems += check_sizes(page, name, width)
    if name.startswith("gallery/"):
        problems += check_lead(page, name)
    animated = page.locator(".tcf-steps").count() > 0
    page.close()
    if animated:
        problems += check_players(browser, base + name, name)
    if animated and back_to_top:
        problems += check_back_to_top(browser, base + name, name)
    if shots is not None and animated:
        shots.mkdir(parents=True, exist_ok=True)
        stem = name.replace("/", "_").removesuffix(".html")
        for scheme in ("light", "dark"):
            context = browser.new_context(
                viewport={"width": 1280, "height": 900}, color_scheme=scheme
            )
            shot = context.new_page()
            shot.goto(base + name)
            load_all(shot)
            shot.screenshot(path=shots / f"{stem}_1280_{scheme}.png", full_page=True)
            shot.set_viewport_size({"width": 390, "height": 900})
            shot.evaluate(NEXT_FRAME)
            shot.screenshot(path=shots / f"{stem}_390_{scheme}.png", full_page=True)
            context.close()
    return problems


WORKERS = 2
"""Pages checked at once, each thread with its own browser (as tests/browser/check_site.py)."""


def main(root: Path, shots: Path | None) -> int:
    pages = [
        "index.html",
        "arithmetic.html",
        *sorted(str(p.relative_to(root)) for p in (root / "gallery").rglob("plot_*.html")),
    ]
    server, base = serve(root)
    players = [name for name in pages if "tcf-steps" in (root / name).read_text(encoding="utf-8")]
    problems = check_thumbnails(root)
    todo: queue.Queue[str] = queue.Queue()
    for name in pages:
        todo.put(name)
    found: dict[str, list[str]] = {}

    def work() -> None:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            while True:
                try:
                    name = todo.get_nowait()
                except queue.Empty:
                    break
                found[name] = check_one(browser, base, name, shots, name in players[:1])
            browser.close()

    with ThreadPoolExecutor(WORKERS) as pool:
        for done in [pool.submit(work) for _ in range(WORKERS)]:
            done.result()  # a worker's exception fails the check here
    server.shutdown()
    for name in pages:  # in page order, whichever thread checked the page
        problems += found[name]
    known = [problem for problem in problems if _known(problem) in KNOWN]
    for problem in known:
        print(f"known (issue 19): {problem}")
    problems = [problem for problem in problems if problem not in known]
    gone = KNOWN - {_known(problem) for problem in known}
    problems += [f"{page}: no '{kind}' problem any more: take it off KNOWN" for page, kind in gone]
    for problem in problems:
        print(problem)
    print(f"figures: {len(pages)} pages, {len(problems)} problems ({len(known)} known)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
