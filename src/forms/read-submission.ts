import { FORMS } from './registry.js';
import { monthOfTime } from './months.js';
import type { FormId, Submission, SubmissionRow } from './types.js';

type Data = Record<string, unknown>;

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function record(value: unknown): Data | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
}

function readRow(form: FormId, value: unknown, index: number): SubmissionRow {
  const row = record(value) ?? {};
  const out: SubmissionRow = { index };
  const set = <K extends keyof SubmissionRow>(key: K, v: SubmissionRow[K] | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  set('theme', text(row.theme));
  set('form', text(row.form));
  if (form === 'theme-day') {
    set('month', Number.isInteger(row.month) ? (row.month as number) : undefined);
    set('brief', text(row.brief));
  } else {
    const time = text(row.time);
    set('time', time);
    set('month', time === undefined ? undefined : monthOfTime(time));
    set('place', text(row.place));
    const p = row.participants;
    set('participants', typeof p === 'number' && Number.isFinite(p) ? String(p) : text(p));
  }
  return out;
}

/**
 * Read a submission from parsed data, taking what is usable and leaving out what is not, so that rules
 * and renderers can run on data that does not fully match the schema.
 */
export function readSubmission(form: FormId, data: unknown): Submission {
  const d = record(data) ?? {};
  const rows = d[FORMS[form].rowsKey];
  const out: Submission = { form, rows: Array.isArray(rows) ? rows.map((r, i) => readRow(form, r, i)) : [] };
  const year = d.year;
  if (Number.isInteger(year)) out.year = year as number;
  for (const key of ['profile', 'area', 'title', 'unit', 'contact', 'phone'] as const) {
    const v = text(d[key]);
    if (v !== undefined) out[key] = v;
  }
  if (typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date)) out.date = d.date;
  return out;
}
