/**
 * Sizes for the printed table, estimated without a font engine. Excel and LibreOffice never grow a row to fit
 * a merged cell's text, and Excel does not fit rows on opening, so the workbook carries explicit row heights
 * computed here: a slight over-estimate (a little white space) is better than text cut off on paper.
 */

/** Excel column widths count characters of the default font (Calibri 11: 7 px); 1 pt of font is 4/3 px. */
const UNITS_PER_EM_POINT = 4 / 3 / 7;
/** Cell padding inside a column, in width units. */
const CELL_PADDING = 1;
/** Line pitch as a multiple of the font size (SimSun and its substitute WenQuanYi both need about 1.3). */
const LINE_PITCH = 1.32;
/** Space above and below the text of a cell, in points. */
const ROW_PADDING = 5;
/** Excel's limit on a row's height, in points. */
const MAX_ROW_HEIGHT = 409;

/** Whether a character prints a full em wide in a CJK font: ideographs, kana, full-width forms, and the
 * “ambiguous” symbols (■ □ √ “ ” — …) that Chinese fonts draw full width. */
function isFullWidth(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    cp === 0x00b7 ||
    (cp >= 0x2010 && cp <= 0x2bff) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

/** Width of a run of text in ems: full-width characters 1, others 0.55 (proportional Latin, digits). */
function ems(text: string): number {
  let width = 0;
  for (const ch of text) width += isFullWidth(ch.codePointAt(0)!) ? 1 : 0.55;
  return width;
}

/** The Excel width of a table column whose suggested width is `characters` half-width characters. */
export function columnWidth(characters: number): number {
  return characters + CELL_PADDING;
}

/**
 * How many lines `text` takes when wrapped in a column `width` units wide: line breaks are kept, CJK wraps
 * between any two characters, and runs of Latin letters and digits wrap as whole words when they fit a line.
 */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  // The epsilon keeps a line that fills the column exactly from counting as two (4/3/7 is not exact in binary).
  const capacity = Math.max((width - CELL_PADDING) / (fontSize * UNITS_PER_EM_POINT), 1) + 1e-9;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    lines++;
    let used = 0;
    for (const token of paragraph.match(/[\x21-\x7e]+|./gsu) ?? []) {
      const w = ems(token);
      if (used + w <= capacity) {
        used += w;
      } else if (w <= capacity) {
        lines++;
        used = token.trim() === '' ? 0 : w;
      } else {
        // A word longer than a line is broken anywhere, as Excel does.
        const total = used + w;
        lines += Math.ceil(total / capacity) - 1;
        used = total - (Math.ceil(total / capacity) - 1) * capacity;
      }
    }
  }
  return lines;
}

/** Height in points of a row showing `lines` lines of text at a font size. */
export function heightForLines(lines: number, fontSize: number): number {
  return lines * fontSize * LINE_PITCH + ROW_PADDING;
}

/** A piece of text placed in a grid: it starts at `row` (0-based), spans `rowSpan` rows and is `width` units wide. */
export interface TextBlock {
  row: number;
  rowSpan: number;
  width: number;
  text: string;
}

/**
 * Row heights (points) so that every block shows all its text: single-row blocks set their row's height,
 * then each merged block, smaller ones first, spreads any shortfall evenly over its rows. Pure.
 */
export function rowHeights(rowCount: number, blocks: Iterable<TextBlock>, fontSize: number): number[] {
  const heights = new Array<number>(rowCount).fill(heightForLines(1, fontSize));
  const merged: (TextBlock & { need: number })[] = [];
  for (const block of blocks) {
    if (block.text === '') continue;
    const need = heightForLines(wrappedLines(block.text, block.width, fontSize), fontSize);
    if (block.rowSpan <= 1) heights[block.row] = Math.max(heights[block.row]!, need);
    else merged.push({ ...block, need });
  }
  merged.sort((a, b) => a.rowSpan - b.rowSpan || a.row - b.row);
  for (const block of merged) {
    const end = Math.min(block.row + block.rowSpan, rowCount);
    let sum = 0;
    for (let r = block.row; r < end; r++) sum += heights[r]!;
    const share = (block.need - sum) / (end - block.row);
    if (share > 0) for (let r = block.row; r < end; r++) heights[r]! += share;
  }
  // Whole quarter points keep the XML short and the bytes stable across platforms.
  return heights.map((h) => Math.min(Math.ceil(h * 4) / 4, MAX_ROW_HEIGHT));
}

/** Points of page per column-width unit at 100 %: Excel draws a unit as 7 px, 0.75 pt each. */
const POINTS_PER_UNIT = 5.25;

/** The scale at which a table `width` units wide fits `printableWidth` points: a whole percentage, as Excel picks. */
export function fitToWidthScale(width: number, printableWidth: number): number {
  return Math.min(1, Math.floor((printableWidth / (width * POINTS_PER_UNIT)) * 100) / 100);
}

/**
 * Where to start new pages. Rows are placed greedily; when a row does not fit, the page ends at the latest
 * row on it before which a break is allowed (`breakable`), so that what lies between stays together (the
 * catalog's renderer allows breaks only between 一级事项 groups, whose merged cells would otherwise be cut at
 * the page edge), or right before the row if no break is allowed on the page. `first` and `rest` are the room for
 * body rows on the first and later pages, in the same (unscaled) points as `heights`. Returns the 0-based
 * rows that start a page. Pure.
 */
export function pageBreaks(
  heights: readonly number[],
  breakable: readonly boolean[],
  first: number,
  rest: number,
): number[] {
  const breaks: number[] = [];
  let start = 0;
  let capacity = first;
  let used = 0;
  for (let r = 0; r < heights.length; r++) {
    if (r > start && used + heights[r]! > capacity) {
      let at = r;
      while (at > start && !breakable[at]) at--;
      if (at === start) at = r;
      breaks.push(at);
      start = at;
      capacity = rest;
      used = 0;
      for (let k = at; k < r; k++) used += heights[k]!;
    }
    used += heights[r]!;
  }
  return breaks;
}
