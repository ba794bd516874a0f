import type { FormRuleId, Severity } from '../diagnostics.js';
import type { FormId } from './registry.js';
import type { SubmissionRow } from './submission-row.js';

/** The built-in forms, by the name used on the command line: their ids are those of `registry.ts`. */
export { FORM_IDS, type FormId } from './registry.js';

/** The `kind` a submission file declares: `form/` and the form's id. */
export type FormKind = `form/${FormId}`;

export type { SubmissionRow } from './submission-row.js';

/** A submission read from its data, for rules, rendering and plans. */
export interface Submission {
  form: FormId;
  profile?: string;
  year?: number;
  area?: string;
  title?: string;
  unit?: string;
  contact?: string;
  phone?: string;
  /** 填报日期, YYYY-MM-DD. */
  date?: string;
  rows: SubmissionRow[];
}

/** The ids of the form rules; severities in a profile are keyed by them. */
export { FORM_RULE_IDS, type FormRuleId } from '../diagnostics.js';

/** A range of whole numbers; either end may be open. */
export interface CountRange {
  min?: number;
  max?: number;
}

/**
 * The rules a region sets for one form in one year: what 活动形式 are allowed, how many rows a unit
 * submits, the months activities may fall in, the deadline, and the limits of the merged plan.
 */
export interface FormProfile {
  /** The form the profile applies to. */
  form: FormId;
  /** What the profile is, for messages: 湖南省2023年“政务公开主题日”. */
  name: string;
  /** The notice the rules come from. Default: none. */
  source?: string;
  /** The allowed 活动形式, in the order of the drop-down list. */
  activityForms: string[];
  /** How many rows one unit submits. Default: any number (at least one). */
  rows?: CountRange;
  /** At least `min` rows must have one of `forms` as their 活动形式. Default: no such rule. */
  requiredForms?: { forms: string[]; min: number };
  /** The months activities may be held in, inclusive. Default: 1 to 12. */
  months?: { from: number; to: number };
  /** The submission deadline in the form's year, `MM-DD`. Default: none. */
  deadline?: string;
  /** Activities per month in the merged plan. Default: no limits. */
  perMonth?: CountRange;
  /** Severity per form rule id; `off` turns a rule off. Default: each rule's own. */
  rules?: Partial<Record<FormRuleId, Severity | 'off'>>;
}

/** A profile as the configuration writes it: any field of a profile, on top of the one it extends. */
export interface FormProfileConfig extends Partial<FormProfile> {
  /** The profile this one starts from (a built-in one or another from the configuration). */
  extends?: string;
  /** 活动形式 added to those of the profile it extends, e.g. `[现场宣传]`. */
  addActivityForms?: string[];
}

/** The `forms` section of the configuration. */
export interface FormsConfig {
  /** Profiles added, or built-in ones changed, by id. */
  profiles?: Readonly<Record<string, FormProfileConfig>>;
  /** The profile of submissions that name none, per form. Default: `hunan-2023`, `shanghai-2025`. */
  defaultProfiles?: Partial<Record<FormId, string>>;
  /** A directory of templates replacing the shipped ones of templates/forms/, relative to the config file. */
  templates?: string;
}
