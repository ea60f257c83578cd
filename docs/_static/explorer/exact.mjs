// Exact decimals: a value with at most DECIMALS (3) decimal places is held as an integer count
// of thousandths (or hundredths, tenths, ones), so products are integer counts of millionths at
// most and their sums stay exact below 2^53. Pure functions, no DOM.
import LIMITS from "./limits.mjs";

/** Most decimal places a value of x or w may have. */
export const DECIMALS = LIMITS.decimals;

/** DECIMALS in words, for sentences: "three". */
export const DECIMALS_WORD = ["no", "one", "two", "three", "four"][DECIMALS];

/** Largest integer a double holds exactly (2^53 - 1). */
export const MAX_EXACT = LIMITS.maxExact;

const VALUE = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * The number a typed or linked value stands for, or null unless it is a plain decimal with at
 * most DECIMALS places ("0.125", "-3", ".5", "2.", "−1"; not "1e3", "+1", "0.0625", "1,5", "").
 * @param {string} text
 * @returns {number|null}
 */
export function parseValue(text) {
  const t = String(text).trim().replace(/^\u2212/, "-");
  if (!VALUE.test(t)) return null;
  const frac = t.includes(".") ? t.split(".")[1] : "";
  if (frac.length > DECIMALS) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v + 0 : null; // + 0 turns -0 into 0
}

/** Decimal places of a number as written shortest (0.25: 2), or Infinity (1e21, NaN). @param {number} v */
export function placesOf(v) {
  const m = /^-?\d+(?:\.(\d+))?$/.exec(String(v));
  return m ? (m[1] || "").length : Infinity;
}

/**
 * A value as an integer count of 10^-places, from its digits (not by multiplying), or null
 * when it has more places or the count is not a safe integer.
 * @param {number} v @param {number} places @returns {number|null}
 */
export function unitsOf(v, places) {
  if (placesOf(v) > places) return null;
  const [whole, frac = ""] = String(Math.abs(v)).split(".");
  const units = Number(whole) * 10 ** places + Number(frac.padEnd(places, "0") || "0");
  if (!Number.isSafeInteger(units)) return null;
  return v < 0 ? -units : units;
}

/** The fewest decimal places that hold every value exactly. @param {number[]} values */
export function placesOfAll(values) {
  return values.reduce((acc, v) => Math.max(acc, placesOf(v)), 0);
}

function digits(units, places) {
  const abs = Math.abs(units);
  const scale = 10 ** places;
  const whole = (abs - (abs % scale)) / scale; // exact: a multiple of scale divided by it
  const frac = String(abs % scale).padStart(places, "0").replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/**
 * An integer count of 10^-places as an exact decimal with a plain "-", as the address and the
 * data-value attributes hold it (12345, 4: "1.2345"; -2500, 4: "-0.25").
 * @param {number} units @param {number} places @returns {string}
 */
export function formatUnits(units, places) {
  const text = digits(units, places);
  return units < 0 && text !== "0" ? `-${text}` : text;
}

/** formatUnits with a true minus sign, for reading. @param {number} units @param {number} places */
export function showUnits(units, places) {
  return formatUnits(units, places).replace(/^-/, "\u2212");
}

/**
 * A cell's short text, at most six digits: rounded (half away from zero) to DECIMALS places, or
 * to fewer where the whole part needs the room ("1234.57"); past six whole digits, three
 * significant digits and a power of ten ("1.23e9").
 * @param {number} units @param {number} places
 * @returns {{text: string, exact: boolean}} exact: the text is the value itself
 */
export function cellText(units, places) {
  for (let p = Math.min(places, DECIMALS); p >= 0; p--) {
    const drop = 10 ** (places - p);
    const u = drop === 1 ? units : Math.sign(units) * Math.floor((Math.abs(units) + drop / 2) / drop);
    const text = showUnits(u, p);
    if (text.replace(/[^0-9]/g, "").length <= 6) return { text, exact: u * drop === units };
  }
  const v = units / 10 ** places;
  const [mant, exp] = Math.abs(v).toExponential(2).split("e");
  return { text: `${v < 0 ? "\u2212" : ""}${mant.replace(/\.?0+$/, "")}e${exp.replace("+", "")}`, exact: false };
}
