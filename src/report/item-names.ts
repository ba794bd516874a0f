import type { DataPath } from '../diagnostics.js';
import { loadText } from '../load/load-source.js';

/** A mapping's value under `key`, if `value` is a mapping. */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/**
 * The names of the items a data path points into (`items/0/items/3/content` → 一级事项, 二级事项), read from
 * the catalog's data; a step that is not an item with a text name ends the list. Pure.
 */
export function itemNamesAt(data: unknown, path: DataPath): string[] {
  const names: string[] = [];
  let node = data;
  for (let i = 0; i + 1 < path.length; i += 2) {
    const list = field(node, 'items');
    const index = path[i + 1];
    if (path[i] !== 'items' || !Array.isArray(list) || typeof index !== 'number') break;
    node = list[index];
    const name = field(node, 'name');
    if (typeof name !== 'string') break;
    names.push(name);
  }
  return names;
}

/**
 * Item names of findings in YAML files, from the files' texts: each text is parsed once, on first use.
 * A file with no text, or whose YAML cannot be read, names no items.
 */
export function itemNamer(sources: ReadonlyMap<string, string>): (file: string, path: DataPath) => string[] {
  const data = new Map<string, unknown>();
  return (file, path) => {
    if (!path.includes('items')) return [];
    if (!data.has(file)) {
      const text = sources.get(file);
      let read: unknown;
      if (text !== undefined) {
        try {
          const loaded = loadText(file, text, { lang: 'en' }).read();
          read = loaded.ok ? loaded.data : undefined;
        } catch {
          read = undefined;
        }
      }
      data.set(file, read);
    }
    return itemNamesAt(data.get(file), path);
  };
}
