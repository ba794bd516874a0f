import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellAt, textAt, type Grid, type GridCell } from '../../src/tables/grid.js';
import { readXlsx, SheetTooLarge, sheetRef, UnreadableWorkbook } from '../../src/tables/read-xlsx.js';
import { workbookParts, zipPackage } from '../_helpers/xlsx-package.js';

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Each row as texts, with `^` for a position covered by a merged cell. */
function texts(grid: Grid): string[][] {
  return grid.rows.map((row) => row.map((slot) => (slot.kind === 'cell' ? slot.text : '^')));
}

function spans(grid: Grid): string[] {
  return grid.rows.flatMap((row) =>
    row
      .filter((s): s is GridCell => s.kind === 'cell' && (s.rowSpan > 1 || s.colSpan > 1))
      .map((s) => `${s.ref} ${s.rowSpan}x${s.colSpan}`),
  );
}

describe('readXlsx', () => {
  it('reads the canonical two-row header and vertically merged first-level items', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('安全生产');
    sheet.addRow(['序号', '公开事项', null, '公开内容（要素）', '公开对象', null]);
    sheet.addRow([null, '一级事项', '二级事项', null, '全社会', '特定群体']);
    sheet.addRow([1, '安全生产 ', '法规  政策', '《安 全生产法》\n《条例》', '√', '']);
    sheet.addRow([2, null, '（一）行政许可', '信息形成或 者变更之日起20个工作日内', '', '√']);
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('B1:C1');
    sheet.mergeCells('D1:D2');
    sheet.mergeCells('E1:F1');
    sheet.mergeCells('B3:B4');
    const { format, grids } = await readXlsx(await bytesOf(workbook), 'catalog.xlsx');
    expect(format).toBe('xlsx');
    expect(grids).toHaveLength(1);
    const grid = grids[0]!;
    expect(grid.name).toBe('安全生产');
    expect(grid.before).toEqual([]);
    expect(grid.hidden).toBeUndefined();
    expect(texts(grid)).toEqual([
      ['序号', '公开事项', '^', '公开内容（要素）', '公开对象', '^'],
      ['^', '一级事项', '二级事项', '^', '全社会', '特定群体'],
      ['1', '安全生产 ', '法规  政策', '《安 全生产法》\n《条例》', '√', ''],
      ['2', '^', '（一）行政许可', '信息形成或 者变更之日起20个工作日内', '', '√'],
    ]);
    expect(spans(grid)).toEqual([
      '安全生产!A1 2x1',
      '安全生产!B1 1x2',
      '安全生产!D1 2x1',
      '安全生产!E1 1x2',
      '安全生产!B3 2x1',
    ]);
    expect(grid.rows[3]![1]).toEqual({ kind: 'covered', row: 2, col: 1 });
    expect(textAt(grid, 3, 1)).toBe('安全生产 ');
    expect(cellAt(grid, 3, 2)!.ref).toBe('安全生产!C4');
    expect(cellAt(grid, 2, 5)!.ref).toBe('安全生产!F3');
  });

  it('shows numbers, dates, formulas, rich text, hyperlinks and errors as Excel does', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    const values: ExcelJS.CellValue[] = [
      505,
      0.1 + 0.2,
      new Date(Date.UTC(2024, 7, 29)),
      { formula: 'A1&"号"', result: '505号' },
      { formula: 'A1+1', result: 506 },
      { richText: [{ text: '安全' }, { text: '生产', font: { bold: true } }, { text: ' 法' }] },
      { text: '政府网站', hyperlink: 'http://www.example.gov.cn/' },
      { error: '#N/A' },
      true,
      '第一行\r\n第二行',
    ];
    sheet.addRow(values);
    sheet.getCell('K1').value = 505;
    sheet.getCell('K1').numFmt = '0000';
    sheet.getCell('L1').value = 12.5;
    sheet.getCell('L1').numFmt = '0.00';
    sheet.getCell('M1').value = 1234567;
    sheet.getCell('M1').numFmt = '#,##0';
    sheet.getCell('N1').value = 0.25;
    sheet.getCell('N1').numFmt = '0%';
    sheet.getCell('O1').value = new Date(Date.UTC(2024, 7, 29, 9, 30));
    sheet.getCell('O1').numFmt = 'yyyy-mm-dd hh:mm';
    sheet.getCell('P1').value = 7.5;
    sheet.getCell('P1').numFmt = '[Red]0.00_ ;[Red]-0.00 ';
    sheet.getCell('Q1').value = new Date(Date.UTC(2024, 0, 5));
    sheet.getCell('Q1').numFmt = 'yyyy"年"m"月"d"日"';
    const [grid] = (await readXlsx(await bytesOf(workbook), 'x.xlsx')).grids;
    expect(texts(grid!)).toEqual([
      [
        '505',
        '0.3',
        '2024-08-29',
        '505号',
        '506',
        '安全生产 法',
        '政府网站',
        '#N/A',
        'TRUE',
        '第一行\n第二行',
        '0505',
        '12.50',
        '1,234,567',
        '25%',
        '2024-08-29 09:30',
        '7.50',
        '2024-01-05',
      ],
    ]);
  });

  it('quotes sheet names in refs the way Excel does', async () => {
    expect(sheetRef('安全生产')).toBe('安全生产');
    expect(sheetRef('Sheet1')).toBe('Sheet1');
    expect(sheetRef('my sheet')).toBe("'my sheet'");
    expect(sheetRef("O'Brien")).toBe("'O''Brien'");
    expect(sheetRef('2024')).toBe("'2024'");
    expect(sheetRef('A1')).toBe("'A1'");
    expect(sheetRef('一、安全生产')).toBe("'一、安全生产'");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('my sheet').getCell('B2').value = '公开';
    const [grid] = (await readXlsx(await bytesOf(workbook), 'x.xlsx')).grids;
    expect(grid!.name).toBe('my sheet');
    expect(cellAt(grid!, 1, 1)!.ref).toBe("'my sheet'!B2");
    expect(cellAt(grid!, 0, 0)!.ref).toBe("'my sheet'!A1");
  });

  it('skips empty sheets, keeps hidden ones marked, and keeps tab order', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').getCell('A1').value = '填报说明';
    const empty = workbook.addWorksheet('空表');
    empty.getCell('C3').border = { top: { style: 'thin' } };
    empty.getCell('D4').value = '';
    const hidden = workbook.addWorksheet('底稿', { state: 'hidden' });
    hidden.getCell('A1').value = '序号';
    workbook.addWorksheet('目录').getCell('A1').value = '公开事项';
    const grids = (await readXlsx(await bytesOf(workbook), 'x.xlsx')).grids;
    expect(grids.map((g) => g.name)).toEqual(['说明', '底稿', '目录']);
    expect(grids.map((g) => g.hidden)).toEqual([undefined, true, undefined]);
  });

  it('pads rows to the used width, drops trailing blank rows and ignores styled empty cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = '标题';
    sheet.getCell('A2').value = '序号';
    sheet.getCell('C2').value = '公开主体';
    sheet.getCell('B2').value = '  ';
    // Blank text beyond the last non-blank row or column does not extend the grid.
    sheet.getCell('B3').value = '  ';
    sheet.getCell('D1').value = '\u3000';
    for (const address of ['A5', 'H2', 'C9']) sheet.getCell(address).border = { top: { style: 'thin' } };
    const [grid] = (await readXlsx(await bytesOf(workbook), 'x.xlsx')).grids;
    expect(texts(grid!)).toEqual([
      ['标题', '', ''],
      ['序号', '  ', '公开主体'],
    ]);
    expect(grid!.rows[0]![2]).toEqual({ kind: 'cell', text: '', rowSpan: 1, colSpan: 1, ref: 'S!C1' });
  });

  it('extends the grid to a merged title and ignores text in covered positions', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('S');
    sheet.getCell('A1').value = '（三）安全生产领域基层政务公开标准目录';
    sheet.mergeCells('A1:E1');
    sheet.getCell('A2').value = '序号';
    sheet.getCell('B2').value = '事项';
    // A blank merge far away does not widen the grid.
    sheet.mergeCells('J10:K12');
    const bytes = await bytesOf(workbook);
    const [grid] = (await readXlsx(bytes, 'x.xlsx')).grids;
    expect(texts(grid!)).toEqual([
      ['（三）安全生产领域基层政务公开标准目录', '^', '^', '^', '^'],
      ['序号', '事项', '', '', ''],
    ]);
    expect(spans(grid!)).toEqual(['S!A1 1x5']);
  });

  it('reads a sheet of 20,000 rows and 12,000 merges in seconds', async () => {
    const bytes = await bigWorkbook(20_000);
    const started = performance.now();
    const [grid] = (await readXlsx(bytes, 'big.xlsx')).grids;
    const seconds = (performance.now() - started) / 1000;
    expect(grid!.rows).toHaveLength(20_000);
    expect(spans(grid!)).toHaveLength(12_000);
    expect(textAt(grid!, 19_999, 1)).toBe('一级19996');
    expect(cellAt(grid!, 19_999, 3)!.ref).toBe('大表!D19996');
    // exceljs applying the merges itself (each checked against every earlier one) takes about ten times as long.
    expect(seconds).toBeLessThan(10);
  }, 60_000);

  it('refuses a sheet whose text reaches too far, naming the range', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.getCell('A1').value = '序号';
    sheet.getCell('XFD1048576').value = 'x';
    const error = await readXlsx(await bytesOf(workbook), 'x.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetTooLarge);
    expect(error).toMatchObject({ sheet: '目录', range: 'A1:XFD1048576' });
  });

  it('reads rows and cells written without their number or address (optional in the format) where they follow', async () => {
    const cell = (t: string, r = '') => `<c${r ? ` r="${r}"` : ''} t="inlineStr"><is><t>${t}</t></is></c>`;
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>${cell('序号')}${cell('公开事项')}</row><row>${cell('1')}${cell('政策文件')}</row><row r="4">${cell('3', 'B4')}${cell('规划')}</row><row>${cell('x')}</row></sheetData></worksheet>`;
    const [grid] = (await readXlsx(zipPackage(workbookParts(xml, 'S')), 'x.xlsx')).grids;
    expect(texts(grid!)).toEqual([
      ['序号', '公开事项', ''],
      ['1', '政策文件', ''],
      ['', '', ''],
      ['', '3', '规划'],
      ['x', '', ''],
    ]);
    expect(cellAt(grid!, 3, 2)!.ref).toBe('S!C4');
  });

  it('reports a damaged package as UnreadableWorkbook', async () => {
    await expect(readXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'bad.xlsx')).rejects.toBeInstanceOf(
      UnreadableWorkbook,
    );
  });
});

/** A workbook of `rows` rows whose columns B, D and E are merged in blocks of five rows. */
async function bigWorkbook(rows: number): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  // The streaming writer, since the in-memory one takes minutes to add this many merges.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true });
  const sheet = workbook.addWorksheet('大表');
  for (let top = 1; top <= rows; top += 5) {
    const block = [0, 1, 2, 3, 4].map((k) =>
      sheet.addRow([top + k, `一级${top}`, `二级${top + k}`, '《安 全生产法》', '√']),
    );
    for (const col of [2, 4, 5]) sheet.mergeCells(top, col, top + 4, col);
    for (const row of block) row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
