import { truncateSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTableFile, TableFileError } from '../../src/tables/read-file.js';
import { FILE_LIMITS, WorkbookTooLarge, XLSX_LIMITS } from '../../src/tables/limits.js';
import { checkWorkbookSize } from '../../src/tables/size-limits.js';
import { tempDir } from '../_helpers/cli.js';
import {
  catalogRows,
  deflatedSpaces,
  sheetXml,
  workbookParts,
  zipPackage,
  type PackagePart,
} from '../_helpers/xlsx-package.js';

const small = { partBytes: 1024 * 1024, totalBytes: 2 * 1024 * 1024, cells: 1000 };

function thrown(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The worksheet part replaced by `part`. */
const withSheet = (part: Omit<PackagePart, 'name'>) =>
  zipPackage(workbookParts('').map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { ...p, ...part } : p)));

async function readError(bytes: Uint8Array, lang: 'zh' | 'en' = 'zh'): Promise<TableFileError> {
  const { dir, cleanup } = tempDir({ 'big.xlsx': bytes });
  try {
    const error = await readTableFile(`${dir}/big.xlsx`, lang).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TableFileError);
    return error as TableFileError;
  } finally {
    cleanup();
  }
}

describe('checkWorkbookSize', () => {
  it('lets a workbook within the limits through', () => {
    expect(() => checkWorkbookSize(zipPackage(workbookParts(sheetXml(catalogRows(150)))), small)).not.toThrow();
  });

  it('counts the cells of every worksheet, prefixed and empty ones too', () => {
    const error = thrown(() => checkWorkbookSize(zipPackage(workbookParts(sheetXml(catalogRows(200)))), small));
    expect(error).toBeInstanceOf(WorkbookTooLarge);
    expect(error).toMatchObject({ limit: 'cells', max: 1000, found: 201 * 6 });
    const plain =
      '<worksheet><cols><col min="1"/></cols><sheetData><row r="1">' +
      '<c r="A1"/><c r="B1" s="2"><v>1</v></c><c\n/>'.repeat(400) +
      '</row></sheetData></worksheet>';
    expect(thrown(() => checkWorkbookSize(withSheet({ data: plain }), small))).toMatchObject({
      limit: 'cells',
      found: 1200,
    });
    const prefixed =
      '<x:worksheet xmlns:x="urn:x"><x:sheetData><x:row r="1">' +
      '<x:c r="A1"/><x:c r="B1"><x:v>1</x:v></x:c><x:c\n/>'.repeat(400) +
      '</x:row></x:sheetData></x:worksheet>';
    expect(thrown(() => checkWorkbookSize(withSheet({ data: prefixed }), small))).toMatchObject({
      limit: 'cells',
      found: 1200,
    });
  });

  it('refuses a part whose stated size is beyond the limit, before inflating anything', () => {
    const error = thrown(() => checkWorkbookSize(withSheet({ data: 'x', declaredSize: small.partBytes + 1 }), small));
    expect(error).toMatchObject({ limit: 'partBytes', part: 'xl/worksheets/sheet1.xml', found: small.partBytes + 1 });
  });

  it('stops inflating a ZIP bomb (a part that lies about its size) at the part limit', () => {
    const bytes = withSheet({ data: '', deflated: deflatedSpaces(8), declaredSize: 100 });
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(thrown(() => checkWorkbookSize(bytes, small))).toMatchObject({
      limit: 'partBytes',
      part: 'xl/worksheets/sheet1.xml',
    });
  });

  it('refuses parts that together inflate beyond the total limit', () => {
    const parts = workbookParts(sheetXml(catalogRows(10)));
    for (let i = 0; i < 3; i++)
      parts.push({ name: `xl/media/filler${i}.bin`, data: Buffer.alloc(900 * 1024, i), declaredSize: 10 });
    expect(thrown(() => checkWorkbookSize(zipPackage(parts), small))).toMatchObject({
      limit: 'totalBytes',
      max: small.totalBytes,
    });
  });
});

describe('readTableFile: large workbooks are refused as too large, never as damaged', () => {
  it('a valid workbook of a million rows, naming the cells it has and the limit', async () => {
    const bytes = zipPackage(workbookParts(sheetXml(catalogRows(1_000_000))));
    const error = await readError(bytes);
    expect(error.problem).toBe('too-large');
    expect(error.message).toContain(
      '工作簿太大：共有 6,000,006 个单元格（含只设了格式的空单元格），超过导入上限 1,000,000 个。',
    );
    expect(error.message).not.toMatch(/损坏|damaged/);
  }, 120_000);

  it('a ZIP bomb at the real limits, in English too', async () => {
    const bytes = withSheet({
      data: '',
      deflated: deflatedSpaces(XLSX_LIMITS.partBytes / 1024 / 1024 + 1),
      declaredSize: 1000,
    });
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const error = await readError(bytes, 'en');
    expect(error.problem).toBe('too-large');
    expect(error.message).toContain(
      'The workbook is too large: its part xl/worksheets/sheet1.xml inflates to more than the import limit of 512 MB.',
    );
  }, 120_000);
});

describe('readTableFile: other files beyond the limits', () => {
  async function errorFor(name: string, write: (path: string) => void): Promise<TableFileError> {
    const { dir, cleanup } = tempDir();
    try {
      write(`${dir}/${name}`);
      const error = await readTableFile(`${dir}/${name}`, 'zh').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TableFileError);
      return error as TableFileError;
    } finally {
      cleanup();
    }
  }

  it('a file over 1 GB, refused before it is read', async () => {
    const error = await errorFor('huge.csv', (path) =>
      truncateSync((writeFileSync(path, ''), path), FILE_LIMITS.fileBytes + 1),
    );
    expect(error.problem).toBe('too-large');
    expect(error.message).toContain('文件太大（1025 MB），超过导入上限 1024 MB。');
  });

  it('a web page or CSV file over 64 MB', async () => {
    const error = await errorFor('big.csv', (path) =>
      writeFileSync(path, Buffer.alloc(FILE_LIMITS.textBytes + 1, 'a,b\n')),
    );
    expect(error.problem).toBe('too-large');
    expect(error.message).toContain('超过导入上限 64 MB');
  });

  it('a CSV file whose rows and columns span more than a million cells', async () => {
    const line = `x${','.repeat(999)}y\n`;
    const error = await errorFor('wide.csv', (path) => writeFileSync(path, `公开事项,公开内容\n${line.repeat(1000)}`));
    expect(error.problem).toBe('too-large');
    expect(error.message).toContain('表格太大：行数乘列数共 1,001,000 个单元格，超过导入上限 1,000,000 个。');
  });
});
