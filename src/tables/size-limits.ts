import { inflateRawSync } from 'node:zlib';
import { storedBytes, zipEntries } from './zip-entries.js';

/**
 * How much of a workbook import takes on. Reading a workbook costs about 1 KB of memory per cell; these
 * keep it near 1 GB, and refuse a ZIP bomb (a small file that inflates to gigabytes) before it is inflated.
 */
export const XLSX_LIMITS = {
  /** Largest part of the package once inflated (a worksheet's XML, the shared strings). */
  partBytes: 512 * 1024 * 1024,
  /** All parts together, once inflated. */
  totalBytes: 1024 * 1024 * 1024,
  /** Cells written in all worksheets, empty ones with a format included. */
  cells: 1_000_000,
} as const;

export type XlsxLimits = { readonly [K in keyof typeof XLSX_LIMITS]: number };

/** Largest file import reads at all, and largest web page or CSV file (whose text is held whole, and parsed). */
export const FILE_LIMITS = {
  fileBytes: 1024 * 1024 * 1024,
  textBytes: 64 * 1024 * 1024,
} as const;

/** A CSV file whose rows and columns span more cells than {@link XLSX_LIMITS}.cells. */
export class GridTooLarge extends Error {
  readonly max: number;
  readonly found: number;
  constructor(max: number, found: number) {
    super(`table of ${found} cells, beyond the limit of ${max}`);
    this.name = 'GridTooLarge';
    this.max = max;
    this.found = found;
  }
}

/** A workbook beyond {@link XLSX_LIMITS}: which limit, its value, and what the workbook has (when known). */
export class WorkbookTooLarge extends Error {
  readonly limit: keyof XlsxLimits;
  readonly max: number;
  /** The cells counted, or the inflated bytes of the part or package (at least `max + 1` when inflation stopped there). */
  readonly found: number;
  /** The package part concerned, for `partBytes`. */
  readonly part?: string;
  constructor(limit: keyof XlsxLimits, max: number, found: number, part?: string) {
    super(`workbook beyond the ${limit} limit of ${max}: ${found}${part ? ` in ${part}` : ''}`);
    this.name = 'WorkbookTooLarge';
    this.limit = limit;
    this.max = max;
    this.found = found;
    if (part !== undefined) this.part = part;
  }
}

const CELL_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]);

/**
 * The cell elements of a worksheet's XML: `<c r="A1">`, `<c/>`, or `<x:c …>` when the sheet's elements carry
 * a namespace prefix. Searched in the bytes, since the XML of a large sheet is longer than a string may be.
 */
function countCells(xml: Uint8Array): number {
  const buffer = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const prefix = /<([A-Za-z_][\w.-]*):worksheet[\s>]/.exec(buffer.subarray(0, 4096).toString('latin1'))?.[1];
  const open = Buffer.from(prefix ? `<${prefix}:c` : '<c', 'latin1');
  let n = 0;
  for (let at = buffer.indexOf(open); at >= 0; at = buffer.indexOf(open, at + open.length)) {
    if (CELL_END.has(buffer[at + open.length]!)) n++;
  }
  return n;
}

/**
 * Check a workbook package against `limits` before it is opened: the sizes its directory states, then the
 * sizes its parts really inflate to (inflation stops at the part limit, so a ZIP bomb costs at most that),
 * then the cells of its worksheets. Throws {@link WorkbookTooLarge}. A package that cannot be read this way
 * is left for the workbook reader to call damaged.
 */
export function checkWorkbookSize(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): void {
  const entries = zipEntries(bytes);
  if (!entries) return;
  let declared = 0;
  for (const e of entries) {
    if (e.size > limits.partBytes && e.size !== 0xffffffff)
      throw new WorkbookTooLarge('partBytes', limits.partBytes, e.size, e.name);
    declared += e.size;
  }
  if (declared > limits.totalBytes) throw new WorkbookTooLarge('totalBytes', limits.totalBytes, declared);
  let total = 0;
  let cells = 0;
  for (const e of entries) {
    const stored = storedBytes(bytes, e);
    if (!stored || (e.method !== 0 && e.method !== 8)) continue;
    let data: Uint8Array;
    if (e.method === 0) data = stored;
    else {
      try {
        data = inflateRawSync(stored, { maxOutputLength: limits.partBytes });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new WorkbookTooLarge('partBytes', limits.partBytes, limits.partBytes + 1, e.name);
        }
        continue;
      }
    }
    if (data.length > limits.partBytes) throw new WorkbookTooLarge('partBytes', limits.partBytes, data.length, e.name);
    total += data.length;
    if (total > limits.totalBytes) throw new WorkbookTooLarge('totalBytes', limits.totalBytes, total);
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) {
      cells += countCells(data);
    }
  }
  if (cells > limits.cells) throw new WorkbookTooLarge('cells', limits.cells, cells);
}
