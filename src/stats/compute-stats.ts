import { parseCitation } from '../catalog/citation.js';
import { leafItems, walkItems } from '../catalog/resolve.js';
import { memoize, timeLimitOf } from '../lint/memo.js';
import type { ResolvedCatalog } from '../catalog/types.js';
import { EXTENDED_CHANNELS, STANDARD_CHANNELS, STANDARD_DOMAINS } from '../catalog/vocabulary.js';
import { TIME_KINDS, timeKindsOf } from './time-kinds.js';
import type {
  AgainstStats,
  CatalogStats,
  Counts,
  DomainChange,
  GroupStats,
  ItemCount,
  StatsInput,
  StatsReport,
  Tally,
} from './types.js';

const KNOWN_CHANNELS: readonly string[] = [...STANDARD_CHANNELS, ...EXTENDED_CHANNELS];
const OTHER_CHANNEL = '其他';

/** Code-point order, the same on every machine (not the locale's). */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Names in a known order first, then the others in code-point order. */
function orderBy(known: readonly string[]): (a: string, b: string) => number {
  const rank = (name: string) => {
    const i = known.indexOf(name);
    return i < 0 ? known.length : i;
  };
  return (a, b) => rank(a) - rank(b) || byCodePoint(a, b);
}

const byChannel = orderBy(KNOWN_CHANNELS);
const byDomain = orderBy(STANDARD_DOMAINS);

/** The tallies of a count by name, in the order given by `order`, or in the order first seen. */
function talliesOf(counts: ReadonlyMap<string, number>, order?: (a: string, b: string) => number): Tally[] {
  const names = [...counts.keys()];
  if (order) names.sort(order);
  return names.map((name) => ({ name, count: counts.get(name)! }));
}

const bump = (counts: Map<string, number>, name: string, by = 1): void => {
  counts.set(name, (counts.get(name) ?? 0) + by);
};

/**
 * Whether a 公开依据 citation cannot be read: no 《title》, or written wrongly. Remembered by its text: a
 * catalog cites the same few documents for item after item, as the rules found.
 */
const isUnclear = memoize((basis: string): boolean => {
  const citation = parseCitation(basis);
  return citation.problems.length > 0 || !citation.title;
});

/** The kinds of a 公开时限, by its text: catalogs repeat the same few. */
const timeKindsOfText = memoize((text: string) => timeKindsOf(timeLimitOf(text)));

/** Count the items of one catalog and the elements of its rows. */
export function countCatalog(catalog: ResolvedCatalog): Counts {
  const depths = [0, 0, 0];
  for (const item of walkItems(catalog.items)) depths[item.depth - 1]!++;
  const counts: Counts = {
    level1: depths[0]!,
    level2: depths[1]!,
    level3: depths[2]!,
    rows: 0,
    method: { 主动: 0, 依申请: 0 },
    audience: { 全社会: 0, 特定群体: 0 },
    levels: [],
    channels: [],
    timeLimits: [],
    noBasis: 0,
    unclearBasis: 0,
    noSubject: 0,
  };
  // The catalog's own level columns come first, in their order, even when no row ticks them.
  const levels = new Map<string, number>(catalog.levelColumns.map((l) => [l, 0]));
  const channels = new Map<string, number>();
  const times = new Map<string, number>();
  for (const row of leafItems(catalog.items)) {
    const f = row.fields;
    counts.rows++;
    // A catalog with errors may hold other words here: only the allowed ones are counted.
    for (let i = 0; i < f.method.length; i++) {
      const m = f.method[i]!;
      if (Object.hasOwn(counts.method, m) && f.method.indexOf(m) === i) counts.method[m]++;
    }
    for (let i = 0; i < f.audience.length; i++) {
      const a = f.audience[i]!;
      if (Object.hasOwn(counts.audience, a) && f.audience.indexOf(a) === i) counts.audience[a]++;
    }
    for (let i = 0; i < f.levels.length; i++) if (f.levels.indexOf(f.levels[i]!) === i) bump(levels, f.levels[i]!);
    for (let i = 0; i < f.channels.length; i++) {
      const c = f.channels[i]!;
      if (f.channels.indexOf(c) === i && !(c === OTHER_CHANNEL && f.other_channels.length > 0)) bump(channels, c);
    }
    if (f.other_channels.length > 0) bump(channels, OTHER_CHANNEL);
    for (const kind of f.time_limit?.trim() ? timeKindsOfText(f.time_limit) : timeKindsOf(undefined)) bump(times, kind);
    if (f.basis.length === 0) counts.noBasis++;
    else if (f.basis.some(isUnclear)) counts.unclearBasis++;
    if (!f.subject?.trim()) counts.noSubject++;
  }
  counts.levels = talliesOf(levels);
  counts.channels = talliesOf(channels, byChannel);
  counts.timeLimits = talliesOf(times, orderBy(Object.keys(TIME_KINDS)));
  return counts;
}

/** Add tallies up by name: the names of `a` in their order, then those only `b` has; sorted by `order` when given. */
function addTallies(a: readonly Tally[], b: readonly Tally[], order?: (x: string, y: string) => number): Tally[] {
  const sum = new Map<string, number>();
  for (const t of a) bump(sum, t.name, t.count);
  for (const t of b) bump(sum, t.name, t.count);
  return talliesOf(sum, order);
}

/** The numbers of two sets of catalogs added up. */
export function addCounts(a: Counts, b: Counts): Counts {
  return {
    level1: a.level1 + b.level1,
    level2: a.level2 + b.level2,
    level3: a.level3 + b.level3,
    rows: a.rows + b.rows,
    method: { 主动: a.method.主动 + b.method.主动, 依申请: a.method.依申请 + b.method.依申请 },
    audience: { 全社会: a.audience.全社会 + b.audience.全社会, 特定群体: a.audience.特定群体 + b.audience.特定群体 },
    levels: addTallies(a.levels, b.levels),
    channels: addTallies(a.channels, b.channels, byChannel),
    timeLimits: addTallies(a.timeLimits, b.timeLimits, orderBy(Object.keys(TIME_KINDS))),
    noBasis: a.noBasis + b.noBasis,
    unclearBasis: a.unclearBasis + b.unclearBasis,
    noSubject: a.noSubject + b.noSubject,
  };
}

/** Nothing counted yet. */
function emptyCounts(): Counts {
  return countCatalog({
    catalog: { domain: '', unit: '', items: [] },
    title: '',
    levelColumns: [],
    extraColumns: [],
    items: [],
  });
}

/** The catalogs grouped by a name, with their numbers added up, in the order of `order`. */
function groupBy(
  catalogs: readonly CatalogStats[],
  key: (c: CatalogStats) => string,
  order: (a: string, b: string) => number,
): GroupStats[] {
  const groups = new Map<string, GroupStats>();
  for (const c of catalogs) {
    const name = key(c);
    const group = groups.get(name) ?? { name, catalogs: 0, counts: emptyCounts() };
    group.catalogs++;
    group.counts = addCounts(group.counts, c.counts);
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => order(a.name, b.name));
}

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
  const domains = groupBy(catalogs, (c) => c.domain, byDomain);
  const units = groupBy(catalogs, (c) => c.unit, byCodePoint);
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
