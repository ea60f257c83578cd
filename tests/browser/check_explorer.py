"""Use the built site's explorer in headless Chromium and compare what it shows with the package.

Usage: ``python tests/browser/check_explorer.py HTML_DIR SCREENSHOT_DIR [N]`` (``nox -s browser``).

- the opening state is the walk-through's example, its first output above the fold at 1280x800;
- at the largest state a hover makes a bounded number of DOM changes; the main-thread work of a
  hover (handler, style and layout; plain, and with the CPU slowed 4x) and frame times are
  printed, a measurement and not a check: timings follow the machine's load;
- N (default 60) random states set through the address, a third or more with decimal values:
  every ``data-value`` of ``data-role="output"`` is the package's exact result (computed on
  integers, as the explorer does), one element per input value, kernel tap and output value;
  states the package rejects show a ``role="alert"`` naming the parameter and no output (the
  last views drawn may stay, faded and inert);
- every address the explorer cannot take as written shows a ``role="status"`` note on screen and
  is rewritten to what is shown, opened or typed while the page is open;
- changes through the real controls, by keyboard: settings, values (three decimals), the focused
  sum, the stepper's live line and Play's pace (2 s a stamp, pausable), values kept across
  size changes and the 1-D/2-D switch, Back undoing an edit (quick repeats of one control are
  one step), text that is not a number (marked, explained beside the box, put back by Esc);
- the marks of the gallery's colour key mean the same here: padding, inserted zeros and cropped
  cells in its fills and hatches (cells and legend swatches), output padding dashed; the
  explorer's own marks (the stamp's double outline, the kernel's inner ring) neither;
- after settings change (clicks, keys, Back; 1-D and 2-D) the outlines are the focused sum's
  terms; while stamping, the sum is what is in so far; long numbers keep their font size;
- the finder lists what the package's size arithmetic allows and never says "none";
- at 390 px every box that scrolls sideways shows a shadow on each side with more, is reached by
  keyboard and named, code wraps, Cᵀ's long row keeps its output in sight, x's labels show;
- at 390 px the focused sum is on screen with the cell just tapped, y = Cᵀx reads row by row,
  the +/- targets are 44 px tall and the boxes' text fits; nothing covers the views' text at
  1280 or 390 px (nor the theme's Back to top button at 1280); a value typed wrong in a box at
  the bottom of the screen is explained on screen; legend marks and stamped digits show in the
  dark theme;
- axe-core's default rules find nothing, light and dark, at 1280 and 390 px;
- with JavaScript off, and from a ``file://`` address, the build-time figure and the reason;
- no request leaves 127.0.0.1 and no console error; screenshots at 1280 and 390 px, light and dark.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import random
import re
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from check_site import AXE, CHROMIUM, FLAGS, serve  # the same browser and server as every page
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Request, Response, Route, sync_playwright

import transposed_conv as tc
from transposed_conv.plotting import CELL_STYLES  # the gallery's colour key

LIMITS_FILE = Path(__file__).parents[2] / "docs" / "_static" / "explorer" / "limits.mjs"
LIMITS: dict[str, Any] = json.loads(
    LIMITS_FILE.read_text(encoding="utf-8")
    .strip()
    .removeprefix("export default ")
    .removesuffix(";")
)
WALK = {"dim": 2, "i": [2, 2], "k": [3, 3], "s": [1, 1], "p": [0, 0], "a": [0, 0], "d": [1, 1]}
WALK |= {"x": [1, 3, 2, 3], "w": [2, 3, 2, 1, 4, 2, 3, 4, 1]}
WALK_OUTPUT = [[2, 9, 11, 6], [5, 19, 27, 12], [5, 24, 29, 9], [6, 17, 14, 3]]
LARGEST = "#dim=2&i=8,8&k=5,5&s=4,4&p=0,0&a=3,3&d=3,3"
READ = """() => {
  // what the views show for the state set; the last views drawn stay, faded, while it is refused
  const read = (role, views = '.tce-views:not(.tce-stale)') => Array.from(
    document.querySelectorAll(`${views} [data-role="${role}"]`), (e) => [e.dataset.index, e.dataset.value]);
  const alert = document.querySelector('#tconv-explorer [role="alert"]');
  const notes = document.querySelector('#tconv-explorer .tce-notes');
  const stale = document.querySelector('.tce-views.tce-stale');
  return {output: read("output"), input: read("input"), kernel: read("kernel"),
          staleOutput: read("output", '.tce-views.tce-stale').length, staleInert: Boolean(stale?.inert),
          alert: alert && !alert.hidden ? alert.textContent : "",
          notes: notes && !notes.hidden ? notes.textContent : "",
          sum: (document.querySelector("#tce-sum")?.textContent ?? "").replaceAll("\\u00a0", " "),
          step: document.querySelector(".tce-step-text")?.textContent ?? "",
          hash: location.hash};
}"""


def hash_of(st: dict[str, Any]) -> str:
    keys = ["i", "k", "s", "p", "a", "d", "x", "w"]
    return "&".join([f"dim={st['dim']}"] + [f"{k}={','.join(map(str, st[k]))}" for k in keys])


def from_hash(text: str) -> dict[str, Any]:
    """The state an address written by the explorer holds (every key present)."""
    pairs = dict(part.split("=", 1) for part in text.lstrip("#").split("&"))
    st: dict[str, Any] = {"dim": int(pairs.pop("dim"))}
    for key, value in pairs.items():
        st[key] = (
            [Decimal(v) for v in value.split(",")]
            if key in "xw"
            else [int(v) for v in value.split(",")]
        )
    return st


def places(values: list[Any]) -> int:
    return max(max(0, -Decimal(str(v)).normalize().as_tuple().exponent) for v in values)  # type: ignore[operator]


def exact_text(units: int, n: int) -> str:
    """An integer count of 10**-n as the explorer writes it exactly ("-0.25", "3")."""
    text = format(Decimal(units).scaleb(-n).normalize(), "f")
    return "0" if text in ("-0", "0") else text


def package_says(st: dict[str, Any]) -> tuple[dict[str, str] | None, str]:
    """The package's outputs for a state, exactly (in the explorer's units), or the parameter it rejects."""
    px, pw = places(st["x"]), places(st["w"])
    x = np.array([int(Decimal(str(v)).scaleb(px)) for v in st["x"]], dtype=np.int64).reshape(
        st["i"]
    )
    w = np.array([int(Decimal(str(v)).scaleb(pw)) for v in st["w"]], dtype=np.int64).reshape(
        st["k"]
    )
    fn = tc.conv_transpose1d if st["dim"] == 1 else tc.conv_transpose2d
    try:
        y = fn(
            x,
            w,
            stride=tuple(st["s"]),
            padding=tuple(st["p"]),
            output_padding=tuple(st["a"]),
            dilation=tuple(st["d"]),
        )
    except ValueError as err:
        text = str(err)
        return None, "padding" if text.startswith("empty output") else text.split(maxsplit=1)[0]
    return {
        ",".join(map(str, pos)): exact_text(int(v), px + pw) for pos, v in np.ndenumerate(y)
    }, ""


def random_case(rng: random.Random, decimal: bool) -> dict[str, Any]:
    """A state within the explorer's ranges, about a fifth of them rejected by the package."""
    dim = rng.choice((1, 2))
    st: dict[str, Any] = {"dim": dim}
    st["i"] = [rng.randint(*LIMITS["i"][str(dim)]) for _ in range(dim)]
    for key in ("k", "s", "p"):
        st[key] = [rng.randint(*LIMITS[key]) for _ in range(dim)]
    st["d"] = [rng.choice((1, 1, rng.randint(*LIMITS["d"]))) for _ in range(dim)]
    st["a"] = [rng.randint(*LIMITS["a"]) if rng.random() < 0.15 else 0 for _ in range(dim)]
    n_places = [rng.choice((1, 2)), rng.choice((0, 2))] if decimal else [0, 0]
    rng.shuffle(n_places)
    for key, shape, lim, n in (("x", st["i"], 20, n_places[0]), ("w", st["k"], 9, n_places[1])):
        scale = 10**n
        raw = [rng.randint(-lim * scale, lim * scale) for _ in range(int(np.prod(shape)))]
        st[key] = [format(Decimal(v).scaleb(-n).normalize(), "f") for v in raw]  # "20", "-5.09"
    return st


def as_map(pairs: list[list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for index, value in pairs:
        if index in out:
            msg = f"two elements with data-index {index}"
            raise AssertionError(msg)
        out[index] = value
    return out


def expect_state(got: dict[str, Any], st: dict[str, Any], where: str) -> list[str]:
    """Problems with what the page shows for a state, compared with the package."""
    want, rejected = package_says(st)
    if want is None:
        problems = [f"{where}: rejected by the package ({rejected}) but shows outputs"] * bool(
            got["output"]
        )
        if got["staleOutput"] and not got["staleInert"]:
            problems.append(f"{where}: the last views drawn stay within reach, not faded and inert")
        if rejected not in got["alert"]:
            problems.append(f"{where}: alert {got['alert']!r} does not name {rejected}")
        return problems
    problems = [f"{where}: valid state shows the alert {got['alert']!r}"] * bool(got["alert"])
    if got["staleOutput"]:
        problems.append(f"{where}: valid state, but the views are faded as for refused settings")
    try:
        if as_map(got["output"]) != want:
            problems.append(f"{where}: outputs {got['output']} != package {want}")
        for role, key, shape in (("input", "x", "i"), ("kernel", "w", "k")):
            values = np.reshape(np.array(st[key], dtype=object), st[shape])
            expected = {",".join(map(str, p)): Decimal(str(v)) for p, v in np.ndenumerate(values)}
            shown = {k: Decimal(v) for k, v in as_map(got[role]).items()}
            if shown != expected:
                problems.append(f"{where}: {role} cells {got[role]} != {key}")
    except AssertionError as err:
        problems.append(f"{where}: {err}")
    return problems


def goto_hash(page: Page, fragment: str) -> dict[str, Any]:
    """Set the address's fragment as a reader would and read the page once it has drawn."""
    before = page.evaluate(
        "() => Number(document.getElementById('tconv-explorer').dataset.renders)"
    )
    page.evaluate("(h) => { location.hash = h; }", fragment)
    page.wait_for_function(
        "(n) => Number(document.getElementById('tconv-explorer').dataset.renders) > n", arg=before
    )
    return dict(page.evaluate(READ))


def open_fresh(page: Page, fragment: str) -> None:
    """Load the explorer anew at an address (not a same-page jump: nothing remembered)."""
    url = page.url.split("#")[0]
    page.goto("about:blank")
    page.goto(url + fragment)
    page.wait_for_selector("#tconv-explorer[data-ready]")


def watch(page: Page, problems: list[str]) -> None:
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: problems.append(f"uncaught exception: {e}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"))

    def only_local(route: Route, request: Request) -> None:
        if urlsplit(request.url).hostname == "127.0.0.1" or request.url.startswith("data:"):
            route.continue_()
        else:
            problems.append(f"request to another host: {request.url}")
            route.abort()

    page.route("**/*", only_local)


HOVERS = """async ([view, n, frames]) => {
  document.querySelector(view).scrollIntoView();
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const cells = [...document.querySelectorAll(`${view} td[data-pos]`)];
  const work = [], frame = [], changes = [];
  const observer = new MutationObserver((records) => { changes[changes.length - 1] += records.length; });
  observer.observe(document.getElementById('tconv-explorer'), {subtree: true, childList: true, attributes: true, characterData: true});
  for (let j = 0; j < n + frames; j++) {
    const td = cells[(j * 37 + 11) % cells.length];
    changes.push(0);
    const t0 = performance.now();
    td.dispatchEvent(new PointerEvent('pointerover', {bubbles: true}));
    void document.documentElement.offsetHeight;  // style and layout, forced now
    if (j < n) work.push(performance.now() - t0);
    else {  // the last few: until the frame after the hover has been drawn
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      frame.push(performance.now() - t0);
    }
    await new Promise((done) => setTimeout(done, 0));
  }
  observer.disconnect();
  const q = (a, f) => [...a].sort((u, v) => u - v)[Math.min(a.length - 1, Math.floor(a.length * f))];
  return {median: q(work, 0.5), p95: q(work, 0.95), max: q(work, 1), frameMedian: q(frame, 0.5),
          frameMax: q(frame, 1), changesMax: Math.max(...changes), cells: cells.length,
          nodes: document.querySelectorAll('#tconv-explorer *').length};
}"""


def speed(page: Page) -> tuple[list[str], dict[str, Any]]:
    """A hover's DOM changes and main-thread work at the largest state, plain and with the CPU
    slowed 4x, on view 1's outputs at the top of the page and on view 2's, scrolled into sight."""
    open_fresh(page, LARGEST)
    measured: dict[str, Any] = {}
    for view in ("#tce-view-1", "#tce-view-2"):
        measured[view] = {"plain": page.evaluate(HOVERS, [view, 60, 4])}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    for view in ("#tce-view-1", "#tce-view-2"):
        measured[view]["cpu4x"] = page.evaluate(HOVERS, [view, 20, 2])
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    cdp.detach()
    problems = []
    for view, got in measured.items():
        plain, slow = got["plain"], got["cpu4x"]
        print(
            f"  a hover on {view}: median {plain['median']} ms, p95 {plain['p95']} ms;"
            f" CPU slowed 4x, median {slow['median']} ms"
        )
        if plain["changesMax"] > 300:
            problems.append(f"speed {view}: one hover made {plain['changesMax']} DOM changes")
    return problems, measured


def random_states(page: Page, count: int) -> tuple[list[str], int, int]:
    problems: list[str] = []
    rng = random.Random(2026)
    rejected = decimal = 0
    for n in range(count):
        st = random_case(rng, decimal=n % 3 == 0)
        got = goto_hash(page, hash_of(st))
        rejected += package_says(st)[0] is None
        decimal += places(st["x"] + st["w"]) > 0
        problems += expect_state(got, st, f"state {n} #{hash_of(st)}")
    return problems, rejected, decimal


# Addresses the explorer used to replace without a word: (fragment, words the note must hold)
NOTED = [
    ("dim=1&i=3&k=2&x=1,2,3,&w=1,2", "after the last comma"),
    ("dim=1&i=3&k=2&s=1.5&x=1,2,3&w=1,2", "“1.5” is not a whole number"),
    ("dim=1&i=2&k=1&x=1e3,2&w=1", "“1e3”"),
    ("dim=1&i=2&k=1&x=%2B1,2&w=1", "“+1”"),
    ("dim=1&i=4&k=1&x=5,6&w=1", "the missing 2 are filled in"),
    ("dim=1&i=2&k=1&x=0.0625,2&w=1", "“0.0625”"),
    ("dim=3", "dim=3: the explorer shows 1-D or 2-D"),
    ("dim=2&s=2&s=3", "s is given more than once"),
]


ON_SCREEN = """(sel) => {
  // the element's first line is on screen and nothing covers it
  const e = document.querySelector(sel);
  if (!e || e.hidden) return false;
  const r = e.getBoundingClientRect();
  const x = (r.left + r.right) / 2, y = r.top + Math.min(r.height / 2, 12);
  if (r.width === 0 || y < 0 || y > innerHeight) return false;
  const hit = document.elementFromPoint(x, y);
  return Boolean(hit && e.contains(hit));
}"""


def addresses(page: Page) -> list[str]:
    """Each address not taken as written: a note on screen, and the address rewritten to what is
    shown, whether the page opens at it or the address changes while it is open (scrolled down)."""
    problems = []
    got = goto_hash(page, "dim=1&i=3&k=2&x=0.5,1.5,-2.25&w=1,2")
    st = from_hash(got["hash"])
    if got["notes"] or [str(v) for v in st["x"]] != ["0.5", "1.5", "-2.25"]:
        problems.append(f"decimals in the address: x shown {st['x']}, notes {got['notes']!r}")
    problems += expect_state(got, st, "decimals in the address")
    for n, (fragment, words) in enumerate(NOTED):
        for how in ("opened", "changed"):
            if how == "opened":
                open_fresh(page, "#" + fragment)
                got = dict(page.evaluate(READ))
            else:  # typed into the address bar while reading view 2: a hash change, no reload
                goto_hash(page, hash_of(WALK | {"i": [1 + n % 3, 2]}))
                page.evaluate("() => document.querySelector('#tce-view-2').scrollIntoView()")
                got = goto_hash(page, fragment)
            where = f"#{fragment} ({how})"
            if words not in got["notes"] or not page.evaluate(ON_SCREEN, ".tce-notes"):
                problems.append(f"{where}: no note on screen with {words!r} ({got['notes']!r})")
            if got["hash"].lstrip("#") == fragment:
                problems.append(f"{where}: the address is not rewritten")
            else:
                problems += expect_state(got, from_hash(got["hash"]), f"{where} rewritten")
    return problems


def keyboard(page: Page) -> list[str]:
    """Changes made with the keyboard through the real controls, and what they keep."""
    problems = []
    open_fresh(page, "#" + hash_of(WALK))
    page.focus('input[data-control="s"][data-axis="0"]')
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowUp")
    st = WALK | {"s": [2, 2]}
    got = page.evaluate(READ)
    problems += expect_state(got, st, "keyboard: stride 2")
    if "s=2,2" not in got["hash"]:
        problems.append(f"keyboard: the address {got['hash']} does not keep stride 2")
    # a decimal typed into x (the bilinear kernel's quarters), then Back undoes it
    page.focus('td[data-role="input"][data-index="0,0"] input')
    page.keyboard.press("Control+A")
    page.keyboard.type("-0.25")
    page.keyboard.press("Tab")
    st = st | {"x": [Decimal("-0.25"), 3, 2, 3]}
    problems += expect_state(page.evaluate(READ), st, "keyboard: x[0, 0] = -0.25")
    page.go_back()
    page.wait_for_function("() => location.hash.includes('x=1,3,2,3')")
    problems += expect_state(page.evaluate(READ), WALK | {"s": [2, 2]}, "Back after typing -0.25")
    page.go_forward()
    page.wait_for_function("() => location.hash.includes('x=-0.25')")
    # output padding 2 with stride 2: refused, with the alert; then 1
    page.focus('input[data-control="a"][data-axis="1"]')
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    problems += expect_state(page.evaluate(READ), st | {"a": [0, 2]}, "keyboard: output_padding 2")
    page.keyboard.press("ArrowDown")
    st = st | {"a": [0, 1]}
    problems += expect_state(page.evaluate(READ), st, "keyboard: output_padding 1")
    # the focused output moves with the arrow keys; the sum names it
    page.focus("#tce-view-1 td[tabindex='0']")
    for key in ("Home", "ArrowUp", "ArrowUp", "ArrowUp", "ArrowRight"):
        page.keyboard.press(key)
    got = page.evaluate(READ)
    want, _ = package_says(st)
    named = page.evaluate("() => document.activeElement.getAttribute('aria-label') ?? ''")
    if (
        not got["sum"].startswith("y[0, 1] = ")
        or want is None
        or not got["sum"].endswith(f"= {want['0,1']}".replace("-", "−"))
    ):
        problems.append(
            f"keyboard: focused sum is {got['sum']!r}, wanted y[0, 1] = {want and want['0,1']}"
        )
    if named.replace("\u00a0", " ") != got["sum"]:
        problems.append(f"keyboard: the focused cell is named {named!r}, not by its sum")
    # the stepper: Next by keyboard, its line a live region; Play adds a stamp every 2 s
    page.focus("text=Next ▶")
    page.keyboard.press("Enter")
    got = page.evaluate(READ)
    live = page.get_attribute(".tce-step-text", "role")
    if not got["step"].startswith("Stamp 1 of 4") or live != "status":
        problems.append(f"stepping: {got['step']!r}, role {live}")
    problems += expect_state(got, st, "keyboard: values while stepping")
    page.click("text=All stamps")
    # Play's pace on Playwright's clock, paused: it moves only when told to, however slowly
    # a loaded machine runs this check (installed, it would otherwise follow the wall clock)
    page.clock.install()
    page.clock.pause_at(round(time.time() * 1000) + 60_000)
    page.click(".tce-play")
    first = page.evaluate(READ)["step"]
    page.clock.run_for(1900)
    early = page.evaluate(READ)["step"]
    page.clock.run_for(200)
    second = page.evaluate(READ)["step"]
    page.click(".tce-play")  # pause
    page.clock.run_for(2300)
    paused = page.evaluate(READ)["step"]
    page.clock.resume()
    steps = [first, early, second, paused]
    if [step[:12] for step in steps] != ["Stamp 1 of 4", "Stamp 1 of 4", *["Stamp 2 of 4"] * 2]:
        problems.append(
            "Play, at 0, 1.9, 2.1 s and paused 2.3 s more: " + ", ".join(s[:12] for s in steps)
        )
    return problems


IN_STRIP = """() => {
  // the focused output, the stamp's cells and its input: inside their boxes' shown part; the page
  const shown = (e) => {
    const box = e.closest('.tce-scroll'), r = e.getBoundingClientRect();
    const [lo, hi] = box ? [box.getBoundingClientRect().left, box.getBoundingClientRect().left + box.clientWidth] : [0, innerWidth];
    return r.left >= lo - 0.5 && r.right <= hi + 0.5;
  };
  const out = (sel) => [...document.querySelectorAll(sel)].filter((e) => !shown(e)).map((e) => e.dataset.index ?? e.textContent);
  return {focus: out('#tce-view-1 td.tce-out.tce-hl'), stamp: out('#tce-view-1 td.tce-stamp'),
          x: out('.tce-editors td.tce-current, .tce-editors td.tce-hl[data-role=input]'), scrollY,
          step: document.querySelector('.tce-step-text').textContent.slice(0, 14)};
}"""


def in_sight(page: Page) -> list[str]:
    """Strips wider than the screen scroll sideways to the focused output (on opening, on a click)
    and to the stamp (Next, Prev, Play), never moving the page up or down; Ctrl+Home goes to
    y[0, 0]; a state opens on an output some input reaches."""
    problems = []
    open_fresh(page, "#dim=1&i=16&k=5&s=4&p=0&a=3&d=3")  # y has 76 values
    page.evaluate("() => document.querySelector('#tce-view-1').scrollIntoView()")
    got = page.evaluate(IN_STRIP)
    if got["focus"] or got["x"]:
        problems.append(f"y[38] opened out of sight in its strip: {got}")
    for press in range(18):
        button = "text=Next ▶" if press < 16 else "text=◀ Prev"
        page.click(button)
        now = page.evaluate(IN_STRIP)
        if now["stamp"] or now["x"] or now["scrollY"] != got["scrollY"]:
            problems.append(f"{now['step']!r} after {button}: out of sight in its strip {now}")
            break
    page.click("text=All stamps")
    page.click("#tce-view-1 .tce-scroll td[data-pos='0']")
    page.click(".tce-play")
    page.wait_for_function(
        "() => document.querySelector('.tce-step-text').textContent.startsWith('Stamp 2')"
    )
    page.click(".tce-play")
    now = page.evaluate(IN_STRIP)
    if now["stamp"] or now["x"]:
        problems.append(f"Play: stamp out of sight in its strip {now}")
    open_fresh(page, "#" + hash_of(WALK | {"s": [2, 2]}))
    page.focus("#tce-view-1 td[tabindex='0']")
    page.keyboard.press("Control+End")
    end = page.evaluate(READ)["sum"]
    page.keyboard.press("Control+Home")
    home = page.evaluate(READ)["sum"]
    if not end.startswith("y[4, 4] = ") or not home.startswith("y[0, 0] = "):
        problems.append(f"Ctrl+End, Ctrl+Home give {end[:10]!r}, {home[:10]!r}")
    # y has 6 values; y[3] in the middle is one no input reaches: y[4] is
    open_fresh(page, "#dim=1&i=2&k=1&s=4&p=0&a=1&d=1&x=1,2&w=1")
    if not (got := page.evaluate(READ)["sum"]).startswith("y[4] = "):
        problems.append(f"opens on {got!r}, not on y[4], the nearest output reached")
    return problems


SPOKEN = """() => ({status: document.querySelector('#tce-size-status')?.textContent ?? '',
  crop: [...document.querySelectorAll('#tce-view-1 td.tce-crop')].map((e) => e.textContent),
  added: [...document.querySelectorAll('#tce-view-1 td.tce-added')].map((e) => e.textContent)})"""


def spoken(page: Page) -> list[str]:
    """Heard without seeing: y's size after a setting changes (once, not on a hover); the
    cropped cells and those output padding adds say so."""
    problems = []
    open_fresh(page, "#" + hash_of(WALK))
    page.click('button[aria-label="Stride s, rows: one more"]')
    first = page.evaluate(SPOKEN)["status"]
    page.hover('#tce-view-1 td[data-pos="1,2"]')
    page.click('button[aria-label="Padding p, columns: one more"]')
    got = page.evaluate(SPOKEN)
    if first != "y is now 5 × 4" or got["status"] != "y is now 5 × 2":
        problems.append(f"stride, then padding: the status says {first!r}, {got['status']!r}")
    if len(got["crop"]) != 10 or not all(t.endswith(" (cropped)") for t in got["crop"]):
        problems.append(f"cropped cells are heard as {got['crop']}")
    goto_hash(page, "dim=1&i=3&k=2&s=2&p=0&a=1&d=1&x=1,2,3&w=1,1")
    got = page.evaluate(SPOKEN)
    if got["added"] != ["0 (output padding)"]:
        problems.append(f"output padding's cell is heard as {got['added']}")
    # refused settings: faded views under view 1's heading, not over it; nothing drawn yet: said
    page.fill('input[data-control="a"]', "2")
    covered = page.evaluate(  # (the faded views are inert: not hit-tested, so by their boxes)
        """() => { const h = document.querySelector('#tce-h-scatter').getBoundingClientRect();
          const w = document.querySelector('.tce-waiting p').getBoundingClientRect();
          return w.height > 0 && w.top < h.bottom && w.bottom > h.top; }"""
    )
    if covered:
        problems.append("refused settings: the banner covers view 1's heading")
    open_fresh(page, "#dim=1&i=-3&k=2&s=2&p=0&a=0&d=1")
    said = page.inner_text(".tce-waiting")
    if "nothing is drawn" not in said or "faded" in said:
        problems.append(f"nothing drawn, yet the banner says {said!r}")
    return problems


def values_kept(page: Page) -> list[str]:
    """The reader's values survive size changes and the 1-D/2-D switch."""
    problems = []
    open_fresh(page, "#dim=1&i=3&k=2&s=2&x=7,8,9&w=1,2")
    box = 'input[data-control="i"][data-axis="0"]'
    page.fill(box, "")
    page.type(box, "12")  # passes through 1 on the way
    got = from_hash(page.evaluate(READ)["hash"])
    if got["i"] != [12] or [int(v) for v in got["x"][:3]] != [7, 8, 9]:
        problems.append(f"typing 12 into the 1-D size keeps x {got['x'][:3]} (wanted 7, 8, 9)")
    open_fresh(page, "#dim=2&i=3,2&k=1,1&x=1,2,3,4,5,6&w=1")
    page.click("#tce-dim-1")
    page.click("#tce-dim-2")
    got = from_hash(page.evaluate(READ)["hash"])
    if got["i"] != [3, 2] or [int(v) for v in got["x"]] != [1, 2, 3, 4, 5, 6]:
        problems.append(f"2-D -> 1-D -> 2-D gives i {got['i']}, x {got['x']}")
    box = 'input[data-control="i"][data-axis="0"]'
    top = "() => document.querySelector('#tce-view-1 h3').getBoundingClientRect().top"
    page.fill(box, "")  # an empty box: its message brought on screen
    before = page.evaluate(top)
    page.type(box, "9")  # out of range for 2-D: refused, nothing lost, nothing moves
    got = page.evaluate(READ)
    if page.evaluate(top) != before or not got["staleOutput"] or not got["staleInert"]:
        problems.append(
            f"typing 9 into rows: view 1 moved from {before} to {page.evaluate(top)} px, "
            f"or its last drawing is not kept faded and inert ({got['staleOutput']} outputs)"
        )
    page.fill(box, "")
    page.type(box, "3")
    got = from_hash(page.evaluate(READ)["hash"])
    if [int(v) for v in got["x"]] != [1, 2, 3, 4, 5, 6]:
        problems.append(f"typing 9 then 3 into rows rewrites x to {got['x']}")
    problems += expect_state(page.evaluate(READ), got, "typing 9 then 3 into rows")
    return problems


NEAR = """([sel, msg]) => {
  // how far below the box the message starts; the box marked by more than colour
  const box = document.querySelector(sel).getBoundingClientRect();
  const m = document.querySelector(msg)?.getBoundingClientRect();
  const style = getComputedStyle(document.querySelector(sel));
  return {gap: m ? m.top - box.bottom : -1, outline: style.outlineStyle};
}"""


def legible(page: Page, where: str) -> list[str]:
    """Long numbers ("−12.125") keep the cells' full font size: the cells widen instead."""
    small = page.eval_on_selector_all(
        ".tce-views td[data-pos], .tce-views td.tce-in, .tce-views td.tce-m",
        """cells => cells.filter((td) => {
          const box = td.querySelector('.tce-n') ?? td;
          const range = document.createRange();
          range.selectNodeContents(box.firstChild ?? box);
          const size = parseFloat(getComputedStyle(box).fontSize);
          return size < 0.42 * td.clientHeight - 0.2 || range.getBoundingClientRect().width > td.clientWidth;
        }).map((td) => td.firstChild?.textContent)""",
    )
    return [f"{where}: numbers shrunk or clipped in their cells: {small[:6]}"] if small else []


def invalid_edits(page: Page) -> list[str]:
    """Text that is not a value is marked at the box, explained on screen beside it, and put back
    on Esc or on leaving the box; three decimals are a value."""
    problems = []
    open_fresh(page, "#" + hash_of(WALK))
    # the values' message under the figure they are typed in, the settings' under their table
    for selector, texts, msg, in_use, most in (
        (
            'td[data-role="input"][data-index="0,1"] input',
            ("0.0625", "1e3", ""),
            "#tce-valuemsg",
            "3",
            160,
        ),
        ('input[data-control="s"][data-axis="0"]', ("1.5", ""), "#tce-editmsg", "1", 300),
    ):
        for text in texts:
            for leave in ("Escape", "Tab"):
                page.focus(selector)
                page.fill(selector, text)  # as pasted: one input event
                problems += expect_state(page.evaluate(READ), WALK, f"{selector} = {text!r}")
                mark = page.get_attribute(selector, "aria-invalid")
                message = page.inner_text(msg) if page.evaluate(ON_SCREEN, msg) else ""
                near = page.evaluate(NEAR, [selector, msg])
                if mark != "true" or not message or not 0 <= near["gap"] <= most:
                    problems.append(
                        f"{selector} = {text!r}: aria-invalid {mark}, message on screen "
                        f"{message!r}, {near['gap']} px below the box"
                    )
                if near["outline"] != "dashed":
                    problems.append(f"{selector} = {text!r}: focused, its outline is {near}")
                page.keyboard.press(leave)
                if page.get_attribute(selector, "aria-invalid") == "true" or page.is_visible(msg):
                    problems.append(f"{selector} = {text!r}: still marked after {leave}")
                if page.input_value(selector) != in_use:
                    problems.append(
                        f"{selector} = {text!r}: {leave} leaves {page.input_value(selector)!r}"
                    )
    # eighths: three decimals are taken as typed, and the sums stay exact
    page.fill('td[data-role="kernel"][data-index="0,0"] input', "0.125")
    page.fill('td[data-role="input"][data-index="0,0"] input', "-0.375")
    st = WALK | {"x": [Decimal("-0.375"), 3, 2, 3], "w": [Decimal("0.125"), *WALK["w"][1:]]}
    got = page.evaluate(READ)
    problems += expect_state(got, st, "x[0, 0] = -0.375, w[0, 0] = 0.125")
    if "w=0.125," not in got["hash"] or "x=-0.375," not in got["hash"]:
        problems.append(f"three decimals: the address is {got['hash']}")
    problems += legible(page, "x[0, 0] = -0.375, w[0, 0] = 0.125")
    goto_hash(page, "dim=1&i=2&k=2&s=1&x=2.5,-3.25&w=4.5,1")
    problems += legible(page, "y = 11.25, −12.125, −3.25")
    bad = WALK | {"s": [1, 9], "a": [2, 0]}
    goto_hash(page, hash_of(bad))
    for control, axis in (("s", 1), ("a", 0)):
        if (
            page.get_attribute(
                f'input[data-control="{control}"][data-axis="{axis}"]', "aria-invalid"
            )
            != "true"
        ):
            problems.append(f"two invalid settings: {control}[{axis}] is not marked")
    if len(page.locator(".tce-alert li").all_inner_texts()) != 2:
        problems.append("two invalid settings: the alert does not list both")
    got = goto_hash(page, "dim=2&i=0&k=0&s=0&p=0&a=0&d=0")
    if "output padding" in got["alert"].lower().split("every setting")[0]:
        problems.append(f"i = k = s = d = 0 blames output padding first: {got['alert']!r}")
    return problems


def views(page: Page) -> list[str]:
    """Marks that do not rely on hue, the sentences, hover and the views' agreement."""
    problems = []
    crop = WALK | {"dim": 1, "i": [4], "k": [2], "s": [2], "p": [3], "a": [0], "d": [1]}
    crop |= {"x": [1, 2, 3, 4], "w": [1, 1]}
    goto_hash(page, hash_of(crop))
    caps = page.locator(".tce-cap").all_text_contents()
    if not any("cropped by 2 at the start" in t for t in caps):
        problems.append(f"crop: padding 3 > d(k - 1) = 1 is not called a crop of 2 ({caps})")
    faded = page.eval_on_selector_all(
        ".tce-padded td.tce-crop", "cells => cells.map((c) => c.textContent)"
    )
    if faded != ["1", "0", "0", "4"]:
        problems.append(f"crop: the cropped cells of view 2 are {faded}, not 1, 0 | 0, 4")
    added = crop | {
        "i": [3],
        "k": [3],
        "s": [2],
        "p": [1],
        "a": [1],
        "x": [1, 2, 3],
        "w": [1, 1, 1],
    }
    goto_hash(page, hash_of(added))
    marked = page.eval_on_selector_all(
        "td.tce-added[data-role=output]", "c => c.map((e) => e.dataset.index)"
    )
    sizes = page.inner_text(".tce-sizes")
    if (
        marked != ["5"]
        or "y[5] holds values of the full result" not in sizes
        or "dashed outline" not in sizes
    ):
        problems.append(f"output padding: added cells {marked}, size text {sizes!r}")
    rare = "dim=1&i=1&k=2&s=1&p=2&a=1&d=3&x=5&w=2,7"
    goto_hash(page, rare)
    text = page.inner_text("#tce-view-3") + page.inner_text(".tce-sizes")
    if "No length maps back to i′ = 1" not in text or "which gives 2" not in text:
        problems.append(f"#{rare}: the size and matrix sentences are wrong ({text[:300]!r})")
    lead = page.inner_text("#tce-view-1 .tce-lead")
    if not lead.startswith("Input x[m] adds x[m] × w onto y, its tap w[0] on y[s·m − p];"):
        problems.append(f"1-D: view 1 speaks in 2-D indices: {lead!r}")
    goto_hash(page, hash_of(WALK))
    page.click("text=Next ▶")
    # the focused sum says what is in so far, and that is what its cell shows
    got = page.evaluate(READ)
    shown = page.evaluate(
        "() => document.querySelector('#tce-view-1 td[data-pos=\"2,2\"]').firstChild.data"
    )
    if (
        got["sum"]
        != "y[2, 2] after 1 of 4 stamps = x[0, 0]·w[2, 2] = 1·1 = 1; 3 more terms to come"
        or shown != "1"
    ):
        problems.append(f"stamp 1 of 4: y[2, 2] shows {shown!r}, its sum reads {got['sum']!r}")
    page.click("text=Next ▶")
    clash = page.evaluate(
        """() => [...document.querySelectorAll('#tce-view-1 td.tce-stamp')].filter((td) => {
          const text = (node) => {  // the box of the glyphs, not of the element
            const range = document.createRange();
            range.selectNodeContents(node);
            return range.getBoundingClientRect();
          };
          const a = text(td.firstChild), b = text(td.querySelector('.tce-small'));
          const c = td.getBoundingClientRect();
          const apart = a.bottom <= b.top + 0.5 || a.right <= b.left + 0.5;
          return !apart || b.bottom > c.bottom + 0.5 || b.right > c.right + 0.5;
        }).map((td) => td.dataset.index ?? 'cropped')"""
    )
    if clash:
        problems.append(
            f"stamp 2 of 4: the small '+n' overlaps the sum or leaves the cell in {clash}"
        )
    problems += gallery_marks(page)
    goto_hash(page, hash_of(WALK))
    page.click("text=All stamps")
    page.hover('#tce-view-1 td[data-pos="2,3"]')
    if not page.evaluate(READ)["sum"].startswith("y[2, 3] = "):
        problems.append("hover: the hovered output is not traced")
    page.click('#tce-view-1 td[data-pos="0,0"]')
    page.hover('#tce-view-2 td[data-pos="3,3"]')
    page.mouse.move(1, 1)
    page.wait_for_timeout(50)
    if not (got := page.evaluate(READ)["sum"]).startswith("y[0, 0] = "):
        problems.append(f"hover: leaving the figure shows {got!r}, not the clicked y[0, 0]")
    lit = page.evaluate(
        """() => ['#tce-view-1', '#tce-view-2', '#tce-view-3'].map((v) =>
            document.querySelectorAll(`${v} td.tce-hl`).length)"""
    )
    if lit != [
        3,
        3,
        3,
    ]:  # y[0, 0] = x[0, 0]·w[0, 0]: the output, one input and one tap in each view
        problems.append(f"the views outline {lit} cells for y[0, 0], not 3 each")
    return problems


HATCH_CSS = {"..": ["radial"], "//": ["135deg"], "xx": ["45deg", "135deg"]}
"""How the explorer draws each hatch of the gallery's colour key (``CELL_STYLES``): dots, lines
rising to the right, both diagonals."""
HATCH_LAYER = re.compile(r"(radial|repeating-linear)-gradient\((?:(\d+deg), )?(rgb\([^)]*\))")
MARKS = """() => {
  const pick = (sel) => { const e = document.querySelector(sel), c = e && getComputedStyle(e);
    return c && {fill: c.backgroundColor, image: c.backgroundImage, shadow: c.boxShadow, outline: c.outlineStyle}; };
  const legend = (v) => Object.fromEntries([...document.querySelectorAll(`#tce-view-${v} .tce-legend li`)].map(
    (l) => [l.querySelector('.tce-swatch').className.replace('tce-swatch', '').trim(), l.textContent]));
  return {cells: {padding: pick('.tce-padded td.tce-pad'), 'inserted zeros': pick('.tce-padded td.tce-zero'),
                  cropped: pick('#tce-view-1 td.tce-crop:not(.tce-stamp)')},
          swatches: {padding: pick('#tce-view-2 .tce-swatch.tce-pad'), 'inserted zeros': pick('#tce-view-2 .tce-swatch.tce-zero'),
                     cropped: pick('#tce-view-1 .tce-swatch.tce-crop')},
          added: pick('#tce-view-1 td.tce-added:not(.tce-hl)'), current: pick('td.tce-current'),
          stamp: pick('#tce-view-1 td.tce-stamp:not(.tce-crop, .tce-hl)'), kernel: pick('.tce-kernel td[data-role=kernel]'),
          out: pick('#tce-view-1 td.tce-out:not(.tce-stamp, .tce-hl, .tce-added)'),
          stampSwatch: pick('#tce-view-1 .tce-swatch.tce-stamp'),
          hl: pick('td.tce-hl:not(.tce-current)'), legend: legend(1), legend2: legend(2)};
}"""


def hatch_of(image: str) -> tuple[list[str], set[str]]:
    """The hatch layers of a computed ``background-image`` (kind or angle) and their colours."""
    layers = HATCH_LAYER.findall(image)
    return [angle or kind for kind, angle, _ in layers], {colour for *_, colour in layers}


def css_rgb(colour: str) -> str:
    """``#rrggbb`` as a computed style writes it."""
    return "rgb({}, {}, {})".format(*(int(colour[k : k + 2], 16) for k in (1, 3, 5)))


def gallery_marks(page: Page) -> list[str]:
    """The explorer's marks mean what the gallery's colour key says, and its own marks are ones
    the gallery does not use: padding, inserted zeros and cropped cells in the gallery's fills
    and hatches (cells and legend swatches), output padding dashed as in the gallery's players;
    the stamp a double outline, never a hatch or a dash; the kernel an inner ring."""
    problems = []
    goto_hash(page, "dim=2&i=2,2&k=3,3&s=2,2&p=1,1&a=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1")
    page.click("text=Next ▶")
    page.click("text=Next ▶")
    got = page.evaluate(MARKS)
    for role, style in CELL_STYLES.items():
        want = (
            css_rgb(style["facecolor"]),
            HATCH_CSS[style["hatch"]],
            {css_rgb(style["edgecolor"])},
        )
        for where in ("cells", "swatches"):
            mark = got[where][role]
            if not mark or (mark["fill"], *hatch_of(mark["image"])) != want:
                problems.append(f"{role} ({where}): {mark}, not the gallery's {style}")
    if (got["added"] or {}).get("outline") != "dashed":
        problems.append(f"output padding: not dashed as in the gallery ({got['added']})")
    own = {name: got[name] or {} for name in ("current", "stamp", "hl")}
    if any(m.get("outline") == "dashed" or hatch_of(m.get("image", ""))[0] for m in own.values()):
        problems.append(f"a mark of the explorer's own is dashed or hatched: {own}")
    # the cells a stamp adds to hold y's sums so far: y's fill, never the kernel's (d3/e review)
    fills = {k: (got[k] or {}).get("fill") for k in ("stamp", "out", "stampSwatch", "kernel")}
    if not fills["out"] or fills["stamp"] != fills["out"] or fills["stampSwatch"] != fills["out"]:
        problems.append(f"the stamp's cells or swatch not in y's fill: {fills}")
    if (
        own["current"].get("outline") != "double"
        or own["stamp"].get("shadow", "").count("rgb(0, 0, 0)") != 2
        or own["hl"].get("outline") != "solid"
        or "inset" not in (got["kernel"] or {}).get("shadow", "")
    ):
        problems.append(f"marks told apart by hue alone: {own}, kernel {got['kernel']}")
    words = {
        "tce-crop": "cross-hatched",
        "tce-added": "dashed",
        "tce-in tce-current": "double outline",
        "tce-stamp": "double outline",
    }
    legend, legend2 = got["legend"], got["legend2"]
    if (
        len(legend) < 8
        or any(word not in legend.get(cls, "") for cls, word in words.items())
        or any(
            w in legend.get(c, "")
            for c in ("tce-in tce-current", "tce-stamp")
            for w in ("hatch", "dash")
        )
        or "dotted straw" not in legend2.get("tce-pad", "")
        or "hatched grey" not in legend2.get("tce-zero", "")
    ):
        problems.append(f"the legends do not name the marks drawn: {legend} {legend2}")
    return problems


TERMS = re.compile(r"x\[([\d, ]+)\]·w\[([\d, ]+)\]")
OUTLINED = """() => {
  const idx = (sel) => [...document.querySelectorAll(sel)].map((e) => e.dataset.index).sort();
  return {sum: document.querySelector('#tce-sum').textContent.replaceAll('\\u00a0', ' '),
          x: idx('.tce-editors td[data-role=input].tce-hl'), w: idx('.tce-editors td[data-role=kernel].tce-hl'),
          y: idx('#tce-view-1 td[data-role=output].tce-hl'),
          taps2: document.querySelectorAll('#tce-view-2 .tce-rot td.tce-hl').length,
          xs3: document.querySelectorAll('#tce-view-3 td.tce-in.tce-hl').length};
}"""


def outlined(page: Page, where: str) -> list[str]:
    """The outlined inputs and taps are the terms of the focused output's sum, in every view."""
    got = page.evaluate(OUTLINED)
    terms = TERMS.findall(got["sum"])
    xs = sorted({m.replace(" ", "") for m, _ in terms})
    ws = sorted({u.replace(" ", "") for _, u in terms})
    head = re.match(r"y\[([\d, ]+)\]", got["sum"])
    y = [head.group(1).replace(" ", "")] if head else []
    if (got["x"], got["w"], got["y"], got["taps2"], got["xs3"]) != (
        xs,
        ws,
        y,
        len(terms),
        len(xs),
    ):
        return [f"{where}: outlined {got} for the sum {got['sum']!r}"]
    return []


def outlines(page: Page) -> list[str]:
    """After settings change (clicks, keys, Back; 2-D and 1-D), only what reaches the focused
    output is outlined: nothing kept from the states before."""
    problems = []
    open_fresh(page, "#" + hash_of(WALK))
    for axis in ("rows", "columns"):
        page.click(f'button[aria-label="Stride s, {axis}: one more"]')
    problems += outlined(page, "stride + twice")
    page.hover('#tce-view-1 td[data-pos="1,2"]')
    problems += outlined(page, "stride 2, hovering y[1, 2]")
    page.focus('input[data-control="p"][data-axis="0"]')
    page.keyboard.press("ArrowUp")
    page.wait_for_function("() => location.hash.includes('p=1,0')")
    problems += outlined(page, "padding rows + by keyboard")
    page.go_back()
    page.wait_for_function("() => location.hash.includes('p=0,0')")
    problems += outlined(page, "Back")
    open_fresh(page, "#dim=1&i=3&k=3&s=1&x=1,2,3&w=1,2,3")
    page.click('button[aria-label="Stride s: one more"]')
    problems += outlined(page, "1-D, stride +")
    page.hover('#tce-view-1 td[data-pos="2"]')
    page.click('button[aria-label="Kernel size k: one less"]')
    problems += outlined(page, "1-D, kernel size -")
    return problems


def history_steps(page: Page) -> list[str]:
    """Quick repeated clicks on one control are one step back; another control is another."""
    open_fresh(page, "#" + hash_of(WALK))
    for _ in range(3):
        page.click('button[aria-label="Stride s, rows: one more"]')
    page.click('button[aria-label="Padding p, rows: one more"]')
    page.go_back()
    page.wait_for_function("() => location.hash.includes('p=0,0')")
    page.go_back()
    page.wait_for_function("() => !location.hash.includes('s=4,1')")
    hash_now = page.evaluate("location.hash")
    if "s=1,1" not in hash_now:
        return [f"three quick clicks on stride + need more than one Back: {hash_now}"]
    return []


def finder(page: Page, root: Path) -> list[str]:
    """The parameter finder lists what the package's size arithmetic allows; never 'none'."""
    problems = []
    page.fill("#tce-find-n", "4")
    page.fill("#tce-find-m", "8")
    page.click(".tce-finder button[type=submit]")
    want = set()
    for s in range(1, LIMITS["s"][1] + 1):
        for k in range(1, LIMITS["k"][1] + 1):
            for a in range(s):
                for p in range(20):
                    try:
                        if tc.conv_transpose_output_size(4, k, s, p, a) == 8:
                            want.add((k, s, p, a))
                    except ValueError:
                        continue
    rows = page.eval_on_selector_all(
        ".tce-found tbody tr", "r => r.map((e) => Array.from(e.cells, (c) => c.textContent))"
    )
    got = {tuple(int(v) for v in row[:4]) for row in rows}
    if got != want or len(rows) != len(want):
        problems.append(f"finder 4 -> 8: {sorted(got)} != package {sorted(want)}")
    found = page.inner_text(".tce-found")
    link = page.get_attribute(".tce-found a[href*='checkerboard']", "href") or ""
    if "none" in found.lower() or "weights decide" not in found or not (root / link).is_file():
        problems.append(
            f"finder: says 'none', or not that the weights decide the rest, or no link ({link!r})"
        )
    page.fill("#tce-find-n", "0")
    page.click(".tce-finder button[type=submit]")
    if page.locator(".tce-found table").count() or "must be a whole number" not in page.inner_text(
        ".tce-found"
    ):
        problems.append("finder: i' = 0 leaves the old table without a message")
    page.fill("#tce-find-n", "4")
    page.click(".tce-finder button[type=submit]")
    page.emulate_media(reduced_motion="reduce")
    page.click('.tce-found a[aria-label="Open k=4, s=2, p=1, a=0"]')
    hash_now = page.evaluate("location.hash")
    if not hash_now.startswith("#dim=1&i=4&k=4&s=2&p=1&a=0&d=1&"):
        problems.append(f"finder: Open gives {hash_now}")
    problems += expect_state(page.evaluate(READ), from_hash(hash_now), "finder: opened state")
    page.click("text=Copy the PyTorch code")
    page.wait_for_function(
        "() => document.querySelector('.tce-codeblock:nth-child(2) .tce-copied').textContent"
    )
    status = page.inner_text(".tce-codeblock:nth-child(2) .tce-copied")
    if "Copied" not in status and "Selected" not in status:
        problems.append(f"copy: no confirmation ({status!r})")
    return problems


def run_axe(page: Page, where: str) -> list[str]:
    """Every axe-core violation (default rules, any impact) in the explorer."""
    # views 2 and 3 are drawn only on screen (content-visibility): audit them drawn
    page.add_style_tag(content=".tce-view { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document.querySelector('#tconv-explorer'))")
    return [
        f"axe {where}: {v['impact']} {v['id']}: {v['help']} "
        f"({', '.join(' '.join(n['target']) for n in v['nodes'][:3])})"
        for v in result["violations"]
    ]


LAYOUT = """() => {
  const cell = document.querySelector('#tce-view-1 td[data-pos="0,0"]').getBoundingClientRect();
  const root = document.querySelector('#tconv-explorer');
  return {firstBottom: cell.bottom, height: innerHeight, overflow: root.scrollWidth - root.clientWidth};
}"""


COVERED = """async () => {
  // every line of the views on screen, scrolled through: nothing of the explorer on top of it,
  // and view 1's traced sum moves with the page (docked in the flow, never over the text)
  const main = document.querySelector('.tce-main');
  const views = document.querySelector('.tce-views').getBoundingClientRect();
  const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
  const covered = [], sumAt = [];
  const clipped = (e) => { for (let a = e; a && a !== main; a = a.parentElement) if (getComputedStyle(a).clipPath !== 'none') return true; return false; };
  for (let y = Math.max(0, scrollY + views.top - innerHeight); y < scrollY + views.bottom; y += innerHeight * 0.7) {
    scrollTo(0, y);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    sumAt.push(document.querySelector('#tce-sum').getBoundingClientRect().top + scrollY);
    for (const e of main.querySelectorAll('p, li, h3, h4, th, td')) {
      const r = e.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.top < header || r.bottom > innerHeight || clipped(e)) continue; // heard, not seen
      const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
      if (hit && main.contains(hit) && !e.contains(hit) && !hit.contains(e)) {
        covered.push(`${e.tagName} “${e.textContent.slice(0, 30)}” under ${hit.className || hit.tagName}`);
      }
    }
  }
  return {covered: covered.slice(0, 4), sumMoves: Math.max(...sumAt) - Math.min(...sumAt)};
}"""
PHONE = """() => {
  const rect = (e) => e.getBoundingClientRect();
  // y = Cᵀx: each output beside its row of Cᵀ, the operators at the first row
  const ys = [...document.querySelectorAll('#tce-view-3 .tce-col-y tbody td')];
  const rows = [...document.querySelectorAll('#tce-view-3 .tce-matrix tbody tr')];
  const first = rows[0] && rect(rows[0]);
  const apart = ys.filter((td, r) => !rows[r] || Math.abs(rect(td).top - rect(rows[r]).top) > 1
    || rect(rows[r].cells[rows[r].cells.length - 1]).left < rect(td).right).length;
  const ops = [...document.querySelectorAll('#tce-view-3 .tce-op')].map(rect)
    .filter((o) => !first || o.top < first.top - 2 || o.bottom > first.bottom + 2).length;
  // the x and w boxes hold their text inside the focus ring (7 px a side); the rotated
  // kernel's tap names fit inside its ring (4 px a side)
  const ctx = document.createElement('canvas').getContext('2d');
  const clipped = [...document.querySelectorAll('.tce-editors input')].filter((i) => {
    ctx.font = getComputedStyle(i).font;
    return ctx.measureText(i.value).width + 14 > i.clientWidth;
  }).map((i) => i.value);
  const names = [...document.querySelectorAll('#tce-view-2 .tce-tap')].filter((s) => {
    const range = document.createRange();
    range.selectNodeContents(s);
    return range.getBoundingClientRect().width > s.parentElement.clientWidth - 8;
  }).map((s) => s.textContent);
  const small = [...document.querySelectorAll('.tce-step-btn')].map(rect).filter((b) => b.height < 44 || b.width < 24).length;
  return {rows: ys.length, apart, ops, clipped, names, small};
}"""
SCROLL_TO_X = """() => {
  // x's first box just below the site's header, its caption and indices under the header
  const box = document.querySelector('td[data-role=input] input').getBoundingClientRect();
  const header = document.querySelector('header').getBoundingClientRect().bottom;
  scrollBy(0, box.top - header - 4);
  document.querySelector('.tce-pane .tce-row button:last-child').focus({preventScroll: true});
}"""


def luminance(color: str) -> float:
    """The relative luminance of a CSS rgb() or rgba() colour (WCAG 2)."""
    channels = [float(v) / 255 for v in re.findall(r"[\d.]+", color)[:3]]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def looks(page: Page, url: str, width: int, mode: str) -> list[str]:
    """What a reader sees at one width and theme: nothing covers the views' text, targets and
    text fit on a phone, Cᵀ's rows beside their outputs, marks that show in the dark."""
    problems = []
    where = f"{width} px {mode}"
    if mode == "light":
        got = page.evaluate(COVERED)
        if got["covered"] or got["sumMoves"] > 1:
            problems.append(
                f"{where}: text covered {got['covered']}, the sum moved {got['sumMoves']} px"
            )
    if width == 390:
        page.goto(url + "#dim=2&i=2,2&k=3,3&s=2,2&x=1,3,2,3&w=2,3,2,1,4,2,3,0.75,0.25")
        page.wait_for_selector("#tconv-explorer[data-ready]")
        page.evaluate("() => document.querySelector('#tce-view-3').scrollIntoView()")
        got = page.evaluate(PHONE)
        if got["rows"] != 25 or got["apart"] or got["ops"]:
            problems.append(f"{where}: y = Cᵀx does not read row by row ({got})")
        if got["clipped"] or got["names"] or got["small"]:
            problems.append(
                f"{where}: clipped {got['clipped']} {got['names']}, {got['small']} small +/-"
            )
        page.set_viewport_size({"width": 320, "height": 844})  # the narrowest phone
        page.wait_for_timeout(100)
        out = page.evaluate(
            """() => { const p = document.querySelector('.tce-pane').getBoundingClientRect();
              return [...document.querySelectorAll('.tce-pane :is(button, input)')].filter((e) => {
                const r = e.getBoundingClientRect(); return r.right > p.right - 1 || r.left < p.left + 1; }).length; }"""
        )
        if out:
            problems.append(f"{where} at 320 px: {out} controls cross the settings pane's edge")
        page.set_viewport_size({"width": 390, "height": 844})
    if mode == "dark":
        tiles = page.evaluate(
            """() => [...document.querySelectorAll('.tce-legend .tce-swatch')].map((s) => {
              let e = s.parentElement;
              while (e && getComputedStyle(e).backgroundColor.replace(/\\s/g, '') === 'rgba(0,0,0,0)') e = e.parentElement;
              return getComputedStyle(e ?? document.body).backgroundColor; })"""
        )
        dim = [c for c in tiles if contrast(c, "rgb(0, 0, 0)") < 3]
        if dim or not tiles:
            problems.append(f"{where}: legend swatches' black marks on {dim or 'nothing'}")
        page.goto(url + "#dim=2&i=2,2&k=3,3&s=2,2&p=1,1&a=1,1&x=1,3,2,3&w=2,3,2,1,4,2,3,4,1")
        page.wait_for_selector("#tconv-explorer[data-ready]")
        page.click("text=Next ▶")
        page.click("text=Next ▶")
        cells = page.eval_on_selector_all(
            "#tce-view-1 td.tce-crop.tce-stamp",
            "cs => cs.map((c) => [getComputedStyle(c).color, getComputedStyle(c).backgroundColor])",
        )
        low = [round(contrast(*pair), 2) for pair in cells if contrast(*pair) < 4.5]
        if low or not cells:
            problems.append(
                f"{where}: stamped digits in the cropped border have contrast {low or cells}"
            )
    if (width, mode) == (1280, "light"):
        page.goto(url)
        page.wait_for_selector("#tconv-explorer[data-ready]")
        page.evaluate(SCROLL_TO_X)
        page.keyboard.press("Tab")
        got = page.evaluate(
            """() => ({focused: document.activeElement.getAttribute('aria-label'),
                caption: document.querySelector('#tce-cap-x').getBoundingClientRect().top,
                header: document.querySelector('header').getBoundingClientRect().bottom})"""
        )
        if got["focused"] != "x[0, 0]" or got["caption"] < got["header"]:
            problems.append(f"{where}: tabbing into x leaves its caption under the header ({got})")
    return problems


def typed_wrong_low(page: Page, where: str) -> list[str]:
    """Text that is not a value, typed into x[0, 0] at the bottom of the screen, or into the
    input size at the top of the page: the box and its message are both on screen; Esc puts the
    number back."""
    problems = []
    for box, message, low in (
        ('input[aria-label="x[0, 0]"]', "#tce-valuemsg", "1.2345"),
        ('input[data-control="i"][data-axis="0"]', "#tce-editmsg", ""),
    ):
        if message == "#tce-valuemsg":
            page.locator(box).evaluate("(e) => e.scrollIntoView({block: 'end'})")
        else:
            page.evaluate("() => scrollTo(0, 0)")
        page.fill(box, low)
        got = page.evaluate(
            """([box, message]) => {
              const m = document.querySelector(message).getBoundingClientRect();
              const b = document.querySelector(box).getBoundingClientRect();
              const top = document.querySelector('header').getBoundingClientRect().bottom;
              return {box: [b.top, b.bottom], message: [m.top, m.bottom], top, height: innerHeight}; }""",
            [box, message],
        )
        page.press(box, "Escape")
        page.locator(box).blur()
        if not all(
            got["top"] <= edge <= got["height"] + 0.5  # + a subpixel
            for edge in [*got["box"], *got["message"]]
        ):
            problems.append(f"{where}: typed wrong, the box or {message} is off screen ({got})")
    return problems


SCROLLERS = """async () => {
  // every box wider than the screen: a cue on the side that has more (a shadow drawn by its
  // ::before and ::after, tied to the scrolling) and a keyboard's way in with a name (the box
  // itself, or a cell inside); code wraps; Cᵀ's row ends at its output, in sight
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const cue = (box, side) => { const s = getComputedStyle(box, side);
    return s.content !== 'none' && parseFloat(s.width) >= 8 && Number(s.opacity) > 0.5; };
  const found = [];
  for (const box of document.querySelectorAll('#tconv-explorer .tce-scroll')) {
    if (box.scrollWidth <= box.clientWidth + 1) continue;
    const name = (box.getAttribute('aria-label') ?? box.querySelector('[aria-labelledby]')?.getAttribute('aria-labelledby')) || box.className;
    box.scrollLeft = 0;
    await frame();
    const start = [cue(box, '::before'), cue(box, '::after')];
    box.scrollLeft = box.scrollWidth;
    await frame();
    const end = [cue(box, '::before'), cue(box, '::after')];
    box.scrollLeft = 0;
    const keys = box.getAttribute('tabindex') === '0' && box.getAttribute('role') === 'region' && /^[^,].*, scrolls sideways$/.test(box.getAttribute('aria-label'))
      || Boolean(box.querySelector('[tabindex="0"][aria-label], input[aria-label]'));
    found.push({name, start, end, keys});
  }
  const pres = [...document.querySelectorAll('.tce-codeblock pre')].filter((p) => p.scrollWidth > p.clientWidth + 1).length;
  const view = document.querySelector('#tce-view-3').getBoundingClientRect();
  const y = document.querySelector('#tce-view-3 .tce-fit td.tce-out')?.getBoundingClientRect();
  return {found, pres, rowOutput: y ? [y.left, y.right, view.left, view.right] : null};
}"""
X_NAMES = """() => {
  // y = Cᵀx: x's row labels shown, as at 1280 px; the ink of its operators
  const heads = [...document.querySelectorAll('#tce-view-3 .tce-col-x th[scope="row"]')];
  const shown = heads.filter((h) => h.getBoundingClientRect().width > 20 && getComputedStyle(h).clipPath === 'none').map((h) => h.textContent);
  const ctx = document.createElement('canvas').getContext('2d');
  const ink = [...document.querySelectorAll('#tce-view-3 .tce-op')].map((o) => {
    ctx.font = getComputedStyle(o).font;
    const m = ctx.measureText(o.textContent);
    return [o.textContent, Math.round(m.actualBoundingBoxLeft + m.actualBoundingBoxRight)];
  });
  return {count: heads.length, shown, ink};
}"""


def scroll_cues(page: Page, url: str, where: str) -> list[str]:
    """At 390 px with large settings (the d3 review's i′=6, k=5, s=2, p=1 and a long 1-D x):
    every box that scrolls sideways shows a shadow on the side with more (the right one at the
    start, the left one at the end, none where there is no more) and can be reached by keyboard
    with a name; the code wraps; Cᵀ's focused row keeps its output in sight. At the opening
    state x's labels show beside y = Cᵀx, and its product sign at least a third as wide as '='."""
    problems = []
    page.set_viewport_size({"width": 390, "height": 844})
    for fragment in ("#dim=2&i=6,6&k=5,5&s=2,2&p=1,1", "#dim=1&i=16&k=5&s=4&p=0&a=3&d=3"):
        page.goto(url + fragment)
        page.wait_for_selector("#tconv-explorer[data-ready]")
        page.add_style_tag(content=".tce-view { content-visibility: visible !important; }")
        got = page.evaluate(SCROLLERS)
        if not got["found"]:
            problems.append(f"{where} {fragment}: no box scrolls sideways (the check needs one)")
        for box in got["found"]:
            if box["start"] != [False, True] or box["end"] != [True, False] or not box["keys"]:
                problems.append(
                    f"{where} {fragment}: {box['name']}: shadows (left, right) at the start "
                    f"{box['start']} and end {box['end']}, keyboard and name {box['keys']}"
                )
        if got["pres"]:
            problems.append(f"{where} {fragment}: {got['pres']} code blocks scroll sideways")
        row = got["rowOutput"]
        if fragment.startswith("#dim=2") and (not row or row[0] < row[2] or row[1] > row[3]):
            problems.append(f"{where} {fragment}: Cᵀ's row hides its output y ({row})")
    page.goto(url)
    page.wait_for_selector("#tconv-explorer[data-ready]")
    page.add_style_tag(content=".tce-view { content-visibility: visible !important; }")
    got = page.evaluate(X_NAMES)
    ink = dict(got["ink"])
    if (
        got["shown"] != ["x[0, 0]", "x[0, 1]", "x[1, 0]", "x[1, 1]"]
        or min(ink.values()) < max(ink.values()) / 3
    ):
        problems.append(f"{where}: y = Cᵀx: x's labels shown {got}")
    page.goto(url)
    page.wait_for_selector("#tconv-explorer[data-ready]")
    return problems


def phone_fits(page: Page, url: str, where: str) -> list[str]:
    """At 390 and 320 px the page never scrolls sideways, even with 16 values of x in 1-D; a
    setting the libraries refuse, typed at the top of the page, shows its box and its message."""
    problems = []
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 844})
        page.goto(url + "#dim=1&i=16&k=5&s=4&p=0&a=3&d=3")
        page.wait_for_selector("#tconv-explorer[data-ready]")
        wide = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
        if wide > 0:
            problems.append(
                f"{where} at {width} px, x of 16 in 1-D: the page is {wide} px too wide"
            )
    page.set_viewport_size({"width": 390, "height": 844})
    for fragment, box, typed in (
        ("#dim=2&i=3,2&k=3,3&s=1,1", 'input[data-control="a"][data-axis="0"]', "2"),
        ("#dim=2", 'input[data-control="i"][data-axis="0"]', "9"),
    ):
        page.goto(url + fragment)
        page.wait_for_selector("#tconv-explorer[data-ready]")
        page.evaluate("() => scrollTo(0, 0)")
        page.focus(box)
        page.fill(box, typed)
        got = page.evaluate(
            """(box) => { const b = document.querySelector(box).getBoundingClientRect();
              const a = document.querySelector('.tce-alert').getBoundingClientRect();
              const top = document.querySelector('header').getBoundingClientRect().bottom;
              return {edges: [b.top, b.bottom, a.top, a.bottom], top, height: innerHeight}; }""",
            box,
        )
        if not all(got["top"] <= e <= got["height"] + 1 for e in got["edges"]):
            problems.append(f"{where}: {box} = {typed}: the box or its alert is off screen ({got})")
    page.goto(url)
    page.wait_for_selector("#tconv-explorer[data-ready]")
    return problems


def layouts(browser: Any, url: str, shots: Path, problems: list[str]) -> int:
    """Light and dark at 1280x800 and 390x844: fold, the phone's sum, axe, overflow, screenshots."""
    runs = 0
    for mode in ("light", "dark"):
        for width, height in ((1280, 800), (390, 844)):
            ctx = browser.new_context(
                color_scheme=mode, viewport={"width": width, "height": height}
            )
            page = ctx.new_page()
            watch(page, problems)
            page.goto(url)
            page.wait_for_selector("#tconv-explorer[data-ready]")
            where = f"{width} px {mode}"
            got = page.evaluate(LAYOUT)
            if width == 1280 and got["firstBottom"] > got["height"]:
                problems.append(
                    f"{where}: the first output ends at {got['firstBottom']} px, below the fold"
                )
            if got["overflow"] > 0:
                problems.append(f"{where}: the explorer is {got['overflow']} px too wide")
            if width == 390:  # tap y[1, 2]: its sum is on the same screen
                cell = page.locator('#tce-view-1 td[data-pos="1,2"]')
                cell.evaluate("(e) => e.scrollIntoView({block: 'center'})")
                cell.click()
                near = page.evaluate(
                    """() => { const c = document.querySelector('#tce-view-1 td[data-pos="1,2"]').getBoundingClientRect();
                      const t = document.querySelector('#tce-sum').getBoundingClientRect();
                      return {cell: [c.top, c.bottom], sum: [t.top, t.bottom], text: document.querySelector('#tce-sum').textContent}; }"""
                )
                if not (
                    near["sum"][0] >= 0
                    and near["sum"][1] <= height
                    and near["text"].startswith("y[1,")
                ):
                    problems.append(
                        f"{where}: after tapping y[1, 2] its sum is off screen ({near})"
                    )
            problems += typed_wrong_low(page, where)
            if width == 390:
                problems += phone_fits(page, url, where)
                if mode == "light":
                    problems += scroll_cues(page, url, where)
            if width == 1280:  # scrolling up: no Back to top button over the views
                page.evaluate("() => scrollTo(0, 2400)")
                page.mouse.wheel(0, -300)
                page.wait_for_timeout(300)
                if page.is_visible("#pst-back-to-top"):
                    problems.append(f"{where}: the Back to top button shows over the views")
            page.fill("#tce-find-n", "4")
            page.click(".tce-finder button[type=submit]")
            page.evaluate("() => window.scrollTo(0, 0)")
            # views 2 and 3 are drawn when near the screen (content-visibility): all of them drawn
            # for the full-page screenshot, then as before
            style = page.add_style_tag(
                content=".tce-view { content-visibility: visible !important; }"
            )
            page.screenshot(path=shots / f"explorer-{width}-{mode}.png", full_page=True)
            style.evaluate("(s) => s.remove()")
            problems += looks(page, url, width, mode)
            page.goto(
                url + "#dim=1&i=5&k=4&s=2&p=1&a=1&x=1,0.25,-3&w=0.25,0.75,0.75,0.25&q=1"
            )  # a note, decimals
            page.wait_for_selector("#tconv-explorer[data-ready]")
            page.fill("#tce-find-n", "4")
            page.click(".tce-finder button[type=submit]")
            problems += run_axe(page, where)
            runs += 1
            if (width, mode) == (1280, "light"):
                # Cᵀ by its focused row, a crop, output padding; an alert
                for fragment in (
                    "#dim=2&i=4,4&k=3,3&s=2,2&p=1,1&a=1,1&x=0.5",
                    "#dim=2&s=1,9&a=2,0",
                ):
                    page.goto(url + fragment)
                    page.wait_for_selector("#tconv-explorer[data-ready]")
                    problems += run_axe(page, f"{where} {fragment}")
                    runs += 1
                # refused settings over the last views drawn, faded
                page.goto(url)
                page.wait_for_selector("#tconv-explorer[data-ready]")
                page.fill('input[data-control="s"][data-axis="1"]', "9")
                problems += run_axe(page, f"{where} stride 9 over the faded views")
                runs += 1
            ctx.close()
    return runs


def fallback(browser: Any, root: Path, base: str) -> list[str]:
    """The build-time figure and the reason, without JavaScript and from file://."""
    problems = []
    nojs = browser.new_context(java_script_enabled=False)
    page = nojs.new_page()
    page.goto(base + "explorer.html")
    text = page.inner_text("#explorer-fallback")
    if (
        not page.is_visible("#explorer-fallback img")
        or "needs JavaScript" not in text
        or "y[2, 2]" not in text
    ):
        problems.append(f"JavaScript off: no fallback figure, reason or y[2, 2] ({text[:200]!r})")
    nojs.close()
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto((root / "explorer.html").resolve().as_uri())
    page.wait_for_timeout(300)
    if not page.is_visible("#explorer-fallback img") or page.is_visible("#tconv-explorer"):
        problems.append("file://: the fallback figure is not shown instead of the explorer")
    if "file://" not in page.inner_text("#explorer-fallback"):
        problems.append("file://: no sentence saying why")
    ctx.close()
    return problems


def main() -> int:
    start = time.monotonic()
    root, shots = Path(sys.argv[1]), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 60
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(root)
    url = base + "explorer.html"
    problems: list[str] = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        ctx.set_default_timeout(10_000)
        page = ctx.new_page()
        watch(page, problems)
        bodies: dict[str, bytes] = {}

        def keep(response: Response) -> None:
            with contextlib.suppress(PlaywrightError):  # a redirect has no body
                bodies[response.url] = response.body()

        page.on("response", keep)
        page.goto(url)
        page.wait_for_selector("#tconv-explorer[data-ready]")
        page.wait_for_load_state("networkidle")
        page.remove_listener("response", keep)
        weight = {"explorer": 0, "rest": 0}  # what a reader downloads, gzipped at level 6
        for where, body in bodies.items():
            part = "explorer" if "/_static/explorer/" in where else "rest"
            weight[part] += len(gzip.compress(body, 6))
        print(
            f"  the page's files, gzipped: the explorer's {weight['explorer']:,} bytes, the rest {weight['rest']:,}"
        )
        got = page.evaluate(READ)
        problems += expect_state(got, WALK, "opening state")
        shown = as_map(got["output"])
        if [[int(shown[f"{r},{c}"]) for c in range(4)] for r in range(4)] != WALK_OUTPUT:
            problems.append(f"opening state: {got['output']} are not the walk-through's numbers")
        if not got["sum"].startswith("y[2, 2] = ") or not got["step"].startswith("All 4 stamps"):
            problems.append(
                f"opening state: {got['sum']!r} (not y[2, 2] as the fallback), {got['step']!r}"
            )
        lap = time.monotonic()

        def took(name: str) -> None:
            nonlocal lap
            print(f"  {name}: {time.monotonic() - lap:.1f} s")
            lap = time.monotonic()

        found, measured = speed(page)
        took("speed")
        problems += found
        found, rejected, decimal = random_states(page, count)
        problems += found
        took("random states")
        if decimal < count / 4:
            problems.append(f"only {decimal} of {count} random states have decimals")
        problems += addresses(page)
        took("addresses")
        problems += keyboard(page)
        took("keyboard")
        problems += values_kept(page)
        took("values_kept")
        problems += invalid_edits(page)
        took("invalid_edits")
        problems += views(page)
        took("views")
        problems += in_sight(page)
        problems += spoken(page)
        took("in sight, spoken")
        problems += outlines(page)
        problems += history_steps(page)
        took("outlines, history")
        problems += finder(page, root)
        took("finder")
        ctx.close()
        runs = layouts(browser, url, shots, problems)
        took("layouts")
        problems += fallback(browser, root, base)
        took("fallback")
        browser.close()
    server.shutdown()
    for problem in problems:
        print(f"FAIL {problem}")
    print(
        f"{count} states through the address ({rejected} rejected, {decimal} with decimals); axe {runs} runs"
    )
    print(
        json.dumps(
            {
                "speed": measured,
                "problems": len(problems),
                "seconds": round(time.monotonic() - start, 1),
            }
        )
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
