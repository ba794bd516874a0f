import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formDocuments } from '../../src/forms/document-kind.js';
import { CATALOG_TABLES } from '../../src/import/table-kind.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { checkFileBytes, defaultOptions, PREVIEW_ROWS, previewOf } from '../../src/workbench/check-file.js';
import { sampleCsv } from '../_helpers/real-tables/csv.js';
import { sampleHtml } from '../_helpers/real-tables/html.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';

// The workbench checks a file's bytes as `zwgk validate <file>` checks the file: the same findings, in the
// same order, with the same cells, messages and hints.
const dir = mkdtempSync(join(tmpdir(), 'zwgk-workbench-'));
const cli = resolveValidateOptions({ lang: 'zh', documents: [formDocuments(undefined)], tables: CATALOG_TABLES });
const options = defaultOptions('zh');

async function expectSameAsValidate(name: string, bytes: Uint8Array): Promise<number> {
  writeFileSync(join(dir, name), bytes);
  const report = await validateFiles([name], cli, dir);
  const checked = await checkFileBytes(name, new Uint8Array(bytes), options);
  expect(checked.diagnostics).toEqual(report.diagnostics);
  expect([checked.errorCount, checked.warningCount]).toEqual([report.errorCount, report.warningCount]);
  return checked.diagnostics.length;
}

const samples = loadCatalogSamples();

describe('checking a file in the workbench', () => {
  it.each(samples.map((s) => [s.id, s] as const))(
    'finds in %s (xlsx, html, csv) what zwgk validate finds',
    async (id, s) => {
      const found = await expectSameAsValidate(`${id}.xlsx`, await sampleXlsx(s));
      await expectSameAsValidate(`${id}.html`, new TextEncoder().encode(sampleHtml(s)));
      await expectSameAsValidate(`${id}.csv`, sampleCsv(s, 'gb18030'));
      expect(found).toBeGreaterThanOrEqual(0);
    },
    60_000,
  );

  it('finds something in the samples, placed on cells (the comparison is not of empty lists)', async () => {
    let placed = 0;
    for (const s of samples.slice(0, 6)) {
      const checked = await checkFileBytes(`${s.id}.xlsx`, await sampleXlsx(s), options);
      placed += checked.diagnostics.filter((d) => d.cell?.sheet !== undefined).length;
      expect(checked.grids.length).toBeGreaterThan(0);
      expect(checked.catalogs.length).toBeGreaterThan(0);
    }
    expect(placed).toBeGreaterThan(0);
  }, 60_000);

  it('checks YAML catalogs, broken YAML and suppression comments as validate does', async () => {
    const shipped = readFileSync(join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml'));
    await expectSameAsValidate('yiwu-jiaoyu.yaml', shipped);
    const broken = new TextEncoder().encode('version: 1\ndomain: 义务教育\nitems:\n  - name: [\n');
    expect(await expectSameAsValidate('broken.yaml', broken)).toBeGreaterThan(0);
    const text = shipped.toString().replace(/^domain:.*$/m, 'domain: 义务教育 # zwgk-disable-line vocabulary/domain');
    await expectSameAsValidate('suppressed.yml', new TextEncoder().encode(text));
    await expectSameAsValidate('gbk.yaml', new Uint8Array([0xd2, 0xe5, 0xce, 0xf1, 0x3a, 0x20, 0x31]));
  });

  it('says what is wrong with a file it cannot read, as validate does, without throwing', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n');
    expect(await expectSameAsValidate('目录.xlsx', pdf)).toBe(1);
    const checked = await checkFileBytes('目录.xlsx', pdf, options);
    expect(checked.diagnostics[0]).toMatchObject({ code: 'table/unreadable', severity: 'error' });
    expect(checked.diagnostics[0]!.message).toMatch(/PDF/);
    expect(await expectSameAsValidate('empty.csv', new Uint8Array())).toBe(1);
    expect(await expectSameAsValidate('cut.xlsx', (await sampleXlsx(samples[0]!)).subarray(0, 500))).toBe(1);
  });

  it('previews merged cells once, at their top left, and cuts long grids', () => {
    const cell = (text: string, rowSpan = 1, colSpan = 1) => ({
      kind: 'cell' as const,
      text,
      rowSpan,
      colSpan,
      ref: text,
    });
    const covered = { kind: 'covered' as const, row: 0, col: 0 };
    const grid = {
      name: 'S',
      before: [],
      rows: [
        [cell('a', 2, 2), covered],
        [covered, covered],
      ],
    };
    expect(previewOf(grid)).toEqual({
      name: 'S',
      hidden: false,
      width: 2,
      rows: [[{ col: 0, text: 'a', rowSpan: 2, colSpan: 2 }], []],
      totalRows: 2,
    });
    const long = { name: 'L', before: [], rows: Array.from({ length: PREVIEW_ROWS + 5 }, (_, i) => [cell(String(i))]) };
    expect(previewOf(long)).toMatchObject({ totalRows: PREVIEW_ROWS + 5 });
    expect(previewOf(long).rows).toHaveLength(PREVIEW_ROWS);
  });
});

describe('checkFileBytes, step by step', () => {
  it('says each step of a table as it starts: reading, checking, writing the YAML; a YAML file only checking', async () => {
    const heard: string[] = [];
    const table = await sampleXlsx(samples[0]!);
    const checked = await checkFileBytes('table.xlsx', table, options, (phase) => heard.push(phase));
    expect(checked.kind).toBe('table');
    expect(heard).toEqual(['read', 'check', 'import']);
    heard.length = 0;
    const yaml = new TextEncoder().encode(
      readFileSync(join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml'), 'utf8'),
    );
    await checkFileBytes('yiwu-jiaoyu.yaml', yaml, options, (phase) => heard.push(phase));
    expect(heard).toEqual(['check']);
    // A table that cannot be read stops after reading.
    heard.length = 0;
    await checkFileBytes('broken.xlsx', new TextEncoder().encode('no workbook'), options, (phase) => heard.push(phase));
    expect(heard).toEqual(['read']);
  });
});
