import fc from 'fast-check';
import type { Catalog, FieldKey } from '../../src/catalog/types.js';
import { toList } from '../../src/util/text.js';
import {
  appliesOnRequest,
  completeLeaf,
  contentText,
  contextOf,
  fieldDraft,
  profileRaw,
  writeFields,
  writeProfile,
  type FieldDraft,
} from './catalog-fields.js';
import {
  APPLICATION_TIME_LIMITS,
  BASES,
  CHANNELS,
  ITEM_QUALIFIERS,
  LEVEL1_QUALIFIERS,
  LEVEL1_WORDS,
  LEVEL2_HEADS,
  LEVEL3_HEADS,
  PROACTIVE_TIME_LIMITS,
  RENAME_PREFIXES,
  RENAME_SUFFIXES,
  SPECIFIC_GROUPS,
  SUBJECTS,
  isApplicationLimit,
} from './catalog-pools.js';
import {
  effectiveRaw,
  fromTree,
  locateAll,
  namesOf,
  sameValue,
  toTree,
  type CatalogTree,
  type Located,
  type Raw,
  type TreeNode,
} from './catalog-tree.js';

/** An edit as drawn, before it meets a catalog: `pick` and the like choose among what fits. */
export type EditIntent =
  | { kind: 'remove'; depth: 1 | 2 | 3; pick: number }
  | { kind: 'rename'; depth: 1 | 2 | 3; pick: number; variant: number }
  | { kind: 'move'; pick: number; to: number; position: number }
  | { kind: 'method'; pick: number; variant: number }
  | { kind: 'audience'; pick: number; variant: number }
  | { kind: 'channels'; pick: number; channels: string[] }
  | { kind: 'time_limit'; pick: number; variant: number }
  | { kind: 'levels'; pick: number; mask: boolean[] }
  | { kind: 'wording'; pick: number; field: 'content' | 'subject' | 'basis'; variant: number }
  | {
      kind: 'add';
      depth: 1 | 2 | 3;
      pick: number;
      name: number;
      reuseName: boolean;
      copy: boolean;
      position: number;
      count: number;
      fields: FieldDraft;
    }
  | { kind: 'split'; pick: number; name: number; count: number }
  | { kind: 'hoist'; pick: number };

export type EditKind = EditIntent['kind'];

/** An edit as applied; names are those at the time of the edit (`[]` for `defaults`). */
export type Edit =
  | { kind: 'remove'; names: string[] }
  | { kind: 'rename'; names: string[]; to: string }
  | { kind: 'move'; names: string[]; to: string[] }
  | { kind: 'set'; names: string[]; field: FieldKey; from: unknown; to: unknown }
  | { kind: 'add'; names: string[] }
  | { kind: 'split'; names: string[]; added: string[][] }
  | { kind: 'hoist'; names: string[]; fields: FieldKey[] };

/** An item on one side of a revision. */
export interface ItemTrace {
  names: string[];
  depth: 1 | 2 | 3;
  code?: string;
  leaf: boolean;
  children: number;
  /** The identity of the parent item, if any. */
  parent?: number;
}

/** A catalog, its revision, the edits between them, and which item became which. */
export interface Revision {
  before: Catalog;
  after: Catalog;
  edits: Edit[];
  /** One entry per item identity: on both sides, removed (`before` only) or added (`after` only). */
  lineage: { id: number; before?: ItemTrace; after?: ItemTrace }[];
}

const ALL_KINDS: readonly EditKind[] = [
  'remove',
  'rename',
  'move',
  'method',
  'audience',
  'channels',
  'time_limit',
  'levels',
  'wording',
  'add',
  'split',
  'hoist',
];

const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;
const pad2 = (n: number) => String(n).padStart(2, '0');
const depthArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(1 as const) },
  { weight: 5, arbitrary: fc.constant(2 as const) },
  { weight: 1, arbitrary: fc.constant(3 as const) },
);
const pick = fc.nat(1000);

const INTENTS: Record<EditKind, fc.Arbitrary<EditIntent>> = {
  remove: fc.record({ kind: fc.constant('remove'), depth: depthArb, pick }),
  rename: fc.record({ kind: fc.constant('rename'), depth: depthArb, pick, variant: fc.nat(20) }),
  move: fc.record({ kind: fc.constant('move'), pick, to: pick, position: fc.nat(10) }),
  method: fc.record({ kind: fc.constant('method'), pick, variant: fc.nat(20) }),
  audience: fc.record({ kind: fc.constant('audience'), pick, variant: fc.nat(20) }),
  channels: fc.record({
    kind: fc.constant('channels'),
    pick,
    channels: fc.uniqueArray(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 4 }),
  }),
  time_limit: fc.record({ kind: fc.constant('time_limit'), pick, variant: fc.nat(20) }),
  levels: fc.record({
    kind: fc.constant('levels'),
    pick,
    mask: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  }),
  wording: fc.record({
    kind: fc.constant('wording'),
    pick,
    field: fc.constantFrom('content' as const, 'subject' as const, 'basis' as const),
    variant: fc.nat(20),
  }),
  add: fc.record({
    kind: fc.constant('add'),
    depth: depthArb,
    pick,
    name: fc.nat(1000),
    reuseName: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    copy: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    position: fc.nat(10),
    count: fc.integer({ min: 1, max: 2 }),
    fields: fieldDraft(3, 0),
  }),
  split: fc.record({ kind: fc.constant('split'), pick, name: fc.nat(1000), count: fc.integer({ min: 1, max: 2 }) }),
  hoist: fc.record({ kind: fc.constant('hoist'), pick }),
};

/** Random edit lists, of the given kinds (all by default). */
export function arbitraryEditIntents(
  kinds: readonly EditKind[] = ALL_KINDS,
  maxLength = 6,
): fc.Arbitrary<EditIntent[]> {
  return fc.array(fc.oneof(...kinds.map((k) => INTENTS[k])), { minLength: 1, maxLength });
}

/** Revisions of `catalog` by random edits, with the edits and the lineage of every item. */
export function arbitraryRevisionWithEdits(
  catalog: Catalog,
  kinds?: readonly EditKind[],
  maxLength?: number,
): fc.Arbitrary<Revision> {
  return arbitraryEditIntents(kinds, maxLength).map((intents) => applyEdits(catalog, intents));
}

/** Revised catalogs: `catalog` after a random list of edits. They validate as cleanly as the catalogs generated. */
export function arbitraryRevision(catalog: Catalog, kinds?: readonly EditKind[]): fc.Arbitrary<Catalog> {
  return arbitraryRevisionWithEdits(catalog, kinds).map((r) => r.after);
}

/** Where an edit can apply: an item, or `defaults` (an empty chain). */
interface Target {
  chain: TreeNode[];
  children: TreeNode[];
}

/** The state of one revision in progress. */
class Reviser {
  readonly tree: CatalogTree;
  readonly coded: boolean;
  /** Every name and code seen on either side: new names and codes avoid them. */
  readonly usedNames = new Set<string>();
  readonly usedCodes = new Set<string>();
  readonly namesAtDepth = new Map<number, Set<string>>();

  constructor(catalog: Catalog) {
    this.tree = toTree(catalog);
    const all = locateAll(this.tree);
    this.coded = all.length > 0 && all.every((l) => typeof l.node.raw.code === 'string');
    for (const l of all) this.noteName(l.node.raw.name as string, l.depth);
    for (const l of all) if (typeof l.node.raw.code === 'string') this.usedCodes.add(l.node.raw.code);
  }

  get ctx() {
    return contextOf(this.tree);
  }

  noteName(name: string, depth: number): void {
    this.usedNames.add(name);
    if (!this.namesAtDepth.has(depth)) this.namesAtDepth.set(depth, new Set());
    this.namesAtDepth.get(depth)!.add(name);
  }

  items(filter: (l: Located) => boolean): Located[] {
    return locateAll(this.tree).filter(filter);
  }

  /** `defaults` and every item, as places to write an element. */
  targets(): Target[] {
    return [
      { chain: [], children: this.tree.items },
      ...locateAll(this.tree).map((l) => ({ chain: l.chain, children: l.node.children })),
    ];
  }

  rawOf(target: Target): Raw {
    return target.chain.length === 0 ? (this.tree.header.defaults as Raw) : target.chain[target.chain.length - 1]!.raw;
  }

  /** A name never used in either catalog, from the pools of the depth. */
  freshName(depth: number, seed: number): string | undefined {
    const [qualifiers, heads] =
      depth === 1
        ? [LEVEL1_QUALIFIERS, LEVEL1_WORDS]
        : depth === 2
          ? [ITEM_QUALIFIERS, LEVEL2_HEADS]
          : [ITEM_QUALIFIERS, LEVEL3_HEADS];
    const free = qualifiers.flatMap((q) => heads.map((h) => q + h)).filter((n) => !this.usedNames.has(n));
    return free.length > 0 ? at(free, seed) : undefined;
  }

  /** A name used elsewhere at the depth, but not among these siblings. */
  reusedName(depth: number, seed: number, siblings: readonly TreeNode[]): string | undefined {
    const taken = new Set(siblings.map((s) => s.raw.name as string));
    const free = [...(this.namesAtDepth.get(depth) ?? [])].filter((n) => !taken.has(n));
    return free.length > 0 ? at(free, seed) : undefined;
  }

  nextCode(prefix: string): string | undefined {
    if (!this.coded) return undefined;
    for (let i = 1; ; i++) {
      const code = prefix + pad2(i);
      if (!this.usedCodes.has(code)) {
        this.usedCodes.add(code);
        return code;
      }
    }
  }

  /** A new leaf under `chain`'s last node (or a new 一级事项 when the chain is empty), complete and valid. */
  newNode(
    chain: TreeNode[],
    into: TreeNode[],
    position: number,
    name: string,
    fields: FieldDraft | undefined,
    leaf: boolean,
  ): TreeNode {
    const parent = chain[chain.length - 1];
    const code = this.nextCode(parent ? ((parent.raw.code as string | undefined) ?? '') : '');
    const node: TreeNode = { id: this.tree.nextId++, raw: { name, ...(code ? { code } : {}) }, children: [] };
    into.splice(position % (into.length + 1), 0, node);
    this.noteName(name, chain.length + 1);
    // A new row names itself in its content, so it cannot pass for an old one.
    const draft: FieldDraft = {
      ...(fields ?? { singleAsText: false }),
      content: leaf ? { tail: fields?.content?.tail ?? 0 } : undefined,
      other: undefined,
    };
    writeFields(this.tree, [...chain, node], draft, this.ctx, leaf);
    return node;
  }
}

type Apply<K extends EditKind> = (r: Reviser, intent: Extract<EditIntent, { kind: K }>) => Edit | undefined;

const remove: Apply<'remove'> = (r, { depth, pick }) => {
  const candidates = r.items((l) => l.depth === depth && l.siblings.length > 1);
  if (candidates.length === 0) return undefined;
  const { node, chain, siblings } = at(candidates, pick);
  siblings.splice(siblings.indexOf(node), 1);
  return { kind: 'remove', names: namesOf(chain) };
};

const rename: Apply<'rename'> = (r, { depth, pick, variant }) => {
  const candidates = r.items((l) => l.depth === depth);
  if (candidates.length === 0) return undefined;
  const { node, chain } = at(candidates, pick);
  const old = node.raw.name as string;
  const options = [...RENAME_PREFIXES.map((p) => p + old), ...RENAME_SUFFIXES.map((s) => old + s)].filter(
    (n) => !r.usedNames.has(n),
  );
  if (options.length === 0) return undefined;
  const to = at(options, variant);
  const names = namesOf(chain);
  node.raw.name = to;
  r.noteName(to, depth);
  return { kind: 'rename', names, to };
};

/** Move a 二级事项 (with its 三级事项) to another 一级事项, writing on it what it inherited, so its rows stay the same. */
const move: Apply<'move'> = (r, { pick, to, position }) => {
  const candidates = r.items((l) => l.depth === 2 && l.siblings.length > 1);
  if (candidates.length === 0) return undefined;
  const { node, chain, siblings, parent } = at(candidates, pick);
  const destinations = r.tree.items.filter(
    (p) => p !== parent && !p.children.some((c) => c.raw.name === node.raw.name),
  );
  if (destinations.length === 0) return undefined;
  const destination = at(destinations, to);
  const inherited = effectiveRaw(r.tree, chain);
  for (const [key, value] of Object.entries(inherited)) node.raw[key] = structuredClone(value);
  siblings.splice(siblings.indexOf(node), 1);
  destination.children.splice(position % (destination.children.length + 1), 0, node);
  return { kind: 'move', names: namesOf(chain), to: namesOf([destination, node]) };
};

/** Turn a 主动 row into 依申请 (to 特定群体, from the application) or back. */
const method: Apply<'method'> = (r, { pick, variant }) => {
  const candidates = r.items((l) => l.node.children.length === 0);
  const { node, chain } = at(candidates, pick);
  const from = effectiveRaw(r.tree, chain).method;
  const kind = appliesOnRequest(from) ? 'public' : 'apply';
  writeProfile(
    node.raw,
    profileRaw({ kind, limit: variant, group: 0, withGroup: variant % 2 === 0, methodAsList: false }, true),
  );
  return { kind: 'set', names: namesOf(chain), field: 'method', from, to: node.raw.method };
};

/** Change who a 主动 row is published to. */
const audience: Apply<'audience'> = (r, { pick, variant }) => {
  const candidates = r.items(
    (l) => l.node.children.length === 0 && toList(effectiveRaw(r.tree, l.chain).method).join() === '主动',
  );
  if (candidates.length === 0) return undefined;
  const { node, chain } = at(candidates, pick);
  const from = effectiveRaw(r.tree, chain).audience;
  const options: Raw[] = [
    { audience: '全社会' },
    { audience: ['全社会', '特定群体'] },
    { audience: '特定群体', specific_group: at(SPECIFIC_GROUPS, variant) },
  ].filter((o) => !sameValue('audience', o.audience, from));
  const choice = at(options, variant);
  delete node.raw.specific_group;
  Object.assign(node.raw, choice);
  return { kind: 'set', names: namesOf(chain), field: 'audience', from, to: choice.audience };
};

/** Write a value on `defaults` or an item, if it differs from the one in effect there. */
function setOn(r: Reviser, target: Target, field: FieldKey, value: unknown): Edit | undefined {
  const from = effectiveRaw(r.tree, target.chain)[field];
  if (sameValue(field, from, value)) return undefined;
  r.rawOf(target)[field] = value;
  return { kind: 'set', names: namesOf(target.chain), field, from, to: value };
}

const channels: Apply<'channels'> = (r, { pick, channels }) => {
  const target = at(r.targets(), pick);
  const edit = setOn(r, target, 'channels', channels);
  // A row that named an unlisted channel no longer ticks 其他.
  if (edit) delete r.rawOf(target).other_channels;
  return edit;
};

/** Change a time limit for another of the same kind (from the application or not), so 依申请 rows stay right. */
const timeLimit: Apply<'time_limit'> = (r, { pick, variant }) => {
  const candidates = r.targets().filter((t) => effectiveRaw(r.tree, t.chain).time_limit !== undefined);
  if (candidates.length === 0) return undefined;
  const target = at(candidates, pick);
  const current = effectiveRaw(r.tree, target.chain).time_limit as string;
  const pool = isApplicationLimit(current) ? APPLICATION_TIME_LIMITS : PROACTIVE_TIME_LIMITS;
  return setOn(r, target, 'time_limit', at(pool, variant));
};

const levels: Apply<'levels'> = (r, { pick, mask }) => {
  const ticked = r.ctx.columns.filter((_, i) => mask[i]);
  if (ticked.length === 0) return undefined;
  return setOn(r, at(r.targets(), pick), 'levels', ticked);
};

const wording: Apply<'wording'> = (r, { pick, field, variant }) => {
  if (field === 'content') {
    const candidates = r.items((l) => l.node.children.length === 0);
    const { node, chain } = at(candidates, pick);
    return setOn(r, { chain, children: [] }, 'content', contentText(node.raw.name as string, variant));
  }
  const target = at(r.targets(), pick);
  return setOn(
    r,
    target,
    field,
    field === 'subject' ? at(SUBJECTS, variant) : [at(BASES, variant), at(BASES, variant + 1)],
  );
};

/**
 * Add a 一级事项 with new 二级事项, a 二级事项 under a 一级事项, or a 三级事项 where there are 三级事项.
 * A new row is either written afresh or a copy of a sibling row under another name.
 */
const add: Apply<'add'> = (r, { depth, pick, name, reuseName, copy, position, count, fields }) => {
  const parents =
    depth === 1 ? [undefined] : r.items((l) => l.depth === depth - 1 && (depth === 2 || l.node.children.length > 0));
  if (parents.length === 0) return undefined;
  const parent = at(parents, pick);
  const chain = parent?.chain ?? [];
  const into = parent?.node.children ?? r.tree.items;
  const newName = (reuseName ? r.reusedName(depth, name, into) : undefined) ?? r.freshName(depth, name);
  if (newName === undefined) return undefined;
  const rows = into.filter((s) => s.children.length === 0);
  if (copy && depth > 1 && rows.length > 0) {
    const { name: _, code: __, ...elements } = at(rows, name).raw;
    const code = r.nextCode((chain[chain.length - 1]!.raw.code as string | undefined) ?? '');
    into.splice(position % (into.length + 1), 0, {
      id: r.tree.nextId++,
      raw: { name: newName, ...(code ? { code } : {}), ...structuredClone(elements) },
      children: [],
    });
    r.noteName(newName, depth);
    return { kind: 'add', names: [...namesOf(chain), newName] };
  }
  const node = r.newNode(chain, into, position, newName, fields, depth !== 1);
  if (depth === 1) {
    for (let i = 0; i < count; i++) {
      const childName = r.freshName(2, name + i);
      if (childName === undefined) return undefined;
      r.newNode([node], node.children, i, childName, undefined, true);
    }
  }
  return { kind: 'add', names: namesOf([...chain, node]) };
};

/** Give a 二级 row 三级事项: it becomes a heading, and what only rows carry moves down to them. */
const split: Apply<'split'> = (r, { pick, name, count }) => {
  const candidates = r.items((l) => l.depth === 2 && l.node.children.length === 0);
  if (candidates.length === 0) return undefined;
  const { node, chain } = at(candidates, pick);
  const rowOnly: Raw = {};
  for (const key of ['specific_group', 'other_channels'] as const) {
    if (node.raw[key] !== undefined) rowOnly[key] = node.raw[key];
    Reflect.deleteProperty(node.raw, key);
  }
  if (toList(node.raw.channels).includes('其他')) {
    rowOnly.channels = node.raw.channels;
    delete node.raw.channels;
  }
  const added: string[][] = [];
  for (let i = 0; i < count; i++) {
    const childName = r.freshName(3, name + i);
    if (childName === undefined) break;
    const child = r.newNode(chain, node.children, i, childName, undefined, false);
    Object.assign(child.raw, structuredClone(rowOnly), { content: contentText(childName, 0) });
    completeLeaf(r.tree, [...chain, child], r.ctx);
    added.push(namesOf([...chain, child]));
  }
  return added.length > 0 ? { kind: 'split', names: namesOf(chain), added } : undefined;
};

/** Element groups that can move up together; 公开方式, 公开对象 and 公开时限 only as one. */
const HOIST_GROUPS: readonly (readonly FieldKey[])[] = [
  ['basis'],
  ['subject'],
  ['channels'],
  ['levels'],
  ['time_limit'],
  ['method', 'audience', 'time_limit'],
];

/** Move a value that all children of a node (or all 一级事项) have up to that node (or `defaults`). */
const hoist: Apply<'hoist'> = (r, { pick }) => {
  const options: { target: Target; group: readonly FieldKey[]; values: Raw }[] = [];
  for (const target of r.targets()) {
    if (target.children.length === 0) continue;
    const effs = target.children.map((c) => effectiveRaw(r.tree, [...target.chain, c]));
    const ownMethod = effectiveRaw(r.tree, target.chain).method;
    for (const group of HOIST_GROUPS) {
      const values: Raw = {};
      const fits = group.every((key) => {
        const v = effs[0]![key];
        values[key] = v;
        return v !== undefined && effs.every((e) => sameValue(key, e[key], v));
      });
      if (!fits || !target.children.some((c) => group.some((k) => c.raw[k] !== undefined))) continue;
      if (group.includes('channels') && toList(values.channels).includes('其他')) continue;
      if (group.length === 3 && effs.some((e) => e.specific_group !== undefined)) continue;
      if (
        group.length === 1 &&
        group[0] === 'time_limit' &&
        ownMethod !== undefined &&
        appliesOnRequest(ownMethod) !== isApplicationLimit(values.time_limit as string)
      )
        continue;
      options.push({ target, group, values });
    }
  }
  if (options.length === 0) return undefined;
  const { target, group, values } = at(options, pick);
  for (const key of group) {
    r.rawOf(target)[key] = structuredClone(values[key]);
    for (const child of target.children) Reflect.deleteProperty(child.raw, key);
  }
  return { kind: 'hoist', names: namesOf(target.chain), fields: [...group] };
};

const APPLY: { [K in EditKind]: Apply<K> } = {
  remove,
  rename,
  move,
  method,
  audience,
  channels,
  time_limit: timeLimit,
  levels,
  wording,
  add,
  split,
  hoist,
};

function traces(tree: CatalogTree): Map<number, ItemTrace> {
  return new Map(
    locateAll(tree).map((l) => [
      l.node.id,
      {
        names: namesOf(l.chain),
        depth: l.depth,
        ...(typeof l.node.raw.code === 'string' ? { code: l.node.raw.code } : {}),
        leaf: l.node.children.length === 0,
        children: l.node.children.length,
        ...(l.parent ? { parent: l.parent.id } : {}),
      },
    ]),
  );
}

/** Apply edits in turn; an edit that fits nothing in the catalog as it then is does nothing. */
export function applyEdits(before: Catalog, intents: readonly EditIntent[]): Revision {
  const r = new Reviser(before);
  const start = traces(r.tree);
  const edits: Edit[] = [];
  for (const intent of intents) {
    const edit = (APPLY[intent.kind] as Apply<EditKind>)(r, intent);
    if (edit) edits.push(edit);
  }
  const end = traces(r.tree);
  const ids = [...new Set([...start.keys(), ...end.keys()])].sort((a, b) => a - b);
  return {
    before,
    after: fromTree(r.tree),
    edits,
    lineage: ids.map((id) => ({
      id,
      ...(start.has(id) ? { before: start.get(id)! } : {}),
      ...(end.has(id) ? { after: end.get(id)! } : {}),
    })),
  };
}
