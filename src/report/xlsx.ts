import type { Style } from 'exceljs';
import { columnWidth } from '../office/excel-layout.js';
import {
  fitRows,
  headerRow,
  reportSheet,
  reportWorkbook,
  severityStyles,
  sheetTitle,
  workbookBytes,
} from '../office/excel-report.js';
import { BODY_FONT, cellText, HEADER_FONT, STYLES, style } from '../office/excel-styles.js';
import { buildFindingsView, rowCells } from './findings-view.js';
import type { FileFormatter } from './types.js';

const NUMBER = style(BODY_FONT, 'right');
const NUMBER_TOP = style(BODY_FONT, 'right', true, 'top');
const SUMMARY = style({ ...HEADER_FONT, size: 12 }, 'left', false);
const SEVERITY: Record<string, Partial<Style>> = severityStyles(STYLES.centerTop);

/** Widths of the findings sheet's columns, in characters: 序号 文件 工作表 单元格或行 事项 问题 修改建议 级别 规则. */
const FINDING_WIDTHS = [4, 18, 10, 14, 18, 40, 30, 6, 16].map(columnWidth);
/** Widths of the summary sheet's columns: the rule, then the counts. */
const SUMMARY_WIDTHS = [24, 8, 8, 8].map(columnWidth);

/**
 * The findings as a workbook a clerk and their supervisor open: a 汇总 sheet with the files checked, the
 * errors and warnings and the counts by rule, and a 问题明细 sheet with a row per finding (grouped by file,
 * errors first; filterable; A4 landscape, fitted to the width, the heading repeated on every printed page).
 * Every text is written as text, never as a formula. Same report, same bytes.
 */
export const xlsx: FileFormatter = async (report, ctx) => {
  const view = buildFindingsView(report, ctx);
  const zh = ctx.lang === 'zh';
  const workbook = reportWorkbook(view.title);

  const summary = reportSheet(workbook, zh ? '汇总' : 'Summary', 8);
  sheetTitle(summary, view.title, SUMMARY_WIDTHS.length);
  summary.mergeCells(2, 1, 2, SUMMARY_WIDTHS.length);
  Object.assign(summary.getCell(2, 1), { value: cellText(view.summary), style: SUMMARY });
  summary.getRow(2).height = 24;
  const totals: [string, number][] = zh
    ? [
        ['检查的文件', view.files],
        ['错误', view.errors],
        ['警告', view.warnings],
      ]
    : [
        ['Files checked', view.files],
        ['Errors', view.errors],
        ['Warnings', view.warnings],
      ];
  totals.forEach(([label, n], i) => {
    Object.assign(summary.getCell(4 + i, 1), { value: label, style: STYLES.header });
    Object.assign(summary.getCell(4 + i, 2), { value: n, style: NUMBER });
  });
  headerRow(summary, 8, view.ruleHeaders);
  view.byRule.forEach((r, i) => {
    Object.assign(summary.getCell(9 + i, 1), { value: cellText(r.code), style: STYLES.left });
    [r.errors, r.warnings, r.total].forEach((n, c) =>
      Object.assign(summary.getCell(9 + i, c + 2), { value: n, style: NUMBER }),
    );
  });
  const totalRow = 9 + view.byRule.length;
  [view.labels.total, view.errors, view.warnings, view.rows.length].forEach((v, c) =>
    Object.assign(summary.getCell(totalRow, c + 1), { value: v, style: STYLES.header }),
  );
  summary.columns.forEach((c, i) => (c.width = SUMMARY_WIDTHS[i]!));

  const sheet = reportSheet(workbook, zh ? '问题明细' : 'Findings', 2, true);
  sheetTitle(sheet, view.title, view.headers.length);
  headerRow(sheet, 2, view.headers);
  const cells = view.rows.map(rowCells);
  view.rows.forEach((row, r) =>
    cells[r]!.forEach((v, c) => {
      const look = c === 0 ? NUMBER_TOP : c === 7 ? (SEVERITY[row.severity] ?? STYLES.centerTop) : STYLES.leftTop;
      Object.assign(sheet.getCell(3 + r, c + 1), { value: typeof v === 'number' ? v : cellText(v), style: look });
    }),
  );
  sheet.columns.forEach((c, i) => (c.width = FINDING_WIDTHS[i]!));
  fitRows(sheet, 2, [view.headers, ...cells], FINDING_WIDTHS, BODY_FONT.size!);
  if (view.rows.length > 0)
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + view.rows.length, column: view.headers.length } };
  else {
    sheet.mergeCells(3, 1, 3, view.headers.length);
    Object.assign(sheet.getCell(3, 1), { value: view.labels.none, style: STYLES.left });
  }
  return workbookBytes(workbook);
};
