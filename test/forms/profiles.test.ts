import { describe, expect, it } from 'vitest';
import { ZwgkError } from '../../src/errors.js';
import { resolveProfiles } from '../../src/forms/profiles/resolve-profiles.js';

describe('resolveProfiles', () => {
  it('knows the built-in profiles and their defaults', () => {
    const set = resolveProfiles(undefined);
    expect([...set.profiles.keys()]).toEqual(['hunan-2023', 'shanghai-2025']);
    expect(set.defaults).toEqual({ 'theme-day': 'hunan-2023', 'open-day': 'shanghai-2025' });
    const hunan = set.profiles.get('hunan-2023')!;
    expect(hunan.activityForms).toEqual(['实地调研', '现场观摩', '座谈交流', '政策发布', '问卷调查']);
    expect(hunan.rows).toEqual({ min: 2, max: 2 });
    expect(hunan.months).toEqual({ from: 4, to: 12 });
    expect(hunan.deadline).toBe('03-31');
  });

  it('layers a configured profile on the one it extends, through several steps', () => {
    const set = resolveProfiles({
      profiles: {
        'anhua-2024': { extends: 'hunan-2023', addActivityForms: ['现场宣传'], deadline: '09-15' },
        'anhua-2025': { extends: 'anhua-2024', rows: { min: 1, max: 3 }, rules: { 'form-phone': 'warning' } },
      },
    });
    const p = set.profiles.get('anhua-2025')!;
    expect(p).toMatchObject({
      form: 'theme-day',
      deadline: '09-15',
      rows: { min: 1, max: 3 },
      rules: { 'form-phone': 'warning' },
      name: 'anhua-2025',
    });
    expect(p.activityForms).toEqual(['实地调研', '现场观摩', '座谈交流', '政策发布', '问卷调查', '现场宣传']);
    expect(set.profiles.get('hunan-2023')!.activityForms).toHaveLength(5);
  });

  it('changes a built-in profile named without extends, and takes new ones that stand alone', () => {
    const set = resolveProfiles({
      profiles: {
        'hunan-2023': { perMonth: { max: 5 } },
        'sanya-2022': {
          form: 'open-day',
          name: '三亚市2022年“政府开放月”',
          activityForms: ['政府开放', '政策解读'],
          months: { from: 5, to: 5 },
        },
      },
      defaultProfiles: { 'open-day': 'sanya-2022' },
    });
    expect(set.profiles.get('hunan-2023')!.perMonth).toEqual({ max: 5 });
    expect(set.profiles.get('hunan-2023')!.deadline).toBe('03-31');
    expect(set.defaults['open-day']).toBe('sanya-2022');
  });

  it.each([
    [{ profiles: { a: { extends: 'nope' } } }, /nope/],
    [{ profiles: { a: { extends: 'b' }, b: { extends: 'a' } } }, /循环/],
    [{ profiles: { a: { activityForms: ['x'] } } }, /form/],
    [{ profiles: { a: { extends: 'hunan-2023', form: 'open-day' as const } } }, /form/],
    [{ defaultProfiles: { 'open-day': 'hunan-2023' } }, /hunan-2023/],
    [{ defaultProfiles: { 'theme-day': 'nope' } }, /nope/],
  ])('refuses a broken configuration %#', (config, message) => {
    expect(() => resolveProfiles(config)).toThrow(ZwgkError);
    expect(() => resolveProfiles(config)).toThrow(message);
  });
});
