// The explorer's math module against golden cases computed by the transposed_conv package.
// Run: python tests/js/make_golden.py build/explorer/golden.json && node --test tests/js/
// (nox -s explorer). GOLDEN names another file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import * as tc from "../../docs/_static/explorer/tconv.mjs";

const GOLDEN = process.env.GOLDEN ?? new URL("../../build/explorer/golden.json", import.meta.url);
const golden = JSON.parse(readFileSync(GOLDEN, "utf8"));
const valid = golden.states.filter((c) => !("rejected" in c));
const rejected = golden.states.filter((c) => "rejected" in c);

test("enough golden cases, of both dimensions, valid and rejected", () => {
  assert.ok(golden.states.length >= 500, `${golden.states.length} states`);
  assert.ok(valid.some((c) => c.state.dim === 1) && valid.some((c) => c.state.dim === 2));
  assert.ok(rejected.length >= 50, `${rejected.length} rejected`);
  assert.ok(valid.filter((c) => c.matrixT).length >= 100);
  assert.ok(valid.filter((c) => c.stamps).length >= 100);
});

test("the walk-through's example is the default and gives its numbers", () => {
  const state = tc.parseHash("");
  assert.deepEqual(state, tc.cloneState(tc.DEFAULT_2D));
  const y = tc.conv(state);
  assert.deepEqual(y.shape, [4, 4]);
  assert.deepEqual(y.values, [2, 9, 11, 6, 5, 19, 27, 12, 5, 24, 29, 9, 6, 17, 14, 3]);
  assert.equal(tc.sumText(state, [2, 3]), "y[2, 3] = x[0, 1]·w[2, 2] + x[1, 1]·w[1, 2] = 3·1 + 3·2 = 9");
  assert.deepEqual(tc.rotatedKernel(state), [1, 4, 3, 2, 4, 1, 2, 3, 2]);
});

test("valid states: outputs, sizes and the direct convolution's input match the package", () => {
  for (const c of valid) {
    const where = tc.formatHash(c.state);
    assert.equal(tc.validate(c.state), null, where);
    const y = tc.conv(c.state);
    assert.deepEqual(y.shape, c.shape, where);
    assert.deepEqual(y.values, c.output, where);
    const sz = tc.sizes(c.state);
    assert.deepEqual(sz.map((z) => z.out), c.sizes, where);
    assert.deepEqual(sz.map((z) => z.convInputs), c.convInputs, where);
    const z = tc.zeroInserted(c.state);
    assert.deepEqual(z.shape, c.paddedShape, where);
    assert.deepEqual(z.values, c.padded, where);
    assert.deepEqual(tc.rotatedKernel(c.state), c.rotated, where);
  }
});

test("valid states: the taps reaching each output sum to it, as many as the package counts", () => {
  for (const c of valid) {
    const where = tc.formatHash(c.state);
    c.output.forEach((value, r) => {
      const o = tc.unravel(r, c.shape);
      const taps = tc.tapsOf(c.state, o);
      assert.equal(taps.length, c.overlap[r], `${where} output ${o}`);
      assert.equal(taps.reduce((acc, t) => acc + t.xValue * t.wValue, 0), value, `${where} output ${o}`);
      assert.ok(tc.sumText(c.state, o).endsWith(` ${value}`) || (value === 0 && taps.length === 0));
      // the direct convolution's window over the padded input gives the same value
      const z = tc.zeroInserted(c.state);
      const rot = tc.rotatedKernel(c.state);
      const sum = tc.windowOf(c.state, o).reduce((acc, { cell, tap }) => acc + z.values[cell] * rot[tap], 0);
      assert.equal(sum, value, `${where} window ${o}`);
    });
  }
});

test("small states: stamps and the matrix C^T match the package", () => {
  for (const c of valid) {
    const where = tc.formatHash(c.state);
    if (c.stamps) assert.deepEqual(tc.stamps(c.state).stamps, c.stamps, where);
    if (c.matrixT) {
      assert.deepEqual(tc.matrixT(c.state), c.matrixT, where);
      const rows = tc.matrixT(c.state);
      assert.deepEqual(rows.map((row) => row.reduce((acc, v, j) => acc + v * c.state.x[j], 0)), c.output, where);
    }
  }
});

test("rejected states name the parameter the package rejects", () => {
  for (const c of rejected) {
    const why = tc.validate(c.state);
    assert.ok(why, tc.formatHash(c.state));
    assert.equal(why.param, c.rejected, `${tc.formatHash(c.state)}: ${why.message}`);
    assert.match(why.message, new RegExp(c.rejected === "padding" ? "padding" : `^${c.rejected}`));
  }
});

test("the parameter finder lists exactly what the package's size arithmetic allows", () => {
  for (const q of golden.finder) {
    const found = tc
      .findParameters(q.n, q.m)
      .map((r) => [r.k, r.s, r.p, r.a, Number(r.even)])
      .sort((u, v) => u.join().localeCompare(v.join(), undefined, { numeric: true }));
    const want = [...q.found].sort((u, v) => u.join().localeCompare(v.join(), undefined, { numeric: true }));
    assert.deepEqual(found, want, `input ${q.n} -> output ${q.m}`);
  }
});

test("the hash round-trips, fills missing values and keeps out-of-range numbers for validation", () => {
  for (const c of golden.states) {
    assert.deepEqual(tc.parseHash("#" + tc.formatHash(c.state)), c.state);
  }
  const filled = tc.parseHash("#dim=1&i=5&k=2&x=1,2");
  assert.equal(filled.x.length, 5);
  assert.deepEqual(filled.x, tc.defaultValues(5, "x"));
  assert.deepEqual(tc.parseHash("#dim=1&i=5&k=2&x=1,2"), filled, "deterministic");
  assert.deepEqual(tc.parseHash("#s=2").s, [2, 2]);
  assert.equal(tc.validate(tc.parseHash("#s=9")).param, "stride");
  assert.equal(tc.validate(tc.parseHash("#i=9,1")).param, "input size");
  assert.deepEqual(tc.parseHash("#s=two").s, [1, 1]);
});

test("the package's explorer_link writes the hash this module reads", () => {
  const linked = valid.filter((c) => c.link);
  assert.ok(linked.length >= 200, `${linked.length} linked`);
  for (const c of linked) {
    assert.equal("#" + tc.formatHash(c.state), c.link);
    assert.deepEqual(tc.parseHash(c.link), c.state);
  }
  for (const c of valid.filter((c) => !c.link)) assert.ok(tc.validate(c.state), tc.formatHash(c.state));
});

test("values whose sums could exceed 2^53 are refused", () => {
  const state = tc.cloneState(tc.DEFAULT_2D);
  state.x[0] = 2 ** 40;
  state.w[0] = 2 ** 10;
  assert.equal(tc.validate(state).param, "x");
  state.x[0] = 2 ** 30;
  assert.equal(tc.validate(state), null);
  state.w[3] = 2 ** 60;
  assert.equal(tc.validate(state).param, "weight");
});

test("the code shown names every setting", () => {
  const state = tc.parseHash("#dim=2&i=2,3&k=3,4&s=2,1&p=1,0&a=1,0&d=1,1");
  const code = tc.codeFor(state);
  assert.match(code.package, /tc\.conv_transpose2d\(x, w, stride=\(2, 1\), padding=\(1, 0\), output_padding=\(1, 0\)\)/);
  assert.match(code.torch, /ConvTranspose2d\(1, 1, kernel_size=\(3, 4\), stride=\(2, 1\), padding=\(1, 0\), output_padding=\(1, 0\), dilation=1/);
  assert.match(code.torch, /\(1, 1, 3, 4\)/);
});

test("the explorer's scripts and styles weigh at most 100 KB together", async () => {
  const { readdirSync, statSync } = await import("node:fs");
  const dir = new URL("../../docs/_static/explorer/", import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(mjs|js|css)$/.test(f));
  assert.ok(files.includes("explorer.mjs") && files.includes("tconv.mjs") && files.includes("explorer.css"));
  const total = files.reduce((acc, f) => acc + statSync(new URL(f, dir)).size, 0);
  assert.ok(total <= 100_000, `${total} bytes`);
});

test("the output-padding sentence is grammatical for every a and p", () => {
  const expected = [
    [1, 1, "Output padding does not just append zeros: the added output (dotted in view 1) holds a real stamp value that padding p = 1 would otherwise crop at the end."],
    [1, 0, "Here output padding only appends zeros: the added output (dotted in view 1) lies beyond every stamp."],
    [3, 0, "Here output padding only appends zeros: the 3 added outputs (dotted in view 1) lie beyond every stamp."],
    [2, 1, "Output padding does not just append zeros: of the 2 added outputs (dotted in view 1), the first holds a real stamp value that padding p = 1 would otherwise crop at the end, the last is zero, beyond every stamp."],
    [4, 2, "Output padding does not just append zeros: of the 4 added outputs (dotted in view 1), the first 2 hold real stamp values that padding p = 2 would otherwise crop at the end, the other 2 are zeros, beyond every stamp."],
    [2, 3, "Output padding does not just append zeros: both added outputs (dotted in view 1) hold real stamp values that padding p = 3 would otherwise crop at the end."],
  ];
  for (const [a, p, sentence] of expected) {
    assert.equal(tc.outputPaddingText(a, p), sentence);
  }
  for (let a = 1; a <= 6; a++) {
    for (let p = 0; p <= 6; p++) {
      const text = tc.outputPaddingText(a, p);
      assert.match(text, a === 1 ? /the added output \(/ : new RegExp(`(the|all|both) (${a} )?added outputs`), text);
      assert.doesNotMatch(text, /\bthe first [01]\b|\b1 (hold|are|lie)\b|\bthe other 1\b|\b1 added outputs\b/, text);
    }
  }
});
