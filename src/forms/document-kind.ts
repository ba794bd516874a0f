import type { DocumentKind, DocumentKindMaker } from '../validate/options.js';
import type { FormsConfig } from './types.js';

/** Whether a declared kind names an application form (`form/theme-day` …), known or not. */
export function isFormKind(kind: string | undefined): boolean {
  return kind?.startsWith('form/') ?? false;
}

/**
 * The application forms as a kind of document for the engine: a file that declares `kind: form/…` is
 * checked by its form's schema and rule profile (see `zwgk form check`), with the configuration's `forms`
 * section. The forms' code is loaded only for a file that declares a form, so that catalogs never load it.
 */
export function formDocuments(forms?: FormsConfig): DocumentKind {
  const resolved = new Map<string, Promise<import('./validate-submission.js').SubmissionOptions>>();
  return {
    name: 'form',
    settings: forms ?? null,
    declares: isFormKind,
    async check(source, options) {
      const checker = await import('./validate-submission.js');
      let submission = resolved.get(options.lang);
      if (!submission) {
        submission = Promise.resolve(
          checker.resolveSubmissionOptions({ lang: options.lang, ...(forms ? { forms } : {}) }),
        );
        resolved.set(options.lang, submission);
      }
      const result = checker.validateLoadedSubmission(source, await submission);
      return { diagnostics: result.diagnostics, data: result.data, facts: result.facts };
    },
  };
}

/** Makes the forms' kind again from its settings (in a worker thread of the pool). */
export const FORM_DOCUMENTS: DocumentKindMaker = (settings) => formDocuments(settings as FormsConfig | undefined);
