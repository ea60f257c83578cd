// The explorer's math module against golden cases computed by the transposed_conv package.
// Run: python tests/js/make_golden.py build/explorer/golden.json && node --test tests/js/
// (nox -s explorer). GOLDEN names another file.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import LIMITS from "../../docs/_static/explorer/limits.mjs";
import * as tc from "../../docs/_static/explorer/tconv.mjs";
import { formatHash, parseHash } from "../../docs/_static/explorer/address.mjs";
import { codeFor, sumText } from "../../docs/_static/explorer/text.mjs";

const GOLDEN = process.env.GOLDEN ?? new URL("../../build/explorer/golden.json", import.meta.url);
const golden = JSON.parse(readFileSync(GOLDEN, "utf8"));
const valid = golden.states.filter((c) => "output" in c);
const refused = golden.states.filter((c) => "refused" in c);
const rejected = golden.states.filter((c) => "rejected" in c);

test("the golden cases read the same limits as this module", () => {
  assert.deepEqual(golden.limits, LIMITS);
  assert.deepEqual(tc.RANGES.k, LIMITS.k);
  assert.deepEqual(tc.RANGES.i[2], LIMITS.i["2"]);
});

test("enough golden cases: both dimensions, valid and rejected, a quarter with decimals", () => {
  assert.ok(golden.states.length >= 500, `${golden.states.length} states`);
  assert.ok(valid.some((c) => c.state.dim === 1) && valid.some((c) => c.state.dim === 2));
  assert.ok(rejected.length >= 50, `${rejected.length} rejected`);
  assert.ok(refused.length >= 5, `${refused.length} too large for exact sums`);
  const decimal = valid.filter((c) => c.places > 0);
  assert.ok(decimal.length >= valid.length / 4, `${decimal.length} of ${valid.length} with decimals`);
  assert.ok(decimal.some((c) => c.places === 2 * LIMITS.decimals), "some with the most decimals in both x and w");
  assert.ok(valid.filter((c) => c.matrixT).length >= 100);
  assert.ok(valid.filter((c) => c.stamps).length >= 100);
});

test("the walk-through's example is the default and gives its numbers", () => {
  const state = parseHash("");
  assert.deepEqual(state, tc.cloneState(tc.DEFAULT_2D));
  const y = tc.conv(state);
  assert.deepEqual(y.shape, [4, 4]);
  assert.equal(y.places, 0);
  assert.deepEqual(y.units, [2, 9, 11, 6, 5, 19, 27, 12, 5, 24, 29, 9, 6, 17, 14, 3]);
  assert.equal(sumText(state, [2, 3]), "y[2, 3] = x[0, 1]·w[2, 2] + x[1, 1]·w[1, 2] = 3·1 + 3·2 = 9");
  assert.deepEqual(tc.rotatedKernel(state), [1, 4, 3, 2, 4, 1, 2, 3, 2]);
});

test("valid states: outputs, sizes and the direct convolution's input match the package", () => {
  for (const c of valid) {
    const where = formatHash(c.state);
    assert.equal(tc.validate(c.state), null, where);
    const y = tc.conv(c.state);
    assert.equal(y.places, c.places, where);
    assert.deepEqual(y.shape, c.shape, where);
    assert.deepEqual(y.units, c.output, where);
    const sz = tc.sizes(c.state);
    assert.deepEqual(sz.map((z) => z.out), c.sizes, where);
    assert.deepEqual(sz.map((z) => z.convInputs), c.convInputs, where);
    if (c.convFromOut) assert.deepEqual(sz.map((z) => z.convFromOut), c.convFromOut, where);
    const z = tc.zeroInserted(c.state);
    assert.deepEqual(z.shape, c.paddedShape, where);
    assert.deepEqual(z.units, c.padded, where);
    assert.deepEqual(tc.rotatedKernel(c.state), c.rotated, where);
  }
});

test("valid states: the taps reaching each output sum to it, as many as the package counts", () => {
  for (const c of valid) {
    const where = formatHash(c.state);
    const z = tc.zeroInserted(c.state);
    const rot = tc.rotatedKernel(c.state);
    c.output.forEach((value, r) => {
      const o = tc.unravel(r, c.shape);
      const taps = tc.tapsOf(c.state, o);
      assert.equal(taps.length, c.overlap[r], `${where} output ${o}`);
      assert.equal(taps.reduce((acc, t) => acc + t.xUnits * t.wUnits, 0), value, `${where} output ${o}`);
      // the direct convolution's window over the padded input gives the same value
      const sum = tc.windowOf(c.state, o).reduce((acc, { cell, tap }) => acc + z.units[cell] * rot[tap], 0);
      assert.equal(sum, value, `${where} window ${o}`);
    });
  }
});

test("small states: stamps and the matrix C^T match the package", () => {
  for (const c of valid) {
    const where = formatHash(c.state);
    if (c.stamps) assert.deepEqual(tc.stamps(c.state).stamps, c.stamps, where);
    if (c.matrixT) {
      const rows = tc.matrixT(c.state);
      assert.deepEqual(rows, c.matrixT, where);
      const xu = tc.exact(c.state).x;
      assert.deepEqual(rows.map((row) => row.reduce((acc, v, j) => acc + v * xu[j], 0)), c.output, where);
    }
  }
});

test("rejected states name the parameter the package rejects", () => {
  for (const c of rejected) {
    const why = tc.validate(c.state);
    assert.ok(why, formatHash(c.state));
    assert.equal(why.param, c.rejected, `${formatHash(c.state)}: ${why.message}`);
    assert.match(why.message, new RegExp(c.rejected === "padding" ? "padding" : `^${c.rejected}`));
  }
});

test("states whose sums could pass 2^53 in the explorer's units are refused, naming the larger side", () => {
  for (const c of refused) {
    const why = tc.validate(c.state);
    assert.ok(why, formatHash(c.state));
    assert.equal(why.param, c.refused, why.message);
    assert.match(why.message, /too large for exact sums/);
  }
  const state = tc.cloneState(tc.DEFAULT_2D);
  state.x[0] = 2 ** 40;
  state.w[0] = 2 ** 10;
  assert.equal(tc.validate(state).param, "x");
  state.x[0] = 2 ** 34;
  assert.equal(tc.validate(state), null, "whole numbers count in ones: addresses that worked still work");
  state.x[1] = 0.25; // now x counts in hundredths: 9 taps × 100 · 2^34 × 2^10 > 2^53
  assert.equal(tc.validate(state).param, "x");
  state.x[0] = 1;
  state.w[3] = 2 ** 60;
  assert.equal(tc.validate(state).param, "weight");
});

test("values with more than three decimal places are refused", () => {
  const state = tc.cloneState(tc.DEFAULT_2D);
  state.w[0] = 0.0625;
  assert.equal(tc.validate(state).param, "weight");
  assert.match(tc.validate(state).message, /at most 3 decimal places/);
  state.w[0] = 0.125;
  state.x[0] = 0.375;
  assert.equal(tc.validate(state), null);
  assert.equal(sumText(state, [0, 0]), "y[0, 0] = x[0, 0]·w[0, 0] = 0.375·0.125 = 0.046875");
});

test("while stamping, each sum names the terms added so far and adds up to the package's stamps", () => {
  let checked = 0;
  for (const c of valid.filter((q) => q.stamps && q.state.x.length > 1)) {
    const { state } = c;
    const where = formatHash(state);
    const sz = tc.sizes(state);
    const full = sz.map((z) => z.full);
    const n = state.x.length;
    c.output.forEach((value, r) => {
      const o = tc.unravel(r, c.shape);
      const at = tc.ravel(o.map((v, ax) => v + state.p[ax]), full); // its place in the full result
      if (o.some((v, ax) => v + state.p[ax] >= full[ax])) return; // added by output padding: 0
      const taps = tc.tapsOf(state, o);
      for (let step = 0; step < n; step++) {
        const text = sumText(state, o, step);
        if (!taps.length) {
          assert.match(text, /= 0: no input value reaches it$/, where);
          continue;
        }
        assert.ok(text.startsWith(`y[${o.join(", ")}] after ${step + 1} of ${n} stamps = `), `${where}: ${text}`);
        const so_far = c.stamps.slice(0, step + 1).reduce((acc, stamp) => acc + stamp[at], 0);
        const added = taps.filter((t) => t.x <= step).length;
        const total = text.replace(/(; \d+ (more )?terms? to come|: final)$/, "").split(" = ").pop();
        assert.equal(Number(total.replace("\u2212", "-")), so_far / 10 ** c.places, `${where} step ${step}: ${text}`);
        assert.equal((text.match(/x\[/g) ?? []).length, added, `${where}: ${text}`);
        if (added < taps.length) assert.ok(text.endsWith(`; ${taps.length - added} ${added === 0 ? "" : "more "}term${taps.length - added === 1 ? "" : "s"} to come`), text);
        else assert.ok(text.endsWith(": final") && so_far === value, `${where}: ${text}`);
        checked += 1;
      }
    });
  }
  assert.ok(checked > 1000, `${checked} partial sums`);
});

test("the parameter finder lists exactly what the package's size arithmetic allows", () => {
  const key = (r) => JSON.stringify(r);
  for (const q of golden.finder) {
    const found = tc.findParameters(q.n, q.m).map((r) => key([r.k, r.s, r.p, r.a, r.counts])).sort();
    assert.deepEqual(found, q.found.map(key).sort(), `input ${q.n} -> output ${q.m}`);
  }
  for (const r of tc.findParameters(4, 8)) {
    assert.deepEqual(r.missing, r.counts.flatMap((c, rho) => (c ? [] : [rho])));
  }
});

test("explorer_link (tests/explorer_link.py) writes the address this module reads", () => {
  const linked = valid.filter((c) => c.link);
  assert.ok(linked.length >= 200, `${linked.length} linked`);
  for (const c of linked) {
    assert.equal("#" + formatHash(c.state), c.link);
    assert.deepEqual(parseHash(c.link), c.state);
  }
});

test("the code shown names every setting, decimals as written", () => {
  const state = parseHash("#dim=2&i=2,3&k=3,4&s=2,1&p=1,0&a=1,0&d=1,1");
  const code = codeFor(state);
  assert.match(code.package, /tc\.conv_transpose2d\(x, w, stride=\(2, 1\), padding=\(1, 0\), output_padding=\(1, 0\)\)/);
  assert.match(code.torch, /ConvTranspose2d\(1, 1, kernel_size=\(3, 4\), stride=\(2, 1\), padding=\(1, 0\), output_padding=\(1, 0\), dilation=1/);
  assert.match(code.torch, /\(1, 1, 3, 4\)/);
  const bilinear = codeFor(parseHash("#dim=1&i=3&k=4&s=2&p=1&x=1,2,-0.5&w=0.25,0.75,0.75,0.25"));
  assert.match(bilinear.package, /np\.array\(\[0\.25, 0\.75, 0\.75, 0\.25\]\)/);
  assert.match(bilinear.package, /np\.array\(\[1, 2, -0\.5\]\)/);
});

// What a reader pays is the compressed transfer: GitHub Pages and Read the Docs send these files
// gzipped, at a level of their own, so they are measured at zlib's default level (6), not at the
// smallest (-9). BUDGET bytes take 0.2 s at Lighthouse's mobile throttling (1.6 Mbit/s, 200 KB/s).
// It replaced a budget of 100 KB uncompressed when the decimals and the phone layout took the
// files past it (111 KB in December 2026); the rest of the explorer's page (the theme and its icon
// font, the search index, the build-time figure) cost about 270 KB compressed then, as
// check_explorer prints.
const BUDGET = 40_000;

test("the explorer's scripts and styles cost at most 40 KB compressed (gzip at level 6) together", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { gzipSync } = await import("node:zlib");
  const dir = new URL("../../docs/_static/explorer/", import.meta.url);
  const files = readdirSync(dir).filter((f) => /\.(mjs|js|css)$/.test(f));
  assert.ok(files.includes("explorer.mjs") && files.includes("tconv.mjs") && files.includes("explorer.css"));
  const sizes = files.map((f) => gzipSync(readFileSync(new URL(f, dir)), { level: 6 }).length);
  const total = sizes.reduce((acc, n) => acc + n, 0);
  assert.ok(total <= BUDGET, `${total} bytes compressed (${files.map((f, j) => `${f} ${sizes[j]}`).join(", ")})`);
});
