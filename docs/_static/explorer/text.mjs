// The explorer's sentences and code, from the same facts as its numbers (tconv.mjs's
// axisFacts, tapsOf, conv). Pure functions, no DOM.
import { exact, prod, sizes, tapsOf, unravel } from "./tconv.mjs";
import { showUnits } from "./exact.mjs";

const AXIS_NAMES = ["rows", "columns"];
const plural = (n, one, many = `${one}s`) => (n === 1 ? one : many);
const minus = (v) => String(v).replace(/^-/, "\u2212");
const bracket = (text) => (text.startsWith("\u2212") ? `(${text})` : text);

/** A list in words: "3", "3 and 4", "3, 4 and 5". @param {Array<string|number>} items */
export function listText(items) {
  const t = items.map(String);
  return t.length < 2 ? t.join("") : `${t.slice(0, -1).join(", ")} and ${t[t.length - 1]}`;
}

/** A value of x or w as written, with a true minus sign. @param {number} v */
export function valueText(v) {
  return minus(v + 0);
}

/**
 * The sum behind one output value, written out and exact:
 * "y[2, 3] = x[0, 1]·w[2, 2] + x[1, 1]·w[1, 2] = 3·1 + 3·2 = 9". While the stamps are added one
 * at a time (step >= 0: stamps 0 to step are in), only the terms added so far:
 * "y[2, 2] after 1 of 4 stamps = x[0, 0]·w[2, 2] = 1·1 = 1; 3 more terms to come".
 * @param {object} state a valid state
 * @param {number[]} o output position
 * @param {number} [step] the stamp added last (−1, the default: all of them)
 * @returns {string}
 */
export function sumText(state, o, step = -1) {
  const e = exact(state);
  const taps = tapsOf(state, o);
  const y = `y[${o.join(", ")}]`;
  if (taps.length === 0) return `${y} = 0: no input value reaches it`;
  const n = state.x.length;
  const added = step < 0 ? taps : taps.filter((t) => t.x <= step);
  const head = step < 0 ? y : `${y} after ${step + 1} of ${n} ${plural(n, "stamp")}`;
  const rest = taps.length - added.length;
  if (added.length === 0) return `${head} = 0; ${rest} ${plural(rest, "term")} to come`;
  const names = added.map((t) => `x[${t.xPos.join(", ")}]·w[${t.wPos.join(", ")}]`).join(" + ");
  const values = added.map((t) => `${bracket(showUnits(t.xUnits, e.px))}·${bracket(showUnits(t.wUnits, e.pw))}`).join(" + ");
  const total = added.reduce((acc, t) => acc + t.xUnits * t.wUnits, 0);
  const tail = step < 0 ? "" : rest ? `; ${rest} more ${plural(rest, "term")} to come` : ": final";
  return `${head} = ${names} = ${values} = ${showUnits(total, e.places)}${tail}`;
}

/**
 * View 1's opening sentence, in the indices of the state's dimension.
 * @param {number} dim 1 or 2
 * @returns {string}
 */
export function scatterLead(dim) {
  const [m, at, tap] = dim === 1 ? ["x[m]", "y[s·m − p]", "w[0]"] : ["x[m, n]", "y[s·m − p, s·n − p]", "w[0, 0]"];
  return `Input ${m} adds ${m} × w onto y, its tap ${tap} on ${at}; overlapping stamps add. Type into x and w; hover, tap or use the arrow keys on y.`;
}

/** The size formula along one axis, numbers put in. @param {object} f axisFacts */
export function sizeFormula(f) {
  return `o′ = (i′ − 1)s − 2p + d(k − 1) + a + 1 = (${f.n} − 1)·${f.s} − 2·${f.p} + ${f.d}·(${f.k} − 1) + ${f.a} + 1 = ${f.out}`;
}

/**
 * Why the output has the length it has along one axis: the lengths a convolution with the
 * same k, s, p and d maps back to i′, and what output padding chooses or adds.
 * @param {object} f axisFacts
 * @returns {string}
 */
export function sizeWhy(f) {
  const same = "a convolution with the same k, s, p and d";
  const empty = f.base < 1
    ? `Without output padding the output would be empty: the padding crops ${f.p} from each end of the full result's ${f.full}. `
    : "";
  const maps = f.convInputs.length === 0
    ? `No length maps back to i′ = ${f.n} under ${same}`
    : f.convInputs.length === 1
      ? `Only length ${f.convInputs[0]} maps back to i′ = ${f.n} under ${same}`
      : `Each of the lengths ${listText(f.convInputs)} maps back to i′ = ${f.n} under ${same}`;
  if (f.a >= f.s) {
    return `${empty}${maps}. Output padding a = ${f.a} is allowed only because the dilation d = ${f.d} is larger than the stride s = ${f.s}; it gives o′ = ${f.out}, from which ${same} gives ${f.convFromOut}, not ${f.n}.`;
  }
  if (f.convInputs.length === 1) {
    return `${empty}${maps}, so output padding has no choice to make: o′ = ${f.out}.`;
  }
  return `${empty}${maps}: the sizes alone cannot say which to give back, so output padding a (0 to ${f.s - 1}) picks one; a = ${f.a} gives o′ = ${f.out}.`;
}

/**
 * What output padding adds along one axis (a > 0): which added outputs hold values of the
 * full result that the padding would otherwise crop, and which no stamp reaches (zeros).
 * @param {object} f axisFacts with f.a > 0
 * @param {number} dim 1 or 2 (2-D speaks of rows or columns)
 * @param {number} ax the axis
 * @returns {string}
 */
export function outputPaddingText(f, dim = 1, ax = 0) {
  const unit = dim === 1 ? ["output", "outputs"] : [AXIS_NAMES[ax].slice(0, -1), AXIS_NAMES[ax]];
  const named = (rs) => (dim === 1 ? listText(rs.map((r) => `y[${r}]`)) : `${plural(rs.length, unit[0], unit[1])} ${listText(rs)}`);
  const added = [];
  for (let r = f.addedFrom; r < f.out; r++) added.push(r);
  const reached = f.reachedAdded;
  const zeros = added.filter((r) => !reached.includes(r));
  const head = f.base >= 0
    ? `Output padding a = ${f.a} adds ${f.added === 1 ? `one ${unit[0]}` : `${f.added} ${unit[1]}`} at the end (dashed outline): ${named(added)}.`
    : `Every ${unit[0]} is output padding's here (dashed outline): ${named(added)}.`;
  const crop = `values of the full result that the padding p = ${f.p} would otherwise crop`;
  const parts = [];
  if (reached.length) parts.push(`${named(reached)} ${reached.length === 1 ? "holds" : "hold"} ${crop}`);
  if (zeros.length) parts.push(`no stamp reaches ${named(zeros)}, so ${zeros.length === 1 ? "it is zero" : "they are zeros"}`);
  const joined = parts.join("; ");
  const capital = joined.startsWith("y[") ? joined : `${joined.charAt(0).toUpperCase()}${joined.slice(1)}`;
  return `${head} ${capital}.`;
}

/**
 * The matrix view's sentence: C^T's size, what a row holds, and what C is.
 * @param {object} state a valid state
 * @param {boolean} whole every row is drawn
 * @returns {string}
 */
export function matrixText(state, whole) {
  const sz = sizes(state);
  const nOut = prod(sz.map((z) => z.out)), nIn = prod(state.i);
  const outSize = sz.map((z) => z.out).join(" × ");
  const convSize = sz.map((z) => z.convFromOut).join(" × ");
  const head = whole
    ? `Cᵀ has one row per output value (${nOut}) and one column per input value (${nIn}): y = Cᵀx.`
    : `Cᵀ has ${nOut} rows and ${nIn} columns, too many to draw: here is the focused output's row, with x under it.`;
  const row = "A row holds the weight each input value sends to that output; the others are 0.";
  const c = sz.every((z) => z.convFromOut === z.n)
    ? `C itself is the matrix of the direct convolution with the same k, s, p and d, from y's size ${outSize} down to x's size ${state.i.join(" × ")}.`
    : `C comes from the direct convolution with the same k, s, p and d on y's size ${outSize}, which gives ${convSize}: Cᵀ keeps the ${nIn} ${plural(nIn, "column")} x has (output padding a ≥ s made y longer than that convolution needs).`;
  return `${head} ${row} ${c}`;
}

/**
 * The direct-convolution view's sentence: zeros inserted, padding or crop at each end.
 * @param {object} state a valid state
 * @returns {string}
 */
export function directText(state) {
  const side = (v) => (v >= 0 ? `pad ${v}` : `crop ${-v}`);
  const axisText = (z) =>
    `${z.s - 1} ${plural(z.s - 1, "zero")} between values, ${side(z.before)} at the start (d(k − 1) − p = ${z.d}·${z.k - 1} − ${z.p}) and ${side(z.after)} at the end (plus a = ${z.a})`;
  const texts = sizes(state).map(axisText);
  const pads = state.dim === 2 && texts[0] === texts[1]
    ? [`Rows and columns alike: ${texts[0]}`]
    : texts.map((t, ax) => `${state.dim === 2 ? `${ax ? "columns" : "Rows"}: ` : ""}${t}`);
  const d = state.d.map((v, ax) => ({ v, span: v * (state.k[ax] - 1) + 1, ax })).filter((q) => q.v > 1);
  const spread = d.length === 0 ? ""
    : state.dim === 1 || (d.length === 2 && d[0].v === d[1].v && d[0].span === d[1].span)
      ? ` With dilation d = ${d[0].v} the rotated kernel's taps sit ${d[0].v} cells apart: the window spreads over d(k − 1) + 1 = ${d[0].span} cells${state.dim === 2 ? " each way" : ""}.`
      : ` With dilation the rotated kernel's taps sit d cells apart: ${d.map((q) => `the window spreads over d(k − 1) + 1 = ${q.span} ${AXIS_NAMES[q.ax]} (d = ${q.v})`).join(" and ")}.`;
  return `Insert s − 1 zeros between the input values, pad the edges and slide w rotated by 180° with stride 1: the same numbers. ${pads.join("; ")}.${spread}`;
}

/**
 * The finder's words for the output phases no tap reaches (r mod s), from findParameters.
 * @param {{missing: number[]}} found one setting found
 * @returns {string}
 */
export function unreachedText(found) {
  return found.missing.length ? `${listText(found.missing)}: always 0` : "all reached";
}

/**
 * A polite status line after a setting changed: the output's size now.
 * @param {number[]} shape y's shape now
 * @param {number[] | null} before y's shape before (null: none drawn)
 * @returns {string}
 */
export function sizeStatus(shape, before) {
  const still = Boolean(before) && before.length === shape.length && before.every((v, ax) => v === shape[ax]);
  if (shape.length === 1) return `y ${still ? "still has" : "now has"} ${shape[0]} ${plural(shape[0], "value")}`;
  return `y is ${still ? "still" : "now"} ${shape.join(" × ")}`;
}

/**
 * The stepper's line: which stamp is added, where its first tap lands.
 * @param {object} state a valid state
 * @param {number} step the stamp added last (−1: all of them)
 * @returns {string}
 */
export function stepText(state, step) {
  const n = state.x.length;
  if (step < 0) return `All ${n} ${plural(n, "stamp")} added: each output holds its final sum. Next or Play adds them one at a time.`;
  const m = unravel(step, state.i);
  const at = m.map((v, ax) => v * state.s[ax] - state.p[ax]);
  const v = valueText(state.x[step]);
  return `Stamp ${step + 1} of ${n}: x[${m.join(", ")}] = ${v} adds ${v} × w (double outline, small numbers) with its tap w[${m.map(() => 0).join(", ")}] on y[${at.map(minus).join(", ")}] (s·m − p${at.some((q) => q < 0) ? "; a negative index lies in the cropped border" : ""}); the big numbers are the sums so far.`;
}

/**
 * The transposed_conv and PyTorch calls that compute a state.
 * @param {object} state a valid state
 * @returns {{package: string, torch: string}}
 */
export function codeFor(state) {
  const one = state.dim === 1;
  const arg = (v) => (one ? `${v[0]}` : v[0] === v[1] ? `${v[0]}` : `(${v.join(", ")})`);
  const num = (v) => String(v + 0);
  const nested = (values, shape) =>
    one
      ? `[${values.map(num).join(", ")}]`
      : `[${Array.from({ length: shape[0] }, (_, r) => `[${values.slice(r * shape[1], (r + 1) * shape[1]).map(num).join(", ")}]`).join(", ")}]`;
  const opts = [];
  for (const [key, name, dflt] of [["s", "stride", 1], ["p", "padding", 0], ["a", "output_padding", 0], ["d", "dilation", 1]]) {
    if (state[key].some((v) => v !== dflt)) opts.push(`${name}=${arg(state[key])}`);
  }
  const fn = one ? "conv_transpose1d" : "conv_transpose2d";
  const pkg = [
    "import numpy as np",
    "import transposed_conv as tc",
    "",
    `x = np.array(${nested(state.x, state.i)})`,
    `w = np.array(${nested(state.w, state.k)})`,
    `y = tc.${fn}(x, w${opts.length ? ", " + opts.join(", ") : ""})`,
  ].join("\n");
  const layer = one ? "ConvTranspose1d" : "ConvTranspose2d";
  const torchArgs = [`kernel_size=${arg(state.k)}`];
  for (const [key, name] of [["s", "stride"], ["p", "padding"], ["a", "output_padding"], ["d", "dilation"]]) {
    torchArgs.push(`${name}=${arg(state[key])}`);
  }
  const shape = [1, 1, ...state.k].join(", ");
  const torch = [
    "import torch",
    "",
    `layer = torch.nn.${layer}(1, 1, ${torchArgs.join(", ")}, bias=False, dtype=torch.float64)`,
    `# layer.weight has shape (in_channels, out_channels, ${one ? "k" : "kH, kW"}) = (${shape})`,
    "with torch.no_grad():",
    `    layer.weight.copy_(torch.tensor(${nested(state.w, state.k)}, dtype=torch.float64).reshape(${shape}))`,
    `x = torch.tensor(${nested(state.x, state.i)}, dtype=torch.float64).reshape(1, 1, ${state.i.join(", ")})`,
    "y = layer(x)[0, 0]",
  ].join("\n");
  return { package: pkg, torch };
}
