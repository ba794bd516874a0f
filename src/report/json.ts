import type { Formatter, ValidationReport } from './types.js';

/** The shape of `--format json`; `version` changes only when the shape does. */
export interface JsonReport {
  version: 1;
  summary: { files: number; errors: number; warnings: number; fatal: boolean };
  diagnostics: import('../diagnostics.js').Diagnostic[];
}

/** Findings stringified at a time, and the text around them that is cut off. */
const BATCH = 256;
const WRAP_HEAD = '{\n  "diagnostics": [\n';
const WRAP_TAIL = '\n  ]\n}';

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
  // A few hundred findings at a time, stringified inside the same wrapper as the whole report, so that
  // they are indented as they would be there; the wrapper is cut off.
  for (let from = 0; from < diagnostics.length; from += BATCH) {
    const batch = JSON.stringify({ diagnostics: diagnostics.slice(from, from + BATCH) }, null, 2);
    const items = batch.slice(WRAP_HEAD.length, -WRAP_TAIL.length);
    yield from + BATCH < diagnostics.length ? items + ',\n' : items + '\n';
  }
  yield '  ]\n}\n';
}

/** {@link jsonChunks} as one string. */
export const json: Formatter = (report) => {
  let out = '';
  for (const chunk of jsonChunks(report)) out += chunk;
  return out;
};
