// Small DOM helpers for the explorer's page: elements and tables of cells.

/** An element with attributes, listeners ("onclick"), "text" and children. @returns {HTMLElement} */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

/**
 * A table of rows × cols cells under a header row (colLabel, default: the index) beside a header column
 * (rowLabel); cell(r, c, td) fills each cell; attrs are the table's.
 * @returns {{table: HTMLElement, cells: HTMLElement[]}} cells row-major
 */
export function cellTable({ rows, cols, colLabel = String, rowLabel, cell, attrs = {} }) {
  const cells = [];
  const head = el("tr", {}, el("td", { class: "tce-corner" }));
  for (let c = 0; c < cols; c++) head.append(el("th", { scope: "col", text: colLabel(c) }));
  const body = el("tbody");
  for (let r = 0; r < rows; r++) {
    const tr = el("tr", {}, el("th", { scope: "row", text: rowLabel(r) }));
    for (let c = 0; c < cols; c++) {
      const td = document.createElement("td");
      cell(r, c, td);
      cells.push(td);
      tr.append(td);
    }
    body.append(tr);
  }
  return { table: el("table", attrs, el("thead", {}, head), body), cells };
}

/** The width of a cell's character, in ems (digits are tabular; "." is narrower, "−" wider). */
const CHAR = 0.62;

/**
 * The font size (px) of a number in a cell size px tall and width px wide: 0.42 of the height,
 * smaller only where the text would not fit the width.
 * @param {string} text @param {number} size @param {number} [width] default: size
 * @returns {number}
 */
export function fitFont(text, size, width = size) {
  return Math.max(7, Math.min(size * 0.42, (width - 6) / (CHAR * Math.max(text.length, 1))));
}

/**
 * The width (px) of a table's cells: their height, or wider where the longest text needs it at
 * the font size font (default: fitFont's full size) with room px to spare.
 * @param {string[]} texts @param {number} size @param {number} [font] @param {number} [room]
 * @returns {number}
 */
export function cellWidth(texts, size, font = size * 0.42, room = 6) {
  const longest = texts.reduce((acc, t) => Math.max(acc, t.length), 0);
  return Math.max(size, Math.ceil(longest * CHAR * font + room));
}
