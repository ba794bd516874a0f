import type { DiagnosticCode, Severity } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { RULES } from './registry.js';
import type { Rule, RuleContext, RuleFinding } from './types.js';

/** Severity per rule id; `off` turns a rule off. Rules not named keep their default. */
export type RuleSeverities = Readonly<Record<string, Severity | 'off'>>;

/** The severity a rule (a catalog rule, a form rule, a plan check) runs at under `severities`, or `off`. */
export function severityOf(
  rule: { readonly id: string; readonly severity: Severity },
  severities: Readonly<Partial<Record<string, Severity | 'off'>>>,
): Severity | 'off' {
  return severities[rule.id] ?? rule.severity;
}

/** Turn what a rule reports into a finding of the run, with the rule's id as its code. */
export function toFinding(rule: { readonly id: DiagnosticCode }, severity: Severity, f: RuleFinding): Finding {
  return {
    code: rule.id,
    severity,
    path: f.path,
    ...(f.target ? { target: f.target } : {}),
    ...(f.element ? { element: f.element } : {}),
    message: f.message,
    ...(f.hint ? { hint: f.hint } : {}),
    ...(f.fix ? { fix: f.fix } : {}),
  };
}

/** Run the file rules on one catalog; collect the facts the project rules need. */
export function runFileRules(
  ctx: RuleContext,
  severities: RuleSeverities,
): { findings: Finding[]; facts: Map<string, unknown> } {
  const findings: Finding[] = [];
  const facts = new Map<string, unknown>();
  // The rules share what they gather from the file (nodes.ts) through this context, made for this run.
  const own: RuleContext = { data: ctx.data, catalog: ctx.catalog, vocabulary: ctx.vocabulary };
  if (ctx.text !== undefined) own.text = ctx.text;
  const rules = RULES as readonly Rule[];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const severity = severityOf(rule, severities);
    if (severity === 'off') continue;
    if (rule.scope === 'project') {
      facts.set(rule.id, rule.collect(own));
    } else {
      const found = rule.check(own);
      for (let f = 0; f < found.length; f++) findings.push(toFinding(rule, severity, found[f]!));
    }
  }
  return { findings, facts };
}

/**
 * Run the project rules over the facts collected from each file (or each table of a file). Each finding
 * names its entry of `files` by index (`at`), and its file.
 */
export function runProjectRules(
  files: readonly { file: string; facts: ReadonlyMap<string, unknown> }[],
  severities: RuleSeverities,
): { at: number; file: string; finding: Finding }[] {
  const out: { at: number; file: string; finding: Finding }[] = [];
  for (const rule of RULES as readonly Rule[]) {
    if (rule.scope !== 'project') continue;
    const severity = severityOf(rule, severities);
    if (severity === 'off') continue;
    const holders: number[] = [];
    for (let i = 0; i < files.length; i++) if (files[i]!.facts.has(rule.id)) holders.push(i);
    const entries = holders.map((i) => ({ file: files[i]!.file, facts: files[i]!.facts.get(rule.id) }));
    for (const { at, finding } of rule.check(entries)) {
      const index = holders[at]!;
      out.push({ at: index, file: files[index]!.file, finding: toFinding(rule, severity, finding) });
    }
  }
  return out;
}
