"""Keyboard check: Tab through a page from top to bottom.

Every visible control (link, button, field, summary, video) must be reached,
focus must always be visible (an outline or a shadow on the focused element, on
its ``::before``/``::after``, or on a child: where the theme draws its rings),
and Tab must leave the page after the last control: nothing traps it.
"""

from __future__ import annotations

from playwright.sync_api import Page

MARK_CONTROLS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, video[controls], '
    + '[tabindex]:not([tabindex="-1"])';
  const controls = Array.from(document.querySelectorAll(selector)).filter(el =>
    !el.disabled && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true})
    && !el.closest("[inert], dialog:not([open])"));
  controls.forEach((el, i) => el.setAttribute("data-kbd", String(i)));
  return controls.length;
}"""
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // a ring on the element, on its ::before/::after (sphinx-design's cards) or on a child
  // (the theme's sidebar toggles draw it on the chevron inside the summary)
  const drawn = s => (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0)
    || s.boxShadow !== "none";
  const sized = e => { const b = e.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  const visible = (drawn(getComputedStyle(el)) && sized(el))
    || ["::before", "::after"].some(p => drawn(getComputedStyle(el, p)))
    || Array.from(el.children).some(c => drawn(getComputedStyle(c)) && sized(c));
  return {
    index: el.getAttribute("data-kbd"),
    name: el.tagName.toLowerCase() + " "
      + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    visible,
  };
}"""


def check_keyboard(page: Page) -> list[str]:
    """Problems met tabbing through the loaded page once."""
    problems: list[str] = []
    count = page.evaluate(MARK_CONTROLS)
    page.evaluate("() => { document.activeElement?.blur(); window.scrollTo(0, 0); }")
    reached: set[str] = set()
    last = None
    for _ in range(2 * count + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break  # focus has left the page: the end of the tab order
        if focused["index"] is not None and focused["index"] == last:
            continue  # the next of a video's own controls (its shadow DOM draws their focus)
        last = focused["index"]
        if focused["index"] is not None:
            if focused["index"] in reached:
                problems.append(f"focus came back to {focused['name']!r}: a trap")
                break
            reached.add(focused["index"])
        if not focused["visible"]:
            problems.append(f"no visible focus on {focused['name']!r}")
    else:
        problems.append(f"Tab never left the page after {2 * count + 10} presses")
    missed = page.evaluate(
        """(reached) => Array.from(document.querySelectorAll('[data-kbd]'))
             .filter(el => !reached.includes(el.getAttribute('data-kbd')))
             .map(el => el.tagName.toLowerCase() + ' ' + (el.textContent || '').trim().slice(0, 40))""",
        sorted(reached),
    )
    problems.extend(f"not reachable by Tab: {name!r}" for name in missed[:10])
    return problems
