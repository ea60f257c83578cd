"""Layout checks in the browser: phone widths, the navigation buttons, page height, legibility.

At 320 and 390 px no page may be wider than the viewport, no maths in the text may run past
its edge, and the theme's "Site navigation" and "On this page" buttons must take a click
(nothing covers them) and open their panels; a gallery example's colour key, in a drawer there,
opens from the top of the page too. At 1280 px no page may be taller than MAX_HEIGHT.
At every width, the colour key's labels on screen are at least MIN_LABEL_PX. (The figures' digits
and words as shown: tests/browser/figures.py, with docs/_ext/legibility.py's rules.)
"""

from __future__ import annotations

from playwright.sync_api import Error, Page

PHONE_WIDTHS = (320, 390)
MAX_HEIGHT = 20_000
MIN_LABEL_PX = 12.0
"""Smallest font size of the colour key's labels, in CSS px."""
SHOWN = """() => {
  const labels = Array.from(document.querySelectorAll("ul.color-key li"))
    .filter(li => li.checkVisibility({visibilityProperty: true})).map(li => ({
    text: li.textContent.trim(),
    px: parseFloat(getComputedStyle(li.querySelector("span")).fontSize),
    swatch: li.querySelector("img").getBoundingClientRect().width,
  }));
  return {labels};
}"""
WIDER_THAN_VIEWPORT = """() => {
  const width = document.documentElement.clientWidth;
  const scroll = document.documentElement.scrollWidth;
  if (scroll <= width) return null;
  const wide = Array.from(document.querySelectorAll("body *"))
    .filter(el => el.getBoundingClientRect().right > width + 1 && el.checkVisibility())
    .slice(-3)
    .map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ")[0] : ""));
  return `${scroll} px wide in a ${width} px viewport (${wide.join(", ")})`;
}"""
CUT_MATH = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const inBox = (math) => {  // a box of its own inside the article (a table, display math)
    for (let el = math.parentElement; el && el.localName !== "article"; el = el.parentElement) {
      if (scrolls(el)) return true;
    }
    return false;
  };
  return Array.from(document.querySelectorAll("article math"))
    .filter(m => !inBox(m) && m.getBoundingClientRect().right > width + 1)
    .map(m => m.textContent.replace(/\\s+/g, "").slice(0, 40));
}"""
"""Maths in the text that runs past the screen's right edge: a line of MathML does not break,
and the theme scrolls the whole article, so the end of the formula is out of sight."""
NEXT_FRAME = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
CLOSED = """(selector) => new Promise(done => {
  const dialog = document.querySelector(selector);
  const next = () => requestAnimationFrame(() => done(null));
  if (dialog?.open) dialog.addEventListener("close", next, {once: true}); else next();
})"""
BUTTONS = {
    "site navigation": ("button.primary-toggle", "#pst-primary-sidebar-modal"),
    "on this page": ("button.secondary-toggle", "#pst-secondary-sidebar-modal"),
}


def check_phone(page: Page, width: int) -> list[str]:
    """Problems of the loaded page at a phone's width (the page is resized to it)."""
    problems: list[str] = []
    page.set_viewport_size({"width": width, "height": 800})
    page.evaluate(NEXT_FRAME)  # the theme's resize handlers have run
    wide = page.evaluate(WIDER_THAN_VIEWPORT)
    if wide:
        problems.append(f"at {width} px: {wide}")
    problems += [
        f"at {width} px: maths cut off at the edge: {m!r}" for m in page.evaluate(CUT_MATH)
    ]
    for label, (button, panel) in BUTTONS.items():
        toggle = page.locator(button)
        if toggle.count() == 0 or not toggle.first.is_visible():
            if label == "site navigation":
                problems.append(f"at {width} px: no visible {label!r} button")
            continue
        try:
            toggle.first.click(timeout=3000)
            page.locator(panel).wait_for(state="visible", timeout=3000)
        except Error as error:
            first_line = str(error).splitlines()[0]
            problems.append(f"at {width} px: {label!r} did not open: {first_line}")
        page.keyboard.press("Escape")
        page.evaluate(CLOSED, panel)  # closed before the next button is tried
    key = page.locator("details.color-key-inline")  # gallery examples: the sidebar's key
    if key.count():
        if not key.first.locator("summary").is_visible():
            problems.append(f"at {width} px: no colour key at the top of the example")
        elif key.first.get_attribute("open") is None:
            key.first.locator("summary").click()  # left open: check_legible reads its labels
    return problems


def check_height(page: Page) -> list[str]:
    """The page at its current width must not be taller than MAX_HEIGHT."""
    height = page.evaluate("() => document.documentElement.scrollHeight")
    if height > MAX_HEIGHT:
        return [f"page is {height:,} px tall, over {MAX_HEIGHT:,}"]
    return []


def check_legible(page: Page, width: int) -> list[str]:
    """Colour-key labels of the loaded page, as shown at its current width."""
    problems = []
    shown = page.evaluate(SHOWN)
    for label in shown["labels"]:
        if label["px"] < MIN_LABEL_PX or label["swatch"] < 16:
            problems.append(
                f"at {width} px: colour key {label['text']!r} at {label['px']} px,"
                f" swatch {label['swatch']:.0f} px wide"
            )
    return problems
