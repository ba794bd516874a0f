import type { DataPath } from '../diagnostics.js';

/** One value or a list of them, as a catalog file may write either. */
export type OneOrMany<T> = T | readonly T[];

export const AUDIENCES = ['全社会', '特定群体'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const METHODS = ['主动', '依申请'] as const;
export type Method = (typeof METHODS)[number];

export const ADMIN_LEVELS = ['省级', '市级', '县级', '乡级', '村级'] as const;
export type AdminLevel = (typeof ADMIN_LEVELS)[number];

/** The disclosure elements an item carries, as written in a catalog file. Each is inherited downwards. */
export interface ItemFields {
  content?: OneOrMany<string>;
  basis?: OneOrMany<string>;
  time_limit?: string;
  subject?: string;
  channels?: OneOrMany<string>;
  other_channels?: OneOrMany<string>;
  audience?: OneOrMany<Audience>;
  specific_group?: string;
  method?: OneOrMany<Method>;
  levels?: OneOrMany<string>;
  extra?: Readonly<Record<string, string>>;
}

/** The inheritable element keys, in the order of the official table. */
export const FIELD_KEYS = [
  'content',
  'basis',
  'time_limit',
  'subject',
  'channels',
  'other_channels',
  'audience',
  'specific_group',
  'method',
  'levels',
  'extra',
] as const satisfies readonly (keyof ItemFields)[];
export type FieldKey = (typeof FIELD_KEYS)[number];

/** A 一级, 二级 or 三级 事项 as written in a catalog file. */
export interface CatalogItem extends ItemFields {
  name: string;
  code?: string;
  items?: readonly CatalogItem[];
}

/** The catalog this one derives from. */
export interface Baseline {
  title: string;
  version?: string;
  file?: string;
  url?: string;
}

/** A catalog file: one domain of one publishing unit. */
export interface Catalog {
  $schema?: string;
  kind?: 'catalog';
  domain: string;
  title?: string;
  unit: string;
  admin_level?: AdminLevel;
  version?: string;
  date?: string;
  level_columns?: readonly string[];
  extra_columns?: readonly string[];
  baseline?: Baseline;
  defaults?: ItemFields;
  items: readonly CatalogItem[];
}

/** The elements that apply to an item once inheritance is resolved; lists are empty when unset. */
export interface EffectiveFields {
  content: string[];
  basis: string[];
  time_limit?: string;
  subject?: string;
  channels: string[];
  other_channels: string[];
  audience: Audience[];
  specific_group?: string;
  method: Method[];
  levels: string[];
  extra: Record<string, string>;
}

/** An item with its inherited elements and where each came from. */
export interface ResolvedItem {
  /** Path of the item in the file's data, e.g. `['items', 0, 'items', 2]`. */
  path: DataPath;
  /** 1 for 一级事项, 2 for 二级事项, 3 for 三级事项. */
  depth: 1 | 2 | 3;
  name: string;
  /** Names from the 一级事项 down to this item. */
  names: string[];
  code?: string;
  fields: EffectiveFields;
  /** For each element in effect, the path of the node that sets it (this item, an ancestor or `defaults`). */
  origin: { [K in FieldKey]?: DataPath | undefined };
  /** Elements written on this item or above it, valid or not: a wrong value is the schema's to report. */
  written: ReadonlySet<FieldKey>;
  children: ResolvedItem[];
}

/** A catalog with inheritance resolved. */
export interface ResolvedCatalog {
  catalog: Catalog;
  title: string;
  levelColumns: string[];
  extraColumns: string[];
  items: ResolvedItem[];
}
