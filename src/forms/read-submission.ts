import { text } from './read-values.js';
import { FORMS, type FormDefinition } from './registry.js';
import type { FormId, Submission, SubmissionRow } from './types.js';

type Data = Record<string, unknown>;

function record(value: unknown): Data | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
}

function readRow(form: FormDefinition, value: unknown, index: number): SubmissionRow {
  const row = record(value) ?? {};
  const out: SubmissionRow = { index };
  const set = <K extends keyof SubmissionRow>(key: K, v: SubmissionRow[K] | undefined) => {
    if (v !== undefined) out[key] = v;
  };
  set('theme', text(row.theme));
  set('form', text(row.form));
  for (const [key, v] of Object.entries(form.readRow(row))) set(key as keyof SubmissionRow, v);
  return out;
}

/**
 * Read a submission from parsed data, taking what is usable and leaving out what is not, so that rules
 * and renderers can run on data that does not fully match the schema.
 */
export function readSubmission(form: FormId, data: unknown): Submission {
  const d = record(data) ?? {};
  const definition = FORMS[form];
  const rows = d[definition.rowsKey];
  const out: Submission = { form, rows: Array.isArray(rows) ? rows.map((r, i) => readRow(definition, r, i)) : [] };
  const year = d.year;
  if (Number.isInteger(year)) out.year = year as number;
  for (const key of ['profile', 'area', 'title', 'unit', 'contact', 'phone'] as const) {
    const v = text(d[key]);
    if (v !== undefined) out[key] = v;
  }
  if (typeof d.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d.date)) out.date = d.date;
  return out;
}
