import { addCounts, byCodePoint, byDomain, countCatalog, emptyCounts, groupCounts } from '../catalog/counts.js';
import type { AgainstStats, CatalogStats, DomainChange, ItemCount, StatsInput, StatsReport } from './types.js';

/** One catalog's numbers, with the domain, unit and title it states. */
export function catalogStats({ file, catalog }: StatsInput): CatalogStats {
  return {
    file,
    domain: typeof catalog.catalog.domain === 'string' ? catalog.catalog.domain : '',
    unit: typeof catalog.catalog.unit === 'string' ? catalog.catalog.unit : '',
    title: catalog.title,
    counts: countCatalog(catalog),
  };
}

/**
 * The numbers of a set of catalogs from each one's: each, by domain (standard order first), by unit, and in
 * total. A caller reading many files counts each as it comes and keeps only its numbers.
 */
export function summarizeStats(counted: readonly CatalogStats[]): StatsReport {
  const catalogs = [...counted].sort(
    (a, b) => byDomain(a.domain, b.domain) || byCodePoint(a.unit, b.unit) || byCodePoint(a.file, b.file),
  );
  const domains = groupCounts(catalogs, (c) => c.domain, byDomain);
  const units = groupCounts(catalogs, (c) => c.unit, byCodePoint);
  return {
    version: 1,
    total: {
      catalogs: catalogs.length,
      domains: domains.length,
      units: units.length,
      counts: catalogs.reduce((sum, c) => addCounts(sum, c.counts), emptyCounts()),
    },
    domains,
    units,
    catalogs,
  };
}

/** The numbers of a set of catalogs: each, by domain (standard order first), by unit, and in total. */
export function computeStats(inputs: readonly StatsInput[]): StatsReport {
  return summarizeStats(inputs.map(catalogStats));
}

/** What a comparison found for one domain catalog, as `zwgk diff` reports it. */
export interface PairCounts {
  domain: string;
  counts: { added: ItemCount; removed: ItemCount };
}

const noItems = (): ItemCount => ({ level1: 0, level2: 0 });
const addItems = (to: ItemCount, by: ItemCount): void => {
  to.level1 += by.level1;
  to.level2 += by.level2;
};

/**
 * The numbers against a baseline: each domain's items then (`before`, the baseline's catalogs) and now
 * (`after`), with the items added and taken away that the comparison of each domain catalog found (`pairs`).
 */
export function againstStats(
  baseline: string,
  before: readonly CatalogStats[],
  after: readonly CatalogStats[],
  pairs: readonly PairCounts[],
): AgainstStats {
  const domains = new Map<string, DomainChange>();
  const domain = (name: string): DomainChange => {
    let d = domains.get(name);
    if (!d) {
      d = { name, before: noItems(), after: noItems(), added: noItems(), removed: noItems() };
      domains.set(name, d);
    }
    return d;
  };
  for (const c of before) addItems(domain(c.domain).before, c.counts);
  for (const c of after) addItems(domain(c.domain).after, c.counts);
  for (const p of pairs) {
    addItems(domain(p.domain).added, p.counts.added);
    addItems(domain(p.domain).removed, p.counts.removed);
  }
  const list = [...domains.values()].sort((a, b) => byDomain(a.name, b.name));
  const total: DomainChange = { name: '', before: noItems(), after: noItems(), added: noItems(), removed: noItems() };
  for (const d of list) {
    addItems(total.before, d.before);
    addItems(total.after, d.after);
    addItems(total.added, d.added);
    addItems(total.removed, d.removed);
  }
  return { baseline, domains: list, total };
}
