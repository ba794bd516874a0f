/**
 * Append every item of `items` to `target`, one by one. Spreading a list into `push` passes each item as
 * an argument, which overflows the call stack for a list of about 125,000 (a file with that many findings).
 */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** Add `item` to the list kept under `key`, starting the list when there is none (linear, unlike copying the list). */
export function addTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
