// The explorer's address: a state written in the URL's fragment and read back, with a note
// for every value the explorer could not take. Pure functions, no DOM.
//
// "#dim=2&i=H,W&k=KH,KW&s=SH,SW&p=PH,PW&a=AH,AW&d=DH,DW&x=...&w=...", values row-major.
import { DECIMALS_WORD, parseValue } from "./exact.mjs";
import { AXIS_KEYS, DEFAULT_1D, DEFAULT_2D, cloneState, defaultValues, prod } from "./tconv.mjs";

const KEYS = ["dim", ...AXIS_KEYS, "x", "w"];
const WHOLE = /^-?\d+$/;
/** Values past this many are not filled in: validation reports the size instead. */
const MAX_FILL = 4096;

const show = (v) => v.map(String).join(", ");
const quote = (text) => `“${text}”`;

function readSetting(key, text, dim, base, notes) {
  const items = text.split(",").map((t) => t.trim());
  const fallback = `${dim === 2 && base[0] === base[1] ? base[0] : show(base)} (the default) is shown`;
  if (!items.every((t) => WHOLE.test(t))) {
    const bad = items.filter((t) => !WHOLE.test(t));
    notes.push({ key, text: `${key}=${text}: ${bad.map((t) => (t ? quote(t) : "an empty value")).join(", ")} is not a whole number; ${fallback}` });
    return base;
  }
  const v = items.map(Number);
  if (v.length === dim) return v;
  if (dim === 2 && v.length === 1) return [v[0], v[0]];
  notes.push({ key, text: `${key}=${text}: a ${dim}-D setting takes ${dim === 1 ? "one number" : "one number (for both axes) or two"}; ${fallback}` });
  return base;
}

function readValues(key, text, notes) {
  let items = text.split(",");
  let trailing = 0;
  while (items.length && items[items.length - 1].trim() === "") {
    items.pop();
    trailing += 1;
  }
  if (trailing) notes.push({ key, text: `${key}=${text}: the empty value after the last comma is ignored` });
  const fill = defaultValues(items.length, key);
  const bad = [];
  const values = items.map((t, j) => {
    const v = parseValue(t);
    if (v === null) bad.push(`${quote(t.trim())} (value ${j + 1}; ${fill[j]} is shown)`);
    return v === null ? fill[j] : v;
  });
  if (bad.length) {
    notes.push({ key, text: `${key}: ${bad.join(", ")}: values are numbers with at most ${DECIMALS_WORD} decimal places, like 3, −1 or 0.25` });
  }
  return values;
}

/**
 * The state an address fragment describes, and a note for every value it does not take.
 * Missing keys take the default (one number in 2-D serves both axes); out-of-range settings
 * are kept, for validate to report. Noted: unknown or repeated keys, a dim other than 1 or 2,
 * settings not whole or not one per axis, values not decimals with at most DECIMALS places (the
 * default value takes their place), a trailing comma, too many or too few values.
 * @param {string} hash with or without the leading "#"
 * @returns {{state: object, notes: {key: string, text: string}[]}}
 */
export function readHash(hash) {
  const notes = [];
  const given = new Map();
  for (const [key, value] of new URLSearchParams(String(hash || "").replace(/^#/, ""))) {
    if (!KEYS.includes(key)) notes.push({ key, text: `${quote(key)} is not a setting of the explorer (${KEYS.join(", ")}): ignored` });
    else if (given.has(key)) notes.push({ key, text: `${key} is given more than once: the first, ${key}=${given.get(key)}, is used` });
    else given.set(key, value);
  }
  let dim = 2;
  if (given.has("dim")) {
    const text = given.get("dim").trim();
    if (text === "1" || text === "2") dim = Number(text);
    else notes.push({ key: "dim", text: `dim=${text}: the explorer shows 1-D or 2-D (dim=1 or dim=2); 2-D is shown` });
  }
  const base = dim === 1 ? DEFAULT_1D : DEFAULT_2D;
  const state = cloneState(base);
  for (const key of AXIS_KEYS) {
    if (given.has(key)) state[key] = readSetting(key, given.get(key), dim, base[key], notes);
  }
  for (const [key, shapeKey] of [["x", "i"], ["w", "k"]]) {
    const shape = state[shapeKey];
    const n = prod(shape.map((v) => Math.max(v, 0)));
    const same = shape.every((v, ax) => v === base[shapeKey][ax]);
    if (!given.has(key)) {
      state[key] = same ? [...base[key]] : n <= MAX_FILL ? defaultValues(n, key) : [];
      continue;
    }
    const values = readValues(key, given.get(key), notes);
    if (n > MAX_FILL) {
      state[key] = values; // the size is refused: validation says so
    } else if (values.length !== n) {
      const size = shape.join(" × ");
      const fix = values.length > n ? `the first ${n} are shown` : `the missing ${n - values.length} ${n - values.length === 1 ? "is" : "are"} filled in`;
      notes.push({ key, text: `${key} has ${values.length} value${values.length === 1 ? "" : "s"} but its size ${size} needs ${n}: ${fix}` });
      const fill = defaultValues(n, key);
      state[key] = fill.map((v, j) => (j < values.length ? values[j] : v));
    } else {
      state[key] = values;
    }
  }
  return { state, notes };
}

/** readHash's state alone. @param {string} hash @returns {object} */
export function parseHash(hash) {
  return readHash(hash).state;
}

/** The address fragment of a state (without "#"), every key written. @param {object} state */
export function formatHash(state) {
  const parts = [`dim=${state.dim}`];
  for (const key of [...AXIS_KEYS, "x", "w"]) parts.push(`${key}=${state[key].map((v) => String(v + 0)).join(",")}`);
  return parts.join("&");
}
