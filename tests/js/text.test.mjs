// The explorer's sentences: right in every 1-D state in its ranges, checked against the
// output the same state computes and against the convolution's size formula, written here
// again on purpose (an independent oracle).
import assert from "node:assert/strict";
import { test } from "node:test";

import * as tc from "../../docs/_static/explorer/tconv.mjs";
import { formatHash } from "../../docs/_static/explorer/address.mjs";
import { directText, matrixText, outputPaddingText, scatterLead, sizeFormula, sizeStatus, sizeWhy, stepText, unreachedText } from "../../docs/_static/explorer/text.mjs";

/** floor((L + 2p − d(k − 1) − 1) / s) + 1, or null for an empty output. */
function convLength(L, k, s, p, d) {
  const span = L + 2 * p - d * (k - 1) - 1;
  return span < 0 ? null : Math.floor(span / s) + 1;
}

function* oneDimStates() {
  const [[i0, i1], [k0, k1], [s0, s1], [p0, p1], [a0, a1], [d0, d1]] = ["i", "k", "s", "p", "a", "d"].map((key) =>
    key === "i" ? tc.RANGES.i[1] : tc.RANGES[key]);
  for (let n = i0; n <= i1; n++) for (let k = k0; k <= k1; k++) for (let s = s0; s <= s1; s++) {
    for (let p = p0; p <= p1; p++) for (let a = a0; a <= a1; a++) for (let d = d0; d <= d1; d++) {
      yield { dim: 1, i: [n], k: [k], s: [s], p: [p], a: [a], d: [d], x: new Array(n).fill(1), w: new Array(k).fill(1) };
    }
  }
}

const numbers = (text) => text.match(/\d+/g).map(Number);

test("every valid 1-D state: the size text, the output padding text and the matrix text agree with the output", () => {
  let count = 0;
  for (const state of oneDimStates()) {
    if (tc.validate(state)) continue;
    count += 1;
    const where = formatHash(state);
    const [n, k, s, p, a, d] = ["i", "k", "s", "p", "a", "d"].map((key) => state[key][0]);
    const y = tc.conv(state).units; // all ones: y[r] counts the taps reaching r
    const out = y.length;
    const [f] = tc.sizes(state);
    assert.ok(sizeFormula(f).endsWith(`= ${out}`), `${where}: ${sizeFormula(f)}`);

    const why = sizeWhy(f);
    for (const m of why.matchAll(/o′ = (\d+)/g)) assert.equal(Number(m[1]), out, `${where}: ${why}`);
    const back = [];
    for (let L = 1; L < 200; L++) if (convLength(L, k, s, p, d) === n) back.push(L);
    const listed = /(?:Each of the lengths|Only length) ([\d, and]+) maps back to i′ = (\d+)/.exec(why);
    if (back.length === 0) assert.match(why, new RegExp(`No length maps back to i′ = ${n} `), where);
    else assert.deepEqual([numbers(listed[1]), Number(listed[2])], [back, n], `${where}: ${why}`);
    const full = (n - 1) * s + d * (k - 1) + 1;
    assert.equal(why.includes("Without output padding the output would be empty"), full - 2 * p < 1, `${where}: ${why}`);
    const gives = /from which a convolution with the same k, s, p and d gives (\d+), not (\d+)/.exec(why);
    if (gives) assert.deepEqual(numbers(gives[0]).slice(-2), [convLength(out, k, s, p, d), n], `${where}: ${why}`);
    assert.equal(Boolean(gives), a >= s, `${where}: ${why}`);

    if (a > 0) {
      const text = outputPaddingText(f);
      const [head, rest] = text.split(/(?<=\.) /, 2);
      const dotted = [...head.matchAll(/y\[(\d+)\]/g)].map((m) => Number(m[1]));
      const first = Math.max(0, full - 2 * p);
      assert.deepEqual(dotted, Array.from({ length: out - first }, (_, j) => first + j), `${where}: ${text}`);
      for (const clause of rest.split("; ")) {
        const named = [...clause.matchAll(/y\[(\d+)\]/g)].map((m) => Number(m[1]));
        assert.ok(named.length > 0, `${where}: ${text}`);
        const zero = clause.startsWith("No stamp") || clause.startsWith("no stamp");
        for (const r of named) assert.equal(y[r] === 0, zero, `${where}: y[${r}] = ${y[r]} but "${clause}"`);
      }
    }

    const matrix = matrixText(state, true);
    const from = /from y's size (\d+) down to x's size (\d+)/.exec(matrix);
    const onto = /on y's size (\d+), which gives (\d+): Cᵀ keeps the (\d+) columns? x has/.exec(matrix);
    assert.ok(Boolean(from) !== Boolean(onto), `${where}: ${matrix}`);
    if (from) assert.deepEqual([Number(from[1]), convLength(Number(from[1]), k, s, p, d)], [out, n], `${where}: ${matrix}`);
    else assert.deepEqual(numbers(onto[0]), [out, convLength(out, k, s, p, d), n], `${where}: ${matrix}`);
  }
  assert.ok(count > 12_000, `${count} valid 1-D states`);
});

test("the issue's wrong sentences are right now", () => {
  const read = (h) => {
    const params = Object.fromEntries(new URLSearchParams(h));
    const st = { dim: 1 };
    for (const key of ["i", "k", "s", "p", "a", "d"]) st[key] = [Number(params[key])];
    st.x = params.x.split(",").map(Number);
    st.w = params.w.split(",").map(Number);
    return st;
  };
  // dilation above the stride and heavy padding: no length maps back, and C says so
  let st = read("i=1&k=2&s=1&p=2&a=1&d=3&x=5&w=2,7");
  let [f] = tc.sizes(st);
  assert.match(sizeWhy(f), /^Without output padding the output would be empty: the padding crops 2 from each end of the full result's 4\. No length maps back to i′ = 1 /);
  assert.match(matrixText(st, true), /on y's size 1, which gives 2: Cᵀ keeps the 1 column x has/);
  // the added output holds 0: no stamp reaches it
  st = read("i=1&k=1&s=1&p=1&a=2&d=3&x=4&w=3");
  [f] = tc.sizes(st);
  assert.deepEqual(tc.conv(st).units, [0]);
  assert.equal(outputPaddingText(f), "Every output is output padding's here (dashed outline): y[0]. No stamp reaches y[0], so it is zero.");
  // one length everywhere: 6
  st = read("i=3&k=2&s=1&p=0&a=1&d=2&x=1,2,3&w=1,1");
  [f] = tc.sizes(st);
  assert.equal(f.out, 6);
  assert.match(sizeWhy(f), /it gives o′ = 6, from which a convolution with the same k, s, p and d gives 4, not 3\./);
  assert.match(matrixText(st, true), /on y's size 6, which gives 4/);
});

test("the output-padding sentence is grammatical for one or many outputs, rows and columns", () => {
  const cases = [
    [[3, 3, 2, 1, 1, 1], 1, 0, "Output padding a = 1 adds one output at the end (dashed outline): y[5]. y[5] holds values of the full result that the padding p = 1 would otherwise crop."],
    [[2, 1, 2, 0, 1, 1], 1, 0, "Output padding a = 1 adds one output at the end (dashed outline): y[3]. No stamp reaches y[3], so it is zero."],
    [[2, 1, 4, 0, 3, 1], 2, 1, "Output padding a = 3 adds 3 columns at the end (dashed outline): columns 5, 6 and 7. No stamp reaches columns 5, 6 and 7, so they are zeros."],
    [[2, 1, 4, 1, 3, 1], 2, 0, "Output padding a = 3 adds 3 rows at the end (dashed outline): rows 3, 4 and 5. Row 3 holds values of the full result that the padding p = 1 would otherwise crop; no stamp reaches rows 4 and 5, so they are zeros."],
  ];
  for (const [args, dim, ax, sentence] of cases) assert.equal(outputPaddingText(tc.axisFacts(...args), dim, ax), sentence);
});

test("the stepper names the stamp and where its first tap lands", () => {
  const st = tc.cloneState(tc.DEFAULT_2D);
  st.p = [1, 1];
  assert.match(stepText(st, 0), /^Stamp 1 of 4: x\[0, 0\] = 1 adds 1 × w .* on y\[−1, −1\] .*cropped border/);
  assert.match(stepText(st, -1), /^All 4 stamps added/);
});

test("view 1's opening sentence speaks in the indices of its dimension", () => {
  const one = scatterLead(1), two = scatterLead(2);
  assert.match(one, /^Input x\[m\] adds x\[m\] × w onto y, its tap w\[0\] on y\[s·m − p\];/);
  assert.doesNotMatch(one, /\[[^\]]*,[^\]]*\]/, "no two-index brackets in 1-D");
  assert.match(two, /^Input x\[m, n\] adds x\[m, n\] × w onto y, its tap w\[0, 0\] on y\[s·m − p, s·n − p\];/);
});

test("the finder says which output phases no tap reaches, and 'all reached' at stride 1 too", () => {
  const found = tc.findParameters(8, 3);
  assert.ok(found.some((f) => f.s === 1));
  for (const f of found) {
    const text = unreachedText(f);
    const unreached = f.counts.flatMap((c, rho) => (c === 0 ? [rho] : []));
    if (unreached.length) assert.match(text, /: always 0$/);
    else assert.equal(text, "all reached", `k=${f.k}, s=${f.s}, p=${f.p}, a=${f.a}`);
  }
  assert.equal(unreachedText({ missing: [1, 3] }), "1 and 3: always 0");
});

test("after a setting changes, a short status says y's size", () => {
  assert.equal(sizeStatus([8], [6]), "y now has 8 values");
  assert.equal(sizeStatus([1], null), "y now has 1 value");
  assert.equal(sizeStatus([8], [8]), "y still has 8 values");
  assert.equal(sizeStatus([8, 6], [4, 4]), "y is now 8 × 6");
  assert.equal(sizeStatus([4, 4], [4, 4]), "y is still 4 × 4");
});

test("view 2's sentence says the window is spread by the dilation, and only then", () => {
  const one = tc.cloneState(tc.DEFAULT_1D);
  assert.doesNotMatch(directText({ ...one, d: [1] }), /dilation/);
  const k = one.k[0];
  assert.match(directText({ ...one, d: [3] }), new RegExp(`taps sit 3 cells apart: the window spreads over d\\(k − 1\\) \\+ 1 = ${3 * (k - 1) + 1} cells\\.$`));
  const two = tc.cloneState(tc.DEFAULT_2D); // k = 3 × 3
  assert.match(directText({ ...two, d: [2, 2] }), /taps sit 2 cells apart: the window spreads over d\(k − 1\) \+ 1 = 5 cells each way\.$/);
  assert.match(directText({ ...two, d: [1, 3] }), /the window spreads over d\(k − 1\) \+ 1 = 7 columns \(d = 3\)\.$/);
});

test("a state opens on an output some input reaches, the middle one where it can", () => {
  let count = 0;
  for (const state of oneDimStates()) {
    if (tc.validate(state)) continue;
    const [r] = tc.openingFocus(state);
    const out = tc.sizes(state)[0].out;
    const reached = (q) => tc.tapsOf(state, [q]).length > 0;
    const any = Array.from({ length: out }, (_, q) => q).filter(reached);
    assert.ok(r >= 0 && r < out);
    if (any.length) {
      assert.ok(reached(r), `${formatHash(state)} opens on y[${r}], which no input reaches`);
      const mid = Math.floor(out / 2);
      assert.ok(any.every((q) => Math.abs(q - mid) >= Math.abs(r - mid)), `${formatHash(state)}: y[${r}] is not the nearest to the middle`);
    }
    count += 1;
  }
  assert.ok(count > 10000);
  const two = { ...tc.cloneState(tc.DEFAULT_2D) };
  assert.deepEqual(tc.openingFocus(two), [2, 2]); // the walk-through's y[2, 2]
  const sparse = { dim: 2, i: [2, 2], k: [1, 1], s: [4, 4], p: [0, 0], a: [1, 0], d: [1, 1], x: [1, 2, 3, 4], w: [1] };
  // y is 6 × 5; rows and columns 0 and 4 are reached: row 4 is nearest row 3, column 0 ties with 4
  assert.deepEqual(tc.openingFocus(sparse), [4, 0]);
});

test("an output the padding crops whole: 'the only sample' for one, 'all n samples' for more", () => {
  const one = { dim: 1, i: [1], k: [1], s: [1], p: [4], a: [0], d: [1], x: [1], w: [1] };
  assert.match(tc.validate(one).message, /padding=4 crops the only sample of the output/);
  assert.match(tc.validate({ ...one, k: [2], w: [1, 1] }).message, /padding=4 crops all 2 samples of the output/);
});
