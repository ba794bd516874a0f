import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveCatalog } from '../catalog/resolve.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Lang } from '../i18n.js';
import { loadText } from '../load/load-source.js';
import { readSourceSync, type SourceResult } from '../load/read-source.js';
import { expandInputs } from '../validate/expand-inputs.js';
import { kindOf, optionsFor, type TableCatalog, type ValidateOptions } from '../validate/options.js';
import type { DataHandler } from '../validate/validate-files.js';
import { detachedCopy } from '../util/text.js';
import { keyOfData, keyOfText, type CatalogKey } from './catalog-key.js';
import { checkCatalogText, comparisonErrors, pairByDomain, type Comparison } from './compare-texts.js';
import { isRevision, listRevision, readBlobs } from './git-source.js';
import type { ClassPolicy } from './policy.js';
import {
  diffPair,
  locatePair,
  reportOf,
  type DiffSide,
  type LocatedChange,
  type PairDiff,
  type PathLines,
} from './report.js';
import type { ItemRef } from './types.js';
import { appendAll } from '../util/append.js';

export { pairByDomain, type Comparison } from './compare-texts.js';

/** How a comparison runs. */
export interface CompareRun {
  cwd: string;
  lang: Lang;
  options: ValidateOptions;
  policy: ClassPolicy;
  /** Called with each file's data as it is validated, before it is compared. */
  onData?: DataHandler;
  /** File names a search of a directory leaves out (the configuration files). Default: none. */
  skipName?: (name: string) => boolean;
}

/** A catalog file of one side: how reports name it, and the git blob that holds it when it is not in the working tree. */
interface SideFile {
  file: string;
  blob?: string;
}

/** A side's file with the key it pairs by; a catalog table of a table file comes checked already, with where its items sit. */
type KeyedFile = SideFile & CatalogKey & { table?: TableCatalog };

/** One side of a pair once read and validated: what it compares as, where its items are, and whether its key was read right. */
interface CheckedFile {
  side: DiffSide;
  lines: PathLines;
  misread: boolean;
}

/**
 * How many files of a git revision are read at a time, in one batch; only their texts are held.
 * Parsed data is held for one pair at a time.
 */
const FILES_AT_ONCE = 64;

/** An item reference whose strings hold their own characters. */
const copiedRef = (ref: ItemRef): ItemRef => ({
  ...ref,
  names: ref.names.map(detachedCopy),
  ...(ref.code ? { code: detachedCopy(ref.code) } : {}),
});

/** A compared pair that keeps nothing of its files' texts, to be kept while the next pairs are compared. */
function detached(pair: PairDiff): PairDiff {
  const changes = pair.changes.map((c) => ({
    ...c,
    ...('before' in c ? { before: copiedRef(c.before) } : {}),
    ...('after' in c ? { after: copiedRef(c.after) } : {}),
    ...(c.kind === 'changed' ? { from: c.from.map(detachedCopy), to: c.to.map(detachedCopy) } : {}),
  })) as LocatedChange[];
  return { ...pair, domain: detachedCopy(pair.domain), unit: detachedCopy(pair.unit), changes };
}

/** Items in runs of `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Whether an input names a git revision (`HEAD~1`, `v1:catalogs/a.yaml`) rather than a file or a folder. */
function isRevisionInput(input: string, cwd: string): boolean {
  return !existsSync(resolve(cwd, input)) && (input.includes(':') || isRevision(input, cwd));
}

/**
 * The files an input names — a file, a directory or a git revision — without reading them. A folder is
 * searched for tables too (`tables`), unless the other side is a revision, whose tables are not listed.
 */
async function listInput(
  input: string,
  paths: readonly string[],
  run: CompareRun,
  tables: boolean,
): Promise<{ files: SideFile[]; problems: Diagnostic[] }> {
  const { cwd, lang } = run;
  if (isRevisionInput(input, cwd)) return { files: listRevision(input, paths, cwd, lang), problems: [] };
  const expanded = await expandInputs([input], {
    cwd,
    lang,
    ...(run.skipName ? { skipName: run.skipName } : {}),
    ...(tables && run.options.tables ? { extensions: run.options.tables.extensions } : {}),
  });
  return { files: expanded.files.map((file) => ({ file })), problems: [...expanded.missing] };
}

/**
 * A reader of a run of files: those in git are read at once, in one batch (see {@link readBlobs}), and let go as they are taken;
 * those in the working tree are read when asked. A file that cannot be read says why, under its name.
 */
function batchReader(files: readonly SideFile[], cwd: string, lang: Lang): (f: SideFile) => SourceResult {
  const inGit = files.filter((f): f is Required<SideFile> => f.blob !== undefined);
  const read = readBlobs(inGit, cwd, lang);
  const fromGit = new Map(inGit.map((f, i) => [f as SideFile, read[i]!]));
  return (f) => {
    const blob = fromGit.get(f);
    if (blob !== undefined) {
      fromGit.delete(f);
      return blob;
    }
    const source = readSourceSync(resolve(cwd, f.file), lang);
    return source.ok ? source : { ok: false, diagnostic: { ...source.diagnostic, file: f.file } };
  };
}

/**
 * Read each file for the key it pairs by, and keep only that: files that cannot be read are problems,
 * application forms are not catalogs. With `whole`, each key is read from the whole parsed text. A table
 * in the working tree (a workbook, a page, a CSV file) is read and checked whole, each of its catalog tables
 * keyed by its data; its errors are problems.
 */
async function keyFiles(
  files: readonly SideFile[],
  run: CompareRun,
  whole: boolean,
  problems: Diagnostic[],
): Promise<KeyedFile[]> {
  const out: KeyedFile[] = [];
  const { tables } = run.options;
  const isTable = (f: SideFile) => tables !== undefined && f.blob === undefined && tables.reads(f.file);
  for (const f of files) {
    if (!isTable(f)) continue;
    const path = resolve(run.cwd, f.file);
    const outcome = await tables!.check(f.file, path, optionsFor(run.options, path));
    appendAll(
      problems,
      outcome.diagnostics.filter((d) => d.severity === 'error'),
    );
    for (const table of outcome.catalogs) out.push({ ...f, ...keyOfData(table.data), table });
  }
  files = files.filter((f) => !isTable(f));
  for (const batch of chunks(files, FILES_AT_ONCE)) {
    const read = batchReader(batch, run.cwd, run.lang);
    for (const f of batch) {
      const source = read(f);
      if (!source.ok) problems.push(source.diagnostic);
      else if (!kindOf(loadText(f.file, source.text, { lang: run.lang }), run.options.documents))
        out.push({ ...f, ...keyOfText(source.text, whole) });
    }
  }
  return out;
}

/**
 * Compare once, a pair at a time: list both sides, read each file for its key, pair the files, then read,
 * validate and compare each pair in turn, keeping only its changes and their lines. Undefined when a key
 * read from the lines of a text turns out not to be the key of its data, so that the pairing may be wrong
 * (never with `wholeKeys`: every key is then read from the whole parsed text).
 */
async function compareOnce(
  oldInput: string,
  newInput: string,
  paths: readonly string[],
  run: CompareRun,
  wholeKeys: boolean,
): Promise<Comparison | undefined> {
  const { cwd, lang } = run;
  const tables = !isRevisionInput(oldInput, cwd) && !isRevisionInput(newInput, cwd);
  const listed = [await listInput(oldInput, paths, run, tables), await listInput(newInput, paths, run, tables)];
  const errors = listed.flatMap((l) => l.problems);
  const before = await keyFiles(listed[0]!.files, run, wholeKeys, errors);
  const after = await keyFiles(listed[1]!.files, run, wholeKeys, errors);
  const sources = new Map<string, string>();
  const check = (f: KeyedFile, source: SourceResult): CheckedFile | undefined => {
    if (!source.ok) {
      errors.push(source.diagnostic);
      return undefined;
    }
    // A revision's file (`HEAD~1:catalogs/a.yaml`) takes the overrides of its path in the working tree.
    const own = optionsFor(
      run.options,
      resolve(cwd, existsSync(resolve(cwd, f.file)) ? f.file : f.file.slice(f.file.indexOf(':') + 1)),
    );
    const { side, lines, key, errors: found } = checkCatalogText(f.file, source.text, own, run.onData);
    if (found.length > 0) {
      appendAll(errors, found);
      sources.set(f.file, source.text);
    }
    const misread = !wholeKeys && found.length === 0 && (key.domain !== f.domain || key.unit !== f.unit);
    return { side, lines, misread };
  };

  /** A catalog table, checked already: compared as its data, each item placed on the cell of its name. */
  const fromTable = (f: KeyedFile, table: TableCatalog): CheckedFile => {
    const own = optionsFor(run.options, resolve(cwd, f.file));
    run.onData?.(f.file, table.data, []);
    const catalog = resolveCatalog(table.data, own.levelColumns);
    return { side: { file: f.file, catalog }, lines: (path) => table.place([...path, 'name']).ref, misread: false };
  };
  const checked = (f: KeyedFile, read: (f: SideFile) => SourceResult) =>
    f.table ? fromTable(f, f.table) : check(f, read(f));

  /** A pair validated and compared: undefined once there are errors, `misread` when a file's key was read wrong. */
  const comparePair = (
    pair: { before?: KeyedFile; after?: KeyedFile },
    read: (f: SideFile) => SourceResult,
  ): PairDiff | 'misread' | undefined => {
    const b = pair.before && checked(pair.before, read);
    const a = pair.after && checked(pair.after, read);
    if (b?.misread || a?.misread) return 'misread';
    return errors.length === 0
      ? detached(locatePair(diffPair(b?.side, a?.side, run.policy), b?.lines, a?.lines))
      : undefined;
  };

  const compared: PairDiff[] = [];
  for (const window of chunks(pairByDomain(before, after), FILES_AT_ONCE / 2)) {
    const read = batchReader(
      window.flatMap((p) => [p.before, p.after]).filter((f): f is KeyedFile => f !== undefined && !f.table),
      cwd,
      lang,
    );
    for (const pair of window) {
      const outcome = comparePair(pair, read);
      if (outcome === 'misread') return undefined;
      if (outcome) compared.push(outcome);
    }
  }
  if (errors.length > 0) {
    return comparisonErrors(
      [...before, ...after].map((f) => f.file),
      errors,
      sources,
    );
  }
  return { ok: true, report: reportOf(compared) };
}

/**
 * Compare two versions given as the user names them — files, directories, or git revisions (`HEAD~1` with
 * `paths`, or `rev:path`) — item by item. Every file is validated; errors stop the comparison. Files are
 * paired by the domain and unit their texts state, then read, validated and compared a pair at a time,
 * so what is held at once is one pair's data and the report so far. Each change gets the line of its item
 * on each side, taken from the parse already done.
 */
export async function compareInputs(
  oldInput: string,
  newInput: string,
  paths: readonly string[],
  run: CompareRun,
): Promise<Comparison> {
  return (
    (await compareOnce(oldInput, newInput, paths, run, false)) ??
    (await compareOnce(oldInput, newInput, paths, run, true))!
  );
}
