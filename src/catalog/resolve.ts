import type { DataPath } from '../diagnostics.js';
import { toList } from '../util/text.js';
import {
  AUDIENCES,
  FIELD_KEYS,
  METHODS,
  type Audience,
  type Catalog,
  type EffectiveFields,
  type FieldKey,
  type Method,
  type ResolvedCatalog,
  type ResolvedItem,
} from './types.js';

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSet = (v: unknown): boolean =>
  typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.length > 0 : isObject(v) ? Object.keys(v).length > 0 : v !== undefined && v !== null;

const EMPTY: EffectiveFields = {
  content: [],
  basis: [],
  channels: [],
  other_channels: [],
  audience: [],
  method: [],
  levels: [],
  extra: {},
};

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
  const base = applyFields(EMPTY, {}, defaults, ['defaults']);
  const writtenAt = (node: Raw, path: DataPath): FieldKey[] => {
    const meant = misspelt.get(path.join('/')) ?? [];
    return FIELD_KEYS.filter((key) => node[key] !== undefined || meant.includes(key));
  };
  const written = new Set(writtenAt(defaults, ['defaults']));
  const resolveItem = (
    raw: Raw,
    path: DataPath,
    depth: 1 | 2 | 3,
    parentNames: string[],
    inherited: EffectiveFields,
    inheritedOrigin: Partial<Record<FieldKey, DataPath>>,
    inheritedWritten: ReadonlySet<FieldKey>,
  ): ResolvedItem => {
    const name = typeof raw.name === 'string' ? raw.name : '';
    const names = [...parentNames, name];
    const { fields, origin } = applyFields(inherited, inheritedOrigin, raw, path);
    const itemWritten = new Set([...inheritedWritten, ...writtenAt(raw, path)]);
    const children = depth < 3 ? objectsIn(raw.items, path).map(([child, childPath]) =>
      resolveItem(child, childPath, (depth + 1) as 2 | 3, names, fields, origin, itemWritten)) : [];
    return {
      path,
      depth,
      name,
      names,
      ...(typeof raw.code === 'string' ? { code: raw.code } : {}),
      fields,
      origin,
      written: itemWritten,
      children,
    };
  };
  const items = objectsIn(root.items, []).map(([item, path]) => resolveItem(item, path, 1, [], base.fields, base.origin, written));
  return {
    catalog,
    title: typeof root.title === 'string' ? root.title : defaultTitle(unit, domain),
    levelColumns: Array.isArray(root.level_columns) ? toList(root.level_columns) : [...defaultLevelColumns],
    extraColumns: toList(root.extra_columns),
    items,
  };
}

/** The entries of an `items` list that are objects, with their paths; anything else is the schema's to report. */
function objectsIn(items: unknown, parent: DataPath): [Raw, DataPath][] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, i): [Raw, DataPath][] => (isObject(item) ? [[item, [...parent, 'items', i]]] : []));
}

function applyFields(
  inherited: EffectiveFields,
  inheritedOrigin: Partial<Record<FieldKey, DataPath>>,
  node: Raw,
  path: DataPath,
): { fields: EffectiveFields; origin: Partial<Record<FieldKey, DataPath>> } {
  const fields: EffectiveFields = { ...inherited, extra: { ...inherited.extra } };
  const origin = { ...inheritedOrigin };
  for (const key of FIELD_KEYS) {
    const value = node[key];
    if (!isSet(value)) continue;
    // A value of the wrong shape is left to the schema to report and does not hide the inherited one.
    switch (key) {
      case 'time_limit':
      case 'subject':
      case 'specific_group':
        if (typeof value !== 'string') continue;
        fields[key] = value;
        break;
      case 'audience': {
        const list = [...new Set(toList(value).filter((v): v is Audience => (AUDIENCES as readonly string[]).includes(v)))];
        if (list.length === 0) continue;
        fields.audience = list;
        break;
      }
      case 'method': {
        const list = [...new Set(toList(value).filter((v): v is Method => (METHODS as readonly string[]).includes(v)))];
        if (list.length === 0) continue;
        fields.method = list;
        break;
      }
      case 'extra':
        if (!isObject(value)) continue;
        for (const [k, v] of Object.entries(value)) if (typeof v === 'string') fields.extra[k] = v;
        break;
      default: {
        const list = toList(value);
        if (list.length === 0) continue;
        fields[key] = list;
      }
    }
    origin[key] = path;
  }
  return { fields, origin };
}

/** Every item of the tree, parents before their children. */
export function* walkItems(items: readonly ResolvedItem[]): Generator<ResolvedItem> {
  for (const item of items) {
    yield item;
    yield* walkItems(item.children);
  }
}

/** The items that have no sub-items: the rows of the official table. */
export function* leafItems(items: readonly ResolvedItem[]): Generator<ResolvedItem> {
  for (const item of walkItems(items)) if (item.children.length === 0) yield item;
}
