import type { Diagnostic } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import type { Lang } from '../i18n.js';
import { loadText, type LoadedSource } from '../load/load-source.js';
import { compileSchema, runSchema } from '../schema/catalog-schema.js';
import { AjvErrorConverter } from '../schema/convert-ajv-errors.js';
import { closest } from '../util/text.js';
import { valueAt } from '../catalog/labels.js';
import { parseMonth } from './months.js';
import { positionFindings } from '../validate/position-findings.js';
import { resolveProfiles, type ProfileSet } from './profiles/resolve-profiles.js';
import { readSubmission } from './read-submission.js';
import { nameRowOwners } from './row-labels.js';
import { SUBMISSION_LABEL } from './submission-label.js';
import { FORMS, formOfKind, type FormDefinition } from './registry.js';
import { runFormRules } from './rules/run-form-rules.js';
import { didYouMean } from './rules/words.js';
import { FORM_IDS, type FormProfile, type FormsConfig, type Submission } from './types.js';
import { appendAll } from '../util/append.js';

/** What checking a submission depends on besides its text. */
export interface SubmissionOptions {
  /** Language of messages. Default: `zh`. */
  lang: Lang;
  /** The profiles known, with the default of each form. Default: the built-in ones. */
  profiles: ProfileSet;
  /** Check every submission by this profile instead of the one it names. Default: none. */
  profile?: string;
}

/** Fill in the defaults; `forms` is the configuration's `forms` section. Throws on a broken one. */
export function resolveSubmissionOptions(
  partial: { lang?: Lang; forms?: FormsConfig; profile?: string } = {},
): SubmissionOptions {
  const lang = partial.lang ?? 'zh';
  return {
    lang,
    profiles: resolveProfiles(partial.forms, lang),
    ...(partial.profile ? { profile: partial.profile } : {}),
  };
}

/** The outcome of checking one submission's text. */
export interface SubmissionResult {
  diagnostics: Diagnostic[];
  /** The parsed data, when the YAML could be read. */
  data?: unknown;
  /** Facts for project rules: none for submissions (kept for the shape of catalog results). */
  facts: Map<string, unknown>;
  /** The form the file declares, when it declares a known one. */
  form?: FormDefinition;
  /** The submission as read, when the form is known. */
  submission?: Submission;
  /** The profile it was checked by, and its id, when there is one. */
  profile?: FormProfile;
  profileId?: string;
  /** The schema accepted the data: the submission can be rendered and merged into a plan. */
  wellFormed: boolean;
}

const KINDS = FORM_IDS.map((id) => FORMS[id].kind);

function kindFinding(data: unknown): Finding {
  const isMap = data !== null && typeof data === 'object' && !Array.isArray(data);
  const kind = isMap ? (data as { kind?: unknown }).kind : undefined;
  const list = KINDS.map((k) => `“${k}”`).join('或');
  if (kind === undefined) {
    return {
      code: isMap ? 'schema/required' : 'schema/type',
      severity: 'error',
      path: isMap ? ['kind'] : [],
      message: {
        zh: `申报表缺少文件类型 kind，应为${list}。`,
        en: `The submission lacks its kind: ${KINDS.join(' or ')}.`,
      },
      hint: {
        zh: `在文件开头写一行 ${FORM_IDS.map((id) => `\`kind: ${FORMS[id].kind}\`（${FORMS[id].name.zh}）`).join('或')}。`,
        en: `Start the file with ${KINDS.map((k) => `\`kind: ${k}\``).join(' or ')}.`,
      },
    };
  }
  const guess = typeof kind === 'string' ? closest(kind, KINDS) : undefined;
  // A value that is not text (a mapping, a list) is shown as JSON, as the schema's findings show values.
  const shown = typeof kind === 'string' ? kind : JSON.stringify(kind);
  return {
    code: 'schema/enum',
    severity: 'error',
    path: ['kind'],
    message: {
      zh: `文件类型只能是${list}，这里是“${shown}”。`,
      en: `The kind must be ${KINDS.join(' or ')}, not "${shown}".`,
    },
    ...(guess ? { hint: didYouMean(guess) } : {}),
  };
}

/** Which profile a submission is checked by, or the finding that says it names none that fits. */
function chooseProfile(
  form: FormDefinition,
  submission: Submission,
  options: SubmissionOptions,
): { id: string; profile: FormProfile } | { finding: Finding } {
  const fromData = options.profile === undefined && submission.profile !== undefined;
  const id = options.profile ?? submission.profile ?? options.profiles.defaults[form.id];
  const profile = options.profiles.profiles.get(id);
  const path = fromData ? ['profile'] : [];
  const same = [...options.profiles.profiles].filter(([, p]) => p.form === form.id).map(([k]) => k);
  if (!profile) {
    const guess = closest(id, same);
    return {
      finding: {
        code: 'form-profile',
        severity: 'error',
        path,
        message: { zh: `没有名为“${id}”的规则方案。`, en: `There is no profile "${id}".` },
        hint: guess
          ? didYouMean(guess)
          : {
              zh: `可用的规则方案：${same.join('、')}；也可在配置 forms.profiles 中添加。`,
              en: `Known profiles: ${same.join(', ')}; add one under forms.profiles in the configuration.`,
            },
      },
    };
  }
  if (profile.form !== form.id) {
    return {
      finding: {
        code: 'form-profile',
        severity: 'error',
        path,
        message: {
          zh: `规则方案“${id}”用于${FORMS[profile.form].name.zh}，不能检查${form.name.zh}。`,
          en: `The profile "${id}" is for ${profile.form}, not ${form.id}.`,
        },
        hint: { zh: `可用的规则方案：${same.join('、')}。`, en: `Profiles for this form: ${same.join(', ')}.` },
      },
    };
  }
  return { id, profile };
}

/** A month written as text (`9月`, `九月`) is a number the schema refuses: say which number to write. */
function withMonthHint(finding: Finding, data: unknown): Finding {
  if (finding.code !== 'schema/type' || finding.path.at(-1) !== 'month') return finding;
  const value = valueAt(data, finding.path);
  const month = typeof value === 'string' ? parseMonth(value) : undefined;
  return month === undefined
    ? finding
    : { ...finding, hint: { zh: `写成数字：\`month: ${month}\`。`, en: `Write the number: \`month: ${month}\`.` } };
}

/**
 * Check one submission's text: YAML, the schema of the form it declares (`kind`), then the rules of its
 * profile. Like `validateText`, the text is parsed once with the fast parser; positions are worked out
 * only when there is something to report. Findings use the same codes, positions and words as catalogs.
 */
export function validateSubmission(file: string, text: string, options: SubmissionOptions): SubmissionResult {
  return validateLoadedSubmission(loadText(file, text, { lang: options.lang }), options);
}

/** {@link validateSubmission} for a loaded source. */
export function validateLoadedSubmission(source: LoadedSource, options: SubmissionOptions): SubmissionResult {
  const file = source.file;
  const none = { facts: new Map<string, unknown>(), wellFormed: false };
  const read = source.read();
  if (!read.ok) return { diagnostics: read.errors, ...none };
  const { data } = read;
  if (read.empty) {
    const diagnostic = source.emptyFinding({
      zh: '用 `zwgk form new theme-day -o 文件名.yaml` 生成申报表再填写，或删除这个文件。',
      en: 'Create a submission with `zwgk form new theme-day -o file.yaml` and fill it in, or delete the file.',
    });
    return { diagnostics: [diagnostic], data, ...none };
  }

  const checked = checkSubmissionData(data, options);
  const { findings, ...result } = checked;
  if (findings.length === 0) return { diagnostics: [], data, facts: new Map(), ...result };
  // Where the fast parser was more lenient than the positional one, the YAML itself is the problem.
  const yamlErrors = source.yamlErrors();
  if (yamlErrors.length > 0) return { diagnostics: yamlErrors, ...none };
  return {
    diagnostics: positionFindings(file, source.positions(), findings, options.lang),
    data,
    facts: new Map(),
    ...result,
  };
}

/** What checking a submission's data finds, before the findings are placed in a text. */
export type SubmissionFindings = Omit<SubmissionResult, 'diagnostics' | 'data' | 'facts'> & { findings: Finding[] };

/**
 * Check a submission's parsed data: the schema of the form it declares (`kind`), then the rules of its
 * profile. The findings have paths into the data; {@link validateSubmission} places them in the text.
 */
export function checkSubmissionData(data: unknown, options: SubmissionOptions): SubmissionFindings {
  const findings: Finding[] = [];
  const form = formOfKind((data as { kind?: unknown } | null | undefined)?.kind);
  if (!form) {
    findings.push(kindFinding(data));
    return { findings, wellFormed: false };
  }
  const schema = compileSchema(form.schema);
  const converted = new AjvErrorConverter(schema.schema, data, SUBMISSION_LABEL).convert(runSchema(schema, data));
  const schemaFindings = nameRowOwners(converted, form).map((f) => withMonthHint(f, data));
  appendAll(findings, schemaFindings);
  const submission = readSubmission(form.id, data);
  const chosen = chooseProfile(form, submission, options);
  if ('finding' in chosen) {
    findings.push(chosen.finding, ...runFormRules({ submission, definition: form }));
    return { findings, form, submission, wellFormed: false };
  }
  appendAll(findings, runFormRules({ submission, profile: chosen.profile, definition: form }));
  return {
    findings,
    form,
    submission,
    profile: chosen.profile,
    profileId: chosen.id,
    wellFormed: schemaFindings.length === 0,
  };
}
