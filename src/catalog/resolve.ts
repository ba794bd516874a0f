import type { DataPath } from '../diagnostics.js';
import { toList } from '../util/text.js';
import {
  AUDIENCES,
  FIELD_KEYS,
  METHODS,
  type Catalog,
  type EffectiveFields,
  type FieldKey,
  type ResolvedCatalog,
  type ResolvedItem,
} from './types.js';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown): boolean =>
  typeof v === 'string'
    ? startsVisible(v.charCodeAt(0)) || v.trim() !== ''
    : Array.isArray(v)
      ? v.length > 0
      : isObject(v)
        ? Object.keys(v).length > 0
        : v !== undefined && v !== null;

/** Whether a text starting with this code unit is certainly not blank: a visible ASCII character, or one past U+3000 (the ideographic space) other than U+FEFF. */
const startsVisible = (c: number): boolean => (c > 0x20 && c < 0x7f) || (c > 0x3000 && c !== 0xfeff);

type Origin = { [K in FieldKey]?: DataPath | undefined };

/**
 * The sets of written keys, one per combination (a bit per key of `FIELD_KEYS`), shared by every item
 * with that combination: items are many, combinations few. `MASKS` maps each set back to its bits.
 */
const WRITTEN: ReadonlySet<FieldKey>[] = [];
const MASKS = new Map<ReadonlySet<FieldKey>, number>();

function writtenSet(mask: number): ReadonlySet<FieldKey> {
  let set = WRITTEN[mask];
  if (!set) {
    const keys = new Set<FieldKey>();
    for (let k = 0; k < FIELD_KEYS.length; k++) if (mask & (1 << k)) keys.add(FIELD_KEYS[k]!);
    WRITTEN[mask] = set = keys;
    MASKS.set(set, mask);
  }
  return set;
}

/** The bits of a set of written keys made by `writtenSet`. */
const maskOf = (set: ReadonlySet<FieldKey>): number => MASKS.get(set)!;

/** A copy of the fields in effect; every copy has the same keys in the same order. */
const copyFields = (f: EffectiveFields): EffectiveFields =>
  ({
    content: f.content,
    basis: f.basis,
    time_limit: f.time_limit,
    subject: f.subject,
    channels: f.channels,
    other_channels: f.other_channels,
    audience: f.audience,
    specific_group: f.specific_group,
    method: f.method,
    levels: f.levels,
    extra: f.extra,
  }) as EffectiveFields;

/** A copy of where each element was set; every copy has the same keys in the same order. */
const copyOrigin = (o: Origin): Origin => ({
  content: o.content,
  basis: o.basis,
  time_limit: o.time_limit,
  subject: o.subject,
  channels: o.channels,
  other_channels: o.other_channels,
  audience: o.audience,
  specific_group: o.specific_group,
  method: o.method,
  levels: o.levels,
  extra: o.extra,
});

const EMPTY: EffectiveFields = {
  content: [],
  basis: [],
  channels: [],
  other_channels: [],
  audience: [],
  method: [],
  levels: [],
  extra: noExtra(),
};

/**
 * An empty set of extra columns. Column names are the user's own text: the object has no prototype, so
 * that a column named `constructor`, `toString` or `__proto__` is only ever the user's value.
 */
function noExtra(): Record<string, string> {
  return Object.create(null) as Record<string, string>;
}

/** The default title of a catalog: 〈单位〉〈领域〉领域基层政务公开标准目录. */
export function defaultTitle(unit: string, domain: string): string {
  return `${unit}${domain}领域基层政务公开标准目录`;
}

/**
 * Resolve inheritance: every item gets the elements its ancestors (and `defaults`) set, unless it sets
 * its own. `extra` columns inherit one by one. Values of the wrong type are ignored here, since the
 * schema reports them, so this works on any parsed data.
 */
export function resolveCatalog(
  data: unknown,
  defaultLevelColumns: readonly string[] = [],
  misspelt: ReadonlyMap<string, readonly string[]> = new Map(),
): ResolvedCatalog {
  const root = isObject(data) ? data : {};
  const catalog = root as unknown as Catalog;
  const unit = typeof root.unit === 'string' ? root.unit : '';
  const domain = typeof root.domain === 'string' ? root.domain : '';
  const defaults = isObject(root.defaults) ? root.defaults : {};
  const base = applyFields(EMPTY, {}, writtenSet(0), defaults, ['defaults'], misspelt);
  const items: ResolvedItem[] = [];
  resolveItems(root.items, [], 1, [], base.fields, base.origin, base.written, misspelt, items);
  return {
    catalog,
    title: typeof root.title === 'string' ? root.title : defaultTitle(unit, domain),
    levelColumns: Array.isArray(root.level_columns) ? toList(root.level_columns) : [...defaultLevelColumns],
    extraColumns: toList(root.extra_columns),
    items,
  };
}

/** Resolve each entry of an `items` list that is an object; anything else is the schema's to report. */
function resolveItems(
  list: unknown,
  parent: DataPath,
  depth: 1 | 2 | 3,
  parentNames: readonly string[],
  inherited: EffectiveFields,
  inheritedOrigin: Origin,
  inheritedWritten: ReadonlySet<FieldKey>,
  misspelt: ReadonlyMap<string, readonly string[]>,
  out: ResolvedItem[],
): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const raw: unknown = list[i];
    if (!isObject(raw)) continue;
    const path = childPath(parent, i);
    const name = typeof raw.name === 'string' ? raw.name : '';
    const names =
      depth === 1 ? [name] : depth === 2 ? [parentNames[0]!, name] : [parentNames[0]!, parentNames[1]!, name];
    const { fields, origin, written } = applyFields(inherited, inheritedOrigin, inheritedWritten, raw, path, misspelt);
    const children: ResolvedItem[] = [];
    if (depth < 3)
      resolveItems(raw.items, path, (depth + 1) as 2 | 3, names, fields, origin, written, misspelt, children);
    const code = raw.code;
    out.push(
      typeof code === 'string'
        ? { path, depth, name, names, code, fields, origin, written, children }
        : { path, depth, name, names, fields, origin, written, children },
    );
  }
}

/** The path of the `i`th item under `parent` (the root, a 一级 or a 二级事项): `[...parent, 'items', i]`. */
function childPath(parent: DataPath, i: number): DataPath {
  switch (parent.length) {
    case 0:
      return ['items', i];
    case 2:
      return [parent[0]!, parent[1]!, 'items', i];
    case 4:
      return [parent[0]!, parent[1]!, parent[2]!, parent[3]!, 'items', i];
    default:
      return [...parent, 'items', i];
  }
}

/** The strings of a value that may be one string or a list of them (as `toList`). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  const out: string[] = [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') out.push(v);
    }
  }
  return out;
}

/** The entries of a value that are among `allowed`, each once, in the order written. */
function allowedOf<T extends string>(value: unknown, allowed: readonly T[]): T[] {
  if (typeof value === 'string') return (allowed as readonly string[]).includes(value) ? [value as T] : [];
  const out: T[] = [];
  const list = stringsOf(value);
  for (let i = 0; i < list.length; i++) {
    const v = list[i]!;
    if ((allowed as readonly string[]).includes(v) && !(out as string[]).includes(v)) out.push(v as T);
  }
  return out;
}

/**
 * The elements in effect on a node (`fields`), where each was set (`origin`), and the elements written
 * on it or above it (`written`: those it inherits, and each key the node has with any value, or that a
 * misspelt key of it stands for; the inherited set itself when the node adds none).
 */
function applyFields(
  inherited: EffectiveFields,
  inheritedOrigin: Origin,
  inheritedWritten: ReadonlySet<FieldKey>,
  node: Raw,
  path: DataPath,
  misspelt: ReadonlyMap<string, readonly string[]>,
): { fields: EffectiveFields; origin: Origin; written: ReadonlySet<FieldKey> } {
  const fields = copyFields(inherited);
  const origin = copyOrigin(inheritedOrigin);
  const meant = misspelt.size > 0 ? misspelt.get(path.join('/')) : undefined;
  let mask = maskOf(inheritedWritten);
  for (let k = 0; k < FIELD_KEYS.length; k++) {
    const key = FIELD_KEYS[k]!;
    const value = node[key];
    if (value !== undefined || (meant !== undefined && meant.includes(key))) mask |= 1 << k;
    if (value === undefined || !isSet(value)) continue;
    // A value of the wrong shape is left to the schema to report and does not hide the inherited one.
    switch (key) {
      case 'time_limit':
      case 'subject':
      case 'specific_group':
        if (typeof value !== 'string') continue;
        fields[key] = value;
        break;
      case 'audience': {
        const list = allowedOf(value, AUDIENCES);
        if (list.length === 0) continue;
        fields.audience = list;
        break;
      }
      case 'method': {
        const list = allowedOf(value, METHODS);
        if (list.length === 0) continue;
        fields.method = list;
        break;
      }
      case 'extra': {
        if (!isObject(value)) continue;
        const extra = Object.assign(noExtra(), fields.extra);
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') extra[k] = v;
        fields.extra = extra;
        break;
      }
      default: {
        const list = stringsOf(value);
        if (list.length === 0) continue;
        fields[key] = list;
      }
    }
    origin[key] = path;
  }
  return { fields, origin, written: writtenSet(mask) };
}

/** Every item of the tree, parents before their children. */
export function* walkItems(items: readonly ResolvedItem[]): Generator<ResolvedItem> {
  const all: ResolvedItem[] = [];
  collectItems(items, all, false);
  yield* all;
}

/** The items that have no sub-items: the rows of the official table. */
export function* leafItems(items: readonly ResolvedItem[]): Generator<ResolvedItem> {
  const leaves: ResolvedItem[] = [];
  collectItems(items, leaves, true);
  yield* leaves;
}

function collectItems(items: readonly ResolvedItem[], out: ResolvedItem[], leavesOnly: boolean): void {
  for (const item of items) {
    if (!leavesOnly || item.children.length === 0) out.push(item);
    collectItems(item.children, out, leavesOnly);
  }
}
