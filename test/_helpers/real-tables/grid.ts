import { MARK_GROUPS, markColumnIndices, sampleColumns, type Column, type MarkGroupName } from './columns.js';
import type { CatalogRow, CatalogSample, MarkValue } from './samples.js';

/** A cell that starts at its position; it covers `rowSpan` × `colSpan` positions (default 1). */
export interface Cell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

/** A table row; `null` marks a position covered by a cell above or to the left. */
export type GridRow = (Cell | null)[];

/** A sample's table in its original layout, independent of the output format. */
export interface Grid {
  /** The table's heading. */
  title: string;
  /** A compilation or template name printed above the heading, when the page has one. */
  documentTitle?: string;
  /** Lines between the heading and the table (e.g. 填报单位 / 填报时间), each a list of fields. */
  preamble: string[][];
  header: GridRow[];
  /** Body rows; a row is as wide as the header unless the page gave it surplus cells (梅县 row 1). */
  body: GridRow[];
  /** The header's leaf count. */
  width: number;
}

/** What a tick cell must import as: a mark, the text written instead of a mark, or unknowable from the page. */
export type MarkExpectation = boolean | { text: string } | 'unknown';

/** One tick column's expected value. */
export interface ExpectedMark {
  group: MarkGroupName;
  /** The sub-label as the header shows it (may be blank: 锡林浩特). */
  label: string;
  /** The key the sample uses for this column (labels differ from keys on mirror pages), `null` if none shown. */
  key: string | null;
  value: MarkExpectation;
}

/** What an importer must recover from one body row. */
export interface RowExpectation {
  seq: string;
  /** The 一级事项 text as written; '' on rows it is merged into from above. */
  first: string;
  firstMergedWithPrevious: boolean;
  /** The 一级事项 the row belongs to, carried down through merges. */
  firstResolved: string;
  second: string;
  content: string;
  basis: string;
  timeLimit: string;
  /** `null` where the page did not show the cell (the fixture cell is empty). */
  subject: string | null;
  channelsRaw: string | null;
  /** Extra columns (e.g. 事项类型) by header label, '' where covered by a merge or empty. */
  extra: Record<string, string>;
  /** Texts of cells the row has beyond the header's columns, in order. */
  surplus: string[];
  marks: ExpectedMark[];
}

const TICK = '√';

/**
 * Samples whose first-level value sits in another column. 巴南: the notes say the 一级事项 column is visually
 * empty and the 事项类型 value plays its role; that column carries the vertical merge, 一级 事项 stays blank.
 */
const FIRST_SHOWN_IN: Readonly<Record<string, string>> = {
  'banan-huimin-gonggongwenhuafuwu': '事项类型',
};

/** The table's heading and any compilation/template name above it, without the transcriber's remarks. */
export function sampleTitles(sample: CatalogSample): { title: string; documentTitle?: string } {
  const cleaned = sample.title.replace(/\s*\(copy\b[^)]*\)/g, '').replace(/^\((.*), copy\)$/, '$1');
  const parts = cleaned.split(/ — | \/ /);
  const title = parts.pop()!;
  return parts.length > 0 ? { title, documentTitle: parts.join(' ') } : { title };
}

function isMergedWithPrevious(row: CatalogRow): boolean {
  return row.extra.first_merged_with_previous === true;
}

function rawCellsPrefix(row: CatalogRow): string[] | undefined {
  const prefix = row.extra.raw_cells_prefix;
  return Array.isArray(prefix) ? prefix.map(String) : undefined;
}

function groupValues(
  sample: CatalogSample,
  row: CatalogRow,
  columns: readonly Column[],
  group: MarkGroupName,
): (MarkValue | undefined)[] {
  const indices = markColumnIndices(columns, group);
  const values = row[group];
  if (values === null) return indices.map(() => undefined);
  const keys = Object.keys(values);
  if (keys.length !== indices.length)
    throw new Error(`${sample.id} row ${row.seq}: ${group} has ${keys.length} marks for ${indices.length} columns`);
  return keys.map((k) => values[k]!);
}

/**
 * Texts of the tick cells by column index. `marks_raw` with one entry per tick column is the page's own cell
 * texts (secondsilicon's '?' for unticked). A shorter `marks_raw` lists only the non-empty cells, and which column
 * each belongs to is lost (奉节): text values go to the column the sample names, and each remaining '√' goes to
 * the first column of the next group without a text value. That placement is a guess; the expectation says 'unknown'.
 */
function markTexts(sample: CatalogSample, row: CatalogRow, columns: readonly Column[]): Map<number, string> {
  const texts = new Map<number, string>();
  for (const group of MARK_GROUPS) {
    const values = groupValues(sample, row, columns, group);
    markColumnIndices(columns, group).forEach((col, k) => {
      const v = values[k];
      texts.set(col, v === true ? TICK : typeof v === 'string' ? v : '');
    });
  }
  const raw = typeof row.extra.marks_raw === 'string' ? row.extra.marks_raw.split('|').map((t) => t.trim()) : undefined;
  if (!raw) return texts;
  const inColumnOrder = [...texts.keys()].sort((a, b) => a - b);
  if (raw.length === inColumnOrder.length) return new Map(inColumnOrder.map((col, k) => [col, raw[k]!]));
  const pending = [...raw];
  for (const text of [...texts.values()].filter((t) => t !== '')) {
    const at = pending.indexOf(text);
    if (at < 0) throw new Error(`${sample.id} row ${row.seq}: '${text}' is not in marks_raw`);
    pending.splice(at, 1);
  }
  for (const group of MARK_GROUPS) {
    const cols = markColumnIndices(columns, group);
    if (cols.length > 0 && cols.every((c) => texts.get(c) === '') && pending.length > 0)
      texts.set(cols[0]!, pending.shift()!);
  }
  if (pending.length > 0) throw new Error(`${sample.id} row ${row.seq}: cannot place marks ${pending.join(' ')}`);
  return texts;
}

function rowTexts(sample: CatalogSample, row: CatalogRow, columns: readonly Column[]): string[] {
  const firstShownIn = FIRST_SHOWN_IN[sample.id];
  const marks = markTexts(sample, row, columns);
  const texts = columns.map((col, i): string => {
    switch (col.role) {
      case 'seq':
        return row.seq;
      case 'first':
        return firstShownIn === undefined ? row.first : '';
      case 'second':
        return row.second;
      case 'content':
        return row.content;
      case 'basis':
        return row.basis;
      case 'time_limit':
        return row.time_limit;
      case 'subject':
        return row.subject ?? '';
      case 'channels':
        return row.channels_raw ?? '';
      case 'audience':
      case 'method':
      case 'levels':
        return marks.get(i)!;
      case 'extra':
        return col.label === firstShownIn
          ? row.first
          : typeof row.extra[col.label] === 'string'
            ? (row.extra[col.label] as string)
            : '';
    }
  });
  const prefix = rawCellsPrefix(row);
  if (!prefix) return texts;
  // The page's own leading cells replace those before 公开内容; any surplus pushes the rest right.
  const content = columns.findIndex((c) => c.role === 'content');
  return [...prefix, ...texts.slice(content)];
}

function headerRows(columns: readonly Column[]): GridRow[] {
  if (columns.every((c) => c.group === null)) return [columns.map((c) => ({ text: c.label }))];
  const top: GridRow = [];
  const bottom: GridRow = [];
  columns.forEach((col, i) => {
    if (col.group === null) {
      top.push({ text: col.label, rowSpan: 2 });
      bottom.push(null);
      return;
    }
    bottom.push({ text: col.label });
    if (i > 0 && columns[i - 1]!.group === col.group) {
      top.push(null);
      return;
    }
    let span = 1;
    while (columns[i + span]?.group === col.group) span++;
    top.push(span > 1 ? { text: col.group, colSpan: span } : { text: col.group });
  });
  return [top, bottom];
}

function mergeColumn(sample: CatalogSample, columns: readonly Column[]): number {
  const label = FIRST_SHOWN_IN[sample.id];
  return label === undefined
    ? columns.findIndex((c) => c.role === 'first')
    : columns.findIndex((c) => c.label === label);
}

/** A sample's table as a layout-neutral grid: header groups, vertical merges of 一级事项, tick glyphs as on the page. */
export function sampleGrid(sample: CatalogSample): Grid {
  const columns = sampleColumns(sample);
  const body: GridRow[] = sample.rows.map((row) => rowTexts(sample, row, columns).map((text) => ({ text })));
  const merged = mergeColumn(sample, columns);
  let master: Cell | undefined;
  sample.rows.forEach((row, i) => {
    if (!isMergedWithPrevious(row)) {
      master = body[i]![merged] ?? undefined;
    } else if (master) {
      master.rowSpan = (master.rowSpan ?? 1) + 1;
      body[i]![merged] = null;
    } else {
      throw new Error(`${sample.id} row ${row.seq}: merged with a row that does not exist`);
    }
  });
  const preamble = sample.form_header ? [Object.entries(sample.form_header).map(([k, v]) => `${k}:${v}`)] : [];
  return { ...sampleTitles(sample), preamble, header: headerRows(columns), body, width: columns.length };
}

// In column order.
function expectedMarks(sample: CatalogSample, row: CatalogRow, columns: readonly Column[]): ExpectedMark[] {
  const byColumn = MARK_GROUPS.flatMap((group) => {
    const values = groupValues(sample, row, columns, group);
    const keys = row[group] === null ? [] : Object.keys(row[group]);
    return markColumnIndices(columns, group).map((col, k): [number, ExpectedMark] => {
      const v = values[k];
      const value: MarkExpectation = typeof v === 'boolean' ? v : typeof v === 'string' ? { text: v } : 'unknown';
      return [col, { group, label: columns[col]!.label, key: keys[k] ?? null, value }];
    });
  });
  return byColumn.sort(([a], [b]) => a - b).map(([, mark]) => mark);
}

/** For each body row, the texts and marks an importer must recover from the sample's table. */
export function sampleExpectation(sample: CatalogSample): RowExpectation[] {
  const columns = sampleColumns(sample);
  const content = columns.findIndex((c) => c.role === 'content');
  const extras = columns.filter((c) => c.role === 'extra').map((c) => c.label);
  let resolved = '';
  return sample.rows.map((row) => {
    const mergedWithPrevious = isMergedWithPrevious(row);
    if (!mergedWithPrevious) resolved = row.first;
    const extra = Object.fromEntries(
      extras.map((label) => {
        const value = row.extra[label];
        return [label, typeof value === 'string' ? value : ''];
      }),
    );
    return {
      seq: row.seq,
      first: row.first,
      firstMergedWithPrevious: mergedWithPrevious,
      firstResolved: resolved,
      second: row.second,
      content: row.content,
      basis: row.basis,
      timeLimit: row.time_limit,
      subject: row.subject,
      channelsRaw: row.channels_raw,
      extra,
      surplus: rawCellsPrefix(row)?.slice(content) ?? [],
      marks: expectedMarks(sample, row, columns),
    };
  });
}
