import { isUtf8, transcode } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Diagnostic, Range, SourceCode } from '../diagnostics.js';
import type { Lang, Text } from '../i18n.js';
import { fileDiagnostic } from './file-diagnostic.js';
import { LIMITS } from './limits.js';

/** A file's text, or why it could not be read. */
export type SourceResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Text that is valid UTF-8, as `utf8.decode` gives it (one leading byte-order mark dropped), several
 * times faster: converted to UTF-16 by the runtime's ICU, then taken as a string as it is. Undefined
 * where the conversion is not available, for `utf8.decode` to do it.
 */
function fromUtf8(bytes: Uint8Array): string | undefined {
  try {
    const text = transcode(bytes, 'utf8', 'ucs2').toString('ucs2');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

/**
 * Opened without waiting: a named pipe (FIFO) opens at once instead of waiting for a writer, and is
 * then refused as what it is.
 */
// Windows has no O_NONBLOCK, whatever Node's types say.
export const OPEN_FLAGS = constants.O_RDONLY | ((constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0);

/** What a file that is not a regular one is, for a finding that refuses it; undefined for a regular file. */
export function notRegularFile(info: Stats): Text | undefined {
  return info.isFile()
    ? undefined
    : info.isDirectory()
      ? { zh: '这是一个目录，不是文件。', en: 'This is a directory, not a file.' }
      : info.isFIFO()
        ? { zh: '这是一个命名管道（FIFO），不是普通文件。', en: 'This is a named pipe (FIFO), not a regular file.' }
        : info.isCharacterDevice() || info.isBlockDevice()
          ? {
              zh: '这是一个设备（如 /dev/zero），不是普通文件。',
              en: 'This is a device (such as /dev/zero), not a regular file.',
            }
          : { zh: '这不是普通文件（可能是套接字）。', en: 'This is not a regular file (a socket, perhaps).' };
}

/** What is said of a file of `bytes` bytes, past the size limit (`atLeast`: at least that many). */
export function tooLargeText(bytes: number, atLeast = false): Text {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return {
    zh: `文件有${atLeast ? '超过 ' : ' '}${mb(bytes)}，超过了 zwgk 读取文件的上限 ${mb(LIMITS.fileBytes)}。`,
    en: `The file is ${atLeast ? 'over ' : ''}${mb(bytes)}, more than zwgk reads (${mb(LIMITS.fileBytes)}).`,
  };
}

/** A file of `bytes` bytes, past the size limit, as a finding (`atLeast`: at least that many, read no further). */
export function tooLarge(
  file: string,
  bytes: number,
  lang: Lang,
  atLeast = false,
): { ok: false; diagnostic: Diagnostic } {
  return fail(file, 'file/too-large', lang, tooLargeText(bytes, atLeast), {
    zh: '目录文件不会这么大：检查是否给错了文件；确实这么大的目录，请拆成几个文件。',
    en: 'No catalog is this large: check that this is the right file; split a catalog this large into several files.',
  });
}

/**
 * Read a stream (standard input) as a file is read, up to the size limit: past it, reading stops and
 * the text is refused.
 */
export async function readSourceStream(
  name: string,
  stream: AsyncIterable<unknown> | Iterable<unknown>,
  lang: Lang,
): Promise<SourceResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > LIMITS.fileBytes) return tooLarge(name, LIMITS.fileBytes, lang, true);
    chunks.push(bytes);
  }
  return decodeSource(name, Buffer.concat(chunks), lang);
}

/** A file that is opened but must not be read: why not, as a finding; undefined for a regular file within the size limit. */
function refusal(file: string, info: Stats, lang: Lang): { ok: false; diagnostic: Diagnostic } | undefined {
  const reason = notRegularFile(info);
  if (!reason) return info.size <= LIMITS.fileBytes ? undefined : tooLarge(file, info.size, lang);
  return fail(file, 'file/unreadable', lang, reason, {
    zh: 'zwgk 只读普通文件：给出目录文件本身的路径；符号链接要指向普通文件。',
    en: 'zwgk reads regular files only: name the catalog file itself; a symbolic link must point to a regular file.',
  });
}

/** A file's bytes, or why they could not be read. */
export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; diagnostic: Diagnostic };

/** Read a file's bytes from disk; a file that is not a regular one, or is too large, is refused unread. */
export async function readBytes(file: string, lang: Lang): Promise<BytesResult> {
  try {
    const handle = await open(file, OPEN_FLAGS);
    try {
      return refusal(file, await handle.stat(), lang) ?? { ok: true, bytes: await handle.readFile() };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return readFailure(file, error, lang);
  }
}

/** Read a file from disk and decode it (see {@link readBytes}, {@link decodeSource}). */
export async function readSource(file: string, lang: Lang): Promise<SourceResult> {
  const read = await readBytes(file, lang);
  return read.ok ? decodeSource(file, read.bytes, lang) : read;
}

/**
 * {@link readSource}, reading synchronously: for runs over many files, where reading ahead asynchronously
 * gains nothing (the reads advance only while the thread waits for them) and costs more to run.
 */
export function readSourceSync(file: string, lang: Lang): SourceResult {
  let bytes: Uint8Array;
  try {
    const fd = openSync(file, OPEN_FLAGS);
    try {
      const refused = refusal(file, fstatSync(fd), lang);
      if (refused) return refused;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return readFailure(file, error, lang);
  }
  return decodeSource(file, bytes, lang);
}

/** Why a file could not be read, as a finding. */
function readFailure(file: string, error: unknown, lang: Lang): { ok: false; diagnostic: Diagnostic } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return fail(
      file,
      'file/not-found',
      lang,
      { zh: '文件不存在。', en: 'No such file.' },
      {
        zh: '检查文件名和路径是否写对。',
        en: 'Check the file name and path.',
      },
    );
  }
  const reason =
    code === 'EISDIR'
      ? { zh: '这是一个目录，不是文件。', en: 'This is a directory, not a file.' }
      : code === 'EACCES' || code === 'EPERM'
        ? { zh: '没有读取该文件的权限。', en: 'Permission denied.' }
        : code === 'ELOOP'
          ? { zh: '符号链接绕成了一个圈，指不到文件。', en: 'The symbolic links go round in a loop and reach no file.' }
          : { zh: `无法读取文件（${code ?? 'unknown'}）。`, en: `Cannot read the file (${code ?? 'unknown'}).` };
  return fail(file, 'file/unreadable', lang, reason);
}

/**
 * Decode a file's bytes as UTF-8 text. A UTF-8 byte-order mark is dropped. UTF-16, GBK and
 * binary files (an Excel workbook, say) are refused with a finding that says what to do.
 */
export function decodeSource(file: string, bytes: Uint8Array, lang: Lang): SourceResult {
  const table = tableKind(file);
  if (table) {
    return fail(
      file,
      'file/not-yaml',
      lang,
      {
        zh: `这是${/^[A-Za-z]/.test(table.zh) ? ' ' : ''}${table.zh}，不是 YAML 目录文件，zwgk validate 不能直接检查。`,
        en: `This is ${table.en}, not a YAML catalog; zwgk validate cannot check it as it is.`,
      },
      table.importable
        ? {
            zh: '先用 `zwgk import 表格文件 -o 文件夹` 导入为 YAML 目录，再检查导入的文件。',
            en: 'Import it as a YAML catalog first (`zwgk import <table file> -o <folder>`), then check the files it writes.',
          }
        : table.save,
    );
  }
  const utf32 =
    (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (utf32) {
    return fail(
      file,
      'file/encoding',
      lang,
      {
        zh: '文件是 UTF-32 编码，zwgk 只读 UTF-8 编码的文件。',
        en: 'The file is UTF-32 encoded; zwgk reads UTF-8 files only.',
      },
      {
        zh: '在编辑器中将文件另存为“UTF-8”编码。',
        en: 'Save the file again with the "UTF-8" encoding.',
      },
    );
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(
      file,
      'file/encoding',
      lang,
      {
        zh: '文件是 UTF-16 编码，zwgk 只读 UTF-8 编码的文件。',
        en: 'The file is UTF-16 encoded; zwgk reads UTF-8 files only.',
      },
      {
        zh: '在编辑器中将文件另存为“UTF-8”编码。',
        en: 'Save the file again with the "UTF-8" encoding.',
      },
    );
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    return fail(
      file,
      'file/binary',
      lang,
      {
        zh: zip ? '这不是 YAML 文本文件，而是一个压缩包或 Office 文档（如 .xlsx）。' : '这不是文本文件。',
        en: zip
          ? 'This is not a YAML text file but a zip archive or an Office document (such as .xlsx).'
          : 'This is not a text file.',
      },
      {
        zh: 'zwgk 检查的是 YAML 格式的目录文件；Excel 表格需要先整理成 YAML 目录文件。',
        en: 'zwgk checks catalogs written as YAML; an Excel table must first be turned into a YAML catalog.',
      },
    );
  }
  const text = isUtf8(bytes) ? fromUtf8(bytes) : undefined;
  if (text !== undefined) return { ok: true, text };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const range = rangeAtByte(bytes, at);
    const gbk = looksLikeGbk(bytes);
    return fail(
      file,
      'file/encoding',
      lang,
      gbk
        ? {
            zh: '文件不是 UTF-8 编码，看起来是 GBK（GB18030）编码。',
            en: 'The file is not UTF-8; it looks GBK (GB18030) encoded.',
          }
        : { zh: '文件不是有效的 UTF-8 编码。', en: 'The file is not valid UTF-8.' },
      {
        zh: '在编辑器中将文件另存为“UTF-8”编码，或运行 `iconv -f GBK -t UTF-8 原文件 > 新文件`。',
        en: 'Save the file again as "UTF-8", or run `iconv -f GBK -t UTF-8 old-file > new-file`.',
      },
      range,
    );
  }
}

/** What to do with a spreadsheet zwgk does not read: save it as .xlsx, which it checks and imports. */
const SAVE_AS_XLSX: Text = {
  zh: '在 Excel 或 WPS 中另存为 .xlsx，再检查或导入那个文件（zwgk validate 直接检查 .xlsx）。',
  en: 'Save it as .xlsx in Excel or WPS, then check or import that file (zwgk validate checks .xlsx as it is).',
};

/** What to do with a document: save it as a web page, whose tables zwgk checks and imports. */
const SAVE_AS_PAGE: Text = {
  zh: '在 Word 或 WPS 中另存为“网页（*.htm;*.html）”，再检查或导入那个网页文件。',
  en: 'Save it as "Web Page (*.htm;*.html)" in Word or WPS, then check or import that page.',
};

interface TableExtension {
  zh: string;
  en: string;
  /** Whether `zwgk import` (and `zwgk validate`, where tables are checked) reads it. */
  importable: boolean;
  /** What to do with one that is not read. */
  save?: Text;
}

/** Files named as tables or documents: what they are, and whether `zwgk import` reads them. */
const TABLE_EXTENSIONS: Readonly<Record<string, TableExtension>> = {
  '.xlsx': { zh: 'Excel 工作簿', en: 'an Excel workbook', importable: true },
  '.xlsm': { zh: 'Excel 工作簿', en: 'an Excel workbook', importable: true },
  '.csv': { zh: 'CSV 表格', en: 'a CSV table', importable: true },
  '.html': { zh: '网页', en: 'a web page', importable: true },
  '.htm': { zh: '网页', en: 'a web page', importable: true },
  '.xls': {
    zh: '旧版 Excel 工作簿（.xls）',
    en: 'an old Excel workbook (.xls)',
    importable: false,
    save: SAVE_AS_XLSX,
  },
  '.et': { zh: 'WPS 表格', en: 'a WPS spreadsheet', importable: false, save: SAVE_AS_XLSX },
  '.ods': { zh: 'OpenDocument 表格', en: 'an OpenDocument spreadsheet', importable: false, save: SAVE_AS_XLSX },
  '.docx': { zh: 'Word 文档', en: 'a Word document', importable: false, save: SAVE_AS_PAGE },
  '.doc': { zh: 'Word 文档', en: 'a Word document', importable: false, save: SAVE_AS_PAGE },
  '.wps': { zh: 'WPS 文档', en: 'a WPS document', importable: false, save: SAVE_AS_PAGE },
  '.pdf': {
    zh: 'PDF 文件',
    en: 'a PDF file',
    importable: false,
    save: {
      zh: '找到生成这个 PDF 的 Excel 或 Word 原件：Excel 保存为 .xlsx，Word 另存为网页，再检查那个文件。',
      en: 'Find the Excel or Word file this PDF was made from: save Excel as .xlsx, Word as a web page, and check that file.',
    },
  },
};

function tableKind(file: string): TableExtension | undefined {
  const dot = file.lastIndexOf('.');
  const ext = dot > file.lastIndexOf('/') ? file.slice(dot).toLowerCase() : '';
  return Object.hasOwn(TABLE_EXTENSIONS, ext) ? TABLE_EXTENSIONS[ext] : undefined;
}

function fail(
  file: string,
  code: SourceCode,
  lang: Lang,
  message: Text,
  hint?: Text,
  range?: Range,
): { ok: false; diagnostic: Diagnostic } {
  return { ok: false, diagnostic: fileDiagnostic(file, code, lang, message, hint, range) };
}

function looksLikeGbk(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fff]/.test(text);
  } catch {
    return false;
  }
}

/** Offset of the first byte that breaks UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The line and column of a byte offset, counting columns in characters of the valid text before it. */
function rangeAtByte(bytes: Uint8Array, at: number): Range {
  let lineStart = 0;
  let line = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
  return { start: { line, column }, end: { line, column: column + 1 } };
}
