import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { checkTables } from '../../src/import/check-tables.js';
import { importTables } from '../../src/import/import-tables.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { blankCatalogWorkbook } from '../../src/render/blank/blank-workbook.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { filledTemplate, TYPED_ROWS, typedRowsOf } from '../_helpers/blank-template.js';
import { convertToPdf, office, pdfPages, run } from '../_helpers/office.js';

// Kept after the run (in the system's temp folder) so the pages can be looked at.
const dir = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-template-'));

/** Re-save a workbook with LibreOffice as .xlsx (as a clerk saving in LibreOffice Calc does); returns the new bytes. */
function resave(file: string): Uint8Array {
  const out = join(dir, 'resaved');
  mkdirSync(out, { recursive: true });
  const profile = pathToFileURL(mkdtempSync(join(tmpdir(), 'zwgk-lo-profile-'))).href;
  run(office(), [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx', '--outdir', out, file]);
  return readFileSync(join(out, 'filled.xlsx'));
}

beforeAll(async () => {
  writeFileSync(join(dir, 'filled.xlsx'), await filledTemplate());
  writeFileSync(join(dir, 'blank.xlsx'), await blankCatalogWorkbook({ domain: '安全生产', unit: '青禾区' }));
  convertToPdf(join(dir, 'blank.xlsx'), dir);
});

describe('the blank catalog in LibreOffice', () => {
  it('filled, then saved again by LibreOffice, checks clean where it lives and imports to the catalog typed in', async () => {
    const read = await readXlsx(resave(join(dir, 'filled.xlsx')), 'filled.xlsx');
    const checked = checkTables('filled.xlsx', read, resolveValidateOptions({ lang: 'zh' }));
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.catalogs).toHaveLength(1);
    const result = importTables(read, buildVocabulary());
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]!.catalog).toMatchObject({ domain: '安全生产', unit: '青禾区' });
    expect(typedRowsOf(result.tables[0]!.catalog)).toEqual(TYPED_ROWS);
  });

  it('prints on A4 landscape with the title once, the header on every page, and the 填表说明 at the end', () => {
    const pdf = join(dir, 'blank.pdf');
    const { pages, width, height } = pdfPages(pdf);
    expect(pages).toBeGreaterThan(2);
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    const page = (n: number) => run('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-']);
    const first = page(1);
    expect(first).toContain('青禾区安全生产领域基层政务公开标准目录');
    for (const label of [
      '公开事项',
      '一级事项',
      '二级事项',
      '公开渠道和载体',
      '特定群体',
      '依申请',
      '乡级',
      '□政府网站',
    ])
      expect(first).toContain(label);
    const second = page(2);
    expect(second).toContain('公开渠道和载体');
    expect(second).not.toContain('青禾区安全生产领域基层政务公开标准目录');
    const last = page(pages);
    expect(last).toContain('填表说明');
    expect(last).toContain('两者选其一');
  });
});
