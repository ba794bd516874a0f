import { SOURCE_CODES, type Diagnostic } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { loadText } from '../load/load-source.js';
import { findRule } from '../lint/registry.js';
import { runProjectRules } from '../lint/run-rules.js';
import type { ValidationReport } from '../report/types.js';
import { buildReport } from '../report/build-report.js';
import { addTo, appendAll } from '../util/append.js';
import type { CellPlacer, ValidateOptions } from './options.js';
import { cellFindings, positionFindings } from './position-findings.js';
import type { Suppression } from './suppressions.js';

/** The facts a file (or one table of a table file) gives the project rules, and where a table's paths sit. */
export interface FactsEntry {
  file: string;
  facts: ReadonlyMap<string, unknown>;
  /** For a table: the cell each path of its data is in. */
  place?: CellPlacer;
}

/** Whether a suppression comment may name this code: a rule id, or one of the schema's own codes. */
function isKnownCode(code: string): boolean {
  return Boolean(findRule(code)) || (SOURCE_CODES as readonly string[]).includes(code);
}

/**
 * Complete a run: run the rules that look across files over the facts of each file, place their
 * findings, sort, and count. `sources` holds the text of files with findings; files it lacks are
 * taken from `given` (texts not read from disk, such as standard input) or read when a cross-file finding
 * must be placed in them (`readText`). Pure but for `readText`.
 */
export async function finishFindings(
  files: readonly string[],
  fileDiagnostics: readonly Diagnostic[],
  sources: Map<string, string>,
  facts: readonly FactsEntry[],
  options: ValidateOptions,
  readText: (file: string) => Promise<string>,
  suppressions: ReadonlyMap<string, readonly Suppression[]> = new Map(),
  given: ReadonlyMap<string, string> = new Map(),
): Promise<ValidationReport> {
  let diagnostics = [...fileDiagnostics];
  const projectFindings = runProjectRules(facts, options.rules);
  const byFile = new Map<string, Finding[]>();
  for (const { at, file, finding } of projectFindings) {
    // A finding in a table is placed on its cell; one in a YAML file by its text, below.
    const place = facts[at]!.place;
    if (place) appendAll(diagnostics, cellFindings(file, [finding], place, options.lang));
    else addTo(byFile, file, finding);
  }
  for (const [file, findings] of byFile) {
    // Cross-file findings are rare; only their files are read again, to place them.
    const known = sources.get(file) ?? given.get(file);
    const source = loadText(file, known ?? (await readText(file)), {
      lang: options.lang,
    });
    sources.set(file, known ?? source.text);
    appendAll(diagnostics, positionFindings(file, source.positions(), findings, options.lang));
  }

  // Suppression comments hide what they cover, and are themselves reported when they lack a reason or hide nothing.
  // Each file's comments see that file's findings only: a run of many files with comments and many findings stays linear.
  if (suppressions.size > 0) {
    const { applySuppressions } = await import('./suppressions.js');
    const ofFile = new Map<string, Diagnostic[]>();
    const rest: Diagnostic[] = [];
    for (const d of diagnostics) {
      if (suppressions.has(d.file)) addTo(ofFile, d.file, d);
      else rest.push(d);
    }
    diagnostics = rest;
    for (const [file, list] of suppressions)
      appendAll(diagnostics, applySuppressions(file, ofFile.get(file) ?? [], list, isKnownCode, options.lang));
  }
  // A file whose only findings were hidden needs no code frame.
  const withFindings = new Set(diagnostics.map((d) => d.file));
  for (const file of suppressions.keys()) if (!withFindings.has(file)) sources.delete(file);

  return buildReport(files, diagnostics, sources);
}
