import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { renderXlsx } from '../_helpers/excel.js';
import { parseSarif } from '../_helpers/json.js';
import { sampleCsv } from '../_helpers/real-tables/csv.js';
import { sampleHtml } from '../_helpers/real-tables/html.js';
import { loadCatalogSample } from '../_helpers/real-tables/samples.js';
import { inputFromYaml } from '../_helpers/tables.js';

const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml'), 'utf8');
/** The shipped catalog with a document number written with the wrong brackets. */
const PLANTED = CATALOG.replace('国办发〔2019〕54号', '国办发[2019]54号');
const SAMPLE = loadCatalogSample('meixian-gonggongfalvfuwu');

async function folder() {
  return tempDir({
    'a.yaml': CATALOG,
    'tables/目录.xlsx': await renderXlsx([inputFromYaml(PLANTED, 'b.yaml')]),
    'tables/梅县.html': sampleHtml(SAMPLE),
    'tables/梅县.csv': sampleCsv(SAMPLE, 'gb18030'),
  });
}

describe('zwgk validate on tables where they live (built CLI)', () => {
  it('searches a folder for tables beside YAML and places each finding on its cell', async () => {
    const t = await folder();
    try {
      const json = zwgk(['validate', '.', '-f', 'json'], t.dir);
      expect(json.status, json.stderr).toBe(1);
      const report = JSON.parse(json.stdout) as { summary: { files: number }; diagnostics: Diagnostic[] };
      expect(report.summary.files).toBe(4);
      const basis = report.diagnostics.find((d) => d.file === 'tables/目录.xlsx' && d.code === 'basis-citation')!;
      expect(basis.range).toBeUndefined();
      expect(basis.cell!.sheet).toBeTruthy();
      expect(basis.cell!.ref).toMatch(/!E\d+$/);
      // The page and the CSV file of one table give the same findings of the rules, in the same columns (the
      // CSV file has the title as its first row, the page above its table).
      const of = (file: string) =>
        report.diagnostics
          .filter((d) => d.file === file && !d.code.startsWith('table/'))
          .map((d) => `${d.code} ${d.cell!.column}`)
          .sort();
      expect(of('tables/梅县.csv')).toEqual(of('tables/梅县.html'));
      expect(of('tables/梅县.csv').length).toBeGreaterThan(0);

      const stylish = zwgk(['validate', 'tables/目录.xlsx'], t.dir);
      expect(stylish.stdout).toContain(basis.cell!.ref);
      expect(stylish.stdout).toContain(`│ ${basis.cell!.text!.split('\n')[0]!}`);
      expect(stylish.stdout).not.toMatch(/`/);

      const github = zwgk(['validate', 'tables/梅县.html', '-f', 'github', '--lang', 'en'], t.dir);
      expect(github.stdout).toMatch(
        /::error file=tables\/梅县\.html,title=zwgk audience-required::table 1, row \d+, column \d+: /,
      );

      const sarif = parseSarif(zwgk(['validate', 'tables/目录.xlsx', '-f', 'sarif'], t.dir).stdout);
      const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'basis-citation')!;
      expect((result.locations[0] as { logicalLocations?: unknown[] }).logicalLocations?.[0]).toMatchObject({
        name: basis.cell!.ref,
        kind: 'element',
      });
      expect(result.message.text.startsWith(`${basis.cell!.ref}：`)).toBe(true);
    } finally {
      t.cleanup();
    }
  });

  it('never rewrites a table with --fix, and still reports its findings', async () => {
    const t = await folder();
    try {
      const before = readFileSync(join(t.dir, 'tables/目录.xlsx'));
      const fixed = zwgk(['validate', 'tables', '--fix', '-f', 'json'], t.dir);
      expect(fixed.status).toBe(1);
      expect(readFileSync(join(t.dir, 'tables/目录.xlsx')).equals(before)).toBe(true);
      const codes = (JSON.parse(fixed.stdout) as { diagnostics: Diagnostic[] }).diagnostics.map((d) => d.code);
      expect(codes).toContain('basis-citation');
    } finally {
      t.cleanup();
    }
  });

  it('says what to do with a table it cannot read, and exits 2', () => {
    const t = tempDir({
      '旧表.xlsx': new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]),
    });
    try {
      const r = zwgk(['validate', '旧表.xlsx'], t.dir);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/旧表\.xlsx[\s\S]*另存为/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      t.cleanup();
    }
  });
});
