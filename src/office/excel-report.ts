import ExcelJS from 'exceljs';
import type { Style, Worksheet } from 'exceljs';
import { fixZipTimestamps } from '../util/zip-timestamps.js';
import { rowHeights, type TextBlock } from './excel-layout.js';
import { cellText, FOOTER, HEADER_FONT, pageSetup, STYLES } from './excel-styles.js';

/** Workbook dates are fixed, so that the same report gives the same bytes. */
const REPORT_DATE = new Date('2000-01-01T00:00:00Z');

/** A new workbook for a report, by zwgk, with fixed dates (see `workbookBytes`). */
export function reportWorkbook(title: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, {
    creator: 'zwgk',
    lastModifiedBy: 'zwgk',
    created: REPORT_DATE,
    modified: REPORT_DATE,
    lastPrinted: REPORT_DATE,
    title,
  });
  return workbook;
}

/** The bytes of a workbook, with the ZIP timestamps fixed: the same workbook, the same bytes. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return fixZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/**
 * A sheet of a report, printed on A4 landscape with page numbers in the footer and row `headingRow` (its
 * column headings) repeated on every page; with `frozen`, the rows down to the headings stay in view.
 */
export function reportSheet(workbook: ExcelJS.Workbook, name: string, headingRow: number, frozen = false): Worksheet {
  return workbook.addWorksheet(name, {
    ...(frozen ? { views: [{ state: 'frozen', ySplit: headingRow }] } : {}),
    pageSetup: pageSetup('landscape', `${headingRow}:${headingRow}`),
    headerFooter: { oddFooter: FOOTER },
  });
}

/** Row heights that fit each row's wrapped text, for rows `first`… of a sheet whose column widths are `widths`. */
export function fitRows(
  sheet: Worksheet,
  first: number,
  rows: readonly (readonly (string | number)[])[],
  widths: readonly number[],
  fontSize: number,
): void {
  const blocks: TextBlock[] = rows.flatMap((cells, row) =>
    cells.map((v, c) => ({ row, rowSpan: 1, width: widths[c] ?? widths.at(-1)!, text: String(v) })),
  );
  rowHeights(rows.length, blocks, fontSize).forEach((h, i) => (sheet.getRow(first + i).height = h));
}

/** The sheet's title in its first row, merged over `columns` columns. */
export function sheetTitle(sheet: Worksheet, text: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  Object.assign(sheet.getCell(1, 1), { value: cellText(text), style: STYLES.title });
  sheet.getRow(1).height = 30;
}

/** A row of column headings. */
export function headerRow(sheet: Worksheet, row: number, labels: readonly string[]): void {
  labels.forEach((label, i) =>
    Object.assign(sheet.getCell(row, i + 1), { value: cellText(label), style: STYLES.header }),
  );
}

/** The looks of a severity's cell on a base look (alignment, borders): errors red on pink, warnings on yellow. */
export function severityStyles(base: Partial<Style>): Record<'error' | 'warning', Partial<Style>> {
  return {
    error: {
      ...base,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDECEC' } },
      font: { ...HEADER_FONT, color: { argb: 'FFB5121B' } },
    },
    warning: { ...base, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3D6' } } },
  };
}
