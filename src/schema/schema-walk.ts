import type { DataPath } from '../diagnostics.js';

/** A JSON Schema object, as far as this module reads it. */
export interface SchemaNode {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  [key: string]: unknown;
}

/** The schema each `$ref` names, by root: a run with many findings looks the same few up again and again. */
const targets = new WeakMap<SchemaNode, Map<string, SchemaNode | undefined>>();

/** The schema a local `$ref` (`#/…`) names in `root`, looked up once per root and reference. */
function target(root: SchemaNode, ref: string): SchemaNode | undefined {
  let known = targets.get(root);
  if (!known) targets.set(root, (known = new Map<string, SchemaNode | undefined>()));
  if (known.has(ref)) return known.get(ref);
  let found: unknown = root;
  for (const seg of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    found = (found as Record<string, unknown> | undefined)?.[seg.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  known.set(ref, found as SchemaNode | undefined);
  return found as SchemaNode | undefined;
}

/** Follow `$ref`s (local ones, `#/…`) to the schema they name. */
export function deref(root: SchemaNode, node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let hops = 0; current?.$ref && hops < 16; hops++) current = target(root, current.$ref);
  return current;
}

/** The sub-schema that describes the value at a data path. */
export function schemaAt(root: SchemaNode, path: DataPath): SchemaNode | undefined {
  let node = deref(root, root);
  for (const seg of path) {
    if (!node) return undefined;
    if (typeof seg === 'number') {
      node = node.items ?? node.anyOf?.find((b) => deref(root, b)?.items)?.items;
    } else {
      const extra = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
      node = (node.properties && Object.hasOwn(node.properties, seg) ? node.properties[seg] : undefined) ?? extra;
    }
    node = deref(root, node);
  }
  return node;
}
