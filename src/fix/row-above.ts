import type { DataPath } from '../diagnostics.js';
import { valueAt } from '../catalog/labels.js';
import { isSameAsAbove } from '../util/text.js';
import { deepEqual } from './data.js';

/** What a “同上” can become: deleted (the item inherits the same value), or a copy of the value at `from`. */
export type SameAsAbove = { kind: 'delete' } | { kind: 'copy'; from: DataPath; value: unknown };

/** Where a value is in effect for an item: the value and the holder that writes it. */
interface InEffect {
  value: unknown;
  origin: DataPath;
}

const isSet = (v: unknown) =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0);

/** “同上” alone, or a list holding only it. */
export function saysSameAsAbove(v: unknown): boolean {
  return (
    (typeof v === 'string' && isSameAsAbove(v)) ||
    (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' && isSameAsAbove(v[0]))
  );
}

/** The items of a catalog in document order (parents before children), with whether each is a row (has no sub-items). */
function itemsInOrder(data: unknown): { path: DataPath; leaf: boolean }[] {
  const out: { path: DataPath; leaf: boolean }[] = [];
  const walk = (prefix: DataPath, items: unknown) => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      const path = [...prefix, 'items', i];
      const children = (item as { items?: unknown } | null)?.items;
      const entry = { path, leaf: !(Array.isArray(children) && children.length > 0) };
      out.push(entry);
      walk(path, children);
    });
  };
  walk([], valueAt(data, ['items']));
  return out;
}

/** The items in order and where each stands, worked out once per catalog (a file may have thousands of “同上”). */
const orders = new WeakMap<object, { items: { path: DataPath; leaf: boolean }[]; index: Map<string, number> }>();

function orderOf(data: unknown): { items: { path: DataPath; leaf: boolean }[]; index: Map<string, number> } {
  const known = data !== null && typeof data === 'object' ? orders.get(data) : undefined;
  if (known) return known;
  const items = itemsInOrder(data);
  const order = { items, index: new Map(items.map((item, i) => [item.path.join('/'), i])) };
  if (data !== null && typeof data === 'object') orders.set(data, order);
  return order;
}

const same = (a: DataPath, b: DataPath) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Decide how to replace the “同上” written at `holder` + `field` (`['time_limit']`, or `['extra', '备注']`).
 * The row above is the last row (item without sub-items) before the holder in the document, as on
 * paper; a “同上” there stands for what that row shows in turn. Where the holder, without its own value,
 * would inherit that same value, the “同上” is deleted; otherwise (and always where the row above
 * writes the value itself) it becomes a copy of the value where it is written. Nothing above, or
 * nothing in effect there, leaves it as it is.
 */
export function resolveSameAsAbove(data: unknown, holder: DataPath, field: readonly string[]): SameAsAbove | undefined {
  const { items, index } = orderOf(data);
  const rowAbove = (path: DataPath): DataPath | undefined => {
    for (let i = (index.get(path.join('/')) ?? 0) - 1; i >= 0; i--) if (items[i]!.leaf) return items[i]!.path;
    return undefined;
  };
  const parentOf = (path: DataPath): DataPath | undefined =>
    path[0] !== 'items' ? undefined : path.length > 2 ? path.slice(0, -2) : ['defaults'];
  const inherited = (path: DataPath): InEffect | undefined => {
    const parent = parentOf(path);
    return parent ? inEffect(parent) : undefined;
  };
  const inEffect = (path: DataPath): InEffect | undefined => {
    const own = valueAt(data, [...path, ...field]);
    if (!isSet(own)) return inherited(path);
    if (!saysSameAsAbove(own)) return { value: own, origin: path };
    const above = path[0] === 'items' ? rowAbove(path) : undefined;
    return above ? inEffect(above) : undefined;
  };

  const above = rowAbove(holder);
  const wanted = above ? inEffect(above) : undefined;
  if (!above || !wanted) return undefined;
  const copy = { kind: 'copy' as const, from: [...wanted.origin, ...field], value: wanted.value };
  if (same(wanted.origin, above)) return copy;
  const fallback = inherited(holder);
  return fallback && deepEqual(fallback.value, wanted.value) ? { kind: 'delete' } : copy;
}
