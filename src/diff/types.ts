import type { DataPath } from '../diagnostics.js';
import type { FieldKey } from '../catalog/types.js';

/** How a change affects what the public gets. */
export type ChangeClass = 'reduces' | 'extends' | 'editorial';

/** An item on one side of a diff: where it is and what it is called. */
export interface ItemRef {
  /** Names from the 一级事项 down. */
  names: string[];
  depth: 1 | 2 | 3;
  code?: string;
  /** Path of the item in its file's data; the CLI maps it to a line. */
  path: DataPath;
}

/** One change between two versions of a catalog. */
export type Change =
  | { kind: 'added'; class: ChangeClass; after: ItemRef }
  | { kind: 'removed'; class: ChangeClass; before: ItemRef }
  | { kind: 'renamed'; class: ChangeClass; before: ItemRef; after: ItemRef }
  | { kind: 'moved'; class: ChangeClass; before: ItemRef; after: ItemRef }
  | {
      kind: 'changed';
      class: ChangeClass;
      before: ItemRef;
      after: ItemRef;
      field: FieldKey;
      from: string[];
      to: string[];
      /**
       * A change of 公开渠道和载体 that adds channels or takes them away: the channels added (扩大公开) or the
       * channels removed (减少公开), in the standard order. A change that does both is two changes, one with each.
       */
      added?: string[];
      removed?: string[];
    };

/** The catalog's own data that a diff shows when it changed: its 版本 and its 日期. */
export const METADATA_FIELDS = ['version', 'date'] as const;
export type MetadataField = (typeof METADATA_FIELDS)[number];

/** A catalog's 版本 or 日期, written on both sides and not the same. */
export interface MetadataChange {
  field: MetadataField;
  from: string;
  to: string;
}

/** Counts in the officials' terms. */
export interface DiffCounts {
  added: { level1: number; level2: number };
  removed: { level1: number; level2: number };
  /** Items (of any level) with at least one field change, rename or move. */
  changed: number;
  byClass: Record<ChangeClass, number>;
}

/** What changed between two versions of one catalog. */
export interface CatalogDiff {
  changes: Change[];
  /** The catalog's 版本 and 日期 where both sides give them and they differ; empty otherwise. */
  metadata: MetadataChange[];
  counts: DiffCounts;
}
