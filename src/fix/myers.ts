/** A run of differences: `a[aStart..aEnd)` became `b[bStart..bEnd)`. Either side may be empty. */
export interface Change {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * The differences between two sequences, as few insertions and deletions as possible (Myers, "An
 * O(ND) difference algorithm and its variations", 1986), grouped into runs in order. Elements are
 * compared with `===`. Time and memory grow with the number of differences, which suits fixes: a few
 * changes in a file of any length.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[]): Change[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const n = a.length - prefix - suffix;
  const m = b.length - prefix - suffix;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ aStart: prefix, aEnd: prefix + n, bStart: prefix, bEnd: prefix + m }];

  const A = (i: number) => a[prefix + i];
  const B = (j: number) => b[prefix + j];
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds the furthest x on each diagonal k (from -d to d) after d differences.
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && A(x) === B(y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }

  // Walk back from the end, collecting single-element steps, then group them into runs.
  const steps: { kind: 'delete' | 'insert'; x: number; y: number }[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const prev = trace[d - 1]!;
    const at = (k: number) => prev[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    if (down) steps.push({ kind: 'insert', x, y: y - 1 });
    else steps.push({ kind: 'delete', x: x - 1, y });
    x = prevX;
    y = prevY;
  }
  steps.reverse();

  const changes: Change[] = [];
  for (const step of steps) {
    const last = changes[changes.length - 1];
    const aAt = prefix + step.x;
    const bAt = prefix + step.y;
    if (step.kind === 'delete') {
      if (last && last.aEnd === aAt && last.bEnd === bAt) last.aEnd++;
      else changes.push({ aStart: aAt, aEnd: aAt + 1, bStart: bAt, bEnd: bAt });
    } else {
      if (last && last.aEnd === aAt && last.bEnd === bAt) last.bEnd++;
      else changes.push({ aStart: aAt, aEnd: aAt, bStart: bAt, bEnd: bAt + 1 });
    }
  }
  return changes;
}
