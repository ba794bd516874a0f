import { beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalog, walkItems } from '../../src/catalog/resolve.js';
import type { ResolvedItem } from '../../src/catalog/types.js';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { importTables, type ImportResult } from '../../src/import/import-tables.js';
import { readCsv } from '../../src/tables/read-csv.js';
import { readHtml } from '../../src/tables/read-html.js';
import { readXlsx } from '../../src/tables/read-xlsx.js';
import { matchKey } from '../../src/import/simplify.js';
import { catalogYaml } from '../../src/import/write-yaml.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateText } from '../../src/validate/validate-text.js';
import { sampleCsv } from '../_helpers/real-tables/csv.js';
import { sampleExpectation, type RowExpectation } from '../_helpers/real-tables/grid.js';
import { sampleHtml, samplesHtmlPage } from '../_helpers/real-tables/html.js';
import { loadCatalogSamples, type CatalogSample } from '../_helpers/real-tables/samples.js';
import { samplesWorkbook, sampleXlsx } from '../_helpers/real-tables/xlsx.js';

const samples = loadCatalogSamples();
const vocabulary = buildVocabulary();
const options = resolveValidateOptions({ lang: 'zh' });

const importers = {
  xlsx: async (s: CatalogSample) => importTables(await readXlsx(await sampleXlsx(s), `${s.id}.xlsx`), vocabulary),
  html: (s: CatalogSample) => Promise.resolve(importTables(readHtml(sampleHtml(s), `${s.id}.html`), vocabulary)),
  'csv in GB18030': (s: CatalogSample) =>
    Promise.resolve(importTables(readCsv(sampleCsv(s, 'gb18030'), `${s.id}.csv`), vocabulary)),
  'csv in UTF-8 with BOM': (s: CatalogSample) =>
    Promise.resolve(importTables(readCsv(sampleCsv(s, 'utf-8-bom'), `${s.id}.csv`), vocabulary)),
} as const;

/** A page shows source white space as one space; compare texts as they read. */
const shown = (format: string, text: string) =>
  format === 'html'
    ? text
        .replace(/[ \t\u00a0]+/g, ' ')
        .replace(/ ?\n ?/g, '\n')
        .trim()
    : text;

/** The rows with 同上 replaced by the value above, as the importer must read them. */
function resolvedRows(sample: CatalogSample): RowExpectation[] {
  const rows = sampleExpectation(sample);
  const keys = ['content', 'basis', 'timeLimit', 'subject', 'channelsRaw'] as const;
  return rows.map((row, i) => {
    const out = { ...row };
    for (const k of keys) {
      let j = i;
      while (j > 0 && rows[j]![k]?.trim() === '同上') j--;
      if (out[k]?.trim() === '同上' && j < i) (out as Record<string, unknown>)[k] = rows[j]![k];
    }
    return out;
  });
}

function leaves(result: ImportResult): { leaves: ResolvedItem[]; levelColumns: string[] } {
  const resolved = resolveCatalog(JSON.parse(JSON.stringify(result.tables[0]!.catalog)));
  return {
    leaves: [...walkItems(resolved.items)].filter((i) => i.children.length === 0),
    levelColumns: resolved.levelColumns,
  };
}

/** Names ticked in a channel cell as written: after ■ (or a lost-font R / t), before the next box. */
function tickedChannels(raw: string): string[] {
  return [...raw.replace(/(?<![A-Za-z])[tR](?=[\u4e00-\u9fff])/g, '■').matchAll(/[■▄◆☑√]([^■▄◆☑√□口£☐?\n]*)/g)]
    .map((m) => m[1]!.trim().replace(/^其[他它]\s*[:：_]*\s*/, ''))
    .filter(Boolean);
}

describe.each(Object.keys(importers) as (keyof typeof importers)[])(
  'importing the real tables rebuilt as %s',
  (format) => {
    const results = new Map<string, ImportResult>();
    const picked = samples;
    beforeAll(async () => {
      for (const s of picked) results.set(s.id, await importers[format](s));
    });

    it.each(picked.map((s) => [s.id, s] as const))('%s: one table, every row, every text as written', (_, sample) => {
      const result = results.get(sample.id)!;
      expect(result.tables).toHaveLength(1);
      const { leaves: items, levelColumns } = leaves(result);
      const rows = resolvedRows(sample);
      expect(items.map((i) => i.names.at(-1))).toHaveLength(rows.length);
      rows.forEach((row, i) => {
        const item = items[i]!;
        const at = `${sample.id} row ${row.seq}`;
        if (row.second.trim()) expect(item.names, at).toContain(shown(format, row.second));
        expect(item.names.join('|'), at).toContain(shown(format, row.firstResolved || row.second));
        if (row.content.trim()) expect(item.fields.content.join('\n'), at).toBe(shown(format, row.content));
        if (row.basis.trim()) expect(item.fields.basis.join('\n'), at).toBe(shown(format, row.basis));
        if (row.timeLimit.trim()) expect(item.fields.time_limit, at).toBe(shown(format, row.timeLimit));
        if (row.subject?.trim()) expect(item.fields.subject, at).toBe(shown(format, row.subject));
        for (const [column, value] of Object.entries(row.extra))
          if (value.trim())
            expect(item.fields.extra[column.replace(/\s+/g, '')], `${at} ${column}`).toBe(shown(format, value));
        const chosen = [...item.fields.channels, ...item.fields.other_channels].map(matchKey);
        for (const name of tickedChannels(row.channelsRaw ?? '')) {
          const key = matchKey(name);
          expect(
            chosen.some(
              (c) => c === key || vocabulary.channelAliases.get(key) === c || key.includes(c) || c.includes(key),
            ),
            `${at} channel ${name} in ${chosen.join(',')}`,
          ).toBe(true);
        }
        const groups = { audience: ['全社会', '特定群体'], method: ['主动', '依申请'], levels: levelColumns } as const;
        for (const group of ['audience', 'method', 'levels'] as const) {
          const marks = row.marks.filter((m) => m.group === group);
          marks.forEach((mark, k) => {
            const value = groups[group][k]!;
            const has = (item.fields[group] as readonly string[]).includes(value);
            if (mark.value === true) expect(has, `${at} ${group} ${value}`).toBe(true);
            if (mark.value === false) expect(has, `${at} ${group} ${value}`).toBe(false);
            if (typeof mark.value === 'object') {
              const kept =
                group === 'audience' && k === 1
                  ? item.fields.specific_group
                  : Object.values(item.fields.extra).join('\n');
              expect(kept, `${at} ${group} text`).toContain(shown(format, mark.value.text));
            }
          });
        }
      });
    });

    it.each(picked.map((s) => [s.id, s] as const))(
      '%s: the catalog written is one zwgk validate reads',
      (_, sample) => {
        const table = results.get(sample.id)!.tables[0]!;
        const checked = validateText(table.fileName, catalogYaml(table.catalog, 'test'), options);
        expect(checked.diagnostics.filter((d) => d.code.startsWith('yaml/') || d.code.startsWith('file/'))).toEqual([]);
        // Findings stay true to the table: a row with no 公开方式 ticked is reported, nothing was made up to silence it.
        const rows = sampleExpectation(sample);
        const unticked = rows.filter((r) =>
          r.marks.filter((m) => m.group === 'method').every((m) => m.value !== true && typeof m.value !== 'object'),
        );
        expect(checked.diagnostics.filter((d) => d.code === 'method-required').length > 0).toBe(unticked.length > 0);
      },
    );
  },
);

describe('several tables in one sheet or page', () => {
  it('finds each table under its own title, in order', async () => {
    const picked = samples.filter((s) =>
      ['bozhou-xinjiang-anquanshengchan', 'fengqing-yanglaofuwu', 'tonghai-jiulong-yiwujiaoyu'].includes(s.id),
    );
    for (const read of [
      await readXlsx(await samplesWorkbook(picked), 'all.xlsx'),
      readHtml(samplesHtmlPage(picked), 'all.html'),
    ]) {
      const result = importTables(read, vocabulary);
      expect(result.tables.map((t) => t.catalog.domain)).toEqual(['安全生产', '养老服务', '义务教育']);
      expect(result.tables.map((t) => t.rows)).toEqual(picked.map((s) => s.rows.length));
    }
  });
});
