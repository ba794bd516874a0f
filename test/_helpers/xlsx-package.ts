import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One part of a hand-made workbook package: its name and content (deflated unless `stored`). */
export interface PackagePart {
  name: string;
  data: string | Buffer;
  stored?: boolean;
  /** The uncompressed size written in the headers, when it should differ from the real one (a lying zip). */
  declaredSize?: number;
  /** The deflated bytes as they are to be stored, when made otherwise (see {@link deflatedSpaces}). */
  deflated?: Buffer;
}

/**
 * A deflate stream of `megabytes` MB of spaces, made without holding them: one deflated megabyte repeated as
 * non-final blocks, then an empty final block. A few kilobytes that inflate to any size: a ZIP bomb's part.
 */
export function deflatedSpaces(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
}

/** A ZIP archive of the parts, deflated as Excel writes them. */
export function zipPackage(parts: readonly PackagePart[]): Uint8Array {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const raw = typeof part.data === 'string' ? Buffer.from(part.data, 'utf8') : part.data;
    const body = part.deflated ?? (part.stored ? raw : deflateRawSync(raw, { level: raw.length > 1 << 24 ? 1 : 6 }));
    const size = part.declaredSize ?? raw.length;
    const method = part.stored ? 0 : 8;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    out.push(local, name, body);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...out, directory, end]));
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The XML of a worksheet holding `rows` (inline strings, at most 26 columns), built in pieces so that a large sheet fits in a Buffer. */
export function sheetXml(rows: Iterable<readonly string[]>): Buffer {
  const chunks: Buffer[] = [
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  ];
  let r = 0;
  let piece = '';
  for (const row of rows) {
    r++;
    piece += `<row r="${r}">${row.map((t, c) => `<c r="${String.fromCharCode(65 + c)}${r}" t="inlineStr"><is><t>${xmlText(t)}</t></is></c>`).join('')}</row>`;
    if (piece.length > 1 << 20) {
      chunks.push(Buffer.from(piece));
      piece = '';
    }
  }
  chunks.push(Buffer.from(`${piece}</sheetData></worksheet>`));
  return Buffer.concat(chunks);
}

/** The parts of a one-sheet workbook around `sheet` (the worksheet's XML). */
export function workbookParts(sheet: string | Buffer, sheetName = '目录'): PackagePart[] {
  return [
    {
      name: '[Content_Types].xml',
      data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet },
  ];
}

/** Rows of a catalog table: a header and `count` items. */
export function* catalogRows(count: number): Generator<string[]> {
  yield ['序号', '公开事项', '公开内容', '公开依据', '公开时限', '公开主体'];
  for (let i = 1; i <= count; i++) yield [String(i), `事项${i}`, `内容${i}`, '《条例》', '20个工作日内', '县政府'];
}
