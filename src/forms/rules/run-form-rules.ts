import type { Severity } from '../../diagnostics.js';
import type { Finding } from '../../finding.js';
import type { FormProfile, FormRuleId } from '../types.js';
import { FORM_RULES } from './registry.js';
import type { FormFinding, FormRuleContext } from './types.js';

/** The severity a rule runs at under a profile, or `off`. */
export function formSeverity(id: FormRuleId, fallback: Severity, profile: FormProfile): Severity | 'off' {
  return profile.rules?.[id] ?? fallback;
}

/** Turn what a rule reports into a finding of the run. */
export function formFinding(code: FormRuleId, severity: Severity, f: FormFinding): Finding {
  return {
    code,
    severity,
    path: f.path,
    ...(f.target ? { target: f.target } : {}),
    message: f.message,
    ...(f.hint ? { hint: f.hint } : {}),
  };
}

/**
 * Run every form rule the profile leaves on. Without a profile (the submission names an unknown one),
 * only the rules that do not depend on one run, at their own severity.
 */
export function runFormRules(ctx: Omit<FormRuleContext, 'profile'> & { profile?: FormProfile }): Finding[] {
  const findings: Finding[] = [];
  for (const rule of FORM_RULES) {
    if (!ctx.profile && rule.usesProfile) continue;
    const severity = ctx.profile ? formSeverity(rule.id, rule.severity, ctx.profile) : rule.severity;
    if (severity === 'off') continue;
    for (const f of rule.check(ctx as FormRuleContext)) findings.push(formFinding(rule.id, severity, f));
  }
  return findings;
}
