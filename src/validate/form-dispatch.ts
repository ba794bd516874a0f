import type { ValidateOptions } from './options.js';
import type { TextResult } from './validate-text.js';

/** A file that declares itself an application form (`kind: form/theme-day` …) rather than a catalog. */
const FORM_KIND = /^kind:\s*["']?form\//m;

/** Whether a file's text declares a form; read from the text, so catalogs never load the forms code. */
export function isFormText(text: string): boolean {
  return FORM_KIND.test(text);
}

const resolved = new WeakMap<ValidateOptions, Promise<import('../forms/validate-submission.js').SubmissionOptions>>();

/** Check a form file by its own schema and rule profile (see `zwgk form check`), with the run's configuration. */
export async function validateForm(file: string, text: string, options: ValidateOptions): Promise<TextResult> {
  const forms = await import('../forms/validate-submission.js');
  let submission = resolved.get(options);
  if (!submission) {
    submission = Promise.resolve(
      forms.resolveSubmissionOptions({ lang: options.lang, ...(options.forms ? { forms: options.forms } : {}) }),
    );
    resolved.set(options, submission);
  }
  const result = forms.validateSubmission(file, text, await submission);
  return { diagnostics: result.diagnostics, data: result.data, facts: result.facts };
}
