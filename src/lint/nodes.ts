import type { DataPath } from '../diagnostics.js';
import type { FieldKey, ResolvedItem } from '../catalog/types.js';
import type { RuleContext, RuleFinding } from './types.js';

/** A node that can hold elements (`defaults` or an item), with its path and its value in the data. */
export interface Holder {
  readonly path: DataPath;
  /** The value at `path`: an object for a well-formed catalog, anything at all otherwise. */
  readonly node: unknown;
}

/** One string of an element, with the path of the string itself. */
export interface Entry {
  readonly value: string;
  readonly path: DataPath;
}

/** One place in a file where an element is written: `defaults` or an item. */
export interface Definition {
  /** Path of the element itself, e.g. `['items', 0, 'channels']`. */
  readonly path: DataPath;
  readonly value: unknown;
  /** Each string in it with its own path (one for a string, one per entry for a list). */
  readonly entries: readonly Entry[];
}

// Paths are built only when asked for: a finding needs one, and findings are rare.

class HolderNode implements Holder {
  readonly node: unknown;
  private readonly parent: HolderNode | undefined;
  /** Index in the parent's `items`, or -1 for `defaults`. */
  private readonly index: number;

  constructor(node: unknown, parent: HolderNode | undefined, index: number) {
    this.node = node;
    this.parent = parent;
    this.index = index;
  }

  get path(): DataPath {
    if (this.index < 0) return ['defaults'];
    const path: (string | number)[] = this.parent ? [...this.parent.path] : [];
    path.push('items', this.index);
    return path;
  }
}

class DefinitionNode implements Definition {
  readonly value: unknown;
  private readonly holder: Holder;
  private readonly key: string;
  private list: Entry[] | undefined;

  constructor(holder: Holder, key: string, value: unknown) {
    this.holder = holder;
    this.key = key;
    this.value = value;
  }

  get path(): DataPath {
    return [...this.holder.path, this.key];
  }

  get entries(): readonly Entry[] {
    if (!this.list) {
      const list: Entry[] = [];
      forEachString(this, (value, index, def) => list.push({ value, path: entryPath(def, index) }));
      this.list = list;
    }
    return this.list;
  }
}

/**
 * Call `each` with every string of a definition: the value itself (index -1), or each string entry of
 * a list (its index); anything else is the schema's to report. Pass a function made once, not one per
 * definition: nothing is allocated per string.
 */
export function forEachString(def: Definition, each: (value: string, index: number, def: Definition) => void): void {
  const value = def.value;
  if (typeof value === 'string') each(value, -1, def);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') each(v, i, def);
    }
  }
}

/** Whether `test` holds for every string of a definition (as `forEachString` gives them). */
export function everyString(def: Definition, test: (value: string) => boolean): boolean {
  const value = def.value;
  if (typeof value === 'string') return test(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string' && !test(v)) return false;
    }
  }
  return true;
}

/** The path of the string of a definition that `forEachString` gave with `index`. */
export function entryPath(def: Definition, index: number): DataPath {
  return index < 0 ? def.path : [...def.path, index];
}

/** What the rules look up in one file's data, gathered in one walk and shared by every rule. */
interface DataIndex {
  holders: Holder[];
  definitions: Map<string, Definition[]>;
}

/**
 * Where a context keeps what was gathered from it: a hidden property of the context object itself,
 * which one run of the rules over one file shares (see `runFileRules`), and which goes with it. (Kept
 * in a WeakMap instead, each file's whole data would outlive its run until the next full collection.)
 */
const INDEXES = Symbol('rule indexes');

interface Indexes {
  data?: DataIndex;
  catalog?: CatalogIndex;
}

function indexesOf(ctx: RuleContext): Indexes {
  const held = (ctx as { [INDEXES]?: Indexes })[INDEXES];
  if (held) return held;
  const made: Indexes = {};
  // A frozen context cannot hold them: everything is gathered again on each call.
  if (Object.isExtensible(ctx)) Object.defineProperty(ctx, INDEXES, { value: made });
  return made;
}

function walkHolders(data: unknown): Holder[] {
  const holders: Holder[] = [new HolderNode(childOf(data, 'defaults'), undefined, -1)];
  const walk = (parent: HolderNode | undefined, items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (let i = 0; i < items.length; i++) {
      const node: unknown = items[i];
      const holder = new HolderNode(node, parent, i);
      holders.push(holder);
      walk(holder, childOf(node, 'items'));
    }
  };
  walk(undefined, childOf(data, 'items'));
  return holders;
}

/** A property of plain data, as `valueAt` reads it: nothing below a value that is not an object. */
function childOf(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
}

function indexOf(ctx: RuleContext): DataIndex {
  const indexes = indexesOf(ctx);
  indexes.data ??= { holders: walkHolders(ctx.data), definitions: new Map() };
  return indexes.data;
}

/** Every node that can hold elements: `defaults`, then each item in document order, at any depth. */
export function holders(ctx: RuleContext): readonly Holder[] {
  return indexOf(ctx).holders;
}

/** Every place where the element `key` is written, in document order. */
export function definitions(ctx: RuleContext, key: FieldKey | 'code'): readonly Definition[] {
  const index = indexOf(ctx);
  let list = index.definitions.get(key);
  if (!list) {
    list = [];
    const all = index.holders;
    for (let h = 0; h < all.length; h++) {
      const value = childOf(all[h]!.node, key);
      if (value !== undefined && value !== null) list.push(new DefinitionNode(all[h]!, key, value));
    }
    index.definitions.set(key, list);
  }
  return list;
}

/** What the rules look up in one file's resolved catalog, gathered once. */
interface CatalogIndex {
  items: ResolvedItem[];
  leaves: ResolvedItem[];
}

function catalogIndexOf(ctx: RuleContext): CatalogIndex {
  const indexes = indexesOf(ctx);
  let index = indexes.catalog;
  if (!index) {
    const items: ResolvedItem[] = [];
    const leaves: ResolvedItem[] = [];
    const walk = (list: readonly ResolvedItem[]): void => {
      for (const item of list) {
        items.push(item);
        if (item.children.length === 0) leaves.push(item);
        else walk(item.children);
      }
    };
    walk(ctx.catalog.items);
    index = { items, leaves };
    indexes.catalog = index;
  }
  return index;
}

/** Every resolved item, parents before their children (as `walkItems`). */
export function allItems(ctx: RuleContext): readonly ResolvedItem[] {
  return catalogIndexOf(ctx).items;
}

/** The resolved items that have no sub-items: the rows of the official table (as `leafItems`). */
export function leaves(ctx: RuleContext): readonly ResolvedItem[] {
  return catalogIndexOf(ctx).leaves;
}

/**
 * The highest items whose whole subtree lacks an element: report there once rather than on every
 * row. `has` tells whether an item has the element in effect (inherited or its own).
 */
export function missingRoots(
  items: readonly ResolvedItem[],
  has: (item: ResolvedItem) => boolean,
  out: ResolvedItem[] = [],
): ResolvedItem[] {
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (has(item)) continue;
    if (!anyLeafHas(item, has)) out.push(item);
    else missingRoots(item.children, has, out);
  }
  return out;
}

/** Whether a row (leaf) under an item, or the item itself when it is a row, has the element. */
function anyLeafHas(item: ResolvedItem, has: (item: ResolvedItem) => boolean): boolean {
  const children = item.children;
  if (children.length === 0) return has(item);
  for (let i = 0; i < children.length; i++) if (anyLeafHas(children[i]!, has)) return true;
  return false;
}

/** Count the rows (leaf items) under an item. */
export function countLeaves(item: ResolvedItem): number {
  return item.children.length === 0 ? 1 : item.children.reduce((n, c) => n + countLeaves(c), 0);
}

/** The path of the element's value where it is set for an item, or the item's name if unset. */
export function whereSet(item: ResolvedItem, key: FieldKey): DataPath {
  const origin = item.origin[key];
  return origin ? [...origin, key] : [...item.path, 'name'];
}

/** Keep one finding per path (an inherited value is reported once, where it is written). */
export function uniqueByPath(findings: RuleFinding[]): RuleFinding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = f.path.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
