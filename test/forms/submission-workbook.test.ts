import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importFormXlsx } from '../../src/forms/import/import-form-bytes.js';
import { renderSubmissionXlsx } from '../../src/forms/submission-workbook.js';
import { draftData, submissionYaml } from '../../src/forms/write-submission.js';
import { EXAMPLES, ROOT } from './fixtures.js';

const SHANGHAI = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/real-tables/forms-shanghai-jiaowei-2025-kaifangyue.json'), 'utf8'),
) as { rows: Record<string, string>[] };

/** 上海市教委's published 2025 open-month activities, as one unit's submission (header fields made up). */
const SHANGHAI_DATA = {
  kind: 'form/open-day',
  profile: 'shanghai-2025',
  year: 2025,
  area: '上海市',
  unit: '上海市教育委员会',
  contact: '陈敏',
  phone: '021-23116666',
  date: '2025-07-21',
  activities: SHANGHAI.rows.map(({ time, theme, form, place, participants }) => ({
    time,
    theme,
    form,
    place,
    participants,
  })),
};

const shipped = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('renderSubmissionXlsx', () => {
  it('makes from the data the workbook `zwgk form render` writes for its file', async () => {
    const made = await renderSubmissionXlsx(shipped(EXAMPLES.themeDay));
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.diagnostics).toEqual([]);
    const golden = readFileSync(join(ROOT, 'test/golden/form-render/expected/files/zhutiri.xlsx'));
    expect(Buffer.from(made.xlsx).equals(golden)).toBe(true);
  });

  it('makes no workbook for data with errors, and says why', async () => {
    const data = { ...shipped(EXAMPLES.themeDay), phone: '12' };
    const made = await renderSubmissionXlsx({ ...data, themes: [] });
    expect(made.ok).toBe(false);
    expect(made.diagnostics.map((d) => d.code)).toEqual(['schema/empty', 'form-phone']);
    expect('xlsx' in made).toBe(false);
  });
});

describe('a workbook made from data, imported back', () => {
  it.each([
    ['the shipped theme-day form', shipped(EXAMPLES.themeDay)],
    ['the shipped open-day form', shipped(EXAMPLES.openDay)],
    ['上海市教委 2025 open-month activities', SHANGHAI_DATA],
  ])('gives the same data: %s', async (_name, data) => {
    const made = await renderSubmissionXlsx(data);
    expect(made.ok, JSON.stringify(made.diagnostics)).toBe(true);
    if (!made.ok) return;
    const back = await importFormXlsx(made.xlsx, { profile: String(data.profile), name: 'filled.xlsx' });
    expect(back.problems).toEqual([]);
    expect(back.data).toEqual(data);
    // The data is what the file `zwgk form import` writes holds.
    expect(parse(submissionYaml(back.draft))).toEqual(back.data);
  });

  it('keeps the blanks of a draft as the file does: null where a field is left to fill in', () => {
    const draft = {
      form: 'theme-day' as const,
      fields: { year: 2024, area: null, unit: '青禾区教育局' },
      rows: [{ theme: '义务教育招生', month: null, form: '实地调研' }],
    };
    expect(draftData(draft)).toEqual({
      kind: 'form/theme-day',
      year: 2024,
      area: null,
      unit: '青禾区教育局',
      themes: [{ theme: '义务教育招生', month: null, form: '实地调研' }],
    });
    expect(parse(submissionYaml(draft))).toEqual(draftData(draft));
  });
});
