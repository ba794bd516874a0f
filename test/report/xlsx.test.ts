import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build-report.js';
import { orderFindings } from '../../src/report/findings-view.js';
import { xlsx } from '../../src/report/xlsx.js';
import { manyFindings } from '../_helpers/findings-report.js';

const ctx = { lang: 'zh' as const, color: false, sources: new Map<string, string>() };

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

const text = (v: ExcelJS.CellValue) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

describe('the findings workbook', () => {
  const report = manyFindings();

  it('has a row per finding, in the report order, with every column', async () => {
    expect(report.diagnostics.length).toBeGreaterThanOrEqual(50);
    const sheet = (await read(await xlsx(report, ctx))).getWorksheet('问题明细')!;
    expect((sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      '序号',
      '文件',
      '工作表',
      '单元格或行',
      '事项',
      '问题',
      '修改建议',
      '级别',
      '规则',
    ]);
    const ordered = orderFindings(report);
    expect(sheet.rowCount).toBe(2 + ordered.length);
    ordered.forEach((d, i) => {
      const row = sheet.getRow(3 + i);
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).value).toBe(d.file);
      expect(row.getCell(6).value).toBe(d.message);
      expect(text(row.getCell(7).value)).toBe(d.hint ?? '');
      expect(row.getCell(8).value).toBe(d.severity === 'error' ? '错误' : '警告');
      expect(row.getCell(9).value).toBe(d.code);
      if (d.range) expect(row.getCell(4).value).toBe(`第 ${d.range.start.line} 行 第 ${d.range.start.column} 列`);
    });
    const first = ordered.findIndex((d) => d.cell?.ref === "'义务教育'!F14");
    expect([sheet.getCell(3 + first, 3).value, sheet.getCell(3 + first, 4).value]).toEqual(['义务教育', 'F14']);
  });

  it('writes every text as text: no formula from a message or hint starting with = + - @', async () => {
    const sheet = (await read(await xlsx(report, ctx))).getWorksheet('问题明细')!;
    const all: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((c) => all.push(c)));
    expect(all.filter((c) => c.type === ExcelJS.ValueType.Formula || c.type === ExcelJS.ValueType.RichText)).toEqual(
      [],
    );
    const risky = all.filter((c) => /^[=+\-@]/.test(text(c.value)));
    expect(risky.map((c) => text(c.value)).sort()).toEqual(
      [
        '+1 改为 政府网站',
        '-1+1 & <b>粗</b>',
        '-2',
        '=HYPERLINK("http://example.invalid","点我")',
        '@SUM(A1:A3)',
      ].sort(),
    );
    for (const c of risky) expect(c.type).toBe(ExcelJS.ValueType.String);
  });

  it('sums up the files, errors, warnings and the counts by rule', async () => {
    const sheet = (await read(await xlsx(report, ctx))).getWorksheet('汇总')!;
    expect(sheet.getCell('A1').value).toBe('目录检查结果');
    expect([4, 5, 6].map((r) => [sheet.getCell(r, 1).value, sheet.getCell(r, 2).value])).toEqual([
      ['检查的文件', 4],
      ['错误', report.errorCount],
      ['警告', report.warningCount],
    ]);
    const codes = new Set(report.diagnostics.map((d) => d.code));
    const counted = new Map<string, number>();
    for (let r = 9; r < 9 + codes.size; r++)
      counted.set(text(sheet.getCell(r, 1).value), Number(sheet.getCell(r, 4).value));
    expect(counted).toEqual(new Map([...codes].map((c) => [c, report.diagnostics.filter((d) => d.code === c).length])));
    expect(sheet.getCell(9 + codes.size, 4).value).toBe(report.diagnostics.length);
  });

  it('prints on A4 landscape, fitted to the width, the heading repeated, text wrapped', async () => {
    const sheet = (await read(await xlsx(report, ctx))).getWorksheet('问题明细')!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    expect(sheet.getCell(3, 6).alignment).toMatchObject({ wrapText: true });
  });

  it('gives the same bytes twice, speaks English, and says when there is nothing to report', async () => {
    expect(Buffer.from(await xlsx(report, ctx)).equals(Buffer.from(await xlsx(manyFindings(), ctx)))).toBe(true);
    const en = await read(await xlsx(report, { ...ctx, lang: 'en' }));
    expect(en.worksheets.map((s) => s.name)).toEqual(['Summary', 'Findings']);
    expect(en.getWorksheet('Findings')!.getCell(2, 6).value).toBe('Problem');
    const none = await read(await xlsx(buildReport(['ok.yaml'], [], new Map()), ctx));
    expect(none.getWorksheet('问题明细')!.getCell(3, 1).value).toBe('没有发现问题。');
  });
});
