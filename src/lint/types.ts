import type { DataPath, LintRuleId, Severity } from '../diagnostics.js';
import type { FixPlan } from '../finding.js';
import type { Text } from '../i18n.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import type { Vocabulary } from '../catalog/vocabulary.js';

/** What a rule sees of one catalog. */
export interface RuleContext {
  /** The parsed data as written. */
  data: unknown;
  /** The same catalog with inheritance resolved. */
  catalog: ResolvedCatalog;
  vocabulary: Vocabulary;
  /**
   * The text the data was read from, when there is one (not for a table): lets a rule that looks for
   * characters skip the walk of the data when the text cannot hold any.
   */
  text?: string;
}

/** What a rule reports: where, and what to say. The engine adds the code, severity and position. */
export interface RuleFinding {
  path: DataPath;
  target?: 'key' | 'value';
  /** The element (要素) the finding is about when `path` stops at its item: one not filled in. */
  element?: string;
  message: Text;
  hint?: Text;
  /** A safe fix, where the rule knows one. */
  fix?: FixPlan;
}

interface RuleMeta {
  /** Rule id, also the code of its findings: kebab-case, e.g. `channel-known` (listed in diagnostics.ts). */
  id: LintRuleId;
  /** Severity unless the configuration says otherwise. */
  severity: Severity;
  /** One line: what the rule checks. */
  description: Text;
}

/** A rule that looks at one catalog at a time. */
export interface FileRule extends RuleMeta {
  scope: 'file';
  check(ctx: RuleContext): RuleFinding[];
}

/** A rule that looks across every file of a run: it collects facts per file, then checks them together. */
export interface ProjectRule<Facts = unknown> extends RuleMeta {
  scope: 'project';
  collect(ctx: RuleContext): Facts;
  /** Check the facts of every file; each finding names the entry of `files` it is in by its index (`at`). */
  check(files: readonly { file: string; facts: Facts }[]): { at: number; finding: RuleFinding }[];
}

export type Rule = FileRule | ProjectRule;
