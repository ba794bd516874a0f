import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import yaml from 'js-yaml';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { displayWidth } from '../../src/report/text-width.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { STATS_FILE_FORMATTERS, STATS_FORMATTERS } from '../../src/stats/format/registry.js';
import { TEXT_WIDTH } from '../../src/stats/format/text.js';
import type { GroupStats, StatsReport } from '../../src/stats/types.js';
import { appendAll } from '../../src/util/append.js';
import { cellText, loadWorkbook, readZipEntry } from '../_helpers/excel.js';

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
const withAgainst: StatsReport = {
  ...report,
  against: {
    baseline: 'HEAD~1',
    domains: report.domains.map((d) => ({
      name: d.name,
      before: { level1: d.counts.level1 - 1, level2: d.counts.level2 - 2 },
      after: { level1: d.counts.level1, level2: d.counts.level2 },
      added: { level1: 1, level2: 3 },
      removed: { level1: 0, level2: 1 },
    })),
    total: {
      name: '',
      before: { level1: 15, level2: 53 },
      after: { level1: 18, level2: 59 },
      added: { level1: 3, level2: 9 },
      removed: { level1: 0, level2: 3 },
    },
  },
};
const format = async (name: keyof typeof STATS_FORMATTERS, r: StatsReport = report, lang: 'zh' | 'en' = 'zh') =>
  (await STATS_FORMATTERS[name]())(r, { lang });

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
const childrenOf = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const textOf = (n: Node): string => ('value' in n ? n.value : childrenOf(n).map(textOf).join(''));
const elements = (n: Node, tag: string): Node[] =>
  childrenOf(n).flatMap((c) => [...(c.nodeName === tag ? [c] : []), ...elements(c, tag)]);
const attr = (n: Node, name: string) => ('attrs' in n ? n.attrs.find((a) => a.name === name)?.value : undefined);

/** Every table of a page by its `data-table`: each row's cells as text, headings included. */
function htmlTables(html: string): Map<string, string[][]> {
  return new Map(
    elements(parse(html), 'table').map((t) => [
      attr(t, 'data-table') ?? '',
      elements(t, 'tr').map((tr) =>
        childrenOf(tr)
          .filter((c) => c.nodeName === 'td' || c.nodeName === 'th')
          .map(textOf),
      ),
    ]),
  );
}

/** A workbook's first sheet, row by row: each cell as written (a number stays a number). */
async function sheetRows(bytes: Uint8Array): Promise<(string | number)[][]> {
  const sheet = (await loadWorkbook(bytes)).worksheets[0]!;
  const rows: (string | number)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    rows[r - 1] = Array.from({ length: sheet.columnCount }, (_, c) => {
      const v = row.getCell(c + 1).value;
      return typeof v === 'number' ? v : cellText(v);
    });
  });
  return rows;
}

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
    const line = `共3个领域、${json.total.counts.level1}个一级事项、${json.total.counts.level2}个二级事项`;
    expect(text).toContain(line);
    expect(markdown).toContain(line);
    expect(json.total.counts).toMatchObject({ level1: 7 + 5 + 6, level2: 23 + 17 + 19 });
  });

  it('html and xlsx show the numbers of the json, row by row, charts and comparison included', async () => {
    const json = JSON.parse(await format('json', withAgainst)) as StatsReport;
    const tables = htmlTables(await format('html', withAgainst));
    const rows = await sheetRows(await (await STATS_FILE_FORMATTERS.xlsx())(withAgainst, { lang: 'zh' }));
    const sheetRow = (name: string, from = 0) => {
      const cells = rows
        .slice(from)
        .find((r) => r[0] === name)!
        .slice(1);
      while (cells.at(-1) === '') cells.pop();
      return cells;
    };
    const domainsAt = rows.findIndex((r) => r[0] === '按领域');
    const unitsAt = rows.findIndex((r) => r[0] === '按单位');
    expect(rows[1]![0]).toBe(`共3个领域、${json.total.counts.level1}个一级事项、${json.total.counts.level2}个二级事项`);
    for (const [kind, at] of [
      ['domains', domainsAt],
      ['units', unitsAt],
    ] as const) {
      const table = tables.get(kind)!;
      for (const g of json[kind]) {
        expect(
          table
            .find((r) => r[0] === g.name)!
            .slice(1)
            .map(Number),
          g.name,
        ).toEqual(numbersOf(g));
        expect(sheetRow(g.name, at), g.name).toEqual(numbersOf(g));
      }
      const total = { catalogs: json.total.catalogs, counts: json.total.counts };
      expect(table.at(-1)).toEqual(['合计', ...numbersOf(total).map(String)]);
      expect(sheetRow('合计', at)).toEqual(numbersOf(total));
    }
    for (const d of json.domains) {
      expect(tables.get('chart-level2')!.find((r) => r[0] === d.name)).toEqual([d.name, String(d.counts.level2)]);
      expect(tables.get('chart-method')!.find((r) => r[0] === d.name)).toEqual(
        [d.name, d.counts.method.主动, d.counts.method.依申请].map(String),
      );
    }
    const channelsAt = rows.findIndex((r) => r[0] === '公开渠道');
    for (const t of json.total.counts.channels) {
      expect(tables.get('chart-channels')!.find((r) => r[0] === t.name)).toEqual([t.name, String(t.count)]);
      expect(sheetRow(t.name, channelsAt)).toEqual([t.count]);
    }
    for (const t of json.total.counts.levels) expect(tables.get('levels')).toContainEqual([t.name, String(t.count)]);
    expect(
      tables
        .get('timeLimits')!
        .slice(1)
        .map((r) => Number(r[1])),
    ).toEqual(json.total.counts.timeLimits.map((t) => t.count));
    const againstAt = rows.findIndex((r) => r[0] === '与 HEAD~1 相比');
    for (const d of [...json.against!.domains, { ...json.against!.total, name: '合计' }]) {
      const numbers = [d.before.level1, d.after.level1, d.before.level2, d.after.level2];
      expect(tables.get('against')!.find((r) => r[0] === d.name)).toEqual([
        d.name,
        `${d.before.level1} → ${d.after.level1}`,
        `${d.before.level2} → ${d.after.level2}`,
        ...[d.added.level1, d.added.level2, d.removed.level1, d.removed.level2].map(String),
      ]);
      expect(sheetRow(d.name, againstAt)).toEqual([
        ...numbers,
        d.added.level1,
        d.added.level2,
        d.removed.level1,
        d.removed.level2,
      ]);
    }
  });

  it('html is one page with no script nor anything to fetch, escapes every name, and speaks English with en', async () => {
    const odd = structuredClone(withAgainst);
    odd.domains[0]!.name = '一<b>"二" & \'三\'';
    odd.units[0]!.name = '</table><script>alert(1)</script>';
    odd.total.counts.channels[0]!.name = '<svg onload=x>';
    odd.against!.domains[0]!.name = '<i>';
    const html = await format('html', odd);
    expect(html).not.toMatch(/<script|<svg onload|<b>|<i>|src=|href="http/i);
    expect(html).toContain('一&lt;b&gt;&quot;二&quot; &amp; &#39;三&#39;');
    expect(html).toContain('lang="zh-CN"');
    const names = htmlTables(html);
    expect(names.get('domains')![1]![0]).toBe(odd.domains[0]!.name);
    expect(names.get('units')![1]![0]).toBe(odd.units[0]!.name);
    expect(html).toBe(await format('html', odd));
    const en = await format('html', withAgainst, 'en');
    expect(en).toContain('lang="en"');
    expect(en).toContain('3 domains, 18 first-level items, 59 second-level items');
    expect(en).not.toMatch(/领域|合计/);
  });

  it('xlsx writes numbers as numbers and text as text, never a formula, the same bytes each time', async () => {
    const odd = structuredClone(withAgainst);
    odd.domains[0]!.name = '=SUM(A1:A2)';
    const xlsx = (await STATS_FILE_FORMATTERS.xlsx())(odd, { lang: 'zh' });
    const bytes = await xlsx;
    expect(bytes).toEqual(await (await STATS_FILE_FORMATTERS.xlsx())(odd, { lang: 'zh' }));
    const sheet = (await loadWorkbook(bytes)).worksheets[0]!;
    const kinds = new Set<string>();
    sheet.eachRow((row) => row.eachCell((c) => kinds.add(typeof c.value === 'object' ? 'object' : typeof c.value)));
    expect([...kinds].sort()).toEqual(['number', 'string']);
    expect((await sheetRows(bytes)).some((r) => r[0] === '=SUM(A1:A2)')).toBe(true);
    // Printed at the fixed scale its pages are cut for, with no row repeated by the print settings.
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: false, paperSize: 9 });
    expect(sheet.pageSetup.scale).toBeGreaterThan(50);
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined();
  });

  it("xlsx cuts a long report into pages, each page a table runs onto starting with that table's headings", async () => {
    // 300 units and 40 channels: the unit table runs over several pages, and so does the channels' list.
    const many: StatsReport = structuredClone(withAgainst);
    many.units = Array.from({ length: 300 }, (_, i) => ({ ...report.units[0]!, name: `第${i + 1}单位` }));
    many.total.counts.channels = Array.from({ length: 40 }, (_, i) => ({ name: `渠道${i + 1}`, count: i }));
    const bytes = await (await STATS_FILE_FORMATTERS.xlsx())(many, { lang: 'zh' });
    const rows = await sheetRows(bytes);
    const sheet = (await loadWorkbook(bytes)).worksheets[0]!;
    // The row above each manual break (0-based here: the break's id is the 1-based row above it).
    const breaks = [...readZipEntry(bytes, 'xl/worksheets/sheet1.xml').matchAll(/<brk id="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(breaks.length).toBeGreaterThanOrEqual(6);
    const tableAt = (r: number) => {
      // The table a row belongs to: the nearest section or headings row above it.
      for (let i = r; i >= 0; i--) {
        const first = rows[i]![0];
        if (
          first === '领域或单位' ||
          first === '公开层级' ||
          first === '公开渠道' ||
          first === '公开时限' ||
          first === '领域'
        )
          return first;
      }
      return '';
    };
    // An empty row keeps the sheet's default height (15 points).
    const heights: number[] = rows.map((_, r) => {
      // exceljs types a row's height as a number; a row written without one reads back without.
      const height = sheet.getRow(r + 1).height as number | undefined;
      return height ?? 15;
    });
    const scale = sheet.pageSetup.scale! / 100;
    const page = (595.28 - (0.5 + 0.6) * 72) / scale;
    let start = 0;
    for (const b of breaks) {
      // Each page holds no more than fits it at the printed scale.
      expect(heights.slice(start, b).reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(page);
      const next = rows[b]!;
      const isData = (row: (string | number)[] | undefined) => typeof row?.[1] === 'number';
      // No page starts with a row of numbers: a table that runs on starts the page with its own headings.
      expect(isData(next), `row ${b + 1}`).toBe(false);
      if (isData(rows[b - 1])) expect(next[0], `row ${b + 1}`).toBe(tableAt(b - 1));
      start = b;
    }
    // Every unit and channel is there once.
    expect(rows.filter((r) => typeof r[0] === 'string' && /^第\d+单位$/.test(r[0])).length).toBe(300);
    expect(rows.filter((r) => typeof r[0] === 'string' && /^渠道\d+$/.test(r[0])).length).toBe(40);
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
    expect(text).toContain('共1个领域、1个一级事项、1个二级事项、2个三级事项');
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
