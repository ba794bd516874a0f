import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import fc from 'fast-check';
import { diffCatalogs } from '../../src/diff/diff-catalogs.js';
import { countCatalog } from '../../src/catalog/counts.js';
import { againstStats, catalogStats, computeStats } from '../../src/stats/compute-stats.js';
import { arbitraryCatalog } from '../_helpers/arbitrary-catalog.js';
import { arbitraryRevisionWithEdits } from '../_helpers/arbitrary-revision.js';
import { runs } from '../_helpers/fc-options.js';
import type { Tally } from '../../src/stats/types.js';

const CATALOGS = join(import.meta.dirname, '../../catalogs');

/** The shipped example catalogs, resolved, by file name. */
function shipped() {
  return readdirSync(CATALOGS)
    .filter((f) => f.endsWith('.yaml'))
    .map((file) => ({
      file,
      catalog: resolveCatalog(yaml.load(readFileSync(join(CATALOGS, file), 'utf8'), { schema: yaml.JSON_SCHEMA })),
    }));
}

const resolved = (text: string) => resolveCatalog(yaml.load(text, { schema: yaml.JSON_SCHEMA }));
const asObject = (tallies: readonly Tally[]) => Object.fromEntries(tallies.map((t) => [t.name, t.count]));

describe('computeStats on the shipped catalogs', () => {
  // Counted by hand from the YAML files: each `- name:` under the top-level `items:` (indented two spaces)
  // is a 一级事项, each `- name:` under one of those (six spaces) a 二级事项; none has 三级事项 (no
  // `- name:` at ten spaces), and every `name:` of each file is one of the two (the sums below add up to
  // the file's `name:` lines). The 依申请 and 特定群体 items are the ones whose 二级事项 say so (none is set
  // on a 一级事项 or in `defaults`): 户籍管理, 社会救助 and 生态环境 have one 依申请 item each.
  const HAND_COUNTS: Record<string, [domain: string, level1: number, level2: number]> = {
    'anquan-shengchan.yaml': ['安全生产', 6, 19],
    'gonggong-wenhua-fuwu.yaml': ['公共文化服务', 6, 18],
    'huji-guanli.yaml': ['户籍管理', 6, 19],
    'qinghe-jiedao-yanglao-fuwu.yaml': ['养老服务', 5, 12],
    'shehui-jiuzhu.yaml': ['社会救助', 5, 17],
    'shengtai-huanjing.yaml': ['生态环境', 7, 20],
    'yiwu-jiaoyu.yaml': ['义务教育', 7, 23],
  };
  const report = computeStats(shipped());

  it('counts the 一级 and 二级 items of each catalog as counted by hand', () => {
    expect(
      Object.fromEntries(report.catalogs.map((c) => [c.file, [c.domain, c.counts.level1, c.counts.level2]])),
    ).toEqual(HAND_COUNTS);
    expect(report.catalogs.every((c) => c.counts.level3 === 0 && c.counts.rows === c.counts.level2)).toBe(true);
  });

  it('adds them up: 7 domains, 42 一级 and 128 二级 items', () => {
    expect(report.total).toMatchObject({ catalogs: 7, domains: 7, units: 7 });
    expect(report.total.counts).toMatchObject({ level1: 42, level2: 128, level3: 0, rows: 128 });
    expect(report.total.counts.method).toEqual({ 主动: 125, 依申请: 3 });
    expect(report.total.counts.audience).toEqual({ 全社会: 115, 特定群体: 13 });
  });

  it('lists domains in the order of the standard list', () => {
    expect(report.domains.map((d) => d.name)).toEqual([
      '安全生产',
      '生态环境',
      '公共文化服务',
      '社会救助',
      '养老服务',
      '户籍管理',
      '义务教育',
    ]);
    // 其他 counts the 户籍管理 items (all of them: its defaults name another channel) and the nine 二级事项 elsewhere that name one.
    expect(asObject(report.total.counts.channels).其他).toBe(19 + 9);
  });
});

describe('countCatalog', () => {
  const catalog = resolved(`
domain: 测试领域
unit: 测试单位
level_columns: [乡级, 县级]
defaults:
  channels: [政府网站]
  method: 主动
  audience: 全社会
  time_limit: 信息形成或者变更之日起20个工作日内
items:
  - name: 甲
    levels: [县级]
    basis: 《中华人民共和国政府信息公开条例》（国务院令第711号）
    subject: 测试单位
    items:
      - name: 甲一
        method: [主动, 依申请]
        channels: [其他, 两微一端, 自办小程序, 政府网站]
      - name: 甲二
        other_channels: [某某平台]
        audience: [全社会, 特定群体]
        levels: [村级, 县级]
        items:
          - name: 甲二一
            time_limit: 实时
          - name: 甲二二
            time_limit: 视情况而定
            basis: 国务院令第711号
  # 乙 sets no 依据 and no 主体, nor does anything above it.
  - name: 乙
    items:
      - name: 乙一
        time_limit: ""
`);
  const counts = countCatalog(catalog);

  it('counts items at each level, and the elements over the items with no sub-items', () => {
    expect(counts).toMatchObject({ level1: 2, level2: 3, level3: 2, rows: 4 });
    // 甲一 is both 主动 and 依申请; 甲二一 and 甲二二 (under 甲二) are for both audiences.
    expect(counts.method).toEqual({ 主动: 4, 依申请: 1 });
    expect(counts.audience).toEqual({ 全社会: 4, 特定群体: 2 });
  });

  it('counts only the allowed words of a catalog with errors, each once per item', () => {
    const flawed = countCatalog(
      resolved(`domain: 义务教育
unit: 青禾区教育局
items:
  - name: 甲
    items:
      - name: 甲一
        method: [主动公开, 主动, 主动]
        audience: [全体, 全社会]
        channels: [政府网站, 政府网站, 其他]
        other_channels: [微信群]
`),
    );
    expect(flawed.method).toEqual({ 主动: 1, 依申请: 0 });
    expect(flawed.audience).toEqual({ 全社会: 1, 特定群体: 0 });
    expect(asObject(flawed.channels)).toEqual({ 政府网站: 1, 其他: 1 });
  });

  it('orders levels as the catalog’s columns, then others; channels in the standard order, then others', () => {
    expect(counts.levels).toEqual([
      { name: '乡级', count: 0 },
      { name: '县级', count: 3 },
      { name: '村级', count: 2 },
    ]);
    // 其他 is written on 甲一, and named through other_channels on 甲二一 and 甲二二: once each.
    expect(counts.channels).toEqual([
      { name: '政府网站', count: 4 },
      { name: '两微一端', count: 1 },
      { name: '其他', count: 3 },
      { name: '自办小程序', count: 1 },
    ]);
  });

  it('tells kinds of 公开时限 apart, and counts missing or unclear 依据 and missing 主体', () => {
    expect(asObject(counts.timeLimits)).toEqual({ 'working-days': 2, realtime: 1, unparsed: 1 });
    expect(counts.noBasis).toBe(1);
    expect(counts.unclearBasis).toBe(1);
    expect(counts.noSubject).toBe(1);
  });

  it('puts a domain outside the standard list after the standard ones, and adds up each unit', () => {
    const other = resolved('domain: 安全生产\nunit: 测试单位\nitems: [{ name: 丙, items: [{ name: 丙一 }] }]\n');
    const report = computeStats([
      { file: 'a.yaml', catalog },
      { file: 'b.yaml', catalog: other },
    ]);
    expect(report.domains.map((d) => d.name)).toEqual(['安全生产', '测试领域']);
    expect(report.units).toEqual([{ name: '测试单位', catalogs: 2, counts: report.total.counts }]);
    expect(report.total.counts).toMatchObject({ level1: 3, level2: 4, level3: 2, rows: 5, noBasis: 2, noSubject: 2 });
    expect(asObject(report.total.counts.timeLimits)).toMatchObject({ none: 1, 'working-days': 2 });
  });
});

describe('againstStats: the numbers against a baseline', () => {
  /** A catalog and a revision of it by a few random edits (items added, removed, renamed, moved, changed). */
  const revisions = arbitraryCatalog().chain((a) => arbitraryRevisionWithEdits(a));

  it('gives now − then = added − removed, for each domain and in total, as the change report counts', () => {
    fc.assert(
      fc.property(revisions, ({ before, after }) => {
        const old = resolveCatalog(before);
        const now = resolveCatalog(after);
        const { counts } = diffCatalogs(old, now);
        const domain = typeof before.domain === 'string' ? before.domain : '';
        const against = againstStats(
          'HEAD~1',
          [catalogStats({ file: 'HEAD~1:a.yaml', catalog: old })],
          [catalogStats({ file: 'a.yaml', catalog: now })],
          [{ domain, counts }],
        );
        for (const d of [...against.domains, against.total]) {
          expect(d.after.level1 - d.before.level1).toBe(d.added.level1 - d.removed.level1);
          expect(d.after.level2 - d.before.level2).toBe(d.added.level2 - d.removed.level2);
        }
        expect(against.total.added).toEqual(counts.added);
        expect(against.total.removed).toEqual(counts.removed);
      }),
      runs(150),
    );
  });

  it('adds up the domains of both sides, a domain only one side has included', () => {
    const a = (domain: string, level1: number, level2: number) => ({
      file: `${domain}.yaml`,
      domain,
      unit: '某单位',
      title: domain,
      counts: { ...countCatalog(resolved('domain: x\nunit: y\nitems: []\n')), level1, level2 },
    });
    const against = againstStats(
      'old',
      [a('义务教育', 7, 23), a('安全生产', 6, 19)],
      [a('义务教育', 8, 25), a('社会救助', 5, 17)],
      [
        { domain: '义务教育', counts: { added: { level1: 1, level2: 2 }, removed: { level1: 0, level2: 0 } } },
        { domain: '安全生产', counts: { added: { level1: 0, level2: 0 }, removed: { level1: 6, level2: 19 } } },
        { domain: '社会救助', counts: { added: { level1: 5, level2: 17 }, removed: { level1: 0, level2: 0 } } },
      ],
    );
    expect(against.domains.map((d) => `${d.name} ${d.before.level2}→${d.after.level2}`)).toEqual([
      '安全生产 19→0',
      '社会救助 0→17',
      '义务教育 23→25',
    ]);
    expect(against.total).toEqual({
      name: '',
      before: { level1: 13, level2: 42 },
      after: { level1: 13, level2: 42 },
      added: { level1: 6, level2: 19 },
      removed: { level1: 6, level2: 19 },
    });
  });
});
