// Small DOM helpers for the explorer's page: elements and tables of cells.

/**
 * An element with attributes, listeners ("onclick") and children; "text" sets its text.
 * @param {string} tag
 * @param {object} [attrs]
 * @param {...(Node|string|null)} children
 * @returns {HTMLElement}
 */
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
 * A table of cells with a header row and a header column of labels.
 * @param {object} o
 * @param {number} o.rows
 * @param {number} o.cols
 * @param {(c: number) => string} o.colLabel
 * @param {(r: number) => string} o.rowLabel
 * @param {(r: number, c: number, td: HTMLElement) => void} o.cell fills one cell
 * @param {object} [o.attrs] the table's attributes
 * @returns {{table: HTMLElement, cells: HTMLElement[]}} cells row-major
 */
export function cellTable({ rows, cols, colLabel, rowLabel, cell, attrs = {} }) {
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

/**
 * The font size that fits a cell's text in its width, in px.
 * @param {string} text
 * @param {number} size the cell's size in px
 * @returns {number}
 */
export function fitFont(text, size) {
  return Math.max(7, Math.min(size * 0.42, (size * 1.45) / Math.max(text.length, 1)));
}
