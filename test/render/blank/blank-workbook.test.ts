import { describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../../src/catalog/vocabulary.js';
import { importTables } from '../../../src/import/import-tables.js';
import { catalogText } from '../../../src/import/write-yaml.js';
import { blankCatalogWorkbook } from '../../../src/render/blank/blank-workbook.js';
import { buildTable } from '../../../src/render/table-model.js';
import { resolveCatalog } from '../../../src/catalog/resolve.js';
import { readXlsx } from '../../../src/tables/read-xlsx.js';
import { resolveValidateOptions } from '../../../src/validate/options.js';
import { validateText } from '../../../src/validate/validate-text.js';
import { filledTemplate, TYPED_ROWS, typedRowsOf } from '../../_helpers/blank-template.js';
import { cellText, loadWorkbook, renderXlsx } from '../../_helpers/excel.js';

const vocabulary = buildVocabulary();

describe('blankCatalogWorkbook', () => {
  it('reads back, once filled as a clerk does, as the catalog typed in, and that catalog validates', async () => {
    const result = importTables(await readXlsx(await filledTemplate(), '目录模板.xlsx'), vocabulary);
    expect(result.tables).toHaveLength(1);
    const { catalog } = result.tables[0]!;
    expect(catalog).toMatchObject({ domain: '安全生产', unit: '青禾区', level_columns: ['县级', '乡级'] });
    expect(typedRowsOf(catalog)).toEqual(TYPED_ROWS);
    const { text } = catalogText(catalog, 'test');
    const checked = validateText('安全生产.yaml', text, resolveValidateOptions({ lang: 'zh' }));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reads the rows left over, holding only the untouched □ checklist, as blank', async () => {
    const kept = importTables(await readXlsx(await filledTemplate(TYPED_ROWS, false), '目录模板.xlsx'), vocabulary);
    expect(kept.tables).toHaveLength(1);
    expect(typedRowsOf(kept.tables[0]!.catalog)).toEqual(TYPED_ROWS);
    expect(kept.tables[0]!.rows).toBe(TYPED_ROWS.length);
  });

  it('reads back blank as a table with a header and no item', async () => {
    const result = importTables(
      await readXlsx(await blankCatalogWorkbook({ domain: '安全生产' }), 'a.xlsx'),
      vocabulary,
    );
    expect(result.tables).toEqual([]);
    expect(result.empty).toEqual([{ ref: '安全生产!A2', source: '安全生产', rows: 0 }]);
  });

  it('gives the same bytes for the same options', async () => {
    const options = { domain: '社会救助', unit: '青禾区', levels: ['县级', '乡级', '村级'] };
    expect(Buffer.from(await blankCatalogWorkbook(options)).equals(await blankCatalogWorkbook(options))).toBe(true);
  });

  it('has the title and header of zwgk render, the checklist as □, drop-downs, input help and print setup', async () => {
    const workbook = await loadWorkbook(await blankCatalogWorkbook({ domain: '安全生产领域', unit: '青禾区' }));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['安全生产', '填表说明']);
    const sheet = workbook.getWorksheet('安全生产')!;
    expect(sheet.getCell('A1').value).toBe('青禾区安全生产领域基层政务公开标准目录');
    // Title and header rows are those of the catalog as zwgk render writes it, which has a line for the unit,
    // version and date under the title, where the blank has the unit in the title's cell.
    const catalog = resolveCatalog(
      { domain: '安全生产', unit: '青禾区', items: [{ name: '政策文件', items: [{ name: '法律法规' }] }] },
      ['县级', '乡级'],
    );
    const rendered = (
      await loadWorkbook(await renderXlsx([{ file: 'a.yaml', catalog, table: buildTable(catalog) }]))
    ).getWorksheet('安全生产')!;
    expect(sheet.getCell('A1').value).toBe(rendered.getCell('A1').value);
    for (const r of [2, 3]) expect(sheet.getRow(r).values, `row ${r}`).toEqual(rendered.getRow(r + 1).values);
    const headerMerges = (s: typeof sheet, rows: RegExp) =>
      s.model.merges
        .filter((m) => rows.test(m))
        .map((m) => m.replace(/\d+/g, (n) => String(Number(n) - (s === sheet ? 0 : 1))))
        .sort();
    expect(headerMerges(sheet, /^[A-Z]+[23]:/)).toEqual(headerMerges(rendered, /^[A-Z]+[34]:/));
    expect([sheet.getCell('B2').value, sheet.getCell('C3').value, sheet.getCell('N3').value]).toEqual([
      '公开事项',
      '二级事项',
      '乡级',
    ]);
    const channels = cellText(sheet.getCell('H4').value);
    expect(channels).toMatch(/^□政府网站 □政府公报\n/);
    expect(channels).not.toContain('■');
    expect(sheet.getCell('H203').value).toBe(channels);
    expect(sheet.getCell('H204').value).toBeNull();
    expect(sheet.getCell('I4').dataValidation).toMatchObject({ type: 'list', formulae: ['"√"'], errorStyle: 'stop' });
    expect(sheet.getCell('N203').dataValidation).toMatchObject({ type: 'list', formulae: ['"√"'] });
    expect(sheet.getCell('J4').dataValidation).toMatchObject({ type: 'list', errorStyle: 'warning' });
    for (const ref of ['A4', 'B100', 'C4', 'D4', 'E4', 'F4', 'G4', 'H4', 'K4', 'L4', 'M4'])
      expect(sheet.getCell(ref).dataValidation.prompt, ref).toMatch(/./);
    expect(sheet.getCell('L4').dataValidation.prompt).toContain('主动、依申请两者选其一');
    expect(sheet.getCell('D4').alignment).toMatchObject({ wrapText: true });
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(90);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3, xSplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 });
    expect(sheet.pageSetup.printTitlesRow).toBe('2:3');
    const guide = workbook.getWorksheet('填表说明')!;
    const text = guide
      .getColumn(1)
      .values.map((v) => cellText(v))
      .join('\n');
    for (const words of ['■', '□', '√', '主动”“依申请”两者选其一', '每行填写一个二级事项', '合并'])
      expect(text).toContain(words);
  });

  it('leaves out 公开层级 when no level is asked for', async () => {
    const sheet = (await loadWorkbook(await blankCatalogWorkbook({ domain: '就业', levels: [] }))).getWorksheet(
      '就业',
    )!;
    expect(sheet.getRow(2).values as unknown[]).not.toContain('公开层级');
    expect(sheet.getRow(2).cellCount).toBe(12);
  });
});
