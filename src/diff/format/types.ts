import type { Lang } from '../../i18n.js';
import type { ClassPolicy } from '../policy.js';
import type { DiffReport } from '../report.js';

/** What a diff formatter may use besides the report. */
export interface DiffFormatContext {
  lang: Lang;
  color: boolean;
  /** Phrase the summary against a baseline (较基准目录…). */
  baseline: boolean;
  /** Names and severities of the change classes. */
  policy: ClassPolicy;
  /** How the report names a file (the command line shortens a path inside the working folder). Default: as given. */
  showFile?: (file: string) => string;
}

/** Turn a diff report into text, or into the bytes of a file (xlsx). */
export type DiffFormatter = (report: DiffReport, ctx: DiffFormatContext) => string | Promise<string | Uint8Array>;
