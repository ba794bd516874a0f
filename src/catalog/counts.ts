import { parseCitation } from './citation.js';
import { leafItems, walkItems } from './resolve.js';
import { timeLimitOf } from './time-limit.js';
import { TIME_KINDS, timeKindsOf } from './time-kinds.js';
import type { ResolvedCatalog } from './types.js';
import { EXTENDED_CHANNELS, STANDARD_CHANNELS, STANDARD_DOMAINS } from './vocabulary.js';
import { memoize } from '../util/memoize.js';

// The numbers of a catalog: its items at each level and the elements of its rows, as `zwgk stats`, the
// rendered site's overview and the workbook's 汇总 sheet give them.

/** How many rows have one value of an element (a channel, a 公开层级, a kind of 公开时限). */
export interface Tally {
  name: string;
  count: number;
}

/**
 * The numbers of a catalog, or of several added up. Items are counted at each level; the elements are
 * counted over the rows of the official table: the items with no sub-items (a 二级事项, or its 三级事项
 * where it has them; a 一级事项 with none is a row too). A row with two values counts once under each.
 */
export interface Counts {
  /** 一级事项. */
  level1: number;
  /** 二级事项. */
  level2: number;
  /** 三级事项. */
  level3: number;
  /** The rows that carry the elements. */
  rows: number;
  /** 公开方式: rows 主动, rows 依申请. */
  method: { 主动: number; 依申请: number };
  /** 公开对象: rows for 全社会, rows for 特定群体. */
  audience: { 全社会: number; 特定群体: number };
  /** 公开层级: the catalog's level columns in their order, then others. */
  levels: Tally[];
  /** 公开渠道和载体: the standard ones in the standard order, then others; 其他 counts rows with other channels named. */
  channels: Tally[];
  /** 公开时限 by kind (see `TIME_KINDS`). */
  timeLimits: Tally[];
  /** Rows with no 公开依据. */
  noBasis: number;
  /** Rows with a 公开依据 citation that cannot be read (no 《title》, or written wrongly). */
  unclearBasis: number;
  /** Rows with no 公开主体. */
  noSubject: number;
}

const KNOWN_CHANNELS: readonly string[] = [...STANDARD_CHANNELS, ...EXTENDED_CHANNELS];
const OTHER_CHANNEL = '其他';

/** Code-point order, the same on every machine (not the locale's). */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Names in a known order first, then the others in code-point order. */
export function orderBy(known: readonly string[]): (a: string, b: string) => number {
  const rank = (name: string) => {
    const i = known.indexOf(name);
    return i < 0 ? known.length : i;
  };
  return (a, b) => rank(a) - rank(b) || byCodePoint(a, b);
}

export const byChannel = orderBy(KNOWN_CHANNELS);
export const byDomain = orderBy(STANDARD_DOMAINS);

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
export function emptyCounts(): Counts {
  return countCatalog({
    catalog: { domain: '', unit: '', items: [] },
    title: '',
    levelColumns: [],
    extraColumns: [],
    items: [],
  });
}

/** The numbers of several catalogs under one name (a domain, a unit). */
export interface CountGroup {
  name: string;
  /** How many catalogs. */
  catalogs: number;
  counts: Counts;
}

/** Catalogs' numbers grouped by a name and added up, the groups in the order of `order`. */
export function groupCounts<T extends { counts: Counts }>(
  entries: readonly T[],
  key: (entry: T) => string,
  order: (a: string, b: string) => number,
): CountGroup[] {
  const groups = new Map<string, CountGroup>();
  for (const entry of entries) {
    const name = key(entry);
    const group = groups.get(name) ?? { name, catalogs: 0, counts: emptyCounts() };
    group.catalogs++;
    group.counts = addCounts(group.counts, entry.counts);
    groups.set(name, group);
  }
  return [...groups.values()].sort((a, b) => order(a.name, b.name));
}
