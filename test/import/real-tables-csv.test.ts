import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables, type ImportResult } from '../../src/import/import-tables.js';
import { importReportJson, importReportText } from '../../src/import/report.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readTableFile } from '../../src/tables/read-file.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { encodeGb18030, sampleCsv, sampleCsvText } from '../_helpers/real-tables/csv.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';

const samples = loadCatalogSamples();
const vocabulary = buildVocabulary();
const ENCODINGS = [
  ['gb18030', 'GB18030（GBK）'],
  ['utf-8-bom', 'UTF-8（带 BOM）'],
] as const;

describe('the CSV files of the real tables', () => {
  it('are written in GB18030 exactly, as Excel on Chinese Windows saves them', () => {
    expect([...encodeGb18030('序号,公开事项')]).toEqual([
      0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xb9, 0xab, 0xbf, 0xaa, 0xca, 0xc2, 0xcf, 0xee,
    ]);
    expect([...encodeGb18030('√■□')]).toEqual([0xa1, 0xcc, 0xa1, 0xf6, 0xa1, 0xf5]);
    for (const sample of samples) {
      const bytes = sampleCsv(sample, 'gb18030');
      expect(new TextDecoder('gb18030').decode(bytes), sample.id).toBe(sampleCsvText(sample));
      // Not UTF-8 as well: the reader must tell the encoding from the bytes.
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), sample.id).toThrow();
    }
  });

  it('keep merged cells blank but their top-left, with the header in two rows', () => {
    const sample = samples.find((s) => s.id === 'bozhou-xinjiang-anquanshengchan')!;
    const lines = sampleCsvText(sample).split('\r\n');
    const header = lines.findIndex((l) => l.startsWith('序号,'));
    expect(lines[header]).toMatch(/,公开对象,,公开方式,,公开层级,$/);
    expect(lines[header + 1]).toMatch(/,全社会,特定群众,主动,依申请公开,县级,乡级$/);
  });
});

describe.each(ENCODINGS)('importing the real tables saved as CSV in %s', (encoding, shown) => {
  const fromXlsx = new Map<string, ImportResult>();
  const fromCsv = new Map<string, ImportResult>();
  beforeAll(async () => {
    for (const s of samples) {
      fromXlsx.set(s.id, importTables(await readXlsx(await sampleXlsx(s), `${s.id}.xlsx`), vocabulary));
      fromCsv.set(s.id, importTables(readCsv(sampleCsv(s, encoding), `${s.id}.csv`), vocabulary));
    }
  });

  it.each(samples.map((s) => [s.id, s] as const))('%s: the same catalog as from the workbook', (id, sample) => {
    const csv = fromCsv.get(id)!;
    expect(csv.encoding).toBe(encoding);
    expect(csv.tables.map((t) => t.catalog)).toEqual(fromXlsx.get(id)!.tables.map((t) => t.catalog));
    // Every level column of the table, none read as an unknown column.
    expect(csv.tables[0]!.catalog.level_columns ?? []).toHaveLength(sample.level_columns.length);
    expect(csv.tables[0]!.catalog.extra_columns ?? []).not.toContainEqual(
      expect.stringMatching(/特定|依申请|乡|镇|村/),
    );
  });

  it('names the encoding in the report and its JSON', () => {
    for (const s of samples) {
      const result = fromCsv.get(s.id)!;
      expect(importReportText(`${s.id}.csv`, result, [], 'zh').split('\n')[1]).toBe(`编码：${shown}`);
      expect(JSON.parse(importReportJson(`${s.id}.csv`, result, [], 'zh'))).toMatchObject({ format: 'csv', encoding });
    }
  });
});

describe('a CSV file read from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zwgk-real-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(ENCODINGS)('in %s is told from its bytes and named in the report', async (encoding, shown) => {
    const sample = samples.find((s) => s.id === 'xilinhaote-weishengjiankang')!;
    const path = join(dir, `${encoding}.csv`);
    writeFileSync(path, sampleCsv(sample, encoding));
    const read = await readTableFile(path, 'en');
    expect(read).toMatchObject({ format: 'csv', encoding });
    const result = importTables(read, vocabulary);
    expect(importReportText(path, result, [], 'zh')).toContain(`\n编码：${shown}\n`);
    expect(result.tables[0]!.catalog.level_columns).toEqual(['县级', '乡级']);
  });
});
