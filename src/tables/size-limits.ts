import { indexOfBytes, inflateRaw } from './inflate-raw.js';
import { storedBytes, zipEntries } from './zip-entries.js';

import { WorkbookTooLarge, XLSX_LIMITS, type XlsxLimits } from './limits.js';

const CELL_END = new Set([0x20, 0x09, 0x0a, 0x0d, 0x2f, 0x3e]);

/**
 * The cell elements of a worksheet's XML: `<c r="A1">`, `<c/>`, or `<x:c …>` when the sheet's elements carry
 * a namespace prefix. Searched in the bytes, since the XML of a large sheet is longer than a string may be.
 */
function countCells(xml: Uint8Array): number {
  const head = new TextDecoder('latin1').decode(xml.subarray(0, 4096));
  const prefix = /<([A-Za-z_][\w.-]*):worksheet[\s>]/.exec(head)?.[1];
  const open = new TextEncoder().encode(prefix ? `<${prefix}:c` : '<c');
  let n = 0;
  for (let at = indexOfBytes(xml, open, 0); at >= 0; at = indexOfBytes(xml, open, at + open.length)) {
    if (CELL_END.has(xml[at + open.length]!)) n++;
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
      const inflated = inflateRaw(stored, limits.partBytes);
      if (inflated === 'too-large')
        throw new WorkbookTooLarge('partBytes', limits.partBytes, limits.partBytes + 1, e.name);
      if (!inflated) continue;
      data = inflated;
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
