import ExcelJS from 'exceljs';
import type { CellValue, RowBreak, Style, Worksheet } from 'exceljs';
import {
  columnWidth,
  fitToWidthScale,
  heightForLines,
  planPages,
  rowHeights,
  type TextBlock,
} from '../office/excel-layout.js';
import { addCounts, countCatalog, emptyCounts, type Counts } from '../catalog/counts.js';
import { uniqueSheetNames } from '../office/sheet-names.js';
import {
  A4,
  BODY_FONT,
  cellText,
  FOOTER,
  HEADER_FONT,
  MARGINS,
  pageSetup,
  STYLES,
  TITLE_FONT,
} from '../office/excel-styles.js';
import { fixZipTimestamps } from '../util/zip-timestamps.js';
import { catalogWidths } from './excel-widths.js';
import { workbookSink } from './workbook-sink.js';
import type { CatalogTable, Column } from './table-model.js';
import type { RenderInput, Renderer, RenderOptions } from './types.js';

/** Name of the first sheet, which counts the items of every catalog. */
export const SUMMARY_SHEET = '汇总';

/** The file name the workbook is returned under. */
export const WORKBOOK_FILE = 'catalogs.xlsx';

/** Rows above the body of a catalog sheet: the title, the line naming unit, version and date, then the two header rows. */
export const TITLE_ROW = 1;
export const BYLINE_ROW = 2;
export const HEADER_TOP = 3;
export const BODY_TOP = 5;

/** Used for workbook dates when no catalog has a `date`. */
const FALLBACK_DATE = new Date('2000-01-01T00:00:00Z');

/** How a body column is aligned: short and ticked values centred, running text from the left. */
export function bodyStyle(column: Column): Partial<Style> {
  if (column.kind === 'text' && column.id !== 'subject') return STYLES.left;
  if (column.kind === 'item' && column.id !== 'level1') return STYLES.left;
  return STYLES.center;
}

/** Part of a page's estimated room that is filled before breaking, to absorb rounding in the applications. */
const PAGE_FILL = 0.98;
/**
 * How full, at least, a page is left (title, header and body, of the printable height) when the next 一级事项
 * group goes to a new page; an emptier page takes as much of the group as fits. A little over two-thirds, as
 * the estimated heights run a little over the printed ones.
 */
const LEAST_FILL = 0.7;

/**
 * A body cell's value. Everything is written as a string (never a formula, whatever it starts with),
 * so codes keep their leading zeros; only 序号 becomes a number, which Excel would otherwise flag.
 */
function bodyValue(column: Column, text: string): CellValue {
  if (column.kind === 'seq' && /^[1-9]\d{0,14}$/.test(text)) return Number(text);
  return cellText(text);
}

/** Put a value and a style in a cell; covered cells of a merge get the style too, so borders print. */
function put(sheet: Worksheet, row: number, col: number, value: CellValue, look: Partial<Style>): void {
  const cell = sheet.getCell(row, col);
  // A cell left empty is only given its look: in a workbook made in memory (the workbench page's), a cell a
  // merge covers hands a value to the merge's first cell, and an empty one would wipe its text.
  if (value !== null) cell.value = value;
  cell.style = look;
}

/** The latest `date` among the catalogs, as the workbook's created/modified date, so output is reproducible. */
function workbookDate(inputs: readonly RenderInput[]): Date {
  let latest: Date | undefined;
  for (const { catalog } of inputs) {
    const raw: unknown = catalog.catalog.date;
    const date =
      raw instanceof Date
        ? raw
        : typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)
          ? new Date(`${raw}T00:00:00Z`)
          : undefined;
    if (date && !Number.isNaN(date.getTime()) && (!latest || date > latest)) latest = date;
  }
  return latest ?? FALLBACK_DATE;
}

/** The unit all catalogs share, if they share one. */
function sharedUnit(inputs: readonly RenderInput[]): string | undefined {
  const units = new Set(inputs.map((i) => i.table.unit));
  return units.size === 1 ? [...units][0] || undefined : undefined;
}

/** The title alone, merged across the table, in a row tall enough for it; returns the table's width. */
export function writeTitleRow(sheet: Worksheet, text: string, widths: readonly number[]): number {
  const width = widths.reduce((a, b) => a + b, 0);
  put(sheet, TITLE_ROW, 1, cellText(text), STYLES.title);
  sheet.getRow(TITLE_ROW).height = rowHeights(1, [{ row: 0, rowSpan: 1, width, text }], TITLE_FONT.size!)[0]! + 4;
  if (widths.length > 1) sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, widths.length);
  return width;
}

/** What the line under a catalog's title says; a part the catalog does not have is left out. */
export interface Byline {
  unit?: string;
  version?: string;
  date?: string;
}

/**
 * The line under a catalog's title: `编制单位：… 版本：… 日期：…`, parts apart by an ideographic space, which
 * ends the unit where `zwgk import` reads it. Empty when the catalog has none of them.
 */
export function bylineText({ unit, version, date }: Byline): string {
  const parts: [string, string | undefined][] = [
    ['编制单位', unit],
    ['版本', version],
    ['日期', date],
  ];
  return parts
    .filter((p): p is [string, string] => Boolean(p[1]))
    .map(([label, value]) => `${label}：${value}`)
    .join('\u3000');
}

/** A catalog's `version` and `date` as printed: the date as YYYY-MM-DD, whether YAML read it as a date or a string. */
export function catalogByline(unit: string, catalog: { version?: unknown; date?: unknown }): Byline {
  const { version, date } = catalog;
  const day = date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(0, 10) : date;
  return {
    ...(unit ? { unit } : {}),
    ...(typeof version === 'string' || typeof version === 'number' ? { version: String(version) } : {}),
    ...(typeof day === 'string' && day ? { date: day } : {}),
  };
}

/**
 * The title, merged across the table, in a row tall enough for it with some space below; under it, in the
 * body's font, one line naming the unit, version and date (a row kept, empty, when there are none).
 */
export function writeTitle(sheet: Worksheet, text: string, widths: readonly number[], byline: Byline = {}): void {
  const width = writeTitleRow(sheet, text, widths);
  const line = bylineText(byline);
  put(sheet, BYLINE_ROW, 1, cellText(line), STYLES.byline);
  sheet.getRow(BYLINE_ROW).height = rowHeights(1, [{ row: 0, rowSpan: 1, width, text: line }], BODY_FONT.size!)[0]!;
  if (widths.length > 1) sheet.mergeCells(BYLINE_ROW, 1, BYLINE_ROW, widths.length);
}

/** A column of the 汇总 sheet: its heading, the group heading above it (if any), its width and alignment. */
interface SummaryColumn {
  label: string;
  group?: string;
  width: number;
  look: Partial<Style>;
}

/** The numbers of the 汇总 sheet: from its third column group on, per catalog and in total. */
const countColumns = (counts: Counts, channels: readonly string[]): number[] => [
  counts.level1,
  counts.level2,
  counts.method.主动,
  counts.method.依申请,
  ...channels.map((name) => counts.channels.find((t) => t.name === name)?.count ?? 0),
];

/**
 * The 汇总 sheet: per catalog its domain, unit, title, its 一级 and 二级事项, its items 主动 and 依申请, and
 * the items using each channel (those the catalogs use, standard names in the standard order first), then
 * a total row. The elements are counted over the items with no sub-items, as `zwgk stats` counts them.
 */
function writeSummary(workbook: ExcelJS.Workbook, inputs: readonly RenderInput[], heading: string): void {
  const counted = inputs.map((input) => countCatalog(input.catalog));
  const total = counted.reduce(addCounts, emptyCounts());
  const channels = total.channels.map((t) => t.name);
  const number = (label: string, group?: string, width = 7): SummaryColumn => ({
    label,
    width,
    look: STYLES.center,
    ...(group ? { group } : {}),
  });
  const columns: SummaryColumn[] = [
    { label: '序号', width: 5, look: STYLES.center },
    { label: '领域', width: 12, look: STYLES.center },
    { label: '编制单位', width: 18, look: STYLES.left },
    { label: '目录名称', width: 34, look: STYLES.left },
    number('一级事项数', undefined, 9),
    number('二级事项数', undefined, 9),
    number('主动', '公开方式'),
    number('依申请', '公开方式'),
    ...channels.map((name) => number(name, '公开渠道（事项数）')),
  ];
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, {
    views: [{ state: 'frozen', ySplit: 3, topLeftCell: 'A4', activeCell: 'A4' }],
    pageSetup: pageSetup(channels.length > 0 ? 'landscape' : 'portrait', '2:3'),
    headerFooter: { oddFooter: FOOTER },
  });
  const widths = columns.map((c) => columnWidth(c.width));
  sheet.columns = widths.map((width) => ({ width }));
  writeTitleRow(sheet, heading, widths);

  // Two header rows: a group's heading over its columns, a column without a group merged down both.
  const headerBlocks: TextBlock[] = [];
  columns.forEach((c, i) => {
    const first = !c.group || columns[i - 1]?.group !== c.group;
    if (c.group && first) {
      const span = columns.slice(i).findIndex((d) => d.group !== c.group);
      const last = i + (span < 0 ? columns.length - i : span) - 1;
      put(sheet, 2, i + 1, c.group, STYLES.header);
      for (let col = i + 2; col <= last + 1; col++) put(sheet, 2, col, null, STYLES.header);
      if (last > i) sheet.mergeCells(2, i + 1, 2, last + 1);
      headerBlocks.push({
        row: 0,
        rowSpan: 1,
        width: widths.slice(i, last + 1).reduce((x, y) => x + y, 0),
        text: c.group,
      });
    }
    put(sheet, c.group ? 3 : 2, i + 1, c.label, STYLES.header);
    if (!c.group) {
      put(sheet, 3, i + 1, null, STYLES.header);
      sheet.mergeCells(2, i + 1, 3, i + 1);
    }
    headerBlocks.push({ row: c.group ? 1 : 0, rowSpan: c.group ? 1 : 2, width: widths[i]!, text: c.label });
  });
  rowHeights(2, headerBlocks, HEADER_FONT.size!).forEach((h, r) => (sheet.getRow(2 + r).height = h + 4));

  const rows = inputs.map(({ table }, i) => [
    i + 1,
    table.domain,
    table.unit,
    table.title,
    ...countColumns(counted[i]!, channels),
  ]);
  const blocks: TextBlock[] = rows.flatMap((values, r) =>
    values.map((v, c) => ({ row: r, rowSpan: 1, width: widths[c]!, text: String(v) })),
  );
  const heights = rowHeights(rows.length, blocks, BODY_FONT.size!);
  rows.forEach((values, r) => {
    values.forEach((v, c) => put(sheet, 4 + r, c + 1, typeof v === 'number' ? v : cellText(v), columns[c]!.look));
    sheet.getRow(4 + r).height = heights[r]!;
  });

  const totalRow = 4 + rows.length;
  put(sheet, totalRow, 1, '合计', STYLES.header);
  for (let c = 2; c <= 4; c++) put(sheet, totalRow, c, null, STYLES.header);
  sheet.mergeCells(totalRow, 1, totalRow, 4);
  countColumns(total, channels).forEach((n, i) => put(sheet, totalRow, 5 + i, n, STYLES.header));
  sheet.getRow(totalRow).height = heightForLines(1, HEADER_FONT.size!) + 4;
}

/** The two header rows from row `top`, merged as the table says; returns their heights. */
export function writeHeader(
  sheet: Worksheet,
  table: CatalogTable,
  widths: readonly number[],
  top = HEADER_TOP,
): number[] {
  const blocks: TextBlock[] = [];
  for (const h of table.header) {
    const width = widths.slice(h.col, h.col + h.colSpan).reduce((a, b) => a + b, 0);
    blocks.push({ row: h.row, rowSpan: h.rowSpan, width, text: h.label });
    for (let r = 0; r < h.rowSpan; r++) {
      for (let c = 0; c < h.colSpan; c++)
        put(sheet, top + h.row + r, h.col + c + 1, r === 0 && c === 0 ? h.label : null, STYLES.header);
    }
    if (h.rowSpan > 1 || h.colSpan > 1)
      sheet.mergeCells(top + h.row, h.col + 1, top + h.row + h.rowSpan - 1, h.col + h.colSpan);
  }
  const heights = rowHeights(2, blocks, HEADER_FONT.size!);
  heights.forEach((height, r) => (sheet.getRow(top + r).height = height));
  return heights;
}

/** One catalog as the official table: title, two merged header rows, body with its vertical merges. */
function writeCatalog(workbook: ExcelJS.Workbook, name: string, { table, catalog }: RenderInput): void {
  const widths = catalogWidths(table);
  // A fixed scale, the one at which the table fits the width of the page, rather than “fit to width”, which
  // Excel and LibreOffice work out differently: the page breaks below are placed for this scale.
  const scale = fitToWidthScale(
    widths.reduce((a, b) => a + b, 0),
    A4.long - (MARGINS.left + MARGINS.right) * 72,
  );
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: BODY_TOP - 1, topLeftCell: `A${BODY_TOP}`, activeCell: `A${BODY_TOP}` }],
    // The header rows repeat on every page; the title is printed once, at the top of the first page, as on paper.
    pageSetup: {
      ...pageSetup('landscape', `${HEADER_TOP}:${BODY_TOP - 1}`),
      fitToPage: false,
      scale: Math.round(scale * 100),
    },
    headerFooter: { oddFooter: FOOTER },
  });
  // exceljs leaves a column exactly 9 wide (its default) out of the file, where applications then use their own default.
  sheet.columns = widths.map((width) => ({ width: width === 9 ? 9.01 : width }));
  writeTitle(sheet, table.title, widths, catalogByline(table.unit, catalog.catalog));
  const header = writeHeader(sheet, table, widths).reduce((a, b) => a + b, 0);

  const blocks: TextBlock[] = table.rows.flatMap((row, r) =>
    row.cells.flatMap((cell, c) =>
      cell.rowSpan > 0 ? [{ row: r, rowSpan: cell.rowSpan, width: widths[c]!, text: cell.text }] : [],
    ),
  );

  // Manual page breaks for the page height at that scale: between 一级事项 groups, or inside a group that does
  // not fit a page, or would leave the page before it too empty.
  const page = (A4.short - (MARGINS.top + MARGINS.bottom) * 72) / scale;
  const above = sheet.getRow(TITLE_ROW).height + sheet.getRow(BYLINE_ROW).height;
  const room = page * PAGE_FILL - header;
  const least = page * LEAST_FILL - header;
  const { starts, heights } = planPages(
    table.rows.length,
    blocks,
    BODY_FONT.size!,
    { first: room - above, rest: room },
    { first: least - above, rest: least },
  );
  const rowBreaks = (sheet as unknown as { rowBreaks: RowBreak[] }).rowBreaks;
  // `id` is the row above the break; 16383 is the last column.
  for (const start of starts) rowBreaks.push({ id: BODY_TOP + start - 1, min: 0, max: 16383, man: 1 });

  // A merged cell that crosses a page break is cut there, and its text written again at the top of the next
  // page: a group continued from the page before starts with its 一级事项 name.
  const pageStart = new Array<boolean>(table.rows.length).fill(false);
  for (const start of starts) pageStart[start] = true;
  const nextStart = new Array<number>(table.rows.length + 1).fill(table.rows.length);
  for (let r = table.rows.length - 1; r >= 0; r--) nextStart[r] = pageStart[r + 1] ? r + 1 : nextStart[r + 1]!;
  const mergeEnd = table.columns.map(() => 0);
  const mergeText = table.columns.map(() => '');

  const looks = table.columns.map(bodyStyle);
  table.rows.forEach((row, r) => {
    const at = BODY_TOP + r;
    row.cells.forEach((cell, c) => {
      const column = table.columns[c]!;
      if (cell.rowSpan > 0) [mergeEnd[c], mergeText[c]] = [r + cell.rowSpan, cell.text];
      const pieceStart = cell.rowSpan > 0 || (pageStart[r] && r < mergeEnd[c]!);
      put(sheet, at, c + 1, pieceStart ? bodyValue(column, mergeText[c]!) : null, looks[c]!);
      const end = Math.min(mergeEnd[c]!, nextStart[r]!);
      if (pieceStart && end - r > 1) sheet.mergeCells(at, c + 1, BODY_TOP + end - 1, c + 1);
    });
    const excelRow = sheet.getRow(at);
    excelRow.height = heights[r]!;
    // Committed rows are serialised at once and no longer held as cell objects.
    excelRow.commit();
  });
  sheet.commit();
}

/**
 * Render catalogs as one Excel workbook: a 汇总 sheet (for more than one catalog), then one print-ready sheet per catalog laid out as
 * the official table. Always uses exceljs's streaming writer, which supports everything used here (merges,
 * frozen panes, page setup, footer, print titles, page breaks) and needs less memory for large catalogs than
 * the in-memory workbook, so there is one code path for all sizes. Same input,
 * same bytes: document dates come from the catalogs and ZIP timestamps are fixed.
 */
export const renderExcel: Renderer = async (inputs: readonly RenderInput[], options: RenderOptions) => {
  const { workbook, bytes } = workbookSink();
  const date = workbookDate(inputs);
  const unit = sharedUnit(inputs);
  workbook.creator = 'zwgk';
  workbook.lastModifiedBy = 'zwgk';
  workbook.created = date;
  workbook.modified = date;
  workbook.lastPrinted = date;
  workbook.title = options.title ?? unit ?? '基层政务公开标准目录';

  // One catalog needs no summary of one row.
  const summary = inputs.length !== 1;
  if (summary) writeSummary(workbook, inputs, options.title ?? `${unit ?? ''}基层政务公开标准目录汇总表`);
  const names = uniqueSheetNames(
    inputs.map((i) => i.table.domain || i.table.unit),
    summary ? [SUMMARY_SHEET] : [],
  );
  inputs.forEach((input, i) => writeCatalog(workbook, names[i]!, input));
  await workbook.commit();
  return [{ path: WORKBOOK_FILE, content: fixZipTimestamps(await bytes) }];
};
