import type { DataPath, Diagnostic, Fix } from '../diagnostics.js';
import { parseFast } from '../load/parse-fast.js';
import { documentData, parseWithPositions } from '../load/parse-positions.js';
import type { ValidateOptions } from '../validate/options.js';
import { readSuppressions, suppressedBy } from '../validate/suppressions.js';
import { validateText } from '../validate/validate-text.js';
import { applyFixes } from './apply-fixes.js';
import { proposeFix } from './propose-fix.js';
import { applyEffects, deepEqual, pathsMeet } from './data.js';

/** Passes of fixing and checking again, at most: a fix can make way for another (as ESLint's loop). */
export const MAX_PASSES = 10;

/** A fix that was applied. */
export interface AppliedFix {
  code: string;
  /** The finding's message. */
  message: string;
  /** What the fix did. */
  description: string;
  path: DataPath;
  /** The line of the finding in the text the fix was applied to. */
  line: number;
}

/** The outcome of fixing one file's text. */
export interface FixTextResult {
  /** The fixed text (the same string when nothing was fixed). */
  text: string;
  applied: AppliedFix[];
  /** The findings of the fixed text, as `validateText` gives them. */
  remaining: Diagnostic[];
  /** Facts of the fixed text for the rules that look across files. */
  facts: Map<string, unknown>;
}

type Fixable = Diagnostic & { fix: Fix };

/**
 * The data a text holds, read as validation reads it; undefined when it is no longer YAML both parsers
 * accept.
 */
function readData(text: string): { data: unknown } | undefined {
  const positioned = parseWithPositions(text);
  if (positioned.doc.errors.length > 0) return undefined;
  const fast = /\r(?!\n)/.test(text) ? undefined : parseFast(text);
  if (fast && !fast.ok) return undefined;
  return { data: fast ? fast.data : documentData(positioned) };
}

/** Whether `after` holds exactly the data the fixes say: `before` with their effects and nothing else. */
function verified(after: string, before: unknown, fixes: readonly Fixable[]): boolean {
  const read = readData(after);
  return read !== undefined && deepEqual(read.data, applyEffects(before, fixes.map((f) => f.fix.effect)));
}

const keyOf = (d: Diagnostic) => `${d.code}\u0000${d.pointer}`;

/**
 * Choose fixes that can go together: no two edit the same text or the same part of the data. A “同上”
 * is replaced only once nothing else is left to fix, so that it copies or inherits settled values.
 */
function choose(candidates: readonly Fixable[]): Fixable[] {
  const sameAsAbove = (d: Diagnostic) => d.code === 'no-same-as-above';
  const first = candidates.some((d) => !sameAsAbove(d)) ? candidates.filter((d) => !sameAsAbove(d)) : [...candidates];
  first.sort((a, b) => a.fix.edits[0]!.start - b.fix.edits[0]!.start);
  const chosen: Fixable[] = [];
  for (const d of first) {
    if (chosen.some((c) => pathsMeet(c.fix.effect.path, d.fix.effect.path))) continue;
    chosen.push(d);
  }
  return chosen;
}

/** Apply the fixes of findings that can go together; returns the findings whose fixes were applied. */
function applyAll(text: string, fixables: readonly Fixable[]): { text: string; applied: Fixable[] } {
  const result = applyFixes(text, fixables.map((d) => d.fix));
  return { text: result.text, applied: fixables.filter((d) => result.applied.includes(d.fix)) };
}

/**
 * One pass: apply the chosen fixes together if the result holds the data they promise; otherwise
 * each on its own, setting aside (in `rejected`) those that do not keep their promise.
 */
function pass(text: string, data: unknown, candidates: readonly Fixable[], rejected: Set<string>): { text: string; applied: Fixable[] } {
  const chosen = choose(candidates);
  const together = applyAll(text, chosen);
  if (together.applied.length > 0 && verified(together.text, data, together.applied)) return together;
  const good = chosen.filter((d) => {
    const alone = applyAll(text, [d]);
    const ok = alone.applied.length === 1 && verified(alone.text, data, [d]);
    if (!ok) rejected.add(keyOf(d));
    return ok;
  });
  if (good.length === 0) return { text, applied: [] };
  const batch = applyAll(text, good);
  if (verified(batch.text, data, batch.applied)) return batch;
  return applyAll(text, good.slice(0, 1));
}

/**
 * Apply the safe fixes the findings offer to a catalog's text, pass after pass until none is left
 * (at most {@link MAX_PASSES}). Every pass is checked: the text must still parse, and its data must
 * be the old data changed exactly as the fixes say. Text that is not valid YAML is returned as it is.
 */
export function fixText(file: string, text: string, options: ValidateOptions): FixTextResult {
  let current = text;
  const applied: AppliedFix[] = [];
  const rejected = new Set<string>();
  let result = validateText(file, current, options, { fixes: proposeFix });
  for (let n = 0; n < MAX_PASSES; n++) {
    // A finding a comment suppresses is left as written, fix and all.
    const suppressions = current.includes('zwgk-') ? readSuppressions(current) : [];
    const candidates = result.diagnostics.filter((d): d is Fixable => d.fix !== undefined && !rejected.has(keyOf(d)) && !suppressedBy(d, suppressions));
    if (candidates.length === 0) break;
    const step = pass(current, result.data, candidates, rejected);
    if (step.applied.length === 0) continue;
    for (const d of step.applied) {
      applied.push({ code: d.code, message: d.message, description: d.fix.description, path: d.path, line: d.range?.start.line ?? 0 });
    }
    current = step.text;
    result = validateText(file, current, options, { fixes: proposeFix });
  }
  const remaining = result.diagnostics.map(({ fix: _fix, ...d }) => d);
  return { text: current, applied, remaining, facts: result.facts };
}
