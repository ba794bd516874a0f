import type { FormLayout, LayoutColumn, LayoutField } from '../layout.js';
import { monthLabel } from '../months.js';
import { blankRowCount } from '../skeleton.js';
import { dateText } from './date-text.js';
import type { FormDefinition } from '../registry.js';
import type { FormProfile, Submission, SubmissionRow } from '../types.js';

/** What a form sheet is made from: the form, its layout, the profile for the drop-down lists, and the filled values if any. */
export interface FormSheetInput {
  form: FormDefinition;
  layout: FormLayout;
  profile: FormProfile;
  /** The filled submission; without it the form is blank. */
  submission?: Submission;
  /** For a blank form: what to print in the title, and how many rows to offer. */
  blank?: { year?: number; area?: string; unit?: string; rows?: number };
}

/** The text a row shows in a column. */
export function rowText(column: LayoutColumn, row: SubmissionRow, seq: number): string {
  switch (column.key) {
    case 'seq':
      return String(seq);
    case 'month':
      return row.month === undefined ? '' : monthLabel(row.month);
    default: {
      const value = (row as unknown as Record<string, unknown>)[column.key];
      return typeof value === 'string' ? value : '';
    }
  }
}

/** The value a labelled field shows: the date as written on forms, the unit of a blank form if given. */
export function fieldValue(field: LayoutField, input: Pick<FormSheetInput, 'submission' | 'blank'>): string {
  if (field.key === 'date') return dateText(input.submission?.date);
  if (field.key === 'unit') return input.submission?.unit ?? input.blank?.unit ?? '';
  // A layout of one's own may name any key: only the submission's own text is shown.
  const submission = input.submission as Record<string, unknown> | undefined;
  const value = submission && Object.hasOwn(submission, field.key) ? submission[field.key] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The rows a form shows: the submission's, or the empty rows of a blank form. */
export function formRows(input: FormSheetInput): SubmissionRow[] {
  return input.submission?.rows.length
    ? input.submission.rows
    : Array.from({ length: blankRowCount(input.profile, input.layout.blankRows, input.blank?.rows) }, (_, index) => ({
        index,
      }));
}
