import type { CountGroup, Counts } from '../catalog/counts.js';
import type { ResolvedCatalog } from '../catalog/types.js';

export type { Counts, Tally } from '../catalog/counts.js';

/** One catalog's numbers. */
export interface CatalogStats {
  file: string;
  domain: string;
  unit: string;
  title: string;
  counts: Counts;
}

/** The numbers of every catalog of one domain, or of one unit. */
export type GroupStats = CountGroup;

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
