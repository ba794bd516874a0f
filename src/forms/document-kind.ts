import type { DocumentKind, DocumentKindMaker } from '../validate/options.js';
import type { FormsConfig } from './types.js';

/** A file that declares itself an application form (`kind: form/theme-day` …) rather than a catalog. */
const FORM_KIND = /^kind:\s*["']?form\//m;

/**
 * The application forms as a kind of document for the engine: a file that declares `kind: form/…` is
 * checked by its form's schema and rule profile (see `zwgk form check`), with the configuration's `forms`
 * section. Read from the text, so that catalogs never load the forms code.
 */
export function formDocuments(forms?: FormsConfig): DocumentKind {
  const resolved = new Map<string, Promise<import('./validate-submission.js').SubmissionOptions>>();
  return {
    name: 'form',
    settings: forms ?? null,
    claims: (text) => text.includes('form/') && FORM_KIND.test(text),
    async check(file, text, options) {
      const checker = await import('./validate-submission.js');
      let submission = resolved.get(options.lang);
      if (!submission) {
        submission = Promise.resolve(
          checker.resolveSubmissionOptions({ lang: options.lang, ...(forms ? { forms } : {}) }),
        );
        resolved.set(options.lang, submission);
      }
      const result = checker.validateSubmission(file, text, await submission);
      return { diagnostics: result.diagnostics, data: result.data, facts: result.facts };
    },
  };
}

/** Makes the forms' kind again from its settings (in a worker thread of the pool). */
export const FORM_DOCUMENTS: DocumentKindMaker = (settings) => formDocuments(settings as FormsConfig | undefined);
