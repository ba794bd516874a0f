import type { Diagnostic } from '../diagnostics.js';
import { checkSubmission, type SubmissionCheckOptions } from './check-submission.js';
import { shippedLayout, type FormLayout } from './layout.js';
import { renderFormXlsx } from './render/xlsx-form.js';

/** A submission's workbook, or the findings that keep it from being made. */
export type SubmissionWorkbook =
  { ok: true; xlsx: Uint8Array; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The filled application form as an xlsx workbook, from a submission's data (as a page holds it, or
 * `zwgk form import` reads it): the workbook `zwgk form render --format xlsx` writes for the same data
 * with the shipped layout, printed on one A4 page. The data is checked first, as the command does; with
 * errors there is no workbook, and the findings say why. Nothing is read or written.
 */
export async function renderSubmissionXlsx(
  data: unknown,
  options: SubmissionCheckOptions = {},
): Promise<SubmissionWorkbook> {
  const { diagnostics, form, profile, submission } = checkSubmission(data, options);
  if (diagnostics.some((d) => d.severity === 'error') || !form || !profile || !submission)
    return { ok: false, diagnostics };
  const layout = shippedLayout<FormLayout>(form.layout);
  return { ok: true, xlsx: await renderFormXlsx({ form, layout, profile, submission }), diagnostics };
}
