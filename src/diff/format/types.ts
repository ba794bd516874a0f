import type { Lang } from '../../i18n.js';
import type { DiffReport } from '../report.js';

/** What a diff formatter may use besides the report. */
export interface DiffFormatContext {
  lang: Lang;
  color: boolean;
  /** Phrase the summary against a baseline (较基准目录…). */
  baseline: boolean;
}

/** Turn a diff report into text. */
export type DiffFormatter = (report: DiffReport, ctx: DiffFormatContext) => string;
