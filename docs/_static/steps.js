// Step-through players of the site's animations (docs/_ext/sg_figures.py). Each player shows
// one step at a time: its panels, and its sentence under them. Previous and Next step (so do
// the Left and Right arrow keys, Home and End, anywhere in the player); Play advances one step
// every 2 seconds and stops at the last, where it offers Restart. Nothing moves until the reader
// asks, and readers who ask their system for reduced motion step by hand (site.css hides Play).
// Without this script the player shows its first step with the sentence of every step; with
// it, the list of sentences folds under a button.
(() => {
  const STEP_MS = 2000;

  const player = (figure) => {
    const data = JSON.parse(figure.querySelector(".tcf-frames").textContent);
    const sentences = Array.from(figure.querySelectorAll(".tcf-transcript li"), (li) => li.textContent);
    const panels = Array.from(figure.querySelectorAll(".tcf-panels .tcf-panel"));
    const now = figure.querySelector(".tcf-now");
    const controls = figure.querySelector(".tcf-controls");
    const [prev, play, next] = ["prev", "play", "next"].map((d) => controls.querySelector(`[data-do="${d}"]`));
    const last = sentences.length - 1;
    let step = 0;
    let timer = null;

    const preload = (n) => {
      if (n <= last) data.srcs[n].forEach((src) => { new Image().src = src; });
    };
    const label = () => {
      play.textContent = timer ? "Pause" : step === last ? "Restart" : "Play";
      play.setAttribute("aria-pressed", String(Boolean(timer)));
    };
    const show = (n) => {
      step = Math.max(0, Math.min(last, n));
      panels.forEach((panel, k) => {
        const img = panel.querySelector("img");
        const title = panel.querySelector(".tcf-title");
        img.src = data.srcs[step][k];
        if (title) title.textContent = data.titles[step][k];
        img.alt = [data.titles[step][k], data.alts[step][k]].filter(Boolean).join(": ");
      });
      now.textContent = `Step ${step + 1} of ${last + 1}: ${sentences[step]}`;
      prev.disabled = step === 0;
      next.disabled = step === last;
      label();
      preload(step + 1);
    };
    const stop = () => {
      clearTimeout(timer);
      timer = null;
      label();
    };
    const advance = () => {
      show(step + 1);
      if (step === last) stop();
      else timer = setTimeout(advance, STEP_MS);
    };
    const by = (n) => {
      stop();
      show(n);
      // a button that just became disabled loses the focus: give it to the other one
      if (document.activeElement?.disabled) (step === last ? prev : next).focus();
    };

    prev.addEventListener("click", () => by(step - 1));
    next.addEventListener("click", () => by(step + 1));
    play.addEventListener("click", () => {
      if (timer) return stop();
      if (step === last) show(0);
      timer = setTimeout(advance, STEP_MS);
      label();
    });
    figure.addEventListener("keydown", (event) => {
      const to = { ArrowLeft: step - 1, ArrowRight: step + 1, Home: 0, End: last }[event.key];
      if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      by(to);
    });

    const all = figure.querySelector("button.tcf-all");
    const list = figure.querySelector(".tcf-transcript ol");
    all.addEventListener("click", () => {
      all.setAttribute("aria-expanded", String(list.classList.toggle("tcf-open")));
    });
    all.hidden = false;
    controls.hidden = false;
    show(0);
  };

  document.querySelectorAll(".tcf-steps").forEach(player);
})();
