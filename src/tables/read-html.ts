import { defaultTreeAdapter, parse, type DefaultTreeAdapterTypes } from 'parse5';
import type { Grid, GridCell, GridSlot, ReadResult } from './grid.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/**
 * Read every data table of a page into a grid: a table that holds no other table. A table that holds
 * tables is page layout; its text counts as text between tables. Tables with no text are skipped and
 * not numbered. `before` holds the caption, then each block of text (heading, paragraph, div, layout
 * cell) since the previous data table; `after` each block up to the next data table or the end of the
 * page. Text is what a browser shows; see {@link TextCollector}. `_name` is the file name; grids are
 * named by their number (`表2`).
 */
export function readHtml(text: string, _name: string): ReadResult {
  // Each data table is read into its grid as the parser closes it, and its cells let go: a page of
  // thousands of rows never holds all its cells as elements at once. Data tables close in page order
  // (none holds another), so each is numbered then as the walk below meets it.
  const early = new Map<Element, Grid | undefined>();
  let read = 0;
  const adapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    onItemPop(element) {
      if (element.tagName !== 'table' || hasTable(element) || !inShownPage(element)) return;
      const grid = tableGrid(element, read + 1);
      if (grid) read++;
      early.set(element, grid);
      element.childNodes = [];
    },
  };
  const grids: Grid[] = [];
  const collector = new TextCollector();
  // The text since the last data table: after that table, and before the next one.
  const between = (): string[] => {
    const blocks = collector.take(true);
    const previous = grids.at(-1);
    if (previous) previous.after = blocks;
    return blocks;
  };
  walk(parse(text, { treeAdapter: adapter }), collector, (table) => {
    collector.boundary();
    const grid = early.has(table) ? early.get(table) : tableGrid(table, grids.length + 1);
    if (!grid) return;
    grid.before = grid.before.concat(between());
    grids.push(grid);
  });
  collector.boundary();
  between();
  return { format: 'html', grids };
}

/** Feed the text a node shows to `out`; hand each data table to `onDataTable` instead, when given. */
function walk(node: Node, out: TextCollector, onDataTable?: (table: Element) => void): void {
  if (node.nodeName === '#text') {
    out.text((node as DefaultTreeAdapterTypes.TextNode).value);
    return;
  }
  if (!('tagName' in node)) {
    if ('childNodes' in node) for (const child of node.childNodes) walk(child, out, onDataTable);
    return;
  }
  if (!shown(node)) return;
  if (node.tagName === 'br') {
    out.br();
    return;
  }
  if (onDataTable && node.tagName === 'table' && !hasTable(node)) {
    onDataTable(node);
    return;
  }
  const block = BLOCKS.has(node.tagName);
  if (block) out.boundary();
  if (node.tagName === 'pre') out.pre++;
  for (const child of node.childNodes) walk(child, out, onDataTable);
  if (node.tagName === 'pre') out.pre--;
  if (block) out.boundary();
}

/** Elements that start and end a line of text. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
  'listing',
  'plaintext',
]);

/** Elements whose content a browser does not show as text. */
const UNSHOWN = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'title',
  'xml',
  'object',
  'select',
  'textarea',
  'iframe',
  'svg',
  'math',
]);

function shown(el: Element): boolean {
  if (UNSHOWN.has(el.tagName)) return false;
  for (const attr of el.attrs) {
    if (attr.name === 'hidden') return false;
    if (attr.name === 'style' && /(^|;)\s*display\s*:\s*none\b/i.test(attr.value)) return false;
  }
  return true;
}

/**
 * Whether an element is in the page and shown, with every element around it: what the walk of the page
 * reaches (not the content of a `<template>`, nor anything inside a hidden element).
 */
function inShownPage(el: Element): boolean {
  for (let node: Node | null = el; node; node = (node as { parentNode?: Node | null }).parentNode ?? null) {
    if (node.nodeName === '#document') return true;
    if ('tagName' in node && !shown(node)) return false;
  }
  return false;
}

function hasTable(el: Element): boolean {
  return el.childNodes.some((child) => 'tagName' in child && (child.tagName === 'table' || hasTable(child)));
}

function childElements(el: Element, ...names: string[]): Element[] {
  return el.childNodes.filter((c): c is Element => 'tagName' in c && names.includes(c.tagName) && shown(c));
}

/** A cell placed in the table: 0-based position and spans already fitted to the table. */
interface Placed {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/**
 * The HTML table model: cells placed left to right, skipping positions taken by row spans from above.
 * `colspan` is clamped to 1–1000 and `rowspan` to 0–65534 as browsers do; `rowspan="0"` and spans
 * past the end of a row group stop at the group's end. A span that would run into another cell stops
 * before it, and the grid is only as wide as the rightmost column where a cell starts. Trailing rows
 * of empty cells (Word's column-width rows) are dropped.
 */
function tableGrid(table: Element, number: number): Grid | undefined {
  const placed: Placed[] = [];
  const busyUntil: number[] = [];
  let rowCount = 0;
  let caption = '';
  let loose: Element[] = [];
  const groups: Element[][] = [];
  for (const child of table.childNodes) {
    if (!('tagName' in child) || !shown(child)) continue;
    if (child.tagName === 'tr') {
      loose.push(child);
      continue;
    }
    if (loose.length > 0) {
      groups.push(loose);
      loose = [];
    }
    if (child.tagName === 'caption' && caption === '') caption = textOf(child);
    else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) groups.push(childElements(child, 'tr'));
  }
  if (loose.length > 0) groups.push(loose);

  for (const group of groups) {
    const groupEnd = rowCount + group.length;
    for (const tr of group) {
      const r = rowCount++;
      let col = 0;
      for (const td of childElements(tr, 'td', 'th')) {
        while ((busyUntil[col] ?? 0) > r) col++;
        const wanted = clamp(spanAttr(td, 'colspan', 1), 1, 1000);
        let colSpan = 1;
        while (colSpan < wanted && (busyUntil[col + colSpan] ?? 0) <= r) colSpan++;
        const down = spanAttr(td, 'rowspan', 1);
        const rowSpan = down === 0 ? groupEnd - r : clamp(down, 1, Math.min(65534, groupEnd - r));
        for (let k = col; k < col + colSpan; k++) busyUntil[k] = r + rowSpan;
        placed.push({ row: r, col, rowSpan, colSpan, text: textOf(td) });
        col += colSpan;
      }
    }
  }
  if (!placed.some((p) => p.text.trim() !== '')) return undefined;

  const width = placed.reduce((w, p) => Math.max(w, p.col + 1), 0);
  const ref = (row: number, col: number) => `表${number} 第${row + 1}行第${col + 1}列`;
  const rows: (GridSlot | undefined)[][] = Array.from(
    { length: rowCount },
    () => new Array<GridSlot | undefined>(width),
  );
  for (const p of placed) {
    const colSpan = Math.min(p.colSpan, width - p.col);
    for (let r = p.row; r < p.row + p.rowSpan; r++) {
      for (let c = p.col; c < p.col + colSpan; c++) rows[r]![c] = { kind: 'covered', row: p.row, col: p.col };
    }
    rows[p.row]![p.col] = {
      kind: 'cell',
      text: p.text,
      rowSpan: p.rowSpan,
      colSpan,
      ref: ref(p.row, p.col),
    } satisfies GridCell;
  }
  rows.forEach((row, r) => {
    for (let c = 0; c < width; c++) row[c] ??= { kind: 'cell', text: '', rowSpan: 1, colSpan: 1, ref: ref(r, c) };
  });
  while (rows.length > 0 && rows.at(-1)!.every((slot, c) => spacer(slot!, rows.length - 1, c))) rows.pop();
  return { name: `表${number}`, rows: rows as GridSlot[][], before: caption.trim() === '' ? [] : [caption] };
}

/** Whether a slot of the last row holds no text and belongs to no cell from a row above. */
function spacer(slot: GridSlot, row: number, col: number): boolean {
  if (slot.kind === 'covered') return slot.row === row && slot.col < col;
  return slot.text === '' && slot.rowSpan === 1;
}

function spanAttr(el: Element, name: string, fallback: number): number {
  const value = el.attrs.find((a) => a.name === name)?.value;
  const m = value === undefined ? null : /^[\t\n\f\r ]*\+?(\d+)/.exec(value);
  return m ? Math.min(Number(m[1]), 1_000_000) : fallback;
}

function clamp(n: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, n));
}

/** The text of an element's content as a browser shows it, lines joined with `\n`. */
function textOf(el: Element): string {
  const collector = new TextCollector();
  for (const child of el.childNodes) walk(child, collector);
  collector.boundary();
  return collector.take(false).join('\n');
}

// Stand-ins for spaces and tabs inside <pre>, which are not collapsed; noncharacters never occur in text.
const PRE_SPACE = '\ufdd0';
const PRE_TAB = '\ufdd1';

/**
 * Turns a run of text, `<br>`s and block boundaries into blocks of lines the way CSS lays out text
 * with `white-space: normal`: a run of spaces, tabs and newlines from the markup becomes one space;
 * spaces at the start and end of a line go; a newline between two Chinese (or other wide) characters
 * goes entirely, since it only wraps the markup (CSS Text 3 segment-break rule; a space typed between
 * them stays). `&nbsp;` (U+00A0) and the ideographic space are text and stay. A block with no text
 * yields nothing; a line ended by `<br>` counts even when empty, but empty text after the last `<br>`
 * of a block does not.
 */
class TextCollector {
  /** Depth of `<pre>` elements: inside, whitespace is kept. */
  pre = 0;
  private raw = '';
  private lines: string[] = [];
  private blocks: string[] = [];

  text(value: string): void {
    if (this.pre === 0) this.raw += value;
    else {
      const parts = value.replace(/\r\n?/g, '\n').split('\n');
      parts.forEach((part, i) => {
        if (i > 0) this.br();
        this.raw += part.replaceAll(' ', PRE_SPACE).replaceAll('\t', PRE_TAB);
      });
    }
  }

  br(): void {
    this.lines.push(collapse(this.raw));
    this.raw = '';
  }

  boundary(): void {
    const last = collapse(this.raw);
    this.raw = '';
    if (last !== '') this.lines.push(last);
    if (this.lines.length > 0) this.blocks.push(this.lines.join('\n'));
    this.lines = [];
  }

  /** The blocks so far, each with its lines joined by `\n`; with `dropBlank`, only those with more than whitespace. */
  take(dropBlank: boolean): string[] {
    const blocks = dropBlank ? this.blocks.filter((b) => b.trim() !== '') : this.blocks;
    this.blocks = [];
    return blocks;
  }
}

function collapse(raw: string): string {
  // Most cells hold no white space at all: nothing to collapse or trim.
  if (!/[\t\n\f\r ]/.test(raw))
    return raw.includes(PRE_SPACE) || raw.includes(PRE_TAB)
      ? raw.replaceAll(PRE_SPACE, ' ').replaceAll(PRE_TAB, '\t')
      : raw;
  const joined = raw.replace(/[\t\n\f\r ]+/g, (run: string, at: number) =>
    /[\n\r]/.test(run) && joinsAcrossBreak(raw, at, at + run.length) ? '' : ' ',
  );
  const trimmed = joined.replace(/^ +| +$/g, '');
  return trimmed.includes(PRE_SPACE) || trimmed.includes(PRE_TAB)
    ? trimmed.replaceAll(PRE_SPACE, ' ').replaceAll(PRE_TAB, '\t')
    : trimmed;
}

/** Whether a newline between `raw[..start]` and `raw[end..]` disappears (both sides wide, or a zero-width space). */
function joinsAcrossBreak(raw: string, start: number, end: number): boolean {
  const before =
    start > 0
      ? raw.codePointAt(start > 1 && /[\udc00-\udfff]/.test(raw[start - 1]!) ? start - 2 : start - 1)
      : undefined;
  const after = raw.codePointAt(end);
  if (before === undefined || after === undefined) return false;
  if (before === 0x200b || after === 0x200b) return true;
  return wide(before) && wide(after);
}

/** East Asian wide or full-width characters, Hangul excepted (Korean separates words with spaces). */
function wide(cp: number): boolean {
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xac00 && cp <= 0xd7af)) return false;
  return (
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * The character encoding a page declares in its first bytes (`<meta charset=gb2312>` or
 * `<meta http-equiv="Content-Type" content="text/html; charset=GBK">`), as written.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (m) return m[1];
  }
  return undefined;
}
