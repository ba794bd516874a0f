import ExcelJS from 'exceljs';
import { sampleGrid, type Grid, type GridRow } from './grid.js';
import type { CatalogSample } from './samples.js';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A worksheet name from the sample's domain, without the transcriber's remarks, within Excel's limits. */
export function sheetNameFor(sample: CatalogSample): string {
  const name = sample.domain
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/[\\/?*[\]:]/g, ' ')
    .trim()
    .slice(0, 31);
  return name === '' ? 'Sheet1' : name;
}

function writeHeading(sheet: ExcelJS.Worksheet, row: number, text: string, width: number): void {
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size: 14 };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  if (width > 1) sheet.mergeCells(row, 1, row, width);
}

// Template fields share the table's width, the way 填报单位 … 填报时间 sit on one line.
function writePreamble(sheet: ExcelJS.Worksheet, row: number, fields: readonly string[], width: number): void {
  fields.forEach((text, j) => {
    const left = 1 + Math.floor((j * width) / fields.length);
    const right = Math.max(left, Math.floor(((j + 1) * width) / fields.length));
    sheet.getCell(row, left).value = text;
    if (right > left) sheet.mergeCells(row, left, row, right);
  });
}

// Display width of a line, counting CJK and other wide characters double.
function lineWidth(line: string): number {
  return Array.from(line).reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 2 : 1), 0);
}

// Lines a cell wraps to in a column of `width` characters.
function wrappedLines(text: string, width: number): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(lineWidth(line) / Math.max(width - 1, 1))), 0);
}

function writeRows(
  sheet: ExcelJS.Worksheet,
  rows: readonly GridRow[],
  top: number,
  header: boolean,
  widths: readonly number[],
): void {
  rows.forEach((cells, r) => {
    let lines = 1;
    cells.forEach((cell, c) => {
      const target = sheet.getCell(top + r, c + 1);
      target.border = THIN;
      target.alignment = { vertical: 'middle', horizontal: header ? 'center' : 'left', wrapText: true };
      if (header) target.font = { bold: true };
      if (cell && cell.text !== '') target.value = cell.text;
      if (cell && (cell.rowSpan ?? 1) === 1 && (cell.colSpan ?? 1) === 1)
        lines = Math.max(lines, wrappedLines(cell.text, widths[c] ?? 10));
    });
    // exceljs does not size rows; without a height, wrapped text overlaps the next row when opened.
    sheet.getRow(top + r).height = 15 * lines;
    cells.forEach((cell, c) => {
      const bottom = top + r + (cell?.rowSpan ?? 1) - 1;
      const right = c + (cell?.colSpan ?? 1);
      if (cell && (bottom > top + r || right > c + 1)) sheet.mergeCells(top + r, c + 1, bottom, right);
    });
  });
}

/** Writes one table from row `top`; returns the row after its last. */
function writeGrid(sheet: ExcelJS.Worksheet, grid: Grid, top: number, widths: readonly number[]): number {
  let row = top;
  if (grid.documentTitle !== undefined) writeHeading(sheet, row++, grid.documentTitle, grid.width);
  writeHeading(sheet, row++, grid.title, grid.width);
  for (const fields of grid.preamble) writePreamble(sheet, row++, fields, grid.width);
  writeRows(sheet, grid.header, row, true, widths);
  row += grid.header.length;
  writeRows(sheet, grid.body, row, false, widths);
  return row + grid.body.length;
}

// Column widths from the longest line per column, so the sheet opens readable.
function columnWidths(grids: readonly Grid[]): number[] {
  const widths: number[] = [];
  for (const grid of grids) {
    for (const row of [...grid.header, ...grid.body]) {
      row.forEach((cell, c) => {
        if (!cell || (cell.colSpan ?? 1) > 1) return;
        const longest = Math.max(...cell.text.split('\n').map(lineWidth));
        widths[c] = Math.min(Math.max(widths[c] ?? 0, longest + 2, 6), 40);
      });
    }
  }
  return widths;
}

async function writeWorkbook(sheetName: string, grids: readonly Grid[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, {
    // A4: exceljs declares PaperSize a const enum, which a per-file transpiler (vitest's) cannot inline.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- 9 is PaperSize.A4
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const widths = columnWidths(grids);
  widths.forEach((w, c) => {
    sheet.getColumn(c + 1).width = w;
  });
  let row = 1;
  for (const grid of grids) row = writeGrid(sheet, grid, row, widths) + 1;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An xlsx holding the sample's table in its original layout, on a sheet named after the domain. */
export async function sampleXlsx(sample: CatalogSample): Promise<Buffer> {
  return writeWorkbook(sheetNameFor(sample), [sampleGrid(sample)]);
}

/**
 * An xlsx with several tables on one sheet, one below another, each under its heading with a blank row between.
 * `sheetName` defaults to the first sample's domain.
 */
export async function samplesWorkbook(samples: readonly CatalogSample[], sheetName?: string): Promise<Buffer> {
  if (samples.length === 0) throw new Error('samplesWorkbook needs at least one sample');
  return writeWorkbook(sheetName ?? sheetNameFor(samples[0]!), samples.map(sampleGrid));
}
