/**
 * How much a file may hold before zwgk refuses to read it. No real catalog comes near these: a
 * province's files hold about 77 items each and nest five or six levels; a catalog of 20,000 items in
 * one file is about 8 MB, nests as deep and has about 300,000 values. A file past a limit is refused
 * with a finding that names the limit (README, "Limits"), instead of taking minutes and gigabytes or
 * overflowing the stack.
 */
export const LIMITS = {
  /** Bytes of one file. */
  fileBytes: 32 * 1024 * 1024,
  /** Mappings and lists nested in one another, the document's own mapping counted as the first. */
  depth: 100,
  /** Values in the data once every alias (`*name`) is read as a copy of what its anchor holds. */
  nodes: 2_000_000,
  /** Characters of the keys and texts in the data, read the same way (a file without aliases holds fewer than its bytes). */
  chars: 64 * 1024 * 1024,
} as const;

/** What is wrong with the size of a document's data, if anything. */
export type DataExcess = { kind: 'depth' } | { kind: 'nodes' } | { kind: 'chars' } | undefined;

/**
 * Measure data as the rules walk it (and as a table prints it), every alias read as a copy of its anchor's value, without
 * walking the copies: a mapping or list met again (an alias) counts with the size and depth it had
 * the first time. Data that holds itself (`&a [*a]`) never ends, and counts as too many values. Stops
 * at the first limit passed. The walk is a loop, not a recursion: any depth is measured.
 */
export function measureData(data: unknown): DataExcess {
  if (data === null || typeof data !== 'object') return undefined;
  // For each container: how many values it holds (itself included), how deep it nests and how many
  // characters its keys and texts have, once done.
  const done = new Map<object, Size>();
  const open = new Set<object>();
  type Size = { nodes: number; height: number; chars: number };
  type Frame = Size & { value: object; children: unknown[]; next: number };
  const frame = (value: object): Frame => {
    if (Array.isArray(value)) return { value, children: value, next: 0, nodes: 1, height: 0, chars: 0 };
    const keys = Object.keys(value);
    let chars = 0;
    for (let i = 0; i < keys.length; i++) chars += keys[i]!.length;
    return { value, children: Object.values(value), next: 0, nodes: 1, height: 0, chars };
  };
  const stack: Frame[] = [frame(data)];
  open.add(data);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (child === null || typeof child !== 'object') {
        top.nodes++;
        if (typeof child === 'string') top.chars += child.length;
        if (top.chars > LIMITS.chars) return { kind: 'chars' };
        continue;
      }
      const known = done.get(child);
      if (known) {
        top.nodes += known.nodes;
        top.chars += known.chars;
        top.height = Math.max(top.height, known.height);
      } else if (open.has(child)) {
        return { kind: 'nodes' };
      } else {
        if (stack.length >= LIMITS.depth) return { kind: 'depth' };
        open.add(child);
        stack.push(frame(child));
        continue;
      }
    } else {
      stack.pop();
      open.delete(top.value);
      const measured = { nodes: top.nodes, height: top.height + 1, chars: top.chars };
      done.set(top.value, measured);
      const parent = stack[stack.length - 1];
      if (parent) {
        parent.nodes += measured.nodes;
        parent.chars += measured.chars;
        parent.height = Math.max(parent.height, measured.height);
      }
    }
    if (top.nodes > LIMITS.nodes) return { kind: 'nodes' };
    if (top.chars > LIMITS.chars) return { kind: 'chars' };
    if (stack.length + top.height > LIMITS.depth) return { kind: 'depth' };
  }
  return undefined;
}
