import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ZwgkError } from '../../src/errors.js';
import { textAt } from '../../src/tables/grid.js';
import {
  readTableFile,
  TableFileError,
  type TableFileHints,
  type TableFileProblem,
} from '../../src/tables/read-file.js';
import { buildZip } from '../_helpers/excel.js';

const dir = mkdtempSync(join(tmpdir(), 'zwgk-read-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function xlsx(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const catalogXlsx = () =>
  xlsx((workbook) => {
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(['序号', '公开事项']);
    sheet.addRow([1, '安全生产']);
  });

/** A small OLE2 compound file (version 3, 512-byte sectors) whose directory lists these entries. */
function ole2(entries: { name: string; type: 1 | 2 }[]): Uint8Array {
  const all = [{ name: 'Root Entry', type: 5 }, ...entries];
  const dirSectors = Math.ceil(all.length / 4);
  const bytes = new Uint8Array(512 * (2 + dirSectors));
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x3e, true);
  view.setUint16(0x1a, 3, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true);
  view.setUint32(0x30, 1, true);
  view.setUint32(0x38, 4096, true);
  view.setUint32(0x3c, 0xfffffffe, true);
  view.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(0x4c + 4 * i, i === 0 ? 0 : 0xffffffff, true);
  // Sector 0: the FAT. Sector 1 on: the directory chain.
  for (let i = 0; i < 128; i++) view.setUint32(512 + 4 * i, 0xffffffff, true);
  view.setUint32(512, 0xfffffffd, true);
  for (let s = 1; s <= dirSectors; s++) view.setUint32(512 + 4 * s, s === dirSectors ? 0xfffffffe : s + 1, true);
  all.forEach((entry, i) => {
    const at = 1024 + 128 * i;
    const name = Buffer.from(entry.name + '\0', 'utf16le');
    bytes.set(name, at);
    view.setUint16(at + 64, name.length, true);
    bytes[at + 66] = entry.type;
    view.setUint32(at + 68, 0xffffffff, true);
    view.setUint32(at + 72, 0xffffffff, true);
    view.setUint32(at + 76, 0xffffffff, true);
  });
  return bytes;
}

const zip = (...names: string[]) => buildZip(names.map((name) => ({ name, data: '<x/>', time: 0, date: 0x21 })));

/** Deterministic noise without NUL-free luck: a linear congruential generator. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 20240829;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    bytes[i] = seed >>> 24;
  }
  return bytes;
}

async function failure(path: string, lang: 'zh' | 'en' = 'zh'): Promise<TableFileError> {
  const error = await readTableFile(path, lang).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TableFileError);
  expect(error).toBeInstanceOf(ZwgkError);
  expect((error as TableFileError).exitCode).toBe(2);
  expect((error as TableFileError).file).toBe(path);
  return error as TableFileError;
}

describe('readTableFile: choosing the reader', () => {
  it('reads a workbook', async () => {
    const result = await readTableFile(file('catalog.xlsx', await catalogXlsx()), 'zh');
    expect(result.format).toBe('xlsx');
    expect(textAt(result.grids[0]!, 1, 1)).toBe('安全生产');
    expect(result.encoding).toBeUndefined();
  });

  it('reads by content: a page saved as .xls is a page, a CSV named .txt is CSV', async () => {
    const page = await readTableFile(
      file('export.xls', '<table><tr><td>序号</td><td>公开事项</td></tr></table>'),
      'zh',
    );
    expect(page.format).toBe('html');
    expect(textAt(page.grids[0]!, 0, 1)).toBe('公开事项');
    const csv = await readTableFile(file('catalog.txt', '序号\t公开事项\n1\t安全生产\n'), 'zh');
    expect(csv.format).toBe('csv');
    expect(csv.grids[0]!.name).toBe('catalog.txt');
    expect(textAt(csv.grids[0]!, 1, 1)).toBe('安全生产');
  });

  it('reads a page whose text comes before its markup when the extension says HTML', async () => {
    const result = await readTableFile(file('fragment.htm', '目录如下\n<table><tr><td>公开</td></tr></table>'), 'zh');
    expect(result.format).toBe('html');
    expect(result.grids[0]!.before).toEqual(['目录如下']);
  });

  it('decodes a page by the charset it declares (GB2312) or its BOM (UTF-16), and a GBK CSV', async () => {
    const head = Buffer.from(
      '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><table><tr><td>',
    );
    const tail = Buffer.from('</td></tr></table></body></html>');
    const page = await readTableFile(
      file('word.htm', Buffer.concat([head, Buffer.from([0xb9, 0xab, 0xbf, 0xaa]), tail])),
      'zh',
    );
    expect(textAt(page.grids[0]!, 0, 0)).toBe('公开');
    expect(page.encoding).toBe('gb18030');
    const unicode = Buffer.from(
      '\ufeff<html><head><meta charset="unicode"></head><body><table><tr><td>公开</td></tr></table></body></html>',
      'utf16le',
    );
    const unicodePage = await readTableFile(file('unicode.htm', unicode), 'zh');
    expect(textAt(unicodePage.grids[0]!, 0, 0)).toBe('公开');
    expect(unicodePage.encoding).toBe('utf-16le');
    const csv = await readTableFile(file('gbk.csv', new Uint8Array([0xb9, 0xab, 0xbf, 0xaa, 0x2c, 0x31, 0x0a])), 'zh');
    expect(csv.grids[0]!.rows[0]!.map((s) => (s.kind === 'cell' ? s.text : ''))).toEqual(['公开', '1']);
    expect(csv.encoding).toBe('gb18030');
  });
});

describe('readTableFile: files it cannot read', () => {
  it('says a missing file does not exist, in either language', async () => {
    const path = join(dir, 'missing.xlsx');
    expect((await failure(path)).message).toBe(`${path}：文件不存在。检查文件名和路径是否写对。`);
    const en = await failure(path, 'en');
    expect(en.problem).toBe('not-found');
    expect(en.message).toBe(`${path}: No such file. Check the file name and path.`);
  });

  it('says a directory is not a file', async () => {
    const path = join(dir, 'folder.xlsx');
    mkdirSync(path);
    const error = await failure(path);
    expect(error.problem).toBe('unreadable');
    expect(error.message).toContain('这是一个目录');
  });

  const cases: [string, string, () => Uint8Array | Promise<Uint8Array> | string, TableFileProblem, string, string][] = [
    ['an empty file', 'empty.csv', () => new Uint8Array(0), 'empty', '文件是空的', 'The file is empty'],
    [
      'a file of a BOM and blanks',
      'blank.csv',
      () => new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a]),
      'empty',
      '文件是空的',
      'The file is empty',
    ],
    [
      'an old .xls workbook',
      'old.xls',
      () => ole2([{ name: 'Workbook', type: 2 }]),
      'xls',
      '另存为 .xlsx',
      'save it as .xlsx',
    ],
    [
      'an OLE2 file named .xls with no workbook stream',
      'odd.xls',
      () => ole2([{ name: 'Data', type: 2 }]),
      'xls',
      '旧版 Excel 文件',
      'old Excel file',
    ],
    [
      'a password-protected workbook',
      'locked.xlsx',
      () =>
        ole2([
          { name: '\u0006DataSpaces', type: 1 },
          { name: 'EncryptionInfo', type: 2 },
          { name: 'EncryptedPackage', type: 2 },
        ]),
      'encrypted',
      '取消打开密码',
      'remove the password',
    ],
    [
      'an old Word document',
      'catalog.doc',
      () =>
        ole2([
          { name: 'WordDocument', type: 2 },
          { name: '1Table', type: 2 },
        ]),
      'word',
      '另存为“网页（*.htm;*.html）”',
      'Web Page (*.htm;*.html)',
    ],
    [
      'a .docx',
      'catalog.docx',
      () => zip('[Content_Types].xml', 'word/document.xml'),
      'word',
      '复制到 Excel',
      'copy the table into Excel',
    ],
    [
      'a zip named .xlsx without a workbook',
      'broken.xlsx',
      () => zip('[Content_Types].xml', 'xl/styles.xml'),
      'corrupt',
      'xl/workbook.xml',
      'xl/workbook.xml is missing',
    ],
    ['a zip archive', 'tables.zip', () => zip('a.xlsx', 'b.csv'), 'unsupported', '先解压', 'Unpack it'],
    [
      'a truncated workbook',
      'cut.xlsx',
      async () => (await catalogXlsx()).subarray(0, 2000),
      'corrupt',
      '文件已损坏或不完整',
      'damaged or incomplete',
    ],
    [
      'a workbook whose parts are not XML',
      'garbled.xlsx',
      () =>
        zip('[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml').map((b) => (b === 0x3c ? 0x7b : b)),
      'corrupt',
      '无法作为 Excel 工作簿打开',
      'cannot be opened as an Excel workbook',
    ],
    [
      'a PDF',
      'catalog.pdf',
      () => '%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
      'pdf',
      'PDF',
      'PDF',
    ],
    [
      'an image',
      'scan.csv',
      () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'binary',
      '图片',
      'image',
    ],
    ['random bytes', 'noise.xlsx', () => noise(4096), 'binary', '扩展名是 .xlsx', 'named .xlsx'],
    [
      'plain text named .xlsx',
      'export.xlsx',
      () => '序号,公开事项\n1,安全生产\n',
      'corrupt',
      '把扩展名改为 .csv',
      'rename it to .csv',
    ],
    [
      'a single-file web page',
      'page.mht',
      () => 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart"\r\n\r\n',
      'unsupported',
      '单个文件网页',
      'Single File Web Page',
    ],
    [
      'a page with no table',
      'news.html',
      () => '<html><body><h1>通知</h1><p>没有表格</p></body></html>',
      'no-table',
      '网页中没有表格',
      'The page holds no table',
    ],
    [
      'a workbook of empty sheets',
      'blank.xlsx',
      () =>
        xlsx((w) => {
          w.addWorksheet('Sheet1').getCell('B2');
        }),
      'no-table',
      '所有工作表都是空的',
      'every worksheet is empty',
    ],
    [
      'a sheet with a stray entry far away',
      'stray.xlsx',
      () => xlsx((w) => void (w.addWorksheet('目录').getCell('ZZ200000').value = 'x')),
      'too-large',
      'A1:ZZ200000',
      'A1:ZZ200000',
    ],
    ['a CSV of separators only', 'commas.csv', () => ',,,\n,,,\n', 'no-table', '只有空白', 'only blanks'],
    [
      'an Excel 2003 XML spreadsheet',
      'old.xml',
      () =>
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="S"/></Workbook>',
      'unsupported',
      'Excel 2003 XML',
      'Excel 2003 XML',
    ],
  ];

  it.each(cases)('explains %s', async (_what, name, content, problem, zh, en) => {
    const path = file(name, await content());
    const error = await failure(path);
    expect(error.problem).toBe(problem);
    expect(error.message.startsWith(`${path}：`)).toBe(true);
    expect(error.message).toContain(zh);
    const english = await failure(path, 'en');
    expect(english.message.startsWith(`${path}: `)).toBe(true);
    expect(english.message).toContain(en);
  });
});

describe('readTableFile: hints in the words of what is read', () => {
  const page = () => file('hints.html', '<html><body><p>没有表格</p></body></html>');
  const refusal = async (hints?: TableFileHints) =>
    readTableFile(page(), 'zh', hints).then(
      () => expect.fail('read'),
      (error: unknown) => (error as Error).message,
    );

  it('names no kind of table unless told', async () => {
    expect(await refusal()).toContain('表格若以图片或附件');
  });

  it("gives the caller's words for what it reads", async () => {
    const said = { zh: '申报表若以图片发布，需要导入原件。', en: 'A form published as an image: import the original.' };
    expect(await refusal({ tooLarge: said, noTableOnPage: said })).toContain('申报表若以图片发布');
  });
});
