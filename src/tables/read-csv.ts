import type { GridSlot, ReadResult } from './grid.js';
import { GridTooLarge, XLSX_LIMITS } from './limits.js';

/**
 * Read a CSV file (RFC 4180) into one grid named `name`. The separator is `,`, `;` or tab, whichever
 * splits the first records most consistently, or the one an Excel `sep=` first line names. A field
 * Excel wrote as `="0505"` (to keep leading zeros) is read as `0505`. Line breaks inside quoted
 * fields become `\n`. Trailing blank rows and columns are dropped; refs are `第5行第3列`, counting
 * records as Excel shows them as rows. Throws {@link GridTooLarge} for more than `maxCells` cells (rows × columns).
 */
export function readCsv(bytes: Uint8Array, name: string, maxCells = XLSX_LIMITS.cells): ReadResult {
  const decoded = decodeTextAs(bytes);
  const { encoding } = decoded;
  let text = decoded.text;
  let separator: string | undefined;
  const hint = /^sep=([,;\t|])\r?\n/.exec(text);
  if (hint) {
    separator = hint[1];
    text = text.slice(hint[0].length);
  }
  separator ??= detectSeparator(text);
  const records = parseCsv(text, separator).map((fields) => fields.map(excelLiteral));

  const blank = (field: string) => field.trim() === '';
  let height = records.length;
  while (height > 0 && records[height - 1]!.every(blank)) height--;
  let width = 0;
  for (let r = 0; r < height; r++) {
    const fields = records[r]!;
    for (let c = fields.length - 1; c >= width; c--) {
      if (!blank(fields[c]!)) {
        width = c + 1;
        break;
      }
    }
  }
  if (height === 0 || width === 0) return { format: 'csv', grids: [], encoding };
  if (height * width > maxCells) throw new GridTooLarge(maxCells, height * width);
  const rows = records.slice(0, height).map((fields, r) =>
    Array.from({ length: width }, (_, c): GridSlot => ({
      kind: 'cell',
      text: fields[c] ?? '',
      rowSpan: 1,
      colSpan: 1,
      ref: `第${r + 1}行第${c + 1}列`,
    })),
  );
  return { format: 'csv', grids: [{ name, rows, before: [] }], encoding };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  /**
   * `utf-8-bom`, `utf-8`, `utf-16le` and `utf-16be` (both after a byte-order mark), `gb18030` (also for a
   * page declaring GBK or GB2312, which GB18030 contains), or the WHATWG name of another encoding a page
   * declares (`big5`, `shift_jis`).
   */
  encoding: string;
}

/**
 * Decode text: by its byte-order mark (UTF-8, UTF-16LE, UTF-16BE); else by `declared` (an encoding
 * label such as `gb2312` from a page's `<meta>`) when it names a known single- or multi-byte encoding
 * other than UTF-8 or UTF-16; else as UTF-8 when valid, and as GB18030 (a superset of GBK and GB2312,
 * what Excel and Notepad in China save) when not.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  return decodeTextAs(bytes, declared).text;
}

/** Decode text as {@link decodeText} does, and say which encoding it was read in. */
export function decodeTextAs(bytes: Uint8Array, declared?: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const label = declared?.trim().toLowerCase();
  if (label && !/^(utf-?8|utf-?16(le|be)?|unicode(fffe)?|ucs-?2|iso-10646-ucs-2)$/.test(label)) {
    try {
      const decoder = new TextDecoder(label);
      const encoding = decoder.encoding === 'gbk' ? 'gb18030' : decoder.encoding;
      return { text: decoder.decode(bytes), encoding };
    } catch {
      // An encoding name the platform does not know: fall through to UTF-8 or GB18030.
    }
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

const SEPARATORS = [',', '\t', ';'] as const;

/**
 * The separator that splits the first 50 records into the same number of fields (more than one) most
 * often; ties go to the separator giving more fields, then to `,`, tab, `;` in that order.
 */
function detectSeparator(text: string): string {
  let best: { sep: string; agree: number; fields: number } = { sep: ',', agree: 0, fields: 1 };
  for (const sep of SEPARATORS) {
    const counts = parseCsv(text, sep, 50).map((r) => r.length);
    const tally = new Map<number, number>();
    for (const n of counts) if (n > 1) tally.set(n, (tally.get(n) ?? 0) + 1);
    for (const [fields, agree] of tally) {
      if (agree > best.agree || (agree === best.agree && fields > best.fields)) best = { sep, agree, fields };
    }
  }
  return best.sep;
}

/**
 * Split CSV text into records of fields. A field that starts with `"` runs to the next lone `"`, with
 * `""` standing for `"`; text after that quote up to the separator is kept (as Excel does), and an
 * unclosed quote runs to the end. A quote inside an unquoted field is an ordinary character. Records
 * end at CRLF, LF or CR; line breaks inside quoted fields become `\n`. A final line break does not
 * start another record.
 */
export function parseCsv(text: string, sep: string, limit = Infinity): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  // Whether the current field has taken any character: a quote opens a quoted field only at its start.
  let started = false;
  const endField = () => {
    fields.push(field);
    field = '';
    started = false;
  };
  let i = 0;
  while (i < text.length && records.length < limit) {
    const ch = text[i]!;
    if (ch === '"' && !started) {
      started = true;
      let quoted = '';
      for (i++; ;) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          quoted += text.slice(i);
          i = text.length;
          break;
        }
        quoted += text.slice(i, close);
        i = close + 1;
        if (text[i] !== '"') break;
        quoted += '"';
        i++;
      }
      field += quoted.replace(/\r\n?/g, '\n');
    } else if (ch === sep) {
      endField();
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endField();
      records.push(fields);
      fields = [];
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      const next = nextSpecial(text, i, sep);
      field += text.slice(i, next);
      started = true;
      i = next;
    }
  }
  if (records.length < limit && (started || fields.length > 0)) {
    endField();
    records.push(fields);
  }
  return records;
}

function nextSpecial(text: string, from: number, sep: string): number {
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === sep || ch === '\n' || ch === '\r') return i;
  }
  return text.length;
}

function excelLiteral(field: string): string {
  const m = /^="((?:[^"]|"")*)"$/.exec(field);
  return m ? m[1]!.replaceAll('""', '"') : field;
}
