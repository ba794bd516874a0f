import type { Style, Worksheet } from 'exceljs';
import { say, type Lang, type Text } from '../../i18n.js';
import { columnWidth, fitToWidthScale, heightForLines, rowHeights } from '../../office/excel-layout.js';
import { displayWidth } from '../../report/text-width.js';
import {
  fitRows,
  headerRow,
  reportSheet,
  reportWorkbook,
  sheetTitle,
  workbookBytes,
} from '../../office/excel-report.js';
import { A4, BODY_FONT, cellText, HEADER_FONT, MARGINS, STYLES, style } from '../../office/excel-styles.js';
import type { AgainstStats, DomainChange, GroupStats, StatsReport } from '../types.js';
import { againstHead, changeLine, columnsOf, ROWS_NOTE, TALLY_HEADS, tallyName, totalLine } from './columns.js';
import type { StatsFileFormatter } from './types.js';

const NUMBER = style(BODY_FONT, 'right');
const TOTAL_NUMBER = style(HEADER_FONT, 'right');
const TOTAL_NAME = style(HEADER_FONT, 'left');
const SECTION: Partial<Style> = {
  ...style(HEADER_FONT, 'left'),
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEF1F5' } },
};
const LINE = style({ ...HEADER_FONT, size: 12 }, 'left', false);
const NOTE = style({ ...BODY_FONT, size: 9 }, 'left', false, 'top');

/** The row of the column headings of the tables by domain and by unit. */
const HEADING_ROW = 3;
const NAME_COLUMNS = 28;
const NUMBER_COLUMNS = 10;
const NAME_WIDTH = columnWidth(NAME_COLUMNS);
const NUMBER_WIDTH = columnWidth(NUMBER_COLUMNS);

/** The columns of the table against a baseline, as numbers: 一级 then and now, 二级 then and now, added, removed. */
const AGAINST_NUMBERS: { head: Text; value: (d: DomainChange) => number }[] = [
  { head: { zh: '一级（原）', en: 'L1 then' }, value: (d) => d.before.level1 },
  { head: { zh: '一级（现）', en: 'L1 now' }, value: (d) => d.after.level1 },
  { head: { zh: '二级（原）', en: 'L2 then' }, value: (d) => d.before.level2 },
  { head: { zh: '二级（现）', en: 'L2 now' }, value: (d) => d.after.level2 },
  { head: { zh: '新增一级', en: '+L1' }, value: (d) => d.added.level1 },
  { head: { zh: '新增二级', en: '+L2' }, value: (d) => d.added.level2 },
  { head: { zh: '删除一级', en: '−L1' }, value: (d) => d.removed.level1 },
  { head: { zh: '删除二级', en: '−L2' }, value: (d) => d.removed.level2 },
];

/** A body row's height: one line of text in the body font. */
const ROW_HEIGHT = heightForLines(1, BODY_FONT.size!);
/** Part of a page's estimated room filled before breaking, to absorb rounding in the applications. */
const PAGE_FILL = 0.96;

/**
 * Writes the sheet top to bottom, a row at a time, and cuts it into pages itself: the sheet is printed at a
 * fixed scale (the one at which it fits the width of A4 landscape), each row's height is known, and where a
 * table runs onto a new page its own column headings are written again at the top of that page. (A row
 * repeated by the print settings would stand above every table, its headings wrong for all but the first.)
 */
class SheetWriter {
  row = HEADING_ROW + 1;
  readonly sheet: Worksheet;
  readonly width: number;
  /** The room of a page, in the points of row heights, and how much of the current page is taken. */
  readonly room: number;
  used: number;
  /** The column headings of the table being written, written again when it runs onto a new page. */
  private current: readonly string[] | undefined;
  constructor(sheet: Worksheet, width: number, room: number, used: number, headings: readonly string[]) {
    this.sheet = sheet;
    this.width = width;
    this.room = room;
    this.used = used;
    this.current = headings;
  }

  /** Make room for a row `height` tall, and `keep` more after it on the same page: a new page when it does not fit. */
  private place(height: number, keep = 0): void {
    if (this.used + height + keep <= this.room || this.used === 0) {
      this.used += height;
      return;
    }
    this.sheet.getRow(this.row - 1).addPageBreak();
    this.used = 0;
    if (this.current) this.writeHeadings(this.current);
    this.used += height;
  }

  private writeHeadings(labels: readonly string[]): void {
    headerRow(this.sheet, this.row, labels);
    const wraps = labels.slice(1).some((l) => displayWidth(l) > NUMBER_COLUMNS);
    if (wraps) fitRows(this.sheet, this.row, [labels], [NAME_WIDTH, NUMBER_WIDTH], HEADER_FONT.size!);
    else this.sheet.getRow(this.row).height = heightForLines(1, HEADER_FONT.size!);
    this.used += this.sheet.getRow(this.row).height;
    this.row++;
  }

  /** A row of a name and numbers; the total row in bold. */
  numbers(name: string, values: readonly number[], total = false): void {
    // Only a name that wraps gets more than one line.
    const height =
      displayWidth(name) > NAME_COLUMNS
        ? rowHeights(1, [{ row: 0, rowSpan: 1, width: NAME_WIDTH, text: name }], BODY_FONT.size!)[0]!
        : ROW_HEIGHT;
    this.place(height);
    this.sheet.getRow(this.row).height = height;
    Object.assign(this.sheet.getCell(this.row, 1), {
      value: cellText(name || '—'),
      style: total ? TOTAL_NAME : STYLES.left,
    });
    values.forEach((n, i) =>
      Object.assign(this.sheet.getCell(this.row, i + 2), { value: n, style: total ? TOTAL_NUMBER : NUMBER }),
    );
    this.row++;
  }

  /**
   * A line of text over the whole width: a section's name (shaded), a sentence, or a note. A section's name
   * stays on the page of the table's first rows (`keep`: their height).
   */
  line(text: string, look: Partial<Style>, height = ROW_HEIGHT, keep = 0): void {
    this.place(height, keep);
    this.sheet.mergeCells(this.row, 1, this.row, this.width);
    Object.assign(this.sheet.getCell(this.row, 1), { value: cellText(text), style: look });
    this.sheet.getRow(this.row).height = height;
    this.row++;
  }

  /** A table's column headings, then its rows: the headings start a page when they and two rows do not fit. */
  headings(labels: readonly string[]): void {
    this.current = undefined;
    this.place(0, heightForLines(1, HEADER_FONT.size!) + 2 * ROW_HEIGHT);
    this.current = labels;
    this.writeHeadings(labels);
  }

  /** An empty row between tables: what follows is not the table above. */
  skip(): void {
    this.current = undefined;
    this.sheet.getRow(this.row).height = ROW_HEIGHT;
    this.place(ROW_HEIGHT);
    this.row++;
  }
}

function groups(w: SheetWriter, head: string, list: readonly GroupStats[], report: StatsReport, lang: Lang): void {
  const columns = columnsOf(report);
  const values = (g: Pick<GroupStats, 'catalogs' | 'counts'>) => [g.catalogs, ...columns.map((c) => c.value(g.counts))];
  w.line(head, SECTION, ROW_HEIGHT, 2 * ROW_HEIGHT);
  for (const g of list) w.numbers(g.name, values(g));
  w.numbers(say(lang, { zh: '合计', en: 'Total' }), values(report.total), true);
}

function against(w: SheetWriter, changes: AgainstStats, lang: Lang): void {
  w.line(againstHead(changes, lang), SECTION, ROW_HEIGHT, 22 + heightForLines(1, HEADER_FONT.size!) + 2 * ROW_HEIGHT);
  w.line(changeLine(changes, lang), LINE, 22, heightForLines(1, HEADER_FONT.size!) + 2 * ROW_HEIGHT);
  w.headings([say(lang, { zh: '领域', en: 'Domain' }), ...AGAINST_NUMBERS.map((c) => say(lang, c.head))]);
  const values = (d: DomainChange) => AGAINST_NUMBERS.map((c) => c.value(d));
  for (const d of changes.domains) w.numbers(d.name, values(d));
  w.numbers(say(lang, { zh: '合计', en: 'Total' }), values(changes.total), true);
}

/**
 * The numbers as one sheet to print and file: the total line, the table by domain and by unit (one set of
 * column headings, written again at the top of each page they run onto), each element's values, and the comparison with a
 * baseline when there is one; A4 landscape, fitted to the width. Numbers are numbers, every text is text,
 * never a formula. Same numbers, same bytes.
 */
export const xlsxStats: StatsFileFormatter = async (report, { lang }) => {
  const title = say(lang, { zh: '目录统计', en: 'Catalog statistics' });
  const workbook = reportWorkbook(title);
  const columns = columnsOf(report);
  const width = Math.max(2 + columns.length, 1 + AGAINST_NUMBERS.length);
  // A fixed scale, the one at which the sheet fits the width of the page, for which the pages below are cut.
  const scale = fitToWidthScale(NAME_WIDTH + (width - 1) * NUMBER_WIDTH, A4.long - (MARGINS.left + MARGINS.right) * 72);
  const sheet = reportSheet(workbook, say(lang, { zh: '统计', en: 'Statistics' }), HEADING_ROW, true);
  sheet.pageSetup = { ...sheet.pageSetup, fitToPage: false, scale: Math.round(scale * 100) };
  delete sheet.pageSetup.printTitlesRow;
  sheetTitle(sheet, title, width);
  sheet.mergeCells(2, 1, 2, width);
  Object.assign(sheet.getCell(2, 1), { value: cellText(totalLine(report, lang)), style: LINE });
  sheet.getRow(2).height = 24;
  const headings = [
    say(lang, { zh: '领域或单位', en: 'Domain or unit' }),
    say(lang, { zh: '目录', en: 'Catalogs' }),
    ...columns.map((c) => say(lang, c.head)),
  ];
  headerRow(sheet, HEADING_ROW, headings);
  sheet.getRow(HEADING_ROW).height = heightForLines(1, HEADER_FONT.size!);

  const room = ((A4.short - (MARGINS.top + MARGINS.bottom) * 72) / scale) * PAGE_FILL;
  const above = [1, 2, HEADING_ROW].reduce((sum, r) => sum + sheet.getRow(r).height, 0);
  const w = new SheetWriter(sheet, width, room, above, headings);
  groups(w, say(lang, { zh: '按领域', en: 'By domain' }), report.domains, report, lang);
  groups(w, say(lang, { zh: '按单位', en: 'By unit' }), report.units, report, lang);
  for (const kind of ['levels', 'channels', 'timeLimits'] as const) {
    w.skip();
    w.headings([say(lang, TALLY_HEADS[kind]), say(lang, { zh: '事项', en: 'Items' })]);
    for (const t of report.total.counts[kind]) w.numbers(tallyName(kind, t, lang), [t.count]);
  }
  w.skip();
  w.line(say(lang, ROWS_NOTE), NOTE, 30);
  if (report.against) {
    w.skip();
    against(w, report.against, lang);
  }
  for (let c = 1; c <= width; c++) sheet.getColumn(c).width = c === 1 ? NAME_WIDTH : NUMBER_WIDTH;
  return workbookBytes(workbook);
};
