import ExcelJS from 'exceljs';
import { columnWidth, heightForLines, rowHeights, type TextBlock } from '../../office/excel-layout.js';
import {
  BODY_FONT,
  cellText,
  FOOTER,
  HEADER_FONT,
  pageSetup,
  style,
  STYLES,
  TITLE_FONT,
} from '../../office/excel-styles.js';
import { fixZipTimestamps } from '../../util/zip-timestamps.js';
import type { PlanLayout } from '../layout.js';
import type { Plan } from '../plan/types.js';
import { planMarks } from '../plan/plan-marks.js';
import { planCellText, planSummary } from './view-model.js';
import { put } from './xlsx-cells.js';

/** Workbook dates are fixed, so that the same plan gives the same bytes. */
const PLAN_DATE = new Date('2000-01-01T00:00:00Z');
const TITLE_ROW = 1;
const SUMMARY_ROW = 2;
const HEADER_ROW = 3;
const MARK_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4D6' } } as const;
/** A cell the plan's checks say something of: shaded, its marks printed under its text. */
const MARKED = {
  left: { ...STYLES.left, fill: MARK_FILL },
  center: { ...STYLES.center, fill: MARK_FILL },
};
const NOTE = style(BODY_FONT, 'left', false);

/**
 * The annual plan as a workbook: title, a line with the counts, the header (repeated on every printed
 * page) and one row per activity, the rows of a month sharing a merged month cell. A4, fitted to the
 * page width, page numbers in the footer. Same plan, same bytes.
 */
export async function renderPlanXlsx(plan: Plan, layout: PlanLayout): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, {
    creator: 'zwgk',
    lastModifiedBy: 'zwgk',
    created: PLAN_DATE,
    modified: PLAN_DATE,
    lastPrinted: PLAN_DATE,
    title: plan.title,
    subject: plan.form.kind,
  });
  const sheet = workbook.addWorksheet(layout.sheet, {
    views: [
      { state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}`, activeCell: `A${HEADER_ROW + 1}` },
    ],
    pageSetup: pageSetup(layout.orientation, `${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: FOOTER },
  });
  const columns = layout.columns;
  const widths = columns.map((c) => columnWidth(c.width));
  sheet.columns = widths.map((width) => ({ width }));
  const last = columns.length;

  const total = widths.reduce((a, b) => a + b, 0);
  put(sheet, TITLE_ROW, 1, cellText(plan.title), STYLES.title);
  sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, last);
  sheet.getRow(TITLE_ROW).height =
    rowHeights(1, [{ row: 0, rowSpan: 1, width: total, text: plan.title }], TITLE_FONT.size!)[0]! + 8;
  put(sheet, SUMMARY_ROW, 1, planSummary(plan), style(BODY_FONT, 'center', false));
  sheet.mergeCells(SUMMARY_ROW, 1, SUMMARY_ROW, last);
  sheet.getRow(SUMMARY_ROW).height = heightForLines(1, BODY_FONT.size!) + 4;
  columns.forEach((c, i) => put(sheet, HEADER_ROW, i + 1, c.label, STYLES.header));
  sheet.getRow(HEADER_ROW).height = rowHeights(
    1,
    columns.map((c, i) => ({ row: 0, rowSpan: 1, width: widths[i]!, text: c.label })),
    HEADER_FONT.size!,
  )[0]!;

  // What the plan's checks say of a cell, printed under its text (a merged month cell says it on its first row).
  const marks = planMarks(plan);
  const texts = plan.entries.map((entry, i) =>
    columns.map((c) => {
      const said = marks.cells[i]!.get(c.key) ?? [];
      return [planCellText(c.key, entry, i + 1), ...said.map((m) => `▲ ${m}`)].join('\n');
    }),
  );
  const blocks: TextBlock[] = texts.flatMap((cells, r) =>
    cells.map((text, c) => ({ row: r, rowSpan: 1, width: widths[c]!, text })),
  );
  const heights = rowHeights(texts.length, blocks, BODY_FONT.size!);
  const monthCol = columns.findIndex((c) => c.key === 'month');
  texts.forEach((cells, r) => {
    const at = HEADER_ROW + 1 + r;
    cells.forEach((text, c) => {
      const column = columns[c]!;
      const look = column.align === 'left' ? STYLES.left : STYLES.center;
      const marked = marks.cells[r]!.has(column.key);
      put(sheet, at, c + 1, column.key === 'seq' ? r + 1 : cellText(text), marked ? MARKED[column.align] : look);
    });
    sheet.getRow(at).height = heights[r]!;
  });
  if (monthCol >= 0) {
    for (let r = 0; r < plan.entries.length;) {
      let span = 1;
      while (r + span < plan.entries.length && plan.entries[r + span]!.row.month === plan.entries[r]!.row.month) span++;
      if (span > 1) sheet.mergeCells(HEADER_ROW + 1 + r, monthCol + 1, HEADER_ROW + span + r, monthCol + 1);
      r += span;
    }
  }
  // What needs attention in the plan as a whole, under the table.
  let row = HEADER_ROW + 1 + plan.entries.length;
  for (const note of marks.notes) {
    put(sheet, row, 1, cellText(`▲ ${note}`), NOTE);
    sheet.mergeCells(row, 1, row, last);
    sheet.getRow(row).height = rowHeights(1, [{ row: 0, rowSpan: 1, width: total, text: note }], BODY_FONT.size!)[0]!;
    row++;
  }
  return fixZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()));
}
