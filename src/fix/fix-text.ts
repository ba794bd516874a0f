import type { DataPath, Diagnostic, Fix, TextEdit } from '../diagnostics.js';
import { say } from '../i18n.js';
import type { ValidateOptions } from '../validate/options.js';
import { coverFinder, readSuppressions } from '../validate/suppressions.js';
import { validateText } from '../validate/validate-text.js';
import { applyFixes } from './apply-fixes.js';
import { proposeFix } from './propose-fix.js';
import { applyEffects, deepEqual, pathsMeet } from './data.js';
import { lineStarts, originalOffset, positionOf } from './map-back.js';
import { readData } from './read-data.js';
import { TAB_INDENT_FIX, untabIndent } from './tab-indent.js';

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
  /** The line of the finding in the text as it was read. */
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
  /** How many passes were made, and how many times a fixed text was parsed and checked. */
  passes: number;
  checks: number;
  /** The edits made, pass by pass: to place findings of the fixed text in the text as read (`placeInOriginal`). */
  steps: TextEdit[][];
}

type Fixable = Diagnostic & { fix: Fix };

/** Whether `after` holds exactly the data the fixes say: `before` with their effects and nothing else. */
function verified(after: string, before: unknown, fixes: readonly Fixable[]): boolean {
  const read = readData(after);
  return (
    read !== undefined &&
    deepEqual(
      read.data,
      applyEffects(
        before,
        fixes.map((f) => f.fix.effect),
      ),
    )
  );
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
  const result = applyFixes(
    text,
    fixables.map((d) => d.fix),
  );
  const taken = new Set(result.applied);
  return { text: result.text, applied: fixables.filter((d) => taken.has(d.fix)) };
}

/**
 * The fixes among `fixes` that keep their promise, each group checked on `text` as it is: a group
 * that does not is split in two, down to single fixes, which are set aside (in `rejected`). A few bad
 * fixes among thousands cost a few checks each, not one check per fix.
 */
function keepingPromise(
  text: string,
  data: unknown,
  fixes: readonly Fixable[],
  rejected: Set<string>,
  counter: PassCounter,
): Fixable[] {
  const group = applyAll(text, fixes);
  counter.checks++;
  if (group.applied.length === fixes.length && verified(group.text, data, group.applied)) return [...fixes];
  if (fixes.length === 1) {
    rejected.add(keyOf(fixes[0]!));
    return [];
  }
  const half = fixes.length >> 1;
  return [
    ...keepingPromise(text, data, fixes.slice(0, half), rejected, counter),
    ...keepingPromise(text, data, fixes.slice(half), rejected, counter),
  ];
}

/** How many times the fixed text was parsed and compared with the promised data (see `FixTextResult.checks`). */
interface PassCounter {
  checks: number;
}

/**
 * One pass: apply the chosen fixes together if the result holds the data they promise; otherwise
 * find the groups of them that do (setting aside in `rejected` those that do not keep their promise).
 */
function pass(
  text: string,
  data: unknown,
  candidates: readonly Fixable[],
  rejected: Set<string>,
  counter: PassCounter,
): { text: string; applied: Fixable[] } {
  const chosen = choose(candidates);
  const together = applyAll(text, chosen);
  counter.checks++;
  if (together.applied.length > 0 && verified(together.text, data, together.applied)) return together;
  const good = keepingPromise(text, data, chosen, rejected, counter);
  if (good.length === 0) return { text, applied: [] };
  const batch = applyAll(text, good);
  counter.checks++;
  if (verified(batch.text, data, batch.applied)) return batch;
  return applyAll(text, good.slice(0, 1));
}

/**
 * Apply the safe fixes the findings offer to a catalog's text, pass after pass until none is left
 * (at most {@link MAX_PASSES}). Every pass is checked: the text must still parse, and its data must
 * be the old data changed exactly as the fixes say. Text that is not valid YAML is returned as it is,
 * unless only its tab indentation is wrong and can be made spaces without guessing (`untabIndent`).
 */
export function fixText(file: string, text: string, options: ValidateOptions): FixTextResult {
  let current = text;
  const applied: AppliedFix[] = [];
  const rejected = new Set<string>();
  let result = validateText(file, current, options, { fixes: proposeFix });
  // Tabs in indentation make the text unreadable as YAML: where their width does not matter, they become spaces first.
  const tabs = result.diagnostics.find((d) => d.code === 'yaml/tab-indent');
  const untabbed = tabs ? untabIndent(current) : undefined;
  const steps: TextEdit[][] = [];
  let originalStarts: number[] | undefined;
  if (tabs && untabbed !== undefined) {
    applied.push({
      code: tabs.code,
      message: tabs.message,
      description: say(options.lang, TAB_INDENT_FIX),
      path: [],
      line: tabs.range?.start.line ?? 0,
    });
    steps.push(untabbed.edits);
    current = untabbed.text;
    result = validateText(file, current, options, { fixes: proposeFix });
  }
  const counter: PassCounter = { checks: 0 };
  let passes = 0;
  for (let n = 0; n < MAX_PASSES; n++) {
    // A finding a comment suppresses is left as written, fix and all.
    const suppressedBy = coverFinder(current.includes('zwgk-') ? readSuppressions(current) : []);
    const candidates = result.diagnostics.filter(
      (d): d is Fixable => d.fix !== undefined && !rejected.has(keyOf(d)) && !suppressedBy(d),
    );
    if (candidates.length === 0) break;
    passes++;
    const step = pass(current, result.data, candidates, rejected, counter);
    if (step.applied.length === 0) continue;
    const starts = steps.length > 0 ? lineStarts(current) : [];
    const lineAsRead = (line: number) =>
      positionOf((originalStarts ??= lineStarts(text)), originalOffset(starts[line - 1] ?? 0, steps)).line;
    for (const d of step.applied) {
      const line = d.range?.start.line ?? 0;
      applied.push({
        code: d.code,
        message: d.message,
        description: d.fix.description,
        path: d.path,
        line: steps.length > 0 && line > 0 ? lineAsRead(line) : line,
      });
    }
    steps.push(step.applied.flatMap((d) => d.fix.edits).sort((a, b) => a.start - b.start));
    current = step.text;
    result = validateText(file, current, options, { fixes: proposeFix });
  }
  const remaining = result.diagnostics.map(({ fix: _fix, ...d }) => d);
  return { text: current, applied, remaining, facts: result.facts, passes, checks: counter.checks, steps };
}
