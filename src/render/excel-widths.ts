import {
  closingInParagraphs,
  hasClosingPunctuation,
  POINTS_PER_UNIT,
  textExtent,
  tokenize,
  type Tokens,
  widthForEms,
} from '../office/excel-layout.js';
import { A4, BODY_FONT, HEADER_FONT, MARGINS } from '../office/excel-styles.js';
import type { CatalogTable, Column } from './table-model.js';

/** Body text as printed, in points: at least 9 pt, a little over so that the scale's rounding to a whole percentage keeps it there. */
const PRINTED_BODY_SIZE = 9.2;
/** The fewest full-width characters a line of running text holds, and the most a short column is made wide for. */
const LEAST_EMS = 4;
/** How much narrower, or wider, than its share a column may be made so that no line starts with closing punctuation. */
const MOST_NARROWING = 6;
const MOST_WIDENING = 6;

/** The width, in Excel units, of a table that fits A4 landscape at the scale printing the body at `PRINTED_BODY_SIZE`. */
export function printableTableWidth(): number {
  const printable = A4.long - (MARGINS.left + MARGINS.right) * 72;
  return Math.floor(printable / (POINTS_PER_UNIT * (PRINTED_BODY_SIZE / BODY_FONT.size!)));
}

/** A column's own label (the second header row's, or the only one), which may wrap onto two lines. */
function labelOf(table: CatalogTable, c: number): string {
  const own = table.header.filter((h) => h.col === c && h.colSpan === 1);
  return own.at(-1)?.label ?? '';
}

/** Ems a label needs per line: up to three characters on one line (全社会, 依申请), longer ones on two (特定/群体). */
function labelEms(label: string): number {
  const { line } = textExtent(label);
  return line <= 3 ? line : Math.ceil(line / 2);
}

/** Whether a column holds short values (序号, codes, ticks) and takes just the width of its longest one. */
function isNarrow(column: Column): boolean {
  return column.kind === 'seq' || column.kind === 'code' || column.kind === 'tick';
}

/**
 * Column widths (Excel units) for a catalog's sheet that fit its text: short columns as wide as their longest
 * value (a tick, or up to `LEAST_EMS` characters of a note beside it) and their label on at most two lines; running text shares what is left of `total`, each column between
 * a line of `LEAST_EMS` characters (or its longest word) and its longest line, in proportion to how much text
 * it holds; then each running-text column is made up to `MOST_NARROWING` units narrower or `MOST_WIDENING`
 * wider, within `total`, where that starts the fewest lines of its texts and label with CJK closing punctuation
 * (〕》、。…) as Excel and LibreOffice are estimated to wrap them, since the text itself is printed exactly as
 * written. Pure; the same table gives the same widths.
 */
export function catalogWidths(table: CatalogTable, total = printableTableWidth()): number[] {
  const body = BODY_FONT.size!;
  // Each column's distinct texts with how often each occurs: catalogs repeat 依据, 主体, 渠道 on many rows.
  const texts = table.columns.map((_, c) => {
    const times = new Map<string, number>();
    for (const row of table.rows) {
      const cell = row.cells[c];
      if (cell && cell.rowSpan > 0 && cell.text !== '') times.set(cell.text, (times.get(cell.text) ?? 0) + 1);
    }
    return times;
  });
  const label = table.columns.map((_, c) => widthForEms(labelEms(labelOf(table, c)), HEADER_FONT.size!));
  const extents = texts.map((times) => {
    const a = { line: 0, word: 0, area: 0 };
    for (const [t, n] of times) {
      const e = textExtent(t);
      a.line = Math.max(a.line, e.line);
      a.word = Math.max(a.word, e.word);
      a.area += n * e.area;
    }
    return a;
  });
  const widths = table.columns.map((column, c) => {
    const e = extents[c]!;
    if (isNarrow(column)) return Math.max(label[c]!, widthForEms(Math.min(e.line, LEAST_EMS), body));
    return Math.max(label[c]!, widthForEms(Math.min(Math.max(e.word, LEAST_EMS), Math.max(e.line, 1)), body));
  });
  const most = table.columns.map((column, c) =>
    isNarrow(column) ? widths[c]! : Math.max(widths[c]!, widthForEms(extents[c]!.line, body)),
  );

  // Share out what is left, in proportion to each column's text, up to its longest line; repeat while some is capped.
  let open = table.columns.map((column, c) => !isNarrow(column) && widths[c]! < most[c]!);
  for (let round = 0; round < table.columns.length && open.some(Boolean); round++) {
    const left = total - widths.reduce((a, b) => a + b, 0);
    const weight = extents.reduce((a, e, c) => a + (open[c] ? e.area : 0), 0);
    if (left < 1 || weight === 0) break;
    widths.forEach((w, c) => {
      if (open[c]) widths[c] = Math.min(most[c]!, w + Math.floor((left * extents[c]!.area) / weight));
    });
    open = open.map((o, c) => o && widths[c]! < most[c]!);
  }

  // Then each running-text column, in turn and twice over, takes the width within its reach where the fewest
  // lines start with closing punctuation (the nearest its share on a tie), the table staying within `total`.
  // Only a text holding closing punctuation can start a line with it; each distinct text is cut into its
  // paragraphs' text units once. The label counts too, in the header's font, as it prints on every page.
  const share = [...widths];
  // Lines started so, by column and width: every width within reach is counted at once, and the text units dropped.
  const counted = table.columns.map((column, c) => {
    const counts = new Map<number, number>();
    if (isNarrow(column)) return counts;
    const list: { paragraphs: Tokens[]; times: number; size: number }[] = [];
    for (const [t, n] of texts[c]!)
      if (hasClosingPunctuation(t)) list.push({ paragraphs: t.split('\n').map(tokenize), times: n, size: body });
    const own = labelOf(table, c);
    if (hasClosingPunctuation(own)) list.push({ paragraphs: [tokenize(own)], times: 1, size: HEADER_FONT.size! });
    const least = Math.max(label[c]!, share[c]! - MOST_NARROWING);
    for (let w = least; w <= share[c]! + MOST_WIDENING; w++) {
      let n = 0;
      for (const { paragraphs, times, size } of list) n += times * closingInParagraphs(paragraphs, w, size);
      counts.set(w, n);
      // No line starts so at its share: the column keeps it.
      if (w === share[c] && n === 0) return new Map([[w, 0]]);
    }
    return counts;
  });
  const count = (c: number, w: number): number => counted[c]!.get(w) ?? 0;
  for (let round = 0; round < 2; round++) {
    table.columns.forEach((column, c) => {
      if (isNarrow(column) || counted[c]!.size <= 1) return;
      const room = total - widths.reduce((a, b) => a + b, 0) + widths[c]!;
      const least = Math.max(label[c]!, share[c]! - MOST_NARROWING);
      const widest = Math.min(room, share[c]! + MOST_WIDENING);
      let best = widths[c]!;
      let fewest = count(c, best);
      if (fewest === 0 && best === share[c]) return;
      for (let w = least; w <= widest; w++) {
        if (w === widths[c]) continue;
        const n = count(c, w);
        if (n < fewest || (n === fewest && Math.abs(w - share[c]!) < Math.abs(best - share[c]!)))
          [best, fewest] = [w, n];
      }
      widths[c] = best;
    });
  }
  return widths;
}
