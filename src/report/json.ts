import type { Formatter } from './types.js';

/** The shape of `--format json`; `version` changes only when the shape does. */
export interface JsonReport {
  version: 1;
  summary: { files: number; errors: number; warnings: number; fatal: boolean };
  diagnostics: import('../diagnostics.js').Diagnostic[];
}

/** For machines: the findings as data, one JSON document. */
export const json: Formatter = (report) => {
  const out: JsonReport = {
    version: 1,
    summary: {
      files: report.files.length,
      errors: report.errorCount,
      warnings: report.warningCount,
      fatal: report.fatal,
    },
    diagnostics: report.diagnostics,
  };
  return JSON.stringify(out, null, 2) + '\n';
};
