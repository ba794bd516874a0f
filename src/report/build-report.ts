import { compareDiagnostics, FATAL_CODES, type Diagnostic } from '../diagnostics.js';
import type { ValidationReport } from './types.js';

/**
 * A run's report from its findings: sorted by file and position, counted, and flagged when an input could
 * not be read at all. Every kind of document (catalogs, application forms, configuration) is reported so.
 */
export function buildReport(
  files: readonly string[],
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
): ValidationReport {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  let errorCount = 0;
  let warningCount = 0;
  for (const d of sorted) {
    if (d.severity === 'error') errorCount++;
    else warningCount++;
  }
  return {
    files: [...files],
    diagnostics: sorted,
    errorCount,
    warningCount,
    fatal: sorted.some((d) => FATAL_CODES.has(d.code)),
    sources,
  };
}
