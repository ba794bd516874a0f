import { resolveCatalog } from '../catalog/resolve.js';
import { compareDiagnostics, type DataPath, type Diagnostic } from '../diagnostics.js';
import { locate } from '../load/locate.js';
import { loadText, type LoadedSource } from '../load/load-source.js';
import { appendAll } from '../util/append.js';
import { kindOf, resolveValidateOptions, type ValidateOptions } from '../validate/options.js';
import type { DataHandler, ValidationReport } from '../validate/validate-files.js';
import { validateSource, type TextResult } from '../validate/validate-text.js';
import { keyOfData, type CatalogKey } from './catalog-key.js';
import { classPolicy, type ClassPolicy } from './policy.js';
import { diffPair, locatePair, reportOf, type DiffReport, type DiffSide, type PathLines } from './report.js';

/** What comparing two inputs gives: the report, or the errors that stop the comparison. */
export type Comparison = { ok: true; report: DiffReport } | { ok: false; errors: ValidationReport };

/** A catalog file given as its text. */
export interface CatalogText {
  /** How findings and the report name the file: `v2/yiwu-jiaoyu.yaml`. */
  file: string;
  text: string;
}

/** How {@link compareTexts} compares. */
export interface CompareTextsOptions {
  /** How each file is validated (language, rules, vocabulary, kinds of document left out). Default: the defaults of `resolveValidateOptions`. */
  options?: ValidateOptions;
  /** Names and severities of the change classes. Default: the built-in policy. */
  policy?: ClassPolicy;
}

/** The value at a path in parsed data. */
function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return value;
}

/** The items of each key, in order. */
function indexBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const item of items) {
    const list = index.get(keyOf(item));
    if (list) list.push(item);
    else index.set(keyOf(item), [item]);
  }
  return index;
}

/**
 * Pair catalogs by domain and unit, then by domain alone; the rest stand alone. Each catalog of the new
 * side, in order, takes the first catalog of the old side not yet taken that has its domain and unit;
 * those left take the first with their domain. Pairs come in the new side's order, then the old
 * catalogs left over in theirs.
 */
export function pairByDomain<T extends CatalogKey>(
  before: readonly T[],
  after: readonly T[],
): { before?: T; after?: T }[] {
  const taken = new Set<T>();
  const take = (index: Map<string, T[]>, key: string): T | undefined => {
    const list = index.get(key);
    while (list?.length && taken.has(list[0]!)) list.shift();
    const found = list?.shift();
    if (found) taken.add(found);
    return found;
  };
  const byBoth = indexBy(before, (c) => `${c.domain}\u0000${c.unit}`);
  const byDomain = indexBy(before, (c) => c.domain);
  const pairs: { before?: T; after?: T }[] = [];
  const rest: T[] = [];
  for (const a of after) {
    const b = take(byBoth, `${a.domain}\u0000${a.unit}`);
    if (b) pairs.push({ before: b, after: a });
    else rest.push(a);
  }
  for (const a of rest) {
    const b = take(byDomain, a.domain);
    pairs.push({ ...(b ? { before: b } : {}), after: a });
  }
  for (const b of before) if (!taken.has(b)) pairs.push({ before: b });
  return pairs;
}

/** Where each item of a file starts: from the lines the fast parse recorded, else from a positional parse, made when first asked. */
function lineFinder(source: LoadedSource, result: TextResult): PathLines {
  const { data, lines } = result;
  if (lines) {
    return (path) => {
      const item = valueAt(data, path);
      return item !== null && typeof item === 'object' ? lines.get(item) : undefined;
    };
  }
  return (path) => locate(source.positions(), [...path, 'name']).start.line;
}

/** One side of a pair once validated: what it compares as, where its items are, and its errors. */
export interface CheckedText {
  side: DiffSide;
  lines: PathLines;
  /** The key of its data, which pairs it. */
  key: CatalogKey;
  errors: Diagnostic[];
}

/** Validate a catalog's text as a side of a comparison; `onData` is told its data and findings. */
export function checkCatalogText(
  file: string,
  text: string,
  options: ValidateOptions,
  onData?: DataHandler,
): CheckedText {
  const loaded = loadText(file, text, { lang: options.lang, lines: true });
  const result = validateSource(loaded, options);
  onData?.(file, result.data, result.diagnostics, result.catalog);
  const catalog = result.catalog ?? resolveCatalog(result.data, options.levelColumns);
  return {
    side: { file, catalog },
    lines: lineFinder(loaded, result),
    key: keyOfData(catalog.catalog),
    errors: result.diagnostics.filter((d) => d.severity === 'error'),
  };
}

/** The errors that stop a comparison, as a report of the files compared. */
export function comparisonErrors(
  files: readonly string[],
  errors: Diagnostic[],
  sources: Map<string, string>,
): Comparison {
  return {
    ok: false,
    errors: {
      files: [...files],
      diagnostics: errors.sort(compareDiagnostics),
      errorCount: errors.length,
      warningCount: 0,
      fatal: true,
      sources,
    },
  };
}

/**
 * Compare two versions of catalogs given as texts, item by item, as `zwgk diff` compares files: every
 * text is validated and errors stop the comparison; catalogs are paired by domain and unit, in the order
 * given; each change gets the line of its item on each side. A text that declares another kind of
 * document (an application form, among `options.documents`) is left out. Pure: nothing is read or written.
 */
export function compareTexts(
  before: readonly CatalogText[],
  after: readonly CatalogText[],
  settings: CompareTextsOptions = {},
): Comparison {
  const options = settings.options ?? resolveValidateOptions();
  const policy = settings.policy ?? classPolicy();
  const errors: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const check = (files: readonly CatalogText[]) =>
    files
      .filter((f) => !kindOf(loadText(f.file, f.text, { lang: options.lang }), options.documents))
      .map((f) => {
        const checked = checkCatalogText(f.file, f.text, options);
        if (checked.errors.length > 0) {
          appendAll(errors, checked.errors);
          sources.set(f.file, f.text);
        }
        return { ...checked.key, checked };
      });
  const sides = [check(before), check(after)] as const;
  if (errors.length > 0) {
    return comparisonErrors(
      [...sides[0], ...sides[1]].map((s) => s.checked.side.file),
      errors,
      sources,
    );
  }
  const pairs = pairByDomain(sides[0], sides[1]).map(({ before: b, after: a }) =>
    locatePair(diffPair(b?.checked.side, a?.checked.side, policy), b?.checked.lines, a?.checked.lines),
  );
  return { ok: true, report: reportOf(pairs) };
}
