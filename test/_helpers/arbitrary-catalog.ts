import fc from 'fast-check';
import { stringify } from 'yaml';
import { ADMIN_LEVELS, type Catalog } from '../../src/catalog/types.js';
import { contextOf, fieldDraft, writeFields, type FieldDraft } from './catalog-fields.js';
import {
  DOMAINS,
  EXTRA_COLUMNS,
  EXTRA_VALUES,
  ITEM_QUALIFIERS,
  LEVEL1_QUALIFIERS,
  LEVEL1_WORDS,
  LEVEL2_HEADS,
  LEVEL3_HEADS,
  LEVEL_COLUMN_SETS,
  UNITS,
} from './catalog-pools.js';
import { fromTree, toTree, type CatalogTree, type Raw, type TreeNode } from './catalog-tree.js';

export {
  arbitraryRevision,
  arbitraryRevisionWithEdits,
  applyEdits,
  type Revision,
  type Edit,
  type ItemTrace,
} from './arbitrary-revision.js';

/** The choices behind one generated item. */
interface ItemDraft {
  name: string;
  fields: FieldDraft;
  children: readonly ItemDraft[];
}

/** The choices behind one generated catalog. */
interface CatalogDraft {
  domain: string;
  unit: string;
  columns: readonly string[];
  extraColumns: readonly string[] | undefined;
  coded: boolean;
  title: boolean;
  adminLevel: string | undefined;
  version: string | undefined;
  date: string | undefined;
  baseline: boolean;
  defaults: FieldDraft;
  items: readonly ItemDraft[];
}

export interface CatalogOptions {
  /** Force every item to have a code (true) or none (false); by default either. */
  coded?: boolean;
  /** How many 二级事项 in 7 have 三级事项 (about); 1 by default. */
  withLevel3?: number;
}

/** A name from a head word, with a qualifier in front with weight `qualified` out of 10. */
const composedName = (
  qualifiers: readonly string[],
  heads: readonly string[],
  qualified: number,
): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.oneof(
        { weight: 10 - qualified, arbitrary: fc.constant('') },
        { weight: qualified, arbitrary: fc.constantFrom(...qualifiers.filter(Boolean)) },
      ),
      fc.constantFrom(...heads),
    )
    .map(([q, h]) => q + h);

const siblings = (item: fc.Arbitrary<ItemDraft>, maxLength: number) =>
  fc.uniqueArray(item, { minLength: 1, maxLength, selector: (d) => d.name });

/** 三级事项 often write nothing but their name: their rows then look alike but for it. */
const level3: fc.Arbitrary<ItemDraft> = fc.record({
  name: composedName(ITEM_QUALIFIERS, LEVEL3_HEADS, 2),
  fields: fc.oneof(
    { weight: 2, arbitrary: fieldDraft(3, 9, 1) },
    { weight: 1, arbitrary: fc.constant<FieldDraft>({ singleAsText: false }) },
  ),
  children: fc.constant<readonly ItemDraft[]>([]),
});

const level2 = (withLevel3: number): fc.Arbitrary<ItemDraft> =>
  fc.record({
    name: composedName(ITEM_QUALIFIERS, LEVEL2_HEADS, 6),
    fields: fieldDraft(3, 8, 1),
    children: fc.oneof(
      { weight: 7 - withLevel3, arbitrary: fc.constant<readonly ItemDraft[]>([]) },
      { weight: withLevel3, arbitrary: siblings(level3, 3) },
    ),
  });

const level1 = (withLevel3: number): fc.Arbitrary<ItemDraft> =>
  fc.record({
    name: composedName(LEVEL1_QUALIFIERS, LEVEL1_WORDS, 2),
    fields: fieldDraft(3, 1),
    children: siblings(level2(withLevel3), 4),
  });

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

function catalogDraft(options: CatalogOptions): fc.Arbitrary<CatalogDraft> {
  return fc.record({
    domain: fc.constantFrom(...DOMAINS),
    unit: fc.constantFrom(...UNITS),
    columns: fc.constantFrom(...LEVEL_COLUMN_SETS),
    extraColumns: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom<readonly string[]>(['备注'], ['咨询电话'], EXTRA_COLUMNS) },
    ),
    coded: options.coded === undefined ? fc.boolean() : fc.constant(options.coded),
    title: fc.boolean(),
    adminLevel: optional(fc.constantFrom(...ADMIN_LEVELS)),
    version: optional(fc.constantFrom('2024', '2025版')),
    date: optional(fc.constantFrom('2024-06-28', '2025-04-08')),
    baseline: fc.boolean(),
    defaults: fieldDraft(7, 0),
    items: siblings(level1(Math.min(7, Math.max(0, options.withLevel3 ?? 1))), 4),
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Turn the choices into a catalog: values are written top-down, so each node knows what it inherits. */
function buildCatalog(d: CatalogDraft): Catalog {
  const header: Raw = {
    domain: d.domain,
    ...(d.title ? { title: `云岭市${d.domain}领域基层政务公开标准目录` } : {}),
    unit: d.unit,
    ...(d.adminLevel ? { admin_level: d.adminLevel } : {}),
    ...(d.version ? { version: d.version } : {}),
    ...(d.date ? { date: d.date } : {}),
    level_columns: [...d.columns],
    ...(d.extraColumns ? { extra_columns: [...d.extraColumns] } : {}),
    ...(d.baseline ? { baseline: { title: `${d.domain}领域基层政务公开标准指引`, version: '2020' } } : {}),
    defaults: {},
  };
  const tree: CatalogTree = { header, items: [], nextId: 0 };
  const ctx = contextOf(tree);
  writeFields(tree, [], d.defaults, ctx, false);
  if (d.extraColumns) {
    // Every row has every declared column: defaults set them all, items override some.
    const defaults = header.defaults as Raw;
    const extra = (defaults.extra as Record<string, string> | undefined) ?? {};
    for (const col of d.extraColumns) extra[col] ??= EXTRA_VALUES[col as keyof typeof EXTRA_VALUES][0]!;
    defaults.extra = extra;
  }
  const place = (drafts: readonly ItemDraft[], into: TreeNode[], chain: TreeNode[], parentCode: string) =>
    drafts.forEach((draft, i) => {
      const code = parentCode + pad2(i + 1);
      const node: TreeNode = {
        id: tree.nextId++,
        raw: { name: draft.name, ...(d.coded ? { code } : {}) },
        children: [],
      };
      into.push(node);
      const here = [...chain, node];
      writeFields(tree, here, draft.fields, ctx, draft.children.length === 0);
      place(draft.children, node.children, here, code);
    });
  place(d.items, tree.items, [], '');
  return fromTree(tree);
}

/**
 * Valid catalogs: they pass the schema and every lint rule without a finding. Names are unique
 * among siblings (and repeat across parents now and then); either every item has a code or none has.
 */
export function arbitraryCatalog(options: CatalogOptions = {}): fc.Arbitrary<Catalog> {
  return catalogDraft(options).map(buildCatalog);
}

/** The same catalog with the items of each list put in another order (by the given sort keys). */
export function reorderSiblings(catalog: Catalog, keys: readonly number[]): Catalog {
  const tree = toTree(catalog);
  let next = 0;
  const reorder = (nodes: TreeNode[]) => {
    const keyed = nodes.map((node, i) => ({ node, key: keys.length > 0 ? keys[next++ % keys.length]! : 0, i }));
    keyed.sort((a, b) => a.key - b.key || a.i - b.i);
    nodes.splice(0, nodes.length, ...keyed.map((k) => k.node));
    for (const node of nodes) reorder(node.children);
  };
  reorder(tree.items);
  return fromTree(tree);
}

/** Sort keys for `reorderSiblings`. */
export const arbitrarySortKeys: fc.Arbitrary<number[]> = fc.array(fc.nat(100), { minLength: 1, maxLength: 40 });

/** A catalog as YAML text, as a catalog file would hold it. */
export function catalogToYaml(catalog: Catalog): string {
  return stringify(catalog, { lineWidth: 0 });
}
