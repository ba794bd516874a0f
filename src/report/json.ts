import type { Formatter, ValidationReport } from './types.js';

/** The shape of `--format json`; `version` changes only when the shape does. */
export interface JsonReport {
  version: 1;
  summary: { files: number; errors: number; warnings: number; fatal: boolean };
  diagnostics: import('../diagnostics.js').Diagnostic[];
}

/**
 * For machines: the findings as data, one JSON document, as `JSON.stringify(…, null, 2)` writes it. Made piece
 * by piece, a finding at a time, so that a run with many findings is written as it is made.
 */
export function* jsonChunks(report: ValidationReport): Generator<string> {
  const summary: JsonReport['summary'] = {
    files: report.files.length,
    errors: report.errorCount,
    warnings: report.warningCount,
    fatal: report.fatal,
  };
  const head = JSON.stringify({ version: 1, summary }, null, 2);
  const { diagnostics } = report;
  if (diagnostics.length === 0) {
    yield head.slice(0, -2) + ',\n  "diagnostics": []\n}\n';
    return;
  }
  yield head.slice(0, -2) + ',\n  "diagnostics": [\n';
  for (let i = 0; i < diagnostics.length; i++) {
    const item = '    ' + JSON.stringify(diagnostics[i], null, 2).replaceAll('\n', '\n    ');
    yield i < diagnostics.length - 1 ? item + ',\n' : item + '\n';
  }
  yield '  ]\n}\n';
}

/** {@link jsonChunks} as one string. */
export const json: Formatter = (report) => {
  let out = '';
  for (const chunk of jsonChunks(report)) out += chunk;
  return out;
};
