// The explorer's address: what it reads, and a note for every value it does not take.
import assert from "node:assert/strict";
import { test } from "node:test";

import * as tc from "../../docs/_static/explorer/tconv.mjs";
import { formatHash, parseHash, readHash } from "../../docs/_static/explorer/address.mjs";
import { DECIMALS, cellText, formatUnits, parseValue, unitsOf } from "../../docs/_static/explorer/exact.mjs";
import { cellWidth, fitFont } from "../../docs/_static/explorer/dom.mjs";

test("values: plain decimals with at most three places, nothing else", () => {
  assert.equal(DECIMALS, 3, "a learner types 0.125 and 0.375 (eighths)");
  const taken = { "3": 3, "-1": -1, "0.25": 0.25, "-2.25": -2.25, ".5": 0.5, "2.": 2, " 7 ": 7, "\u22124": -4, "-0": 0, "1.50": 1.5, "0.125": 0.125, "-0.375": -0.375 };
  for (const [text, v] of Object.entries(taken)) assert.equal(parseValue(text), v, text);
  for (const text of ["1e3", "+1", "0.0625", "1,5", "", " ", "-", ".", "0x10", "Infinity", "NaN", "1/2", "--1"]) {
    assert.equal(parseValue(text), null, text);
  }
});

test("exact units and their decimals", () => {
  assert.equal(unitsOf(0.29, 2), 29); // 0.29 * 100 is 28.999999999999996 in floating point
  assert.equal(unitsOf(-2.25, 2), -225);
  assert.equal(unitsOf(3, 2), 300);
  assert.equal(unitsOf(0.125, 2), null);
  assert.equal(unitsOf(1e300, 0), null);
  assert.equal(formatUnits(12345, 4), "1.2345");
  assert.equal(formatUnits(-2500, 4), "-0.25");
  assert.equal(formatUnits(-3, 0), "-3");
  assert.equal(formatUnits(0, 4), "0");
  assert.equal(formatUnits(9007199254740991, 4), "900719925474.0991");
  assert.deepEqual(cellText(1875, 4), { text: "0.188", exact: false });
  assert.deepEqual(cellText(-1875, 4), { text: "\u22120.188", exact: false });
  assert.deepEqual(cellText(46875, 6), { text: "0.047", exact: false }, "0.125 × 0.375");
  assert.deepEqual(cellText(1475, 2), { text: "14.75", exact: true });
  assert.deepEqual(cellText(1234567, 3), { text: "1234.57", exact: false }, "fewer decimals where the whole part needs room");
  assert.deepEqual(cellText(2500, 4), { text: "0.25", exact: true });
  assert.deepEqual(cellText(-42, 0), { text: "\u221242", exact: true });
  assert.equal(cellText(1234567890, 0).text, "1.23e9");
});

test("a well-formed address is read as written, silently", () => {
  const hash = "dim=1&i=3&k=4&s=2&p=1&a=1&d=1&x=0.5,1.5,-2.25&w=0.25,0.75,0.75,0.25";
  const { state, notes } = readHash("#" + hash);
  assert.deepEqual(notes, []);
  assert.equal(formatHash(state), hash);
  assert.deepEqual(readHash("#s=2").notes, [], "a single number serves both axes");
  assert.deepEqual(readHash("").notes, []);
  assert.deepEqual(readHash("#dim=1&i=5&k=2").notes, [], "missing values are filled in");
});

// The addresses the issue found falling back without a word: each now gets a note naming
// what was not taken, and the state written back is what the page shows.
const NOTED = [
  ["dim=1&i=3&k=2&x=0.5,1.5,-2.25&w=1,2", null, { x: [0.5, 1.5, -2.25] }],
  ["dim=1&i=3&k=2&x=1,2,3,&w=1,2", /after the last comma/, { x: [1, 2, 3] }],
  ["dim=1&i=3&s=1.5", /s=1\.5: “1\.5” is not a whole number; 2 \(the default\)/, { s: [2] }],
  ["dim=1&i=2&k=1&x=1e3,2&w=1", /x: “1e3” \(value 1; 2 is shown\)/, { x: [2, 2] }],
  ["dim=1&i=2&k=1&x=+1,2&w=1", null, { x: [1, 2] }], // an address's "+" is a space: " 1"
  ["dim=1&i=2&k=1&x=%2B1,2&w=1", /x: “\+1” \(value 1; 2 is shown\)/, { x: [2, 2] }],
  ["dim=1&i=2&k=1&x=0.0625,2&w=1", /“0\.0625”.*at most three decimal places/, { x: [2, 2] }],
  ["dim=1&i=2&k=1&x=0.125,2&w=1", null, { x: [0.125, 2] }],
  ["dim=1&i=4&k=1&x=5,6&w=1", /x has 2 values but its size 4 needs 4|the missing 2 are filled in/, { x: [5, 6, 3, 1] }],
  ["dim=1&i=2&k=1&x=5,6,7&w=1", /the first 2 are shown/, { x: [5, 6] }],
  ["dim=3", /dim=3: the explorer shows 1-D or 2-D/, { dim: 2 }],
  ["dim=2&s=2&s=3", /s is given more than once: the first, s=2, is used/, { s: [2, 2] }],
  ["dim=2&q=4", /“q” is not a setting/, {}],
  ["dim=1&s=1,2", /a 1-D setting takes one number/, { s: [2] }],
  ["dim=2&k=1,2,3", /a 2-D setting takes one number \(for both axes\) or two/, { k: [3, 3] }],
];

test("every value an address gives and the explorer does not take is named in a note", () => {
  for (const [hash, note, want] of NOTED) {
    const { state, notes } = readHash("#" + hash);
    if (note === null) assert.deepEqual(notes, [], hash);
    else assert.ok(notes.some((n) => note.test(n.text)), `${hash}: ${JSON.stringify(notes)}`);
    for (const [key, v] of Object.entries(want)) assert.deepEqual(state[key], v, `${hash}: ${key}`);
    // what the page shows, written back, reads again as itself and without a note
    const again = readHash("#" + formatHash(state));
    assert.deepEqual(again.state, state, hash);
    assert.deepEqual(again.notes, [], hash);
  }
});

test("out-of-range settings are kept for validation to report, not replaced", () => {
  assert.equal(tc.validate(parseHash("#s=9")).param, "stride");
  assert.equal(tc.validate(parseHash("#i=9,1")).param, "input size");
  assert.equal(tc.validate(parseHash("#dim=2&i=0&k=0&s=0&p=0&a=0&d=0")).param, "input size");
  assert.deepEqual(parseHash("#s=two").s, [1, 1]);
});

test("the address round-trips every state, decimals included", () => {
  for (const hash of ["", "#dim=1&i=5&k=2&x=1,2", "#dim=2&i=2,3&k=1,2&s=2,1&x=0.01,-0.1,3,4.5,0,-7&w=0.33,-12.75"]) {
    const state = parseHash(hash);
    assert.deepEqual(parseHash("#" + formatHash(state)), state, hash);
  }
  const filled = parseHash("#dim=1&i=5&k=2&x=1,2");
  assert.deepEqual(filled.x, [1, 2, ...tc.defaultValues(5, "x").slice(2)]);
});

test("cells are sized for their numbers: the longest text keeps the full font size", () => {
  for (const size of [24, 30, 34]) {
    for (const texts of [["3"], ["14.75", "2"], ["\u2212123.125"], ["0.047", "1.23e9"]]) {
      const width = cellWidth(texts, size);
      assert.ok(width >= size, `${texts} at ${size}`);
      for (const text of texts) assert.equal(fitFont(text, size, width), size * 0.42, `${text} in ${width} px`);
    }
  }
  assert.equal(cellWidth(["9"], 34), 34, "short numbers: square cells");
  assert.ok(fitFont("14.75", 34) < 34 * 0.42, "a square cell would shrink 14.75");
});
