// The explorer's arithmetic: transposed convolution of one integer channel, 1-D or 2-D.
// Pure functions on plain arrays, no DOM: Node's test runner imports this file directly
// (tests/js/) and checks it against the transposed_conv package.
//
// A state is {dim, i, k, s, p, a, d, x, w}: dim is 1 or 2; i (input size), k (kernel size),
// s (stride), p (padding), a (output_padding) and d (dilation) are arrays of one entry per
// axis; x and w are the input and kernel values, row-major. Arrays of values are flat and
// row-major too; an index into them is a "flat" index, a per-axis index is a "position".

/** The explorer's ranges, per parameter: [min, max] (the input size depends on dim). */
export const RANGES = {
  i: { 1: [1, 16], 2: [1, 8] },
  k: [1, 5],
  s: [1, 4],
  p: [0, 4],
  a: [0, 3],
  d: [1, 3],
};

/** The parameters' names in the package (and PyTorch), by the explorer's keys. */
export const NAMES = {
  i: "input size",
  k: "kernel_size",
  s: "stride",
  p: "padding",
  a: "output_padding",
  d: "dilation",
  x: "x",
  w: "weight",
};

/** Largest integer a double holds exactly, as in the package's int64 (which holds more). */
export const MAX_EXACT = Number.MAX_SAFE_INTEGER;

/** The walk-through's example: a 2x2 input and 3x3 kernel, stride 1, no padding. */
export const DEFAULT_2D = Object.freeze({
  dim: 2,
  i: [2, 2],
  k: [3, 3],
  s: [1, 1],
  p: [0, 0],
  a: [0, 0],
  d: [1, 1],
  x: [1, 3, 2, 3],
  w: [2, 3, 2, 1, 4, 2, 3, 4, 1],
});

/** The 1-D default: the walk-through's first input row and kernel row, stride 2. */
export const DEFAULT_1D = Object.freeze({
  dim: 1,
  i: [2],
  k: [3],
  s: [2],
  p: [0],
  a: [0],
  d: [1],
  x: [1, 3],
  w: [2, 3, 2],
});

const AXIS_KEYS = ["i", "k", "s", "p", "a", "d"];

/**
 * Product of the entries of a shape.
 * @param {number[]} shape
 * @returns {number}
 */
export function prod(shape) {
  return shape.reduce((acc, n) => acc * n, 1);
}

/**
 * Flat (row-major) index of a position in an array of the given shape.
 * @param {number[]} pos
 * @param {number[]} shape
 * @returns {number}
 */
export function ravel(pos, shape) {
  return pos.reduce((acc, q, ax) => acc * shape[ax] + q, 0);
}

/**
 * Position of a flat (row-major) index in an array of the given shape.
 * @param {number} flat
 * @param {number[]} shape
 * @returns {number[]}
 */
export function unravel(flat, shape) {
  const pos = new Array(shape.length);
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    pos[ax] = flat % shape[ax];
    flat = Math.floor(flat / shape[ax]);
  }
  return pos;
}

/**
 * A copy of a state, with fresh arrays.
 * @param {object} state
 * @returns {object}
 */
export function cloneState(state) {
  const out = { dim: state.dim };
  for (const key of [...AXIS_KEYS, "x", "w"]) out[key] = [...state[key]];
  return out;
}

/**
 * Deterministic small integers (1..5 for the input, 1..4 for the kernel) filling an array
 * whose values are missing or of the wrong length.
 * @param {number} n length
 * @param {"x"|"w"} which input or kernel
 * @returns {number[]}
 */
export function defaultValues(n, which) {
  const out = [];
  for (let j = 0; j < n; j++) out.push(which === "x" ? 1 + ((3 * j + 1) % 5) : 1 + ((2 * j) % 4) + (j % 3 === 1 ? 1 : 0));
  return out;
}

/**
 * Output length of a convolution along one axis, or null when it would be empty.
 * @param {number} n input length
 * @param {number} k kernel length
 * @param {number} s stride
 * @param {number} p padding
 * @param {number} d dilation
 * @returns {number|null} floor((n + 2p - d(k - 1) - 1) / s) + 1
 */
export function convOutputSize(n, k, s, p, d) {
  const span = n + 2 * p - d * (k - 1) - 1;
  return span < 0 ? null : Math.floor(span / s) + 1;
}

/**
 * Output length of a transposed convolution along one axis (may be < 1 for a rejected state).
 * @param {number} n input length i'
 * @param {number} k kernel length
 * @param {number} s stride
 * @param {number} p padding
 * @param {number} a output_padding
 * @param {number} d dilation
 * @returns {number} (i' - 1)s - 2p + d(k - 1) + a + 1
 */
export function outputSize(n, k, s, p, a, d) {
  return (n - 1) * s - 2 * p + d * (k - 1) + a + 1;
}

/**
 * The size arithmetic of every axis of a valid state.
 * @param {object} state
 * @returns {object[]} per axis: the parameters and full (uncropped stamps' extent), out,
 *   inserted (input with s - 1 zeros between values), before/after (padding of the inserted
 *   input, negative = crop), padded (its length), convInputs (every input length a direct
 *   convolution with the same k, s, p, d maps to i'), canvas (full extent drawn: uncropped
 *   stamps plus output_padding).
 */
export function sizes(state) {
  return state.i.map((n, ax) => {
    const [k, s, p, a, d] = ["k", "s", "p", "a", "d"].map((key) => state[key][ax]);
    const full = (n - 1) * s + d * (k - 1) + 1;
    const out = outputSize(n, k, s, p, a, d);
    const inserted = (n - 1) * s + 1;
    const before = d * (k - 1) - p;
    const after = before + a;
    const convInputs = [];
    for (let m = Math.max(1, full - 2 * p); m < full - 2 * p + s; m++) {
      if (convOutputSize(m, k, s, p, d) === n) convInputs.push(m);
    }
    return { n, k, s, p, a, d, full, out, inserted, before, after, padded: inserted + before + after, convInputs, canvas: Math.max(full, p + out) };
  });
}

function reject(param, message, axis = null) {
  return { param, message, axis };
}

/**
 * Why the package (and PyTorch) would refuse a state, or why the explorer does; null if
 * valid. Checks run in the package's order, so the parameter named is the one it names.
 * @param {object} state
 * @returns {{param: string, message: string, axis: number|null}|null} param: the package's
 *   parameter name (stride, padding, output_padding, dilation, kernel_size, x, weight) or
 *   "input size"; axis: the offending axis when one is to blame.
 */
export function validate(state) {
  const dim = state.dim;
  if (dim !== 1 && dim !== 2) return reject("dim", `dim must be 1 or 2, got ${dim}`);
  for (const key of AXIS_KEYS) {
    const v = state[key];
    if (!Array.isArray(v) || v.length !== dim || !v.every(Number.isSafeInteger)) {
      return reject(NAMES[key], `${NAMES[key]} must be ${dim === 1 ? "an int" : "two ints"}, got ${v}`);
    }
  }
  const show = (v) => (dim === 1 ? `${v[0]}` : `(${v.join(", ")})`);
  for (const [key, min] of [["i", 1], ["k", 1]]) {
    if (state[key].some((v) => v < min)) return reject(NAMES[key], `${NAMES[key]} must be positive, got ${show(state[key])}`);
  }
  if (state.s.some((v) => v < 1)) return reject("stride", `stride must be positive, got ${show(state.s)}`);
  if (state.p.some((v) => v < 0)) return reject("padding", `padding must be non-negative, got ${show(state.p)}`);
  if (state.d.some((v) => v < 1)) return reject("dilation", `dilation must be positive, got ${show(state.d)}`);
  for (let ax = 0; ax < dim; ax++) {
    const [a, s, d] = [state.a[ax], state.s[ax], state.d[ax]];
    if (a < 0) return reject("output_padding", `output_padding must be non-negative, got ${a}`, ax);
    if (a >= Math.max(s, d)) {
      return reject(
        "output_padding",
        `output_padding must be smaller than either stride or dilation, got output_padding=${a}, stride=${s}, dilation=${d}` +
          `: ${a} more output${a === 1 ? "" : "s"} at the end would give a length that no convolution with these settings maps back to this input size`,
        ax,
      );
    }
  }
  for (let ax = 0; ax < dim; ax++) {
    const [n, k, s, p, a, d] = AXIS_KEYS.map((key) => state[key][ax]);
    const size = outputSize(n, k, s, p, a, d);
    if (size < 1) {
      return reject("padding", `empty output: padding=${p} crops all ${size + 2 * p} samples of the output`, ax);
    }
  }
  for (const key of AXIS_KEYS) {
    const [lo, hi] = key === "i" ? RANGES.i[dim] : RANGES[key];
    const ax = state[key].findIndex((v) => v < lo || v > hi);
    if (ax >= 0) {
      return reject(NAMES[key], `${NAMES[key]} must be between ${lo} and ${hi} in the explorer, got ${show(state[key])}`, ax);
    }
  }
  for (const [key, shape] of [["x", state.i], ["w", state.k]]) {
    const v = state[key];
    if (!Array.isArray(v) || v.length !== prod(shape)) {
      return reject(NAMES[key], `${NAMES[key]} must hold ${prod(shape)} values, got ${Array.isArray(v) ? v.length : v}`);
    }
    const bad = v.findIndex((u) => !Number.isSafeInteger(u));
    if (bad >= 0) return reject(NAMES[key], `${NAMES[key]} must hold integers below 2^53 in size, got ${v[bad]}`);
  }
  // Each output is a sum of at most prod(k) products: bound it so every sum stays exact.
  const maxX = Math.max(...state.x.map(Math.abs));
  const maxW = Math.max(...state.w.map(Math.abs));
  if (maxX * maxW * prod(state.k) > MAX_EXACT) {
    return reject(
      maxX >= maxW ? "x" : "weight",
      `values too large for exact integers: ${prod(state.k)} taps x max |x| = ${maxX} x max |weight| = ${maxW} could exceed 2^53 - 1`,
    );
  }
  return null;
}

/**
 * The kernel taps and input values that reach one output value: every (input position q,
 * tap position t) with q s + t d = o + p on every axis.
 * @param {object} state a valid state
 * @param {number[]} o output position
 * @returns {{x: number, w: number, xPos: number[], wPos: number[], xValue: number, wValue: number}[]}
 *   x, w: flat indices; ordered by input index.
 */
export function tapsOf(state, o) {
  const perAxis = state.i.map((n, ax) => {
    const [k, s, p, d] = [state.k[ax], state.s[ax], state.p[ax], state.d[ax]];
    const pairs = [];
    const f = o[ax] + p;
    for (let q = 0; q < n; q++) {
      const r = f - q * s;
      if (r >= 0 && r % d === 0 && r / d < k) pairs.push([q, r / d]);
    }
    return pairs;
  });
  let combos = [[[], []]];
  for (const pairs of perAxis) {
    const next = [];
    for (const [qs, ts] of combos) for (const [q, t] of pairs) next.push([[...qs, q], [...ts, t]]);
    combos = next;
  }
  return combos.map(([xPos, wPos]) => {
    const x = ravel(xPos, state.i);
    const w = ravel(wPos, state.k);
    return { x, w, xPos, wPos, xValue: state.x[x], wValue: state.w[w] };
  });
}

function bracket(v) {
  return v < 0 ? `(${v})` : `${v}`;
}

/**
 * The sum behind one output value, written out:
 * "y[2, 3] = x[0, 1]·w[2, 2] + x[1, 1]·w[1, 2] = 3·1 + 3·2 = 9".
 * @param {object} state a valid state
 * @param {number[]} o output position
 * @returns {string}
 */
export function sumText(state, o) {
  const taps = tapsOf(state, o);
  const y = `y[${o.join(", ")}]`;
  if (taps.length === 0) return `${y} = 0: no input value reaches it`;
  const names = taps.map((t) => `x[${t.xPos.join(", ")}]·w[${t.wPos.join(", ")}]`).join(" + ");
  const values = taps.map((t) => `${bracket(t.xValue)}·${bracket(t.wValue)}`).join(" + ");
  const total = taps.reduce((acc, t) => acc + t.xValue * t.wValue, 0);
  return `${y} = ${names} = ${values} = ${total}`;
}

/**
 * Each input value's stamp over the uncropped output (the package's scatter_stamps): stamp j
 * is x[j] times the dilated kernel, placed at position j's coordinates times the stride.
 * @param {object} state a valid state
 * @returns {{shape: number[], stamps: number[][]}} shape: the uncropped extent
 *   (i' - 1)s + d(k - 1) + 1 per axis; stamps[j]: flat, row-major over shape.
 */
export function stamps(state) {
  const shape = sizes(state).map((z) => z.full);
  const nk = prod(state.k);
  const stampsOut = [];
  for (let j = 0; j < state.x.length; j++) {
    const stamp = new Array(prod(shape)).fill(0);
    const q = unravel(j, state.i);
    for (let t = 0; t < nk; t++) {
      const tp = unravel(t, state.k);
      const pos = tp.map((tt, ax) => q[ax] * state.s[ax] + tt * state.d[ax]);
      stamp[ravel(pos, shape)] += state.x[j] * state.w[t];
    }
    stampsOut.push(stamp);
  }
  return { shape, stamps: stampsOut };
}

/**
 * Where stamp j's tap t lands in the output, or null when padding crops it away.
 * @param {object} state a valid state
 * @param {number} j flat input index
 * @param {number} t flat kernel index
 * @returns {number[]|null} output position
 */
export function landing(state, j, t) {
  const q = unravel(j, state.i);
  const tp = unravel(t, state.k);
  const sz = sizes(state);
  const pos = q.map((qq, ax) => qq * state.s[ax] + tp[ax] * state.d[ax] - state.p[ax]);
  return pos.every((v, ax) => v >= 0 && v < sz[ax].out) ? pos : null;
}

/**
 * The transposed convolution by scatter-add: every input value adds its stamp, the padding
 * crops p from each end, output_padding adds a zeros at the end.
 * @param {object} state a valid state
 * @returns {{shape: number[], values: number[]}} values flat, row-major
 */
export function conv(state) {
  const sz = sizes(state);
  const shape = sz.map((z) => z.out);
  const values = new Array(prod(shape)).fill(0);
  const nk = prod(state.k);
  for (let j = 0; j < state.x.length; j++) {
    for (let t = 0; t < nk; t++) {
      const pos = landing(state, j, t);
      if (pos) values[ravel(pos, shape)] += state.x[j] * state.w[t];
    }
  }
  return { shape, values };
}

/**
 * The equivalent direct convolution's input: s - 1 zeros inserted between the values, then
 * padded by d(k - 1) - p on each side (cropped where negative) plus output_padding at the end.
 * @param {object} state a valid state
 * @returns {{inserted: {shape: number[], values: number[]}, shape: number[], values: number[],
 *   kinds: string[], source: number[], before: number[]}} kinds[c]: "input", "zero" (inserted)
 *   or "pad"; source[c]: the flat input index of an "input" cell, else -1.
 */
export function zeroInserted(state) {
  const sz = sizes(state);
  const insShape = sz.map((z) => z.inserted);
  const insValues = new Array(prod(insShape)).fill(0);
  state.x.forEach((v, j) => {
    const q = unravel(j, state.i);
    insValues[ravel(q.map((qq, ax) => qq * state.s[ax]), insShape)] = v;
  });
  const shape = sz.map((z) => z.padded);
  const n = prod(shape);
  const values = new Array(n).fill(0);
  const kinds = new Array(n).fill("pad");
  const source = new Array(n).fill(-1);
  for (let c = 0; c < n; c++) {
    const pos = unravel(c, shape).map((v, ax) => v - sz[ax].before);
    if (!pos.every((v, ax) => v >= 0 && v < insShape[ax])) continue;
    if (pos.every((v, ax) => v % state.s[ax] === 0)) {
      const j = ravel(pos.map((v, ax) => v / state.s[ax]), state.i);
      values[c] = state.x[j];
      kinds[c] = "input";
      source[c] = j;
    } else {
      kinds[c] = "zero";
    }
  }
  return { inserted: { shape: insShape, values: insValues }, shape, values, kinds, source, before: sz.map((z) => z.before) };
}

/**
 * The kernel rotated 180 degrees: what the direct convolution slides.
 * @param {object} state
 * @returns {number[]} flat, row-major over state.k
 */
export function rotatedKernel(state) {
  return [...state.w].reverse();
}

/**
 * The window of the direct convolution on one output value: the padded input's cells under
 * each tap of the rotated, dilated kernel.
 * @param {object} state a valid state
 * @param {number[]} o output position
 * @returns {{cell: number, tap: number}[]} cell: flat index in zeroInserted(state).shape;
 *   tap: flat index in the rotated kernel.
 */
export function windowOf(state, o) {
  const shape = sizes(state).map((z) => z.padded);
  const out = [];
  for (let t = 0; t < state.w.length; t++) {
    const tp = unravel(t, state.k);
    out.push({ cell: ravel(tp.map((tt, ax) => o[ax] + tt * state.d[ax]), shape), tap: t });
  }
  return out;
}

/**
 * The matrix C^T of the transposed convolution: y = C^T x, with x and y flattened
 * row-major. C is the matrix of the direct convolution (same k, s, p, d) from y's size.
 * @param {object} state a valid state
 * @returns {number[][]} prod(output shape) rows of prod(i') entries
 */
export function matrixT(state) {
  const outShape = sizes(state).map((z) => z.out);
  const rows = [];
  for (let r = 0; r < prod(outShape); r++) rows.push(matrixRow(state, unravel(r, outShape)));
  return rows;
}

/**
 * One row of C^T: the kernel weight each input value contributes to one output value.
 * @param {object} state a valid state
 * @param {number[]} o output position
 * @returns {number[]} prod(i') entries
 */
export function matrixRow(state, o) {
  const row = new Array(state.x.length).fill(0);
  for (const t of tapsOf(state, o)) row[t.x] += t.wValue;
  return row;
}

/**
 * How many kernel taps each output phase (o + p mod s) receives away from the border, per
 * axis of one dimension: taps t with t d = r (mod s).
 * @param {number} k
 * @param {number} s
 * @param {number} d
 * @returns {number[]} counts per phase r = 0..s-1
 */
export function phaseCounts(k, s, d = 1) {
  const counts = new Array(s).fill(0);
  for (let t = 0; t < k; t++) counts[(t * d) % s] += 1;
  return counts;
}

/**
 * Every (kernel, stride, padding, output_padding) with kernel <= 5, stride <= 4 and
 * dilation 1 whose transposed convolution maps input length n to output length m.
 * @param {number} n input length i' (>= 1)
 * @param {number} m wanted output length o' (>= 1)
 * @returns {{k: number, s: number, p: number, a: number, even: boolean, counts: number[]}[]}
 *   even: every output phase gets the same number of taps away from the border (no
 *   checkerboard risk); sorted by s, k, a.
 */
export function findParameters(n, m) {
  const found = [];
  for (let s = 1; s <= RANGES.s[1]; s++) {
    for (let k = 1; k <= RANGES.k[1]; k++) {
      for (let a = 0; a < s; a++) {
        const twoP = (n - 1) * s + (k - 1) + a + 1 - m;
        if (twoP < 0 || twoP % 2) continue;
        const counts = phaseCounts(k, s);
        found.push({ k, s, p: twoP / 2, a, even: counts.every((c) => c === counts[0]), counts });
      }
    }
  }
  return found;
}

function parseInts(text) {
  if (typeof text !== "string" || !/^\s*-?\d+(\s*,\s*-?\d+)*\s*$/.test(text)) return null;
  return text.split(",").map((v) => Number(v.trim()));
}

/**
 * The state a URL hash describes: "#dim=2&i=H,W&k=KH,KW&s=SH,SW&p=PH,PW&a=AH,AW&d=DH,DW&x=...&w=...".
 * Missing or unreadable keys take the default; a single number in 2-D serves both axes;
 * x or w missing or of the wrong length is filled with defaultValues. Out-of-range numbers
 * are kept, for validate to report.
 * @param {string} hash with or without the leading "#"
 * @returns {object} state
 */
export function parseHash(hash) {
  const params = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const dimText = params.get("dim");
  const dim = dimText === "1" ? 1 : 2;
  const base = dim === 1 ? DEFAULT_1D : DEFAULT_2D;
  const state = cloneState(base);
  for (const key of AXIS_KEYS) {
    const v = parseInts(params.get(key));
    if (v && v.length === dim) state[key] = v;
    else if (v && v.length === 1) state[key] = [v[0], v[0]];
  }
  for (const [key, shapeKey] of [["x", "i"], ["w", "k"]]) {
    const n = prod(state[shapeKey].map((v) => Math.max(v, 0)));
    const v = parseInts(params.get(key));
    const same = shapeKey === "i" ? sameShape(state.i, base.i) : sameShape(state.k, base.k);
    if (v && v.length === n) state[key] = v;
    else if (!params.has(key) && same) state[key] = [...base[key]];
    else state[key] = n <= 4096 ? defaultValues(n, key) : [];
  }
  return state;
}

function sameShape(a, b) {
  return a.length === b.length && a.every((v, ax) => v === b[ax]);
}

/**
 * The URL hash of a state (without "#"), every key written.
 * @param {object} state
 * @returns {string}
 */
export function formatHash(state) {
  const parts = [`dim=${state.dim}`];
  for (const key of [...AXIS_KEYS, "x", "w"]) parts.push(`${key}=${state[key].join(",")}`);
  return parts.join("&");
}

/**
 * The transposed_conv and PyTorch calls that compute a state.
 * @param {object} state a valid state
 * @returns {{package: string, torch: string}}
 */
export function codeFor(state) {
  const one = state.dim === 1;
  const arg = (v) => (one ? `${v[0]}` : v[0] === v[1] ? `${v[0]}` : `(${v.join(", ")})`);
  const nested = (values, shape) =>
    one ? `[${values.join(", ")}]` : `[${Array.from({ length: shape[0] }, (_, r) => `[${values.slice(r * shape[1], (r + 1) * shape[1]).join(", ")}]`).join(", ")}]`;
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

/**
 * What output padding adds along one axis, in words: the first min(a, p) added outputs hold
 * stamp values that padding p would otherwise crop; the rest lie beyond every stamp (zeros).
 * @param {number} a output padding along the axis (> 0)
 * @param {number} p padding along the axis
 * @returns {string} one sentence, singular or plural as a and p require
 */
export function outputPaddingText(a, p) {
  const real = Math.min(a, p);
  const zeros = a - real;
  const added = a === 1 ? "the added output (dotted in view 1)" : `the ${a} added outputs (dotted in view 1)`;
  if (real === 0) {
    return `Here output padding only appends zeros: ${added} ${a === 1 ? "lies" : "lie"} beyond every stamp.`;
  }
  const crop = `that padding p = ${p} would otherwise crop at the end`;
  let held;
  if (a === 1) held = `${added} holds a real stamp value ${crop}`;
  else if (zeros === 0) held = `${a === 2 ? "both" : `all ${a}`} added outputs (dotted in view 1) hold real stamp values ${crop}`;
  else if (real === 1) held = `of ${added}, the first holds a real stamp value ${crop}`;
  else held = `of ${added}, the first ${real} hold real stamp values ${crop}`;
  const rest = zeros === 0 ? "" : zeros === 1 ? ", the last is zero, beyond every stamp" : `, the other ${zeros} are zeros, beyond every stamp`;
  return `Output padding does not just append zeros: ${held}${rest}.`;
}
