import type { Lang } from '../i18n.js';
import type { ValidationReport } from '../validate/validate-files.js';

/** What a formatter may use besides the report. */
export interface FormatContext {
  lang: Lang;
  color: boolean;
  /** The text of files that have findings, for code frames. */
  sources: ReadonlyMap<string, string>;
  /** Markdown to add after the findings (the changes against `--diff-base`), for the markdown format. */
  appendix?: string;
}

/** Turn a validation report into text for people or machines. */
export type Formatter = (report: ValidationReport, ctx: FormatContext) => string;
