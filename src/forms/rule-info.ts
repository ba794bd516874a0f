import type { RuleInfo } from '../report/code-catalog.js';
import { FORM_RULES } from './rules/registry.js';

/** The rules of application forms, as reports and rule listings describe rules. */
export const FORM_RULE_INFO: readonly RuleInfo[] = FORM_RULES.map((r) => ({
  id: r.id,
  severity: r.severity,
  scope: 'form',
  description: r.description,
}));
