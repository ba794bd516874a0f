import type { Catalog } from '../catalog/types.js';
import { FIELD_KEYS } from '../catalog/types.js';
import { yamlLib } from '../load/yaml-lib.js';

const CATALOG_KEYS = ['domain', 'title', 'unit', 'admin_level', 'version', 'date', 'level_columns', 'extra_columns', 'baseline', 'defaults', 'items'];
const ITEM_KEYS = ['name', 'code', ...FIELD_KEYS, 'items'];

/** A copy of an object with its keys in the order of the official table, unknown keys last. */
function ordered(value: unknown, keys: readonly string[]): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, ITEM_KEYS));
  if (!value || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  entries.sort((a, b) => rank(a[0]) - rank(b[0]));
  return Object.fromEntries(entries.map(([k, v]) => [k, k === 'extra' ? v : ordered(v, ITEM_KEYS)]));
}

/**
 * A catalog as YAML text in the layout people write by hand: keys in the table's order, short lists of
 * names on one line, multi-line text as literal blocks, every string kept exactly (quoted where YAML would
 * read it otherwise, so codes keep their leading zeros). `comment` goes at the top.
 */
export function catalogYaml(catalog: Catalog, comment: string): string {
  const YAML = yamlLib();
  const doc = new YAML.Document(ordered(catalog, CATALOG_KEYS), { version: '1.2' });
  doc.commentBefore = comment
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
  YAML.visit(doc, {
    Seq(_, node) {
      const scalars = node.items.every((i) => YAML.isScalar(i) && typeof i.value === 'string' && !/[\n,[\]{}#:]/.test(i.value as string));
      const length = node.items.reduce<number>((n, i) => n + String((i as { value: unknown }).value).length + 2, 0);
      if (scalars && length <= 60) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal', flowCollectionPadding: false, indentSeq: true });
}
