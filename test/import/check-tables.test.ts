import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { checkTables } from '../../src/import/check-tables.js';
import { validateFiles } from '../../src/index.js';
import { importTables } from '../../src/import/import-tables.js';
import { catalogText } from '../../src/import/write-yaml.js';
import { textAt, type Grid, type ReadResult } from '../../src/tables/grid.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readHtml } from '../../src/tables/read-html.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { resolveValidateOptions, type ValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';
import { renderXlsx } from '../_helpers/excel.js';
import { filledTemplate, TYPED_ROWS } from '../_helpers/blank-template.js';
import { blankCatalogWorkbook } from '../../src/render/blank/blank-workbook.js';
import { sampleCsv } from '../_helpers/real-tables/csv.js';
import { sampleHtml } from '../_helpers/real-tables/html.js';
import { loadCatalogSamples, type CatalogSample } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';
import { inputFromYaml } from '../_helpers/tables.js';

const zh = resolveValidateOptions({ lang: 'zh' });
const en = resolveValidateOptions({ lang: 'en' });

const readers = {
  xlsx: async (s: CatalogSample) => readXlsx(await sampleXlsx(s), `${s.id}.xlsx`),
  html: (s: CatalogSample) => Promise.resolve(readHtml(sampleHtml(s), `${s.id}.html`)),
  csv: (s: CatalogSample) => Promise.resolve(readCsv(sampleCsv(s, 'gb18030'), `${s.id}.csv`)),
  'csv-utf8': (s: CatalogSample) => Promise.resolve(readCsv(sampleCsv(s, 'utf-8-bom'), `${s.id}.csv`)),
} as const;

/** Import, write YAML, validate: what a clerk got before tables were checked where they live. */
function importThenValidate(read: ReadResult, options: ValidateOptions): Diagnostic[] {
  return importTables(read, options.vocabulary).tables.flatMap((t) => {
    const { text, data } = catalogText(t.catalog, '');
    return validateText('t.yaml', text, options, data ? { parsedData: data } : {}).diagnostics;
  });
}

const key = (d: Diagnostic) => `${d.code} ${d.pointer}`;

describe('checkTables on the real tables', () => {
  const samples = loadCatalogSamples();
  for (const format of Object.keys(readers) as (keyof typeof readers)[]) {
    it.each(samples.map((s) => [s.id, s] as const))(
      `%s (${format}): the findings of import-then-validate, on cells`,
      async (_, sample) => {
        const read = await readers[format](sample);
        const direct = checkTables(`${sample.id}.${format}`, read, zh);
        const before = importThenValidate(read, zh);
        const checked = direct.diagnostics.filter((d) => !d.code.startsWith('table/'));
        // Same rule, same item: every finding of the table is one import-then-validate gives…
        expect(new Set(checked.map(key))).toEqual(
          new Set(
            before
              // …except what only the YAML could have, and a title without domain or unit, said as the table's own finding.
              .filter((d) => d.code !== 'schema/code-unquoted' && d.code !== 'no-same-as-above')
              .filter((d) => !(d.code === 'schema/required' && (d.pointer === '/domain' || d.pointer === '/unit')))
              .map(key),
          ),
        );
        for (const d of direct.diagnostics) {
          expect(d.range).toBeUndefined();
          expect(d.cell, key(d)).toBeDefined();
          expect(d.cell!.table).toBeGreaterThanOrEqual(1);
          // A clerk is never told to write YAML.
          expect(d.hint ?? '', key(d)).not.toMatch(/`/);
        }
        if (before.some((d) => d.code === 'schema/required' && d.pointer === '/unit'))
          expect(direct.diagnostics.map((d) => d.code)).toContain('table/unit-missing');
        expect(direct.catalogs).toHaveLength(importTables(read, zh.vocabulary).tables.length);
      },
    );
  }
});

/** A catalog with a mistake in a known cell of each kind: a basis without 《》, a missing tick, a missing element. */
const PLANTED = `domain: 义务教育
unit: 青禾区教育局
level_columns: [县级, 乡级]
items:
  - name: 招生入学
    items:
      - name: 招生政策
        content: 招生范围、条件
        basis: [教育法]
        time_limit: 信息形成之日起20个工作日内
        subject: 区教育局
        channels: [政府网站]
        audience: 全社会
        method: 主动
        levels: [县级]
      - name: 入学结果
        content: 录取名单
        basis: [《中华人民共和国义务教育法》]
        time_limit: 及时
        subject: 区教育局
        channels: [政府网站]
        audience: 全社会
        levels: [县级]
      - name: 学位预警
        content: 学位紧张学校名单
        time_limit: 及时
        subject: 区教育局
        channels: [政府网站]
        audience: 全社会
        method: 主动
        levels: [县级]
`;

/** The row of the grid whose cells include `text`, and the column of the header cell that reads `label`. */
function find(grid: Grid, label: string, text: string): { row: number; column: number } {
  let row = -1;
  let column = -1;
  for (let r = 0; r < grid.rows.length; r++) {
    for (let c = 0; c < grid.rows[r]!.length; c++) {
      const t = textAt(grid, r, c).replace(/\s+/g, '');
      if (column < 0 && t === label) column = c;
      if (row < 0 && t === text) row = r;
    }
  }
  if (row < 0 || column < 0) throw new Error(`no ${label} / ${text}`);
  return { row: row + 1, column: column + 1 };
}

describe('checkTables on the blank catalog workbook', () => {
  it('finds nothing wrong in the blank filled in as a clerk does, with the rows left over untouched', async () => {
    const read = await readXlsx(await filledTemplate(TYPED_ROWS, false), '目录模板.xlsx');
    const { diagnostics, catalogs } = checkTables('目录模板.xlsx', read, zh);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(catalogs).toHaveLength(1);
  });

  it('says that the blank has no items yet, on its header', async () => {
    const read = await readXlsx(await blankCatalogWorkbook({ domain: '安全生产' }), '目录模板.xlsx');
    const { diagnostics } = checkTables('目录模板.xlsx', read, zh);
    expect(diagnostics.map((d) => [d.code, d.severity, d.cell?.ref])).toEqual([
      ['table/no-items', 'warning', '安全生产!A2'],
    ]);
  });
});

describe('checkTables places each finding on its cell', () => {
  it('in a workbook: the element’s column on the item’s row, named as Excel names it', async () => {
    const bytes = await renderXlsx([inputFromYaml(PLANTED, '义务教育.yaml')]);
    const read = await readXlsx(bytes, '目录.xlsx');
    const grid = read.grids.find((g) => g.rows.some((r) => r.some((s) => s.kind === 'cell' && s.text === '招生政策')))!;
    const { diagnostics } = checkTables('目录.xlsx', read, zh);
    const of = (code: string) => diagnostics.find((d) => d.code === code)!;

    const basis = of('basis-citation');
    expect(basis.cell).toMatchObject({ sheet: grid.name, ...find(grid, '公开依据', '招生政策'), text: '教育法' });
    expect(basis.cell!.ref).toMatch(new RegExp(`^${grid.name}!E\\d+$`));
    expect(basis.cell!.items).toEqual(['招生入学', '招生政策']);

    const method = of('method-required');
    const { row } = find(grid, '主动', '入学结果');
    expect(method.cell).toMatchObject({ row });
    expect(['主动', '依申请']).toContain(
      textAt(grid, find(grid, '公开方式', '招生政策').row - 2, method.cell!.column - 1),
    );
    expect(method.hint).toBe('在“公开方式”栏中勾选“主动”或“依申请”（打√，二选一）。');

    const missing = of('elements-present');
    expect(missing.element).toBe('basis');
    expect(missing.cell).toMatchObject(find(grid, '公开依据', '学位预警'));
    expect(missing.cell!.text).toBeUndefined();
  });

  it('in a web page and a CSV file: by table, row and column, in the language asked for', async () => {
    const bytes = await renderXlsx([inputFromYaml(PLANTED, '义务教育.yaml')]);
    const grid = (await readXlsx(bytes, 'a.xlsx')).grids.find((g) =>
      g.rows.some((r) => r.some((s) => s.kind === 'cell' && s.text === '招生政策')),
    )!;
    const csv = grid.rows
      .map((row, r) => row.map((_, c) => `"${textAt(grid, r, c).replaceAll('"', '""')}"`).join(','))
      .join('\r\n');
    const at = find(grid, '公开依据', '招生政策');
    const fromCsv = checkTables('a.csv', readCsv(new TextEncoder().encode(csv), 'a.csv'), zh).diagnostics;
    expect(fromCsv.find((d) => d.code === 'basis-citation')!.cell!.ref).toBe(`第 ${at.row} 行 第 ${at.column} 列`);
    const fromCsvEn = checkTables('a.csv', readCsv(new TextEncoder().encode(csv), 'a.csv'), en).diagnostics;
    expect(fromCsvEn.find((d) => d.code === 'basis-citation')!.cell!.ref).toBe(`row ${at.row}, column ${at.column}`);

    const html = `<p>前言</p><table><tr><td>无关</td></tr></table>${csvToHtml(grid)}`;
    const page = checkTables('a.html', readHtml(html, 'a.html'), en).diagnostics;
    const basis = page.find((d) => d.code === 'basis-citation')!;
    expect(basis.cell).toMatchObject({ table: 2, row: at.row, column: at.column, text: '教育法' });
    expect(basis.cell!.ref).toBe(`table 2, row ${at.row}, column ${at.column}`);
    expect(basis.cell!.sheet).toBeUndefined();
  });

  it('puts a code used twice across the sheets of one workbook on the second sheet’s cell', async () => {
    const withCode = (domain: string) =>
      PLANTED.replace('domain: 义务教育', `domain: ${domain}`).replace(
        '      - name: 招生政策\n',
        '      - name: 招生政策\n        code: "0101"\n',
      );
    const bytes = await renderXlsx([
      inputFromYaml(withCode('义务教育'), 'a.yaml'),
      inputFromYaml(withCode('安全生产'), 'b.yaml'),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'zwgk-tables-'));
    try {
      writeFileSync(join(dir, '目录.xlsx'), bytes);
      const report = await validateFiles(['目录.xlsx'], resolveValidateOptions({ lang: 'zh' }), dir);
      const twice = report.diagnostics.filter((d) => d.code === 'code-unique');
      expect(twice).toHaveLength(1);
      expect(twice[0]!.message).toContain('本文件');
      expect(twice[0]!.cell).toMatchObject({ sheet: '安全生产', text: '0101' });
      expect(twice[0]!.cell!.table).toBeGreaterThan(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function csvToHtml(grid: Grid): string {
  const rows = grid.rows.map(
    (row, r) => `<tr>${row.map((_, c) => `<td>${textAt(grid, r, c).replaceAll('<', '&lt;')}</td>`).join('')}</tr>`,
  );
  return `<table>${rows.join('')}</table>`;
}
