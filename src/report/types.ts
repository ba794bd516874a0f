import type { Lang } from '../i18n.js';
import type { Diagnostic } from '../diagnostics.js';
import type { RuleInfo } from './code-catalog.js';

/** The outcome of a run over many files. */
export interface ValidationReport {
  /** Files checked, as displayed. */
  files: string[];
  /** Every finding, sorted by file and position. */
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
  /** Some input could not be read at all (missing, not UTF-8, binary). */
  fatal: boolean;
  /** The text of each file that has findings, as it was validated: for code frames. */
  sources: ReadonlyMap<string, string>;
}

/** What a formatter may use besides the report. */
export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** The text of files that have findings, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Markdown to add after the findings (the changes against `--diff-base`), for the markdown format. */
  appendix?: string;
  /** The rules besides the catalog rules that the run can report (the application forms'), for SARIF. */
  rules?: readonly RuleInfo[];
}

/** Turn a validation report into text for people or machines. */
export type Formatter = (report: ValidationReport, ctx: FormatContext) => string;

/** A formatter's text as pieces, in order, made as they are asked for: a large report is written as it is made. */
export type ChunkedFormatter = (report: ValidationReport, ctx: FormatContext) => Iterable<string>;

/** Turn a validation report into the bytes of a file to keep (a workbook): written to a file, never to a terminal. */
export type FileFormatter = (report: ValidationReport, ctx: FormatContext) => Promise<Uint8Array>;
