import ExcelJS from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import type { Grid, GridCell, GridSlot, ReadResult } from './grid.js';

/** The workbook could not be opened: the package inside the zip is damaged or not one exceljs reads. */
export class UnreadableWorkbook extends Error {
  /** exceljs's own reason, for the message shown to the user. */
  readonly detail: string;
  constructor(file: string, detail: string, cause: unknown) {
    super(`${file}: cannot open the workbook: ${detail}`, { cause });
    this.name = 'UnreadableWorkbook';
    this.detail = detail;
  }
}

/** A worksheet whose text reaches so far that its grid would not fit in memory: usually a stray entry far away. */
export class SheetTooLarge extends Error {
  readonly sheet: string;
  /** The range from A1 to the farthest text, such as `A1:XFD1048576`. */
  readonly range: string;
  constructor(sheet: string, range: string) {
    super(`worksheet ${sheet} spans ${range}`);
    this.name = 'SheetTooLarge';
    this.sheet = sheet;
    this.range = range;
  }
}

/** Most positions a grid may have (a catalog of 20,000 rows by 14 columns has 280,000). */
const MAX_SLOTS = 5_000_000;

/**
 * Read every worksheet that holds text into a grid, in tab order. Hidden worksheets are read too and
 * marked `hidden`. A grid starts at A1 and reaches the last row and column holding non-blank text (or
 * a merged cell whose text is non-blank), so that refs and positions agree. Throws
 * {@link UnreadableWorkbook} for a package exceljs cannot open and {@link SheetTooLarge} for a sheet
 * whose text spans more than five million positions.
 */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  const merges = captureMerges(workbook);
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbook(name, error instanceof Error ? error.message : String(error), error);
  }
  const grids: Grid[] = [];
  for (const sheet of workbook.worksheets) {
    const grid = sheetGrid(sheet, merges.get(sheet.id) ?? sheet.model.merges ?? []);
    if (grid) grids.push(grid);
  }
  return { format: 'xlsx', grids };
}

/**
 * exceljs applies a sheet's merges on load by checking each against every earlier one, which takes
 * seconds for a sheet with thousands of merges. This takes the merge list out of the loaded model of
 * this one workbook before exceljs sees it; the grid is built from the list directly.
 */
function captureMerges(workbook: ExcelJS.Workbook): Map<number, string[]> {
  const merges = new Map<number, string[]>();
  const inherited = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(workbook) as object, 'model');
  const { get, set } = inherited ?? {};
  if (!get || !set) return merges;
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get() {
      return get.call(this) as unknown;
    },
    set(model: { worksheets?: ({ id?: unknown; mergeCells?: unknown } | undefined)[] }) {
      for (const sheet of model.worksheets ?? []) {
        if (!sheet || typeof sheet.id !== 'number' || !Array.isArray(sheet.mergeCells)) continue;
        merges.set(sheet.id, sheet.mergeCells.filter((m): m is string => typeof m === 'string'));
        sheet.mergeCells = [];
      }
      set.call(this, model);
    },
  });
  return merges;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Written {
  row: number;
  col: number;
  text: string;
}

function sheetGrid(sheet: Worksheet, mergeRanges: readonly string[]): Grid | undefined {
  const written: Written[] = [];
  let height = 0;
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = cellText(cell);
      if (text === '') return;
      written.push({ row: r - 1, col: c - 1, text });
      if (text.trim() !== '') {
        height = Math.max(height, r);
        width = Math.max(width, c);
      }
    });
  });
  const key = (row: number, col: number) => row * 16384 + col;
  const textAt = new Map<number, string>();
  for (const w of written) textAt.set(key(w.row, w.col), w.text);
  const merges = mergeRanges.map(parseRange).filter((m): m is Merge => m !== undefined);
  for (const m of merges) {
    if ((textAt.get(key(m.top, m.left)) ?? '').trim() === '') continue;
    height = Math.max(height, m.bottom + 1);
    width = Math.max(width, m.right + 1);
  }
  if (height === 0) return undefined;
  if (height * width > MAX_SLOTS) throw new SheetTooLarge(sheet.name, `A1:${columnLetters(width)}${height}`);

  const prefix = `${sheetRef(sheet.name)}!`;
  const rows: (GridSlot | undefined)[][] = Array.from({ length: height }, () => new Array<GridSlot | undefined>(width));
  for (const m of merges) {
    if (m.top >= height || m.left >= width) continue;
    const bottom = Math.min(m.bottom, height - 1);
    const right = Math.min(m.right, width - 1);
    if (!isFree(rows, m.top, m.left, bottom, right)) continue;
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) rows[r]![c] = { kind: 'covered', row: m.top, col: m.left };
    }
    rows[m.top]![m.left] = gridCell('', bottom - m.top + 1, right - m.left + 1, prefix, m.top, m.left);
  }
  for (const w of written) {
    if (w.row >= height || w.col >= width) continue;
    const slot = rows[w.row]![w.col];
    if (slot === undefined) rows[w.row]![w.col] = gridCell(w.text, 1, 1, prefix, w.row, w.col);
    else if (slot.kind === 'cell') slot.text = w.text;
  }
  for (let r = 0; r < height; r++) {
    const row = rows[r]!;
    for (let c = 0; c < width; c++) row[c] ??= gridCell('', 1, 1, prefix, r, c);
  }
  const grid: Grid = { name: sheet.name, rows: rows as GridSlot[][], before: [] };
  if (sheet.state === 'hidden' || sheet.state === 'veryHidden') grid.hidden = true;
  return grid;
}

function gridCell(text: string, rowSpan: number, colSpan: number, prefix: string, row: number, col: number): GridCell {
  return { kind: 'cell', text, rowSpan, colSpan, ref: `${prefix}${columnLetters(col + 1)}${row + 1}` };
}

function isFree(rows: readonly (GridSlot | undefined)[][], top: number, left: number, bottom: number, right: number): boolean {
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (rows[r]![c] !== undefined) return false;
  return true;
}

/** A merge range such as `B2:C5` (or a single cell) as 0-based bounds. */
function parseRange(range: string): Merge | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(range.trim());
  if (!m) return undefined;
  const a = { row: Number(m[2]) - 1, col: columnNumber(m[1]!) - 1 };
  const b = m[3] ? { row: Number(m[4]) - 1, col: columnNumber(m[3]) - 1 } : a;
  if (a.row < 0 || b.row < 0) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A sheet name as Excel writes it in a reference: bare when it is letters, digits, `_` and `.` and
 * cannot be read as a cell address; otherwise in single quotes, with quotes inside doubled.
 */
export function sheetRef(name: string): string {
  const bare = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^([A-Z]{1,3}\d+|R\d*C?\d*|C\d*|R|C)$/i.test(name);
  return bare ? name : `'${name.replaceAll("'", "''")}'`;
}

/** The text a cell shows: rich text joined, formulas as their last result, line breaks as `\n`. */
function cellText(cell: Cell): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return lineBreaks(value);
  if (typeof value === 'number') return isDateFormat(numFmt) ? dateText(excelDate(value)) : numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) return lineBreaks(v.richText.map((run: { text?: unknown }) => (typeof run?.text === 'string' ? run.text : '')).join(''));
  if ('hyperlink' in v && 'text' in v) return valueText(v.text, numFmt);
  if ('formula' in v || 'sharedFormula' in v) return valueText(v.result, numFmt);
  if (typeof v.error === 'string') return v.error;
  if ('text' in v) return valueText(v.text, numFmt);
  return '';
}

function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** Whether a number format shows dates or times (day, month, year, hour, minute or second codes outside quotes). */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const codes = numFmt.split(';')[0]!.replace(/\[[^\]]*]|"[^"]*"|\\./g, '');
  return /[ymdhs]/i.test(codes) && !/^general$/i.test(codes);
}

function excelDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

/** `2024-08-29`; with the time when it has one (`2024-08-29 09:30`); a time alone as `09:30`. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const seconds = date.getUTCSeconds();
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}${seconds ? `:${two(seconds)}` : ''}`;
  if (time === '00:00') return day;
  return day === '1899-12-30' || day === '1899-12-31' ? time : `${day} ${time}`;
}

/**
 * A number as Excel shows it for the common formats: General (up to 15 significant digits), fixed
 * decimals, thousands separators, percentages and zero-padded codes (`0000` shows 505 as 0505).
 * Other formats show the number as General does.
 */
function numberText(n: number, numFmt: string | undefined): string {
  // Colours and locales in brackets, and `_x` / `*x` (padding to the width of x) change no digits.
  const section = (numFmt ?? '').split(';')[0]!.replace(/\[[^\]]*]|_.|\*./g, '').trim();
  const m = /^([#,]*)(0*)(?:\.(0+))?(%?)$/.exec(section);
  if (!m || section === '' || (m[2] === '' && m[3] === undefined)) return general(n);
  const value = m[4] ? n * 100 : n;
  const decimals = m[3]?.length ?? 0;
  const [int = '0', frac] = Math.abs(value).toFixed(decimals).split('.');
  let digits = int.padStart(m[2]!.length, '0');
  if (m[1]!.includes(',')) digits = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  if (digits === '' && frac === undefined) digits = '0';
  const sign = value < 0 && /[1-9]/.test(int + (frac ?? '')) ? '-' : '';
  return `${sign}${digits}${frac !== undefined ? `.${frac}` : ''}${m[4]}`;
}

function general(n: number): string {
  const shown = Number(n.toPrecision(15));
  return Object.is(shown, -0) ? '0' : String(shown);
}
