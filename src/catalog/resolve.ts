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
export function resolveCatalog(data: unknown, defaultLevelColumns: readonly string[] = []): ResolvedCatalog {
  const root = isObject(data) ? data : {};
  const catalog = root as unknown as Catalog;
  const unit = typeof root.unit === 'string' ? root.unit : '';
  const domain = typeof root.domain === 'string' ? root.domain : '';
  const defaults = isObject(root.defaults) ? root.defaults : {};
  const base = applyFields(EMPTY, {}, defaults, ['defaults']);
  const written = new Set(FIELD_KEYS.filter((key) => defaults[key] !== undefined));
  const items = Array.isArray(root.items)
    ? root.items.map((item, i) => resolveItem(item, ['items', i], 1, [], base.fields, base.origin, written))
    : [];
  return {
    catalog,
    title: typeof root.title === 'string' ? root.title : defaultTitle(unit, domain),
    levelColumns: Array.isArray(root.level_columns) ? toList(root.level_columns) : [...defaultLevelColumns],
    extraColumns: toList(root.extra_columns),
    items,
  };
}

function resolveItem(
  raw: unknown,
  path: DataPath,
  depth: 1 | 2 | 3,
  parentNames: string[],
  inherited: EffectiveFields,
  inheritedOrigin: Partial<Record<FieldKey, DataPath>>,
  inheritedWritten: ReadonlySet<FieldKey>,
): ResolvedItem {
  const node = isObject(raw) ? raw : {};
  const name = typeof node.name === 'string' ? node.name : '';
  const names = [...parentNames, name];
  const { fields, origin } = applyFields(inherited, inheritedOrigin, node, path);
  const written = new Set(inheritedWritten);
  for (const key of FIELD_KEYS) if (node[key] !== undefined) written.add(key);
  const children =
    depth < 3 && Array.isArray(node.items)
      ? node.items.map((child, i) =>
          resolveItem(child, [...path, 'items', i], (depth + 1) as 2 | 3, names, fields, origin, written),
        )
      : [];
  return {
    path,
    depth,
    name,
    names,
    ...(typeof node.code === 'string' ? { code: node.code } : {}),
    fields,
    origin,
    written,
    children,
  };
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
