import { FIELD_KEYS, type Catalog, type CatalogItem, type FieldKey } from '../../src/catalog/types.js';

/**
 * A catalog as a mutable tree whose items carry identities, for generators that edit catalogs.
 * Inheritance is resolved here independently of src/catalog/resolve.ts, so tests can use it as an oracle.
 */

export type Raw = Record<string, unknown>;

export interface TreeNode {
  /** Identity that survives renames and moves. */
  id: number;
  /** The item's own keys: name, code and the elements it writes; never `items`. */
  raw: Raw;
  children: TreeNode[];
}

export interface CatalogTree {
  /** Every top-level key but `items`, in file order; `defaults` is always present here (maybe empty). */
  header: Raw;
  items: TreeNode[];
  nextId: number;
}

/** A node with the chain of its ancestors (from the 一级事项 down, ending with the node itself). */
export interface Located {
  node: TreeNode;
  chain: TreeNode[];
  depth: 1 | 2 | 3;
  /** The list the node sits in: its parent's children, or the tree's 一级事项. */
  siblings: TreeNode[];
  parent?: TreeNode;
}

const ITEM_KEY_ORDER = ['name', 'code', ...FIELD_KEYS];
const HEADER_KEY_ORDER = [
  '$schema',
  'kind',
  'domain',
  'title',
  'unit',
  'admin_level',
  'version',
  'date',
  'level_columns',
  'extra_columns',
  'baseline',
  'defaults',
];

const clone = <T>(v: T): T => structuredClone(v);

function ordered(raw: Raw, order: readonly string[]): Raw {
  const out: Raw = {};
  for (const k of order) if (raw[k] !== undefined) out[k] = raw[k];
  return out;
}

export function toTree(catalog: Catalog): CatalogTree {
  let nextId = 0;
  const node = (item: CatalogItem): TreeNode => {
    const { items, ...raw } = clone(item) as CatalogItem & Raw;
    return { id: nextId++, raw, children: (items ?? []).map(node) };
  };
  const { items, ...header } = clone(catalog) as Catalog & Raw;
  header.defaults ??= {};
  return { header, items: items.map(node), nextId };
}

export function fromTree(tree: CatalogTree): Catalog {
  const item = (n: TreeNode): CatalogItem => {
    const out = ordered(clone(n.raw), ITEM_KEY_ORDER) as unknown as CatalogItem & Raw;
    if (n.children.length > 0) out.items = n.children.map(item);
    return out;
  };
  const header = ordered(clone(tree.header), HEADER_KEY_ORDER);
  if (Object.keys(header.defaults as Raw).length === 0) delete header.defaults;
  return { ...header, items: tree.items.map(item) } as unknown as Catalog;
}

/** Every item, parents before children, with where it sits. */
export function locateAll(tree: CatalogTree): Located[] {
  const out: Located[] = [];
  const walk = (siblings: TreeNode[], chain: TreeNode[]) => {
    for (const node of siblings) {
      const here = [...chain, node];
      out.push({
        node,
        chain: here,
        depth: here.length as 1 | 2 | 3,
        siblings,
        ...(chain.length > 0 ? { parent: chain[chain.length - 1]! } : {}),
      });
      walk(node.children, here);
    }
  };
  walk(tree.items, []);
  return out;
}

export const namesOf = (chain: readonly TreeNode[]): string[] => chain.map((n) => n.raw.name as string);
export const pathKey = (names: readonly string[]): string => names.join('\u0000');

const isSet = (v: unknown): boolean =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

/** The raw value each element has for a node (the nearest writer wins; `extra` merges key by key). */
export function effectiveRaw(tree: CatalogTree, chain: readonly TreeNode[]): Partial<Record<FieldKey, unknown>> {
  const out: Partial<Record<FieldKey, unknown>> = {};
  for (const raw of [tree.header.defaults as Raw, ...chain.map((n) => n.raw)]) {
    for (const key of FIELD_KEYS) {
      const v = raw[key];
      if (!isSet(v)) continue;
      out[key] = key === 'extra' ? { ...(out.extra as Raw | undefined), ...(v as Raw) } : v;
    }
  }
  return out;
}

/** An element's value as sorted text entries, as the diff compares them. */
export function normalized(key: FieldKey, value: unknown): string[] {
  if (value === undefined) return [];
  if (key === 'extra')
    return Object.entries(value as Record<string, string>)
      .map(([k, v]) => `${k}: ${v}`)
      .sort();
  return (Array.isArray(value) ? [...(value as string[])] : [value as string]).sort();
}

export const sameValue = (key: FieldKey, a: unknown, b: unknown): boolean =>
  pathKey(normalized(key, a)) === pathKey(normalized(key, b));

/** Every name and code used anywhere in the tree. */
export function namesAndCodes(tree: CatalogTree): { names: Set<string>; codes: Set<string> } {
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const { node } of locateAll(tree)) {
    names.add(node.raw.name as string);
    if (typeof node.raw.code === 'string') codes.add(node.raw.code);
  }
  return { names, codes };
}
