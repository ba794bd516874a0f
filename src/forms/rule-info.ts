import type { RuleInfo } from '../report/code-catalog.js';
import { PLAN_CHECKS } from './plan/check-plan.js';
import { FORM_RULES } from './rules/registry.js';

/**
 * The codes of application forms and plans, as reports and rule listings describe rules: the form rules,
 * the plan checks, and `form-profile`, the finding that a submission names no rule profile that fits.
 */
export const FORM_RULE_INFO: readonly RuleInfo[] = [
  ...FORM_RULES.map((r) => ({ id: r.id, severity: r.severity, scope: 'form', description: r.description })),
  ...PLAN_CHECKS.map((c) => ({ id: c.id, severity: c.severity, scope: 'plan', description: c.description })),
  {
    id: 'form-profile',
    severity: 'error',
    scope: 'form',
    description: {
      zh: '申报表指定的规则方案存在且适用于这种申报表。',
      en: 'The rule profile a submission names exists and fits its form.',
    },
  },
];
