import { describe, expect, it } from 'vitest';
import { ZwgkError } from '../../src/errors.js';
import { formFields } from '../../src/forms/form-fields.js';
import { FORM_IDS, FORMS } from '../../src/forms/registry.js';
import { HEADER_KEYS } from '../../src/forms/write-submission.js';

describe('formFields', () => {
  it('offers the theme-day form with the Hunan 2023 rules: 活动形式 and the months of the window as lists', () => {
    const fields = formFields('theme-day');
    expect(fields).toMatchObject({ kind: 'form/theme-day', rowsKey: 'themes', profileId: 'hunan-2023' });
    expect(fields.months).toEqual({ from: 4, to: 12 });
    const row = Object.fromEntries(fields.row.map((f) => [f.key, f]));
    expect(Object.keys(row)).toEqual(['theme', 'month', 'form', 'brief']);
    expect(row.form).toMatchObject({
      input: 'choice',
      required: true,
      choices: ['实地调研', '现场观摩', '座谈交流', '政策发布', '问卷调查'],
      label: { zh: '活动形式', en: 'form' },
    });
    expect(row.month).toMatchObject({
      input: 'month',
      printed: '活动时间(月份)',
      choices: [4, 5, 6, 7, 8, 9, 10, 11, 12],
    });
    expect(row.brief).toMatchObject({ input: 'text', required: false, room: 120 });
    expect(row.theme?.room).toBeUndefined();
    expect(fields.profile.requiredForms).toEqual({ forms: ['实地调研', '现场观摩'], min: 1 });
  });

  it('lists the header fields a submission file writes, labelled from the schema and the printed form', () => {
    const header = formFields('theme-day').header;
    expect(header.map((f) => f.key)).toEqual([...HEADER_KEYS]);
    const byKey = Object.fromEntries(header.map((f) => [f.key, f]));
    expect(byKey.unit).toMatchObject({
      label: { zh: '填报单位', en: 'unit' },
      printed: '填报单位(公章)',
      required: true,
    });
    expect(byKey.year).toMatchObject({ input: 'number', required: true });
    expect(byKey.date).toMatchObject({ required: false, input: 'text' });
    expect(byKey.date?.pattern).toMatch(/^\^\[0-9\]\{4\}-/);
    expect(byKey.profile).toMatchObject({ input: 'choice' });
    expect(byKey.profile?.choices).toContain('hunan-2023');
    expect(byKey.profile?.choices).not.toContain('shanghai-2025');
  });

  it('follows each form and profile: the open-day form offers the Shanghai 活动形式 and any month', () => {
    for (const id of FORM_IDS) expect(formFields(id).row.map((f) => f.key)).toEqual([...FORMS[id].rowKeys]);
    const open = formFields('open-day');
    expect(open.months).toEqual({ from: 1, to: 12 });
    expect(open.row.find((f) => f.key === 'form')?.choices).toEqual(['参观', '座谈', '体验']);
    expect(open.row.find((f) => f.key === 'time')).toMatchObject({ input: 'text', printed: '活动时间' });
    expect(open.row.find((f) => f.key === 'participants')).toMatchObject({ input: 'text', orNumber: true });
    expect(open.row.find((f) => f.key === 'place')?.orNumber).toBeUndefined();
    const own = formFields('open-day', {
      profile: 'mine',
      forms: {
        profiles: { mine: { extends: 'shanghai-2025', addActivityForms: ['现场宣传'], months: { from: 5, to: 6 } } },
      },
    });
    expect(own.row.find((f) => f.key === 'form')?.choices).toEqual(['参观', '座谈', '体验', '现场宣传']);
    expect(own.months).toEqual({ from: 5, to: 6 });
    expect(() => formFields('theme-day', { profile: 'shanghai-2025' })).toThrow(ZwgkError);
  });
});
