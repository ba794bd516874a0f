import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type FormLayout } from '../../src/forms/layout.js';
import { FORMS } from '../../src/forms/registry.js';
import { submissionSkeleton } from '../../src/forms/skeleton.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { submissionYaml } from '../../src/forms/write-submission.js';

const options = resolveSubmissionOptions();

async function skeleton(id: 'theme-day' | 'open-day', profileId: string) {
  return submissionSkeleton({
    form: id,
    profileId,
    profile: options.profiles.profiles.get(profileId)!,
    layout: await loadLayout<FormLayout>(FORMS[id].layout),
    year: 2024,
    area: '青禾区',
    schemaPath: `../schemas/forms/${id}.schema.json`,
  });
}

/** Fill the empty fields of a skeleton as a unit would, in an editor, keeping the comments. */
function fill(text: string, values: Record<string, string[]>): string {
  const next = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, [...v]]));
  return text.replace(
    /^(\s*(?:- )?)(\w+):(\s*)(#.*)?$/gm,
    (line, indent: string, key: string, _space: string, comment?: string) => {
      const value = next[key]?.shift();
      return value === undefined ? line : `${indent}${key}: ${value}${comment ? `  ${comment}` : ''}`;
    },
  );
}

describe('a new submission', () => {
  it('is a theme-day skeleton with comments in Chinese, every field empty, and 2 themes for Hunan', async () => {
    const text = await skeleton('theme-day', 'hunan-2023');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/forms/theme-day.schema.json');
    expect(text).toContain('# 青禾区2024年“政务公开主题日”活动主题申报表');
    expect(text).toContain('每个单位申报2个活动主题，其中至少1个的活动形式为“实地调研”或“现场观摩”');
    expect(text).toContain('  - theme:  # 活动主题');
    expect(text).toContain('month:  # 活动时间(月份)：4 至 12 的数字');
    const data = parse(text) as { themes: unknown[]; unit: unknown; year: number };
    expect(data.themes).toHaveLength(2);
    expect([data.unit, data.year]).toEqual([null, 2024]);
    // Unfilled, it fails the check at each field to fill in.
    const codes = validateSubmission('new.yaml', text, options).diagnostics.map((d) => d.code);
    expect(codes.every((c) => c === 'schema/empty')).toBe(true);
  });

  it('passes the check once filled in, comments kept', async () => {
    const filled = fill(await skeleton('theme-day', 'hunan-2023'), {
      unit: ['青禾区教育局'],
      contact: ['李晓梅'],
      phone: ['"0871-65123456"'],
      date: ['2024-03-25'],
      theme: ['义务教育招生现场观摩', '课后服务政策座谈'],
      month: ['6', '9'],
      form: ['现场观摩', '座谈交流'],
      brief: ['观摩报名审核流程', '与家长代表座谈'],
    });
    expect(filled).toContain('theme: 义务教育招生现场观摩  # 活动主题');
    expect(validateSubmission('filled.yaml', filled, options).diagnostics).toEqual([]);
  });

  it('is an open-day skeleton with the Shanghai forms', async () => {
    const text = await skeleton('open-day', 'shanghai-2025');
    expect(text).toContain('kind: form/open-day');
    expect(text).toContain('form:  # 活动形式：参观、座谈、体验 选一');
    expect((parse(text) as { activities: unknown[] }).activities).toHaveLength(1);
  });

  it('writes any text so that it reads back the same', () => {
    const awkward = [
      'a: b',
      '# 不是注释',
      '"引号"',
      "'单引号'",
      '- 列表',
      'yes',
      '0123',
      '2024-03-25',
      '第一行\n第二行',
      '结尾换行\n',
      ' 前后空格 ',
      '@开头',
      '[方括号]',
    ];
    for (const value of awkward) {
      const text = submissionYaml({
        form: 'theme-day',
        fields: { unit: value, year: 2024 },
        rows: [{ theme: value, month: 5, form: '实地调研', brief: value }],
      });
      const data = parse(text, { schema: 'core' }) as { unit: string; themes: { theme: string; brief: string }[] };
      expect(data.unit, JSON.stringify(value)).toBe(value);
      expect(data.themes[0]!.theme).toBe(value);
      expect(data.themes[0]!.brief).toBe(value);
    }
  });
});

describe('hostile text in a new submission or a written one', () => {
  const HOSTILE = [
    '青禾\n区',
    '  青禾\n区',
    '青禾\r\n区',
    '青禾\r区',
    '青禾\n\n',
    '\n青禾',
    '青禾 \n 区',
    'a\n  b',
    '青禾\u2028区',
    '青禾\u0085区',
    'a\u0001b',
    'a\u007fb',
    '"青禾"',
    "'青禾'",
    '# 区',
    'a: b',
    '- 区',
    '青禾 # 区',
    ' 青禾 ',
    '',
    '|',
    '>-',
    '*ref',
    '&anchor',
    '!tag',
    '%YAML',
    '---',
    '...',
    '@x',
    '`x',
    'null',
    '2024',
  ];

  it.each(HOSTILE)('--area %j is written so that it reads back as given', async (area) => {
    const text = submissionSkeleton({
      form: 'theme-day',
      profileId: 'hunan-2023',
      profile: options.profiles.profiles.get('hunan-2023')!,
      layout: await loadLayout<FormLayout>(FORMS['theme-day'].layout),
      year: 2024,
      area,
    });
    const data = parse(text) as Record<string, unknown>;
    expect(data.area).toBe(area);
    expect(Object.keys(data)).toEqual([
      'kind',
      'profile',
      'year',
      'area',
      'unit',
      'contact',
      'phone',
      'date',
      'themes',
    ]);
    expect(
      validateSubmission('a.yaml', text, options).diagnostics.filter(
        (d) => d.severity === 'error' && d.code.startsWith('yaml'),
      ),
    ).toEqual([]);
  });

  it.each(HOSTILE)('a written field or row %j reads back as given', (value) => {
    const text = submissionYaml(
      {
        form: 'theme-day',
        fields: { area: value, unit: value, phone: value },
        rows: [{ theme: value, month: 5, form: value, brief: value }],
      },
      { heading: [value] },
    );
    const data = parse(text) as { area: unknown; unit: unknown; phone: unknown; themes: Record<string, unknown>[] };
    expect([data.area, data.unit, data.phone]).toEqual([value, value, value]);
    expect(data.themes).toEqual([{ theme: value, month: 5, form: value, brief: value }]);
  });
});

describe('a profile from the configuration with line breaks in its words', () => {
  it('still gives a file that reads back', () => {
    const base = options.profiles.profiles.get('hunan-2023')!;
    const profile = { ...base, name: '某地\n方案', activityForms: ['现场\n宣传', '座谈 # 交流'] };
    const text = submissionYaml(
      { form: 'theme-day', fields: { profile: 'x', area: '青禾区' }, rows: [{ theme: null, month: null, form: null }] },
      { profile },
    );
    const data = parse(text) as Record<string, unknown>;
    expect(data).toEqual({
      kind: 'form/theme-day',
      profile: 'x',
      area: '青禾区',
      themes: [{ theme: null, month: null, form: null }],
    });
  });
});
