import { sampleGrid, type Grid, type GridRow } from './grid.js';
import type { CatalogSample } from './samples.js';

/** A field as Excel writes it: quoted when it holds the separator, a quote or a line break, quotes doubled. */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row's texts by column: a merged cell's text at its top-left position, every position it covers blank. */
function rowTexts(row: GridRow): string[] {
  return row.map((cell) => cell?.text ?? '');
}

/** A title line: the text in the first column, the rest of the table's width blank (the merge is lost). */
function lineTexts(text: string, width: number): string[] {
  return [text, ...Array<string>(Math.max(width - 1, 0)).fill('')];
}

// Template fields share the table's width, as the xlsx helper writes them: each at the left of its part.
function preambleTexts(fields: readonly string[], width: number): string[] {
  const out = Array<string>(width).fill('');
  fields.forEach((text, j) => {
    out[Math.floor((j * width) / fields.length)] = text;
  });
  return out;
}

/** The records of a sample's table as Excel saves a sheet as CSV: every row as wide as the widest. */
function gridRecords(grid: Grid): string[][] {
  const records: string[][] = [];
  if (grid.documentTitle !== undefined) records.push(lineTexts(grid.documentTitle, grid.width));
  records.push(lineTexts(grid.title, grid.width));
  for (const fields of grid.preamble) records.push(preambleTexts(fields, grid.width));
  for (const row of [...grid.header, ...grid.body]) records.push(rowTexts(row));
  const width = Math.max(...records.map((r) => r.length));
  return records.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/**
 * The sample's table as the text of a CSV file saved by Excel or WPS: the heading and template fields in
 * their rows, two header rows, merged cells blank except their top-left, CRLF between records and LF inside
 * a quoted cell.
 */
export function sampleCsvText(sample: CatalogSample): string {
  return gridRecords(sampleGrid(sample))
    .map((r) => r.map(csvField).join(','))
    .join('\r\n')
    .concat('\r\n');
}

let gb18030Table: Map<string, number[]> | undefined;

/**
 * Characters to their GB18030 bytes, built by decoding every two-byte code (GBK, lead 0x81–0xFE, trail
 * 0x40–0xFE but 0x7F) and every four-byte code of the BMP (0x81–0x84, 0x30–0x39, 0x81–0xFE, 0x30–0x39).
 * Decoding is a bijection over these ranges, so the table encodes exactly; the first code found wins.
 */
function gb18030Codes(): Map<string, number[]> {
  if (gb18030Table) return gb18030Table;
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    const ch = decoder.decode(new Uint8Array(bytes));
    if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, bytes);
  };
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) add([lead, trail]);
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
  gb18030Table = table;
  return table;
}

/** Text in GB18030, what Excel and WPS on Chinese Windows write for "CSV (逗号分隔)". */
export function encodeGb18030(text: string): Uint8Array {
  const codes = gb18030Codes();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const found = codes.get(ch);
      if (!found) throw new Error(`no GB18030 code for U+${code.toString(16).toUpperCase()} in the helper's table`);
      bytes.push(...found);
    }
  }
  return new Uint8Array(bytes);
}

/** Text in UTF-8 after a byte-order mark, what Excel writes for "CSV UTF-8 (逗号分隔)". */
export function encodeUtf8Bom(text: string): Uint8Array {
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}

/** The encodings Excel saves a CSV file in, and how to write each. */
export const CSV_ENCODINGS = { gb18030: encodeGb18030, 'utf-8-bom': encodeUtf8Bom } as const;

/** A CSV file of the sample's table, saved by Excel in `encoding`. */
export function sampleCsv(sample: CatalogSample, encoding: keyof typeof CSV_ENCODINGS): Uint8Array {
  return CSV_ENCODINGS[encoding](sampleCsvText(sample));
}
