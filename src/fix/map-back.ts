import type { Diagnostic, Range, TextEdit } from '../diagnostics.js';

/**
 * The edits made to a text, pass after pass (each pass's edits in the coordinates of the text it was
 * applied to), to find where a place in the fixed text was in the text as it was read.
 */
export type EditSteps = readonly (readonly TextEdit[])[];

/** Where an offset of the text after `edits` was before them; a place inside an edit's new text maps to where the edit starts. */
function beforeEdits(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const e of edits) {
    const start = e.start + shift;
    if (offset < start) break;
    if (offset < start + e.text.length) return e.start;
    shift += e.text.length - (e.end - e.start);
  }
  return offset - shift;
}

/** Where an offset of the text after all the steps (or the first `upTo`) was in the text before them. */
export function originalOffset(offset: number, steps: EditSteps, upTo = steps.length): number {
  let at = offset;
  for (let i = upTo - 1; i >= 0; i--) at = beforeEdits(at, steps[i]!);
  return at;
}

/** The offsets where the lines of a text start. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function offsetOf(starts: readonly number[], line: number, column: number): number {
  return (starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0) + column - 1;
}

/** The 1-based line and column of an offset, given the line starts of its text. */
export function positionOf(starts: readonly number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Findings placed in the fixed text (`after`), placed instead where the same text stands in the text
 * as read (`before`): the text a dry run leaves on disk.
 */
export function placeInOriginal(
  diagnostics: readonly Diagnostic[],
  before: string,
  after: string,
  steps: EditSteps,
): Diagnostic[] {
  if (steps.length === 0) return [...diagnostics];
  const afterStarts = lineStarts(after);
  const beforeStarts = lineStarts(before);
  const map = (range: Range): Range => {
    const start = originalOffset(offsetOf(afterStarts, range.start.line, range.start.column), steps);
    const end = originalOffset(offsetOf(afterStarts, range.end.line, range.end.column), steps);
    return { start: positionOf(beforeStarts, start), end: positionOf(beforeStarts, Math.max(start, end)) };
  };
  return diagnostics.map((d) => (d.range ? { ...d, range: map(d.range) } : d));
}
