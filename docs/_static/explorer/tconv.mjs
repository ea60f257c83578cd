// The explorer's arithmetic: transposed convolution of one channel, 1-D or 2-D, exactly.
// Pure functions, no DOM: tests/js/ checks them against the transposed_conv package.
//
// Notation: the site's (docs/notation.md): x[m, n] times tap w[u, v] is added to
// y[s·m + d·u − p, s·n + d·v − p].
//
// A state is {dim, i, k, s, p, a, d, x, w}: dim is 1 or 2; i, k, s, p, a and d are arrays
// of one entry per axis; x and w hold the input and kernel values, flat and row-major, each
// with at most LIMITS.decimals (3) decimal places. Every sum is computed on integers: x in
// units of 10^-px and w in units of 10^-pw (px, pw: the decimal places they use, 0 to 3), so a
// value of y is an integer count of 10^-(px + pw), exact while it stays below 2^53.
import LIMITS from "./limits.mjs";
import { MAX_EXACT, placesOfAll, unitsOf } from "./exact.mjs";

/** The explorer's ranges, per setting: [min, max] (the input size's depends on dim). */
export const RANGES = {
  i: { 1: LIMITS.i["1"], 2: LIMITS.i["2"] },
  k: LIMITS.k,
  s: LIMITS.s,
  p: LIMITS.p,
  a: LIMITS.a,
  d: LIMITS.d,
};

/** The settings' keys, in the package's order of arguments. */
export const AXIS_KEYS = ["i", "k", "s", "p", "a", "d"];

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

/** Product of a shape's entries. @param {number[]} shape @returns {number} */
export function prod(shape) {
  return shape.reduce((acc, n) => acc * n, 1);
}

/** Flat (row-major) index of a position. @param {number[]} pos @param {number[]} shape @returns {number} */
export function ravel(pos, shape) {
  return pos.reduce((acc, q, ax) => acc * shape[ax] + q, 0);
}

/** Position of a flat (row-major) index. @param {number} flat @param {number[]} shape @returns {number[]} */
export function unravel(flat, shape) {
  const pos = new Array(shape.length);
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    pos[ax] = flat % shape[ax];
    flat = Math.floor(flat / shape[ax]);
  }
  return pos;
}

/** A copy of a state, with fresh arrays. @param {object} state @returns {object} */
export function cloneState(state) {
  const out = { dim: state.dim };
  for (const key of [...AXIS_KEYS, "x", "w"]) out[key] = [...state[key]];
  return out;
}

/**
 * Small whole numbers (1 to 5) for new values, the same on every visit.
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
 * A convolution's output length along one axis, or null when empty.
 * @param {number} n input length @param {number} k @param {number} s @param {number} p @param {number} d
 * @returns {number|null} floor((n + 2p − d(k − 1) − 1) / s) + 1
 */
export function convOutputSize(n, k, s, p, d) {
  const span = n + 2 * p - d * (k - 1) - 1;
  return span < 0 ? null : Math.floor(span / s) + 1;
}

/**
 * A transposed convolution's output length o′ along one axis (< 1 for a rejected state).
 * @param {number} n input length i′ @param {number} k @param {number} s @param {number} p
 * @param {number} a @param {number} d
 * @returns {number} (i′ − 1)s − 2p + d(k − 1) + a + 1
 */
export function outputSize(n, k, s, p, a, d) {
  return (n - 1) * s - 2 * p + d * (k - 1) + a + 1;
}

/** Whether some input m < n and tap u < k reach output r: s·m + d·u − p = r. */
function reached(r, n, k, s, p, d) {
  for (let m = 0; m < n; m++) {
    const rest = r + p - s * m;
    if (rest >= 0 && rest % d === 0 && rest / d < k) return true;
  }
  return false;
}

/**
 * Everything the sizes decide along one axis: what the views draw and the sentences state.
 * @param {number} n i′ @param {number} k @param {number} s @param {number} p @param {number} a
 * @param {number} d
 * @returns {object} the settings and: full, the full result's length (i′ − 1)s + d(k − 1) + 1;
 *   base, full − 2p (the length without output padding, <= 0 if p crops all); out, o′;
 *   addedFrom and added, the outputs output padding adds; reachedAdded, those a tap reaches;
 *   convInputs, every length a convolution (same k, s, p, d) maps to i′; convFromOut, what
 *   it gives from o′; inserted, before, after, padded: the direct convolution's zero-inserted
 *   input, its padding (negative: crop) at each end and padded length; canvas, view 1's extent.
 */
export function axisFacts(n, k, s, p, a, d) {
  const full = (n - 1) * s + d * (k - 1) + 1;
  const base = full - 2 * p;
  const out = base + a;
  const addedFrom = Math.max(0, base);
  const reachedAdded = [];
  for (let r = addedFrom; r < out; r++) if (reached(r, n, k, s, p, d)) reachedAdded.push(r);
  const convInputs = [];
  for (let m = Math.max(1, base); m < base + s; m++) if (convOutputSize(m, k, s, p, d) === n) convInputs.push(m);
  const inserted = (n - 1) * s + 1;
  const before = d * (k - 1) - p;
  const after = before + a;
  return {
    n, k, s, p, a, d, full, base, out, addedFrom, added: out - addedFrom, reachedAdded, convInputs,
    convFromOut: out >= 1 ? convOutputSize(out, k, s, p, d) : null,
    inserted, before, after, padded: inserted + before + after, canvas: Math.max(full, p + out),
  };
}

/** axisFacts of every axis. @param {object} state @returns {object[]} */
export function sizes(state) {
  return state.i.map((n, ax) => axisFacts(n, state.k[ax], state.s[ax], state.p[ax], state.a[ax], state.d[ax]));
}

/**
 * x and w as integers: x in units of 10^-px, w of 10^-pw, so y is in units of 10^-places.
 * @returns {{x: number[], w: number[], px: number, pw: number, places: number}}
 */
export function exact(state) {
  const hit = exactCache.get(state);
  const same = (a, b) => a.length === b.length && a.every((v, j) => v === b[j]);
  if (hit && same(hit.xs, state.x) && same(hit.ws, state.w)) return hit.e;
  const px = placesOfAll(state.x), pw = placesOfAll(state.w);
  const e = { px, pw, places: px + pw, x: state.x.map((v) => unitsOf(v, px)), w: state.w.map((v) => unitsOf(v, pw)) };
  exactCache.set(state, { xs: [...state.x], ws: [...state.w], e });
  return e;
}

/** exact()'s last answer per state, kept while x and w hold the same values. */
const exactCache = new WeakMap();

function reject(param, message, axis = null) {
  return { param, message, axis };
}

/**
 * Why the package (and PyTorch), or the explorer, would refuse a state; null if valid. In the
 * package's order, so the parameter named is the one it names.
 * @param {object} state
 * @returns {{param: string, message: string, axis: number|null}|null} param: the package's
 *   name (or "input size"); axis: the axis to blame, if one is
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
  for (const key of ["i", "k"]) {
    if (state[key].some((v) => v < 1)) return reject(NAMES[key], `${NAMES[key]} must be positive, got ${show(state[key])}`);
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
      return reject("padding", `empty output: padding=${p} crops ${size + 2 * p === 1 ? "the only sample" : `all ${size + 2 * p} samples`} of the output`, ax);
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
    const bad = v.find((u) => typeof u !== "number" || unitsOf(u, LIMITS.decimals) === null);
    if (bad !== undefined) {
      return reject(NAMES[key], `${NAMES[key]} must hold numbers with at most ${LIMITS.decimals} decimal places, below 2^53 in size, got ${bad}`);
    }
  }
  // Each output is a sum of at most prod(k) products of integers: bound it so every sum stays exact.
  const e = exact(state);
  const maxX = Math.max(...e.x.map(Math.abs));
  const maxW = Math.max(...e.w.map(Math.abs));
  if (maxX * maxW * prod(state.k) > MAX_EXACT) {
    const scale = e.places ? ` in units of 10^-${e.places} (the decimals' scale)` : "";
    return reject(
      maxX * 10 ** e.pw >= maxW * 10 ** e.px ? "x" : "weight",
      `values too large for exact sums: ${prod(state.k)} taps × max |x| = ${Math.max(...state.x.map(Math.abs))} × max |weight| = ${Math.max(...state.w.map(Math.abs))}${scale} could exceed 2^53 − 1`,
    );
  }
  return null;
}

/**
 * The input values and taps that reach an output: every (m, u) with s·m + d·u − p = r per axis.
 * @param {object} state a valid state @param {number[]} o output position
 * @returns {{x: number, w: number, xPos: number[], wPos: number[], xUnits: number, wUnits: number}[]}
 *   x, w: flat indices, by input index; xUnits, wUnits: exact (see exact).
 */
export function tapsOf(state, o) {
  const e = exact(state);
  const perAxis = state.i.map((n, ax) => {
    const [k, s, p, d] = [state.k[ax], state.s[ax], state.p[ax], state.d[ax]];
    const pairs = [];
    const f = o[ax] + p;
    for (let m = 0; m < n; m++) {
      const rest = f - m * s;
      if (rest >= 0 && rest % d === 0 && rest / d < k) pairs.push([m, rest / d]);
    }
    return pairs;
  });
  let combos = [[[], []]];
  for (const pairs of perAxis) {
    const next = [];
    for (const [ms, us] of combos) for (const [m, u] of pairs) next.push([[...ms, m], [...us, u]]);
    combos = next;
  }
  return combos.map(([xPos, wPos]) => {
    const x = ravel(xPos, state.i);
    const w = ravel(wPos, state.k);
    return { x, w, xPos, wPos, xUnits: e.x[x], wUnits: e.w[w] };
  });
}

/**
 * The output a state opens on: the middle one, or along each axis the nearest to the middle that
 * some input reaches (an output is reached when it is along every axis), lower first on a tie.
 * @param {object} state a valid state
 * @returns {number[]}
 */
export function openingFocus(state) {
  return sizes(state).map((z, ax) => {
    const [n, k, s, p, d] = [state.i[ax], state.k[ax], state.s[ax], state.p[ax], state.d[ax]];
    const reached = (r) => r >= 0 && r < z.out && Array.from({ length: n }, (_, m) => r + p - m * s).some((rest) => rest >= 0 && rest % d === 0 && rest / d < k);
    const mid = Math.floor(z.out / 2);
    for (let off = 0; off < z.out; off++) {
      if (reached(mid - off)) return mid - off;
      if (reached(mid + off)) return mid + off;
    }
    return mid;
  });
}

/** Where x[j]'s tap w[t] lands in the full result (j, t flat). @returns {number[]} */
export function fullPosition(state, j, t) {
  const m = unravel(j, state.i);
  const u = unravel(t, state.k);
  return m.map((mm, ax) => mm * state.s[ax] + u[ax] * state.d[ax]);
}

/**
 * Each input value's stamp over the full result (the package's scatter_stamps).
 * @param {object} state a valid state
 * @returns {{shape: number[], stamps: number[][], places: number}} stamps[j]: flat over the
 *   full result's shape, in units of 10^-places
 */
export function stamps(state) {
  const e = exact(state);
  const shape = sizes(state).map((z) => z.full);
  const stampsOut = [];
  for (let j = 0; j < state.x.length; j++) {
    const stamp = new Array(prod(shape)).fill(0);
    for (let t = 0; t < e.w.length; t++) stamp[ravel(fullPosition(state, j, t), shape)] += e.x[j] * e.w[t];
    stampsOut.push(stamp);
  }
  return { shape, stamps: stampsOut, places: e.places };
}

/**
 * The transposed convolution by scatter-add, cropped by p, output padding a at the end.
 * @param {object} state a valid state
 * @returns {{shape: number[], units: number[], places: number}} y, flat, in units of 10^-places
 */
export function conv(state) {
  const e = exact(state);
  const sz = sizes(state);
  const shape = sz.map((z) => z.out);
  const units = new Array(prod(shape)).fill(0);
  for (let j = 0; j < e.x.length; j++) {
    for (let t = 0; t < e.w.length; t++) {
      const pos = fullPosition(state, j, t).map((v, ax) => v - state.p[ax]);
      if (pos.every((v, ax) => v >= 0 && v < shape[ax])) units[ravel(pos, shape)] += e.x[j] * e.w[t];
    }
  }
  return { shape, units, places: e.places };
}

/**
 * The direct convolution's input: s − 1 zeros between the values, padded by d(k − 1) − p at
 * each end (cropped where negative), a more at the end.
 * @param {object} state a valid state
 * @returns {{inserted: {shape: number[], units: number[]}, shape: number[], units: number[],
 *   kinds: string[], source: number[], before: number[], places: number}} kinds[c]: "input",
 *   "zero" or "pad"; source[c]: an input cell's flat input index, else -1
 */
export function zeroInserted(state) {
  const e = exact(state);
  const sz = sizes(state);
  const insShape = sz.map((z) => z.inserted);
  const insUnits = new Array(prod(insShape)).fill(0);
  e.x.forEach((v, j) => {
    insUnits[ravel(unravel(j, state.i).map((m, ax) => m * state.s[ax]), insShape)] = v;
  });
  const shape = sz.map((z) => z.padded);
  const n = prod(shape);
  const units = new Array(n).fill(0);
  const kinds = new Array(n).fill("pad");
  const source = new Array(n).fill(-1);
  for (let c = 0; c < n; c++) {
    const pos = unravel(c, shape).map((v, ax) => v - sz[ax].before);
    if (!pos.every((v, ax) => v >= 0 && v < insShape[ax])) continue;
    if (pos.every((v, ax) => v % state.s[ax] === 0)) {
      const j = ravel(pos.map((v, ax) => v / state.s[ax]), state.i);
      units[c] = e.x[j];
      kinds[c] = "input";
      source[c] = j;
    } else {
      kinds[c] = "zero";
    }
  }
  return { inserted: { shape: insShape, units: insUnits }, shape, units, kinds, source, before: sz.map((z) => z.before), places: e.px };
}

/** The kernel rotated 180°, flat, in w's units. @param {object} state @returns {number[]} */
export function rotatedKernel(state) {
  return [...exact(state).w].reverse();
}

/**
 * The direct convolution's window on an output: the padded input's cell under each tap.
 * @param {object} state a valid state @param {number[]} o output position
 * @returns {{cell: number, tap: number}[]} flat indices: padded input, rotated kernel
 */
export function windowOf(state, o) {
  const shape = sizes(state).map((z) => z.padded);
  const out = [];
  for (let t = 0; t < state.w.length; t++) {
    const u = unravel(t, state.k);
    out.push({ cell: ravel(u.map((uu, ax) => o[ax] + uu * state.d[ax]), shape), tap: t });
  }
  return out;
}

/**
 * The matrix C^T with y = C^T x (x, y flat): C is the direct convolution's (same k, s, p, d)
 * on y's size, kept to the outputs x has.
 * @param {object} state a valid state
 * @returns {number[][]} prod(o′) rows of prod(i′) entries, in w's units
 */
export function matrixT(state) {
  const outShape = sizes(state).map((z) => z.out);
  const rows = [];
  for (let r = 0; r < prod(outShape); r++) rows.push(matrixRow(state, unravel(r, outShape)));
  return rows;
}

/** A row of C^T: the weight each input value sends to output o. @returns {number[]} */
export function matrixRow(state, o) {
  const row = new Array(state.x.length).fill(0);
  for (const t of tapsOf(state, o)) row[t.x] += t.wUnits;
  return row;
}

/**
 * Taps reaching each output phase away from the border (dilation 1): y[r], r mod s = ρ,
 * receives the taps u ≡ ρ + p (mod s).
 * @param {number} k @param {number} s @param {number} p @returns {number[]} counts per ρ
 */
export function phaseCounts(k, s, p = 0) {
  const counts = new Array(s).fill(0);
  for (let u = 0; u < k; u++) counts[(((u - p) % s) + s) % s] += 1;
  return counts;
}

/**
 * Every k, s, p, a in the explorer's ranges (dilation 1) taking length n to m.
 * @param {number} n i′ @param {number} m o′
 * @returns {{k: number, s: number, p: number, a: number, counts: number[], missing: number[]}[]}
 *   counts: phaseCounts; missing: the phases no tap reaches (always 0); by s, k, a
 */
export function findParameters(n, m) {
  const found = [];
  for (let s = RANGES.s[0]; s <= RANGES.s[1]; s++) {
    for (let k = RANGES.k[0]; k <= RANGES.k[1]; k++) {
      for (let a = 0; a < s; a++) {
        const twoP = (n - 1) * s + (k - 1) + a + 1 - m;
        if (twoP < 0 || twoP % 2) continue;
        const counts = phaseCounts(k, s, twoP / 2);
        const missing = counts.flatMap((c, rho) => (c === 0 ? [rho] : []));
        found.push({ k, s, p: twoP / 2, a, counts, missing });
      }
    }
  }
  return found;
}
