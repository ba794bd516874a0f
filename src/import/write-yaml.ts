import type { Catalog } from '../catalog/types.js';
import { FIELD_KEYS } from '../catalog/types.js';
import { yamlLib } from '../util/packages.js';
import { escapeYamlUnsafe, wellFormedData, YAML_UNSAFE } from '../util/yaml-chars.js';

const CATALOG_KEYS = [
  'domain',
  'title',
  'unit',
  'admin_level',
  'version',
  'date',
  'level_columns',
  'extra_columns',
  'baseline',
  'defaults',
  'items',
];
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

/** Whether a list is written on one line (`[a, b]`): strings only, none with a line break or `,[]{}#:`, 60 characters at most. */
function isFlowList(list: readonly unknown[]): boolean {
  let length = 0;
  for (const v of list) {
    if (typeof v !== 'string' || /[\n,[\]{}#:]/.test(v)) return false;
    length += v.length + 2;
  }
  return length <= 60;
}

/**
 * A catalog as YAML text in the layout people write by hand: keys in the table's order, short lists of
 * names on one line, multi-line text as literal blocks, every string kept exactly (quoted where YAML would
 * read it otherwise, so codes keep their leading zeros). `comment` goes at the top.
 */
export function catalogYaml(catalog: Catalog, comment: string): string {
  return catalogText(catalog, comment).text;
}

/** A catalog's YAML text, with the data the fast parser reads from it when that is certain. */
export interface CatalogText {
  text: string;
  /**
   * What js-yaml (core schema, as src/load/parse-fast.ts) reads from `text`: the same values, with keys
   * in the same order. Given only when every value is written in a way it certainly reads back.
   */
  data?: Record<string, unknown>;
}

/** {@link catalogYaml}, with the data its text parses to when that is certain. */
export function catalogText(catalog: Catalog, comment: string): CatalogText {
  const written = wellFormedData(catalog);
  return catalogTextDirect(written, comment) ?? { text: catalogYamlDocument(written, comment) };
}

function commentLines(comment: string): string {
  // A comment ends at a line break (\r too) and holds no character a YAML file may not hold.
  return escapeYamlUnsafe(comment.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((l) => ` ${l}`)
    .join('\n');
}

/** {@link catalogYaml} through the `yaml` package's document model, which writes any value. */
export function catalogYamlDocument(catalog: Catalog, comment: string): string {
  const YAML = yamlLib();
  const doc = new YAML.Document(ordered(wellFormedData(catalog), CATALOG_KEYS), { version: '1.2' });
  doc.commentBefore = commentLines(comment);
  YAML.visit(doc, {
    Scalar(_, node) {
      if (
        typeof node.value === 'string' &&
        (!plainIsString(node.value) || BLANK_LINES.test(node.value) || YAML_UNSAFE.test(node.value))
      ) {
        node.type = YAML.Scalar.QUOTE_DOUBLE;
      }
    },
    Seq(_, node) {
      const scalars = node.items.every(
        (i) => YAML.isScalar(i) && typeof i.value === 'string' && !/[\n,[\]{}#:]/.test(i.value),
      );
      const length = node.items.reduce<number>((n, i) => n + String((i as { value: unknown }).value).length + 2, 0);
      if (scalars && length <= 60) node.flow = true;
    },
  });
  // The yaml package writes some of these raw even inside double quotes, where only an escape is safe.
  return escapeYamlUnsafe(
    doc.toString({
      lineWidth: 0,
      minContentWidth: 0,
      blockQuote: 'literal',
      flowCollectionPadding: false,
      indentSeq: true,
    }),
  );
}

// Writing directly, for the values catalogs are made of: mappings, lists and strings. Each string is written
// the way the `yaml` package (2.x, YAML 1.2 core schema, the options above) writes it — plain, double-quoted
// or as a literal block — where that is simple to tell, and double-quoted where any reader would take the plain
// text for something else (see plainIsString). Anything else (another kind of value, an object met
// twice, a string needing escapes or single quotes, a block starting or ending with white space) is left to the
// document model. test/import/write-yaml.test.ts compares the two.

const INDENT = '  ';
/** Characters the yaml package writes double-quoted with escapes, and those escaped after it (see YAML_UNSAFE). */
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u{D800}-\u{DFFF}]/u;
/** What cannot start, end or appear in a plain scalar. */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/**
 * Plain text a reader of catalogs takes for something other than a string. First what the yaml package's core
 * schema (zwgk fix) reads as null, a boolean or a number; then what js-yaml's default schema reads besides
 * (its core schema, which zwgk validate reads with, is the same less dates and `<<`): ints in binary, octal
 * or hex with a sign, numbers with `_` between digits (as js-yaml 4.1 reads them), dates and timestamps, and
 * `<<`, the merge key.
 */
const NOT_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
  /^[-+]?0(?:b[01_]+|o[0-7_]+|x[0-9a-fA-F_]+)$/,
  /^(?:[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9_]+)(?:[eE][-+]?[0-9]+)?$/,
  /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$/,
  /^<<$/,
];
/** The first characters of the texts {@link NOT_STRING} matches, other than the empty one. */
const NOT_STRING_START = '~nNtTfF+-.0123456789<';

/**
 * Whether every reader of catalogs (js-yaml's default and core schemas, the simple parser that agrees with
 * them, the yaml package's core schema) reads this text, written plain, as that string.
 */
function plainIsString(value: string): boolean {
  if (value !== '' && !NOT_STRING_START.includes(value[0]!)) return true;
  return !NOT_STRING.some((re) => re.test(value));
}
/**
 * Line breaks and white space only, starting with a space or tab: the yaml package writes these as a
 * literal block without an indentation indicator, which no reader (itself included) reads back as written.
 */
const BLANK_LINES = /^[ \t][ \t\n]*\n[ \t\n]*$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

type Place = 'key' | 'flow' | 'block';

/**
 * {@link catalogYaml} written directly: the same text as {@link catalogYamlDocument}, or undefined when the
 * catalog holds a value that is not simple to write that way.
 */
export function catalogYamlDirect(catalog: Catalog, comment: string): string | undefined {
  return catalogTextDirect(catalog, comment)?.text;
}

function catalogTextDirect(catalog: Catalog, comment: string): CatalogText | undefined {
  if (!isPlainObject(catalog)) return undefined;
  const writer = new Writer();
  const data: Record<string, unknown> = {};
  const body = writer.mapping(catalog, '', CATALOG_KEYS, data);
  if (body === undefined) return undefined;
  const lines = commentLines(comment).replace(/^(?!$)(?: $)?/gm, '#');
  const text = `${/^\n+$/.test(lines) ? lines.substring(1) : lines}\n\n${body}\n`;
  // A comment ends at a line break, which for js-yaml is only \n or \r.
  return writer.sure && !/[\r\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff]|[\ud800-\udfff]/.test(comment)
    ? { text, data }
    : { text };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A canonical array index, which JavaScript objects list first, in ascending order. */
const isIndex = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 2 ** 32 - 1;

/** Each key's place in a list of keys (its first place). */
const ranksOf = new WeakMap<readonly string[], Map<string, number>>();

/**
 * The keys of `map` in the order of the copy {@link ordered} makes with `keys`: known keys in that order,
 * the others after them as they come, and array indices first of all, as an object lists its keys.
 */
function orderedKeys(map: Record<string, unknown>, keys: readonly string[]): string[] {
  let ranks = ranksOf.get(keys);
  if (!ranks) {
    ranks = new Map();
    for (const [i, k] of keys.entries()) if (!ranks.has(k)) ranks.set(k, i);
    ranksOf.set(keys, ranks);
  }
  const known = ranks;
  const rank = (k: string) => known.get(k) ?? keys.length;
  const sorted = Object.keys(map).sort((a, b) => rank(a) - rank(b));
  return sorted.some(isIndex) ? [...sorted.filter(isIndex), ...sorted.filter((k) => !isIndex(k))] : sorted;
}

/** Tabs, and characters js-yaml refuses or treats specially. */
const UNSURE_CHAR = /[\t\ufeff\ufffe\uffff]/;

/** Writes one catalog; `sure` tells whether js-yaml certainly reads back the values as written. */
class Writer {
  private readonly seen = new Set<object>();
  sure = true;

  /**
   * Whether an object under `extra` is met for the first time. {@link ordered} copies everything else, so
   * only there can the document model meet an object twice, which it writes as an alias.
   */
  private once(value: object): boolean {
    if (this.seen.has(value)) return false;
    this.seen.add(value);
    return true;
  }

  /**
   * A mapping whose lines start at `indent` (the first without it), its keys ordered by `keys` as
   * {@link ordered} orders them, or as they come (`undefined`, under `extra`). Its values go into `out`.
   */
  mapping(
    map: Record<string, unknown>,
    indent: string,
    keys: readonly string[] | undefined,
    out: Record<string, unknown>,
  ): string | undefined {
    if (!keys && !this.once(map)) return undefined;
    const inner = indent + INDENT;
    const lines: string[] = [];
    for (const key of keys ? orderedKeys(map, keys) : Object.keys(map)) {
      const value = map[key];
      if (value === undefined) continue;
      const k = this.scalar(key, 'key', inner);
      if (k === undefined || k.length > 1024) return undefined;
      const inside = keys && key !== 'extra' ? ITEM_KEYS : undefined;
      let v: string | undefined;
      let parsed: unknown = value;
      if (typeof value === 'string') {
        const s = this.scalar(value, 'block', inner);
        if (s !== undefined) v = ` ${s}`;
      } else if (Array.isArray(value)) {
        const items: unknown[] = [];
        parsed = items;
        if (isFlowList(value)) {
          const s = this.flowList(value, items, inside);
          if (s !== undefined) v = ` ${s}`;
        } else {
          const s = this.list(value, inner, inside, items);
          if (s !== undefined) v = `\n${inner}${s}`;
        }
      } else if (isPlainObject(value)) {
        const fields: Record<string, unknown> = {};
        parsed = fields;
        // An empty mapping is written `{}` on the key's line, like an empty list.
        const s = this.mapping(value, inner, inside, fields);
        if (s !== undefined) v = s === '{}' ? ' {}' : `\n${inner}${s}`;
      }
      if (v === undefined) return undefined;
      lines.push(`${k}:${v}`);
      if (key !== '__proto__') out[key] = parsed;
    }
    if (lines.length === 0) return '{}';
    return lines.join(`\n${indent}`);
  }

  /** A block list whose lines start at `indent` (the first without it); `keys` orders its mappings. */
  list(
    items: readonly unknown[],
    indent: string,
    keys: readonly string[] | undefined,
    out: unknown[],
  ): string | undefined {
    if (!keys && !this.once(items)) return undefined;
    const inner = indent + INDENT;
    const lines: string[] = [];
    for (const item of items) {
      let s: string | undefined;
      if (typeof item === 'string') {
        s = this.scalar(item, 'block', inner);
        out.push(item);
      } else if (isPlainObject(item)) {
        const fields: Record<string, unknown> = {};
        s = this.mapping(item, inner, keys, fields);
        out.push(fields);
      }
      if (s === undefined) return undefined;
      lines.push(`- ${s}`);
    }
    return lines.join(`\n${indent}`);
  }

  /** A list on one line; `keys` as for {@link list}. */
  flowList(items: readonly unknown[], out: unknown[], keys: readonly string[] | undefined): string | undefined {
    if (!keys && !this.once(items)) return undefined;
    const written: string[] = [];
    for (const item of items) {
      const s = this.scalar(item as string, 'flow', '');
      if (s === undefined) return undefined;
      written.push(s);
      out.push(item);
    }
    return `[${written.join(', ')}]`;
  }

  /** A string as the yaml package writes it at `place`, inside a node indented by `indent`; undefined when not simple. */
  scalar(value: string, place: Place, indent: string): string | undefined {
    const s = written(value, place, indent);
    if (s !== undefined && this.sure) {
      if (UNSURE_CHAR.test(value)) this.sure = false;
      else if (s[0] === '|') this.sure = !/^ |\n /.test(value);
      else if (s[0] !== '"') this.sure = value !== '__proto__';
    }
    return s;
  }
}

/** A string as the yaml package writes it at `place`, inside a node indented by `indent`; undefined when not simple. */
function written(value: string, place: Place, indent: string): string | undefined {
  if (CONTROL.test(value)) return undefined;
  if (!value.includes('\n')) {
    if (place === 'flow' && /[[\]{},]/.test(value)) return quoted(value);
    if (NOT_PLAIN.test(value)) return quoted(value);
    // Only text starting with one of these can be a document marker, null, a boolean, a number or a date.
    if (value !== '' && !'%-.~nNtTfF+0123456789<'.includes(value[0]!)) return value;
    if (DOCUMENT_MARKER.test(value)) return undefined;
    return plainIsString(value) ? value : quoted(value);
  }
  if (place !== 'block') return undefined;
  // A literal block with the final line break stripped (`|-`), for text that neither starts nor ends with white space.
  if (/^[\n ]|[\n\t ]$/.test(value)) return undefined;
  return `|-\n${indent}${value.replace(/\n+/g, `$&${indent}`)}`;
}

/** Double quotes, when the text needs no escapes (then they are JSON's). */
function quoted(value: string): string | undefined {
  if (value.includes('"')) return undefined;
  const json = JSON.stringify(value);
  return json.includes('\\') ? undefined : json;
}
