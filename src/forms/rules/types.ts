import type { Severity } from '../../diagnostics.js';
import type { RuleFinding } from '../../lint/types.js';
import type { Text } from '../../i18n.js';
import type { FormDefinition } from '../registry.js';
import type { FormProfile, FormRuleId, Submission } from '../types.js';

/** What a form rule sees: the submission as read, the profile it is checked by, and its form. */
export interface FormRuleContext {
  submission: Submission;
  profile: FormProfile;
  definition: FormDefinition;
}

/** What a rule reports: where, and what to say, as a catalog rule does (form rules propose no fixes). The engine adds the code, severity and position. */
export type FormFinding = Omit<RuleFinding, 'fix'>;

/** A rule that checks one submission against its profile. */
export interface FormRule {
  id: FormRuleId;
  /** Severity unless the profile says otherwise. */
  severity: Severity;
  /** One line: what the rule checks. */
  description: Text;
  /** Whether the rule reads the profile; others still run when the submission names an unknown one. */
  usesProfile: boolean;
  check(ctx: FormRuleContext): FormFinding[];
}
