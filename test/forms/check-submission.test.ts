import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../../src/diagnostics.js';
import { checkSubmissionFiles } from '../../src/forms/check-files.js';
import { checkSubmission } from '../../src/forms/check-submission.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { EXAMPLES, ROOT } from './fixtures.js';

/** A finding as a page shows it: everything but its place in a text. */
const unplaced = (diagnostics: readonly Diagnostic[]) => diagnostics.map(({ range: _range, ...d }) => d);

const XIANGJIANG = JSON.parse(
  readFileSync(join(ROOT, 'test/fixtures/real-tables/forms-xiangjiang-2023-zhutiri-shenbaobiao-template.json'), 'utf8'),
) as { title: string; allowed_forms_from_plan: string[] };

/**
 * 湖南湘江新区's 2023 form (its blank template, published with the plan) filled in as a clerk might get it
 * wrong: one theme where two are asked for, neither 实地调研 nor 现场观摩, in a month before the window,
 * a phone number that is none, and no contact.
 */
const WRONG = {
  kind: 'form/theme-day',
  year: 2023,
  area: '湖南湘江新区',
  unit: '湖南湘江新区管理委员会教育局',
  phone: '8899',
  date: '2023-04-10',
  themes: [{ theme: '义务教育招生政策解读', month: 2, form: XIANGJIANG.allowed_forms_from_plan[2], brief: '座谈。' }],
};

describe('checkSubmission', () => {
  it.each(Object.entries(EXAMPLES))(
    'finds in the data of the shipped %s form what `zwgk form check` finds in its file',
    async (_name, path) => {
      const file = path.slice(ROOT.length + 1);
      const run = await checkSubmissionFiles([file], resolveSubmissionOptions(), ROOT);
      const data: unknown = parse(readFileSync(path, 'utf8'));
      expect(unplaced(checkSubmission(data, { file }).diagnostics)).toEqual(
        unplaced(run.checked[0]!.result.diagnostics),
      );
      // With a rule of its own broken, the two still agree, and say so.
      const late = { ...(data as Record<string, unknown>), phone: '12' };
      const text = stringify(late);
      const inMemory = checkSubmission(late, { file }).diagnostics;
      expect(inMemory.map((d) => d.code)).toContain('form-phone');
      expect(unplaced(inMemory)).toEqual(
        unplaced(validateSubmission(file, text, resolveSubmissionOptions()).diagnostics),
      );
    },
  );

  it('finds every rule a real form breaks, as the check of the same YAML does, with paths into the data', () => {
    const found = checkSubmission(WRONG, { file: 'xiangjiang.yaml' });
    const codes = found.diagnostics.map((d) => d.code);
    for (const code of ['schema/required', 'form-row-count', 'form-required-form', 'form-month-window', 'form-phone'])
      expect(codes).toContain(code);
    expect(found.diagnostics.find((d) => d.code === 'form-month-window')?.path).toEqual(['themes', 0, 'month']);
    expect(found.diagnostics.every((d) => d.range === undefined && d.cell === undefined)).toBe(true);
    const fromYaml = validateSubmission('xiangjiang.yaml', stringify(WRONG), resolveSubmissionOptions());
    expect(unplaced(found.diagnostics)).toEqual(unplaced(fromYaml.diagnostics));
    expect(found.profileId).toBe('hunan-2023');
    expect(found.wellFormed).toBe(false);
  });

  it('takes the form from the options when the data does not declare it, and a profile by name', () => {
    const { kind: _kind, ...undeclared } = WRONG;
    expect(checkSubmission(undeclared).diagnostics.map((d) => d.code)).toEqual(['schema/required']);
    const asThemeDay = checkSubmission(undeclared, { form: 'theme-day', lang: 'en' });
    expect(unplaced(asThemeDay.diagnostics)).toEqual(unplaced(checkSubmission(WRONG, { lang: 'en' }).diagnostics));
    expect(asThemeDay.diagnostics[0]?.file).toBe('submission');
    const other = checkSubmission(WRONG, { profile: 'shanghai-2025' });
    expect(other.diagnostics.map((d) => d.code)).toContain('form-profile');
  });
});
