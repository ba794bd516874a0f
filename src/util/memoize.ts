import { detachedCopy } from './text.js';

/**
 * Remember what a pure function of a string returned: catalogs repeat the same time limits,
 * citations and names in file after file. The cache holds at most `limit` strings and starts
 * afresh when full.
 *
 * A string read from a file may be a slice that keeps the file's whole text alive, so what is
 * remembered is computed from, and keyed on, a copy of it.
 */
export function memoize<T>(compute: (text: string) => T, limit = 4096): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const key = detachedCopy(text);
    const result = compute(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, result);
    return result;
  };
}
