"""Keyboard check: Tab through a page from top to bottom.

Every visible control (link, button, field, summary, video) must be reached,
focus must always be visible (an outline or a shadow on the focused element, on
its ``::before``/``::after``, on a child, on its parent, or on the card of a
sphinx-design stretched link: where the theme draws its rings), drawn by focus
(an unfocused copy looks different), on a box of non-zero size and not wholly
clipped away by an ancestor's ``overflow``, in a colour with at least 3:1
contrast against the background it is drawn on (WCAG 2.2 non-text contrast;
what makes a ring visible in dark mode as in light), and Tab must leave the page
after the last control: nothing traps it.
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
  // judge the ring as it ends, not half-way through the theme's transitions
  document.getAnimations().forEach(a => a.finish());
  // A ring counts only where it is painted: on a box of non-zero size, and not wholly cut off
  // by an ancestor that clips its overflow (sphinx-design's stretched link is zero-sized and
  // its ::after fills a card with overflow: hidden, so a ring drawn outside the ::after is lost).
  const px = v => parseFloat(v) || 0;
  const padding = e => { const b = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return {l: b.left + px(s.borderLeftWidth), t: b.top + px(s.borderTopWidth),
            r: b.right - px(s.borderRightWidth), b: b.bottom - px(s.borderBottomWidth)}; };
  const grow = (b, d) => ({l: b.l - d, t: b.t - d, r: b.r + d, b: b.b + d});
  const cut = (a, c) => ({l: Math.max(a.l, c.l), t: Math.max(a.t, c.t),
                          r: Math.min(a.r, c.r), b: Math.min(a.b, c.b)});
  const inside = (a, c) => a.l >= c.l - 0.5 && a.t >= c.t - 0.5 && a.r <= c.r + 0.5 && a.b <= c.b + 0.5;
  // the ring of a box: [outer edge, inner edge], or null when nothing is drawn
  const ring = (s, box) => {
    if (box.r - box.l <= 0 || box.b - box.t <= 0) return null;
    if (s.outlineStyle !== "none" && px(s.outlineWidth) > 0) {
      const off = px(s.outlineOffset);
      return [grow(box, off + px(s.outlineWidth)), grow(box, off)];
    }
    if (s.boxShadow !== "none") {
      const reach = (s.boxShadow.replace(/rgba?\\([^)]*\\)/g, "").match(/-?[\\d.]+px/g) || [])
        .reduce((sum, v) => sum + Math.abs(px(v)), 0);
      return s.boxShadow.includes("inset") ? [box, grow(box, -reach)] : [grow(box, reach), box];
    }
    return null;
  };
  // painted if some of the ring survives every clipping ancestor from `from` upwards
  // (an absolutely positioned box escapes the clips below its containing block)
  const painted = (s, box, from, absolute) => {
    const r = ring(s, box);
    if (!r) return false;
    let [outer, inner] = r;
    for (let a = from; a && a !== document.documentElement; a = a.parentElement) {
      const as = getComputedStyle(a);
      if (absolute) { if (as.position === "static") continue; absolute = false; }
      if (as.overflow !== "visible") outer = cut(outer, padding(a));
      if (outer.r <= outer.l || outer.b <= outer.t) return false;
    }
    return !inside(outer, inner);
  };
  const own = e => { const b = e.getBoundingClientRect(); const s = getComputedStyle(e);
    return painted(s, {l: b.left, t: b.top, r: b.right, b: b.bottom}, e.parentElement,
                   s.position === "absolute"); };
  const pseudo = (e, p) => {
    const s = getComputedStyle(e, p);
    if (s.content === "none" || s.display === "none") return false;
    const w = px(s.width), h = px(s.height);
    let origin = e, absolute = s.position === "absolute";
    if (absolute) {  // placed in its containing block, the nearest positioned ancestor
      origin = e.parentElement;
      while (origin && getComputedStyle(origin).position === "static") origin = origin.parentElement;
      origin = origin || document.documentElement;
    }
    const o = absolute ? padding(origin) : padding(e);
    const l = o.l + (absolute ? px(s.left) : 0), t = o.t + (absolute ? px(s.top) : 0);
    return painted(s, {l, t, r: l + w, b: t + h}, e, absolute);
  };
  // ... and only a ring that focus draws: an unfocused copy of the box (inserted beside it for
  // a moment) must look different, so a card's permanent shadow is not taken for a focus ring
  const look = s => [s.outlineStyle, s.outlineWidth, s.outlineColor, s.outlineOffset, s.boxShadow]
    .join(" ");
  // (the copy is of `root`, the focused element or the card, holding `e`: a child's ring is
  // often drawn by a rule on its focused parent)
  const focusDrawn = (root, e, p) => {
    const path = [];
    for (let n = e; n !== root; n = n.parentElement) path.unshift(n);
    const copy = root.cloneNode(true);
    copy.removeAttribute("id");
    root.after(copy);
    let twin = copy;
    for (const n of path) twin = twin.children[Array.from(n.parentElement.children).indexOf(n)];
    const plain = look(getComputedStyle(twin, p));
    copy.remove();
    return look(getComputedStyle(e, p)) !== plain;
  };
  const card = el.classList.contains("sd-stretched-link") ? el.closest(".sd-card") : null;
  // the theme rings its search form (:focus-within), not the field inside
  const box = el.parentElement;
  const candidates = [[el, el, null, own(el)]]
    .concat(["::before", "::after"].map(p => [el, el, p, pseudo(el, p)]))
    .concat(Array.from(el.children).map(c => [el, c, null, own(c)]))
    .concat(card === null ? [] : [[card, card, null, own(card)]])
    .concat(box === null ? [] : [[box, box, null, own(box)]]);
  const found = candidates.find(([root, e, p, ok]) => ok && focusDrawn(root, e, p));
  // the ring's contrast with what it is drawn on: the first opaque-ish background behind it
  // (the box's own for a ring drawn inside it, its parent's for one drawn outside)
  const rgba = c => (c.match(/[\\d.]+/g) || []).map(Number).concat([1]).slice(0, 4);
  const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  let contrast = null;
  if (found) {
    const [, e, p] = found;
    const s = getComputedStyle(e, p);
    const outline = s.outlineStyle !== "none" && px(s.outlineWidth) > 0;
    const colour = rgba(outline ? s.outlineColor
      : (s.boxShadow.match(/rgba?\\([^)]*\\)/) || ["rgb(0, 0, 0)"])[0]);
    const inside = outline ? px(s.outlineOffset) + px(s.outlineWidth) <= 0
      : s.boxShadow.includes("inset");
    let back = [255, 255, 255, 1];
    for (let a = p || inside ? e : e.parentElement; a; a = a.parentElement) {
      const bg = rgba(getComputedStyle(a).backgroundColor);
      if (bg[3] > 0.5) { back = bg; break; }
    }
    const ring = colour.slice(0, 3).map((v, i) => v * colour[3] + back[i] * (1 - colour[3]));
    const [hi, lo] = [luminance(ring), luminance(back)].sort((x, y) => y - x);
    contrast = (hi + 0.05) / (lo + 0.05);
  }
  return {
    index: el.getAttribute("data-kbd"),
    name: el.tagName.toLowerCase() + " "
      + (el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40),
    visible: Boolean(found),
    contrast,
  };
}"""
MIN_CONTRAST = 3.0
"""WCAG 2.2's non-text contrast for a focus indicator against what it is drawn on."""


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
        elif focused["contrast"] < MIN_CONTRAST:
            problems.append(
                f"focus ring on {focused['name']!r} at {focused['contrast']:.2f}:1 against its"
                f" background (at least {MIN_CONTRAST}:1)"
            )
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
