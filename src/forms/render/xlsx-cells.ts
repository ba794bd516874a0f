import type { CellValue, Style, Worksheet } from 'exceljs';

/** Put a value and a look in a cell. */
export function put(sheet: Worksheet, row: number, col: number, value: CellValue, look: Partial<Style>): void {
  const cell = sheet.getCell(row, col);
  cell.value = value;
  cell.style = look;
}

/** Fill columns `left`..`right` of a row with one look (so merged cells print their borders) and merge them. */
export function area(
  sheet: Worksheet,
  row: number,
  [left, right]: readonly [number, number],
  value: CellValue,
  look: Partial<Style>,
): void {
  for (let c = left; c <= right; c++) put(sheet, row, c, c === left ? value : null, look);
  if (right > left) sheet.mergeCells(row, left, row, right);
}
