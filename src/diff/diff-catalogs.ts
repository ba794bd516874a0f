import { walkItems } from '../catalog/resolve.js';
import {
  FIELD_KEYS,
  type EffectiveFields,
  type FieldKey,
  type ResolvedCatalog,
  type ResolvedItem,
} from '../catalog/types.js';
import { EXTENDED_CHANNELS, STANDARD_CHANNELS } from '../catalog/vocabulary.js';
import { withoutInvisible } from '../util/invisible.js';
import { channelDelta, classifyField } from './classify.js';
import {
  METADATA_FIELDS,
  type CatalogDiff,
  type Change,
  type ChangeClass,
  type DiffCounts,
  type ItemRef,
  type MetadataChange,
} from './types.js';

const ref = (item: ResolvedItem): ItemRef => ({
  names: item.names,
  depth: item.depth,
  ...(item.code ? { code: item.code } : {}),
  path: item.path,
});

const key = (names: readonly string[]) => names.join('\u0000');

/** Names as a reader sees them: characters that show as nothing (法律\u200b法规) do not tell two items apart. */
const nameKey = (names: readonly string[]) => key(names.map(withoutInvisible));

/** A field's value as comparable text entries. */
function valueOf(fields: EffectiveFields, field: FieldKey): string[] {
  const v = fields[field];
  if (v === undefined) return [];
  if (Array.isArray(v)) return [...v].sort();
  if (typeof v === 'object')
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${x}`)
      .sort();
  return [v];
}

/** The boxes of 公开渠道和载体 in the order of the template: the standard ones, the regional ones, 其他 last. */
const CHANNEL_RANK = new Map<string, number>(
  [...STANDARD_CHANNELS.filter((c) => c !== '其他'), ...EXTENDED_CHANNELS].map((c, i) => [c, i]),
);
/** Channels in the order of the template; channels it does not know come after its boxes, before 其他. */
const byChannelOrder = (a: string, b: string): number => {
  const rank = (c: string) => (c === '其他' ? CHANNEL_RANK.size + 1 : (CHANNEL_RANK.get(c) ?? CHANNEL_RANK.size));
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
};

/**
 * The channels an item is disclosed through, in the order of the template: the boxes, then the named other
 * channels. A named other channel is the ticked 其他 box, so 其他 beside named ones adds nothing:
 * `[其他] + [办税服务厅]` and `[办税服务厅]` are the same table cell.
 */
function allChannels(fields: EffectiveFields): string[] {
  const others = valueOf(fields, 'other_channels');
  const standard = valueOf(fields, 'channels').filter((c) => c !== '其他' || others.length === 0);
  return [...standard.sort(byChannelOrder), ...others];
}

/** A catalog's 版本 or 日期 as text, if it gives one: a date YAML read as a date is shown as YYYY-MM-DD. */
function metadataOf(catalog: ResolvedCatalog, field: (typeof METADATA_FIELDS)[number]): string | undefined {
  const value: unknown = (catalog.catalog as unknown as Record<string, unknown>)[field];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The 版本 and 日期 that both sides give and that differ. A side that gives none (a table may not) shows nothing. */
function metadataChanges(before: ResolvedCatalog, after: ResolvedCatalog): MetadataChange[] {
  return METADATA_FIELDS.flatMap((field) => {
    const from = metadataOf(before, field);
    const to = metadataOf(after, field);
    return from !== undefined && to !== undefined && from !== to ? [{ field, from, to }] : [];
  });
}

/** Items indexed by a key, keeping only keys that name one item on the side. */
function uniqueIndex(
  items: readonly ResolvedItem[],
  keyOf: (i: ResolvedItem) => string | undefined,
): Map<string, ResolvedItem> {
  const map = new Map<string, ResolvedItem | null>();
  for (const item of items) {
    const k = keyOf(item);
    if (k === undefined) continue;
    map.set(k, map.has(k) ? null : item);
  }
  return new Map([...map].filter((e): e is [string, ResolvedItem] => e[1] !== null));
}

/** Both items have codes, and not the same one. */
const codeOf = (i: ResolvedItem): string | undefined => (i.code ? withoutInvisible(i.code) : undefined);
const codesDiffer = (a: ResolvedItem, b: ResolvedItem): boolean =>
  !!codeOf(a) && !!codeOf(b) && codeOf(a) !== codeOf(b);

function sameFields(a: ResolvedItem, b: ResolvedItem): boolean {
  return (
    key(allChannels(a.fields)) === key(allChannels(b.fields)) &&
    FIELD_KEYS.every(
      (f) => f === 'channels' || f === 'other_channels' || key(valueOf(a.fields, f)) === key(valueOf(b.fields, f)),
    )
  );
}

/** A row's element as the diff shows it: channels with the named other channels. */
const shownValue = (fields: EffectiveFields, field: FieldKey): string[] =>
  field === 'channels' ? allChannels(fields) : valueOf(fields, field);

/** More than half of the elements either row has are the same on both. */
function mostlySame(a: ResolvedItem, b: ResolvedItem): boolean {
  let written = 0;
  let same = 0;
  for (const field of FIELD_KEYS) {
    if (field === 'other_channels') continue;
    const x = shownValue(a.fields, field);
    const y = shownValue(b.fields, field);
    if (x.length === 0 && y.length === 0) continue;
    written++;
    if (key(x) === key(y)) same++;
  }
  return written > 0 && same * 2 > written;
}

/**
 * Compare two versions of a catalog item by item. Items are matched by code where both sides have
 * the same one, then by their 一级/二级 names; what is left is matched as a move (the same name under
 * another parent) or a rename (the same place and the same elements under a new name, or a row under
the same parent with most of its elements the same, or a heading with most of its items, where no other
could be meant). Items with
 * different codes are never matched. Elements are compared on rows (items without sub-items on
 * either side) as they apply to each, inherited or not, so moving a value up to the 一级事项 is not a
 * change. A change of channels that adds some and takes others away is two changes: the channels added
 * (扩大公开), then the channels removed (减少公开). Matching does not depend on the order of siblings, and
 * diff(b, a) mirrors diff(a, b). Pure; the order of changes follows the new catalog, then the old one.
 */
export function diffCatalogs(before: ResolvedCatalog, after: ResolvedCatalog): CatalogDiff {
  const old = [...walkItems(before.items)];
  const now = [...walkItems(after.items)];
  const matched = new Map<ResolvedItem, ResolvedItem>(); // new → old
  const taken = new Set<ResolvedItem>();
  const match = (a: ResolvedItem, b: ResolvedItem) => {
    // Two different codes say these are different items, whatever their names and wherever they are.
    if (matched.has(b) || taken.has(a) || a.depth !== b.depth || codesDiffer(a, b)) return;
    matched.set(b, a);
    taken.add(a);
  };

  const oldByCode = uniqueIndex(old, codeOf);
  for (const item of now) {
    const code = codeOf(item);
    if (code && oldByCode.has(code)) match(oldByCode.get(code)!, item);
  }
  const oldByNames = uniqueIndex(old, (i) => nameKey(i.names));
  for (const item of now) {
    const prior = oldByNames.get(nameKey(item.names));
    if (prior) match(prior, item);
  }
  const free = (items: ResolvedItem[], used: (i: ResolvedItem) => boolean) => items.filter((i) => !used(i));
  // Moves: a 二级/三级 name found once among the unmatched items of each side.
  const byName = (i: ResolvedItem) => (i.depth > 1 ? `${i.depth}:${withoutInvisible(i.name)}` : undefined);
  const oldByName = uniqueIndex(
    free(old, (i) => taken.has(i)),
    byName,
  );
  for (const [name, item] of uniqueIndex(
    free(now, (i) => matched.has(i)),
    byName,
  )) {
    const prior = oldByName.get(name);
    if (prior) match(prior, item);
  }
  // What is left is matched among siblings: new items under a matched parent (or 一级事项) with the
  // unmatched items under that parent's old self. First by name (the parent was renamed or moved), then
  // as a rename: the same elements under a new name. Only pairs that are each other's one candidate
  // match, so which of two look-alikes comes first does not matter. Parents go before their children.
  const parents = new Map<ResolvedItem, ResolvedItem>();
  for (const parent of [...old, ...now]) for (const child of parent.children) parents.set(child, parent);
  const sameName = (a: ResolvedItem, b: ResolvedItem) =>
    withoutInvisible(a.name) === withoutInvisible(b.name) && !codesDiffer(a, b);
  const alike = (a: ResolvedItem, b: ResolvedItem) =>
    sameFields(a, b) && a.children.length === b.children.length && !codesDiffer(a, b);
  // A row renamed and edited at once. Not by its place among its siblings: matching does not depend on their order.
  const similar = (a: ResolvedItem, b: ResolvedItem) =>
    a.children.length === 0 && b.children.length === 0 && !codesDiffer(a, b) && mostlySame(a, b);
  // A heading renamed while items were added under it or taken away: most of its items, matched by their
  // names, are under the other one.
  const sameChildren = (a: ResolvedItem, b: ResolvedItem) => {
    if (a.children.length === 0 || b.children.length === 0 || codesDiffer(a, b)) return false;
    const kept = b.children.filter((c) => parents.get(matched.get(c)!) === a).length;
    return kept * 2 > Math.max(a.children.length, b.children.length);
  };
  const pair = (
    olds: readonly ResolvedItem[],
    news: readonly ResolvedItem[],
    related: (a: ResolvedItem, b: ResolvedItem) => boolean,
  ) => {
    for (const item of news) {
      if (matched.has(item)) continue;
      const candidates = olds.filter((o) => !taken.has(o) && related(o, item));
      if (candidates.length === 1 && news.filter((n) => !matched.has(n) && related(candidates[0]!, n)).length === 1)
        match(candidates[0]!, item);
    }
  };
  const groups = new Set<ResolvedItem | undefined>();
  for (const item of now) {
    const parent = parents.get(item);
    if (groups.has(parent)) continue;
    groups.add(parent);
    const oldParent = parent ? matched.get(parent) : undefined;
    if (parent && !oldParent) continue;
    const olds = (oldParent ? oldParent.children : before.items).filter((i) => !taken.has(i));
    const news = (parent ? parent.children : after.items).filter((i) => !matched.has(i));
    pair(olds, news, sameName);
    pair(olds, news, alike);
    pair(olds, news, similar);
    pair(olds, news, sameChildren);
  }

  const changes: Change[] = [];
  for (const item of now) {
    const prior = matched.get(item);
    if (!prior) {
      changes.push({ kind: 'added', class: 'extends', after: ref(item) });
      continue;
    }
    if (withoutInvisible(prior.name) !== withoutInvisible(item.name))
      changes.push({ kind: 'renamed', class: 'editorial', before: ref(prior), after: ref(item) });
    if (item.depth > 1 && matched.get(parents.get(item)!) !== parents.get(prior)) {
      changes.push({ kind: 'moved', class: 'editorial', before: ref(prior), after: ref(item) });
    }
    // Elements are compared on rows: an item that has sub-items on either side is a heading there.
    if (item.children.length > 0 || prior.children.length > 0) continue;
    for (const field of FIELD_KEYS) {
      if (field === 'other_channels') continue;
      const from = shownValue(prior.fields, field);
      const to = shownValue(item.fields, field);
      if (key(from) === key(to)) continue;
      const change = (klass: ChangeClass, half: { added: string[] } | { removed: string[] } | object = {}): Change => ({
        kind: 'changed',
        class: klass,
        before: ref(prior),
        after: ref(item),
        field,
        from,
        to,
        ...half,
      });
      if (field === 'channels') {
        // Channels added extend disclosure and channels taken away reduce it: a change that does both is both.
        const { added, removed } = channelDelta(from, to, {
          before: valueOf(prior.fields, 'other_channels').length > 0,
          after: valueOf(item.fields, 'other_channels').length > 0,
        });
        if (added.length > 0) changes.push(change('extends', { added }));
        if (removed.length > 0) changes.push(change('reduces', { removed }));
        if (added.length > 0 || removed.length > 0) continue;
      }
      changes.push(change(classifyField(field, prior.fields, item.fields)));
    }
  }
  for (const item of old) if (!taken.has(item)) changes.push({ kind: 'removed', class: 'reduces', before: ref(item) });

  return { changes, metadata: metadataChanges(before, after), counts: countChanges(changes) };
}

function countChanges(changes: readonly Change[]): DiffCounts {
  const counts: DiffCounts = {
    added: { level1: 0, level2: 0 },
    removed: { level1: 0, level2: 0 },
    changed: 0,
    byClass: { reduces: 0, extends: 0, editorial: 0 },
  };
  const changedItems = new Set<string>();
  for (const c of changes) {
    counts.byClass[c.class]++;
    if (c.kind === 'added' && c.after.depth <= 2) counts.added[c.after.depth === 1 ? 'level1' : 'level2']++;
    else if (c.kind === 'removed' && c.before.depth <= 2) counts.removed[c.before.depth === 1 ? 'level1' : 'level2']++;
    else if (c.kind !== 'added' && c.kind !== 'removed') changedItems.add(c.after.path.join('/'));
  }
  counts.changed = changedItems.size;
  return counts;
}
