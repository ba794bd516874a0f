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
    };

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
  counts: DiffCounts;
}
