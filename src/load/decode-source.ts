import type { Diagnostic, Range, SourceCode } from '../diagnostics.js';
import type { Lang, Text } from '../i18n.js';
import { fileDiagnostic } from './file-diagnostic.js';

/** A file's text, or why it could not be read. */
export type SourceResult = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decode a file's bytes as UTF-8 text. A UTF-8 byte-order mark is dropped. UTF-16, GBK and
 * binary files (an Excel workbook, say) are refused with a finding that says what to do. `fastUtf8`, where
 * the runtime has one, converts valid UTF-8 faster than `TextDecoder` (undefined for text it does not take).
 */
export function decodeBytes(
  file: string,
  bytes: Uint8Array,
  lang: Lang,
  fastUtf8?: (bytes: Uint8Array) => string | undefined,
): SourceResult {
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
  const text = fastUtf8?.(bytes);
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

export function fail(
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
