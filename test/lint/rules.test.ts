import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic, Position, Severity } from '../../src/diagnostics.js';
import { buildVocabulary } from '../../src/catalog/vocabulary.js';
import { RULES } from '../../src/lint/registry.js';
import { resolveValidateOptions, type ValidateOptions } from '../../src/validate/options.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { check } from '../_helpers/check.js';

// ---------------------------------------------------------------------------------------------
// Building catalogs

/** The fields of a complete, valid 二级事项, as YAML text after `key: `. */
const BASE: Record<string, string> = {
  content: '与义务教育有关的法律、法规',
  basis: '《中华人民共和国政府信息公开条例》(国务院令第711号)',
  time_limit: '信息形成或者变更之日起20个工作日内',
  subject: '青禾区教育局',
  channels: '[政府网站]',
  audience: '全社会',
  method: '主动',
  levels: '[县级]',
};

type Over = Record<string, string | null>;

/** YAML lines for fields at an indent: `base` with `over` applied (null drops a field, new keys go last). */
function fields(indent: number, over: Over = {}, base: Record<string, string> = BASE): string {
  const merged: Record<string, string | null> = { ...base, ...over };
  return Object.entries(merged)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${' '.repeat(indent)}${k}: ${v}\n`)
    .join('');
}

/** A catalog file around the given items (YAML indented by two spaces). */
function cat(items: string, opts: { domain?: string; header?: string; levelColumns?: string | null } = {}): string {
  const levels = opts.levelColumns === null ? '' : `level_columns: ${opts.levelColumns ?? '[县级, 乡级]'}\n`;
  return `domain: ${opts.domain ?? '义务教育'}\nunit: 青禾区教育局\n${levels}${opts.header ?? ''}items:\n${items}`;
}

/** One 一级事项 “政策文件” with one 二级事项 “法律法规”, its fields changed by `over`. */
function one(over: Over = {}, opts: Parameters<typeof cat>[1] = {}): string {
  return cat(`  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8, over)}`, opts);
}

/** Where `value` is written right after `before` (the nth such place): 1-based line and column. */
function pos(text: string, before: string, value: string, nth = 0): Position {
  let at = text.indexOf(before + value);
  for (let i = 0; i < nth && at >= 0; i++) at = text.indexOf(before + value, at + 1);
  if (at < 0) throw new Error(`not in the text: ${before}${value}`);
  const offset = at + before.length;
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

const of = (found: readonly Diagnostic[], code: string) => found.filter((d) => d.code === code);

/** English, loosely: quoted values aside, more Latin letters than CJK and no Chinese punctuation. */
function looksEnglish(text: string): boolean {
  const bare = text.replace(/"[^"]*"|“[^”]*”|`[^`]*`/g, '');
  const latin = (bare.match(/[A-Za-z]/g) ?? []).length;
  const cjk = (bare.match(/[\u3400-\u9fff]/g) ?? []).length;
  return latin > cjk && !/[。，：；（）、]/.test(bare);
}

// The shipped minimal catalog is clean: every case below starts from it.
it('the base catalog has no findings', () => {
  expect(check(one())).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// Failing cases: every file rule, with the findings it must give

interface Failing {
  /** What is wrong, for the test name. */
  name: string;
  yaml: string;
  code: string;
  severity: Severity;
  /** The pointers of that code's findings, in order. */
  pointers: string[];
  /** Where the first finding starts: [text before the value, the value, which occurrence (default 0)]. */
  at?: [string, string, number?];
  /** The hint mentions this. */
  hint?: string;
  /** Other codes the same file gives (nothing else may be reported). */
  also?: string[];
  options?: Partial<ValidateOptions>;
}

const L2 = '/items/0/items/0';

const FAILING: Failing[] = [
  // domain-known
  {
    name: 'former domain name 环境保护',
    yaml: one({}, { domain: '环境保护' }),
    code: 'domain-known',
    severity: 'warning',
    pointers: ['/domain'],
    at: ['domain: ', '环境保护'],
    hint: '生态环境',
  },
  {
    name: 'former domain name 医疗卫生',
    yaml: one({}, { domain: '医疗卫生' }),
    code: 'domain-known',
    severity: 'warning',
    pointers: ['/domain'],
    hint: '卫生健康',
  },
  {
    name: 'typo in a domain',
    yaml: one({}, { domain: '义务教肓' }),
    code: 'domain-known',
    severity: 'warning',
    pointers: ['/domain'],
    hint: '义务教育',
  },
  {
    name: 'unknown domain',
    yaml: one({}, { domain: '星际航行' }),
    code: 'domain-known',
    severity: 'warning',
    pointers: ['/domain'],
    hint: 'vocabulary.domains',
  },

  // item-unique
  {
    name: 'two 二级事项 of one name',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8)}      - name: 规章\n${fields(8)}      - name: 法律法规\n${fields(8)}`,
    ),
    code: 'item-unique',
    severity: 'warning',
    pointers: [`/items/0/items/2/name`],
    at: ['      - name: ', '法律法规', 1],
  },
  {
    name: 'names differing only in spaces and width',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8)}      - name: 法律 法规\n${fields(8)}  - name: 政策文件\n${fields(4)}`,
    ),
    code: 'item-unique',
    severity: 'warning',
    pointers: ['/items/0/items/1/name', '/items/1/name'],
    also: ['text-whitespace'],
  },

  // content-required
  // A 一级事项 whose only row lacks an element: the whole 一级事项 lacks it, so it is reported there.
  {
    name: 'the only row without content',
    yaml: one({ content: null }),
    code: 'content-required',
    severity: 'error',
    pointers: ['/items/0/name'],
    at: ['  - name: ', '政策文件'],
  },
  {
    name: 'a whole 一级事项 without content, reported once at its name',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8, { content: null })}      - name: 规章\n${fields(8, { content: null })}  - name: 招生入学\n${fields(4)}`,
    ),
    code: 'content-required',
    severity: 'error',
    pointers: ['/items/0/name'],
    at: ['  - name: ', '政策文件'],
  },
  {
    name: 'one of two rows without content, reported at that row',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8)}      - name: 规章\n${fields(8, { content: null })}`,
    ),
    code: 'content-required',
    severity: 'error',
    pointers: ['/items/0/items/1/name'],
  },
  {
    name: 'a 二级事项 whose 三级事项 all lack content, reported once at the 二级事项',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n        items:\n          - name: 国家法律\n${fields(12, { content: null })}          - name: 地方法规\n${fields(12, { content: null })}      - name: 规章\n${fields(8)}`,
    ),
    code: 'content-required',
    severity: 'error',
    pointers: ['/items/0/items/0/name'],
  },

  // elements-present
  {
    name: 'no basis',
    yaml: one({ basis: null }),
    code: 'elements-present',
    severity: 'warning',
    pointers: ['/items/0/name'],
    at: ['  - name: ', '政策文件'],
  },
  {
    name: 'no time_limit',
    yaml: one({ time_limit: null }),
    code: 'elements-present',
    severity: 'warning',
    pointers: ['/items/0/name'],
  },
  {
    name: 'no subject',
    yaml: one({ subject: null }),
    code: 'elements-present',
    severity: 'warning',
    pointers: ['/items/0/name'],
  },
  {
    name: 'no basis, time_limit or subject',
    yaml: one({ basis: null, time_limit: null, subject: null }),
    code: 'elements-present',
    severity: 'warning',
    pointers: ['/items/0/name', '/items/0/name', '/items/0/name'],
  },
  {
    name: 'a row without subject beside one with it',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8, { subject: null })}      - name: 规章\n${fields(8)}`,
    ),
    code: 'elements-present',
    severity: 'warning',
    pointers: [`${L2}/name`],
    at: ['      - name: ', '法律法规'],
  },

  // basis-citation
  {
    name: 'a citation without 《》',
    yaml: one({ basis: '相关政策文件' }),
    code: 'basis-citation',
    severity: 'warning',
    pointers: [`${L2}/basis`],
    at: ['basis: ', '相关政策文件'],
  },
  {
    name: 'an unpaired 《',
    yaml: one({ basis: '《中华人民共和国政府信息公开条例' }),
    code: 'basis-citation',
    severity: 'warning',
    pointers: [`${L2}/basis`],
  },
  {
    name: 'a year in [] in the second citation of a list',
    yaml: one({
      basis:
        '\n          - 《中华人民共和国政府信息公开条例》(国务院令第711号)\n          - 《文化部财务管理办法》(文财务发[2011]5号)',
    }),
    code: 'basis-citation',
    severity: 'warning',
    pointers: [`${L2}/basis/1`],
    at: ['          - ', '《文化部财务管理办法》'],
    hint: '文财务发〔2011〕5号',
  },
  {
    name: 'a year in ﹝﹞',
    yaml: one({ basis: '《关于全面推进政务公开工作的意见》(中办发﹝2016﹞8号)' }),
    code: 'basis-citation',
    severity: 'warning',
    pointers: [`${L2}/basis`],
    hint: '中办发〔2016〕8号',
  },
  {
    name: 'a lost 〕',
    yaml: one({ basis: '《关于全面推进政务公开工作的意见》(中办发〔201680号)' }),
    code: 'basis-citation',
    severity: 'warning',
    pointers: [`${L2}/basis`],
    hint: '中办发〔2016〕80号',
  },
  {
    name: 'a bad citation in defaults',
    yaml: one({ basis: null }, { header: 'defaults:\n  basis: [相关政策文件]\n' }),
    code: 'basis-citation',
    severity: 'warning',
    pointers: ['/defaults/basis/0'],
    at: ['  basis: [', '相关政策文件'],
  },

  // time-limit-parses
  {
    name: 'an unreadable time limit',
    yaml: one({ time_limit: '看情况而定' }),
    code: 'time-limit-parses',
    severity: 'warning',
    pointers: [`${L2}/time_limit`],
    at: ['time_limit: ', '看情况而定'],
  },
  {
    name: 'an unreadable time limit on the 一级事项',
    yaml: cat(
      `  - name: 政策文件\n    time_limit: 尽快\n    items:\n      - name: 法律法规\n${fields(8, { time_limit: null })}`,
    ),
    code: 'time-limit-parses',
    severity: 'warning',
    pointers: ['/items/0/time_limit'],
  },

  // apply-time-limit
  {
    name: 'an 依申请 row whose deadline runs from 信息形成',
    yaml: one({ method: '依申请', audience: '特定群体', specific_group: '申请人' }),
    code: 'apply-time-limit',
    severity: 'warning',
    pointers: [`${L2}/time_limit`],
    at: ['time_limit: ', '信息形成或者变更之日起20个工作日内'],
  },
  {
    name: 'an 依申请 row inheriting a non-application deadline, reported at the row',
    yaml: cat(
      `  - name: 政策文件\n    time_limit: 信息形成或者变更之日起20个工作日内\n    items:\n      - name: 法律法规\n${fields(8, { time_limit: null })}      - name: 申请公开\n${fields(8, { time_limit: null, method: '依申请', audience: '特定群体', specific_group: '申请人' })}`,
    ),
    code: 'apply-time-limit',
    severity: 'warning',
    pointers: ['/items/0/items/1/name'],
  },

  // channel-required
  {
    name: 'the only row without channels',
    yaml: one({ channels: null }),
    code: 'channel-required',
    severity: 'error',
    pointers: ['/items/0/name'],
    at: ['  - name: ', '政策文件'],
  },
  {
    name: 'a 三级事项 without channels beside one with them',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n        items:\n          - name: 国家法律\n${fields(12)}          - name: 地方法规\n${fields(12, { channels: null })}`,
    ),
    code: 'channel-required',
    severity: 'error',
    pointers: ['/items/0/items/0/items/1/name'],
    at: ['          - name: ', '地方法规'],
  },

  // channel-known
  {
    name: '一微一端',
    yaml: one({ channels: '[一微一端]' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: [`${L2}/channels/0`],
    at: ['channels: [', '一微一端'],
    hint: '两微一端',
  },
  {
    name: '人户/现场',
    yaml: one({ channels: '[政府网站, 人户/现场]' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: [`${L2}/channels/1`],
    at: ['政府网站, ', '人户/现场'],
    hint: '入户/现场',
  },
  {
    name: '行政服务中心',
    yaml: one({ channels: '行政服务中心' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: [`${L2}/channels`],
    at: ['channels: ', '行政服务中心'],
    hint: '政务服务中心',
  },
  {
    name: 'full-width parentheses',
    yaml: one({ channels: '[社区/企事业单位/村公示栏（电子屏）]' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: [`${L2}/channels/0`],
    hint: '社区/企事业单位/村公示栏(电子屏)',
  },
  {
    name: 'a typo',
    yaml: one({ channels: '[政腐网站]' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: [`${L2}/channels/0`],
    hint: '政府网站',
  },
  {
    name: 'a local channel in channels',
    yaml: one({ channels: '[政府网站, 办税服务厅]' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: [`${L2}/channels/1`],
    hint: 'other_channels',
  },
  {
    name: 'an alias in defaults',
    yaml: one({ channels: null }, { header: 'defaults:\n  channels: [政府网站, 纸质载体]\n' }),
    code: 'channel-known',
    severity: 'warning',
    pointers: ['/defaults/channels/1'],
    at: ['政府网站, ', '纸质载体'],
    hint: '纸质媒体',
  },

  // other-channel-named
  {
    name: '其他 without a name',
    yaml: one({ channels: '[政府网站, 其他]' }),
    code: 'other-channel-named',
    severity: 'warning',
    pointers: [`${L2}/channels`],
    at: ['channels: ', '[政府网站, 其他]'],
  },
  {
    name: '其他 on the 一级事项, reported once where it is written',
    yaml: cat(
      `  - name: 政策文件\n    channels: [其他]\n    items:\n      - name: 法律法规\n${fields(8, { channels: null })}      - name: 规章\n${fields(8, { channels: null })}`,
    ),
    code: 'other-channel-named',
    severity: 'warning',
    pointers: ['/items/0/channels'],
  },

  // audience-required
  {
    name: 'the only row without audience',
    yaml: one({ audience: null }),
    code: 'audience-required',
    severity: 'error',
    pointers: ['/items/0/name'],
  },
  {
    name: 'no audience anywhere in two 一级事项, reported once for each',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8, { audience: null })}      - name: 规章\n${fields(8, { audience: null })}  - name: 招生入学\n${fields(4, { audience: null })}`,
    ),
    code: 'audience-required',
    severity: 'error',
    pointers: ['/items/0/name', '/items/1/name'],
  },

  // audience-consistent
  {
    name: '主动 to 特定群体 without saying who',
    yaml: one({ audience: '特定群体' }),
    code: 'audience-consistent',
    severity: 'warning',
    pointers: [`${L2}/audience`],
    at: ['audience: ', '特定群体'],
  },
  {
    name: '依申请 to 全社会',
    yaml: one({ time_limit: '自收到申请之日起20个工作日内', method: '依申请' }),
    code: 'audience-consistent',
    severity: 'warning',
    pointers: [`${L2}/audience`],
  },
  {
    name: 'specific_group without 特定群体',
    yaml: one({ specific_group: '项目单位' }),
    code: 'audience-consistent',
    severity: 'warning',
    pointers: [`${L2}/specific_group`],
    at: ['specific_group: ', '项目单位'],
  },
  {
    name: 'audience in defaults, method on the row: reported at the deeper one',
    yaml: one({ audience: null }, { header: 'defaults:\n  audience: 特定群体\n' }),
    code: 'audience-consistent',
    severity: 'warning',
    pointers: [`${L2}/method`],
  },

  // method-required
  {
    name: 'the only row without method',
    yaml: one({ method: null }),
    code: 'method-required',
    severity: 'error',
    pointers: ['/items/0/name'],
  },
  {
    name: 'a row without method beside one with it',
    yaml: cat(
      `  - name: 政策文件\n    items:\n      - name: 法律法规\n${fields(8)}      - name: 规章\n${fields(8, { method: null })}`,
    ),
    code: 'method-required',
    severity: 'error',
    pointers: ['/items/0/items/1/name'],
  },

  // method-single
  {
    name: 'both methods',
    yaml: one({ method: '[主动, 依申请]' }),
    code: 'method-single',
    severity: 'warning',
    pointers: [`${L2}/method`],
    at: ['method: ', '[主动, 依申请]'],
  },

  // level-required
  {
    name: 'the only row without levels',
    yaml: one({ levels: null }),
    code: 'level-required',
    severity: 'warning',
    pointers: ['/items/0/name'],
  },
  {
    name: 'no levels, columns from the options',
    yaml: one({ levels: null }, { levelColumns: null }),
    code: 'level-required',
    severity: 'warning',
    pointers: ['/items/0/name'],
    options: { levelColumns: ['县级'] },
  },

  // level-known
  {
    name: 'an undeclared level',
    yaml: one({ levels: '[县级, 镇级]' }),
    code: 'level-known',
    severity: 'error',
    pointers: [`${L2}/levels/1`],
    at: ['县级, ', '镇级'],
  },
  {
    name: 'a level when no columns are declared',
    yaml: one({}, { levelColumns: null }),
    code: 'level-known',
    severity: 'error',
    pointers: [`${L2}/levels/0`],
    hint: 'level_columns',
  },

  // extra-declared
  {
    name: 'an undeclared extra column (points at the key)',
    yaml: one({ extra: '\n          备注: 无' }),
    code: 'extra-declared',
    severity: 'warning',
    pointers: [`${L2}/extra/备注`],
    at: ['          ', '备注: 无'],
  },
  {
    name: 'a misspelt extra column',
    yaml: one({ extra: '{咨询电活: "0000"}' }, { header: 'extra_columns: [咨询电话]\n' }),
    code: 'extra-declared',
    severity: 'warning',
    pointers: [`${L2}/extra/咨询电活`],
    hint: '咨询电话',
  },

  // no-same-as-above
  {
    name: '同上 as a time limit',
    yaml: one({ time_limit: '同上' }),
    code: 'no-same-as-above',
    severity: 'warning',
    pointers: [`${L2}/time_limit`],
    at: ['time_limit: ', '同上'],
  },
  {
    name: '同上 as a basis',
    yaml: one({ basis: '同上' }),
    code: 'no-same-as-above',
    severity: 'warning',
    pointers: [`${L2}/basis`],
  },
  {
    name: '同 上 (wrapped) as a subject',
    yaml: one({ subject: '同 上' }),
    code: 'no-same-as-above',
    severity: 'warning',
    pointers: [`${L2}/subject`],
  },
  {
    name: '同上 in a content list',
    yaml: one({ content: '[招生计划, 同上]' }),
    code: 'no-same-as-above',
    severity: 'warning',
    pointers: [`${L2}/content/1`],
  },

  // text-whitespace
  {
    name: 'a name wrapped in its table cell',
    yaml: cat(`  - name: 政策 文件\n    items:\n      - name: 法律法规\n${fields(8)}`),
    code: 'text-whitespace',
    severity: 'warning',
    pointers: ['/items/0/name'],
    at: ['  - name: ', '政策 文件'],
    hint: '政策文件',
  },
  {
    name: 'a name with the line breaks of its table cell',
    yaml: one().replace('- name: 法律法规', '- name: "法律\\n法\\n规"'),
    code: 'text-whitespace',
    severity: 'warning',
    pointers: [`${L2}/name`],
    hint: '法律法规',
  },
  {
    name: 'spaces at the ends of quoted content',
    yaml: one({ content: '" 与义务教育有关的法律、法规 "' }),
    code: 'text-whitespace',
    severity: 'warning',
    pointers: [`${L2}/content`],
    at: ['content: ', '" 与义务教育有关的法律、法规 "'],
  },
  {
    name: 'an ideographic space after a time limit',
    yaml: one({ time_limit: '信息形成或者变更之日起20个工作日内\u3000' }),
    code: 'text-whitespace',
    severity: 'warning',
    pointers: [`${L2}/time_limit`],
  },
  {
    name: 'a space before a unit',
    yaml: one().replace('unit: 青禾区教育局', 'unit: " 青禾区教育局"'),
    code: 'text-whitespace',
    severity: 'warning',
    pointers: ['/unit'],
  },
];

describe('file rules report what is wrong', () => {
  it.each(FAILING)('$code: $name', (c) => {
    const found = check(c.yaml, c.options);
    const mine = of(found, c.code);
    expect(mine.map((d) => d.pointer)).toEqual(c.pointers);
    for (const d of mine) {
      expect(d.severity).toBe(c.severity);
      expect(d.message.trim()).not.toBe('');
      expect(d.file).toBe('test.yaml');
      expect(d.range).toBeDefined();
    }
    if (c.at) expect(mine[0]!.range!.start).toEqual(pos(c.yaml, ...c.at));
    if (c.hint) expect(mine.some((d) => d.hint?.includes(c.hint!))).toBe(true);
    expect([...new Set(found.map((d) => d.code))].sort()).toEqual([...new Set([c.code, ...(c.also ?? [])])].sort());
  });

  it.each(FAILING)('$code in English: $name', (c) => {
    const zh = of(check(c.yaml, c.options), c.code);
    const en = of(check(c.yaml, { ...c.options, lang: 'en' }), c.code);
    expect(en.map((d) => d.pointer)).toEqual(zh.map((d) => d.pointer));
    en.forEach((d, i) => {
      expect(d.message).not.toBe(zh[i]!.message);
      expect(looksEnglish(zh[i]!.message), zh[i]!.message).toBe(false);
      expect(looksEnglish(d.message), d.message).toBe(true);
      if (d.hint) expect(looksEnglish(d.hint), d.hint).toBe(true);
      if (c.hint) expect(d.hint).toContain(c.hint);
    });
  });
});

// A few positions written out, so that a helper bug cannot hide a position bug.
describe('positions', () => {
  it('points at a channel in a flow list', () => {
    const [d] = of(check(one({ channels: '[一微一端]' })), 'channel-known');
    // line 12: `        channels: [一微一端]`
    expect(d!.range!.start).toEqual({ line: 12, column: 20 });
    expect(d!.range!.end).toEqual({ line: 12, column: 24 });
  });

  it('points at the name of an item missing an element', () => {
    const [d] = of(check(one({ content: null })), 'content-required');
    // line 5: `  - name: 政策文件`
    expect(d!.range!.start).toEqual({ line: 5, column: 11 });
    expect(d!.range!.end).toEqual({ line: 5, column: 15 });
  });

  it('points at the domain', () => {
    const [d] = of(check(one({}, { domain: '环境保护' })), 'domain-known');
    expect(d!.range!.start).toEqual({ line: 1, column: 9 });
  });
});

// ---------------------------------------------------------------------------------------------
// Passing cases: near misses that each rule must accept

const PASSING: [code: string, name: string, yaml: string, options?: Partial<ValidateOptions>, others?: string[]][] = [
  ['domain-known', 'a pilot domain', one({}, { domain: '生态环境' })],
  ['domain-known', 'a known local domain', one({}, { domain: '涉农资金' })],
  [
    'domain-known',
    'a domain added by configuration',
    one({}, { domain: '文物保护' }),
    { vocabulary: buildVocabulary({ domains: ['文物保护'] }) },
  ],

  [
    'item-unique',
    'one name under two parents',
    cat(
      `  - name: 政策文件\n    items:\n      - name: 其他\n${fields(8)}  - name: 招生入学\n    items:\n      - name: 其他\n${fields(8)}`,
    ),
  ],

  [
    'content-required',
    'content on the 一级事项',
    cat(
      `  - name: 政策文件\n    content: 政策文件\n    items:\n      - name: 法律法规\n${fields(8, { content: null })}`,
    ),
  ],
  ['content-required', 'content in defaults', one({ content: null }, { header: 'defaults:\n  content: 文件全文\n' })],
  ['content-required', 'content as a list', one({ content: '[文件名称, 文件全文]' })],

  [
    'elements-present',
    'basis, time limit and subject in defaults',
    one(
      { basis: null, time_limit: null, subject: null },
      {
        header: `defaults:\n${fields(2, {}, { basis: BASE.basis!, time_limit: BASE.time_limit!, subject: BASE.subject! })}`,
      },
    ),
  ],
  [
    'elements-present',
    'basis, time limit and subject on the 一级事项',
    cat(
      `  - name: 政策文件\n${fields(4, {}, { basis: BASE.basis!, time_limit: BASE.time_limit!, subject: BASE.subject! })}    items:\n      - name: 法律法规\n${fields(8, { basis: null, time_limit: null, subject: null })}`,
    ),
  ],

  [
    'basis-citation',
    'a 〔〕 document number',
    one({ basis: '《关于全面推进基层政务公开标准化规范化工作的指导意见》(国办发〔2017〕94号)' }),
  ],
  [
    'basis-citation',
    'a rank tag and a list',
    one({ basis: '[【法律】《中华人民共和国义务教育法》, 《中华人民共和国政府信息公开条例》]' }),
  ],
  ['basis-citation', '同上 (left to no-same-as-above)', one({ basis: '同上' }), {}, ['no-same-as-above']],
  [
    'basis-citation',
    '同 上 with a space (left to no-same-as-above)',
    one({ basis: '同 上' }),
    {},
    ['no-same-as-above'],
  ],

  ['time-limit-parses', '实时公开', one({ time_limit: '实时公开' })],
  ['time-limit-parses', '及时公开', one({ time_limit: '及时公开' })],
  ['time-limit-parses', '长期', one({ time_limit: '长期' })],
  [
    'time-limit-parses',
    'numbered parts with scopes',
    one({ time_limit: '"1.除处罚决定外其他内容:长期公开(动态调整); 2.处罚决定:20个工作日内。"' }),
  ],
  ['time-limit-parses', 'a wrapped string', one({ time_limit: '信息形成或 者变更之日 起20个工作 日内予以公开' })],

  [
    'apply-time-limit',
    'an 依申请 row counting from the application',
    one({
      time_limit: '自收到申请之日起20个工作日内',
      method: '依申请',
      audience: '特定群体',
      specific_group: '申请人',
    }),
  ],
  ['apply-time-limit', 'a 主动 row counting from 信息形成', one()],

  ['channel-required', 'only other_channels', one({ channels: null, other_channels: '[办税服务厅]' })],
  [
    'channel-required',
    'channels on the 一级事项',
    cat(
      `  - name: 政策文件\n    channels: 政府网站\n    items:\n      - name: 法律法规\n${fields(8, { channels: null })}`,
    ),
  ],

  [
    'channel-known',
    'standard names',
    one({ channels: '[两微一端, 入户/现场, 政务服务中心, 社区/企事业单位/村公示栏(电子屏), 发布会/听证会]' }),
  ],
  ['channel-known', 'extended names', one({ channels: '[12345政务服务热线, 政务新媒体]' })],
  [
    'channel-known',
    'a local channel in other_channels',
    one({ channels: '[政府网站, 其他]', other_channels: '[办税服务厅]' }),
  ],
  [
    'channel-known',
    'a channel added by configuration',
    one({ channels: '[办税服务厅]' }),
    { vocabulary: buildVocabulary({ channels: ['办税服务厅'] }) },
  ],

  [
    'other-channel-named',
    '其他 with a name',
    one({ channels: '[政府网站, 其他]', other_channels: '[国家企业信用信息公示系统]' }),
  ],
  [
    'other-channel-named',
    '其他 with the name on the 一级事项',
    cat(
      `  - name: 政策文件\n    other_channels: 办税服务厅\n    items:\n      - name: 法律法规\n${fields(8, { channels: '[其他]' })}`,
    ),
  ],

  ['audience-required', 'audience in defaults', one({ audience: null }, { header: 'defaults:\n  audience: 全社会\n' })],
  ['audience-required', 'both audiences', one({ audience: '[全社会, 特定群体]' })],

  ['audience-consistent', '主动 to a named group', one({ audience: '特定群体', specific_group: '项目单位' })],
  [
    'audience-consistent',
    '依申请 to the applicant',
    one({
      time_limit: '自收到申请之日起20个工作日内',
      method: '依申请',
      audience: '特定群体',
      specific_group: '申请人',
    }),
  ],
  [
    'audience-consistent',
    '主动 to both audiences',
    one({ audience: '[全社会, 特定群体]', specific_group: '项目单位' }),
  ],

  [
    'method-required',
    'method on the 一级事项',
    cat(`  - name: 政策文件\n    method: 主动\n    items:\n      - name: 法律法规\n${fields(8, { method: null })}`),
  ],

  [
    'method-single',
    'one method',
    one({
      method: '[依申请]',
      time_limit: '自收到申请之日起20个工作日内',
      audience: '特定群体',
      specific_group: '申请人',
    }),
  ],
  // A repeated entry is the schema's to report, not a second method.
  ['method-single', '主动 written twice', one({ method: '[主动, 主动]' }), {}, ['schema/unique-items']],
  // White-space content is reported once, by the schema, as empty.
  ['content-required', 'content that is only white space', one({ content: '" "' }), {}, ['schema/empty']],

  ['level-required', 'no level columns, no levels', one({ levels: null }, { levelColumns: null })],
  ['level-required', 'empty level columns, no levels', one({ levels: null }, { levelColumns: '[]' })],
  [
    'level-required',
    'levels on the 一级事项',
    cat(`  - name: 政策文件\n    levels: 乡级\n    items:\n      - name: 法律法规\n${fields(8, { levels: null })}`),
  ],

  ['level-known', 'declared levels', one({ levels: '[县级, 乡级]' })],
  ['level-known', 'levels declared by the options', one({}, { levelColumns: null }), { levelColumns: ['县级'] }],

  [
    'extra-declared',
    'a declared extra column',
    one({ extra: '\n          备注: 无' }, { header: 'extra_columns: [备注]\n' }),
  ],
  [
    'extra-declared',
    'a declared extra column in defaults',
    one({}, { header: 'extra_columns: [备注, 咨询电话]\ndefaults:\n  extra:\n    咨询电话: "0000"\n' }),
  ],

  ['no-same-as-above', 'a value that merely starts with 同上', one({ content: '同上级文件一并公开的内容' })],

  [
    'text-whitespace',
    'spaces between issuers in a citation',
    one({ basis: '《学校食品安全与营养健康管理规定》（教育部 国家市场监督管理总局 国家卫生健康委员会令第45号）' }),
  ],
  ['text-whitespace', 'content listed with spaces', one({ content: '学校名称 办学地址 联系电话' })],
  [
    'text-whitespace',
    'the final line break of a block scalar',
    one({ content: '|\n          与义务教育有关的法律、法规\n          及政策文件' }),
  ],
  [
    'text-whitespace',
    'a space between a name and Latin letters',
    cat(`  - name: 政策文件\n    items:\n      - name: APP 下载\n${fields(8)}`),
  ],
];

describe('file rules accept what is right', () => {
  it('every rule has passing and failing cases here', () => {
    const ids = RULES.map((r) => r.id).filter((id) => id !== 'code-unique');
    expect(new Set(PASSING.map((p) => p[0]))).toEqual(new Set(ids));
    expect(new Set(FAILING.map((f) => f.code))).toEqual(new Set(ids));
  });

  it.each(PASSING)('%s: %s', (code, _name, yaml, options, others = []) => {
    const found = check(yaml, options);
    expect(of(found, code)).toEqual([]);
    // Otherwise clean, so it shows nothing is masked by another finding.
    expect([...new Set(found.map((d) => d.code))]).toEqual(others);
  });
});

// ---------------------------------------------------------------------------------------------
// Severities from the options

describe('rule severities', () => {
  it('every rule has a default severity and a description in both languages', () => {
    for (const rule of RULES) {
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description.zh.trim()).not.toBe('');
      expect(looksEnglish(rule.description.en), rule.description.en).toBe(true);
    }
  });

  it('raises a warning to an error', () => {
    const yaml = one({ channels: '[一微一端]' });
    expect(of(check(yaml), 'channel-known').map((d) => d.severity)).toEqual(['warning']);
    expect(of(check(yaml, { rules: { 'channel-known': 'error' } }), 'channel-known').map((d) => d.severity)).toEqual([
      'error',
    ]);
  });

  it('lowers an error to a warning', () => {
    const found = check(one({ content: null }), { rules: { 'content-required': 'warning' } });
    expect(of(found, 'content-required').map((d) => d.severity)).toEqual(['warning']);
  });

  it('turns a rule off, and only that rule', () => {
    const yaml = one({ channels: '[一微一端]', levels: '[镇级]' });
    const found = check(yaml, { rules: { 'channel-known': 'off' } });
    expect(of(found, 'channel-known')).toEqual([]);
    expect(of(found, 'level-known')).toHaveLength(1);
  });

  it('turns off every rule', () => {
    const rules = Object.fromEntries(RULES.map((r) => [r.id, 'off' as const]));
    const yaml = one(
      { content: null, channels: '[一微一端]', levels: '[镇级]', time_limit: '同上' },
      { domain: '环境保护' },
    );
    expect(check(yaml, { rules })).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// code-unique, across files

describe('code-unique', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zwgk-code-unique-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const withCodes = (a: string, b: string) =>
    cat(`  - name: 政策文件\n    code: "${a}"\n    items:\n      - name: 法律法规\n        code: "${b}"\n${fields(8)}`);

  async function run(files: Record<string, string>, options: Partial<ValidateOptions> = {}) {
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return validateFiles(Object.keys(files).sort(), resolveValidateOptions(options), dir);
  }

  it('reports a code used in two files, in the second file', async () => {
    const report = await run({ 'a.yaml': withCodes('01', '0101'), 'b.yaml': withCodes('02', '0101') });
    const found = of(report.diagnostics, 'code-unique');
    expect(found.map((d) => [d.file, d.pointer, d.severity])).toEqual([['b.yaml', '/items/0/items/0/code', 'error']]);
    expect(found[0]!.range!.start).toEqual(pos(withCodes('02', '0101'), '        code: ', '"0101"'));
    expect(found[0]!.message).toContain('a.yaml');
    expect(report.errorCount).toBe(1);
    expect(report.diagnostics.filter((d) => d.code !== 'code-unique')).toEqual([]);
  });

  it('reports a code used twice in one file', async () => {
    const yaml = withCodes('01', '01');
    const report = await run({ 'a.yaml': yaml });
    expect(of(report.diagnostics, 'code-unique').map((d) => [d.file, d.pointer])).toEqual([
      ['a.yaml', '/items/0/items/0/code'],
    ]);
  });

  it('accepts distinct codes across files', async () => {
    const report = await run({ 'a.yaml': withCodes('01', '0101'), 'b.yaml': withCodes('02', '0201') });
    expect(report.diagnostics).toEqual([]);
  });

  it('follows the severity options', async () => {
    const files = { 'a.yaml': withCodes('01', '0101'), 'b.yaml': withCodes('02', '0101') };
    const warned = await run(files, { rules: { 'code-unique': 'warning' } });
    expect(of(warned.diagnostics, 'code-unique').map((d) => d.severity)).toEqual(['warning']);
    const off = await run(files, { rules: { 'code-unique': 'off' } });
    expect(of(off.diagnostics, 'code-unique')).toEqual([]);
  });

  it('speaks English when asked', async () => {
    const report = await run({ 'a.yaml': withCodes('01', '0101'), 'b.yaml': withCodes('02', '0101') }, { lang: 'en' });
    const [d] = of(report.diagnostics, 'code-unique');
    expect(looksEnglish(d!.message), d!.message).toBe(true);
    expect(looksEnglish(d!.hint ?? ''), d!.hint).toBe(true);
  });
});
