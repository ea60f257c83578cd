"""Use the built site's explorer in headless Chromium and compare what it shows with the package.

Usage: ``python tests/browser/check_explorer.py HTML_DIR SCREENSHOT_DIR [N]`` (``nox -s browser``).

- the opening state is the walk-through's example, its first output above the fold at 1280x800;
- speed at the largest state: the main-thread work of a hover (handler, style and layout) has a
  median <= 8 ms and a 95th percentile <= 16 ms, a median <= 32 ms with the CPU slowed 4x, and a
  hover makes a bounded number of DOM changes; frame times are printed, not gated;
- N (default 60) random states set through the address, a third or more with decimal values:
  every ``data-value`` of ``data-role="output"`` is the package's exact result (computed on
  integers, as the explorer does), one element per input value, kernel tap and output value;
  states the package rejects show a ``role="alert"`` naming the parameter and no output;
- every address the explorer cannot take as written shows a ``role="status"`` note and is
  rewritten to what is shown;
- changes through the real controls, by keyboard: settings, values (decimals), the focused
  sum, the stepper's live line and Play's pace (2 s a stamp, pausable), values kept across
  size changes and the 1-D/2-D switch, Back undoing an edit, text that is not a number;
- the finder lists what the package's size arithmetic allows and never says "none";
- at 390 px the focused sum is on screen with the cell just tapped;
- axe-core's default rules find nothing, light and dark, at 1280 and 390 px;
- with JavaScript off, and from a ``file://`` address, the build-time figure and the reason;
- no request leaves 127.0.0.1 and no console error; screenshots at 1280 and 390 px, light and dark.
"""

from __future__ import annotations

import json
import random
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from check_site import serve  # the same loopback server as the site check
from playwright.sync_api import Page, Request, Route, sync_playwright

import transposed_conv as tc

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).parents[2] / "node_modules" / "axe-core" / "axe.min.js"
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
  const read = (role) => Array.from(document.querySelectorAll(`[data-role="${role}"]`),
    (e) => [e.dataset.index, e.dataset.value]);
  const alert = document.querySelector('#tconv-explorer [role="alert"]');
  const notes = document.querySelector('#tconv-explorer .tce-notes');
  return {output: read("output"), input: read("input"), kernel: read("kernel"),
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
        if rejected not in got["alert"]:
            problems.append(f"{where}: alert {got['alert']!r} does not name {rejected}")
        return problems
    problems = [f"{where}: valid state shows the alert {got['alert']!r}"] * bool(got["alert"])
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
    """A hover's main-thread work at the largest state, plain and with the CPU slowed 4x, on
    view 1's outputs at the top of the page and on view 2's, scrolled into sight."""
    open_fresh(page, LARGEST)
    measured: dict[str, Any] = {}
    for view in ("#tce-view-1", "#tce-view-2"):
        measured[view] = {"plain": page.evaluate(HOVERS, [view, 150, 10])}
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    for view in ("#tce-view-1", "#tce-view-2"):
        measured[view]["cpu4x"] = page.evaluate(HOVERS, [view, 40, 4])
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    cdp.detach()
    problems = []
    for view, got in measured.items():
        plain, slow = got["plain"], got["cpu4x"]
        if plain["median"] > 8 or plain["p95"] > 16:
            problems.append(
                f"speed {view}: a hover takes {plain['median']} ms, p95 {plain['p95']} ms"
            )
        if slow["median"] > 32:
            problems.append(f"speed {view}: with the CPU slowed 4x, {slow['median']} ms (median)")
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
    ("dim=1&i=2&k=1&x=0.125,2&w=1", "“0.125”"),
    ("dim=3", "dim=3: the explorer shows 1-D or 2-D"),
    ("dim=2&s=2&s=3", "s is given more than once"),
]


def addresses(page: Page) -> list[str]:
    """Each address not taken as written: a note, and the address rewritten to what is shown."""
    problems = []
    got = goto_hash(page, "dim=1&i=3&k=2&x=0.5,1.5,-2.25&w=1,2")
    st = from_hash(got["hash"])
    if got["notes"] or [str(v) for v in st["x"]] != ["0.5", "1.5", "-2.25"]:
        problems.append(f"decimals in the address: x shown {st['x']}, notes {got['notes']!r}")
    problems += expect_state(got, st, "decimals in the address")
    for fragment, words in NOTED:
        open_fresh(page, "#" + fragment)
        got = dict(page.evaluate(READ))
        shown = page.locator('#tconv-explorer [role="status"].tce-notes')
        if words not in got["notes"] or not shown.is_visible():
            problems.append(f"#{fragment}: no visible note with {words!r} ({got['notes']!r})")
        if got["hash"].lstrip("#") == fragment:
            problems.append(f"#{fragment}: the address is not rewritten")
        else:
            problems += expect_state(got, from_hash(got["hash"]), f"#{fragment} rewritten")
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
    page.click(".tce-play")
    t0 = time.monotonic()
    first = page.evaluate(READ)["step"]
    page.wait_for_function(
        "() => document.querySelector('.tce-step-text').textContent.startsWith('Stamp 2')"
    )
    pace = time.monotonic() - t0
    page.click(".tce-play")  # pause
    page.wait_for_timeout(2300)
    paused = page.evaluate(READ)["step"]
    if (
        not first.startswith("Stamp 1 of 4")
        or not 1.8 <= pace <= 3.5
        or not paused.startswith("Stamp 2 of 4")
    ):
        problems.append(
            f"Play: {first[:12]!r}, next stamp after {pace:.2f} s, paused at {paused[:12]!r}"
        )
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
    page.fill(box, "")
    page.type(box, "9")  # out of range for 2-D: refused, nothing lost
    page.fill(box, "")
    page.type(box, "3")
    got = from_hash(page.evaluate(READ)["hash"])
    if [int(v) for v in got["x"]] != [1, 2, 3, 4, 5, 6]:
        problems.append(f"typing 9 then 3 into rows rewrites x to {got['x']}")
    return problems


def invalid_edits(page: Page) -> list[str]:
    """Text that is not a value is marked and explained, and put back on leaving the box."""
    problems = []
    open_fresh(page, "#" + hash_of(WALK))
    for selector, texts in (
        ('td[data-role="input"][data-index="0,1"] input', ("0.125", "1e3", "")),
        ('input[data-control="s"][data-axis="0"]', ("1.5", "")),
    ):
        for text in texts:
            page.fill(selector, text)  # as pasted: one input event
            problems += expect_state(page.evaluate(READ), WALK, f"{selector} = {text!r}")
            mark = page.get_attribute(selector, "aria-invalid")
            message = page.inner_text("#tce-editmsg") if page.is_visible("#tce-editmsg") else ""
            if mark != "true" or not message:
                problems.append(f"{selector} = {text!r}: aria-invalid {mark}, message {message!r}")
            page.keyboard.press("Tab")
            if page.get_attribute(selector, "aria-invalid") == "true" or page.is_visible(
                "#tce-editmsg"
            ):
                problems.append(f"{selector} = {text!r}: still marked after leaving the box")
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
        or "dotted border" not in sizes
    ):
        problems.append(f"output padding: added cells {marked}, size text {sizes!r}")
    rare = "dim=1&i=1&k=2&s=1&p=2&a=1&d=3&x=5&w=2,7"
    goto_hash(page, rare)
    text = page.inner_text("#tce-view-3") + page.inner_text(".tce-sizes")
    if "No length maps back to i′ = 1" not in text or "which gives 2" not in text:
        problems.append(f"#{rare}: the size and matrix sentences are wrong ({text[:300]!r})")
    goto_hash(page, hash_of(WALK))
    page.click("text=Next ▶")
    marks = page.evaluate(
        """() => {
          const style = (sel) => { const e = document.querySelector(sel); return e && getComputedStyle(e); };
          const legend = [...document.querySelectorAll('#tce-view-1 .tce-legend li')].map((l) => l.textContent);
          return {current: style('td.tce-current')?.outlineStyle, stamp: style('td.tce-stamp')?.backgroundImage,
                  kernel: style('.tce-kernel td[data-role=kernel]')?.boxShadow, hl: style('td.tce-hl:not(.tce-current)')?.outlineStyle,
                  legend, swatches: document.querySelectorAll('#tce-view-1 .tce-legend .tce-swatch').length};
        }"""
    )
    if (
        marks["current"] != "dashed"
        or "gradient" not in (marks["stamp"] or "")
        or "inset" not in (marks["kernel"] or "")
    ):
        problems.append(f"marks told apart by hue alone: {marks}")
    if (
        marks["hl"] != "solid"
        or marks["swatches"] < 8
        or not any("hatched" in t for t in marks["legend"])
    ):
        problems.append(f"legend or outline: {marks}")
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
            page.fill("#tce-find-n", "4")
            page.click(".tce-finder button[type=submit]")
            page.evaluate("() => window.scrollTo(0, 0)")
            page.screenshot(path=shots / f"explorer-{width}-{mode}.png", full_page=True)
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
        page.goto(url)
        page.wait_for_selector("#tconv-explorer[data-ready]")
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
