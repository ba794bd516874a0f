import type { DataPath, FixEffect } from '../diagnostics.js';

type Container = Record<string | number, unknown>;

/** Structural equality of parsed YAML data (key order aside). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Container)[k], (b as Container)[k]))
  );
}

/** A deep copy of parsed YAML data. */
export function cloneData<T>(value: T): T {
  return structuredClone(value);
}

/** Whether one path is the other or lies inside it. */
export function pathsMeet(a: DataPath, b: DataPath): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The data as the effects say it becomes. Returns a new value; the input is not changed. */
export function applyEffects(data: unknown, effects: readonly FixEffect[]): unknown {
  const root = { value: cloneData(data) } as Container;
  for (const effect of effects) {
    const path = ['value', ...effect.path];
    let node = root;
    for (const seg of path.slice(0, -1)) {
      const next = node[seg];
      if (next === null || typeof next !== 'object') throw new Error(`no container at ${path.join('/')}`);
      node = next as Container;
    }
    const last = path[path.length - 1]!;
    if ('removed' in effect) {
      if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a key of parsed YAML data, not a property of a typed object
      else delete node[last];
    } else {
      node[last] = cloneData(effect.value);
    }
  }
  return root.value;
}
