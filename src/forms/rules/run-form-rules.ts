import type { Finding } from '../../finding.js';
import { severityOf, toFinding } from '../../lint/run-rules.js';
import type { FormProfile } from '../types.js';
import { FORM_RULES } from './registry.js';
import type { FormRuleContext } from './types.js';

/**
 * Run every form rule the profile leaves on, as the catalog rules are run (`lint/run-rules.ts`). Without a
 * profile (the submission names an unknown one), only the rules that do not depend on one run, at their own
 * severity.
 */
export function runFormRules(ctx: Omit<FormRuleContext, 'profile'> & { profile?: FormProfile }): Finding[] {
  const findings: Finding[] = [];
  for (const rule of FORM_RULES) {
    if (!ctx.profile && rule.usesProfile) continue;
    const severity = severityOf(rule, ctx.profile?.rules ?? {});
    if (severity === 'off') continue;
    for (const f of rule.check(ctx as FormRuleContext)) findings.push(toFinding(rule, severity, f));
  }
  return findings;
}
