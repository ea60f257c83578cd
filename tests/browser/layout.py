"""Layout checks in the browser: phone widths, the navigation buttons, page height.

At 320 and 390 px no page may be wider than the viewport, and the theme's
"Site navigation" and "On this page" buttons must take a click (nothing covers
them) and open their panels. At 1280 px no page may be taller than MAX_HEIGHT.
"""

from __future__ import annotations

from playwright.sync_api import Error, Page

PHONE_WIDTHS = (320, 390)
MAX_HEIGHT = 20_000
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
BUTTONS = {
    "site navigation": ("button.primary-toggle", "#pst-primary-sidebar-modal"),
    "on this page": ("button.secondary-toggle", "#pst-secondary-sidebar-modal"),
}


def check_phone(page: Page, width: int) -> list[str]:
    """Problems of the loaded page at a phone's width (the page is resized to it)."""
    problems: list[str] = []
    page.set_viewport_size({"width": width, "height": 800})
    page.wait_for_timeout(50)
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
        page.wait_for_timeout(50)
    return problems


def check_height(page: Page) -> list[str]:
    """The page at its current width must not be taller than MAX_HEIGHT."""
    height = page.evaluate("() => document.documentElement.scrollHeight")
    if height > MAX_HEIGHT:
        return [f"page is {height:,} px tall, over {MAX_HEIGHT:,}"]
    return []
