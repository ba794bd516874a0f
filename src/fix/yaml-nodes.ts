import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { DataPath } from '../diagnostics.js';
import { yamlLib } from '../util/packages.js';

/** A node found at a data path, with the pair that holds it (for a property) and its containers. */
export interface NodeAt {
  node: Node;
  /** The key/value pair whose value is the node, when the path ends in a property name. */
  pair?: Pair<Scalar, Node | null>;
  /** The maps and lists from the root down to the node's own container. */
  containers: (YAMLMap | YAMLSeq)[];
}

/** The node at a data path, or undefined when the document does not hold one there. */
export function nodeAt(doc: Document.Parsed, path: DataPath): NodeAt | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  let node = doc.contents as Node | null;
  let pair: Pair<Scalar, Node | null> | undefined;
  const containers: (YAMLMap | YAMLSeq)[] = [];
  for (const seg of path) {
    if (isMap(node)) {
      const hit = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!hit) return undefined;
      containers.push(node);
      pair = hit as Pair<Scalar, Node | null>;
      node = (hit.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      containers.push(node);
      pair = undefined;
      node = (node.items[seg] as Node | undefined) ?? null;
    } else {
      return undefined;
    }
    if (node === null) return undefined;
  }
  return node ? { node, ...(pair ? { pair } : {}), containers } : undefined;
}

/** Whether a node is written in flow style (`[…]`, `{…}`) or sits inside such a collection. */
export function inFlow(found: NodeAt): boolean {
  return found.containers.some((c) => c.flow === true);
}

/** Whether a node or anything in it carries an anchor (`&a`) or is an alias (`*a`): such text cannot be copied. */
export function hasAnchors(node: Node): boolean {
  const { isAlias, isCollection, isPair } = yamlLib();
  if (isAlias(node) || node.anchor) return true;
  if (!isCollection(node)) return false;
  return node.items.some((item) => {
    if (isPair(item))
      return [item.key, item.value].some((n) => n !== null && typeof n === 'object' && hasAnchors(n as Node));
    return hasAnchors(item as Node);
  });
}
