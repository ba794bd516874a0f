import type { TextEdit } from '../diagnostics.js';

/**
 * Whether two edits cannot both be applied: they overlap, or start at the same place (two insertions
 * there, or an insertion before a replacement, have no order).
 */
export function editsConflict(a: TextEdit, b: TextEdit): boolean {
  return a.start === b.start || (a.start < b.end && b.start < a.end);
}

function valid(edit: TextEdit, length: number): boolean {
  return (
    Number.isInteger(edit.start) &&
    Number.isInteger(edit.end) &&
    edit.start >= 0 &&
    edit.start <= edit.end &&
    edit.end <= length
  );
}

/** Apply edits that do not conflict with one another; throws a RangeError if any do or lie outside the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((x, y) => x.start - y.start || x.end - y.end);
  for (let i = 0; i < sorted.length; i++) {
    if (!valid(sorted[i]!, text.length))
      throw new RangeError(`edit ${sorted[i]!.start}..${sorted[i]!.end} lies outside the text`);
    if (i > 0 && editsConflict(sorted[i - 1]!, sorted[i]!))
      throw new RangeError(`edits at ${sorted[i - 1]!.start} and ${sorted[i]!.start} overlap`);
  }
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * Apply as many fixes as can go together: in the order given, a fix is taken unless one of its edits
 * conflicts with an edit of a fix already taken (or with another of its own, or lies outside the
 * text). The fixes left out can be tried again on the new text. Pure: the text is returned, not written.
 */
export function applyFixes<F extends { edits: readonly TextEdit[] }>(
  text: string,
  fixes: readonly F[],
): { text: string; applied: F[]; skipped: F[] } {
  // The edits taken, in order of where they start; they do not conflict, so an edit conflicts with
  // one of them only if it conflicts with its neighbours where it would go in.
  const taken: TextEdit[] = [];
  const clashes = (e: TextEdit) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid]!.start < e.start) lo = mid + 1;
      else hi = mid;
    }
    return (lo < taken.length && editsConflict(e, taken[lo]!)) || (lo > 0 && editsConflict(e, taken[lo - 1]!));
  };
  const insert = (e: TextEdit) => {
    let at = taken.length;
    while (at > 0 && taken[at - 1]!.start > e.start) at--;
    taken.splice(at, 0, e);
  };
  const applied: F[] = [];
  const skipped: F[] = [];
  for (const fix of fixes) {
    const clash =
      fix.edits.length === 0 ||
      fix.edits.some((e, i) => !valid(e, text.length) || fix.edits.some((o, j) => j < i && editsConflict(e, o))) ||
      fix.edits.some(clashes);
    if (clash) {
      skipped.push(fix);
      continue;
    }
    for (const e of fix.edits) insert(e);
    applied.push(fix);
  }
  return { text: applyEdits(text, taken), applied, skipped };
}
