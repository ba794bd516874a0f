import type { Diagnostic } from '../diagnostics.js';

/** Findings grouped by file, files in the order first met (after `files`, when given), each list in report order. */
export function byFile(diagnostics: readonly Diagnostic[], files: readonly string[] = []): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>(files.map((f) => [f, []]));
  for (const d of diagnostics) {
    const list = groups.get(d.file);
    if (list) list.push(d);
    else groups.set(d.file, [d]);
  }
  return groups;
}
