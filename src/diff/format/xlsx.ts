import type { Style } from 'exceljs';
import { columnWidth } from '../../office/excel-layout.js';
import {
  fitRows,
  headerRow,
  reportSheet,
  reportWorkbook,
  severityStyles,
  sheetTitle,
  workbookBytes,
} from '../../office/excel-report.js';
import { cellText, HEADER_FONT, style, BODY_FONT, STYLES } from '../../office/excel-styles.js';
import { buildReportView } from './report-view.js';
import type { DiffFormatter } from './types.js';

const NUMBER = style(BODY_FONT, 'right');
const SUMMARY = style({ ...HEADER_FONT, size: 12 }, 'left', false);
// The detail sheet has one vertical alignment, top, so that the cells of a tall row start on one line.
const NUMBER_TOP = style(BODY_FONT, 'right', true, 'top');
const SEVERITY_TOP: Record<string, Partial<Style>> = { ...severityStyles(STYLES.centerTop), info: STYLES.centerTop };

/** Widths of the change sheet's columns, in characters. */
const CHANGE_WIDTHS = [4, 16, 8, 5, 7, 30, 10, 26, 26, 18, 18].map(columnWidth);
/** Widths of the summary sheet's columns: the catalog's name, then the counts. */
const SUMMARY_WIDTHS = [24, 8].map(columnWidth);

/**
 * A change report as a workbook an office can file: a 汇总 sheet with the summary and the counts per
 * catalog, and a 变更明细 sheet with every change (filterable, header repeated on each printed page).
 * Strings are written as strings, never as formulas. Same report, same bytes.
 */
export const xlsxDiff: DiffFormatter = async (report, ctx) => {
  const view = buildReportView(report, ctx);
  const zh = ctx.lang === 'zh';
  const workbook = reportWorkbook(view.title);

  const summary = reportSheet(workbook, zh ? '汇总' : 'Summary', 4);
  const countColumns = 1 + view.countHeaders.length;
  sheetTitle(summary, view.title, countColumns);
  summary.mergeCells(2, 1, 2, countColumns);
  Object.assign(summary.getCell(2, 1), { value: cellText(view.sides), style: style(BODY_FONT, 'center', false) });
  summary.mergeCells(3, 1, 3, countColumns);
  Object.assign(summary.getCell(3, 1), { value: cellText(view.summary), style: SUMMARY });
  summary.getRow(3).height = 36;
  const summaryHeader = [view.labels.catalog, ...view.countHeaders];
  headerRow(summary, 4, summaryHeader);
  const countRow = (row: number, name: string, values: readonly number[], look: Partial<Style>) => {
    Object.assign(summary.getCell(row, 1), {
      value: cellText(name),
      style: look === NUMBER ? STYLES.left : STYLES.header,
    });
    values.forEach((v, i) => Object.assign(summary.getCell(row, i + 2), { value: v, style: look }));
  };
  view.countRows.forEach((r, i) => countRow(5 + i, r.name, r.values, NUMBER));
  const totalRow = 5 + view.countRows.length;
  countRow(totalRow, view.labels.total, view.totalValues, STYLES.header);
  const summaryWidths = summaryHeader.map((_, i) => SUMMARY_WIDTHS[Math.min(i, 1)]!);
  summary.columns.forEach((c, i) => (c.width = summaryWidths[i]!));
  fitRows(
    summary,
    4,
    [summaryHeader, ...view.countRows.map((r) => [r.name, ...r.values])],
    summaryWidths,
    HEADER_FONT.size!,
  );
  // Under the counts, a line for each catalog whose version or date changed: 青禾区教育局 义务教育, 版本：… → ….
  const metadata = view.sections.filter((s) => s.metadata);
  metadata.forEach((s, i) => {
    summary.mergeCells(totalRow + 2 + i, 1, totalRow + 2 + i, countColumns);
    Object.assign(summary.getCell(totalRow + 2 + i, 1), {
      value: cellText(`${s.name}\u3000${s.metadata}`),
      style: style(BODY_FONT, 'left', false),
    });
  });
  const signRow = totalRow + 2 + (metadata.length > 0 ? metadata.length + 1 : 0);
  summary.mergeCells(signRow, 1, signRow, countColumns);
  Object.assign(summary.getCell(signRow, 1), { value: view.labels.sign, style: style(BODY_FONT, 'right', false) });

  const changes = reportSheet(workbook, zh ? '变更明细' : 'Changes', 2, true);
  const headers = [
    view.changeHeaders[0]!,
    view.labels.catalog,
    ...view.changeHeaders.slice(1, -1),
    ...(zh ? ['原位置', '新位置'] : ['Old line', 'New line']),
  ];
  sheetTitle(changes, view.title, headers.length);
  headerRow(changes, 2, headers);
  const rows = view.sections.flatMap((section) =>
    section.rows.map((r) => ({
      severity: r.severity,
      values: [
        r.number,
        section.name,
        r.classLabel,
        r.kind,
        r.level,
        r.item,
        r.field,
        r.before,
        r.after,
        r.beforeAt,
        r.afterAt,
      ],
    })),
  );
  rows.forEach(({ severity, values }, r) =>
    values.forEach((v, i) => {
      const look =
        i === 0
          ? NUMBER_TOP
          : i === 2
            ? (SEVERITY_TOP[severity] ?? STYLES.centerTop)
            : i === 3 || i === 4
              ? STYLES.centerTop
              : STYLES.leftTop;
      Object.assign(changes.getCell(3 + r, i + 1), { value: typeof v === 'number' ? v : cellText(v), style: look });
    }),
  );
  changes.columns.forEach((c, i) => (c.width = CHANGE_WIDTHS[i]!));
  fitRows(changes, 2, [headers, ...rows.map((r) => r.values)], CHANGE_WIDTHS, BODY_FONT.size!);
  if (rows.length > 0)
    changes.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2 + rows.length, column: headers.length } };

  return workbookBytes(workbook);
};
