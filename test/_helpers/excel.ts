import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { renderExcel } from '../../src/render/excel.js';
import type { RenderInput, RenderOptions } from '../../src/render/types.js';

/** Render inputs to workbook bytes with default options (plus `options`). */
export async function renderXlsx(
  inputs: readonly RenderInput[],
  options: Partial<RenderOptions> = {},
): Promise<Uint8Array> {
  const files = await renderExcel(inputs, { channels: 'checklist', layout: 'single', ...options });
  if (files.length !== 1 || !(files[0]!.content instanceof Uint8Array)) throw new Error('expected one binary file');
  return files[0]!.content;
}

/** Read workbook bytes back with exceljs, as a user's program would. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/**
 * A cell's value as text: strings as they are, numbers and booleans as written, rich text joined, nothing as ''.
 * Any other value (a date, formula, error, hyperlink) is marked as such, so it never passes for a plain string.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  return `<non-text ${JSON.stringify(value)}>`;
}

/** A1-style column letters of a 1-based column number. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** An A1-style range of 1-based rows and columns, as exceljs lists merges (`A1:B2`). */
export function rangeOf(top: number, left: number, bottom: number, right: number): string {
  return `${columnLetter(left)}${top}:${columnLetter(right)}${bottom}`;
}

/** The merged ranges of a sheet. */
export function mergesOf(sheet: ExcelJS.Worksheet): Set<string> {
  return new Set(sheet.model.merges);
}

/** One entry of a hand-made ZIP archive. */
export interface ZipEntry {
  name: string;
  data: string;
  /** DOS time and date fields, as stored. */
  time: number;
  date: number;
  /** Add an extended-timestamp (0x5455) extra field with this Unix time. */
  unixTime?: number;
}

/** A stored (uncompressed) ZIP archive of the entries, with an optional archive comment. */
export function buildZip(entries: readonly ZipEntry[], comment = ''): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = Buffer.from(entry.data, 'utf8');
    const crc = crc32(data);
    const extra = (local: boolean): Buffer => {
      if (entry.unixTime === undefined) return Buffer.alloc(0);
      const times = local ? 3 : 1;
      const field = Buffer.alloc(5 + 4 * times);
      field.writeUInt16LE(0x5455, 0);
      field.writeUInt16LE(1 + 4 * times, 2);
      field.writeUInt8(local ? 7 : 1, 4);
      for (let t = 0; t < times; t++) field.writeUInt32LE(entry.unixTime, 5 + 4 * t);
      return field;
    };
    const localExtra = extra(true);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(10, 4);
    header.writeUInt16LE(entry.time, 10);
    header.writeUInt16LE(entry.date, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(localExtra.length, 28);
    locals.push(header, name, localExtra, data);

    const centralExtra = extra(false);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(10, 6);
    central.writeUInt16LE(entry.time, 12);
    central.writeUInt16LE(entry.date, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, centralExtra);
    offset += 30 + name.length + localExtra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const commentBytes = Buffer.from(comment, 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(commentBytes.length, 20);
  return new Uint8Array(Buffer.concat([...locals, directory, end, commentBytes]));
}

/** Every DOS time/date pair and extended Unix time in a ZIP archive: [kind, time, date] per header. */
export function zipTimes(zip: Uint8Array): { local: [number, number][]; central: [number, number][]; unix: number[] } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const local: [number, number][] = [];
  const central: [number, number][] = [];
  const unix: number[] = [];
  const extras = (start: number, end: number) => {
    for (let at = start; at + 4 <= end; at += 4 + view.getUint16(at + 2, true)) {
      if (view.getUint16(at, true) !== 0x5455) continue;
      for (let t = at + 5; t + 4 <= at + 4 + view.getUint16(at + 2, true); t += 4) unix.push(view.getUint32(t, true));
    }
  };
  // Scan for signatures: good enough for archives whose data does not contain them (test fixtures).
  for (let at = 0; at + 46 <= zip.byteLength; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x02014b50) {
      central.push([view.getUint16(at + 12, true), view.getUint16(at + 14, true)]);
      const start = at + 46 + view.getUint16(at + 28, true);
      extras(start, start + view.getUint16(at + 30, true));
    } else if (sig === 0x04034b50) {
      local.push([view.getUint16(at + 10, true), view.getUint16(at + 12, true)]);
      const start = at + 30 + view.getUint16(at + 26, true);
      extras(start, start + view.getUint16(at + 28, true));
    }
  }
  return { local, central, unix };
}

/** The text of one entry of a ZIP archive, found through the central directory (stored or deflated). */
export function readZipEntry(zip: Uint8Array, name: string): string {
  const buf = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let n = buf.readUInt16LE(end + 10); n > 0; n--) {
    const nameLength = buf.readUInt16LE(at + 28);
    if (buf.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const method = buf.readUInt16LE(at + 10);
      const size = buf.readUInt32LE(at + 20);
      const local = buf.readUInt32LE(at + 42);
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  throw new Error(`no ${name} in the archive`);
}
