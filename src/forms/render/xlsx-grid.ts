import { appendAll } from '../../util/append.js';
import { columnWidth } from '../../office/excel-layout.js';
import type { LayoutColumn } from '../layout.js';

/** Where the columns of a form's table lie on the worksheet. */
export interface SheetGrid {
  /** Widths of the worksheet's columns, in Excel's units. */
  widths: number[];
  /** For each column of the table, the first and last worksheet column it spans (1-based). */
  spans: [number, number][];
  /** For each column of the table, its width on the sheet: the sum of the worksheet columns it spans. */
  tableWidths: number[];
}

/** The worksheet columns of a form: one per table column, or several for a column with `cells`. Pure. */
export function sheetGrid(columns: readonly LayoutColumn[]): SheetGrid {
  const widths: number[] = [];
  const spans: [number, number][] = [];
  const tableWidths: number[] = [];
  for (const column of columns) {
    const parts = (column.cells?.length ? column.cells : [column.width]).map(columnWidth);
    spans.push([widths.length + 1, widths.length + parts.length]);
    tableWidths.push(parts.reduce((a, b) => a + b, 0));
    appendAll(widths, parts);
  }
  return { widths, spans, tableWidths };
}

/** The letters of a 1-based worksheet column (A, …, Z, AA, …). */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
