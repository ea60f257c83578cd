"""Layout checks in the browser: phone widths, the navigation buttons, page height, legibility.

At 320 and 390 px no page may be wider than the viewport, and the theme's
"Site navigation" and "On this page" buttons must take a click (nothing covers
them) and open their panels. At 1280 px no page may be taller than MAX_HEIGHT.
At every width, the digits in a figure's cells are at least MIN_DIGIT_PX tall
as shown, and the colour key's labels at least MIN_LABEL_PX.
"""

from __future__ import annotations

from playwright.sync_api import Error, Page

PHONE_WIDTHS = (320, 390)
MAX_HEIGHT = 20_000
MIN_DIGIT_PX = 7.0
"""Smallest height of a cell's digits as shown, in CSS px (transposed_conv.plotting's rule)."""
DIGIT_HEIGHT = 0.73
"""Height of a digit of DejaVu Sans, the figures' font, in ems."""
MIN_LABEL_PX = 12.0
"""Smallest font size of the colour key's labels, in CSS px."""
SHOWN = """() => {
  const figures = Array.from(document.querySelectorAll(".figure-scroll[data-cell-text] img"))
    .map(img => {
      // the pixels of the image file per CSS pixel of its 1x size: its srcset descriptor
      let density = 1;
      for (const part of (img.getAttribute("srcset") || "").split(",")) {
        const [url, d] = part.trim().split(/\\s+/);
        if (d && new URL(url, document.baseURI).href === img.currentSrc) density = parseFloat(d);
      }
      return {src: img.currentSrc.split("/").pop(),
              points: parseFloat(img.closest(".figure-scroll").dataset.cellText),
              shown: img.getBoundingClientRect().width, saved: img.naturalWidth / density};
    })
    // a video's frames are its width attribute wide (docs/_ext/sg_video.py; check_site
    // checks its poster is that size): no need to load it
    .concat(Array.from(document.querySelectorAll(".figure-scroll[data-cell-text] video"))
      .map(video => ({src: video.querySelector("source").getAttribute("src").split("/").pop(),
                      points: parseFloat(video.closest(".figure-scroll").dataset.cellText),
                      shown: video.getBoundingClientRect().width,
                      saved: Number(video.getAttribute("width"))})));
  const labels = Array.from(document.querySelectorAll("ul.color-key li")).map(li => ({
    text: li.textContent.trim(),
    px: parseFloat(getComputedStyle(li.querySelector("span")).fontSize),
    swatch: li.querySelector("img").getBoundingClientRect().width,
  }));
  return {figures, labels};
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
    return problems


def check_height(page: Page) -> list[str]:
    """The page at its current width must not be taller than MAX_HEIGHT."""
    height = page.evaluate("() => document.documentElement.scrollHeight")
    if height > MAX_HEIGHT:
        return [f"page is {height:,} px tall, over {MAX_HEIGHT:,}"]
    return []


def check_legible(page: Page, width: int) -> list[str]:
    """Cell digits and colour-key labels of the loaded page, as shown at its current width."""
    problems = []
    shown = page.evaluate(SHOWN)
    for fig in shown["figures"]:
        digits = DIGIT_HEIGHT * fig["points"] / 72 * 100 * fig["shown"] / fig["saved"]
        if digits < MIN_DIGIT_PX - 0.05:
            problems.append(
                f"at {width} px: {fig['src']} shows its cell digits {digits:.1f} px tall"
                f" ({fig['shown']:.0f} of {fig['saved']:.0f} px), under {MIN_DIGIT_PX}"
            )
    for label in shown["labels"]:
        if label["px"] < MIN_LABEL_PX or label["swatch"] < 16:
            problems.append(
                f"at {width} px: colour key {label['text']!r} at {label['px']} px,"
                f" swatch {label['swatch']:.0f} px wide"
            )
    return problems
