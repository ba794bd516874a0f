import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { displayWidth } from '../../src/report/text-width.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { STATS_FORMATTERS } from '../../src/stats/format/registry.js';
import { TEXT_WIDTH } from '../../src/stats/format/text.js';
import type { GroupStats, StatsReport } from '../../src/stats/types.js';
import { appendAll } from '../../src/util/append.js';

const ROOT = join(import.meta.dirname, '../..');
const FILES = ['yiwu-jiaoyu.yaml', 'shehui-jiuzhu.yaml', 'huji-guanli.yaml'];

const report = computeStats(
  FILES.map((file) => ({
    file,
    catalog: resolveCatalog(
      yaml.load(readFileSync(join(ROOT, 'catalogs', file), 'utf8'), { schema: yaml.JSON_SCHEMA }),
    ),
  })),
);
const format = async (name: keyof typeof STATS_FORMATTERS, r: StatsReport = report, lang: 'zh' | 'en' = 'zh') =>
  (await STATS_FORMATTERS[name]())(r, { lang });

/** The numbers of a row of the tables, in the order of the columns (no 三级 column: these catalogs have none). */
const numbersOf = (g: { catalogs: number; counts: GroupStats['counts'] }) => {
  const c = g.counts;
  return [
    g.catalogs,
    c.level1,
    c.level2,
    c.method.主动,
    c.method.依申请,
    c.audience.全社会,
    c.audience.特定群体,
    c.noBasis,
    c.unclearBasis,
    c.noSubject,
  ];
};

describe('the formats of zwgk stats', () => {
  it('json is the report, as the published schema says', async () => {
    const json = JSON.parse(await format('json')) as StatsReport;
    expect(json).toEqual(report);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/stats-report.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, version: 2 })).toBe(false);
  });

  it('text and markdown show the numbers of the json, row by row', async () => {
    const json = JSON.parse(await format('json')) as StatsReport;
    const text = (await format('text')).split('\n');
    const markdown = (await format('markdown')).split('\n');
    const total = { catalogs: json.total.catalogs, counts: json.total.counts };
    for (const [name, g] of [...json.domains, ...json.units].map((g) => [g.name, g] as const)) {
      const line = text.find((l) => l.startsWith(name + ' '))!;
      expect(line.split(/\s+/).slice(1).map(Number), name).toEqual(numbersOf(g));
      expect(markdown).toContain(`| ${name} | ${numbersOf(g).join(' | ')} |`);
    }
    const totals = text.filter((l) => l.startsWith('合计'));
    expect(totals).toHaveLength(2);
    for (const line of totals) expect(line.split(/\s+/).slice(1).map(Number)).toEqual(numbersOf(total));
    expect(markdown).toContain(
      `| **合计** | ${numbersOf(total)
        .map((n) => `**${n}**`)
        .join(' | ')} |`,
    );
    for (const t of json.total.counts.channels) {
      expect(text.join('\n')).toContain(`${t.name} ${t.count}`);
      expect(markdown).toContain(`| ${t.name} | ${t.count} |`);
    }
    const line = `共 3 个领域、${json.total.counts.level1} 个一级事项、${json.total.counts.level2} 个二级事项`;
    expect(text).toContain(line);
    expect(markdown).toContain(line);
    expect(json.total.counts).toMatchObject({ level1: 7 + 5 + 6, level2: 23 + 17 + 19 });
  });

  it('text fits 100 columns, cutting long names and wrapping the lists', async () => {
    const long = structuredClone(report);
    long.units[0]!.name = '某某省某某市某某县某某乡镇人民政府某某办公室某某股室某某小组';
    appendAll(
      long.total.counts.channels,
      Array.from({ length: 20 }, (_, i) => ({ name: `自建渠道${i}号平台`, count: i })),
    );
    for (const lang of ['zh', 'en'] as const) {
      const lines = (await format('text', long, lang)).split('\n');
      expect(Math.max(...lines.map(displayWidth)), lang).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(lines.some((l) => l.startsWith('某某省') && l.includes('…'))).toBe(true);
      expect(lines.filter((l) => /自建渠道\d+号平台 \d+/.test(l)).length).toBeGreaterThan(1);
    }
    expect(await format('text', long, 'en')).toContain('3 domains, 18 first-level items, 59 second-level items');
  });

  it('shows a 三级 column and count only when there are 三级 items', async () => {
    const deep = computeStats([
      {
        file: 'a.yaml',
        catalog: resolveCatalog({
          domain: '就业',
          unit: '甲',
          items: [{ name: '一', items: [{ name: '二', items: [{ name: '三' }, { name: '三b' }] }] }],
        }),
      },
    ]);
    const text = await format('text', deep);
    expect(text).toContain('共 1 个领域、1 个一级事项、1 个二级事项、2 个三级事项');
    expect(text.split('\n')[0]).toMatch(/二级\s+三级/);
    expect(await format('text')).not.toContain('三级 ');
    expect(await format('markdown', deep)).toMatch(/\| 就业 \| 1 \| 1 \| 1 \| 2 \|/);
  });

  it('escapes names in markdown', async () => {
    const odd = structuredClone(report);
    odd.domains[0]!.name = '一|二 <b>';
    expect(await format('markdown', odd)).toContain('| 一\\|二 &lt;b&gt; |');
  });
});
