"""Use the built site's explorer in headless Chromium and compare what it shows with the package.

Usage: ``python tests/browser/check_explorer.py HTML_DIR SCREENSHOT_DIR [N]`` (``nox -s browser``).

- the opening state is the walk-through's example, with its numbers;
- N (default 120) random states set through the address's fragment: every ``data-value`` of
  ``data-role="output"`` equals ``transposed_conv.conv_transpose1d/2d``, one element per
  input value, kernel tap and output value; states the package rejects show a
  ``role="alert"`` naming the parameter and no output;
- a few changes made through the real controls with the keyboard alone;
- with JavaScript off, and from a ``file://`` address (where browsers refuse modules), the
  build-time figure and the sentence saying why are shown;
- no request leaves 127.0.0.1, no console error, no serious or critical axe-core violation;
- screenshots at 1280 and 390 px wide, light and dark.
"""

from __future__ import annotations

import json
import random
import sys
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
WALK_OUTPUT = [[2, 9, 11, 6], [5, 19, 27, 12], [5, 24, 29, 9], [6, 17, 14, 3]]
READ = """() => {
  const read = (role) => Array.from(document.querySelectorAll(`[data-role="${role}"]`),
    (e) => [e.dataset.index, e.dataset.value]);
  const alert = document.querySelector('#tconv-explorer [role="alert"]');
  return {output: read("output"), input: read("input"), kernel: read("kernel"),
          alert: alert && !alert.hidden ? alert.textContent : "",
          sum: document.querySelector("#tce-sum")?.textContent ?? "",
          hash: location.hash};
}"""


def random_case(rng: random.Random) -> dict[str, Any]:
    """A state within the explorer's ranges; about a fifth of them rejected by the package."""
    dim = rng.choice((1, 2))
    st: dict[str, Any] = {"dim": dim}
    st["i"] = [rng.randint(1, 16 if dim == 1 else 8) for _ in range(dim)]
    st["k"] = [rng.randint(1, 5) for _ in range(dim)]
    st["s"] = [rng.randint(1, 4) for _ in range(dim)]
    st["d"] = [rng.choice((1, 1, 2, 3)) for _ in range(dim)]
    st["p"] = [rng.randint(0, 4) for _ in range(dim)]
    st["a"] = [rng.randint(0, 3) if rng.random() < 0.15 else 0 for _ in range(dim)]
    st["x"] = [rng.randint(-20, 20) for _ in range(int(np.prod(st["i"])))]
    st["w"] = [rng.randint(-9, 9) for _ in range(int(np.prod(st["k"])))]
    return st


def package_says(st: dict[str, Any]) -> tuple[np.ndarray | None, str]:
    x = np.array(st["x"], dtype=np.int64).reshape(st["i"])
    w = np.array(st["w"], dtype=np.int64).reshape(st["k"])
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
    return y, ""


def hash_of(st: dict[str, Any]) -> str:
    keys = ["i", "k", "s", "p", "a", "d", "x", "w"]
    return "&".join([f"dim={st['dim']}"] + [f"{k}={','.join(map(str, st[k]))}" for k in keys])


def from_hash(text: str) -> dict[str, Any]:
    """The state an address fragment written by the explorer holds (every key present)."""
    pairs = dict(part.split("=", 1) for part in text.lstrip("#").split("&"))
    st: dict[str, Any] = {"dim": int(pairs.pop("dim"))}
    st |= {key: [int(v) for v in value.split(",")] for key, value in pairs.items()}
    return st


def as_map(pairs: list[list[str]]) -> dict[str, int]:
    out: dict[str, int] = {}
    for index, value in pairs:
        if index in out:
            msg = f"two elements with data-index {index}"
            raise AssertionError(msg)
        out[index] = int(value)
    return out


def expect_state(got: dict[str, Any], st: dict[str, Any], where: str) -> list[str]:
    """Problems with what the page shows for a state, compared with the package."""
    problems = []
    y, rejected = package_says(st)
    if y is None:
        if got["output"]:
            problems.append(f"{where}: rejected by the package ({rejected}) but shows outputs")
        if rejected not in got["alert"]:
            problems.append(f"{where}: alert {got['alert']!r} does not name {rejected}")
        return problems
    if got["alert"]:
        problems.append(f"{where}: valid state shows the alert {got['alert']!r}")
    want = {",".join(map(str, pos)): int(v) for pos, v in np.ndenumerate(y)}
    try:
        if as_map(got["output"]) != want:
            problems.append(f"{where}: outputs {got['output']} != package {want}")
        xs = {",".join(map(str, p)): v for p, v in np.ndenumerate(np.reshape(st["x"], st["i"]))}
        ws = {",".join(map(str, p)): v for p, v in np.ndenumerate(np.reshape(st["w"], st["k"]))}
        if as_map(got["input"]) != {k: int(v) for k, v in xs.items()}:
            problems.append(f"{where}: input cells {got['input']} != x")
        if as_map(got["kernel"]) != {k: int(v) for k, v in ws.items()}:
            problems.append(f"{where}: kernel cells {got['kernel']} != w")
    except AssertionError as err:
        problems.append(f"{where}: {err}")
    return problems


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


def run_axe(context: Any, url: str) -> list[str]:
    """Serious and critical axe-core violations in the explorer (npm's axe-core or the Python wrapper).

    On a page of its own: axe fetches the stylesheets again to audit them and resolves the
    theme's @import against the page (a 404 the page itself never makes; see check_site.py).
    """
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector("#tconv-explorer[data-ready]")
    script = next(Path().glob("node_modules/axe-core/axe.min.js"), None)
    if script is not None:
        page.add_script_tag(path=str(script))
        result = page.evaluate("() => axe.run(document.querySelector('#tconv-explorer'))")
    else:
        try:
            from axe_playwright_python.sync_playwright import Axe
        except ImportError:
            return ["axe-core is not available (npm axe-core or axe-playwright-python)"]
        result = Axe().run(page, context="#tconv-explorer").response
    page.close()
    return [
        f"axe {url.rsplit('/', 1)[-1]}: {v['impact']} {v['id']}: {v['help']} "
        f"({', '.join(' '.join(n['target']) for n in v['nodes'][:3])})"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def keyboard(page: Page) -> list[str]:
    """Changes made with the keyboard alone through the real controls."""
    problems = []
    walk = {"dim": 2, "i": [2, 2], "k": [3, 3], "s": [1, 1], "p": [0, 0], "a": [0, 0]}
    walk |= {"d": [1, 1], "x": [1, 3, 2, 3], "w": [2, 3, 2, 1, 4, 2, 3, 4, 1]}
    # stride (rows) up by one with the arrow key, then Tab on to the columns' stride
    page.focus('input[data-control="s"][data-axis="0"]')
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowUp")
    st = walk | {"s": [2, 2]}
    problems += expect_state(page.evaluate(READ), st, "keyboard: stride 2")
    if "s=2,2" not in page.evaluate(READ)["hash"]:
        problems.append("keyboard: the address does not keep stride 2")
    # an input value typed in
    page.focus('input[data-role="input"][data-index="0,0"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("-5")
    st = st | {"x": [-5, 3, 2, 3]}
    problems += expect_state(page.evaluate(READ), st, "keyboard: x[0, 0] = -5")
    # output_padding 2 with stride 2: refused, with the alert
    page.focus('input[data-control="a"][data-axis="1"]')
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    got = page.evaluate(READ)
    problems += expect_state(got, st | {"a": [0, 2]}, "keyboard: output_padding 2")
    page.keyboard.press("ArrowDown")
    st = st | {"a": [0, 1]}
    problems += expect_state(page.evaluate(READ), st, "keyboard: output_padding 1")
    # the focused output moves with the arrow keys, and the sum is announced
    page.focus(".tce-view svg[tabindex]")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowRight")
    sum_text = page.evaluate(READ)["sum"]
    if not sum_text.startswith("y[0, 1] = "):
        problems.append(f"keyboard: focused sum is {sum_text!r}, wanted y[0, 1]")
    y, _ = package_says(st)
    assert y is not None
    if not sum_text.endswith(f"= {y[0, 1]}"):
        problems.append(f"keyboard: {sum_text!r} does not end with y[0, 1] = {y[0, 1]}")
    # step through the stamps with Next, by keyboard
    page.focus(".tce-stepper button")
    page.keyboard.press("ArrowRight")
    step = page.inner_text(".tce-step-text")
    if not step.startswith("Stamp 1 of 4"):
        problems.append(f"keyboard: stepping shows {step!r}")
    problems += expect_state(page.evaluate(READ), st, "keyboard: values while stepping")
    # the kernel grows by one row: new taps appear in the editor and the output follows
    page.focus('input[data-control="k"][data-axis="0"]')
    page.keyboard.press("ArrowUp")
    got = page.evaluate(READ)
    st = from_hash(got["hash"])
    if st["k"] != [4, 3] or len(got["kernel"]) != 12:
        problems.append(
            f"keyboard: kernel size 4 x 3 gives {st['k']} and {len(got['kernel'])} taps"
        )
    problems += expect_state(got, st, "keyboard: kernel 4 x 3")
    # "Random" by keyboard, then 1-D by keyboard
    page.focus("text=Random")
    page.keyboard.press("Enter")
    got = page.evaluate(READ)
    problems += expect_state(got, from_hash(got["hash"]), "keyboard: random")
    page.focus("#tce-dim")
    page.keyboard.press("ArrowUp")
    got = page.evaluate(READ)
    if not got["hash"].startswith("#dim=1&"):
        problems.append(f"keyboard: 1-D not chosen ({got['hash']})")
    problems += expect_state(got, from_hash(got["hash"]), "keyboard: 1-D")
    return problems


PARAMS_TABLE = """() => {
  const t = document.querySelector('.tce-params table');
  return {heads: Array.from(t.querySelectorAll('thead th'), (e) => e.textContent),
          caption: t.caption.textContent,
          empty: Array.from(t.querySelectorAll('input'), (e) => e.value).filter((v) => v === '').length,
          inputs: t.querySelectorAll('input').length};
}"""


def dimension_switch(page: Page) -> list[str]:
    """1-D <-> 2-D through the select (mouse-style and keyboard) rebuilds the settings table."""
    problems = []
    want = {
        1: (["Setting", "length"], "1 to 16", 6),
        2: (["Setting", "rows", "columns"], "1 to 8", 12),
    }

    def table_is(dim: int, where: str) -> None:
        got = page.evaluate(PARAMS_TABLE)
        heads, span, inputs = want[dim]
        if got["heads"] != heads or span not in got["caption"] or got["inputs"] != inputs:
            problems.append(f"{where}: settings table {got} is not the {dim}-D one")
        if got["empty"]:
            problems.append(f"{where}: {got['empty']} empty settings boxes")
        if not page.evaluate(READ)["hash"].startswith(f"#dim={dim}&"):
            problems.append(f"{where}: address {page.evaluate(READ)['hash']} is not {dim}-D")

    page.select_option("#tce-dim", "1")
    table_is(1, "select 1-D")
    # typing into the one input-size box keeps a 1-D address (no stray second value)
    page.focus('input[data-control="s"][data-axis="0"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    got = page.evaluate(READ)
    if "s=3&" not in got["hash"] + "&":
        problems.append(f"select 1-D: stride 3 typed gives the address {got['hash']}")
    problems += expect_state(got, from_hash(got["hash"]), "select 1-D, stride 3")
    page.select_option("#tce-dim", "2")
    table_is(2, "select 2-D")
    page.focus("#tce-dim")
    page.keyboard.press("ArrowUp")
    table_is(1, "keyboard 1-D")
    page.keyboard.press("ArrowDown")
    table_is(2, "keyboard 2-D")
    got = page.evaluate(READ)
    problems += expect_state(got, from_hash(got["hash"]), "keyboard 2-D")
    return problems


def invalid_edits(page: Page) -> list[str]:
    """Text that is not a whole number is marked and explained, and reverted on leaving the box;
    every invalid setting is marked at once and the editors stay."""
    problems = []
    walk = {"dim": 2, "i": [2, 2], "k": [3, 3], "s": [1, 1], "p": [0, 0], "a": [0, 0]}
    walk |= {"d": [1, 1], "x": [1, 3, 2, 3], "w": [2, 3, 2, 1, 4, 2, 3, 4, 1]}
    page.goto(page.url.split("#")[0] + "#" + hash_of(walk))
    page.wait_for_selector("#tconv-explorer[data-ready]")
    for selector in (
        'input[data-role="input"][data-index="0,1"]',
        'input[data-role="kernel"][data-index="2,2"]',
        'input[data-control="s"][data-axis="0"]',
    ):
        for text in ("0.5", "1e3", ""):
            page.fill(selector, text)  # as pasted: one input event
            got = page.evaluate(READ)
            problems += expect_state(got, walk, f"{selector} = {text!r}")
            mark = page.get_attribute(selector, "aria-invalid")
            message = page.inner_text("#tce-editmsg") if page.is_visible("#tce-editmsg") else ""
            if mark != "true" or ("whole number" if text else "empty") not in message:
                problems.append(f"{selector} = {text!r}: aria-invalid {mark}, message {message!r}")
            page.keyboard.press("Tab")
            box = page.input_value(selector)
            if box == text or page.get_attribute(selector, "aria-invalid") == "true":
                problems.append(f"{selector} = {text!r}: leaving the box leaves {box!r}, marked")
            if page.is_visible("#tce-editmsg"):
                problems.append(f"{selector} = {text!r}: message stays after leaving the box")
    # two invalid settings at once: both marked, both listed, the editors stay
    bad = walk | {"s": [1, 9], "a": [2, 0]}
    page.evaluate("(h) => { location.hash = h; }", hash_of(bad))
    page.wait_for_function("(h) => location.hash === '#' + h", arg=hash_of(bad))
    for control, axis in (("s", 1), ("a", 0)):
        sel = f'input[data-control="{control}"][data-axis="{axis}"]'
        if page.get_attribute(sel, "aria-invalid") != "true":
            problems.append(f"two invalid settings: {control}[{axis}] is not marked")
    items = page.locator(".tce-alert li").all_inner_texts()
    if len(items) != 2:
        problems.append(f"two invalid settings: the alert lists {items}")
    if page.locator('input[data-role="input"]').count() != 4:
        problems.append("two invalid settings: the input editor is gone")
    return problems


def highlights_and_hover(page: Page) -> list[str]:
    """The stamping input looks unlike the focused output's inputs; hovering is temporary."""
    problems = []
    walk = {"dim": 2, "i": [2, 2], "k": [3, 3], "s": [1, 1], "p": [0, 0], "a": [0, 0]}
    walk |= {"d": [1, 1], "x": [1, 3, 2, 3], "w": [2, 3, 2, 1, 4, 2, 3, 4, 1]}
    page.goto(page.url.split("#")[0] + "#" + hash_of(walk))
    page.wait_for_selector("#tconv-explorer[data-ready]")
    page.click('[data-role="output"][data-index="0,0"]')
    page.click("text=Next ▶")
    marks = page.evaluate(
        """() => ({current: document.querySelectorAll('.tce-current .tce-current-mark').length,
                   corner: document.querySelectorAll('.tce-current .tce-current-corner').length,
                   dash: getComputedStyle(document.querySelector('.tce-current-mark'))
                     .strokeDasharray,
                   solid: getComputedStyle(document.querySelector('.tce-hl-outer'))
                     .strokeDasharray,
                   legend: document.querySelector('.tce-view .tce-legend')?.textContent ?? ''})"""
    )
    if marks["current"] != 1 or marks["corner"] != 1 or marks["dash"] in ("", "none"):
        problems.append(f"stepping: the stamping input is not dashed and cornered ({marks})")
    if marks["solid"] not in ("", "none") or "Dashed outline" not in marks["legend"]:
        problems.append(f"stepping: focus outline dashed too, or no legend ({marks})")
    crop = walk | {"dim": 1, "i": [4], "k": [2], "s": [2], "p": [3], "a": [0], "d": [1]}
    crop |= {"x": [1, 2, 3, 4], "w": [1, 1]}
    page.evaluate("(h) => { location.hash = h; }", hash_of(crop))
    page.wait_for_function("(h) => location.hash === '#' + h", arg=hash_of(crop))
    titles = page.locator(".tce-title").all_text_contents()
    if not any("cropped by 2 at the start" in t for t in titles):
        problems.append(f"crop: padding 3 > d(k - 1) = 1 is not called a crop of 2 ({titles})")
    # inserted input 1 0 2 0 3 0 4 (7 cells) cropped by 2 at each end
    faded = page.evaluate(
        """() => Array.from(document.querySelectorAll('.tce-view:nth-child(2) .tce-cropped'),
          (c) => c.textContent)"""
    )
    if faded != ["1", "0", "0", "4"]:
        problems.append(f"crop: the cropped cells of view 2 are {faded}, not 1, 0 | 0, 4")
    # output padding: 1-D, length 3, k 3, s 2, p 1, a 1 -> 6 outputs, the last one added
    added = crop | {"i": [3], "k": [3], "s": [2], "p": [1], "a": [1]}
    added |= {"x": [1, 2, 3], "w": [1, 1, 1]}
    page.evaluate("(h) => { location.hash = h; }", hash_of(added))
    page.wait_for_function("(h) => location.hash === '#' + h", arg=hash_of(added))
    marked = page.eval_on_selector_all(
        ".tce-added[data-role=output]", "cells => cells.map((c) => c.dataset.index)"
    )
    y, _ = package_says(added)
    if marked != ["5"] or y is None or y[5] != 3:
        problems.append(f"output padding: added cells {marked}, package y {y}")
    arith = page.inner_text(".tce-arith")
    explains = "the added output (dotted in view 1) holds a real stamp value"
    if explains not in arith or "Dumoulin" not in arith:
        problems.append(f"output padding: the size text does not explain it ({arith!r})")
    page.evaluate("(h) => { location.hash = h; }", hash_of(walk))
    page.wait_for_function("(h) => location.hash === '#' + h", arg=hash_of(walk))
    page.click('[data-role="output"][data-index="0,0"]')
    small = page.evaluate(
        """() => Array.from(document.querySelectorAll(
            '.tce-small, .tce-tap, .tce-label, .tce-rowlabel, .tce-title'), (t) => {
          const svg = t.ownerSVGElement;
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          return [t.textContent, parseFloat(getComputedStyle(t).fontSize) * scale];
        }).filter(([, px]) => px < 12)"""
    )
    if small:
        problems.append(f"labels under 12 px as drawn at 1280 px: {small[:5]}")
    names = page.locator(".tce-tap").all_text_contents()
    if sorted(names) != sorted(f"w[{r}, {c}]" for r in range(3) for c in range(3)):
        problems.append(f"rotated kernel's tap names: {names}")
    direct = page.inner_text(".tce-view:nth-child(2)")
    if "rows and columns alike" not in direct or direct.count("zeros between values") != 1:
        problems.append("view 2 repeats the padding for equal rows and columns")
    if "Why the kernel is rotated" not in direct:
        problems.append("view 2 has no heading for the rotated kernel")
    page.click("text=All stamps")
    page.hover('[data-role="output"][data-index="2,3"]')
    if not page.evaluate(READ)["sum"].startswith("y[2, 3] = "):
        problems.append("hover: the hovered output is not shown")
    page.mouse.move(1, 1)
    page.wait_for_timeout(50)
    got = page.evaluate(READ)["sum"]
    if not got.startswith("y[0, 0] = "):
        problems.append(f"hover: leaving the figure shows {got!r}, not the clicked y[0, 0]")
    return problems


def finder_and_copy(page: Page) -> list[str]:
    """The parameter finder lists what the package's size arithmetic allows; copy answers."""
    problems = []
    page.fill("#tce-find-n", "4")
    page.fill("#tce-find-m", "8")
    page.focus("#tce-find-m")
    page.keyboard.press("Enter")
    want = set()
    for s in range(1, 5):
        for k in range(1, 6):
            for a in range(s):
                for p in range(20):
                    try:
                        if tc.conv_transpose_output_size(4, k, s, p, a) == 8:
                            want.add((k, s, p, a))
                    except ValueError:
                        continue
    rows = page.eval_on_selector_all(
        ".tce-found tbody tr", "rows => rows.map(r => Array.from(r.cells, c => c.textContent))"
    )
    got = {tuple(int(v) for v in row[:4]) for row in rows}
    if got != want or len(rows) != len(want):
        problems.append(f"finder 4 -> 8: {sorted(got)} != package {sorted(want)}")
    page.emulate_media(reduced_motion="reduce")  # no smooth scroll: the views in place at once
    page.click('.tce-found a[aria-label="Open k=4, s=2, p=1, a=0"]')
    hash_now = page.evaluate("location.hash")
    if not hash_now.startswith("#dim=1&i=4&k=4&s=2&p=1&a=0&d=1&"):
        problems.append(f"finder: Open gives {hash_now}")
    problems += expect_state(page.evaluate(READ), from_hash(hash_now), "finder: opened state")
    opened = page.evaluate(
        """() => ({focus: !!document.activeElement.closest('.tce-view'),
                   top: document.querySelector('.tce-views').getBoundingClientRect().top,
                   height: innerHeight})"""
    )
    if not opened["focus"] or not 0 <= opened["top"] < opened["height"]:
        problems.append(f"finder: Open neither shows nor focuses the views ({opened})")
    page.click("text=Copy the PyTorch code")
    status = page.inner_text(".tce-codeblock:nth-child(2) .tce-copied")
    if "Copied" not in status and "Selected" not in status:
        problems.append(f"copy: no confirmation ({status!r})")
    return problems


def fallback(browser: Any, root: Path, base: str) -> list[str]:
    """The build-time figure and the reason, without JavaScript and from file://."""
    problems = []
    nojs = browser.new_context(java_script_enabled=False)
    page = nojs.new_page()
    page.goto(base + "explorer.html")
    if not page.is_visible("#explorer-fallback img"):
        problems.append("JavaScript off: no fallback figure")
    if "needs JavaScript" not in page.content():
        problems.append("JavaScript off: no sentence saying why")
    nojs.close()
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto((root / "explorer.html").resolve().as_uri())
    page.wait_for_timeout(500)
    if not page.is_visible("#explorer-fallback img") or page.is_visible("#tconv-explorer"):
        problems.append("file://: the fallback figure is not shown instead of the explorer")
    if "file://" not in page.inner_text("#explorer-fallback"):
        problems.append("file://: no sentence saying why")
    ctx.close()
    return problems


def main() -> int:
    root, shots = Path(sys.argv[1]), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 120
    shots.mkdir(parents=True, exist_ok=True)
    server, base = serve(root)
    url = base + "explorer.html"
    problems: list[str] = []
    rng = random.Random(2026)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 900})
        page = ctx.new_page()
        watch(page, problems)
        page.goto(url)
        page.wait_for_selector("#tconv-explorer[data-ready]")
        walk = {"dim": 2, "i": [2, 2], "k": [3, 3], "s": [1, 1], "p": [0, 0], "a": [0, 0]}
        walk |= {"d": [1, 1], "x": [1, 3, 2, 3], "w": [2, 3, 2, 1, 4, 2, 3, 4, 1]}
        if not page.inner_text("h1").startswith("Explorer") or not page.is_visible(
            "#tce-h-settings"
        ):
            problems.append(
                "opening state: the page's title or the explorer's settings are missing"
            )
        got = page.evaluate(READ)
        problems += expect_state(got, walk, "opening state")
        shown = as_map(got["output"])
        if [[shown[f"{r},{c}"] for c in range(4)] for r in range(4)] != WALK_OUTPUT:
            problems.append(f"opening state: {got['output']} are not the walk-through's numbers")
        rejected = 0
        for n in range(count):
            st = random_case(rng)
            page.evaluate("(h) => { location.hash = h; }", hash_of(st))
            page.wait_for_function("(h) => location.hash === '#' + h", arg=hash_of(st))
            got = page.evaluate(READ)
            rejected += package_says(st)[0] is None
            problems += expect_state(got, st, f"state {n} #{hash_of(st)}")
        print(f"{count} states through the address ({rejected} rejected)")
        page.evaluate("() => { location.hash = ''; }")
        page.goto(url + "#" + hash_of(walk))
        page.wait_for_selector("#tconv-explorer[data-ready]")
        problems += keyboard(page)
        problems += dimension_switch(page)
        problems += finder_and_copy(page)
        problems += invalid_edits(page)
        problems += highlights_and_hover(page)
        ctx.close()
        for mode in ("light", "dark"):
            ctx = browser.new_context(color_scheme=mode)
            for fragment in ("", "#dim=2&i=3,3&k=4,4&s=2,2&p=1,1", "#dim=1&i=5&s=2&a=1", "#a=1"):
                problems += [f"{mode}: {p}" for p in run_axe(ctx, url + fragment)]
            ctx.close()
        for mode in ("light", "dark"):
            for width in (1280, 390):
                ctx = browser.new_context(
                    color_scheme=mode, viewport={"width": width, "height": 900}
                )
                page = ctx.new_page()
                watch(page, problems)
                page.goto(url)
                page.wait_for_selector("#tconv-explorer[data-ready]")
                page.hover('[data-role="output"][data-index="2,3"]')
                page.click("button:text('Find parameters')")
                edge = page.evaluate(
                    "() => document.querySelector('.tce-found tbody a').getBoundingClientRect()"
                    ".right"
                )
                if edge > width:
                    problems.append(f"{width} px {mode}: the finder's Open link is off screen")
                page.hover('[data-role="output"][data-index="2,3"]')
                page.screenshot(path=shots / f"explorer-{width}-{mode}.png", full_page=True)
                overflow = page.evaluate(
                    "() => { const r = document.querySelector('#tconv-explorer');"
                    " return r.scrollWidth - r.clientWidth; }"
                )
                if overflow > 0:
                    problems.append(f"{width} px {mode}: the explorer is {overflow} px too wide")
                ctx.close()
        problems += fallback(browser, root, base)
        browser.close()
    server.shutdown()
    for problem in problems:
        print(f"FAIL {problem}")
    print(json.dumps({"problems": len(problems), "screenshots": str(shots.resolve())}))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
