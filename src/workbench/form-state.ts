// What the tab 填写申报表 holds of a form being filled in, and the submission's data made from it: pure,
// with no DOM, so that the page and the tests build the same data.
import type { DataPath } from '../diagnostics.js';
import type { FormField, FormFields } from '../forms/form-fields.js';

/** The values typed or chosen in a form's fields, as the inputs hold them (text; empty when not filled in). */
export interface FormValues {
  /** The header fields, by key (`profile`, `year`, `unit`…). */
  header: Record<string, string>;
  /** The rows, each by key (`theme`, `month`…). */
  rows: Record<string, string>[];
}

/** The rows a blank form starts with: as many as the profile asks for at least, and one at least. */
export function blankValues(fields: FormFields, year?: number): FormValues {
  const rows = Math.max(fields.profile.rows?.min ?? 1, 1);
  return {
    header: { profile: fields.profileId, ...(year !== undefined ? { year: String(year) } : {}) },
    rows: Array.from({ length: rows }, () => ({})),
  };
}

/**
 * A field's value in the data, or undefined to leave it out: text trimmed; a whole number for a number or
 * month (other text stays text, for the schema to name), and for a text that may be a number when it is one; blank text kept for a required text or choice
 * (the check says it is empty), left out otherwise (the check says a required one is missing).
 */
function valueOf(field: FormField, raw: string | undefined): string | number | undefined {
  const text = (raw ?? '').trim();
  if (text === '') return field.required && (field.input === 'text' || field.input === 'choice') ? '' : undefined;
  const digits = text.normalize('NFKC');
  const whole = /^\d+$/.test(digits) ? Number(digits) : undefined;
  if (field.input === 'number' || field.input === 'month') return whole ?? text;
  // As `zwgk form import` reads such a cell: digits alone, more than none, are the number.
  if (field.orNumber && whole !== undefined && whole > 0) return whole;
  return text;
}

/**
 * The submission's data from the values of its fields, as a YAML file would hold it: `kind`, the header
 * fields in the file's order and the rows. The profile is named only when it is not the form's default
 * (`defaultProfile`), as a file that names none is checked by the default: the workbook the page makes
 * does not carry it, and `zwgk form import` reads it back without one.
 */
export function submissionData(
  fields: FormFields,
  values: FormValues,
  defaultProfile: string,
): Record<string, unknown> {
  const data: Record<string, unknown> = { kind: fields.kind };
  for (const field of fields.header) {
    const value = valueOf(field, values.header[field.key]);
    if (value === undefined || (field.key === 'profile' && value === defaultProfile)) continue;
    data[field.key] = value;
  }
  data[fields.rowsKey] = values.rows.map((row) => {
    const out: Record<string, string | number> = {};
    for (const field of fields.row) {
      const value = valueOf(field, row[field.key]);
      if (value !== undefined) out[field.key] = value;
    }
    return out;
  });
  return data;
}

/** The id of the input of the field at `path`: `form-phone`, `form-themes-0-month`. */
export function fieldId(path: DataPath): string {
  return `form-${path.join('-')}`;
}

/** The id of the rows' heading, which findings about the rows as a whole (how many) point to. */
export const ROWS_ID = 'form-rows';

/**
 * The fields touched once row `removed` of `rowsKey` is taken away: its own are forgotten, and those of the
 * rows after it move up with their rows, so that a message shows only under a field the user has been in.
 */
export function touchedAfterRemoval(touched: ReadonlySet<string>, rowsKey: string, removed: number): Set<string> {
  const prefix = fieldId([rowsKey]) + '-';
  const after = new Set<string>();
  for (const id of touched) {
    const row = id.startsWith(prefix) ? /^(\d+)(-.*)?$/.exec(id.slice(prefix.length)) : null;
    if (!row) after.add(id);
    else if (Number(row[1]) > removed) after.add(`${prefix}${Number(row[1]) - 1}${row[2] ?? ''}`);
    else if (Number(row[1]) < removed) after.add(id);
  }
  return after;
}

/**
 * The id of the input a finding at `path` is about, of a form with `rows` rows: the field itself; the
 * first field of a row for a finding about a row; the rows' heading for one about the rows (how many),
 * or about a row the form does not show. Undefined for a finding about the whole submission.
 */
export function findingTarget(path: DataPath, fields: FormFields, rows: number): string | undefined {
  const [first, index, key] = path;
  if (first === fields.rowsKey) {
    if (typeof index !== 'number' || index >= rows) return ROWS_ID;
    const field = fields.row.find((f) => f.key === key) ?? fields.row[0]!;
    return fieldId([fields.rowsKey, index, field.key]);
  }
  return fields.header.some((f) => f.key === first) ? fieldId([first!]) : undefined;
}

/** The workbook's file name: `<填报单位>-<the form's name>.xlsx`, with what a file name may not hold replaced. */
export function submissionFileName(fields: FormFields, values: FormValues): string {
  const unit = (values.header.unit ?? '').trim();
  const name = unit === '' ? fields.name.zh : `${unit}-${fields.name.zh}`;
  return `${name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_')}.xlsx`;
}
