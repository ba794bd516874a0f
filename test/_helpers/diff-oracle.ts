import { FIELD_KEYS, type Catalog, type FieldKey } from '../../src/catalog/types.js';
import { EXTENDED_CHANNELS, STANDARD_CHANNELS } from '../../src/catalog/vocabulary.js';
import type { Change, ChangeClass, ItemRef } from '../../src/diff/types.js';
import type { ItemTrace, Revision } from './arbitrary-revision.js';
import { deadlineDays } from './catalog-pools.js';
import { effectiveRaw, locateAll, namesOf, normalized, pathKey, toTree } from './catalog-tree.js';

/**
 * What a diff should say, worked out from the edits' lineage (which item became which) and
 * from inheritance resolved in catalog-tree.ts, not from the code under test.
 */

type Effective = Partial<Record<FieldKey, unknown>>;

/** The elements in effect for every item of a catalog, by names path. */
export function effectiveByPath(catalog: Catalog): Map<string, Effective> {
  const tree = toTree(catalog);
  return new Map(locateAll(tree).map((l) => [pathKey(namesOf(l.chain)), effectiveRaw(tree, l.chain)]));
}

/** The template's boxes in its order: the standard ones, then the regional ones; 其他 is the last box. */
const TEMPLATE_ORDER: readonly string[] = [...STANDARD_CHANNELS.filter((c) => c !== '其他'), ...EXTENDED_CHANNELS];

/** Channels as the template lists them: its boxes in order, then boxes it does not have (by code point), then 其他. */
function inTemplateOrder(channels: readonly string[]): string[] {
  const boxes = TEMPLATE_ORDER.filter((c) => channels.includes(c));
  const unknown = channels.filter((c) => c !== '其他' && !TEMPLATE_ORDER.includes(c)).sort();
  return [...boxes, ...unknown, ...channels.filter((c) => c === '其他')];
}

/**
 * A field's value as the diff shows it: channels in the template's order with other_channels after them,
 * where a named other channel stands for the ticked 其他 box (so 其他 beside it is not listed again).
 */
function shown(eff: Effective, field: FieldKey): string[] {
  if (field !== 'channels') return normalized(field, eff[field]);
  const others = normalized('other_channels', eff.other_channels);
  const boxes = normalized('channels', eff.channels).filter((c) => c !== '其他' || others.length === 0);
  return [...inTemplateOrder(boxes), ...others];
}

/** The class a field change should have: losing 主动, 全社会, a channel or a level, or a longer deadline, reduces. */
export function expectedClass(field: FieldKey, from: readonly string[], to: readonly string[]): ChangeClass {
  const gainsOrLoses = (v: string): ChangeClass =>
    from.includes(v) && !to.includes(v) ? 'reduces' : !from.includes(v) && to.includes(v) ? 'extends' : 'editorial';
  switch (field) {
    case 'method':
      return gainsOrLoses('主动');
    case 'audience':
      return gainsOrLoses('全社会');
    case 'channels':
    case 'levels':
      return from.some((v) => !to.includes(v))
        ? 'reduces'
        : to.some((v) => !from.includes(v))
          ? 'extends'
          : 'editorial';
    case 'time_limit': {
      const a = from[0] === undefined ? undefined : deadlineDays(from[0]);
      const b = to[0] === undefined ? undefined : deadlineDays(to[0]);
      return a !== undefined && b !== undefined && a !== b ? (b > a ? 'reduces' : 'extends') : 'editorial';
    }
    default:
      return 'editorial';
  }
}

/** More than half of the elements in effect on either of two rows (channels with other channels) are the same. */
export function mostElementsKept(effBefore: Effective, effAfter: Effective): boolean {
  const fields = FIELD_KEYS.filter((f) => f !== 'other_channels');
  const written = fields.filter((f) => shown(effBefore, f).length > 0 || shown(effAfter, f).length > 0);
  const same = written.filter((f) => pathKey(shown(effBefore, f)) === pathKey(shown(effAfter, f)));
  return written.length > 0 && same.length * 2 > written.length;
}

/** The field changes between two rows, as descriptors. */
export function expectedFieldChanges(
  before: ItemTrace,
  after: ItemTrace,
  effBefore: Effective,
  effAfter: Effective,
): string[] {
  const out: string[] = [];
  for (const field of FIELD_KEYS) {
    if (field === 'other_channels') continue;
    const from = shown(effBefore, field);
    const to = shown(effAfter, field);
    if (pathKey(from) === pathKey(to)) continue;
    const change = { kind: 'changed', before, after, field, from, to } as const;
    if (field === 'channels') {
      // Channels added and channels taken away are a change each: the one extends disclosure, the other reduces it.
      // A bare 其他 named on the other side is the same ticked box: not a channel added or taken away.
      const named = (eff: Effective) => normalized('other_channels', eff.other_channels).length > 0;
      const added = to.filter((c) => !from.includes(c) && (c !== '其他' || !named(effBefore)));
      const removed = from.filter((c) => !to.includes(c) && (c !== '其他' || !named(effAfter)));
      if (added.length > 0) out.push(describeChange({ ...change, class: 'extends', added }));
      if (removed.length > 0) out.push(describeChange({ ...change, class: 'reduces', removed }));
      if (added.length > 0 || removed.length > 0) continue;
    }
    out.push(describeChange({ ...change, class: expectedClass(field, from, to) }));
  }
  return out;
}

type Side = Pick<ItemRef, 'names'>;
type Described =
  | { kind: 'added'; class: ChangeClass; after: Side }
  | { kind: 'removed'; class: ChangeClass; before: Side }
  | { kind: 'renamed' | 'moved'; class: ChangeClass; before: Side; after: Side }
  | {
      kind: 'changed';
      class: ChangeClass;
      before: Side;
      after: Side;
      field: FieldKey;
      from: readonly string[];
      to: readonly string[];
      added?: readonly string[];
      removed?: readonly string[];
    };

/** A change in one line, by names (not paths), so expected and reported changes compare as text. */
export function describeChange(c: Described | Change): string {
  const names = (s: Side) => s.names.join('/');
  switch (c.kind) {
    case 'added':
      return `added ${names(c.after)} ${c.class}`;
    case 'removed':
      return `removed ${names(c.before)} ${c.class}`;
    case 'renamed':
    case 'moved':
      return `${c.kind} ${names(c.before)} → ${names(c.after)} ${c.class}`;
    case 'changed':
      return `changed ${names(c.before)} → ${names(c.after)} ${c.field}: [${c.from.join('|')}] → [${c.to.join('|')}]${
        c.added ? ` +[${c.added.join('|')}]` : ''
      }${c.removed ? ` -[${c.removed.join('|')}]` : ''} ${c.class}`;
  }
}

/** Every change the edits made, with items matched by identity: what an all-knowing diff would report. */
export function groundTruth(rev: Revision): string[] {
  const effA = effectiveByPath(rev.before);
  const effB = effectiveByPath(rev.after);
  const out: string[] = [];
  for (const { before: x, after: y } of rev.lineage) {
    if (x && !y) out.push(describeChange({ kind: 'removed', class: 'reduces', before: x }));
    else if (!x && y) out.push(describeChange({ kind: 'added', class: 'extends', after: y }));
    else if (x && y) {
      if (x.names.at(-1) !== y.names.at(-1))
        out.push(describeChange({ kind: 'renamed', class: 'editorial', before: x, after: y }));
      if (x.depth > 1 && x.parent !== y.parent)
        out.push(describeChange({ kind: 'moved', class: 'editorial', before: x, after: y }));
      if (x.leaf && y.leaf)
        out.push(...expectedFieldChanges(x, y, effA.get(pathKey(x.names))!, effB.get(pathKey(y.names))!));
    }
  }
  return out.sort();
}
