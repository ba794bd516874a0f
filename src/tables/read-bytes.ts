import { ZwgkError } from '../errors.js';
import { say, type Lang, type Text } from '../i18n.js';
import type { ReadResult } from './grid.js';
import { decodeText, decodeTextAs, readCsv } from './read-csv.js';
import { FILE_LIMITS, GridTooLarge, WorkbookTooLarge } from './limits.js';
import { checkWorkbookSize } from './size-limits.js';
import { zipEntries } from './zip-entries.js';

/** Why a table file could not be read. */
export type TableFileProblem =
  | 'not-found'
  | 'unreadable'
  | 'empty'
  | 'xls'
  | 'encrypted'
  | 'word'
  | 'corrupt'
  | 'unsupported'
  | 'pdf'
  | 'binary'
  | 'too-large'
  | 'no-table';

/** A table file that cannot be imported: exit code 2, with a message that says what to do. */
export class TableFileError extends ZwgkError {
  readonly file: string;
  readonly problem: TableFileProblem;
  /** What is wrong, in the language asked for, without the file name. */
  readonly said: string;
  /** What to do about it, when there is something to say. */
  readonly advice: string | undefined;
  constructor(file: string, problem: TableFileProblem, message: string, said = message, advice?: string) {
    super(message, 2);
    this.name = 'TableFileError';
    this.file = file;
    this.problem = problem;
    this.said = said;
    this.advice = advice;
  }
}

/**
 * Read a table file's bytes: an Excel workbook (.xlsx), a web page (.html, including Word's "save as web
 * page") or a CSV file. The format is told from the content, so that a page saved as `.xls` reads as
 * a page; the extension of `path` only decides what to say about a file that is none of these. Throws a
 * {@link TableFileError} naming `path` for a file that cannot be read or holds no table; `hints` are what
 * the caller says of its own kind of table (a catalog, a form) when a file is too large or a page holds none.
 */
export async function readTableBytes(
  bytes: Uint8Array,
  path: string,
  lang: Lang,
  hints: TableFileHints = TABLE_HINTS,
): Promise<ReadResult> {
  const fail = (problem: TableFileProblem, message: Text, hint?: Text): never => {
    throw tableFileError(path, lang, problem, message, hint);
  };
  if (bytes.length > FILE_LIMITS.fileBytes)
    return fail('too-large', fileTooLarge(bytes.length, FILE_LIMITS.fileBytes), hints.tooLarge);
  const name = baseName(path);
  const kind = sniff(bytes, extensionOf(name));
  if (typeof kind !== 'string') return fail(kind.problem, kind.message, kind.hint);
  if (kind !== 'xlsx' && bytes.length > FILE_LIMITS.textBytes)
    return fail('too-large', fileTooLarge(bytes.length, FILE_LIMITS.textBytes), hints.tooLarge);

  let result: ReadResult;
  // Each reader is loaded when a file needs it: exceljs and parse5 take a while to load.
  if (kind === 'xlsx') {
    const { readXlsx, SheetTooLarge, UnreadableWorkbook, MAX_SLOTS } = await import('./read-xlsx.js');
    try {
      checkWorkbookSize(bytes);
    } catch (error) {
      if (!(error instanceof WorkbookTooLarge)) throw error;
      return fail('too-large', tooLarge(error), hints.tooLarge);
    }
    try {
      result = await readXlsx(bytes, name);
    } catch (error) {
      if (error instanceof SheetTooLarge) {
        return fail(
          'too-large',
          {
            zh: `工作表“${error.sheet}”的内容范围是 ${error.range}，超过导入上限（${count(MAX_SLOTS)} 个单元格位置），无法导入。`,
            en: `Worksheet "${error.sheet}" has text across ${error.range}, beyond the import limit of ${count(MAX_SLOTS)} cell positions.`,
          },
          {
            zh: '这通常是远处误输入的字符：在 Excel 或 WPS 中按 Ctrl+End 找到它，删除多余的行和列后保存，再导入。',
            en: 'This is usually a stray entry far away: press Ctrl+End in Excel or WPS to find it, delete the extra rows and columns, save, then import again.',
          },
        );
      }
      if (!(error instanceof UnreadableWorkbook)) throw error;
      return fail(
        'corrupt',
        {
          zh: `文件已损坏，无法作为 Excel 工作簿打开（${error.detail}）。`,
          en: `The file is damaged and cannot be opened as an Excel workbook (${error.detail}).`,
        },
        REOPEN,
      );
    }
  } else if (kind === 'csv') {
    try {
      result = readCsv(bytes, name);
    } catch (error) {
      if (!(error instanceof GridTooLarge)) throw error;
      return fail(
        'too-large',
        {
          zh: `表格太大：行数乘列数共 ${count(error.found)} 个单元格，超过导入上限 ${count(error.max)} 个。`,
          en: `The table is too large: its rows times columns make ${count(error.found)} cells, beyond the import limit of ${count(error.max)}.`,
        },
        hints.tooLarge,
      );
    }
  } else {
    const { declaredCharset, readHtml } = await import('./read-html.js');
    const { text, encoding } = decodeTextAs(bytes, declaredCharset(bytes));
    result = { ...readHtml(text, name), encoding };
    if (result.grids.length === 0 && /<(ss:)?Workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/i.test(text)) {
      return fail(
        'unsupported',
        {
          zh: '这是 Excel 2003 XML 表格文件，不是 .xlsx 工作簿。',
          en: 'This is an Excel 2003 XML spreadsheet, not an .xlsx workbook.',
        },
        SAVE_AS_XLSX,
      );
    }
  }
  if (result.grids.length > 0) return result;
  return fail(
    'no-table',
    NO_TABLE[result.format],
    result.format === 'html'
      ? hints.noTableOnPage
      : { zh: '检查是否选错了文件。', en: 'Check that this is the right file.' },
  );
}

/** The last part of a path, with either kind of slash. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A file name's extension in lower case, with its dot (`.xlsx`), or `''`. */
function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** A number with thousands separators: 1,000,000. */
const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** What a workbook beyond a limit of {@link XLSX_LIMITS} is told, with the limit. */
function tooLarge(error: WorkbookTooLarge): Text {
  switch (error.limit) {
    case 'cells':
      return {
        zh: `工作簿太大：共有 ${count(error.found)} 个单元格（含只设了格式的空单元格），超过导入上限 ${count(error.max)} 个。`,
        en: `The workbook is too large: it has ${count(error.found)} cells (formatted empty ones included), beyond the import limit of ${count(error.max)}.`,
      };
    case 'partBytes':
      return {
        zh: `工作簿太大：其中的 ${error.part} 解压后超过导入上限 ${mb(error.max)}。`,
        en: `The workbook is too large: its part ${error.part} inflates to more than the import limit of ${mb(error.max)}.`,
      };
    default:
      return {
        zh: `工作簿太大：解压后超过导入上限 ${mb(error.max)}。`,
        en: `The workbook is too large: it inflates to more than the import limit of ${mb(error.max)}.`,
      };
  }
}

export function fileTooLarge(size: number, max: number): Text {
  const shown = `${Math.ceil(size / 1024 / 1024)} MB`;
  return {
    zh: `文件太大（${shown}），超过导入上限 ${mb(max)}。`,
    en: `The file is too large (${shown}), beyond the import limit of ${mb(max)}.`,
  };
}

/** What a reader of one kind of table (catalogs, forms) says in two of the hints, naming what it reads. */
export interface TableFileHints {
  /** When the file or one of its tables is beyond a size limit. */
  tooLarge: Text;
  /** When a web page holds no table. */
  noTableOnPage: Text;
}

/** The hints that name no kind of table. */
export const TABLE_HINTS: TableFileHints = {
  tooLarge: {
    zh: '把表格拆成几个较小的文件分别导入，或删除多余的行、列和空白格式后再导入。',
    en: 'Split the table into smaller files and import each, or delete extra rows, columns and blank formatting first.',
  },
  noTableOnPage: {
    zh: '检查是否选错了网页；表格若以图片或附件（PDF、Word、Excel）发布，需要导入附件原件。',
    en: 'Check that this is the right page; a table published as an image or an attachment (PDF, Word, Excel) must be imported from the original attachment.',
  },
};

const NO_TABLE: Record<ReadResult['format'], Text> = {
  xlsx: { zh: '工作簿中没有表格：所有工作表都是空的。', en: 'The workbook holds no table: every worksheet is empty.' },
  html: {
    zh: '网页中没有表格（<table>），或所有表格都是空的。',
    en: 'The page holds no table (<table>), or only empty ones.',
  },
  csv: { zh: 'CSV 文件中没有表格内容，只有空白。', en: 'The CSV file holds no table, only blanks.' },
};

const SAVE_AS_XLSX: Text = {
  zh: '在 Excel 或 WPS 中打开，另存为 .xlsx（“Excel 工作簿”）后再导入。',
  en: 'Open it in Excel or WPS, save it as .xlsx ("Excel Workbook"), then import that file.',
};

const REOPEN: Text = {
  zh: '在 Excel 或 WPS 中打开它：能打开就重新另存为 .xlsx 再导入；打不开则重新下载或向发布者索取原件。',
  en: 'Open it in Excel or WPS: if it opens, save it again as .xlsx and import that; if not, download it again or ask for the original.',
};

/** `path：message hint` in Chinese, `path: message hint` in English. */
export function tableFileError(
  path: string,
  lang: Lang,
  problem: TableFileProblem,
  message: Text,
  hint?: Text,
): TableFileError {
  const said = say(lang, message);
  const advice = hint ? say(lang, hint) : undefined;
  const text = said + (advice ? (lang === 'zh' ? '' : ' ') + advice : '');
  return new TableFileError(path, problem, `${path}${lang === 'zh' ? '：' : ': '}${text}`, said, advice);
}

interface Problem {
  problem: TableFileProblem;
  message: Text;
  hint?: Text;
}

const WORD_HINT: Text = {
  zh: '在 Word 或 WPS 中打开，另存为“网页（*.htm;*.html）”后导入该网页文件；或把表格复制到 Excel 中，保存为 .xlsx 后导入。',
  en: 'Open it in Word or WPS and save it as "Web Page (*.htm;*.html)", then import that page; or copy the table into Excel, save it as .xlsx and import that.',
};

const FORMATS_HINT: Text = {
  zh: 'zwgk 能导入 Excel 工作簿（.xlsx）、网页（.html、.htm）和 CSV 文件。',
  en: 'zwgk imports Excel workbooks (.xlsx), web pages (.html, .htm) and CSV files.',
};

/** Which reader a file's content calls for, or what is wrong with it. */
function sniff(bytes: Uint8Array, ext: string): 'xlsx' | 'html' | 'csv' | Problem {
  if (bytes.length === 0) return EMPTY;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return sniffZip(bytes, ext);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return sniffOle(bytes, ext);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (/^\s*%PDF-/.test(head)) {
    return {
      problem: 'pdf',
      message: {
        zh: '这是 PDF 文件，zwgk 不能从 PDF 中读取表格。',
        en: 'This is a PDF file; zwgk cannot read tables from PDF.',
      },
      hint: {
        zh: '请使用发布时的 Word 或 Excel 原件；若只有 PDF，用 WPS 等工具转换为 Excel（.xlsx），逐项核对后再导入。',
        en: 'Use the Word or Excel original; if there is only the PDF, convert it to Excel (.xlsx) with a tool such as WPS, check it item by item, then import it.',
      },
    };
  }
  if (head.startsWith('{\\rtf')) {
    return {
      problem: 'word',
      message: {
        zh: '这是 RTF 格式的 Word 文档，不是表格文件。',
        en: 'This is a Word document in RTF, not a table file.',
      },
      hint: WORD_HINT,
    };
  }
  if (IMAGES.some((sig) => startsWith(bytes, sig))) {
    return {
      problem: 'binary',
      message: { zh: '这是图片文件，不是表格文件。', en: 'This is an image, not a table file.' },
      hint: {
        zh: '图片中的表格需要先识别成 Excel 表格并逐项核对；最好向发布者索取 Excel 或 Word 原件。',
        en: 'A table in an image must first be recognised into an Excel sheet and checked item by item; better ask the publisher for the Excel or Word original.',
      },
    };
  }
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return binary(ext);
  const whole = decodeText(bytes);
  if (whole.trim() === '') return EMPTY;
  const text = whole.slice(0, 8192);
  const odd = (text.match(/[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]/g) ?? []).length;
  if (odd > Math.max(2, text.length / 100)) return binary(ext);
  if (/^\s*MIME-Version:/i.test(text) || /^Content-Type:\s*multipart\/related/im.test(text.slice(0, 2048))) {
    return {
      problem: 'unsupported',
      message: {
        zh: '这是“单个文件网页”（.mht/.mhtml），zwgk 读不了这种格式。',
        en: 'This is a single-file web page (.mht/.mhtml), a format zwgk does not read.',
      },
      hint: {
        zh: '在 Word 或 WPS 中另存为“网页（*.htm;*.html）”（不要选“单个文件网页”），或在浏览器中打开后另存为“网页，仅 HTML”，再导入。',
        en: 'Save it from Word or WPS as "Web Page (*.htm;*.html)" (not "Single File Web Page"), or open it in a browser and save it as "Web page, HTML only", then import that.',
      },
    };
  }
  if (/^\s*<[!?a-z]/i.test(text)) return 'html';
  if (['.html', '.htm', '.xhtml', '.shtml'].includes(ext) && /<table[\s>]/i.test(text)) return 'html';
  if (['.xlsx', '.xlsm'].includes(ext)) return TEXT_AS_WORKBOOK;
  return 'csv';
}

/** Plain text under a workbook's name: a damaged download, or text exported by a system under the wrong name. */
const TEXT_AS_WORKBOOK: Problem = {
  problem: 'corrupt',
  message: {
    zh: '文件已损坏或名不副实：扩展名是 Excel 工作簿，但内容是纯文本，不是 .xlsx 工作簿。',
    en: 'The file is damaged or misnamed: it is named as an Excel workbook but holds plain text, not an .xlsx workbook.',
  },
  hint: {
    zh: '若它是系统导出的 CSV 文本，把扩展名改为 .csv 再导入；否则在 Excel 或 WPS 中打开，另存为 .xlsx 再导入，打不开则重新下载或向发布者索取原件。',
    en: 'If it is CSV text exported by a system, rename it to .csv and import that; otherwise open it in Excel or WPS and save it as .xlsx, or download it again or ask for the original if it does not open.',
  },
};

const EMPTY: Problem = {
  problem: 'empty',
  message: { zh: '文件是空的。', en: 'The file is empty.' },
  hint: {
    zh: '检查是否选错了文件，或文件在保存、下载时是否出错。',
    en: 'Check that this is the right file and that it was saved or downloaded completely.',
  },
};

const IMAGES: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x49, 0x49, 0x2a, 0x00],
  [0x4d, 0x4d, 0x00, 0x2a],
];

function binary(ext: string): Problem {
  const claimed = ['.xlsx', '.xlsm', '.html', '.htm', '.csv'].includes(ext);
  return {
    problem: 'binary',
    message: claimed
      ? {
          zh: `文件扩展名是 ${ext}，但内容不是这种格式，而是无法识别的二进制数据。`,
          en: `The file is named ${ext} but its content is not that format; it is unrecognised binary data.`,
        }
      : {
          zh: '这不是表格文件，而是无法识别的二进制文件。',
          en: 'This is not a table file but unrecognised binary data.',
        },
    hint: FORMATS_HINT,
  };
}

function sniffZip(bytes: Uint8Array, ext: string): 'xlsx' | Problem {
  const entries = zipEntries(bytes);
  if (!entries) {
    return {
      problem: 'corrupt',
      message: ['.docx', '.zip'].includes(ext)
        ? { zh: '压缩包已损坏或不完整。', en: 'The archive is damaged or incomplete.' }
        : {
            zh: '文件已损坏或不完整，无法作为 Excel 工作簿（.xlsx）打开。',
            en: 'The file is damaged or incomplete and cannot be opened as an Excel workbook (.xlsx).',
          },
      hint: REOPEN,
    };
  }
  const names = new Set(entries.map((e) => e.name));
  const has = (name: string) => names.has(name);
  if (has('xl/workbook.xml')) return 'xlsx';
  if (has('word/document.xml')) {
    return {
      problem: 'word',
      message: {
        zh: '这是 Word 文档（.docx），不是表格文件。',
        en: 'This is a Word document (.docx), not a table file.',
      },
      hint: WORD_HINT,
    };
  }
  if (has('xl/workbook.bin')) {
    return {
      problem: 'unsupported',
      message: {
        zh: '这是 Excel 二进制工作簿（.xlsb），zwgk 读不了这种格式。',
        en: 'This is an Excel binary workbook (.xlsb), a format zwgk does not read.',
      },
      hint: SAVE_AS_XLSX,
    };
  }
  if (has('content.xml') && has('mimetype')) {
    return {
      problem: 'unsupported',
      message: {
        zh: '这是 OpenDocument 文档（如 .ods、.odt），zwgk 读不了这种格式。',
        en: 'This is an OpenDocument file (such as .ods or .odt), a format zwgk does not read.',
      },
      hint: SAVE_AS_XLSX,
    };
  }
  if (['.xlsx', '.xlsm'].includes(ext)) {
    return {
      problem: 'corrupt',
      message: {
        zh: '文件已损坏：扩展名是 Excel 工作簿，但里面没有工作簿内容（缺少 xl/workbook.xml）。',
        en: 'The file is damaged: it is named as an Excel workbook but holds no workbook (xl/workbook.xml is missing).',
      },
      hint: REOPEN,
    };
  }
  return {
    problem: 'unsupported',
    message: {
      zh: '这是一个压缩包（或其他基于 zip 的文件），不是表格文件。',
      en: 'This is a zip archive (or another zip-based file), not a table file.',
    },
    hint: {
      zh: '先解压，再导入其中的 .xlsx、.html 或 .csv 文件。',
      en: 'Unpack it and import the .xlsx, .html or .csv file inside.',
    },
  };
}

function sniffOle(bytes: Uint8Array, ext: string): Problem {
  const streams = oleStreamNames(bytes);
  if (streams.has('EncryptedPackage') && streams.has('EncryptionInfo')) {
    return {
      problem: 'encrypted',
      message: {
        zh: '这个 Office 文件设置了打开密码，zwgk 无法读取加密的文件。',
        en: 'This Office file is protected with a password to open; zwgk cannot read encrypted files.',
      },
      hint: {
        zh: '先在 Excel 或 WPS 中用密码打开，取消打开密码（文件加密设置中清空密码）后保存为 .xlsx，再导入。',
        en: 'Open it in Excel or WPS with the password, remove the password (clear it in the encryption settings), save it as .xlsx, then import that.',
      },
    };
  }
  if (streams.has('WordDocument')) {
    return {
      problem: 'word',
      message: {
        zh: '这是旧版 Word 文档（.doc），不是表格文件。',
        en: 'This is an old Word document (.doc), not a table file.',
      },
      hint: WORD_HINT,
    };
  }
  const workbook = streams.has('Workbook') || streams.has('Book') || ['.xls', '.et', '.xlt'].includes(ext);
  return {
    problem: 'xls',
    message: workbook
      ? {
          zh: '这是旧版 Excel 文件（.xls，Excel 97–2003 格式），zwgk 不能直接读取。',
          en: 'This is an old Excel file (.xls, the Excel 97–2003 format), which zwgk cannot read directly.',
        }
      : {
          zh: '这是旧版 Office 格式（Office 97–2003）的文件，不是表格文件。',
          en: 'This is a file in an old Office format (Office 97–2003), not a table file.',
        },
    hint: SAVE_AS_XLSX,
  };
}

/**
 * Names of the streams and storages in an OLE2 compound file: directory entries are 128 bytes,
 * aligned to 128 from the file start, with a UTF-16LE name, its byte length (with the terminating
 * NUL) and an entry type of 1 (storage), 2 (stream) or 5 (root).
 */
function oleStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf16 = new TextDecoder('utf-16le');
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = view.getUint16(at + 64, true);
    const type = bytes[at + 66];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (view.getUint16(at + length - 2, true) !== 0) continue;
    const name = utf16.decode(bytes.subarray(at, at + length - 2));
    if (/^[\x01-\x06]?[\x20-\x7e]+$/.test(name)) names.add(name.replace(/^[\x01-\x06]/, ''));
  }
  return names;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}
