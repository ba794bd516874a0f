import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics.js';
import { readSourceSync, type SourceResult } from '../load/read-source.js';
import { optionsFor, type ValidateOptions } from './options.js';
import { finishFindings, type FactsEntry } from './finish-report.js';
import type { Suppression } from './suppressions.js';
import { checkSource, type FileOutcome } from './check-source.js';
import type { ValidationReport } from '../report/types.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import { appendAll } from '../util/append.js';

export type { ValidationReport } from '../report/types.js';
export type { FactsEntry } from './finish-report.js';

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
  /**
   * Check the files in worker threads, this thread only handing them out and collecting the findings:
   * `auto` for a worker per core besides this thread's when there is enough to check to make up for starting
   * them (see {@link POOL_MIN_BYTES}) on a machine with enough cores ({@link POOL_MIN_CORES}); a number for that many workers whatever the run
   * (0: none). Without it, or with `onData` or `given`, every file is checked in this thread. The
   * report is the same either way.
   */
  workers?: 'auto' | number;
  /**
   * Outcomes of earlier runs: a file whose entry matches is not checked again; every file checked is
   * stored. The report is the same either way.
   */
  cache?: OutcomeCache;
}

/** Outcomes kept from earlier runs, by file, content and settings (see `cache/result-cache.ts`). */
export interface OutcomeCache {
  /**
   * What checking `file` (at `path`) found, if its entry matches the file and `options`; `read` reads the
   * file, when the cache needs its content (the file is read once, whoever asks first).
   */
  get(file: string, path: string, options: ValidateOptions, read: () => SourceResult): FileOutcome | undefined;
  /** Keep what checking `file` with this text and these options found. */
  set(file: string, path: string, text: string, options: ValidateOptions, outcome: FileOutcome): void;
}

/**
 * A file's parsed data, handed to `onData` as each file is validated; for a catalog read from YAML, the
 * catalog with inheritance resolved too (with the levels its options give), so that it is not resolved twice.
 */
export type DataHandler = (
  file: string,
  data: unknown,
  diagnostics: readonly Diagnostic[],
  catalog?: ResolvedCatalog,
) => void;

/**
 * With `workers: 'auto'`, runs over fewer bytes of YAML than this are checked in this thread only. Each
 * worker starts its own engine and compiles its own code, which takes a while to pay off; what pays it
 * off is the work, and the work goes with the bytes, not the number of files.
 */
export const POOL_MIN_BYTES = 40 * 1024 * 1024;

/**
 * With `workers: 'auto'`, machines with fewer cores than this check in this thread only. On two cores a
 * worker beside this thread was even with it at province scale (2,600 files, 83 MB: 2.07 s against 2.05 s)
 * and slower on every smaller set (1,040 small files 0.80 s against 0.73 s, a city 0.58 s against 0.45 s):
 * V8's compiler and garbage collector already use the second core (bench/README.md).
 */
export const POOL_MIN_CORES = 4;

/** Fewer files than this are never worth a worker, whatever their size. */
const POOL_MIN_FILES = 16;

/** A file's size in bytes; 0 for one that cannot be read (it is reported when checked). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** How many workers to start for a run, if any. */
async function poolSize(files: readonly string[], extras: ValidateExtras, cwd: string): Promise<number> {
  const { workers, onData, given } = extras;
  if (workers === undefined || onData || (given && given.size > 0)) return 0;
  if (workers !== 'auto') return Math.max(0, Math.min(workers, files.length));
  if (files.length < POOL_MIN_FILES) return 0;
  const { availableParallelism } = await import('node:os');
  const cores = availableParallelism();
  if (cores < POOL_MIN_CORES) return 0;
  // The files' sizes, added up until there is enough work (a file that cannot be read counts nothing).
  let bytes = 0;
  for (const file of files) {
    bytes += sizeOf(resolve(cwd, file));
    // This thread checks files too: a worker for each other core.
    if (bytes >= POOL_MIN_BYTES) return cores - 1;
  }
  return 0;
}

/**
 * Validate files one at a time, then run the rules that look across files.
 * `cwd` resolves relative file names; names in findings stay as given. With `extras.workers`, worker
 * threads check files too; the report is the same.
 */
export async function validateFiles(
  files: readonly string[],
  options: ValidateOptions,
  cwd: string = process.cwd(),
  extras: ValidateExtras = {},
): Promise<ValidationReport> {
  const { preset = [], onData, given = new Map<string, SourceResult>(), progress } = extras;
  const diagnostics: Diagnostic[] = [...preset];
  const sources = new Map<string, string>();
  const suppressions = new Map<string, Suppression[]>();
  const facts: FactsEntry[] = [];
  // Findings, texts and facts are taken in file order, wherever each file was checked.
  const take = (file: string, outcome: FileOutcome) => {
    if (outcome.suppressions) suppressions.set(file, outcome.suppressions);
    if (outcome.text !== undefined) sources.set(file, outcome.text);
    appendAll(diagnostics, outcome.diagnostics);
    if (outcome.facts) facts.push({ file, facts: outcome.facts });
    for (const table of outcome.tables ?? []) facts.push({ file, facts: table.facts, place: table.place });
  };
  // A table (a workbook, a page, a CSV file) is checked where it lives, in this thread.
  const tables = options.tables;
  const isTable = (file: string) => tables !== undefined && !given.has(file) && tables.reads(file);
  const checkOne = async (file: string, read?: SourceResult): Promise<FileOutcome> => {
    if (isTable(file)) {
      const own = optionsFor(options, resolve(cwd, file));
      const outcome = await tables!.check(file, resolve(cwd, file), own);
      if (onData) for (const table of outcome.catalogs) onData(file, table.data, outcome.diagnostics);
      return { diagnostics: outcome.diagnostics, tables: outcome.catalogs };
    }
    const source = given.get(file) ?? read ?? readSourceSync(resolve(cwd, file), options.lang);
    return checkSource(
      file,
      source,
      options,
      cwd,
      onData && ((data, found, catalog) => onData(file, data, found, catalog)),
    );
  };

  const texts = tables ? files.filter((file) => !isTable(file)) : files;
  // With a cache, each file is read here first: one whose content and settings are those of its entry is
  // not checked again, and every file checked is stored.
  const { cache } = extras;
  const known = new Map<string, FileOutcome>();
  const read = new Map<string, SourceResult>();
  if (cache) {
    for (const file of texts) {
      if (given.has(file)) continue;
      const path = resolve(cwd, file);
      const readIt = () => {
        let source = read.get(file);
        if (!source) read.set(file, (source = readSourceSync(path, options.lang)));
        return source;
      };
      const hit = cache.get(file, path, optionsFor(options, path), readIt);
      if (hit) known.set(file, hit);
    }
  }
  const todo = known.size > 0 ? texts.filter((file) => !known.has(file)) : texts;
  const workers = await poolSize(todo, extras, cwd);
  const pooled = new Map<string, FileOutcome>();
  if (workers > 0) {
    const { checkInPool } = await import('./pool.js');
    const outcomes = await checkInPool(todo, options, cwd, workers, progress);
    todo.forEach((file, i) => pooled.set(file, outcomes[i]!));
  }
  for (let i = 0; i < files.length; i++) {
    if (workers === 0) progress?.(i, files.length);
    const file = files[i]!;
    const hit = known.get(file);
    // A file checked now is stored with the text it was checked as (read here when a worker checked it).
    const path = resolve(cwd, file);
    const source =
      cache && !hit && !given.has(file) && !isTable(file)
        ? (read.get(file) ?? readSourceSync(path, options.lang))
        : undefined;
    read.delete(file);
    const outcome = hit ?? pooled.get(file) ?? (await checkOne(file, source));
    if (cache && source?.ok) cache.set(file, path, source.text, optionsFor(options, path), outcome);
    take(file, outcome);
  }
  progress?.(files.length, files.length);

  // Texts given whole (standard input) are where cross-file findings in them are placed, not a file of that name.
  const givenTexts = new Map<string, string>();
  for (const [file, source] of given) if (source.ok) givenTexts.set(file, source.text);
  return finishReport(files, diagnostics, sources, facts, options, cwd, suppressions, givenTexts);
}

/**
 * Complete a run (see {@link finishFindings}); a file a cross-file finding must be placed in and whose
 * text is neither in `sources` nor `given` is read from `cwd`.
 */
export function finishReport(
  files: readonly string[],
  fileDiagnostics: readonly Diagnostic[],
  sources: Map<string, string>,
  facts: readonly FactsEntry[],
  options: ValidateOptions,
  cwd: string,
  suppressions: ReadonlyMap<string, readonly Suppression[]> = new Map(),
  given: ReadonlyMap<string, string> = new Map(),
): Promise<ValidationReport> {
  const readText = async (file: string) => new TextDecoder().decode(await readFile(resolve(cwd, file)));
  return finishFindings(files, fileDiagnostics, sources, facts, options, readText, suppressions, given);
}
