import { appendAll } from '../util/append.js';

/**
 * Sizes for the printed table, estimated without a font engine. Excel and LibreOffice never grow a row to fit
 * a merged cell's text, and Excel does not fit rows on opening, so the workbook carries explicit row heights
 * computed here: a slight over-estimate (a little white space) is better than text cut off on paper.
 */

/** Excel column widths count characters of the default font (Calibri 11: 7 px); 1 pt of font is 4/3 px. */
const UNITS_PER_EM_POINT = 4 / 3 / 7;
/** Points per width unit as LibreOffice draws a column (measured on its PDFs of these workbooks), against Excel's 5.25. */
const LIBREOFFICE_UNIT = 5.55;
/** Cell padding inside a column, in width units. */
const CELL_PADDING = 1;
/** The part of a column LibreOffice keeps clear of text, in points (fitted to where its PDFs wrap CJK and digits). */
const LIBREOFFICE_PADDING = 2.25;
/** The width of a digit in ems as LibreOffice prints these workbooks where 宋体 is missing (DejaVu Serif, 0.636). */
const LIBREOFFICE_DIGIT = 0.636;
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

/** Text units of a paragraph: runs of printable ASCII (words, numbers), or single other characters. */
const TOKENS = /[\x21-\x7e]+|./gsu;

/** How many ems of text fit on a line of a column `width` units wide at a font size. */
function lineCapacity(width: number, fontSize: number): number {
  // The epsilon keeps a line that fills the column exactly from counting as two (4/3/7 is not exact in binary).
  return Math.max((width - CELL_PADDING) / (fontSize * UNITS_PER_EM_POINT), 1) + 1e-9;
}

/**
 * The lines one paragraph (no line feed) takes when wrapped at `capacity` ems: CJK wraps between any two
 * characters, runs of Latin letters and digits wrap as whole words when they fit a line and anywhere when not,
 * as Excel does; a space that ends a line is dropped.
 */
function wrapParagraph(paragraph: string, capacity: number): string[] {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of paragraph.match(TOKENS) ?? []) {
    const w = ems(token);
    if (used + w <= capacity) {
      line += token;
      used += w;
    } else if (w <= capacity) {
      lines.push(line);
      line = token.trim() === '' ? '' : token;
      used = line === '' ? 0 : w;
    } else {
      for (const ch of token) {
        const c = ems(ch);
        if (used + c > capacity && line !== '') {
          lines.push(line);
          line = '';
          used = 0;
        }
        line += ch;
        used += c;
      }
    }
  }
  lines.push(line);
  return lines;
}

/**
 * The lines `text` takes when wrapped in a column `width` units wide, as estimated: line feeds are kept, and
 * each paragraph wraps as `wrapParagraph` says. Pure.
 */
export function wrapLines(text: string, width: number, fontSize: number): string[] {
  const capacity = lineCapacity(width, fontSize);
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, capacity));
}

/** A paragraph cut into its text units (see `TOKENS`), measured once to be wrapped at many widths. */
export interface Tokens {
  /** Each unit's width in ems. */
  widths: number[];
  /** Each unit's width in ems as LibreOffice prints it, with its wider digits. */
  printed: number[];
  /** Each unit's number of characters. */
  sizes: number[];
  /** Each unit's first character, as a code point. */
  firsts: number[];
  /** Whether a unit is white space only (dropped when it ends a line). */
  spaces: boolean[];
  /** The paragraph's number of characters, an upper bound of its width in ems. */
  length: number;
}

/** Whether a UTF-16 code unit is printable ASCII, which `TOKENS` keeps together in runs (words, numbers). */
const isWordCode = (code: number): boolean => code >= 0x21 && code <= 0x7e;

/** Whether a code point is white space, as `String.prototype.trim` takes it. */
const isSpaceCode = (cp: number): boolean =>
  (cp >= 0x09 && cp <= 0x0d) ||
  cp === 0x20 ||
  cp === 0xa0 ||
  cp === 0x1680 ||
  (cp >= 0x2000 && cp <= 0x200a) ||
  cp === 0x2028 ||
  cp === 0x2029 ||
  cp === 0x202f ||
  cp === 0x205f ||
  cp === 0x3000 ||
  cp === 0xfeff;

/** The text units of one paragraph (as `TOKENS` cuts it) with their widths; one pass over its characters. */
export function tokenize(paragraph: string): Tokens {
  const tokens: Tokens = { widths: [], printed: [], sizes: [], firsts: [], spaces: [], length: paragraph.length };
  let i = 0;
  while (i < paragraph.length) {
    const code = paragraph.charCodeAt(i);
    if (isWordCode(code)) {
      let k = i;
      let printed = 0;
      for (; k < paragraph.length && isWordCode(paragraph.charCodeAt(k)); k++) {
        const c = paragraph.charCodeAt(k);
        printed += c >= 0x30 && c <= 0x39 ? LIBREOFFICE_DIGIT : 0.55;
      }
      tokens.widths.push((k - i) * 0.55);
      tokens.printed.push(printed);
      tokens.sizes.push(k - i);
      tokens.firsts.push(code);
      tokens.spaces.push(false);
      i = k;
    } else {
      const cp = paragraph.codePointAt(i)!;
      const width = isFullWidth(cp) ? 1 : 0.55;
      tokens.widths.push(width);
      tokens.printed.push(width);
      tokens.sizes.push(1);
      tokens.firsts.push(cp);
      tokens.spaces.push(isSpaceCode(cp));
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return tokens;
}

const CLOSING = new Set<number>();

/**
 * Wrap a tokenized paragraph at `capacity` ems exactly as `wrapParagraph` does, without building the lines:
 * returns how many lines it takes and how many lines after the first start with closing punctuation. With
 * `printed`, the units have their widths as LibreOffice prints them.
 */
function scan(tokens: Tokens, capacity: number, printed = false): { lines: number; closing: number } {
  const { firsts, spaces, sizes } = tokens;
  const widths = printed ? tokens.printed : tokens.widths;
  let lines = 1;
  let used = 0;
  let empty = true;
  let closing = 0;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!;
    if (used + w <= capacity) {
      if (empty && lines > 1 && CLOSING.has(firsts[i]!)) closing++;
      used += w;
      empty = false;
    } else if (w <= capacity) {
      lines++;
      if (spaces[i]) {
        used = 0;
        empty = true;
      } else {
        if (CLOSING.has(firsts[i]!)) closing++;
        used = w;
        empty = false;
      }
    } else {
      // A run of printable ASCII longer than a line, cut anywhere (each character taken as wide as their mean).
      const each = w / sizes[i]!;
      for (let k = 0; k < sizes[i]!; k++) {
        if (used + each > capacity && !empty) {
          lines++;
          used = 0;
        }
        used += each;
        empty = false;
      }
    }
  }
  return { lines, closing };
}

/** How many lines `text` takes when wrapped in a column `width` units wide (see `wrapLines`). */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const capacity = lineCapacity(width, fontSize);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // No character is wider than an em: a paragraph of no more characters than the line holds stays one line.
    lines += paragraph.length <= capacity ? 1 : scan(tokenize(paragraph), capacity).lines;
  }
  return lines;
}

/**
 * CJK closing brackets, quotes and punctuation, which Chinese typesetting never puts at the start of a line,
 * and the ASCII closing parenthesis, as a label such as 公开内容(要素) has.
 */
export const CLOSING_PUNCTUATION = '〕》」』）】、。，；：！？)';
for (const ch of CLOSING_PUNCTUATION) CLOSING.add(ch.codePointAt(0)!);

/** Whether a text holds any of `CLOSING_PUNCTUATION`. */
export const hasClosingPunctuation = (text: string): boolean => /[〕》」』）】、。，；：！？)]/u.test(text);

/**
 * How many lines a column `width` units wide would start with closing punctuation by wrapping `text` there:
 * lines after the first of each paragraph whose first character is in `CLOSING_PUNCTUATION` (a paragraph the
 * author began with one does not count). Counted twice and summed: as Excel wraps, with its cell padding, and
 * as LibreOffice does, whose wider columns hold about half a character more a line and whose digits are
 * wider. Pure.
 */
export function closingAtLineStart(text: string, width: number, fontSize: number): number {
  return closingInParagraphs(text.split('\n').map(tokenize), width, fontSize);
}

/** `closingAtLineStart` for a text already cut into tokenized paragraphs, to try many widths on one text. */
export function closingInParagraphs(paragraphs: readonly Tokens[], width: number, fontSize: number): number {
  let count = 0;
  const excel = lineCapacity(width, fontSize);
  const libreOffice = (width * LIBREOFFICE_UNIT - LIBREOFFICE_PADDING) / fontSize + 1e-9;
  for (const tokens of paragraphs) {
    if (tokens.length > excel) count += scan(tokens, excel).closing;
    if (tokens.length > libreOffice) count += scan(tokens, libreOffice, true).closing;
  }
  return count;
}

/** The width in ems of the longest paragraph of `text`, of its longest unbreakable word, and of all of it. */
export function textExtent(text: string): { line: number; word: number; area: number } {
  let line = 0;
  let word = 0;
  let area = 0;
  let width = 0;
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (isWordCode(code)) {
      run++;
      width += 0.55;
      continue;
    }
    word = Math.max(word, run * 0.55);
    run = 0;
    if (code === 0x0a) {
      line = Math.max(line, width);
      area += width;
      width = 0;
    } else if (code >= 0xdc00 && code <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) {
      // The second half of a surrogate pair, counted with the first.
    } else {
      width += isFullWidth(text.codePointAt(i)!) ? 1 : 0.55;
    }
  }
  return { line, word, area };
}

/** The Excel width of a column whose text is `ems` ems wide at a font size: the inverse of `lineCapacity`. */
export function widthForEms(ems: number, fontSize: number): number {
  return Math.ceil(ems * fontSize * UNITS_PER_EM_POINT + CELL_PADDING);
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
export function rowHeights(
  rowCount: number,
  blocks: Iterable<TextBlock>,
  fontSize: number,
  known: Map<number, Map<string, number>> = new Map(),
): number[] {
  const heights = new Array<number>(rowCount).fill(heightForLines(1, fontSize));
  const merged: (TextBlock & { need: number })[] = [];
  // Catalogs repeat their texts (the same 依据, 主体, 渠道 on many rows): each is wrapped once a width, and
  // `known` (lines by width and text, at this font size) may carry that over calls.
  for (const block of blocks) {
    if (block.text === '') continue;
    let lines = known.get(block.width);
    if (!lines) known.set(block.width, (lines = new Map<string, number>()));
    let count = lines.get(block.text);
    if (count === undefined) lines.set(block.text, (count = wrappedLines(block.text, block.width, fontSize)));
    const need = heightForLines(count, fontSize);
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

/**
 * Points of page per column-width unit at 100 %, for scaling a table to the page: Excel draws a unit as 7 px
 * of 0.75 pt (5.25 pt), LibreOffice wider (`LIBREOFFICE_UNIT`); a little over the wider, so the table fits in both.
 */
export const POINTS_PER_UNIT = 5.6;

/** The scale at which a table `width` units wide fits `printableWidth` points: a whole percentage, as Excel picks. */
export function fitToWidthScale(width: number, printableWidth: number): number {
  return Math.min(1, Math.floor((printableWidth / (width * POINTS_PER_UNIT)) * 100) / 100);
}

/** Where pages start and how tall every row is, once merged cells are cut at the page breaks. */
export interface PagePlan {
  /** The 0-based rows that start a page, the first page apart. */
  starts: number[];
  /** Row heights in points, each merged cell cut at the breaks and its text shown whole in every piece. */
  heights: number[];
}

/** Room for body rows, in the same (unscaled) points as row heights, on the first page and on later ones. */
export interface PageRoom {
  first: number;
  rest: number;
}

/**
 * Where to start new pages of a table whose rows are tied in groups by merged cells (a catalog's 一级事项 and
 * the cells its rows share), and the rows' heights. Group by group, in order: a group that fits in what is
 * left of the page goes on it; one that does not starts a new page when it fits on one and the page it leaves
 * holds `enough` (its room for body rows at the least fill wanted); otherwise the group is cut, as much of it
 * as fits filling the page and the rest going on, by the same rule, on the next. A cut cuts the merged cells
 * that cross it, each piece showing the cell's text (the repeated 一级事项 name tells the reader the rows
 * continue a group); a cut that would leave one row of a group alone on a page is moved when the page stays
 * full enough. A row taller than a page has one of its own. Pure; the heights of a group's pieces are
 * computed only when it is cut, each text wrapped once a width.
 */
export function planPages(
  rowCount: number,
  blocks: readonly TextBlock[],
  fontSize: number,
  room: PageRoom,
  enough: PageRoom,
): PagePlan {
  // The groups: runs of rows no merged cell crosses the edges of, each with the blocks that lie in it.
  const tied = new Array<boolean>(rowCount).fill(false);
  for (const b of blocks) for (let k = b.row + 1; k < Math.min(b.row + b.rowSpan, rowCount); k++) tied[k] = true;
  const groupOf = new Array<number>(rowCount);
  const groups: { start: number; end: number; blocks: TextBlock[] }[] = [];
  for (let r = 0; r < rowCount; r++) {
    if (!tied[r] || groups.length === 0) groups.push({ start: r, end: r + 1, blocks: [] });
    else groups.at(-1)!.end = r + 1;
    groupOf[r] = groups.length - 1;
  }
  for (const b of blocks) if (b.row < rowCount) groups[groupOf[b.row]!]!.blocks.push(b);

  /** Heights of rows `a` to `b` (exclusive) of a group printed as a piece of their own. */
  const piece = (group: (typeof groups)[number], a: number, b: number): number[] => {
    const clipped: TextBlock[] = [];
    for (const block of group.blocks) {
      const top = Math.max(block.row, a);
      const bottom = Math.min(block.row + block.rowSpan, b);
      if (top < bottom) clipped.push({ row: top - a, rowSpan: bottom - top, width: block.width, text: block.text });
    }
    return rowHeights(b - a, clipped, fontSize, known);
  };
  const known = new Map<number, Map<string, number>>();
  // Groups share no merged cell: the heights of whole groups are those of the whole table.
  const whole = rowHeights(rowCount, blocks, fontSize, known);
  const sum = (list: readonly number[]) => list.reduce((x, y) => x + y, 0);

  const starts: number[] = [];
  const heights: number[] = [];
  let used = 0;
  const roomNow = () => (starts.length === 0 ? room.first : room.rest);
  const enoughNow = () => (starts.length === 0 ? enough.first : enough.rest);
  const newPage = (at: number) => {
    starts.push(at);
    used = 0;
  };
  for (const group of groups) {
    let a = group.start;
    let rows = whole.slice(a, group.end);
    for (;;) {
      const total = sum(rows);
      if (used + total <= roomNow()) {
        appendAll(heights, rows);
        used += total;
        break;
      }
      if (used > 0 && total <= room.rest && used >= enoughNow()) {
        newPage(a);
        continue;
      }
      // Cut: the most rows of the group that fit in what is left of the page.
      const left = roomNow() - used;
      let k = a;
      let part: number[] = [];
      for (let j = a + 1; j < group.end; j++) {
        const trial = piece(group, a, j);
        if (sum(trial) > left) break;
        [k, part] = [j, trial];
      }
      if (k > a && group.end - k === 1 && k - a >= 2) {
        // Rather than one row of the group alone on the next page, two, if this page stays full enough.
        const fewer = piece(group, a, k - 1);
        if (used + sum(fewer) >= enoughNow()) [k, part] = [k - 1, fewer];
      }
      if (k === a) {
        if (used > 0) {
          newPage(a);
          continue;
        }
        // A row taller than a page: on a page of its own.
        k = a + 1;
        part = piece(group, a, k);
      }
      appendAll(heights, part);
      used += sum(part);
      if (k === group.end) break;
      newPage(k);
      a = k;
      rows = piece(group, a, group.end);
    }
  }
  return { starts, heights };
}
