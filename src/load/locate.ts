import type { Node, Pair } from 'yaml';
import { yamlLib } from '../util/packages.js';
import type { DataPath, Range } from '../diagnostics.js';
import { documentRange, offsetsToRange, type PositionedDocument } from './parse-positions.js';
import type { PositionNode, PositionPair } from './parse-simple.js';

/** What a path points at: the value (default) or, for a property, its key. */
export type LocateTarget = 'value' | 'key';

interface Found {
  node: Node | null;
  pair: Pair | null;
  /** How many segments of the path were found. */
  depth: number;
}

function walk(parsed: PositionedDocument, path: DataPath): Found {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  let node = parsed.doc.contents as Node | null;
  let pair: Pair | null = null;
  let depth = 0;
  for (const seg of path) {
    if (isMap(node)) {
      const hit = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!hit) break;
      pair = hit;
      node = (hit.value as Node | null) ?? null;
      if (node === null) {
        depth++;
        break;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      pair = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

/**
 * Map a data path to the source range of its value (or key). Where the path leads past what the
 * document holds (a missing property), the range of the deepest node that exists is returned.
 */
export function locate(parsed: PositionedDocument, path: DataPath, target: LocateTarget = 'value'): Range {
  if (parsed.simple) return locateSimple(parsed, parsed.simple.root, path, target);
  const { isMap, isScalar, isSeq } = yamlLib();
  const { node, pair, depth } = walk(parsed, path);
  const fullyFound = depth === path.length;
  if (pair && (target === 'key' || !node) && fullyFound && isScalar(pair.key) && pair.key.range) {
    return offsetsToRange(parsed.lineCounter, pair.key.range[0], pair.key.range[1]);
  }
  if (node?.range) {
    // A map or list spans many lines; point at where it starts, up to the end of its first line.
    const [start, end] = node.range;
    const lineEnd = parsed.text.indexOf('\n', start);
    const stop = isMap(node) || isSeq(node) ? Math.min(end, lineEnd < 0 ? end : lineEnd) : end;
    return offsetsToRange(parsed.lineCounter, start, trimEnd(parsed.text, start, stop));
  }
  if (pair && isScalar(pair.key) && pair.key.range) {
    return offsetsToRange(parsed.lineCounter, pair.key.range[0], pair.key.range[1]);
  }
  return offsetsToRange(parsed.lineCounter, 0, 0);
}

/** The source text of the scalar at a path, as written (e.g. `0505` for a code that became 505). */
export function sourceAt(parsed: PositionedDocument, path: DataPath): string | undefined {
  if (parsed.simple) {
    const { node, depth } = walkSimple(parsed.simple.root, path);
    return depth === path.length && node.kind === 'scalar' ? parsed.text.slice(node.start, node.end) : undefined;
  }
  const { isScalar } = yamlLib();
  const { node, depth } = walk(parsed, path);
  if (depth !== path.length || !isScalar(node) || !node.range) return undefined;
  return parsed.text.slice(node.range[0], node.range[1]);
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

// The same walk and the same ranges over the positions the simple parser recorded, for texts it reads.

interface FoundSimple {
  node: PositionNode;
  pair: PositionPair | null;
  depth: number;
}

function walkSimple(root: PositionNode, path: DataPath): FoundSimple {
  let node = root;
  let pair: PositionPair | null = null;
  let depth = 0;
  for (const seg of path) {
    if (node.kind === 'map') {
      const hit = node.pairs.find((p) => p.key === String(seg));
      if (!hit) break;
      pair = hit;
      node = hit.value;
    } else if (node.kind === 'seq' && typeof seg === 'number') {
      const item = node.items[seg];
      if (!item) break;
      pair = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, pair, depth };
}

function locateSimple(parsed: PositionedDocument, root: PositionNode, path: DataPath, target: LocateTarget): Range {
  const { node, pair, depth } = walkSimple(root, path);
  if (pair && target === 'key' && depth === path.length) return documentRange(parsed, pair.keyStart, pair.keyEnd);
  const start = node.start;
  // A block map or list spans many lines: point at where it starts, up to the end of its first line.
  let stop: number;
  if (node.kind === 'scalar') stop = node.end;
  else if (node.kind === 'seq' && node.flow) stop = node.end;
  else {
    const lineEnd = parsed.text.indexOf('\n', start);
    stop = lineEnd < 0 ? parsed.text.length : lineEnd;
  }
  return documentRange(parsed, start, trimEnd(parsed.text, start, stop));
}
