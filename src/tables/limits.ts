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
