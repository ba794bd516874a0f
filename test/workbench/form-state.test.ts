import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkSubmission } from '../../src/forms/check-submission.js';
import { formFields } from '../../src/forms/form-fields.js';
import {
  blankValues,
  fieldId,
  findingTarget,
  ROWS_ID,
  submissionData,
  submissionFileName,
  type FormValues,
  touchedAfterRemoval,
} from '../../src/workbench/form-state.js';

// The pure part of the tab 填写申报表: the submission's data made from what the inputs hold, and where in
// the form each finding of the check belongs.
const ROOT = join(import.meta.dirname, '../..');
const read = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

/** What the inputs of a form hold for a submission's data: text, as typed or chosen. */
function valuesOf(data: Record<string, unknown>, rowsKey: string): FormValues {
  const asText = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));
  const { [rowsKey]: rows, kind: _kind, ...header } = data;
  return { header: asText(header), rows: (rows as object[]).map(asText) };
}

describe('submissionData', () => {
  it.each([
    ['theme-day', 'catalogs/forms/zhutiri-jiaoyu-2024.yaml', 'themes'],
    ['open-day', 'catalogs/forms/kaifangyue-wenlv-2025.yaml', 'activities'],
  ] as const)(
    'gives for the %s form the data of its shipped example, the default profile not named',
    (form, file, key) => {
      const shipped = read(file);
      const fields = formFields(form);
      const data = submissionData(fields, valuesOf(shipped, key), fields.profileId);
      const { profile, ...unnamed } = shipped;
      expect(profile).toBe(fields.profileId);
      expect(data).toEqual(unnamed);
      expect(checkSubmission(data).diagnostics).toEqual([]);
    },
  );

  it('names a profile that is not the default, and leaves out optional fields left blank', () => {
    const forms = { profiles: { mine: { extends: 'hunan-2023', months: { from: 5, to: 6 } } } };
    const fields = formFields('theme-day', { profile: 'mine', forms });
    const values: FormValues = {
      header: { profile: 'mine', year: ' 2024 ', title: '  ', date: '' },
      rows: [{ theme: '招生', month: '5', form: '实地调研', brief: '' }],
    };
    expect(submissionData(fields, values, 'hunan-2023')).toEqual({
      kind: 'form/theme-day',
      profile: 'mine',
      year: 2024,
      area: '',
      unit: '',
      contact: '',
      phone: '',
      themes: [{ theme: '招生', month: 5, form: '实地调研' }],
    });
  });

  it('keeps what the check must name: blank required text, a missing month, a year that is not a number', () => {
    const fields = formFields('theme-day');
    const values = blankValues(fields, 2024);
    expect(values.rows).toHaveLength(2);
    values.header.year = '二〇二四';
    const { diagnostics } = checkSubmission(submissionData(fields, values, fields.profileId));
    const at = (path: string) => diagnostics.filter((d) => d.path.join('.') === path).map((d) => d.code);
    expect(at('year')).toEqual(['schema/type']);
    expect(at('unit')).toEqual(['schema/empty']);
    expect(at('themes.0.month')).toEqual(['schema/required']);
    expect(at('themes.1.form')).toEqual(['schema/empty']);
  });

  it('reads full-width digits as a number', () => {
    const fields = formFields('theme-day');
    const values: FormValues = { header: { year: '２０２４' }, rows: [{ month: '６' }] };
    const data = submissionData(fields, values, fields.profileId);
    expect(data.year).toBe(2024);
    expect((data.themes as { month: unknown }[])[0]?.month).toBe(6);
  });
});

describe('findingTarget', () => {
  const fields = formFields('theme-day');

  it('puts each finding of a wrong form on a field the form shows', () => {
    const values: FormValues = {
      header: { year: '2024', area: '青禾区', unit: '教育局', contact: '李', phone: '12', date: '2024-04-30' },
      rows: [
        { theme: '招生', month: '3', form: '座谈交流' },
        { theme: '招生', month: '5', form: '座谈交流' },
        { theme: '课后服务', month: '6', form: '座谈交流' },
      ],
    };
    const { diagnostics } = checkSubmission(submissionData(fields, values, fields.profileId));
    const places = diagnostics.map((d) => `${d.code} ${findingTarget(d.path, fields, values.rows.length) ?? ''}`);
    expect(places).toEqual(
      expect.arrayContaining([
        'form-phone form-phone',
        'form-month-window form-themes-0-month',
        'form-required-form form-themes-2-form',
        'form-deadline form-date',
        // One row too many: the first of those beyond the profile's number.
        'form-row-count form-themes-2-theme',
      ]),
    );
    expect(places.every((p) => / form-/.test(p))).toBe(true);
  });

  it('sends a finding about the rows to their heading, and one about the whole form nowhere', () => {
    expect(findingTarget(['themes'], fields, 2)).toBe(ROWS_ID);
    expect(findingTarget(['themes', 5, 'theme'], fields, 2)).toBe(ROWS_ID);
    expect(findingTarget(['themes', 1], fields, 2)).toBe('form-themes-1-theme');
    expect(findingTarget(['themes', 1, 'month'], fields, 2)).toBe(fieldId(['themes', 1, 'month']));
    expect(findingTarget(['unit'], fields, 2)).toBe('form-unit');
    expect(findingTarget([], fields, 2)).toBeUndefined();
    expect(findingTarget(['kind'], fields, 2)).toBeUndefined();
  });
});

describe('submissionFileName', () => {
  const fields = formFields('theme-day');
  it('names the workbook after the unit and the form, without what a file name may not hold', () => {
    expect(submissionFileName(fields, { header: { unit: ' 青禾区教育局 ' }, rows: [] })).toBe(
      '青禾区教育局-政务公开主题日活动主题申报表.xlsx',
    );
    expect(submissionFileName(fields, { header: { unit: '教育局/招生办:"一"' }, rows: [] })).toBe(
      '教育局_招生办_一_-政务公开主题日活动主题申报表.xlsx',
    );
    expect(submissionFileName(fields, { header: {}, rows: [] })).toBe('政务公开主题日活动主题申报表.xlsx');
  });
});

describe('touchedAfterRemoval', () => {
  it('forgets the removed row’s fields and moves those of the rows after it up, keeping the others', () => {
    const touched = new Set([
      'form-phone',
      'form-themes-0-theme',
      'form-themes-1-month',
      'form-themes-2-form',
      'form-themes-2',
      'form-activities-1-time',
    ]);
    expect([...touchedAfterRemoval(touched, 'themes', 1)].sort()).toEqual(
      ['form-activities-1-time', 'form-phone', 'form-themes-0-theme', 'form-themes-1', 'form-themes-1-form'].sort(),
    );
    expect(touchedAfterRemoval(new Set(), 'themes', 0).size).toBe(0);
  });
});
