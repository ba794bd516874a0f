import { describe, expect, it } from 'vitest';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import type { FormsConfig } from '../../src/forms/types.js';
import { themeDayYaml } from './fixtures.js';

function check(text: string, forms?: FormsConfig, lang: 'zh' | 'en' = 'zh') {
  return validateSubmission('a.yaml', text, resolveSubmissionOptions({ lang, ...(forms ? { forms } : {}) }));
}

/** Each finding as `line code`, in the order of the file. */
function found(text: string, forms?: FormsConfig): string[] {
  return check(text, forms)
    .diagnostics.map((d) => ({ line: d.range?.start.line ?? 0, code: d.code }))
    .sort((a, b) => a.line - b.line || (a.code < b.code ? -1 : 1))
    .map((d) => `${d.line} ${d.code}`);
}

/** The line of the first line of `text` that contains `needle`, counting from 1. */
function lineOf(text: string, needle: string, nth = 0): number {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  return hits[nth]!;
}

describe('validateSubmission (theme day, Hunan 2023)', () => {
  it('accepts a submission that keeps every rule', () => {
    const result = check(themeDayYaml({ date: '2024-03-25' }));
    expect(result.diagnostics).toEqual([]);
    expect(result.wellFormed).toBe(true);
    expect(result.profileId).toBe('hunan-2023');
    expect(result.submission?.rows.map((r) => r.month)).toEqual([6, 9]);
  });

  it('finds two 座谈交流 themes at the second theme’s 活动形式', () => {
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: 5, form: '座谈交流' },
        { theme: '乙', month: 6, form: '座谈交流' },
      ],
    });
    expect(found(text)).toEqual([`${lineOf(text, 'form: 座谈交流', 1)} form-required-form`]);
  });

  it('finds a month outside April–December at its line', () => {
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: 3, form: '实地调研' },
        { theme: '乙', month: 13, form: '座谈交流' },
      ],
    });
    expect(found(text)).toEqual([
      `${lineOf(text, 'month: 3')} form-month-window`,
      `${lineOf(text, 'month: 13')} form-month-window`,
    ]);
  });

  it('finds a third theme at the line where it starts', () => {
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: 5, form: '实地调研' },
        { theme: '乙', month: 6, form: '座谈交流' },
        { theme: '丙', month: 7, form: '政策发布' },
      ],
    });
    expect(found(text)).toEqual([`${lineOf(text, '- theme: 丙')} form-row-count`]);
    const d = check(text).diagnostics[0]!;
    expect(d.path).toEqual(['themes', 2]);
    expect(d.message).toContain('申报了3个活动主题');
    expect(d.range!.start.column).toBe(5);
  });

  it('finds a single theme at the themes key', () => {
    const text = themeDayYaml({ rows: [{ theme: '甲', month: 5, form: '实地调研' }] });
    expect(found(text)).toEqual([`${lineOf(text, 'themes:')} form-row-count`]);
  });

  it('finds a 活动形式 outside the list, suggesting the one meant', () => {
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: 5, form: '实地调研' },
        { theme: '乙', month: 6, form: '座谈' },
      ],
    });
    const [d] = check(text).diagnostics;
    expect(d?.code).toBe('form-activity-form');
    expect(d?.hint).toBe('是否想写“座谈交流”？');
    expect(check(text, undefined, 'en').diagnostics[0]?.hint).toBe('Did you mean "座谈交流"?');
  });

  it('finds a phone that is no phone number, a late date, and a repeated theme', () => {
    const text = themeDayYaml({
      phone: '电话待定',
      date: '2024-04-02',
      rows: [
        { theme: '政策 解读', month: 5, form: '实地调研' },
        { theme: '政策解读', month: 6, form: '座谈交流' },
      ],
    });
    expect(found(text)).toEqual([
      `${lineOf(text, 'phone:')} form-phone`,
      `${lineOf(text, 'date:')} form-deadline`,
      `${lineOf(text, 'theme: 政策解读')} form-theme-repeated`,
    ]);
    expect(check(text).diagnostics.find((d) => d.code === 'form-deadline')?.severity).toBe('warning');
  });

  it('reports schema problems with the row they are in', () => {
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: '9月', form: '实地调研' },
        { theme: '乙', month: 6, form: '座谈交流' },
      ],
    }).replace('    form: 座谈交流', '    活动形式: 座谈交流');
    const diagnostics = check(text).diagnostics;
    const type = diagnostics.find((d) => d.code === 'schema/type')!;
    expect(type.message).toBe('第1个活动主题的活动时间(月份)应为整数，这里是文字。');
    expect(type.hint).toBe('写成数字：`month: 9`。');
    const unknown = diagnostics.find((d) => d.code === 'schema/unknown-property')!;
    expect(unknown.message).toBe('第2个活动主题中有未知字段“活动形式”。');
    expect(unknown.hint).toContain('`form`');
    expect(check(text).wellFormed).toBe(false);
  });

  it('says which kinds there are, and which profiles, when a file names neither rightly', () => {
    const kind = check(themeDayYaml().replace('kind: form/theme-day', 'kind: form/theme-days'));
    expect(kind.diagnostics.map((d) => [d.code, d.range?.start.line])).toEqual([['schema/enum', 1]]);
    expect(kind.diagnostics[0]!.hint).toBe('是否想写“form/theme-day”？');
    const profile = check(themeDayYaml({ extra: 'profile: hunan2023', phone: 'x' }));
    expect(profile.diagnostics.map((d) => d.code).sort()).toEqual(['form-phone', 'form-profile']);
    expect(profile.diagnostics.find((d) => d.code === 'form-profile')!.hint).toBe('是否想写“hunan-2023”？');
    expect(profile.wellFormed).toBe(false);
    const wrongForm = check(themeDayYaml({ extra: 'profile: shanghai-2025' }));
    expect(wrongForm.diagnostics.map((d) => d.code)).toEqual(['form-profile']);
  });

  it('quotes a kind that is not text as JSON', () => {
    const mapping = check(themeDayYaml().replace('kind: form/theme-day', 'kind: {form: theme-day}'));
    expect(mapping.diagnostics.map((d) => d.message)).toEqual([
      '文件类型只能是“form/theme-day”或“form/open-day”，这里是“{"form":"theme-day"}”。',
    ]);
  });

  it('reads YAML mistakes, an empty file and a list as the validator of catalogs does', () => {
    expect(check('kind: form/theme-day\nyear: 2024\n  area: x\n').diagnostics[0]!.code).toMatch(/^yaml\//);
    expect(check('# nothing\n').diagnostics.map((d) => d.code)).toEqual(['file/empty']);
    expect(check('- a\n- b\n').diagnostics.map((d) => d.code)).toEqual(['schema/type']);
    expect(check('kind: form/theme-day\nkind: form/open-day\n').diagnostics.map((d) => d.code)).toEqual([
      'yaml/duplicate-key',
    ]);
  });

  it('speaks English when asked', () => {
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: 2, form: '实地调研' },
        { theme: '乙', month: 6, form: '座谈交流' },
      ],
    });
    expect(check(text, undefined, 'en').diagnostics[0]!.message).toMatch(/^The activity in month 2 falls outside/);
  });
});

describe('profiles from the configuration', () => {
  const anhua: FormsConfig = {
    profiles: {
      'anhua-2024': {
        extends: 'hunan-2023',
        name: '安化县2024年',
        addActivityForms: ['现场宣传'],
        deadline: '09-15',
        rules: { 'form-deadline': 'error' },
      },
    },
    defaultProfiles: { 'theme-day': 'anhua-2024' },
  };
  const text = themeDayYaml({
    date: '2024-09-20',
    rows: [
      { theme: '甲', month: 10, form: '现场观摩' },
      { theme: '乙', month: 11, form: '现场宣传' },
    ],
  });

  it('let a region add 现场宣传 and move the deadline', () => {
    expect(found(text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/form-activity-form$/), expect.stringMatching(/form-deadline$/)]),
    );
    const result = check(text, anhua);
    expect(result.profileId).toBe('anhua-2024');
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['form-deadline', 'error']]);
  });

  it('turn rules off', () => {
    const off: FormsConfig = {
      profiles: { 'hunan-2023': { rules: { 'form-activity-form': 'off', 'form-deadline': 'off' } } },
    };
    expect(check(text, off).diagnostics).toEqual([]);
  });

  it('check by the profile a submission names, over the default', () => {
    const named = themeDayYaml({
      extra: 'profile: anhua-2024',
      rows: [
        { theme: '甲', month: 10, form: '现场观摩' },
        { theme: '乙', month: 11, form: '现场宣传' },
      ],
    });
    expect(check(named, { profiles: anhua.profiles! }).diagnostics).toEqual([]);
  });
});
