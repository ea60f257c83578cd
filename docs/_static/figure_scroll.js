// Figures kept at a minimum width so their cell values stay legible (docs/_ext/sg_legible.py):
// where the column is narrower, the frame scrolls sideways. Mark such frames so the style
// shows a cue and fades the side that continues, and let the keyboard reach them.
(() => {
  const mark = (frame) => {
    const scrolls = frame.scrollWidth > frame.clientWidth + 1;
    frame.classList.toggle("scrolls", scrolls);
    frame.classList.toggle("at-start", frame.scrollLeft <= 1);
    frame.classList.toggle(
      "at-end", frame.scrollLeft + frame.clientWidth >= frame.scrollWidth - 1);
    if (scrolls) {
      frame.tabIndex = 0;
      frame.setAttribute("role", "group");
      frame.setAttribute("aria-label", "Figure, scrolls sideways");
    } else {
      frame.removeAttribute("tabindex");
      frame.removeAttribute("role");
      frame.removeAttribute("aria-label");
    }
  };
  const resized = new ResizeObserver((entries) => entries.forEach((e) => mark(e.target)));
  document.querySelectorAll(".figure-scroll").forEach((frame) => {
    resized.observe(frame);
    frame.addEventListener("scroll", () => mark(frame), { passive: true });
  });
})();
