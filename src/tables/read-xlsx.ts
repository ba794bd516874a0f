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
export const MAX_SLOTS = 5_000_000;

/**
 * Read every worksheet that holds text into a grid, in tab order. Hidden worksheets are read too and
 * marked `hidden`. A grid starts at A1 and reaches the last row and column holding non-blank text (or
 * a merged cell whose text is non-blank), so that refs and positions agree. Throws
 * {@link UnreadableWorkbook} for a package exceljs cannot open and {@link SheetTooLarge} for a sheet
 * whose text spans more than five million positions.
 */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  const captured = captureSheets(workbook);
  try {
    // exceljs's zip reader takes the bytes as they are, in Node as in a browser.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableWorkbook(name, error instanceof Error ? error.message : String(error), error);
  }
  const grids: Grid[] = [];
  for (const sheet of workbook.worksheets) {
    const taken = captured.get(sheet.id);
    const grid = sheetGrid(sheet, taken?.merges ?? sheet.model.merges, taken?.cells && cellTexts(taken.cells));
    if (grid) grids.push(grid);
  }
  return { format: 'xlsx', grids };
}

/** What is taken out of a worksheet's loaded model: its merge list and, when simple to read, its cells by row and column. */
interface Captured {
  merges?: string[];
  cells?: CellModel[][];
}

interface SheetModel {
  id?: unknown;
  mergeCells?: unknown;
  rows?: unknown;
}

/**
 * exceljs applies a sheet's merges on load by checking each against every earlier one, which takes
 * seconds for a sheet with thousands of merges, and makes an object for every row, cell and value. This
 * takes the merge list and the cell texts out of the loaded model of this one workbook before exceljs
 * builds its worksheets; the grid is built from them directly. A sheet whose cells are not simple to
 * read this way (see {@link modelCells}) keeps its rows, and its grid is read from the worksheet.
 */
function captureSheets(workbook: ExcelJS.Workbook): Map<number, Captured> {
  const captured = new Map<number, Captured>();
  const inherited = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(workbook) as object, 'model');
  // Called below with the workbook as `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with .call(this)
  const { get, set } = inherited ?? {};
  if (!get || !set) return captured;
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get() {
      return get.call(this) as unknown;
    },
    set(model: { worksheets?: (SheetModel | undefined)[] }) {
      for (const sheet of model.worksheets ?? []) {
        if (!sheet || typeof sheet.id !== 'number') continue;
        const taken: Captured = {};
        if (Array.isArray(sheet.mergeCells)) {
          taken.merges = sheet.mergeCells.filter((m): m is string => typeof m === 'string');
          sheet.mergeCells = [];
        }
        const cells = modelCells(sheet.rows);
        if (cells) {
          taken.cells = cells;
          sheet.rows = [];
        }
        captured.set(sheet.id, taken);
      }
      set.call(this, model);
    },
  });
  return captured;
}

/** A cell of exceljs's loaded model: its value type, address, value fields and style. */
interface CellModel {
  type?: unknown;
  address?: unknown;
  value?: unknown;
  text?: unknown;
  result?: unknown;
  formula?: unknown;
  sharedFormula?: unknown;
  style?: { numFmt?: string };
}

/** exceljs's value types (Enums.ValueType) whose model this reader knows. */
const NULL = 0;
const MERGE = 1;
const HYPERLINK = 5;
const FORMULA = 6;
const KNOWN_TYPES = new Set([NULL, MERGE, 2, 3, 4, HYPERLINK, FORMULA, 7, 8, 9, 10]);

/**
 * The cells of a sheet's loaded rows by row and column, placed as exceljs places them in the worksheet it
 * builds: a row numbered again replaces the earlier one, a cell addressed again replaces the earlier one,
 * a cell without an address follows the one before it. Undefined when anything is out of the ordinary (a
 * row without a number, an address that is not plain `B12`, a value type not listed), so that exceljs
 * reads the sheet itself.
 */
function modelCells(rows: unknown): CellModel[][] | undefined {
  if (!Array.isArray(rows)) return undefined;
  const byRow: CellModel[][] = [];
  let previousRow = 0;
  for (const row of rows as ({ number?: unknown; cells?: unknown } | undefined)[]) {
    if (!row) continue;
    // A row or cell without its number or address (optional in the file format) follows the one before it.
    const number = row.number === undefined || Number.isNaN(row.number) ? previousRow + 1 : row.number;
    if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || !Array.isArray(row.cells))
      return undefined;
    previousRow = number;
    const cells: CellModel[] = [];
    let previous = 0;
    for (const cell of row.cells as (CellModel | undefined)[]) {
      if (!cell) continue;
      if (!KNOWN_TYPES.has(cell.type as number)) return undefined;
      if (cell.type === MERGE) continue;
      let col: number;
      if (cell.address) {
        col = typeof cell.address === 'string' ? plainColumn(cell.address) : 0;
        if (col === 0 || col > 16384) return undefined;
      } else col = previous + 1;
      previous = col;
      cells[col - 1] = cell;
    }
    byRow[number - 1] = cells;
  }
  return byRow;
}

/** The non-empty texts of cells by row and column, as the worksheet exceljs builds from them shows them. */
function cellTexts(byRow: readonly CellModel[][]): Written[] {
  const written: Written[] = [];
  byRow.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      const text = modelText(cell);
      if (text !== '') written.push({ row: r, col: c, text });
    });
  });
  return written;
}

/** The column of a plain address (`B12`: one to three capital letters, then digits), or 0 for another. */
function plainColumn(address: string): number {
  let col = 0;
  let i = 0;
  for (; i < address.length && i < 4; i++) {
    const c = address.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i === 0 || i > 3 || i === address.length) return 0;
  for (; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (c < 48 || c > 57) return 0;
  }
  return col;
}

/** What {@link cellText} gives for the cell exceljs builds from this model: what `cell.value` gives for its type. */
function modelText(cell: CellModel): string {
  const numFmt = cell.style ? cell.style.numFmt : undefined;
  switch (cell.type) {
    case NULL:
      return '';
    case HYPERLINK:
      // The value is { text, hyperlink }: its text.
      return valueText(cell.text, numFmt);
    case FORMULA:
      // The value keeps only the fields that are set (truthy): a formula with its result, if any.
      return cell.formula || cell.sharedFormula ? valueText(cell.result || undefined, numFmt) : '';
    default:
      return valueText(cell.value, numFmt);
  }
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

function sheetGrid(
  sheet: Worksheet,
  mergeRanges: readonly string[],
  captured: readonly Written[] | undefined,
): Grid | undefined {
  const written = captured ?? worksheetTexts(sheet);
  let height = 0;
  let width = 0;
  for (const w of written) {
    if (w.text.trim() === '') continue;
    height = Math.max(height, w.row + 1);
    width = Math.max(width, w.col + 1);
  }
  const key = (row: number, col: number) => row * 16384 + col;
  const merges = mergeRanges.map(parseRange).filter((m): m is Merge => m !== undefined);
  // The text at the top left of each merge.
  const textAt = new Map<number, string>();
  if (merges.length > 0) {
    const corners = new Set(merges.map((m) => key(m.top, m.left)));
    for (const w of written) if (corners.has(key(w.row, w.col))) textAt.set(key(w.row, w.col), w.text);
  }
  for (const m of merges) {
    if ((textAt.get(key(m.top, m.left)) ?? '').trim() === '') continue;
    height = Math.max(height, m.bottom + 1);
    width = Math.max(width, m.right + 1);
  }
  if (height === 0) return undefined;
  if (height * width > MAX_SLOTS) throw new SheetTooLarge(sheet.name, `A1:${columnLetters(width)}${height}`);

  const prefix = `${sheetRef(sheet.name)}!`;
  const columns: ColumnRefs = Array.from({ length: width }, (_, c) => `${prefix}${columnLetters(c + 1)}`);
  const rows: (GridSlot | undefined)[][] = Array.from({ length: height }, () => new Array<GridSlot | undefined>(width));
  for (const m of merges) {
    if (m.top >= height || m.left >= width) continue;
    const bottom = Math.min(m.bottom, height - 1);
    const right = Math.min(m.right, width - 1);
    if (!isFree(rows, m.top, m.left, bottom, right)) continue;
    for (let r = m.top; r <= bottom; r++) {
      for (let c = m.left; c <= right; c++) rows[r]![c] = { kind: 'covered', row: m.top, col: m.left };
    }
    rows[m.top]![m.left] = gridCell('', bottom - m.top + 1, right - m.left + 1, columns, m.top, m.left);
  }
  for (const w of written) {
    if (w.row >= height || w.col >= width) continue;
    const slot = rows[w.row]![w.col];
    if (slot === undefined) rows[w.row]![w.col] = gridCell(w.text, 1, 1, columns, w.row, w.col);
    else if (slot.kind === 'cell') slot.text = w.text;
  }
  for (let r = 0; r < height; r++) {
    const row = rows[r]!;
    for (let c = 0; c < width; c++) row[c] ??= gridCell('', 1, 1, columns, r, c);
  }
  const grid: Grid = { name: sheet.name, rows: rows as GridSlot[][], before: [] };
  if (sheet.state === 'hidden' || sheet.state === 'veryHidden') grid.hidden = true;
  return grid;
}

/** The non-empty cell texts of a worksheet, row by row. */
function worksheetTexts(sheet: Worksheet): Written[] {
  const written: Written[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = cellText(cell);
      if (text !== '') written.push({ row: r - 1, col: c - 1, text });
    });
  });
  return written;
}

/** The start of each column's cell refs: the sheet and the column letters (`Sheet1!B`). */
type ColumnRefs = string[];

function gridCell(
  text: string,
  rowSpan: number,
  colSpan: number,
  columns: ColumnRefs,
  row: number,
  col: number,
): GridCell {
  return { kind: 'cell', text, rowSpan, colSpan, ref: `${columns[col]}${row + 1}` };
}

function isFree(
  rows: readonly (GridSlot | undefined)[][],
  top: number,
  left: number,
  bottom: number,
  right: number,
): boolean {
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
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
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
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- not an object here: a bigint, a symbol or a function, which exceljs never gives
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return lineBreaks(
      v.richText
        .map((run: { text?: unknown } | null | undefined) => (typeof run?.text === 'string' ? run.text : ''))
        .join(''),
    );
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
  const section = (numFmt ?? '')
    .split(';')[0]!
    .replace(/\[[^\]]*]|_.|\*./g, '')
    .trim();
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
