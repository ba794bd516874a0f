import { diffSequences, type Change } from './myers.js';

/** Labels of the two sides, as printed after `---` and `+++` (e.g. `a/catalogs/x.yaml`). */
export interface DiffLabels {
  from: string;
  to: string;
  /** Unchanged lines shown around each change. Default: 3. */
  context?: number;
}

/** Split text into lines that keep their line break, so that a missing final break is a difference. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function range(start: number, count: number): string {
  // An empty side names the line before it, as diff and git do.
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

function print(prefix: string, line: string): string {
  return line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

/**
 * The change from `before` to `after` as a unified diff (the format of `diff -u` and `git diff`), or
 * the empty string when they are the same. Lines keep their own line ends, so CRLF files show `\r`.
 */
export function unifiedDiff(before: string, after: string, labels: DiffLabels): string {
  if (before === after) return '';
  const context = labels.context ?? 3;
  const a = lines(before);
  const b = lines(after);
  const changes = diffSequences(a, b);

  // Changes whose context would touch or overlap share a hunk.
  const hunks: Change[][] = [];
  for (const change of changes) {
    const current = hunks[hunks.length - 1];
    const last = current?.[current.length - 1];
    if (current && last && change.aStart - last.aEnd <= 2 * context) current.push(change);
    else hunks.push([change]);
  }

  let out = `--- ${labels.from}\n+++ ${labels.to}\n`;
  for (const hunk of hunks) {
    const first = hunk[0]!;
    const last = hunk[hunk.length - 1]!;
    const lead = Math.min(context, first.aStart);
    const trail = Math.min(context, a.length - last.aEnd);
    const aStart = first.aStart - lead;
    const bStart = first.bStart - lead;
    const aCount = last.aEnd + trail - aStart;
    const bCount = last.bEnd + trail - bStart;
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    let at = aStart;
    for (const change of hunk) {
      for (; at < change.aStart; at++) out += print(' ', a[at]!);
      for (let i = change.aStart; i < change.aEnd; i++) out += print('-', a[i]!);
      for (let j = change.bStart; j < change.bEnd; j++) out += print('+', b[j]!);
      at = change.aEnd;
    }
    for (; at < last.aEnd + trail; at++) out += print(' ', a[at]!);
  }
  return out;
}
