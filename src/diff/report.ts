import type { DataPath } from '../diagnostics.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import { diffCatalogs } from './diff-catalogs.js';
import { classFails, type ChangeSeverity, type ClassPolicy, type FailOn } from './policy.js';
import type { CatalogDiff, Change, ChangeClass, DiffCounts, MetadataChange } from './types.js';

/** One side of a compared pair. */
export interface DiffSide {
  file: string;
  catalog: ResolvedCatalog;
}

/**
 * Finds where the item at a path is, in one file: the 1-based line where it starts in YAML, or the cell of
 * its name (`'义务教育'!B12`, `表格 1 第 5 行 第 2 列`) in a table read where it lives.
 */
export type PathLines = (path: DataPath) => number | string | undefined;

/** A change with a stable id, its severity under the class policy, and the line (or the cell) of the item on each side. */
export type LocatedChange = Change & {
  id: string;
  severity: ChangeSeverity;
  beforeLine?: number;
  afterLine?: number;
  beforeCell?: string;
  afterCell?: string;
};

/** The comparison of one domain catalog: both sides (one may be missing), and what changed. */
export interface PairDiff {
  domain: string;
  unit: string;
  before?: string;
  after?: string;
  /** The catalog's 版本 and 日期 where both sides give them and they differ; left out when none did. */
  metadata?: MetadataChange[];
  changes: LocatedChange[];
  counts: DiffCounts;
}

/** The whole comparison. */
export interface DiffReport {
  pairs: PairDiff[];
  totals: DiffCounts;
}

const EMPTY: ResolvedCatalog = {
  catalog: { domain: '', unit: '', items: [] },
  title: '',
  levelColumns: [],
  extraColumns: [],
  items: [],
};

/**
 * `领域:变更:事项名称[:要素]`, and for channels added or taken away `…:channels:added` or `…:channels:removed`,
 * so the two halves of a change of channels have ids of their own.
 */
function changeId(domain: string, c: Change): string {
  const names = ('after' in c ? c.after : c.before).names.join('/');
  const field = c.kind === 'changed' ? c.field : '';
  const half = c.kind === 'changed' ? (c.added ? 'added' : c.removed ? 'removed' : '') : '';
  return [domain, c.kind, names, field, half].filter(Boolean).join(':');
}

/**
 * Compare one domain catalog's two versions; a catalog without a partner counts as wholly added or removed.
 * Changes of a class the policy turns `off` are left out of the listing; the counts keep them.
 */
export function diffPair(before: DiffSide | undefined, after: DiffSide | undefined, policy: ClassPolicy): PairDiff {
  const diff: CatalogDiff = diffCatalogs(before?.catalog ?? EMPTY, after?.catalog ?? EMPTY);
  // The data as written: resolveCatalog types it as a Catalog without checking it.
  const catalog: { domain?: unknown; unit?: unknown } = (after ?? before)!.catalog.catalog;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as written; diff compares valid catalogs only
  const domain = String(catalog.domain ?? '');
  const changes = diff.changes
    .filter((c) => policy[c.class].severity !== 'off')
    .map((c): LocatedChange => ({ ...c, id: changeId(domain, c), severity: policy[c.class].severity }));
  return {
    domain,
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- as above
    unit: String(catalog.unit ?? ''),
    ...(before ? { before: before.file } : {}),
    ...(after ? { after: after.file } : {}),
    ...(diff.metadata.length > 0 ? { metadata: diff.metadata } : {}),
    changes,
    counts: diff.counts,
  };
}

/** Compare catalogs paired by domain (see {@link diffPair}). */
export function buildDiffReport(
  pairs: readonly { before?: DiffSide; after?: DiffSide }[],
  policy: ClassPolicy,
): DiffReport {
  return reportOf(pairs.map(({ before, after }) => diffPair(before, after, policy)));
}

/** Compared pairs as a report, with their totals. */
export function reportOf(pairs: PairDiff[]): DiffReport {
  return { pairs, totals: sumCounts(pairs.map((p) => p.counts)) };
}

/** Several comparisons as one report. */
export function mergeReports(reports: readonly DiffReport[]): DiffReport {
  return reportOf(reports.flatMap((r) => r.pairs));
}

function sumCounts(all: readonly DiffCounts[]): DiffCounts {
  const total: DiffCounts = {
    added: { level1: 0, level2: 0 },
    removed: { level1: 0, level2: 0 },
    changed: 0,
    byClass: { reduces: 0, extends: 0, editorial: 0 },
  };
  for (const c of all) {
    total.added.level1 += c.added.level1;
    total.added.level2 += c.added.level2;
    total.removed.level1 += c.removed.level1;
    total.removed.level2 += c.removed.level2;
    total.changed += c.changed;
    for (const k of Object.keys(total.byClass) as ChangeClass[]) total.byClass[k] += c.byClass[k];
  }
  return total;
}

/** Add the line (or the cell) of each changed item on each side of a pair, as each side's file gives it. */
export function locatePair(pair: PairDiff, before: PathLines | undefined, after: PathLines | undefined): PairDiff {
  const place = (side: 'before' | 'after', at: number | string | undefined) =>
    typeof at === 'number' ? { [`${side}Line`]: at } : at ? { [`${side}Cell`]: at } : {};
  return {
    ...pair,
    changes: pair.changes.map((c) => ({
      ...c,
      ...place('before', 'before' in c && before ? before(c.before.path) : undefined),
      ...place('after', 'after' in c && after ? after(c.after.path) : undefined),
    })),
  };
}

/** Whether a report has changes that `--fail-on` counts. */
export function failsOn(report: DiffReport, failOn: FailOn, policy: ClassPolicy): boolean {
  return report.pairs.some((p) => p.changes.some((c) => classFails(c.class, policy, failOn)));
}
