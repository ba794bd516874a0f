import type { Lang } from '../i18n.js';
import { dataFindings } from '../validate/position-findings.js';
import { FORMS } from './registry.js';
import type { FormId, FormsConfig } from './types.js';
import { checkSubmissionData, resolveSubmissionOptions, type SubmissionResult } from './validate-submission.js';

/** How {@link checkSubmission} checks. */
export interface SubmissionCheckOptions {
  /** The form, for data that does not declare its `kind`. Default: the `kind` the data declares. */
  form?: FormId;
  /** Check by this profile instead of the one the data names. Default: the data's, else the form's default. */
  profile?: string;
  /** Language of messages. Default: `zh`. */
  lang?: Lang;
  /** The configuration's `forms` section: profiles of one's own. Default: the built-in profiles. */
  forms?: FormsConfig;
  /** How the findings name the submission. Default: `submission`. */
  file?: string;
}

/** The data with the form's `kind`, when it is a mapping that declares none. */
function withKind(data: unknown, form: FormId | undefined): unknown {
  const isMap = data !== null && typeof data === 'object' && !Array.isArray(data);
  if (!form || !isMap || (data as { kind?: unknown }).kind !== undefined) return data;
  return { kind: FORMS[form].kind, ...data };
}

/**
 * Check a submission's data, as a page holds it or `zwgk form import` reads it: the schema of its form,
 * then the rules of its profile (themes, 活动形式, months, phone, deadline). The findings are those
 * `zwgk form check` gives for the same data written as YAML, with their paths into the data and no
 * place in a text. Pure; throws a `ZwgkError` only for a broken `forms` configuration.
 */
export function checkSubmission(data: unknown, options: SubmissionCheckOptions = {}): SubmissionResult {
  const lang = options.lang ?? 'zh';
  const resolved = resolveSubmissionOptions({
    lang,
    ...(options.forms ? { forms: options.forms } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
  });
  const checked = withKind(data, options.form);
  const { findings, ...result } = checkSubmissionData(checked, resolved);
  return {
    diagnostics: dataFindings(options.file ?? 'submission', findings, lang),
    data: checked,
    facts: new Map(),
    ...result,
  };
}
