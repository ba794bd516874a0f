import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FormDefinition as AnyFormDefinition } from '../../src/forms/definition.js';
import { openDay } from '../../src/forms/kinds/open-day.js';
import { themeDay } from '../../src/forms/kinds/theme-day.js';
import { buildPlan } from '../../src/forms/plan/build-plan.js';
import { checkPlan } from '../../src/forms/plan/check-plan.js';
import { profileNotes } from '../../src/forms/profile-notes.js';
import { FORM_IDS, FORMS, type FormDefinition } from '../../src/forms/registry.js';
import { nameRowOwners } from '../../src/forms/row-labels.js';
import { runFormRules } from '../../src/forms/rules/run-form-rules.js';
import type { FormProfile, Submission } from '../../src/forms/types.js';
import { ROOT } from './fixtures.js';

const SRC = join(ROOT, 'src');
const KINDS = join(SRC, 'forms/kinds');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/**
 * A third form that exists only here: the open day's definition under another id, with its own words.
 * The code of forms/ must treat it as it treats the built-in ones, by reading its definition.
 */
const visitDay = {
  ...openDay,
  id: 'visit-day',
  kind: 'form/visit-day',
  name: { zh: '机关开放参观申报表', en: 'visit application form' },
  aliases: ['参观日'],
  rowsKey: 'visits',
  rowName: { zh: '参观活动', en: 'visit' },
  defaultProfile: 'visit-2026',
  timeNotes: { windowSuffix: '，写明日期', anyMonth: '参观时间写明月份和日期。' },
  timePrompt: '写明参观的日期。',
} satisfies AnyFormDefinition<'visit-day'>;
/** The code takes a built-in form's definition; the third form passes as one, as a new file in kinds/ would. */
const asForm = visitDay as unknown as FormDefinition;

const profile: FormProfile = {
  form: 'visit-day' as FormProfile['form'],
  name: '某市2026年“机关开放参观”',
  activityForms: ['参观', '座谈'],
  rows: { min: 1, max: 2 },
  months: { from: 5, to: 9 },
  perMonth: { max: 1 },
};

function submissionOf(rows: Record<string, unknown>[], unit = '青禾区档案馆'): Submission {
  return {
    form: 'visit-day' as Submission['form'],
    unit,
    year: 2026,
    rows: rows.map((row, index) => ({
      index,
      ...(typeof row.theme === 'string' ? { theme: row.theme } : {}),
      ...(typeof row.form === 'string' ? { form: row.form } : {}),
      ...Object.fromEntries(Object.entries(visitDay.readRow(row)).filter(([, v]) => v !== undefined)),
    })),
  };
}

describe('the registry of forms', () => {
  it('lists one definition per file of forms/kinds/, by id and kind', () => {
    const files = readdirSync(KINDS).filter((f) => f.endsWith('.ts'));
    expect(files.map((f) => f.replace(/\.ts$/, '')).sort()).toEqual([...FORM_IDS].sort());
    for (const id of FORM_IDS) {
      expect(FORMS[id].id).toBe(id);
      expect(FORMS[id].kind).toBe(`form/${id}`);
    }
    expect(FORMS[themeDay.id]).toBe(themeDay);
    expect(FORMS[openDay.id]).toBe(openDay);
  });

  it('names a form id only in its definition: no other module of src/ asks which form it has', () => {
    const literals = FORM_IDS.flatMap((id) => [id, `form/${id}`]).map(
      (id) => new RegExp(`(['"\`])${id.replace(/[/-]/g, '\\$&')}\\1`),
    );
    const offenders = sources(SRC)
      .filter((file) => !file.startsWith(KINDS + '/'))
      .flatMap((file) => {
        // Comments may name a form as an example; code may not.
        const text = readFileSync(file, 'utf8')
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, '');
        return literals.filter((re) => re.test(text)).map((re) => `${relative(ROOT, file)}: ${re.source}`);
      });
    expect(offenders).toEqual([]);
  });

  it('has every field of a definition read by the code outside kinds/', () => {
    const code = sources(SRC)
      .filter((file) => !file.startsWith(KINDS + '/') && !file.endsWith('forms/definition.ts'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const fields = new Set([...Object.keys(themeDay), ...Object.keys(openDay)]);
    const unread = [...fields].filter((key) => !new RegExp(`\\.${key}\\b`).test(code));
    expect(unread).toEqual([]);
  });
});

describe('a third form, defined only in the test', () => {
  it('reads its rows and explains its fields by its definition', () => {
    const submission = submissionOf([
      { theme: '走进档案馆', form: '参观', time: '6月9日', place: '档案馆', participants: 30 },
    ]);
    expect(submission.rows).toEqual([
      { index: 0, theme: '走进档案馆', form: '参观', time: '6月9日', month: 6, place: '档案馆', participants: '30' },
    ]);
    expect(Object.keys(visitDay.rowNotes({ forms: '', months: { from: 1, to: 12 } }))).toEqual([...visitDay.rowKeys]);
  });

  it('has its notes written with its own words for rows and for 活动时间', () => {
    expect(profileNotes(profile, asForm, 2026)).toEqual([
      '每个单位申报1至2个参观活动。',
      '活动形式从参观、座谈中选一项。',
      '活动时间在5月至9月之间，写明日期。',
    ]);
    const { months: _, ...anyMonth } = profile;
    expect(profileNotes(anyMonth, asForm)).toContain('参观时间写明月份和日期。');
  });

  it('is checked by the form rules, which point into its rows by its keys', () => {
    const submission = submissionOf([
      { theme: '走进档案馆', form: '参观', time: '11月2日' },
      { theme: '走进档案馆', form: '游园', time: '某日' },
      { theme: '档案日', form: '座谈', time: '7月1日' },
    ]);
    const findings = nameRowOwners(runFormRules({ submission, profile, definition: asForm }), asForm);
    expect(findings.map((f) => `${f.code} ${f.path.join('.')}`).sort()).toEqual([
      'form-activity-form visits.1.form',
      'form-month-window visits.0.time',
      'form-row-count visits.2',
      'form-theme-repeated visits.1.theme',
      'form-time-month visits.1.time',
    ]);
  });

  it('goes into a plan, whose checks point at its time field', () => {
    const sources = [
      { file: 'a.yaml', submission: submissionOf([{ theme: '甲', form: '参观', time: '6月9日' }], '甲单位') },
      { file: 'b.yaml', submission: submissionOf([{ theme: '乙', form: '座谈', time: '6月2日' }], '乙单位') },
    ];
    const plan = buildPlan(sources, { form: asForm, profile, titlePattern: '{area}{year}年参观计划' });
    expect(plan.entries.map((e) => e.row.theme)).toEqual(['乙', '甲']);
    const found = checkPlan(plan, sources);
    expect(found.map((f) => `${f.file} ${f.finding.code} ${f.finding.path.join('.')}`)).toEqual([
      'a.yaml plan-month-full visits.0.time',
    ]);
  });
});
