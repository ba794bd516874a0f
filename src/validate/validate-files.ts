import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { compareDiagnostics, FATAL_CODES, SOURCE_CODES, type Diagnostic } from '../diagnostics.js';
import type { Finding } from '../finding.js';
import { readSource, type SourceResult } from '../load/read-source.js';
import { parseWithPositions } from '../load/parse-positions.js';
import { findRule } from '../lint/registry.js';
import { runProjectRules } from '../lint/run-rules.js';
import { optionsFor, type ValidateOptions } from './options.js';
import { positionFindings } from './position-findings.js';
import { isFormText, validateForm } from './form-dispatch.js';
import { applySuppressions, readSuppressions, type Suppression } from './suppressions.js';
import { validateText } from './validate-text.js';

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

/** What a run may be given besides the files and options. */
export interface ValidateExtras {
  /** Findings already known (inputs that named nothing). */
  preset?: readonly Diagnostic[];
  /** Called with each file's data as it is validated. */
  onData?: DataHandler;
  /** Sources already read (standard input), by the name they are reported under. */
  given?: ReadonlyMap<string, SourceResult>;
  /** Called after each file with the number done and the total. */
  progress?: (done: number, total: number) => void;
}

/** A file's parsed data, handed to `onData` as each file is validated. */
export type DataHandler = (file: string, data: unknown, diagnostics: readonly Diagnostic[]) => void;

const READ_AHEAD = 8;

/** Whether a suppression comment may name this code: a rule id, or one of the schema's own codes. */
function isKnownCode(code: string): boolean {
  return Boolean(findRule(code)) || (SOURCE_CODES as readonly string[]).includes(code);
}

/**
 * Validate files one at a time (reading a few ahead), then run the rules that look across files.
 * `cwd` resolves relative file names; names in findings stay as given.
 */
export async function validateFiles(
  files: readonly string[],
  options: ValidateOptions,
  cwd: string = process.cwd(),
  extras: ValidateExtras = {},
): Promise<ValidationReport> {
  const { preset = [], onData, given = new Map(), progress } = extras;
  const diagnostics: Diagnostic[] = [...preset];
  const sources = new Map<string, string>();
  const suppressions = new Map<string, Suppression[]>();
  const facts: { file: string; facts: Map<string, unknown> }[] = [];
  const reads = new Map<number, ReturnType<typeof readSource>>();
  const startRead = (i: number) => {
    if (i < files.length && !reads.has(i)) reads.set(i, given.has(files[i]!) ? Promise.resolve(given.get(files[i]!)!) : readSource(resolve(cwd, files[i]!), options.lang));
  };
  for (let i = 0; i < Math.min(READ_AHEAD, files.length); i++) startRead(i);
  for (let i = 0; i < files.length; i++) {
    progress?.(i, files.length);
    const file = files[i]!;
    const source = await reads.get(i)!;
    reads.delete(i);
    startRead(i + READ_AHEAD);
    if (!source.ok) {
      diagnostics.push({ ...source.diagnostic, file });
      continue;
    }
    // Application forms in the same folders are checked by their own schema and profile.
    const own = optionsFor(options, resolve(cwd, file));
    const result = isFormText(source.text) ? await validateForm(file, source.text, own) : validateText(file, source.text, own);
    if (source.text.includes('zwgk-')) {
      const found = readSuppressions(source.text);
      if (found.length > 0) {
        suppressions.set(file, found);
        sources.set(file, source.text);
      }
    }
    diagnostics.push(...result.diagnostics);
    if (result.diagnostics.length > 0) sources.set(file, source.text);
    if (onData && result.data !== undefined) onData(file, result.data, result.diagnostics);
    if (result.facts.size > 0) facts.push({ file, facts: result.facts });
  }
  progress?.(files.length, files.length);

  return finishReport(files, diagnostics, sources, facts, options, cwd, suppressions);
}

/**
 * Complete a run: run the rules that look across files over the facts of each file, place their
 * findings, sort, and count. `sources` holds the text of files with findings; files it lacks are
 * read when a cross-file finding must be placed in them.
 */
export async function finishReport(
  files: readonly string[],
  fileDiagnostics: readonly Diagnostic[],
  sources: Map<string, string>,
  facts: readonly { file: string; facts: ReadonlyMap<string, unknown> }[],
  options: ValidateOptions,
  cwd: string,
  suppressions: ReadonlyMap<string, readonly Suppression[]> = new Map(),
): Promise<ValidationReport> {
  let diagnostics = [...fileDiagnostics];
  const projectFindings = runProjectRules(facts, options.rules);
  const byFile = new Map<string, Finding[]>();
  for (const { file, finding } of projectFindings) byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  for (const [file, findings] of byFile) {
    // Cross-file findings are rare; only their files are read again, to place them.
    const text = sources.get(file) ?? new TextDecoder().decode(await readFile(resolve(cwd, file)));
    sources.set(file, text);
    diagnostics.push(...positionFindings(file, parseWithPositions(text), findings, options.lang));
  }

  // Suppression comments hide what they cover, and are themselves reported when they lack a reason or hide nothing.
  for (const [file, list] of suppressions) diagnostics = applySuppressions(file, diagnostics, list, isKnownCode, options.lang);
  // A file whose only findings were hidden needs no code frame.
  for (const file of suppressions.keys()) if (!diagnostics.some((d) => d.file === file)) sources.delete(file);

  diagnostics.sort(compareDiagnostics);
  return {
    files: [...files],
    diagnostics,
    errorCount: diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: diagnostics.filter((d) => d.severity === 'warning').length,
    fatal: diagnostics.some((d) => FATAL_CODES.has(d.code)),
    sources,
  };
}
