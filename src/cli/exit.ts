import { say, type Lang } from '../i18n.js';
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

/**
 * The line that says a run failed on its warnings alone (more than the limit allows), naming where the limit
 * comes from; undefined when the warnings are within it, or when errors decide the exit code anyway.
 */
export function warningLimitNote(
  report: ValidationReport,
  flag: number | undefined,
  config: number | undefined,
  lang: Lang,
): string | undefined {
  const max = flag ?? config;
  if (max === undefined || report.fatal || report.errorCount > 0 || report.warningCount <= max) return undefined;
  const n = report.warningCount;
  return flag !== undefined
    ? say(lang, {
        zh: `✖ 警告有 ${n} 个，超过了 --max-warnings ${max}：退出码为 1。`,
        en: `✖ ${n} warnings, more than --max-warnings ${max} allows: exit code 1.`,
      })
    : say(lang, {
        zh: `✖ 警告有 ${n} 个，超过了配置中 maxWarnings 的 ${max}：退出码为 1。`,
        en: `✖ ${n} warnings, more than maxWarnings ${max} in the configuration allows: exit code 1.`,
      });
}
