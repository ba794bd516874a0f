import { readZipEntry } from './excel.js';

/** A rectangle of cells, 1-based, both ends included. */
interface CellRange {
  text: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** One reference of a sqref (`B6:B11` or `C4`) as a rectangle. */
function parseRange(text: string): CellRange {
  const [a, b = a] = text.replace(/\$/g, '').split(':') as [string, string?];
  const cell = (ref: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`not a cell reference: ${ref} (in ${text})`);
    return [Number(m[2]), columnNumber(m[1]!)];
  };
  const [top, left] = cell(a);
  const [bottom, right] = cell(b);
  return { text, top, left, bottom, right };
}

const overlap = (x: CellRange, y: CellRange): boolean =>
  x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right;

/** The worksheets of a workbook: every `xl/worksheets/sheetN.xml` entry, N from 1 until one is missing. */
function sheetXmls(bytes: Uint8Array): { name: string; xml: string }[] {
  const out: { name: string; xml: string }[] = [];
  for (let n = 1; ; n++) {
    const name = `xl/worksheets/sheet${n}.xml`;
    try {
      out.push({ name, xml: readZipEntry(bytes, name) });
    } catch {
      return out;
    }
  }
}

/**
 * Every pair of data-validation ranges of one sheet that share a cell, as `sheet: A1:A9 ∩ A4:A5`; empty when
 * none do. Excel treats overlapping validations as damage and offers to repair the file.
 */
export function overlappingValidations(bytes: Uint8Array): string[] {
  const found: string[] = [];
  for (const { name, xml } of sheetXmls(bytes)) {
    const ranges = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]*)"/g)].flatMap((m) =>
      m[1]!.trim().split(/\s+/).map(parseRange),
    );
    for (let i = 0; i < ranges.length; i++) {
      for (let j = i + 1; j < ranges.length; j++) {
        if (overlap(ranges[i]!, ranges[j]!)) found.push(`${name}: ${ranges[i]!.text} ∩ ${ranges[j]!.text}`);
      }
    }
  }
  return found;
}

/** How many data-validation ranges the sheets of a workbook hold (so a check of none is not mistaken for a pass). */
export function validationRangeCount(bytes: Uint8Array): number {
  return sheetXmls(bytes).reduce((n, { xml }) => n + [...xml.matchAll(/<dataValidation\b/g)].length, 0);
}
