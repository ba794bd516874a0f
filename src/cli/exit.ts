import type { ValidationReport } from '../validate/validate-files.js';

/** Exit codes of every command. */
export const EXIT = {
  /** No errors (and warnings within --max-warnings). */
  ok: 0,
  /** Findings: errors, or more warnings than --max-warnings allows. */
  findings: 1,
  /** Bad usage, an unreadable input or configuration, or an internal failure. */
  fatal: 2,
} as const;

/** The exit code for a validation report. */
export function exitCodeFor(report: ValidationReport, maxWarnings?: number): number {
  if (report.fatal) return EXIT.fatal;
  if (report.errorCount > 0) return EXIT.findings;
  if (maxWarnings !== undefined && report.warningCount > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
