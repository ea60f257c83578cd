// The explorer's page: controls, three linked SVG views, the parameter finder and the code.
// All arithmetic comes from tconv.mjs; this module reads the state and draws it.
import * as tc from "./tconv.mjs";

const SVG = "http://www.w3.org/2000/svg";
const CELL = 34;
const AXES = { 1: ["length"], 2: ["rows", "columns"] };
const PARAMS = [
  ["i", "Input size", "i′"],
  ["k", "Kernel size", "k"],
  ["s", "Stride", "s"],
  ["p", "Padding", "p"],
  ["a", "Output padding", "a"],
  ["d", "Dilation", "d"],
];

const root = document.getElementById("tconv-explorer");
const view = { state: tc.parseHash(location.hash), focus: null, step: -1 };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) if (value != null && value !== false) node.setAttribute(key, value);
  if (text != null) node.textContent = text;
  return node;
}

/** Shape drawn as rows x columns (1-D as a single row). */
const grid2 = (shape) => (shape.length === 1 ? [1, shape[0]] : shape);
const posOf = (r, c, dim) => (dim === 1 ? [c] : [r, c]);
const label = (pos) => pos.join(", ");
const idx = (pos) => pos.join(",");
const same = (u, v) => u && v && u.length === v.length && u.every((x, ax) => x === v[ax]);

// --- the page's skeleton, built once ---------------------------------------------------

const parts = {};

function build() {
  parts.dim = el("select", { id: "tce-dim", onchange: () => setDim(Number(parts.dim.value)) },
    el("option", { value: "1", text: "1-D" }), el("option", { value: "2", text: "2-D" }));
  parts.params = el("div", { class: "tce-params" });
  parts.editors = el("div", { class: "tce-editors" });
  parts.alert = el("div", { role: "alert", class: "tce-alert" });
  parts.editMsg = el("p", { role: "status", class: "tce-editmsg", id: "tce-editmsg", hidden: true });
  parts.arith = el("div", { class: "tce-arith" });
  parts.sum = el("p", { class: "tce-sum", "aria-live": "polite", id: "tce-sum" });
  parts.stepText = el("p", { class: "tce-step-text" });
  parts.prev = el("button", { type: "button", text: "◀ Prev", onclick: () => step(-1) });
  parts.next = el("button", { type: "button", text: "Next ▶", onclick: () => step(1) });
  parts.all = el("button", { type: "button", text: "All stamps", onclick: () => { view.step = -1; draw(); } });
  const stepper = el("div", { class: "tce-stepper", role: "group", "aria-label": "Step through the input values (left and right arrow keys)", onkeydown: stepKeys },
    parts.prev, parts.next, parts.all);
  parts.scatter = el("div", { class: "tce-svg" });
  parts.direct = el("div", { class: "tce-svg" });
  parts.matrix = el("div", { class: "tce-svg" });
  parts.matrixText = el("p", {});
  // the figures are redrawn under the pointer: their lasting boxes tell when it leaves
  for (const box of [parts.scatter, parts.direct, parts.matrix]) {
    box.addEventListener("pointerleave", () => {
      if (view.pinned && !same(view.pinned, view.focus)) setFocus(view.pinned);
    });
  }
  parts.views = el("div", { class: "tce-views" },
    el("section", { class: "tce-view", "aria-labelledby": "tce-h-scatter" },
      el("h3", { id: "tce-h-scatter", text: "1. Scatter-add" }),
      el("p", { text: "Each input value stamps the kernel, times that value, onto the output, s cells apart; where stamps overlap they add. The padding p crops the edges (faded cells); output padding a adds cells at the end." }),
      stepper, parts.stepText, parts.scatter,
      el("p", { class: "tce-legend", text: "Solid black-and-white outline: the output in focus and the inputs and taps that reach it. Dashed outline with a black corner: the input being stamped; the orange cells of y hold its stamp (small numbers). Faded, dashed cells lie outside the output. Dotted dark border: the cells that output padding a adds." })),
    el("section", { class: "tce-view", "aria-labelledby": "tce-h-direct" },
      el("h3", { id: "tce-h-direct", text: "2. The same, as a direct convolution" }),
      parts.directText = el("p", {}),
      el("h4", { text: "Why the kernel is rotated" }),
      el("p", { text: "Each output reads the taps in the opposite order to the inputs, so the direct convolution's kernel is w turned by 180°." }),
      el("p", { text: "Input x[q] sends tap w[t] to output q·s + t·d − p. Fix one output: the later the input, the earlier the tap that reaches it, so a window reading the inputs left to right (and top to bottom) meets the taps right to left (and bottom to top)." }),
      parts.direct),
    el("section", { class: "tce-view tce-view-matrix", "aria-labelledby": "tce-h-matrix" },
      el("h3", { id: "tce-h-matrix", text: "3. The matrix Cᵀ" }),
      parts.matrixText, parts.matrix));
  parts.output = el("div", { class: "tce-output" }, parts.sum, parts.views);
  parts.code = el("div", { class: "tce-code" });
  parts.finder = buildFinder();
  const random = el("button", { type: "button", text: "Random", onclick: randomState });
  const reset = el("button", { type: "button", text: "The walk-through's example", onclick: () => setState(tc.cloneState(tc.DEFAULT_2D)) });
  root.replaceChildren(
    el("section", { class: "tce-settings", "aria-labelledby": "tce-h-settings" },
      el("h2", { id: "tce-h-settings", text: "Settings" }),
      el("div", { class: "tce-row" }, el("label", { for: "tce-dim", text: "Dimensions " }), parts.dim, random, reset),
      parts.params, parts.editors, parts.editMsg),
    parts.alert, parts.arith, parts.output,
    parts.codeSection = el("section", { "aria-labelledby": "tce-h-code" }, el("h2", { id: "tce-h-code", text: "Code for these settings" }), parts.code),
    parts.finder);
  window.addEventListener("hashchange", () => {
    const state = tc.parseHash(location.hash);
    if (tc.formatHash(state) !== tc.formatHash(view.state)) {
      view.state = state;
      view.focus = null;
      view.pinned = null;
      view.step = -1;
      render();
    }
  });
}

function buildParams() {
  const { dim } = view.state;
  const axes = AXES[dim];
  const head = el("tr", {}, el("th", { scope: "col", text: "Setting" }), ...axes.map((a) => el("th", { scope: "col", text: a })));
  const rows = PARAMS.map(([key, name, sym]) => {
    const [lo, hi] = key === "i" ? tc.RANGES.i[dim] : tc.RANGES[key];
    const cells = axes.map((axis, ax) =>
      el("td", {}, el("input", {
        type: "number", min: lo, max: hi, step: 1, value: view.state[key][ax], inputmode: "numeric",
        "data-control": key, "data-axis": ax, "aria-label": `${name} ${sym}${dim === 2 ? `, ${axis}` : ""}`,
        "aria-describedby": "tce-editmsg",
        oninput: (e) => setParam(key, ax, e.target),
        onblur: (e) => revert(e.target, view.state[key][ax]),
      })));
    const code = { i: "", k: "kernel_size", s: "stride", p: "padding", a: "output_padding", d: "dilation" }[key];
    return el("tr", {}, el("th", { scope: "row" }, `${name} `, el("var", { text: sym }), code ? el("code", { text: ` ${code}` }) : null), ...cells);
  });
  parts.params.replaceChildren(el("table", {}, el("caption", { text: `Input size 1 to ${tc.RANGES.i[dim][1]}, kernel 1 to 5, stride 1 to 4, padding 0 to 4, output padding 0 to 3 (and below the larger of stride and dilation), dilation 1 to 3.` }), el("thead", {}, head), el("tbody", {}, ...rows)));
}

function buildEditors() {
  const { state } = view;
  parts.editors.replaceChildren();
  if (!inRange(state)) return;
  for (const [key, role, name, shapeKey] of [["x", "input", "Input x", "i"], ["w", "kernel", "Kernel w", "k"]]) {
    const [rows, cols] = grid2(state[shapeKey]);
    const table = el("table", { class: `tce-editor tce-${role}` }, el("caption", { text: `${name} (${state[shapeKey].join(" × ")})` }));
    for (let r = 0; r < rows; r++) {
      const tr = el("tr");
      for (let c = 0; c < cols; c++) {
        const pos = posOf(r, c, state.dim);
        const j = tc.ravel(pos, state[shapeKey]);
        tr.append(el("td", {}, el("input", {
          type: "number", step: 1, value: state[key][j], inputmode: "numeric",
          "data-role": role, "data-index": idx(pos), "data-value": state[key][j],
          "aria-label": `${key}[${label(pos)}]`,
          "aria-describedby": "tce-editmsg",
          oninput: (e) => setValue(key, j, e.target),
          onblur: (e) => revert(e.target, view.state[key][j]),
        })));
      }
      table.append(tr);
    }
    parts.editors.append(table);
  }
  parts.editors.append(el("p", { class: "tce-legend tce-range", text: "Values: whole numbers, negative or not. Every sum stays exact while taps × largest |x| × largest |w| ≤ 2⁵³ − 1 (about 9 × 10¹⁵); larger values are refused." }));
}

function shapeOk(state) {
  return ["i", "k"].every((key) => {
    const [lo, hi] = key === "i" ? tc.RANGES.i[state.dim] : tc.RANGES[key];
    return state[key].length === state.dim && state[key].every((v) => Number.isSafeInteger(v) && v >= lo && v <= hi);
  });
}

/** Every setting that needs changing, each with its control (key, axis) and a sentence. */
function settingProblems(state) {
  const { dim } = state;
  const out = [];
  const where = (ax) => (dim === 2 ? ` (${AXES[2][ax]})` : "");
  const fine = (key, ax) => !out.some((q) => q.key === key && q.ax === ax);
  for (const [key, name, sym] of PARAMS) {
    const [lo, hi] = key === "i" ? tc.RANGES.i[dim] : tc.RANGES[key];
    state[key].forEach((v, ax) => {
      if (!(v >= lo && v <= hi)) out.push({ key, ax, message: `${name} ${sym}${where(ax)} must be ${lo} to ${hi}, got ${v}` });
    });
  }
  for (let ax = 0; ax < dim; ax++) {
    const [a, s, d] = [state.a[ax], state.s[ax], state.d[ax]];
    if (fine("a", ax) && a >= Math.max(s, d)) {
      out.push({ key: "a", ax, message: `Output padding a${where(ax)} must be smaller than the stride ${s} or the dilation ${d}, got ${a}` });
    }
  }
  for (let ax = 0; ax < dim; ax++) {
    const [n, k, s, p, a, d] = ["i", "k", "s", "p", "a", "d"].map((key) => state[key][ax]);
    if (PARAMS.every(([key]) => fine(key, ax)) && tc.outputSize(n, k, s, p, a, d) < 1) {
      out.push({ key: "p", ax, message: `Padding p${where(ax)} = ${p} crops the whole output` });
    }
  }
  return out;
}

function inRange(state) {
  return shapeOk(state) && state.x.length === tc.prod(state.i) && state.w.length === tc.prod(state.k);
}

// --- state changes ----------------------------------------------------------------------

function resize(values, from, to, which) {
  const fill = tc.defaultValues(tc.prod(to), which);
  return fill.map((v, j) => {
    const pos = tc.unravel(j, to);
    return pos.every((q, ax) => q < from[ax]) && values.length === tc.prod(from) ? values[tc.ravel(pos, from)] : v;
  });
}

// Text that is not a whole number (0.5, 1e3, an empty box) changes nothing: the box is marked
// invalid, the message under the editors says why, and leaving the box puts the value in use back.
const badText = new Map(); // input element -> its description

function checkText(input, inUse) {
  const text = input.value.trim();
  if (/^-?\d+$/.test(text)) {
    if (badText.delete(input)) showEdits();
    return true;
  }
  const what = text ? `“${text}” is not a whole number` : "the box is empty (or holds no number)";
  badText.set(input, `${input.getAttribute("aria-label")}: ${what}; the views use ${inUse}`);
  showEdits();
  return false;
}

function revert(input, value) {
  if (!badText.has(input)) return;
  badText.delete(input);
  input.value = String(value);
  showEdits();
  if (input.dataset.control) render(); // the settings' marks come from the state again
}

function showEdits() {
  for (const input of root.querySelectorAll(".tce-settings input")) {
    if (badText.has(input)) input.setAttribute("aria-invalid", "true");
    else if (input.dataset.role) input.removeAttribute("aria-invalid");
  }
  for (const input of badText.keys()) if (!input.isConnected) badText.delete(input);
  parts.editMsg.textContent = badText.size
    ? `${[...badText.values()].join(". ")}. Whole numbers only: leaving the box puts the number in use back.`
    : "";
  parts.editMsg.hidden = !badText.size;
}

function setParam(key, ax, input) {
  if (!checkText(input, view.state[key][ax])) return;
  const text = input.value.trim();
  const state = tc.cloneState(view.state);
  state[key][ax] = Number(text);
  const fits = () => shapeOk(state);
  if (key === "i" && fits()) state.x = resize(view.state.x, view.state.i, state.i, "x");
  if (key === "k" && fits()) state.w = resize(view.state.w, view.state.k, state.k, "w");
  view.step = -1;
  setState(state);
}

function setValue(key, j, input) {
  if (!checkText(input, view.state[key][j])) return;
  const text = input.value.trim();
  const state = tc.cloneState(view.state);
  state[key][j] = Number(text);
  input.dataset.value = String(state[key][j]);
  setState(state);
}

function setDim(dim) {
  const s = view.state;
  if (dim === s.dim) return;
  const last = (v) => [v[v.length - 1]];
  const state = { dim };
  for (const key of ["k", "s", "p", "a", "d"]) state[key] = dim === 1 ? last(s[key]) : [s[key][0], s[key][0]];
  if (dim === 1) {
    state.i = last(s.i);
    state.x = s.x.slice(0, state.i[0]); // the first row
    state.w = s.w.slice(0, state.k[0]);
  } else {
    state.i = [Math.min(s.i[0], 8), Math.min(s.i[0], 8)];
    state.x = resize(s.x, [1, s.x.length], state.i, "x");
    state.w = resize(s.w, [1, s.w.length], state.k, "w");
  }
  view.focus = null;
  view.pinned = null;
  view.step = -1;
  setState(state);
}

function setState(state) {
  view.state = state;
  history.replaceState(null, "", "#" + tc.formatHash(state));
  render();
}

function randomState() {
  const r = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));
  const dim = view.state.dim;
  for (;;) {
    const axis = () => {
      const s = r(1, 3), d = Math.random() < 0.8 ? 1 : r(2, 3), k = r(1, 4);
      return { i: r(1, dim === 1 ? 8 : 4), k, s, d, p: r(0, Math.max(0, Math.floor((k - 1) * d / 2))), a: r(0, Math.max(s, d) - 1) };
    };
    const axes = Array.from({ length: dim }, axis);
    const state = { dim };
    for (const key of ["i", "k", "s", "p", "a", "d"]) state[key] = axes.map((a) => a[key]);
    state.x = Array.from({ length: tc.prod(state.i) }, () => r(-3, 9));
    state.w = Array.from({ length: tc.prod(state.k) }, () => r(-2, 5));
    if (!tc.validate(state)) {
      view.focus = null;
      view.pinned = null;
      view.step = -1;
      setState(state);
      return;
    }
  }
}

function step(delta) {
  const n = view.state.x.length;
  view.step = view.step < 0 ? (delta > 0 ? 0 : n - 1) : view.step + delta;
  if (view.step >= n || view.step < 0) view.step = -1;
  draw();
}

function stepKeys(e) {
  if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
    e.preventDefault();
    step(e.key === "ArrowRight" ? 1 : -1);
  }
}

function setFocus(pos, announce = true, pin = true) {
  view.focus = pos;
  if (pin) view.pinned = pos;
  draw();
  if (announce) parts.sum.textContent = tc.sumText(view.state, pos);
}

function outputKeys(e) {
  const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1], Home: [0, -99], End: [0, 99] };
  const move = moves[e.key];
  if (!move || !view.focus) return;
  e.preventDefault();
  const shape = grid2(tc.sizes(view.state).map((z) => z.out));
  const [r, c] = view.state.dim === 1 ? [0, view.focus[0]] : view.focus;
  const nr = Math.min(shape[0] - 1, Math.max(0, r + move[0]));
  const nc = Math.min(shape[1] - 1, Math.max(0, c + move[1]));
  setFocus(posOf(nr, nc, view.state.dim));
}

// --- rendering --------------------------------------------------------------------------

function render() {
  const { state } = view;
  // the select already shows the new value when the user changed it: track the built table's
  // dimension instead of the select's
  if (parts.paramsDim !== state.dim) {
    parts.dim.value = String(state.dim);
    parts.paramsDim = state.dim;
    buildParams();
  } else {
    for (const input of parts.params.querySelectorAll("input")) {
      const v = String(state[input.dataset.control][Number(input.dataset.axis)]);
      if (input.value !== v && document.activeElement !== input) input.value = v;
    }
  }
  const shape = JSON.stringify([state.dim, state.i, state.k, inRange(state)]);
  if (parts.editorShape !== shape) {
    parts.editorShape = shape;
    buildEditors();
    showEdits();
  } else {
    for (const input of parts.editors.querySelectorAll("input")) {
      const values = input.dataset.role === "input" ? state.x : state.w;
      const v = String(values[tc.ravel(input.dataset.index.split(",").map(Number), input.dataset.role === "input" ? state.i : state.k)]);
      input.dataset.value = v;
      if (input.value !== v && document.activeElement !== input) input.value = v;
    }
  }
  const why = tc.validate(state);
  const every = why ? settingProblems(state) : [];
  for (const input of parts.params.querySelectorAll("input")) {
    const ax = Number(input.dataset.axis);
    const bad = badText.has(input) || (why && ((tc.NAMES[input.dataset.control] === why.param && (why.axis == null || why.axis === ax)) ||
      every.some((q) => q.key === input.dataset.control && q.ax === ax)));
    input.setAttribute("aria-invalid", bad ? "true" : "false");
  }
  if (why) {
    let head = `PyTorch and transposed_conv refuse these settings: ${why.message}.`;
    if (why.message.includes("in the explorer")) head = `The explorer cannot show these settings: ${why.message}.`;
    if (why.param === "x" || why.param === "weight") head = `The explorer refuses these values: ${why.message}.`;
    parts.alert.replaceChildren(el("p", { text: head }));
    if (every.length > 1) {
      parts.alert.append(el("p", { text: `Every setting to fix (${every.length}):` }), el("ul", {}, ...every.map((q) => el("li", { text: q.message }))));
    }
    parts.alert.hidden = false;
    parts.output.hidden = true;
    parts.codeSection.hidden = true;
    parts.arith.replaceChildren();
    parts.code.replaceChildren();
    for (const v of [parts.scatter, parts.direct, parts.matrix]) v.replaceChildren();
    return;
  }
  parts.alert.replaceChildren();
  parts.alert.hidden = true;
  parts.output.hidden = false;
  parts.codeSection.hidden = false;
  const out = tc.sizes(state).map((z) => z.out);
  if (!view.focus || view.focus.some((v, ax) => v >= out[ax])) {
    view.focus = out.map((n) => Math.floor(n / 2));
  }
  if (!view.pinned || view.pinned.some((v, ax) => v >= out[ax]) || view.pinned.length !== out.length) view.pinned = view.focus;
  if (view.step >= state.x.length) view.step = -1;
  parts.sum.textContent = tc.sumText(state, view.focus);
  drawArithmetic();
  drawCode();
  draw();
}

function draw() {
  if (tc.validate(view.state)) return;
  drawScatter();
  drawDirect();
  drawMatrix();
}

/** Put a freshly drawn figure in place, keeping the keyboard focus if the old one had it. */
function swap(container, svg) {
  const had = container.contains(document.activeElement);
  container.replaceChildren(svg);
  if (had) svg.focus({ preventScroll: true });
}

function svgFor(width, height, label) {
  return svgEl("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": label, class: "tce-figure" });
}

/** A grid of cells: cell(r, c) returns {cls, text, small, attrs} or null for no cell. */
function drawGrid(svg, x0, y0, rows, cols, cell, size = CELL) {
  const g = svgEl("g");
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const spec = cell(r, c);
      if (!spec) continue;
      const x = x0 + c * size, y = y0 + r * size;
      const cg = svgEl("g", { class: `tce-cell ${spec.cls || ""}`, ...(spec.attrs || {}) });
      cg.append(svgEl("rect", { x, y, width: size, height: size, class: "tce-box" }));
      if (spec.hl) {
        cg.append(svgEl("rect", { x: x + 1.5, y: y + 1.5, width: size - 3, height: size - 3, class: "tce-hl-outer" }));
        cg.append(svgEl("rect", { x: x + 3.5, y: y + 3.5, width: size - 7, height: size - 7, class: "tce-hl-inner" }));
      }
      if (spec.current) {
        // the input being stamped: a thick dashed outline and a filled corner marker, unlike
        // the solid outline of the cells linked to the focused output
        cg.append(svgEl("rect", { x: x + 2, y: y + 2, width: size - 4, height: size - 4, class: "tce-current-mark" }));
        cg.append(svgEl("path", { d: `M${x} ${y}h${size * 0.4}L${x} ${y + size * 0.4}z`, class: "tce-current-corner" }));
      }
      if (spec.tap != null) cg.append(svgEl("text", { x: x + size / 2, y: y + size - 8, class: "tce-tap" }, spec.tap));
      if (spec.text != null) cg.append(svgEl("text", { x: x + size / 2, y: y + size / 2 + (spec.small ? -5 : spec.tap ? -7 : 0), class: "tce-num", "font-size": fontSize(spec.text, size) }, spec.text));
      if (spec.small != null) cg.append(svgEl("text", { x: x + size - 3, y: y + size - 4, class: "tce-small" }, spec.small));
      g.append(cg);
    }
  }
  svg.append(g);
  return g;
}

function fontSize(text, size) {
  const n = String(text).length;
  return Math.min(size * 0.42, (size * 1.5) / Math.max(n, 1));
}

function title(svg, x, y, text) {
  svg.append(svgEl("text", { x, y, class: "tce-title" }, text));
}

function reachOf(state, o) {
  const taps = tc.tapsOf(state, o);
  return { taps, xs: new Set(taps.map((t) => t.x)), ws: new Set(taps.map((t) => t.w)) };
}

function drawScatter() {
  const { state, focus } = view;
  const dim = state.dim;
  const sz = tc.sizes(state);
  const reach = reachOf(state, focus);
  const [xr, xc] = grid2(state.i), [kr, kc] = grid2(state.k);
  const canvas = grid2(sz.map((z) => z.canvas));
  const outShape = sz.map((z) => z.out);
  const final = tc.conv(state);
  // partial sums of the stamps 0..step over the canvas (uncropped coordinates)
  const upto = view.step < 0 ? state.x.length - 1 : view.step;
  const canvasShape = sz.map((z) => z.canvas);
  const partial = new Array(tc.prod(canvasShape)).fill(0);
  const current = new Map();
  for (let j = 0; j <= upto; j++) {
    const q = tc.unravel(j, state.i);
    for (let t = 0; t < state.w.length; t++) {
      const tp = tc.unravel(t, state.k);
      const pos = q.map((qq, ax) => qq * state.s[ax] + tp[ax] * state.d[ax]);
      const flat = tc.ravel(pos, canvasShape);
      partial[flat] += state.x[j] * state.w[t];
      if (j === view.step) current.set(flat, state.x[j] * state.w[t]);
    }
  }
  const size = Math.max(18, Math.min(CELL, Math.floor(560 / Math.max(canvas[1], 1))));
  const gap = 24;
  const topW = (xc + kc) * CELL + gap * 2;
  const width = Math.max(topW, canvas[1] * size) + 8;
  const topH = Math.max(xr, kr) * CELL + 24;
  const height = topH + 28 + canvas[0] * size + 8;
  const svg = svgFor(width, height, "Scatter-add: input x, kernel w, and the output y with its cropped border");
  title(svg, 4, 14, "x");
  drawGrid(svg, 4, 20, xr, xc, (r, c) => {
    const j = tc.ravel(posOf(r, c, dim), state.i);
    return { cls: "tce-input" + (j === view.step ? " tce-current" : ""), text: state.x[j], hl: reach.xs.has(j), current: j === view.step };
  });
  const kx = 4 + xc * CELL + gap;
  title(svg, kx, 14, "w");
  drawGrid(svg, kx, 20, kr, kc, (r, c) => {
    const t = tc.ravel(posOf(r, c, dim), state.k);
    return { cls: "tce-kernel", text: state.w[t], hl: reach.ws.has(t) };
  });
  title(svg, 4, topH + 18, view.step < 0 ? "y: all stamps added" : `y after ${upto + 1} of ${state.x.length} stamps`);
  const g = drawGrid(svg, 4, topH + 24, canvas[0], canvas[1], (r, c) => {
    const cpos = posOf(r, c, dim);
    const flat = tc.ravel(cpos, canvasShape);
    const opos = cpos.map((v, ax) => v - state.p[ax]);
    const inside = opos.every((v, ax) => v >= 0 && v < outShape[ax]);
    const stamp = current.get(flat);
    if (!inside) return { cls: "tce-cropped" + (stamp != null ? " tce-stamp" : ""), text: partial[flat], small: stamp != null ? fmtAdd(stamp) : null };
    const value = final.values[tc.ravel(opos, outShape)];
    const added = opos.some((v, ax) => v >= sz[ax].full - 2 * state.p[ax]); // put there by output padding
    return {
      cls: "tce-output" + (stamp != null ? " tce-stamp" : "") + (added ? " tce-added" : ""),
      text: partial[flat],
      small: stamp != null ? fmtAdd(stamp) : null,
      hl: same(opos, focus),
      attrs: { "data-role": "output", "data-index": idx(opos), "data-value": value, "data-pos": opos.join(",") },
    };
  }, size);
  // the output's frame inside the uncropped canvas
  const [pr, pc] = dim === 1 ? [0, state.p[0]] : state.p;
  const [orows, ocols] = grid2(outShape);
  svg.append(svgEl("rect", { x: 4 + pc * size, y: topH + 24 + pr * size, width: ocols * size, height: orows * size, class: "tce-frame" }));
  hookOutputs(svg, g);
  swap(parts.scatter, svg);
  if (view.step < 0) {
    parts.stepText.textContent = `All ${state.x.length} stamps added: each output cell holds its final sum. Press Next to add them one at a time.`;
  } else {
    const q = tc.unravel(view.step, state.i);
    parts.stepText.textContent = `Stamp ${view.step + 1} of ${state.x.length}: x[${label(q)}] = ${state.x[view.step]} adds ${state.x[view.step]} × w (small numbers) at ${dim === 1 ? "position" : "row, column"} ${label(q.map((v, ax) => v * state.s[ax] - state.p[ax]))} of the output (where its tap w[${label(q.map(() => 0))}] lands: input position × s − p; a negative or too large position falls in the cropped border); the big numbers are the sums so far.`;
  }
}

const fmtAdd = (v) => (v < 0 ? `−${-v}` : `+${v}`);

function hookOutputs(svg, g) {
  svg.setAttribute("tabindex", "0");
  svg.setAttribute("aria-describedby", "tce-sum");
  svg.addEventListener("keydown", outputKeys);
  // hovering shows a cell for as long as the pointer is on it; a click (or the keyboard) keeps it
  const pick = (pin) => (e) => {
    const cell = e.target.closest("[data-pos]");
    if (cell && g.contains(cell)) {
      const pos = cell.dataset.pos.split(",").map(Number);
      if (pin) view.pinned = pos;
      if (!same(pos, view.focus)) setFocus(pos, true, pin);
    }
  };
  svg.addEventListener("pointerover", pick(false));
  svg.addEventListener("click", pick(true));

}

function drawDirect() {
  const { state, focus } = view;
  const dim = state.dim;
  const sz = tc.sizes(state);
  const z = tc.zeroInserted(state);
  const rot = tc.rotatedKernel(state);
  const win = tc.windowOf(state, focus);
  const winCells = new Map(win.map((w) => [w.cell, w.tap]));
  const used = new Set(win.filter((w) => z.kinds[w.cell] === "input").map((w) => w.tap));
  // a negative padding crops the zero-inserted input: those cells are drawn too, faded
  const cut0 = sz.map((q) => Math.max(0, -q.before)), cut1 = sz.map((q) => Math.max(0, -q.after));
  const ext = z.shape.map((n, ax) => n + cut0[ax] + cut1[ax]);
  const [pr, pc] = grid2(ext), [kr, kc] = grid2(state.k);
  const outShape = sz.map((q) => q.out);
  const [or, oc] = grid2(outShape);
  const size = Math.max(16, Math.min(CELL, Math.floor(560 / Math.max(pc, 1))));
  const final = tc.conv(state);
  const KCELL = 50; // room for the tap's name, w[2, 2], under its value
  const width = Math.max(pc * size, kc * KCELL + oc * CELL + 40) + 8;
  const height = 20 + pr * size + 30 + Math.max(kr * KCELL, or * CELL) + 8;
  const svg = svgFor(width, height, "The equivalent direct convolution: the zero-inserted, padded input, the rotated kernel and the output");
  const cropped = sz.map((q) => Math.max(0, -q.before));
  const edges = cropped.some((n) => n > 0)
    ? `cropped by ${cropped.length === 1 || cropped[0] === cropped[1] ? cropped[0] : cropped.join(" × ")} at the start`
    : "padded";
  const faded = [...cut0, ...cut1].some((n) => n > 0) ? "; cropped cells faded" : "";
  title(svg, 4, 14, `x with zeros inserted, then ${edges} (${z.shape.join(" × ")}${faded})`);
  drawGrid(svg, 4, 20, pr, pc, (r, c) => {
    const padPos = posOf(r, c, dim).map((v, ax) => v - cut0[ax]);
    if (!padPos.every((v, ax) => v >= 0 && v < z.shape[ax])) {
      const ins = padPos.map((v, ax) => v - sz[ax].before);
      const known = ins.every((v, ax) => v >= 0 && v < z.inserted.shape[ax]);
      return { cls: "tce-cropped", text: known ? z.inserted.values[tc.ravel(ins, z.inserted.shape)] : 0 };
    }
    const cell = tc.ravel(padPos, z.shape);
    const kind = z.kinds[cell];
    const tap = winCells.get(cell);
    return {
      cls: `tce-${kind === "input" ? "input" : kind}${tap != null ? " tce-window" : ""}`,
      text: z.values[cell],
      hl: tap != null && kind === "input",
    };
  }, size);
  const y2 = 20 + pr * size + 30;
  title(svg, 4, y2 - 8, "w rotated 180°");
  drawGrid(svg, 4, y2, kr, kc, (r, c) => {
    const t = tc.ravel(posOf(r, c, dim), state.k);
    return { cls: "tce-kernel", text: rot[t], hl: used.has(t), tap: `w[${label(tc.unravel(rot.length - 1 - t, state.k))}]` };
  }, KCELL);
  const ox = 4 + kc * KCELL + 40;
  title(svg, ox, y2 - 8, "y");
  const g = drawGrid(svg, ox, y2, or, oc, (r, c) => {
    const pos = posOf(r, c, dim);
    return { cls: "tce-output", text: final.values[tc.ravel(pos, outShape)], hl: same(pos, focus), attrs: { "data-pos": pos.join(",") } };
  });
  hookOutputs(svg, g);
  swap(parts.direct, svg);
  const side = (n) => (n >= 0 ? `pad ${n}` : `crop ${-n}`);
  const axisText = (q) => `${q.s - 1} zero${q.s === 2 ? "" : "s"} between values, ${side(q.before)} at the start (d(k − 1) − p = ${q.d}·${q.k - 1} − ${q.p}) and ${side(q.after)} at the end (plus a = ${q.a})`;
  const texts = sz.map(axisText);
  // said once when rows and columns agree
  const pads = dim === 2 && texts[0] === texts[1] ? [`rows and columns alike: ${texts[0]}`] : texts.map((t, ax) => `${dim === 2 ? AXES[2][ax] + ": " : ""}${t}`);
  parts.directText.textContent =
    `Insert s − 1 zeros between the input values (grey), pad the edges (beige) and slide the kernel rotated by 180° with stride 1: the same numbers. ${pads.join("; ")}. ` +
    `Each cell of the rotated kernel names the tap of w it holds; laid over the outlined window, the same arrangement shows which tap each window cell meets.`;
}

function drawMatrix() {
  const { state, focus } = view;
  const dim = state.dim;
  const outShape = tc.sizes(state).map((q) => q.out);
  const nOut = tc.prod(outShape), nIn = state.x.length;
  const focusRow = tc.ravel(focus, outShape);
  const full = nOut * nIn <= 400 && nIn <= 16;
  const rows = full ? Array.from({ length: nOut }, (_, r) => r) : [focusRow];
  const labelW = dim === 1 ? 52 : 72;
  const size = 30;
  const headH = dim === 1 ? 24 : 56; // 2-D column headers are turned to fit
  const width = labelW + nIn * size + 24;
  const height = headH + rows.length * size + 8;
  const svg = svgFor(width, height, full ? "The matrix C transposed" : "The focused output's row of C transposed");
  const reach = reachOf(state, focus);
  for (let j = 0; j < nIn; j++) {
    const cx = labelW + j * size + size / 2;
    svg.append(dim === 1
      ? svgEl("text", { x: cx, y: 16, class: "tce-label" }, `x[${j}]`)
      : svgEl("text", { x: cx + 4, y: headH - 6, class: "tce-label tce-collabel", transform: `rotate(-55 ${cx + 4} ${headH - 6})` }, `x[${label(tc.unravel(j, state.i))}]`));
  }
  const g = svgEl("g");
  rows.forEach((r, n) => {
    const pos = tc.unravel(r, outShape);
    const row = tc.matrixRow(state, pos);
    const y = headH - 4 + n * size;
    const rg = svgEl("g", { "data-pos": pos.join(","), class: r === focusRow ? "tce-row-focus" : "" });
    rg.append(svgEl("text", { x: labelW - 4, y: y + size / 2, class: "tce-label tce-rowlabel" }, `y[${label(pos)}]`));
    row.forEach((v, j) => {
      const x = labelW + j * size;
      const cg = svgEl("g", { class: `tce-cell ${v !== 0 ? "tce-matrix" : "tce-zero-m"}` });
      cg.append(svgEl("rect", { x, y, width: size, height: size, class: "tce-box" }));
      if (r === focusRow && reach.xs.has(j)) {
        cg.append(svgEl("rect", { x: x + 1.5, y: y + 1.5, width: size - 3, height: size - 3, class: "tce-hl-outer" }));
        cg.append(svgEl("rect", { x: x + 3.5, y: y + 3.5, width: size - 7, height: size - 7, class: "tce-hl-inner" }));
      }
      cg.append(svgEl("text", { x: x + size / 2, y: y + size / 2, class: "tce-num", "font-size": fontSize(v, size) }, v));
      rg.append(cg);
    });
    if (r === focusRow) rg.append(svgEl("rect", { x: labelW, y, width: nIn * size, height: size, class: "tce-frame" }));
    g.append(rg);
  });
  svg.append(g);
  hookOutputs(svg, g);
  swap(parts.matrix, svg);
  parts.matrixText.textContent = (full
    ? `Cᵀ has one row per output value (${nOut}) and one column per input value (${nIn}); y = Cᵀx. `
    : `Cᵀ has ${nOut} rows and ${nIn} columns, too many to draw: this is the focused output's row. `) +
    `Row y[${label(focus)}] holds the kernel weight each input sends to that output; C itself is the matrix of the direct convolution from an input of size ${outShape.join(" × ")} down to ${view.state.i.join(" × ")}.`;
}

function drawArithmetic() {
  const { state } = view;
  const sz = tc.sizes(state);
  const items = sz.map((z, ax) => {
    const name = state.dim === 2 ? `${AXES[2][ax]}: ` : "";
    const formula = `o′ = (i′ − 1)s − 2p + d(k − 1) + a + 1 = (${z.n} − 1)·${z.s} − 2·${z.p} + ${z.d}·(${z.k} − 1) + ${z.a} + 1 = ${z.out}`;
    let why;
    if (z.convInputs.length > 1) {
      why = `A convolution with the same k, s, p and d maps each of the lengths ${z.convInputs.join(", ")} to ${z.n}: the sizes alone cannot say which one to return, so output padding a (0 to ${z.s - 1}) picks it; a = ${z.a} gives ${z.out}.`;
    } else {
      why = `A convolution with the same k, s, p and d maps length ${z.convInputs[0]} back to ${z.n}: with stride ${z.s} only that length does, so output padding has nothing to choose${z.a ? ` (a = ${z.a} is allowed here only because the dilation is larger than the stride)` : ""}.`;
      if (z.a && !z.convInputs.includes(z.out)) why = `A convolution with the same k, s, p and d maps length ${z.convInputs.join(", ")} to ${z.n}; output padding a = ${z.a} (allowed since the dilation ${z.d} exceeds the stride ${z.s}) adds ${z.a} more.`;
    }
    if (z.a > 0) {
      why += ` ${tc.outputPaddingText(z.a, z.p)}`;
    }
    return el("li", {}, el("strong", { text: name }), el("span", { class: "tce-formula", text: formula }), el("br"), why);
  });
  parts.arith.replaceChildren(el("h2", { text: "The size arithmetic" }),
    el("p", { text: "The primes follow Dumoulin and Visin's notation: i′ is the transposed convolution's input size and o′ its output size (unprimed i and o belong to the direct convolution it reverses)." }),
    el("ul", {}, ...items));
}

function drawCode() {
  const code = tc.codeFor(view.state);
  parts.code.replaceChildren(...[["transposed_conv", code.package], ["PyTorch", code.torch]].map(([name, text]) => {
    const status = el("span", { class: "tce-copied", "aria-live": "polite" });
    const pre = el("pre", { tabindex: "0" }, el("code", { text }));
    const copy = el("button", { type: "button", text: `Copy the ${name} code`, onclick: () => copyText(text, pre, status) });
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

/** Show a state picked in the finder: draw it, bring the views into sight, focus the first figure. */
function openState(e, state) {
  e.preventDefault();
  history.pushState(null, "", "#" + tc.formatHash(state));
  view.state = tc.cloneState(state);
  view.focus = null;
  view.pinned = null;
  view.step = -1;
  render();
  const still = matchMedia("(prefers-reduced-motion: reduce)").matches;
  parts.output.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  parts.scatter.querySelector("svg")?.focus({ preventScroll: true });
}

function buildFinder() {
  const n = el("input", { type: "number", id: "tce-find-n", min: 1, max: 16, value: 4, inputmode: "numeric" });
  const m = el("input", { type: "number", id: "tce-find-m", min: 1, max: 128, value: 8, inputmode: "numeric" });
  const result = el("div", { class: "tce-found" });
  const run = (e) => {
    e.preventDefault();
    const [ni, mi] = [Number(n.value), Number(m.value)];
    if (!Number.isInteger(ni) || !Number.isInteger(mi) || ni < 1 || mi < 1 || ni > 16 || mi > 128) {
      result.replaceChildren(el("p", { role: "alert", text: "Input length must be 1 to 16 and output length 1 to 128, whole numbers." }));
      return;
    }
    const found = tc.findParameters(ni, mi);
    if (!found.length) {
      result.replaceChildren(el("p", { text: `No kernel up to 5 and stride up to 4 takes length ${ni} to ${mi}.` }));
      return;
    }
    const heads = ["kernel k", "stride s", "padding p", "output padding a", "taps per output phase", "checkerboard risk", ""];
    const head = el("tr", {}, ...heads.map((t) => el("th", { scope: "col", text: t })));
    const td = (col, attrs, ...children) => el("td", { ...attrs, "data-label": heads[col] }, ...children);
    const rows = found.map((f) => {
      const state = { dim: 1, i: [ni], k: [f.k], s: [f.s], p: [f.p], a: [f.a], d: [1], x: tc.defaultValues(ni, "x"), w: new Array(f.k).fill(1) };
      const open = tc.validate(state) ? el("span", { text: "outside the explorer's ranges" })
        : el("a", { href: "#" + tc.formatHash(state), text: "Open", "aria-label": `Open k=${f.k}, s=${f.s}, p=${f.p}, a=${f.a}`, onclick: (e) => openState(e, state) });
      return el("tr", {}, ...[f.k, f.s, f.p, f.a, f.counts.join(", ")].map((v, col) => td(col, { text: String(v) })),
        td(5, { text: f.even ? "none: every phase gets the same taps" : "yes: uneven taps" }), td(6, {}, open));
    });
    result.replaceChildren(
      el("p", { text: `${found.length} settings take length ${ni} to ${mi} with dilation 1. A kernel whose size the stride divides gives every output phase the same number of taps away from the border; the others risk a checkerboard.` }),
      el("div", { class: "tce-scroll", tabindex: "0", role: "region", "aria-label": "Settings found" }, el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows))));
  };
  const form = el("form", { class: "tce-row", onsubmit: run },
    el("label", { for: "tce-find-n", text: "Input length i′ " }), n,
    el("label", { for: "tce-find-m", text: "Wanted output length o′ " }), m,
    el("button", { type: "submit", text: "Find parameters" }));
  return el("section", { "aria-labelledby": "tce-h-find" }, el("h2", { id: "tce-h-find", text: "Find parameters" }),
    el("p", { text: "Which kernel size, stride, padding and output padding take one length to another? Every answer with kernel up to 5, stride up to 4 and dilation 1 (1-D; use it per axis in 2-D)." }),
    form, result);
}

build();
render();
document.getElementById("explorer-fallback")?.setAttribute("hidden", "");
root.hidden = false;
root.dataset.ready = "true";
