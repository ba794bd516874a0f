import type { DataPath } from '../diagnostics.js';
import type { FieldKey, ResolvedItem } from '../catalog/types.js';
import { valueAt } from '../catalog/labels.js';
import type { RuleContext, RuleFinding } from './types.js';

/** One place in a file where an element is written: `defaults` or an item. */
export interface Definition {
  /** Path of the element itself, e.g. `['items', 0, 'channels']`. */
  path: DataPath;
  value: unknown;
  /** Each string in it with its own path (one for a string, one per entry for a list). */
  entries: { value: string; path: DataPath }[];
}

/** Every node that can hold elements: `defaults`, then each item in document order. */
export function* holders(ctx: RuleContext): Generator<DataPath> {
  yield ['defaults'];
  function* walk(prefix: DataPath, items: unknown): Generator<DataPath> {
    if (!Array.isArray(items)) return;
    for (let i = 0; i < items.length; i++) {
      const path = [...prefix, 'items', i];
      yield path;
      yield* walk(path, (items[i] as { items?: unknown } | null)?.items);
    }
  }
  yield* walk([], valueAt(ctx.data, ['items']));
}

/** Every place where the element `key` is written, in document order. */
export function* definitions(ctx: RuleContext, key: FieldKey | 'code'): Generator<Definition> {
  for (const holder of holders(ctx)) {
    const path = [...holder, key];
    const value = valueAt(ctx.data, path);
    if (value === undefined || value === null) continue;
    const entries =
      typeof value === 'string'
        ? [{ value, path }]
        : Array.isArray(value)
          ? value.flatMap((v, i) => (typeof v === 'string' ? [{ value: v, path: [...path, i] }] : []))
          : [];
    yield { path, value, entries };
  }
}

/**
 * The highest items whose whole subtree lacks an element: report there once rather than on every
 * row. `has` tells whether an item has the element in effect (inherited or its own).
 */
export function missingRoots(items: readonly ResolvedItem[], has: (item: ResolvedItem) => boolean): ResolvedItem[] {
  const out: ResolvedItem[] = [];
  const anyLeafHas = (item: ResolvedItem): boolean =>
    item.children.length === 0 ? has(item) : item.children.some(anyLeafHas);
  for (const item of items) {
    if (has(item)) continue;
    if (!anyLeafHas(item)) out.push(item);
    else out.push(...missingRoots(item.children, has));
  }
  return out;
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
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = f.path.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
