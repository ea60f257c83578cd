// The explorer's page: settings beside three linked views, the finder and the code. It keeps
// the state and draws it (the math and the words come from tconv.mjs and text.mjs); a hover,
// click or key changes only the marks and the traced sum.
import * as tc from "./tconv.mjs";
import * as tx from "./text.mjs";
import LIMITS from "./limits.mjs";
import { formatHash, readHash } from "./address.mjs";
import { DECIMALS_WORD, cellText, formatUnits, parseValue, showUnits } from "./exact.mjs";
import { cellTable, cellWidth, el, fitFont } from "./dom.mjs";

const AXES = { 1: ["length"], 2: ["rows", "columns"] };
const PARAMS = [
  ["i", "Input size", "i′", ""],
  ["k", "Kernel size", "k", "kernel_size"],
  ["s", "Stride", "s", "stride"],
  ["p", "Padding", "p", "padding"],
  ["a", "Output padding", "a", "output_padding"],
  ["d", "Dilation", "d", "dilation"],
];
const STAMP_MS = 2000; // Play's pace: one stamp every 2 s, as the gallery's animations
const CHECKERBOARD = "gallery/practice/plot_01_checkerboard.html";

const root = document.getElementById("tconv-explorer");
const first = readHash(location.hash);
const view = {
  state: first.state,
  notes: first.notes,
  focus: null, // the output shown; pinned: the one a click or key chose (a hover passes)
  pinned: null,
  step: -1, // the stamp added last; -1: all
  timer: null,
  editing: null, // the control typed in (key and axis, or x/w and index) until it loses focus
  last: null, // the last committed edit's control and time: a quick repeat amends its entry
  mem: { 1: { x: new Map(), w: new Map() }, 2: { x: new Map(), w: new Map() } },
  last2D: null,
};
const parts = {};
let fig = null; // the drawn views' cells, for the highlights
let lit = new Map(); // the marks shown: node -> classes (kept across drawings: the editors stay)
let next = new Map(); // the marks being gathered by light()

const grid2 = (shape) => (shape.length === 1 ? [1, shape[0]] : shape);
const posOf = (r, c, dim) => (dim === 1 ? [c] : [r, c]);
const same = (u, v) => Boolean(u && v && u.length === v.length && u.every((x, ax) => x === v[ax]));
const minus = (v) => String(v).replace(/^-/, "\u2212");
const rangeOf = (key, dim) => (key === "i" ? tc.RANGES.i[dim] : tc.RANGES[key]);
const clamp = (v, [lo, hi]) => Math.min(hi, Math.max(lo, v));

// --- the reader's values, kept across size changes and the 1-D/2-D switch

function remember(state) {
  for (const [key, shapeKey] of [["x", "i"], ["w", "k"]]) {
    const shape = state[shapeKey];
    if (state[key].length !== tc.prod(shape) || tc.prod(shape) > 4096) continue;
    state[key].forEach((v, j) => {
      const pos = tc.unravel(j, shape);
      view.mem[state.dim][key].set(pos.join(","), v);
      if (state.dim === 2 && pos[0] === 0) view.mem[1][key].set(String(pos[1]), v);
      if (state.dim === 1) view.mem[2][key].set(`0,${pos[0]}`, v);
    });
  }
}

function recall(dim, key, shape) {
  return tc.defaultValues(tc.prod(shape), key).map((v, j) => view.mem[dim][key].get(tc.unravel(j, shape).join(",")) ?? v);
}

function shapeOk(state) {
  return ["i", "k"].every((key) => state[key].every((v) => Number.isSafeInteger(v) && v >= rangeOf(key, state.dim)[0] && v <= rangeOf(key, state.dim)[1]));
}

// --- state changes and the address

/** Show a state; "push" makes a history entry (Back undoes it), "replace" amends the last. */
function apply(state, how) {
  const changed = formatHash(state) !== formatHash(view.state);
  announceSize(view.state, state);
  view.state = state;
  if (shapeOk(state)) remember(state);
  if (how && changed) history[how === "push" ? "pushState" : "replaceState"](null, "", "#" + formatHash(state));
  if (view.notes.length) view.notes = [];
  render();
}

/** A setting changed: a polite status says y's size (an alert says what is wrong instead). */
function announceSize(before, state) {
  const settings = (st) => JSON.stringify([st.dim, ...tc.AXIS_KEYS.map((key) => st[key])]);
  if (settings(before) === settings(state)) return;
  const shape = (st) => (tc.validate(st) ? null : tc.sizes(st).map((z) => z.out));
  const now = shape(state);
  parts.sizeStatus.textContent = now ? tx.sizeStatus(now, shape(before)) : "";
}

function fromAddress() {
  const { state, notes } = readHash(location.hash);
  if (formatHash(state) === formatHash(view.state) && !notes.length) return;
  restart();
  view.state = state;
  view.notes = notes;
  view.last = null;
  if (shapeOk(state)) remember(state);
  rewriteAddress();
  render();
  // a note about an address typed while the page was open: brought on screen
  if (notes.length) parts.notes.scrollIntoView({ block: "nearest" });
}

/** An address in short (or with values not taken) is written out as shown. */
function rewriteAddress() {
  if (location.hash.length > 1 && location.hash.slice(1) !== formatHash(view.state)) {
    history.replaceState(null, "", "#" + formatHash(view.state));
  }
}

/** A new state from elsewhere (the address, a button): no playing, no stamp, focus anew. */
function restart() {
  stopPlay();
  view.focus = view.pinned = null;
  view.step = -1;
}

/** A committed edit makes a history entry (Back undoes it), unless it continues the last one: the
 * same box typed in, or the same setting stepped within a second. */
function commit(control, state) {
  const now = Date.now();
  const again = view.last?.control === control && (view.editing === control || now - view.last.t < 1000);
  view.last = { control, t: now };
  const said = parts.alert.hidden ? "" : parts.alert.textContent;
  apply(state, again ? "replace" : "push");
  // a refused setting's message on screen (on a phone: below the fold)
  if (!parts.alert.hidden && parts.alert.textContent !== said) bringIntoSight(parts.alert);
}

/** A message below the screen (or the pane's shown part) scrolled into sight. */
function bringIntoSight(msg) {
  const pane = msg.closest(".tce-pane").getBoundingClientRect();
  if (msg.getBoundingClientRect().bottom > Math.min(innerHeight, pane.bottom)) msg.scrollIntoView({ block: "nearest" });
}

function setDim(dim) {
  const s = view.state;
  if (dim === s.dim) return;
  const state = { dim };
  if (dim === 1) {
    view.last2D = tc.cloneState(s);
    for (const key of tc.AXIS_KEYS) state[key] = [clamp(s[key][s[key].length - 1], rangeOf(key, 1))];
  } else {
    const back = view.last2D;
    for (const key of tc.AXIS_KEYS) {
      const v = clamp(s[key][0], rangeOf(key, 2));
      state[key] = [back ? clamp(back[key][0], rangeOf(key, 2)) : v, v];
    }
  }
  state.x = recall(dim, "x", state.i);
  state.w = recall(dim, "w", state.k);
  restart();
  apply(state, "push");
}

function randomState() {
  const r = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));
  const dim = view.state.dim;
  for (;;) {
    const state = { dim, i: [], k: [], s: [], p: [], a: [], d: [] };
    for (let ax = 0; ax < dim; ax++) {
      const s = r(1, 3), d = Math.random() < 0.8 ? 1 : r(2, 3), k = r(1, 4);
      for (const [key, v] of Object.entries({ i: r(1, 12 - 4 * dim), k, s, d, p: r(0, ((k - 1) * d) >> 1), a: r(0, Math.max(s, d) - 1) })) state[key].push(v);
    }
    state.x = Array.from({ length: tc.prod(state.i) }, () => r(-3, 9));
    state.w = Array.from({ length: tc.prod(state.k) }, () => r(-2, 5));
    if (!tc.validate(state)) return restart(), apply(state, "push");
  }
}

// --- text that is not a value: marked at the box, explained beside it, put back on leaving
// the box or on Esc

const badText = new Map(); // input -> its sentence

function markText(input, problem, inUse) {
  if (problem) badText.set(input, `${input.getAttribute("aria-label")}: ${problem}; the views use ${inUse}`);
  else badText.delete(input);
  showEdits();
}

function showEdits() {
  for (const input of badText.keys()) if (!input.isConnected) badText.delete(input);
  for (const input of root.querySelectorAll("input[data-edit]")) {
    input.setAttribute("aria-invalid", String(badText.has(input) || input.dataset.bad === "true"));
  }
  // settings: under the steppers; values of x and w: under the figure they are typed in
  for (const [msg, isSetting] of [[parts.editMsg, true], [parts.valueMsg, false]]) {
    const texts = [...badText].filter(([input]) => "control" in input.dataset === isSetting).map(([, text]) => text);
    const words = texts.length ? `${texts.join(". ")}. Esc or leaving the box puts the number in use back.` : "";
    if (msg.textContent !== words) msg.textContent = words;
    const shown = msg.hidden && texts.length;
    msg.hidden = !texts.length;
    // a new message on screen (x and w's boxes may be low on it)
    if (shown && msg.getBoundingClientRect().bottom > innerHeight) msg.scrollIntoView({ block: "nearest" });
  }
}

/** Leaving the box (or Esc): text that is not a value gives way to the number in use. */
function leaveBox(input, inUse, left) {
  if (left && view.editing === input.dataset.id) view.editing = null;
  if (left && view.last?.control === input.dataset.id) view.last = null; // typing there again: a new entry
  if (!badText.has(input)) return;
  badText.delete(input);
  input.value = inUse();
  showEdits();
}

/** The listeners of a box typed in: input (a change), change, blur and Esc. */
function boxEvents(id, onInput, inUse) {
  return {
    "data-id": id,
    oninput: (e) => {
      view.editing = id;
      onInput(e.target);
    },
    onchange: (e) => leaveBox(e.target, inUse, false),
    onblur: (e) => leaveBox(e.target, inUse, true),
    onkeydown: (e) => {
      if (e.key === "Escape" && badText.has(e.target)) {
        e.preventDefault();
        leaveBox(e.target, inUse, false);
      }
    },
  };
}

function onSetting(key, ax, input) {
  const text = input.value.trim();
  if (!/^-?\d+$/.test(text)) {
    const why = text ? `“${text}” is not a whole number` : "the box is empty or holds no number";
    return markText(input, why, view.state[key][ax]);
  }
  markText(input, null);
  commit(`${key}${ax}`, withSetting(key, ax, Number(text)));
}

/** The state with one setting changed; a new size takes the values the reader left there. */
function withSetting(key, ax, v) {
  const state = tc.cloneState(view.state);
  state[key][ax] = v;
  if (shapeOk(state)) {
    state.x = recall(state.dim, "x", state.i);
    state.w = recall(state.dim, "w", state.k);
  }
  stopPlay();
  view.step = -1;
  return state;
}

function stepSetting(key, ax, delta) {
  const v = clamp(view.state[key][ax] + delta, rangeOf(key, view.state.dim));
  if (v !== view.state[key][ax]) commit(`${key}${ax}`, withSetting(key, ax, v));
}

function onValue(key, j, input) {
  const v = parseValue(input.value);
  if (v === null) {
    const text = input.value.trim();
    const why = text ? `“${text}” is not a number with at most ${DECIMALS_WORD} decimal places` : "the box is empty";
    return markText(input, why, tx.valueText(view.state[key][j]));
  }
  markText(input, null);
  if (v === view.state[key][j]) return;
  const state = tc.cloneState(view.state);
  state[key][j] = v;
  commit(`${key}${j}`, state);
}

// --- the settings pane, built once per dimension

function buildPane() {
  // 1-D or 2-D: two toggle buttons, each a tab stop
  parts.dims = el("div", { class: "tce-dims", role: "group", "aria-label": "Dimensions" },
    ...[1, 2].map((dim) => button(`${dim}-D`, () => setDim(dim), { id: `tce-dim-${dim}`, "data-dim": dim })));
  parts.params = el("div", { class: "tce-params" });
  parts.formula = el("div", { class: "tce-formula", "aria-live": "off" });
  parts.notes = el("div", { role: "status", class: "tce-notes" });
  parts.alert = el("div", { role: "alert", class: "tce-alert" });
  parts.editMsg = el("p", { role: "status", class: "tce-editmsg", id: "tce-editmsg", hidden: true });
  parts.sizeStatus = el("p", { role: "status", class: "tce-sr", id: "tce-size-status" });
  parts.valueMsg = el("p", { role: "status", class: "tce-editmsg", id: "tce-valuemsg", hidden: true });
  const random = button("Random", randomState);
  const reset = button("The walk-through's example", () => (restart(), apply(tc.cloneState(tc.DEFAULT_2D), "push")));
  // what needs reading first comes first: the pane scrolls when taller than the screen
  return el("section", { class: "tce-pane", "aria-labelledby": "tce-h-settings" },
    el("div", { class: "tce-pane-head" }, el("h2", { id: "tce-h-settings", text: "Settings" }), parts.dims),
    parts.notes, parts.params, parts.editMsg, parts.alert, parts.sizeStatus, parts.formula,
    el("div", { class: "tce-row" }, random, reset));
}

function buildParams() {
  const { dim } = view.state;
  const axes = AXES[dim];
  const head = el("tr", {}, el("th", { scope: "col", text: "Setting" }), ...axes.map((a) => el("th", { scope: "col", text: a })));
  const rows = PARAMS.map(([key, name, sym, code]) => {
    const [lo, hi] = rangeOf(key, dim);
    const cells = axes.map((axis, ax) => {
      const label = `${name} ${sym}${dim === 2 ? `, ${axis}` : ""}`;
      const input = el("input", {
        type: "number", min: lo, max: hi, step: 1, value: view.state[key][ax], inputmode: "numeric",
        "data-control": key, "data-axis": ax, "data-edit": "", "aria-label": label, "aria-describedby": "tce-editmsg",
        ...boxEvents(`${key}${ax}`, (input) => onSetting(key, ax, input), () => String(view.state[key][ax])),
      });
      const btn = (delta) => el("button", {
        type: "button", tabindex: "-1", class: "tce-step-btn", text: delta < 0 ? "−" : "+",
        "aria-label": `${label}: ${delta < 0 ? "one less" : "one more"}`, onclick: () => stepSetting(key, ax, delta),
      });
      return el("td", {}, el("span", { class: "tce-stepper-ctl" }, btn(-1), input, btn(1)));
    });
    const th = el("th", { scope: "row" }, el("var", { text: sym }), ` ${name.toLowerCase()}`);
    if (code) th.append(el("code", {}, ...code.split(/(?<=_)/).flatMap((part, j) => (j ? [el("wbr"), part] : [part]))));
    return el("tr", {}, th, ...cells);
  });
  const r = (key) => rangeOf(key, dim).join("–");
  const caption = el("caption", { text: `Ranges: i′ ${r("i")}, k ${r("k")}, s ${r("s")}, p ${r("p")}, a ${r("a")} (below the larger of s and d), d ${r("d")}. Arrow keys step a box.` });
  parts.params.replaceChildren(el("table", {}, caption, el("thead", {}, head), el("tbody", {}, ...rows)));
  parts.paramsDim = dim;
}

function syncPane(state, why, every) {
  for (const b of parts.dims.children) b.setAttribute("aria-pressed", String(Number(b.dataset.dim) === state.dim));
  if (parts.paramsDim !== state.dim) buildParams();
  for (const input of parts.params.querySelectorAll("input")) {
    const key = input.dataset.control, ax = Number(input.dataset.axis);
    const v = String(state[key][ax]);
    if (input.value !== v && document.activeElement !== input) input.value = v;
    const bad = Boolean(why) && ((tc.NAMES[key] === why.param && (why.axis == null || why.axis === ax)) || every.some((q) => q.key === key && q.ax === ax));
    input.dataset.bad = String(bad);
  }
  showEdits();
  parts.notes.replaceChildren(...(view.notes.length
    ? [el("p", { text: `The address asked for ${view.notes.length === 1 ? "something" : "things"} the explorer cannot show as written; the address now holds what it shows:` }),
      el("ul", {}, ...view.notes.map((n) => el("li", { text: n.text })))]
    : []));
  parts.notes.hidden = !view.notes.length;
}

/** Every setting that needs changing, each with its control (key, axis) and a sentence. */
function settingProblems(state) {
  const out = [];
  const where = (ax) => (state.dim === 2 ? ` (${AXES[2][ax]})` : "");
  const bad = (ax, ...keys) => out.some((q) => q.ax === ax && keys.includes(q.key));
  for (const [key, name, sym] of PARAMS) {
    const [lo, hi] = rangeOf(key, state.dim);
    state[key].forEach((v, ax) => {
      if (!(v >= lo && v <= hi)) out.push({ key, ax, message: `${name} ${sym}${where(ax)} must be ${lo} to ${hi}, got ${v}` });
    });
  }
  state.a.forEach((a, ax) => {
    const [s, d] = [state.s[ax], state.d[ax]];
    if (!bad(ax, "a", "s", "d") && a >= Math.max(s, d)) out.push({ key: "a", ax, message: `Output padding a${where(ax)} must be smaller than the stride ${s} or the dilation ${d}, got ${a}` });
  });
  state.p.forEach((p, ax) => {
    if (!bad(ax, ...tc.AXIS_KEYS) && tc.outputSize(...tc.AXIS_KEYS.map((key) => state[key][ax])) < 1) out.push({ key: "p", ax, message: `Padding p${where(ax)} = ${p} crops the whole output` });
  });
  return out;
}

function showProblems(why, every) {
  parts.alert.hidden = !why;
  if (!why) return parts.alert.replaceChildren();
  const whose = why.message.includes("in the explorer") ? "The explorer cannot show these settings"
    : why.param === "x" || why.param === "weight" ? "The explorer refuses these values" : "PyTorch and transposed_conv refuse these settings";
  parts.alert.replaceChildren(el("p", { text: `${whose}: ${why.message}.` }));
  if (every.length > 1) parts.alert.append(el("p", { text: `Every setting to fix (${every.length}):` }), el("ul", {}, ...every.map((q) => el("li", { text: q.message }))));
}

// --- the views' skeleton

/** A captioned table: the caption names it (aria-labelledby); scrolled sideways when too wide
 * for the screen (scroll), the caption staying in sight. */
function block(id, text, table, scroll = false) {
  table.setAttribute("aria-labelledby", id);
  return el("div", { class: "tce-block" }, el("p", { class: "tce-cap", id, text }), scroll ? el("div", { class: "tce-scroll" }, table) : table);
}

function button(text, onclick, attrs = {}) {
  return el("button", { type: "button", text, onclick, ...attrs });
}

/** A legend: each swatch on a light tile, so black marks show in the dark theme too. */
function legend(items) {
  return el("ul", { class: "tce-legend" }, ...items.map(([cls, text]) =>
    el("li", {}, el("span", { class: "tce-tile", "aria-hidden": "true" }, el("span", { class: `tce-swatch ${cls}` })), text)));
}

function trace(id) {
  return el("p", { class: "tce-trace", id }, document.createTextNode(""));
}

/** The traced sums; a term such as "x[0, 1]·w[2, 2]" does not break inside. */
function showTrace(texts) {
  parts.traces.forEach((tr, j) => {
    const text = texts[j].replace(/, /g, ",\u00a0");
    if (tr.firstChild.data !== text) tr.firstChild.data = text;
  });
}

/** Fix the traces' height to the longest sum in this state (in full, or as far as any stamp
 * goes): a new sum then moves nothing. */
function sizeTrace(state, outShape) {
  const n = tc.prod(outShape);
  const counts = Array.from({ length: n }, (_, r) => tc.tapsOf(state, tc.unravel(r, outShape)));
  const most = Math.max(...counts.map((taps) => taps.length));
  let longest = "";
  counts.forEach((taps, r) => {
    if (taps.length !== most) return;
    const o = tc.unravel(r, outShape);
    for (const step of [-1, ...taps.map((q) => q.x)]) {
      const text = tx.sumText(state, o, step);
      if (text.length > longest.length) longest = text;
    }
  });
  for (const tr of parts.traces) {
    tr.classList.remove("tce-fixed");
    tr.style.height = "";
  }
  const [tr] = parts.traces;
  showTrace([longest, "", ""]);
  const height = `${tr.offsetHeight}px`;
  for (const t of parts.traces) {
    t.style.height = height;
    t.classList.add("tce-fixed");
  }
}

function buildViews() {
  parts.editors = el("div", { class: "tce-editors" });
  parts.prev = button("◀ Prev", () => step(-1));
  parts.play = button("▶ Play", togglePlay, { class: "tce-play", "aria-pressed": "false" });
  parts.next = button("Next ▶", () => step(1));
  parts.all = button("All stamps", () => (stopPlay(), setStep(-1)));
  parts.stepText = el("p", { class: "tce-step-text", role: "status" });
  parts.scatter = el("div", { class: "tce-canvas" });
  parts.traces = [trace("tce-sum"), trace("tce-sum-2"), trace("tce-sum-3")];
  parts.lead = el("p", { class: "tce-lead" });
  parts.sizeText = el("div", { class: "tce-sizes" });
  parts.valuesNote = el("p", { class: "tce-note" });
  parts.direct = el("div", { class: "tce-direct" });
  parts.directText = el("p");
  parts.matrix = el("div", { class: "tce-scroll" });
  parts.matrixText = el("p");
  const stepper = el("div", { class: "tce-stepper", role: "group", "aria-label": "Add the stamps one at a time" }, parts.prev, parts.play, parts.next, parts.all);
  const v1 = el("section", { class: "tce-view", id: "tce-view-1", "aria-labelledby": "tce-h-scatter" },
    el("h3", { id: "tce-h-scatter", text: "1. Scatter-add: every input value stamps the kernel" }),
    parts.lead,
    el("div", { class: "tce-xw" }, parts.editors, parts.valueMsg, parts.scatter), parts.traces[0], stepper, parts.stepText, parts.valuesNote,
    legend([
      ["tce-in", "input x"], ["tce-kernel", "kernel w (inner ring)"], ["", "output y"],
      ["tce-hl", "solid black-and-white outline: the output in focus and the inputs and taps that reach it"],
      ["tce-in tce-current", "double outline, black corner: the input being stamped"],
      ["tce-stamp", "double outline: the cells its stamp adds to (small numbers: what it adds)"],
      ["tce-crop", "cross-hatched: cropped by the padding, not part of y"],
      ["tce-added", "dashed outline: added by output padding"],
      ["tce-framed", "thick frame: the output y inside the full result"],
    ]),
    parts.sizeText);
  const v2 = el("section", { class: "tce-view", id: "tce-view-2", "aria-labelledby": "tce-h-direct" },
    el("h3", { id: "tce-h-direct", text: "2. The same sums as a direct convolution" }),
    parts.directText, parts.direct, parts.traces[1],
    legend([["tce-in", "input value"], ["tce-zero", "hatched grey: inserted zero"], ["tce-pad", "dotted straw: padding"], ["tce-in tce-win", "outlined: the window under the rotated kernel"], ["tce-kernel", "rotated kernel, with the tap of w each cell holds"]]),
    el("h4", { text: "Why the kernel is rotated" }),
    el("p", { text: "Input x[m] sends tap w[u] to output y[s·m + d·u − p]. Fix one output: the later the input, the earlier the tap that reaches it. A window reading the inputs left to right (and top to bottom) therefore meets the taps right to left (and bottom to top): the direct convolution's kernel is w turned by 180°. Hover an output and compare the tap names in the rotated kernel with the taps outlined in view 1." }));
  const v3 = el("section", { class: "tce-view", id: "tce-view-3", "aria-labelledby": "tce-h-matrix" },
    el("h3", { id: "tce-h-matrix", text: "3. The matrix Cᵀ" }),
    parts.matrixText, parts.matrix, parts.traces[2],
    legend([["tce-m", "a weight of w (non-zero entry)"], ["tce-m0", "zero entry"], ["tce-hl", "outlined: the focused output's row and the inputs it reads"]]));
  parts.views = el("div", { class: "tce-views" }, v1, v2, v3);
  // over the views, taking no room: the page does not jump when the settings become invalid
  parts.waiting = el("div", { class: "tce-waiting", hidden: true }, el("p"));
  return el("div", { class: "tce-main" }, parts.waiting, parts.views);
}

// --- drawing a state

/** A cell's size for cols columns to fit the views' width (read once a drawing). */
function cellSize(cols) {
  return Math.max(24, Math.min(34, Math.floor((fig.width - 40) / Math.max(cols, 1))));
}

/** A table's cell style: size px tall, and wide enough for the longest of texts. */
function cellStyle(size, texts, font) {
  const width = cellWidth(texts, size, font);
  return { width, style: `--cell: ${size}px; --cellw: ${width}px` };
}

/** The texts cells show for values in units of 10^-places. */
const textsOf = (units, places) => units.map((u) => cellText(u, places).text);

/** Write a number into a cell size px tall and width px wide (default: square), touching only
 * what differs. */
function setNumber(td, units, places, size, width = size) {
  const t = cellText(units, places);
  const box = td.firstElementChild?.classList.contains("tce-n") ? td.firstElementChild : td;
  const text = box.firstChild;
  if (text && text.nodeType === 3 && !text.nextSibling) {
    if (text.data !== t.text) text.data = t.text;
  } else {
    box.textContent = t.text;
  }
  const font = fitFont(t.text, size, width);
  const fs = font < size * 0.42 - 0.01 ? `${font}px` : "";
  if (box.style.fontSize !== fs) box.style.fontSize = fs;
  const title = t.exact ? null : showUnits(units, places);
  if (title !== td.getAttribute("title")) {
    if (title === null) td.removeAttribute("title");
    else td.setAttribute("title", title);
  }
  return t.exact;
}

function buildEditors() {
  const { state } = view;
  const tables = [["x", "i", "input", "Input x"], ["w", "k", "kernel", "Kernel w"]].map(([key, shapeKey, role, name]) => {
    const shape = state[shapeKey];
    const [rows, cols] = grid2(shape);
    const id = `tce-cap-${key}`;
    const { table, cells } = cellTable({
      rows, cols,
      rowLabel: (r) => (state.dim === 1 ? key : String(r)),
      attrs: { class: `tce-cells tce-${role}`, style: "--cell: 40px" },
      cell: (r, c, td) => {
        const pos = posOf(r, c, state.dim);
        const j = tc.ravel(pos, shape);
        td.dataset.role = role;
        td.dataset.index = pos.join(",");
        td.dataset.value = String(state[key][j]);
        td.append(el("input", {
          type: "text", value: tx.valueText(state[key][j]), spellcheck: "false", autocomplete: "off",
          "data-edit": "", "data-key": key, "data-flat": j, "aria-label": `${key}[${pos.join(", ")}]`, "aria-describedby": "tce-valuemsg",
          ...boxEvents(`${key}${j}`, (input) => onValue(key, j, input), () => tx.valueText(view.state[key][j])),
        }));
      },
    });
    parts[`${key}Cells`] = cells; // row-major: cells[j] holds value j
    parts[`${key}Table`] = table;
    return block(id, `${name} (${shape.join(" × ")})`, table, true);
  });
  parts.editors.replaceChildren(...tables);
  parts.editorShape = JSON.stringify([state.dim, state.i, state.k]);
}

function syncEditors() {
  const { state } = view;
  if (parts.editorShape !== JSON.stringify([state.dim, state.i, state.k])) buildEditors();
  for (const input of parts.editors.querySelectorAll("input")) {
    const v = view.state[input.dataset.key][Number(input.dataset.flat)];
    input.parentElement.dataset.value = String(v);
    if (document.activeElement !== input && !badText.has(input)) input.value = tx.valueText(v);
  }
  // wide enough for the longest value at 14 px, inside the focus ring (7 px a side)
  for (const key of ["x", "w"]) {
    const width = `${cellWidth(state[key].map(tx.valueText), 40, 14, 20)}px`;
    if (parts[`${key}Table`].style.getPropertyValue("--cellw") !== width) parts[`${key}Table`].style.setProperty("--cellw", width);
  }
}

/** Hovering a cell that names an output shows it while the pointer stays; a click keeps it. */
function hoverable(table) {
  const pos = (e) => e.target.closest("td[data-pos]")?.dataset.pos.split(",").map(Number);
  table.addEventListener("pointerover", (e) => {
    const p = pos(e);
    if (p && !same(p, view.focus)) setFocus(p, false);
  });
  table.addEventListener("click", (e) => {
    const p = pos(e);
    if (p) setFocus(p, true);
  });
  table.addEventListener("pointerleave", () => {
    if (view.pinned && !same(view.pinned, view.focus)) setFocus(view.pinned, false);
  });
}

/** An output table: hoverable, and a grid the arrow keys move through. */
function outputGrid(table, cells, shape) {
  table.setAttribute("role", "grid");
  hoverable(table);
  table.addEventListener("keydown", (e) => outputKeys(e, shape));
  return { table, cells };
}

function drawScatter(state, sz, y) {
  const dim = state.dim;
  const canvasShape = sz.map((z) => z.canvas);
  const outShape = sz.map((z) => z.out);
  const [rows, cols] = grid2(canvasShape);
  const [pr, pc] = dim === 1 ? [0, state.p[0]] : state.p;
  const size = 34; // never less: a stamp's sum, what it adds and its outline fit (it scrolls)
  // wide enough for the sums with every stamp in (the cropped border's too)
  const { width, style } = cellStyle(size, textsOf(partialSums(state, canvasShape, state.x.length - 1), y.places));
  const outs = new Array(tc.prod(outShape));
  const { table, cells } = cellTable({
    rows, cols,
    colLabel: (c) => minus(c - pc),
    rowLabel: (r) => (dim === 1 ? "y" : minus(r - pr)),
    attrs: { class: "tce-cells tce-y", "aria-labelledby": "tce-cap-y", style },
    cell: (r, c, td) => {
      const opos = posOf(r - pr, c - pc, dim);
      const inside = opos.every((v, ax) => v >= 0 && v < outShape[ax]);
      if (!inside) {
        td.className = "tce-crop";
        return;
      }
      const flat = tc.ravel(opos, outShape);
      outs[flat] = td;
      td.className = "tce-out" + (opos.some((v, ax) => v >= sz[ax].addedFrom) ? " tce-added" : "");
      td.dataset.role = "output";
      td.dataset.index = td.dataset.pos = opos.join(",");
      td.dataset.value = formatUnits(y.units[flat], y.places);
    },
  });
  const frame = el("div", { class: "tce-frame", "aria-hidden": "true" });
  const cap = el("p", { class: "tce-cap", id: "tce-cap-y" });
  parts.scatter.replaceChildren(cap, el("div", { class: "tce-scroll" }, el("div", { class: "tce-stack" }, table, frame)));
  return { table, cells, outs, frame, cap, canvasShape, size, width, grid: outputGrid(table, outs, outShape) };
}

/** The sums of the stamps 0 to upto over view 1's canvas (the full result, and output padding). */
function partialSums(state, canvas, upto) {
  const st = fig.stamps;
  const partial = new Array(tc.prod(canvas)).fill(0);
  const aligned = st.shape.every((n, ax) => n === canvas[ax]);
  const at = (f) => (aligned ? f : tc.ravel(tc.unravel(f, st.shape), canvas));
  st.stamps.slice(0, upto + 1).forEach((values) => values.forEach((v, f) => { if (v) partial[at(f)] += v; }));
  return partial;
}

/** A box that scrolls sideways: shadows, and a named tab stop (unless a cell inside is). */
function markScrollers() {
  for (const box of parts.views.querySelectorAll(".tce-scroll")) {
    const cap = (box.previousElementSibling?.matches(".tce-cap") ? box.previousElementSibling : box.closest(".tce-block, .tce-view").querySelector(".tce-cap"))?.textContent ?? "figure";
    const more = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("tce-more", more);
    const on = more && !box.querySelector("[tabindex='0'], input");
    for (const [name, v] of [["tabindex", "0"], ["role", "region"], ["aria-label", `${cap}, scrolls sideways`]]) {
      if (on) box.setAttribute(name, v);
      else box.removeAttribute(name);
    }
  }
}

/** Where the padded input's cell (0, 0) starts, were nothing cropped: the window's origin. */
function originOf(v2) {
  const table = v2.win.previousElementSibling;
  const first = table.tBodies[0].rows[0].cells[1];
  return [first.offsetLeft, first.offsetTop];
}

function placeFrame(v1) {
  const firstCell = v1.outs[0], lastCell = v1.outs[v1.outs.length - 1];
  const box = v1.table.getBoundingClientRect();
  const a = firstCell.getBoundingClientRect(), b = lastCell.getBoundingClientRect();
  Object.assign(v1.frame.style, { left: `${a.left - box.left}px`, top: `${a.top - box.top}px`, width: `${b.right - a.left}px`, height: `${b.bottom - a.top}px` });
}

function drawDirect(state, sz, y) {
  const dim = state.dim;
  const z = tc.zeroInserted(state);
  const e = tc.exact(state);
  const rot = tc.rotatedKernel(state);
  // a negative padding crops the zero-inserted input: drawn too, cross-hatched
  const cut0 = sz.map((q) => Math.max(0, -q.before)), cut1 = sz.map((q) => Math.max(0, -q.after));
  const ext = z.shape.map((n, ax) => n + cut0[ax] + cut1[ax]);
  const [rows, cols] = grid2(ext);
  const size = cellSize(cols + 1);
  const { width, style } = cellStyle(size, textsOf(z.units, z.places));
  const padCells = new Array(tc.prod(z.shape));
  const grid = cellTable({
    rows, cols,
    rowLabel: (r) => (dim === 1 ? "x" : String(r)),
    attrs: { class: "tce-cells tce-padded", style },
    cell: (r, c, td) => {
      const padPos = posOf(r, c, dim).map((v, ax) => v - cut0[ax]);
      if (!padPos.every((v, ax) => v >= 0 && v < z.shape[ax])) {
        const ins = padPos.map((v, ax) => v - sz[ax].before);
        const known = ins.every((v, ax) => v >= 0 && v < z.inserted.shape[ax]);
        td.className = "tce-crop";
        setNumber(td, known ? z.inserted.units[tc.ravel(ins, z.inserted.shape)] : 0, z.places, size, width);
        return;
      }
      const cell = tc.ravel(padPos, z.shape);
      padCells[cell] = td;
      td.className = z.kinds[cell] === "input" ? "tce-in" : `tce-${z.kinds[cell]}`;
      setNumber(td, z.units[cell], z.places, size, width);
    },
  });
  const crops = cut0.flatMap((n, ax) => (n > 0 ? [`cropped by ${n} at the start${dim === 2 ? ` of the ${AXES[2][ax]}` : ""}`] : []));
  const edges = crops.length ? crops.join(" and ") : "padded";
  const hatched = [...cut0, ...cut1].some((n) => n > 0) ? "; cropped cells cross-hatched" : "";
  const [kr, kc] = grid2(state.k);
  // wide enough for the tap's name (11 px) and its value (15 px) inside the kernel's ring
  const names = Array.from({ length: rot.length }, (_, t) => `w[${tc.unravel(t, state.k).join(", ")}]`);
  const rotWidth = Math.max(cellWidth(names, 46, 11, 14), cellWidth(textsOf(rot, e.pw), 46, 15, 14));
  const kernel = cellTable({
    rows: kr, cols: kc,
    rowLabel: (r) => (dim === 1 ? "w" : String(r)),
    attrs: { class: "tce-cells tce-kernel tce-rot", style: `--cell: 46px; --cellw: ${rotWidth}px` },
    cell: (r, c, td) => {
      const t = tc.ravel(posOf(r, c, dim), state.k);
      const orig = tc.unravel(rot.length - 1 - t, state.k);
      td.append(el("span", { class: "tce-v", text: cellText(rot[t], e.pw).text }), el("span", { class: "tce-tap", text: `w[${orig.join(", ")}]` }));
    },
  });
  const outShape = sz.map((q) => q.out);
  const [orow, ocol] = grid2(outShape);
  const outs = [];
  const ysize = cellSize(ocol + 1);
  const ycells = cellStyle(ysize, textsOf(y.units, y.places));
  const ygrid = cellTable({
    rows: orow, cols: ocol,
    rowLabel: (r) => (dim === 1 ? "y" : String(r)),
    attrs: { class: "tce-cells tce-y2", style: ycells.style },
    cell: (r, c, td) => {
      const pos = posOf(r, c, dim);
      td.className = "tce-out";
      td.dataset.pos = pos.join(",");
      setNumber(td, y.units[tc.ravel(pos, outShape)], y.places, ysize, ycells.width);
      outs.push(td);
    },
  });
  parts.direct.replaceChildren(
    block("tce-cap-pad", `x with zeros inserted, then ${edges} (${z.shape.join(" × ")}${hatched})`, grid.table, true),
    el("div", { class: "tce-pair" },
      block("tce-cap-rot", "w rotated 180°", kernel.table),
      block("tce-cap-y2", `y (${outShape.join(" × ")})`, ygrid.table, true)));
  parts.directText.textContent = tx.directText(state);
  // the window: one box, its tiles outline the cells under the (dilated) taps; a hover moves it
  const win = el("div", { class: "tce-window", "aria-hidden": "true" });
  const [dr, dc] = grid2(state.d), [kr2, kc2] = grid2(state.k);
  const [across, down] = [(n) => n * width, (n) => n * size];
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' width='${across(dc)}' height='${down(dr)}'><rect x='1' y='1' width='${width - 2}' height='${size - 2}' fill='none' stroke='%23111' stroke-width='2'/></svg>`;
  Object.assign(win.style, { width: `${across((kc2 - 1) * dc + 1)}px`, height: `${down((kr2 - 1) * dr + 1)}px`, backgroundImage: `url("data:image/svg+xml,${svg}")`, backgroundSize: `${across(dc)}px ${down(dr)}px` });
  const stack = el("div", { class: "tce-stack" });
  grid.table.replaceWith(stack);
  stack.append(grid.table, win);
  return { padCells, kernel: kernel.cells, outs, grid: outputGrid(ygrid.table, outs, outShape), z, win, size, width, cut0: cut0.length === 1 ? [0, cut0[0]] : cut0 };
}

function drawMatrix(state, sz, y) {
  const e = tc.exact(state);
  const outShape = sz.map((q) => q.out);
  const nOut = tc.prod(outShape), nIn = state.x.length;
  const xName = (j) => `x[${tc.unravel(j, state.i).join(", ")}]`;
  const yName = (r) => `y[${tc.unravel(r, outShape).join(", ")}]`;
  const v3 = { whole: nOut * nIn <= 400 && nIn <= 16, xName, entries: [], xs: [], ys: [] };
  if (!v3.whole) {
    v3.holder = el("div", { class: "tce-block" });
    parts.matrix.replaceChildren(v3.holder);
    return v3;
  }
  const rows = tc.matrixT(state);
  // y = Cᵀx: y's rows beside Cᵀ's (one row per output), x beside them; Cᵀ's row headers are
  // y's, heard but not shown again
  const entries = cellStyle(30, textsOf(rows.flat(), e.pw));
  const ct = cellTable({
    rows: nOut, cols: nIn, colLabel: xName, rowLabel: yName,
    attrs: { class: "tce-cells tce-matrix tce-rows-heard", style: entries.style },
    cell: (r, j, td) => {
      td.dataset.pos = tc.unravel(r, outShape).join(",");
      td.className = rows[r][j] ? "tce-m" : "tce-m0";
      setNumber(td, rows[r][j], e.pw, 30, entries.width);
      v3.entries.push(td);
    },
  });
  v3.rows = [...ct.table.tBodies[0].rows];
  const column = (n, name, texts, fill) => cellTable({
    rows: n, cols: 1, colLabel: () => name, rowLabel: name === "y" ? yName : xName,
    attrs: { class: `tce-cells tce-col tce-col-${name}`, style: cellStyle(30, texts).style }, cell: fill,
  });
  const xTexts = textsOf(e.x, e.px), yTexts = textsOf(y.units, y.places);
  const xt = column(nIn, "x", xTexts, (r, c, td) => {
    td.className = "tce-in";
    setNumber(td, e.x[r], e.px, 30, cellWidth(xTexts, 30));
    v3.xs.push(td);
  });
  const yt = column(nOut, "y", yTexts, (r, c, td) => {
    td.className = "tce-out";
    td.dataset.pos = tc.unravel(r, outShape).join(",");
    setNumber(td, y.units[r], y.places, 30, cellWidth(yTexts, 30));
    v3.ys.push(td);
  });
  hoverable(ct.table);
  parts.matrix.replaceChildren(el("div", { class: "tce-mat" }, block("tce-cap-yc", "output y", yt.table),
    el("span", { class: "tce-op", text: "=" }), block("tce-cap-ct", `Cᵀ (${nOut} × ${nIn})`, ct.table),
    el("span", { class: "tce-op", text: "∙" }), block("tce-cap-xc", "input x", xt.table)));
  v3.grid = outputGrid(yt.table, v3.ys, outShape);
  return v3;
}

/** The focused row of a Cᵀ too large to draw, x under it, its output beside (scrolling alone):
 * built once per state, then only numbers and marks change. */
function buildMatrixRow(state) {
  const e = tc.exact(state);
  const nIn = state.x.length;
  const number = (td) => td.append(el("span", { class: "tce-n" }, "0")); // its own layout: a new number moves nothing
  // wide enough for any weight and any x (one table), and for any output
  const rowCells = cellStyle(30, [...textsOf(e.w, e.pw), ...textsOf(e.x, e.px)]);
  const yCells = cellStyle(30, textsOf(fig.y.units, fig.y.places));
  const { table, cells } = cellTable({
    rows: 2, cols: nIn, colLabel: fig.v3.xName, rowLabel: (r) => (r ? "x" : "Cᵀ row"), attrs: { class: "tce-cells tce-matrix", style: rowCells.style },
    cell: (r, j, td) => {
      td.className = r ? "tce-in" : "tce-m0";
      if (r) setNumber(td, e.x[j], e.px, 30, rowCells.width);
      else number(td);
    },
  });
  const yt = cellTable({ rows: 1, cols: 1, colLabel: () => "y", rowLabel: () => "", attrs: { class: "tce-cells tce-col", style: yCells.style }, cell: (r, c, td) => { td.className = "tce-out"; number(td); } });
  Object.assign(fig.v3, { rowWidth: rowCells.width, yWidth: yCells.width });
  fig.v3.holder.replaceChildren(el("p", { class: "tce-cap", id: "tce-cap-row", text: `The focused output's row of Cᵀ (${tc.prod(fig.y.shape)} × ${nIn}), x under it, and that output y` }),
    el("div", { class: "tce-mat tce-fit" }, el("div", { class: "tce-scroll" }, table), el("span", { class: "tce-op", text: "→" }), yt.table));
  for (const t of [table, yt.table]) t.setAttribute("aria-labelledby", "tce-cap-row");
  Object.assign(fig.v3, { grid: outputGrid(yt.table, yt.cells, fig.y.shape), rowCells: cells.slice(0, nIn), xCells: cells.slice(nIn), yCell: yt.cells[0], yHead: yt.table.tBodies[0].rows[0].cells[0], shown: [] });
}

function paintMatrixRow(state, focus) {
  const v3 = fig.v3;
  const row = tc.matrixRow(state, focus);
  // only what changes: the old and the new non-zeros
  for (const j of new Set([...v3.shown, ...row.flatMap((v, j) => (v ? [j] : []))])) {
    v3.rowCells[j].className = row[j] ? "tce-m" : "tce-m0";
    setNumber(v3.rowCells[j], row[j], tc.exact(state).pw, 30, v3.rowWidth);
  }
  v3.shown = row.flatMap((v, j) => (v ? [j] : []));
  v3.yHead.textContent = `y[${focus.join(", ")}]`;
  v3.yCell.dataset.pos = focus.join(",");
  setNumber(v3.yCell, fig.y.units[tc.ravel(focus, fig.y.shape)], fig.y.places, 30, v3.yWidth);
  light(v3.yCell, "tce-hl");
  for (const t of tc.tapsOf(state, focus)) {
    light(v3.rowCells[t.x], "tce-hl");
    light(v3.xCells[t.x], "tce-hl");
  }
}

function render() {
  const { state } = view;
  root.dataset.renders = String(Number(root.dataset.renders || 0) + 1); // the tests wait on it
  const why = tc.validate(state);
  const every = why ? settingProblems(state) : [];
  syncPane(state, why, every);
  showProblems(why, every);
  parts.formula.replaceChildren(...(why ? [] : tc.sizes(state).map((z, ax) => el("p", {}, state.dim === 2 ? el("strong", { text: `${AXES[2][ax]}: ` }) : null, tx.sizeFormula(z)))));
  parts.waiting.hidden = !why;
  if (why) {
    // over the faded views under view 1's heading (nothing drawn: in the flow)
    parts.waiting.classList.toggle("tce-over", Boolean(fig));
    parts.waiting.firstChild.textContent = fig
      ? "The settings cannot be drawn (see Settings): the views show the last ones that could, faded, until the settings are valid again."
      : "The settings cannot be drawn (see Settings): nothing is drawn until they are valid.";
    if (fig) parts.waiting.style.top = `${parts.views.querySelector("#tce-h-scatter").offsetHeight + 8}px`;
    // the last views that could be drawn stay, faded and out of reach: nothing jumps
    if (fig) fig.stale = true;
    stopPlay();
    for (const node of [parts.views, parts.codeSection]) {
      node.classList.add("tce-stale");
      node.inert = true;
    }
    if (!fig) {
      parts.editors.replaceChildren();
      parts.editorShape = "";
      for (const v of parts.views.querySelectorAll(".tce-view")) if (v.id !== "tce-view-1") v.hidden = true;
    }
    return;
  }
  for (const node of [parts.views, parts.codeSection]) {
    node.classList.remove("tce-stale");
    node.inert = false;
  }
  for (const v of parts.views.querySelectorAll(".tce-view")) v.hidden = false;
  syncEditors();
  parts.lead.textContent = tx.scatterLead(state.dim);
  const sz = tc.sizes(state);
  const out = sz.map((z) => z.out);
  if (!view.focus || view.focus.length !== out.length || view.focus.some((v, ax) => v >= out[ax])) view.focus = tc.openingFocus(state);
  if (!view.pinned || view.pinned.length !== out.length || view.pinned.some((v, ax) => v >= out[ax])) view.pinned = view.focus;
  if (view.step >= state.x.length) view.step = -1;
  const y = tc.conv(state);
  fig = { y, stamps: tc.stamps(state), width: parts.views.clientWidth || root.clientWidth || 600 };
  for (const node of lit.keys()) if (!node.isConnected) lit.delete(node); // the editors' marks stay known
  fig.v1 = drawScatter(state, sz, y);
  fig.v2 = drawDirect(state, sz, y);
  fig.v3 = drawMatrix(state, sz, y);
  if (!fig.v3.whole) buildMatrixRow(state);
  placeFrame(fig.v1);
  fig.v2.origin = originOf(fig.v2);
  sizeTrace(state, out);
  parts.matrixText.textContent = tx.matrixText(state, fig.v3.whole);
  paintStep(true);
  paintFocus(false);
  markScrollers(); // after the captions and cells' tab stops
  const e = tc.exact(state);
  const rounded = [[y.units, y.places], [e.x, e.px], [e.w, e.pw]].some(([units, places]) => !units.every((u) => cellText(u, places).exact));
  parts.valuesNote.textContent = rounded ? `Some cells show values rounded (to at most ${DECIMALS_WORD} decimals and six digits); the sums under the figures are exact, and so is each cell's tooltip.` : "";
  parts.valuesNote.hidden = !rounded;
  parts.sizeText.replaceChildren(el("h4", { text: "The output's size" }), ...sz.map((z, ax) => el("p", {},
    state.dim === 2 ? el("strong", { text: `${AXES[2][ax]}: ` }) : null,
    el("span", { class: "tce-formula-inline", text: tx.sizeFormula(z) }), ". ", tx.sizeWhy(z),
    z.a > 0 ? ` ${tx.outputPaddingText(z, state.dim, ax)}` : "")));
  drawCode();
  pending.clear();
  revealFocus();
  revealStep();
}

// --- sideways into sight (never the page, never on a hover): the focused output, the stamp

/** Scroll box sideways to show the nodes: centred, or from their start if wider than the box. */
function reveal(box, nodes) {
  nodes = nodes.filter(Boolean);
  if (!box || !nodes.length || box.scrollWidth <= box.clientWidth + 1) return;
  const left = box.getBoundingClientRect().left - box.scrollLeft + box.clientLeft;
  const lo = Math.min(...nodes.map((n) => n.getBoundingClientRect().left)) - left;
  const hi = Math.max(...nodes.map((n) => n.getBoundingClientRect().right)) - left;
  const width = box.clientWidth, margin = Math.min(40, width / 8);
  if (lo >= box.scrollLeft && hi <= box.scrollLeft + width) return;
  box.scrollLeft = hi - lo + 2 * margin > width ? lo - margin : (lo + hi - width) / 2;
}

const onScreen = new Set(); // views near the screen (views 2 and 3 are laid out only there)
const pending = new Set(); // views to bring the focus into sight in when near
const nearScreen = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) onScreen.add(entry.target.id);
    else onScreen.delete(entry.target.id);
    if (entry.isIntersecting && pending.has(entry.target.id)) revealFocus([entry.target.id]);
  }
}, { rootMargin: "200px 0px" });

/** The focused output, its inputs and view 2's window in sight (far views: when near). */
function revealFocus(ids = ["tce-view-1", "tce-view-2", "tce-view-3"]) {
  if (!fig || fig.stale) return;
  const { state, focus } = view;
  const flat = tc.ravel(focus, fig.y.shape);
  const taps = tc.tapsOf(state, focus);
  for (const id of ids) {
    if (!onScreen.has(id) && id !== "tce-view-1") {
      pending.add(id);
      continue;
    }
    pending.delete(id);
    if (id === "tce-view-1") {
      reveal(fig.v1.table.closest(".tce-scroll"), [fig.v1.outs[flat]]);
      reveal(parts.xTable.closest(".tce-scroll"), taps.map((t) => parts.xCells[t.x]));
    } else if (id === "tce-view-2") {
      reveal(fig.v2.outs[flat]?.closest(".tce-scroll"), [fig.v2.outs[flat]]);
      reveal(fig.v2.win.closest(".tce-scroll"), [fig.v2.win]);
    } else if (fig.v3.whole) {
      reveal(parts.matrix, [...taps.map((t) => fig.v3.entries[flat * state.x.length + t.x]), fig.v3.ys[flat]]);
    } else {
      reveal(fig.v3.rowCells[0]?.closest(".tce-scroll"), taps.map((t) => fig.v3.rowCells[t.x]));
    }
  }
}

/** The stamp in sight: its input and the cells it adds to. */
function revealStep() {
  if (!fig || fig.stale || view.step < 0) return;
  reveal(parts.xTable.closest(".tce-scroll"), [parts.xCells[view.step]]);
  reveal(fig.v1.table.closest(".tce-scroll"), [...parts.scatter.querySelectorAll("td.tce-stamp")]);
}

// --- what a hover, click or key changes: the highlights and the sum

function light(node, cls) {
  if (!node) return;
  if (!next.has(node)) next.set(node, new Set());
  next.get(node).add(cls);
}

/** Apply the marks gathered by light(): only the classes that differ from the last ones. */
function swapMarks() {
  for (const [node, classes] of lit) for (const cls of classes) if (!next.get(node)?.has(cls)) node.classList.remove(cls);
  for (const [node, classes] of next) for (const cls of classes) if (!lit.get(node)?.has(cls)) node.classList.add(cls);
  lit = next;
}

function paintFocus(moveFocus) {
  const { state, focus } = view;
  next = new Map();
  const outShape = fig.y.shape;
  const flat = tc.ravel(focus, outShape);
  const taps = tc.tapsOf(state, focus);
  const { v1, v2, v3 } = fig;
  light(v1.outs[flat], "tce-hl");
  for (const t of taps) {
    light(parts.xCells[t.x], "tce-hl");
    light(parts.wCells[t.w], "tce-hl");
  }
  light(v2.outs[flat], "tce-hl");
  const [wr, wc] = (focus.length === 1 ? [0, focus[0]] : focus).map((v, ax) => (v + v2.cut0[ax]) * (ax ? v2.width : v2.size));
  v2.win.style.transform = `translate(${v2.origin[0] + wc}px, ${v2.origin[1] + wr}px)`;
  for (const { cell, tap } of tc.windowOf(state, focus)) {
    if (v2.z.kinds[cell] === "input") {
      light(v2.padCells[cell], "tce-hl");
      light(v2.kernel[tap], "tce-hl");
    }
  }
  if (v3.whole) {
    const row = v3.rows[flat];
    light(row, "tce-rowfocus");
    light(v3.ys[flat], "tce-hl");
    for (const t of taps) {
      light(v3.entries[flat * state.x.length + t.x], "tce-hl");
      light(v3.xs[t.x], "tce-hl");
    }
  } else {
    paintMatrixRow(state, focus);
  }
  swapMarks();
  // the keyboard's cell in each output grid: one tab stop, named by its sum
  const grids = [v1.grid, v2.grid, v3.grid];
  for (const g of grids) {
    if (!g) continue;
    const td = g.cells.length === 1 ? g.cells[0] : g.cells[flat];
    if (g.current && g.current !== td) {
      g.current.removeAttribute("tabindex");
      g.current.removeAttribute("aria-label");
    }
    g.current = td;
    td.tabIndex = 0;
  }
  showSums();
  for (const g of grids) if (g && moveFocus === g.table) g.current.focus();
}

/** The focused output's sums (view 1's as far as its stamps go), traced and naming its cells. */
function showSums() {
  const { state, focus } = view;
  const full = tx.sumText(state, focus);
  const texts = [view.step < 0 ? full : tx.sumText(state, focus, view.step), full, full];
  showTrace(texts);
  const added = fig.v1.grid.current?.classList.contains("tce-added") ? " (output padding)" : "";
  [fig.v1.grid, fig.v2.grid, fig.v3.grid].forEach((g, j) => g?.current?.setAttribute("aria-label", `${texts[j]}${j ? "" : added}`));
}

/** The matrix row's output cell, anew: a screen reader announces a newly focused cell. */
function renewRowCell() {
  const v3 = fig.v3;
  const fresh = v3.yCell.cloneNode(true);
  v3.yCell.replaceWith(fresh);
  v3.yCell = v3.grid.cells[0] = fresh;
}

function setFocus(pos, pin, grid = null) {
  if (pin) view.pinned = pos;
  if (!same(pos, view.focus) || grid) {
    view.focus = pos;
    paintFocus(grid);
  }
  if (pin) revealFocus(); // a click or a key: the other views follow
}

function outputKeys(e, shape) {
  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -999], End: [0, 999] };
  // Ctrl+Home and Ctrl+End: the first and the last output (a grid's keys)
  const move = (e.ctrlKey || e.metaKey) && (e.key === "Home" || e.key === "End") ? [moves[e.key][1], moves[e.key][1]] : moves[e.key];
  if (!move || !view.focus) return;
  e.preventDefault();
  const [rows, cols] = grid2(shape);
  const [r, c] = view.state.dim === 1 ? [0, view.focus[0]] : view.focus;
  const pos = posOf(clamp(r + move[0], [0, rows - 1]), clamp(c + move[1], [0, cols - 1]), view.state.dim);
  const table = e.currentTarget;
  if (!fig.v3.whole && table === fig.v3.grid.table) renewRowCell();
  setFocus(pos, true, table);
}

// --- the stamps, one at a time

function paintStep(redraw) {
  const { state } = view;
  const { v1 } = fig;
  const e = tc.exact(state);
  const canvas = v1.canvasShape;
  // the stamps added so far, summed over the canvas (the full result, plus output padding)
  const st = fig.stamps;
  const partial = partialSums(state, canvas, view.step < 0 ? state.x.length - 1 : view.step);
  const stamp = new Map();
  const at = (f) => tc.ravel(tc.unravel(f, st.shape), canvas);
  if (view.step >= 0) {
    for (let t = 0; t < state.w.length; t++) {
      const f = tc.ravel(tc.fullPosition(state, view.step, t), st.shape);
      stamp.set(at(f), st.stamps[view.step][f]);
    }
  }
  v1.cells.forEach((td, flat) => {
    const key = `${partial[flat]}|${stamp.get(flat) ?? ""}`;
    if (!redraw && td.dataset.shown === key) return;
    td.dataset.shown = key;
    setNumber(td, partial[flat], e.places, v1.size, v1.width);
    // heard, not seen: what a cross-hatched or dashed cell is
    const what = td.classList.contains("tce-crop") ? " (cropped)" : td.classList.contains("tce-added") ? " (output padding)" : "";
    if (what) td.append(el("span", { class: "tce-sr", text: what }));
    td.classList.toggle("tce-stamp", stamp.has(flat));
    if (stamp.has(flat)) {
      const add = showUnits(stamp.get(flat), e.places);
      td.append(el("span", { class: "tce-small", text: add.startsWith("\u2212") ? add : `+${add}` }));
    }
  });
  for (const td of parts.editors.querySelectorAll(".tce-current")) td.classList.remove("tce-current");
  if (view.step >= 0) parts.xCells[view.step]?.classList.add("tce-current");
  const whole = same(canvas, fig.y.shape) ? "" : ` in the full result (${canvas.join(" × ")})`;
  v1.cap.textContent = view.step < 0 ? `Output y (${fig.y.shape.join(" × ")})${whole}` : `y after ${view.step + 1} of ${state.x.length} stamps`;
  parts.stepText.textContent = tx.stepText(state, view.step);
  parts.play.textContent = view.timer ? "❚❚ Pause" : "▶ Play";
  parts.play.setAttribute("aria-pressed", String(Boolean(view.timer)));
}

function setStep(s) {
  view.step = s;
  if (!fig || fig.stale) return;
  paintStep(false);
  showSums(); // the focused sum as far as the stamps go
  revealStep();
}

function step(delta) {
  stopPlay();
  const n = view.state.x.length;
  let s = view.step < 0 ? (delta > 0 ? 0 : n - 1) : view.step + delta;
  if (s >= n || s < 0) s = -1;
  setStep(s);
}

function togglePlay() {
  if (view.timer) return stopPlay();
  const n = view.state.x.length;
  if (view.step < 0 || view.step >= n - 1) view.step = -1;
  const tick = () => {
    const next = view.step + 1;
    if (next >= n) return stopPlay();
    setStep(next);
  };
  view.timer = setInterval(tick, STAMP_MS);
  tick();
}

function stopPlay() {
  if (!view.timer) return;
  clearInterval(view.timer);
  view.timer = null;
  if (fig && !fig.stale) paintStep(false);
}

// --- code and the finder

function drawCode() {
  const code = tx.codeFor(view.state);
  parts.code.replaceChildren(...[["transposed_conv", code.package], ["PyTorch", code.torch]].map(([name, text]) => {
    const status = el("span", { class: "tce-copied", "aria-live": "polite" });
    const pre = el("pre", {}, el("code", { text }));
    const copy = button(`Copy the ${name} code`, () => copyText(text, pre, status));
    return el("div", { class: "tce-codeblock" }, el("h3", { text: name }), pre, copy, status);
  }));
}

async function copyText(text, pre, status) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = " Copied.";
  } catch {
    const range = document.createRange();
    range.selectNodeContents(pre);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    status.textContent = " Selected: press Ctrl+C (⌘C) to copy.";
  }
}

function openState(e, state) {
  e.preventDefault();
  restart();
  apply(tc.cloneState(state), "push");
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  parts.views.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  fig?.v1.grid.cells.find((c) => c.tabIndex === 0)?.focus({ preventScroll: true });
}

function buildFinder() {
  const [nLo, nHi] = LIMITS.finder.i, [mLo, mHi] = LIMITS.finder.o;
  const n = el("input", { type: "number", id: "tce-find-n", min: nLo, max: nHi, value: 4, inputmode: "numeric" });
  const m = el("input", { type: "number", id: "tce-find-m", min: mLo, max: mHi, value: 8, inputmode: "numeric" });
  const result = el("div", { class: "tce-found" });
  const run = (e) => {
    e.preventDefault();
    const [ni, mi] = [Number(n.value), Number(m.value)];
    if (n.value === "" || m.value === "" || !Number.isInteger(ni) || !Number.isInteger(mi) || ni < nLo || mi < mLo || ni > nHi || mi > mHi) {
      result.replaceChildren(el("p", { role: "alert", text: `Input length must be a whole number from ${nLo} to ${nHi} and output length from ${mLo} to ${mHi}; got ${n.value || "nothing"} and ${m.value || "nothing"}.` }));
      return;
    }
    const found = tc.findParameters(ni, mi);
    if (!found.length) {
      result.replaceChildren(el("p", { role: "status", text: `No kernel up to ${tc.RANGES.k[1]} and stride up to ${tc.RANGES.s[1]} takes length ${ni} to ${mi}.` }));
      return;
    }
    const heads = ["kernel k", "stride s", "padding p", "output padding a", "taps per output phase (r mod s = 0, 1, …)", "phases no tap reaches", "in the explorer"];
    const head = el("tr", {}, ...heads.map((t) => el("th", { scope: "col", text: t })));
    const td = (col, attrs, ...children) => el("td", { ...attrs, "data-label": heads[col] }, ...children);
    const rows = found.map((f) => {
      const state = { dim: 1, i: [ni], k: [f.k], s: [f.s], p: [f.p], a: [f.a], d: [1], x: tc.defaultValues(ni, "x"), w: new Array(f.k).fill(1) };
      const open = tc.validate(state) ? el("span", { text: "outside its ranges" })
        : el("a", { href: "#" + formatHash(state), text: "Open", "aria-label": `Open k=${f.k}, s=${f.s}, p=${f.p}, a=${f.a}`, onclick: (e) => openState(e, state) });
      const missing = tx.unreachedText(f);
      return el("tr", {}, ...[f.k, f.s, f.p, f.a, f.counts.join(", ")].map((v, col) => td(col, { text: String(v) })), td(5, { text: missing }), td(6, {}, open));
    });
    result.replaceChildren(
      el("p", {}, `${found.length} settings take length ${ni} to ${mi} with dilation 1. The finder chooses k, s, p and a, not the weights, so it reports only what the settings decide: how many taps reach each output phase away from the border, and which phases no tap reaches. The weights decide the rest: a constant input comes out constant only if each phase's taps have equal sums, and the rest of the input's spectrum comes out with images unless the kernel filters them. Equal tap counts guarantee neither; see `,
        el("a", { href: CHECKERBOARD, text: "Checkerboard artifacts" }), "."),
      el("div", { class: "tce-scroll", tabindex: "0", role: "region", "aria-label": "Settings found" }, el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows))));
  };
  const form = el("form", { class: "tce-row", onsubmit: run, novalidate: true },
    el("label", { for: "tce-find-n", text: "Input length i′ " }), n,
    el("label", { for: "tce-find-m", text: "Wanted output length o′ " }), m,
    el("button", { type: "submit", text: "Find parameters" }));
  return el("section", { "aria-labelledby": "tce-h-find", class: "tce-finder" }, el("h2", { id: "tce-h-find", text: "Find parameters" }),
    el("p", { text: `Which kernel size, stride, padding and output padding take one length to another? Every answer with kernel up to ${tc.RANGES.k[1]}, stride up to ${tc.RANGES.s[1]} and dilation 1 (1-D; use it per axis in 2-D).` }),
    form, result);
}

// --- the page

function build() {
  const pane = buildPane();
  const main = buildViews();
  parts.code = el("div", { class: "tce-code" });
  parts.codeSection = el("section", { "aria-labelledby": "tce-h-code" }, el("h2", { id: "tce-h-code", text: "Code for these settings" }), parts.code);
  main.append(parts.codeSection, buildFinder());
  root.replaceChildren(pane, main);
  for (const v of parts.views.querySelectorAll(".tce-view")) nearScreen.observe(v);
  window.addEventListener("popstate", fromAddress);
  window.addEventListener("hashchange", fromAddress);
  let width = innerWidth;
  window.addEventListener("resize", () => {
    if (Math.abs(innerWidth - width) < 40) return;
    width = innerWidth;
    render();
  });
}

build();
if (shapeOk(view.state)) remember(view.state);
rewriteAddress();
document.getElementById("explorer-fallback")?.setAttribute("hidden", "");
root.closest(".bd-article-container")?.classList.add("tce-wide"); // the page's width
root.hidden = false; // before drawing: the cells' sizes come from the page's width
render();
root.dataset.ready = "true";
