/** Normalise text for comparison: NFKC (full-width to half-width), no white space. */
export function normalizeForMatch(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Levenshtein distance, for “did you mean” suggestions. */
export function editDistance(a: string, b: string): number {
  // By code point, as the limit of `closest` counts them.
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** The candidate closest to `word`, if it is close enough to be what was meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.floor(Array.from(word).length / 3));
  for (const candidate of candidates) {
    const d = editDistance(word, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Read a value that may be one string or a list of them; anything else is ignored. */
export function toList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Whether a value is “同上” (as above), however it is spaced. */
export function isSameAsAbove(text: string): boolean {
  return /^\s*同\s*上\s*$/.test(text);
}

/** Whether a single value looks like several written with Chinese list punctuation (、，；). */
export function looksLikeList(text: string): boolean {
  return /[、，,；;]/.test(text.replace(/[(（][^)）]*[)）]/g, ''));
}

/**
 * A copy of a string that holds its own characters. V8 keeps a long substring as a slice of the string
 * it was cut from, so a name or value kept beyond its file (in a cache, in a report) would keep the
 * file's whole text alive; the copy does not.
 */
export function detachedCopy(text: string): string {
  return (' ' + text).slice(1);
}
