import type { ResolvedCatalog } from '../catalog/types.js';

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

/** One catalog's numbers. */
export interface CatalogStats {
  file: string;
  domain: string;
  unit: string;
  title: string;
  counts: Counts;
}

/** The numbers of every catalog of one domain, or of one unit. */
export interface GroupStats {
  name: string;
  catalogs: number;
  counts: Counts;
}

/** 一级 and 二级 items. */
export interface ItemCount {
  level1: number;
  level2: number;
}

/**
 * One domain (or all of them) against a baseline: its items then and now, and the items added and taken
 * away as `zwgk diff` counts them (an item renamed or moved is neither). now − then = added − removed.
 */
export interface DomainChange {
  name: string;
  before: ItemCount;
  after: ItemCount;
  added: ItemCount;
  removed: ItemCount;
}

/** The numbers against a baseline (`--against`): by domain and in total. */
export interface AgainstStats {
  /** The baseline as given: a folder, a file or a git revision. */
  baseline: string;
  /** Domains of either side, in the order of the standard list, then others. */
  domains: DomainChange[];
  total: DomainChange;
}

/** The numbers of a set of catalogs: each, by domain, by unit, and in total. */
export interface StatsReport {
  version: 1;
  /** With `--against`: the changes since the baseline. */
  against?: AgainstStats;
  /** How many catalogs, domains and units, and their numbers added up. */
  total: { catalogs: number; domains: number; units: number; counts: Counts };
  /** Domains in the order of the standard list, then others. */
  domains: GroupStats[];
  /** Units in the order of their names. */
  units: GroupStats[];
  /** Catalogs by domain, then unit, then file. */
  catalogs: CatalogStats[];
}

/** A catalog to count, with the file it was read from. */
export interface StatsInput {
  file: string;
  catalog: ResolvedCatalog;
}
