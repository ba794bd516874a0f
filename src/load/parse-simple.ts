/**
 * A parser for the plain YAML that catalog files are written in: block mappings with simple keys,
 * block sequences, one-line flow sequences, plain and one-line quoted scalars, comments. For that
 * subset it builds the same data as js-yaml under the core schema, in a fraction of the time; for
 * anything else — block scalars, multi-line scalars, anchors, tags, flow mappings, escapes, tabs,
 * duplicate keys, odd indentation, a second document — it gives up, and js-yaml reads the text
 * (and says what is wrong with it, if anything). Giving up is always safe; a result must be exactly
 * what js-yaml would give.
 *
 * Plain scalars are typed by js-yaml's own implicit types (null, bool, int, float), in js-yaml's order;
 * they are asked for only when a scalar could be one of them, so most files never load js-yaml.
 */

import { LIMITS } from './limits.js';

/** The implicit types of a js-yaml schema, as js-yaml resolves plain scalars with them. */
export interface ImplicitType {
  resolve(data: string): boolean;
  construct(data: string): unknown;
}

/** What `parseSimpleYaml` returns for a text outside its subset. */
export const UNSUPPORTED: unique symbol = Symbol('unsupported');

/**
 * Where a node of the data is written, as offsets into the text: a scalar from its first character
 * (a quote, for a quoted one) to the end of its value; a mapping from its first key; a sequence from its
 * first `-`, or from `[` to after `]` for a flow sequence. A key written with nothing after it holds a
 * null scalar of no length, where its line's content ends (at a comment or the line break).
 */
export type PositionNode =
  | { kind: 'scalar'; start: number; end: number }
  | { kind: 'map'; start: number; pairs: PositionPair[] }
  | { kind: 'seq'; start: number; flow: boolean; end: number; items: PositionNode[] };

/** One `key: value` of a mapping, with where its key is written. */
export interface PositionPair {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: PositionNode;
}

class Unsupported extends Error {}
const unsupported = new Unsupported();

// Characters that end the scan of a simple key, or that a simple key may hold.
const SPACE = 0x20;
const NL = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;

/** Characters that cannot be read in any simple way: non-printable, odd line breaks, tabs, BOM, NUL, surrogates. */
const AWKWARD = /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F-\x9F\u2028\u2029\uFEFF\uFFFE\uFFFF\uD800-\uDFFF]/;

/** Whether a text holds anything the simple parser does not read, as a character: see `AWKWARD`, and a CR not before LF. */
function awkward(text: string): boolean {
  return AWKWARD.test(text) || (text.includes('\r') && /\r(?!\n)/.test(text));
}

/** The keys of catalog files, so that each key read is one string the engine already knows, not a new one. */
const KNOWN_KEYS = [
  'name',
  'code',
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
  'items',
  'domain',
  'unit',
  'title',
  'kind',
  'admin_level',
  'version',
  'date',
  'level_columns',
  'extra_columns',
  'baseline',
  'defaults',
  'file',
  'url',
];
/** The places in `KNOWN_KEYS` of the keys of each length. */
const KEYS_BY_LENGTH: number[][] = [];
KNOWN_KEYS.forEach((key, index) => (KEYS_BY_LENGTH[key.length] ??= []).push(index));

/** A source of the implicit types, called when a scalar needs them; undefined when there are none to use. */
export type ImplicitTypes = () => readonly ImplicitType[] | undefined;

/**
 * The plain scalars that js-yaml's core implicit types could claim, and more: null and bool spelled in
 * any of their forms, the shapes of ints (decimal, 0b, 0o, 0x, signed) and js-yaml's float pattern. What
 * this does not match is a string for certain.
 */
const MAY_BE_TYPED =
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:0b[01]+|0x[0-9a-fA-F]+|0o[0-7]+|[0-9]+)|[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** Whether a plain scalar that starts with this character could be claimed by an implicit type at all. */
function mayBeTyped(first: number): boolean {
  // ~ n N t T f F, digits, + - .
  return (
    first === 0x7e ||
    first === 0x6e ||
    first === 0x4e ||
    first === 0x74 ||
    first === 0x54 ||
    first === 0x66 ||
    first === 0x46 ||
    (first >= 0x30 && first <= 0x39) ||
    first === 0x2b ||
    first === 0x2d ||
    first === 0x2e
  );
}

/** A character a simple key may hold: ASCII letters, digits, `_ - . $`, and any character from U+00A0 on. */
function isKeyChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === DASH ||
    c === 0x2e ||
    c === 0x24 ||
    c >= 0xa0
  );
}

/** A character that cannot begin a plain scalar (js-yaml's readPlainScalar), or that this parser does not read. */
function isAwkwardStart(c: number): boolean {
  // , [ ] { } # & * ! | > ' " % @ `
  return (
    c === 0x2c ||
    c === 0x5b ||
    c === 0x5d ||
    c === 0x7b ||
    c === 0x7d ||
    c === HASH ||
    c === 0x26 ||
    c === 0x2a ||
    c === 0x21 ||
    c === 0x7c ||
    c === 0x3e ||
    c === 0x27 ||
    c === 0x22 ||
    c === 0x25 ||
    c === 0x40 ||
    c === 0x60
  );
}

/**
 * Parse YAML text in the subset described above; `UNSUPPORTED` for anything else. `types` are the
 * implicit types of the schema js-yaml would use (its `compiledImplicit`).
 */
export function parseSimpleYaml(text: string, types: ImplicitTypes): unknown {
  if (awkward(text)) return UNSUPPORTED;
  try {
    return new SimpleParser(text, types, false).document();
  } catch (error) {
    if (error === unsupported) return UNSUPPORTED;
    throw error;
  }
}

/**
 * Where each node of a text in the subset is written (see {@link PositionNode}), with the data;
 * `UNSUPPORTED` for any other text.
 */
export function parseSimpleYamlPositions(
  text: string,
  types: ImplicitTypes,
): { data: unknown; root: PositionNode } | typeof UNSUPPORTED {
  if (awkward(text)) return UNSUPPORTED;
  try {
    const parser = new SimpleParser(text, types, true);
    const data = parser.document();
    return { data, root: parser.node! };
  } catch (error) {
    if (error === unsupported) return UNSUPPORTED;
    throw error;
  }
}

class SimpleParser {
  private readonly text: string;
  private readonly types: ImplicitTypes;
  /** Start of the next line not yet read. */
  private pos = 0;
  // The current content line (see `nextLine`): where it starts, its indentation, where its content
  // starts, and where its content ends (before `\r\n` or `\n`).
  private lineStart = 0;
  private indent = -1;
  private content = 0;
  private end = 0;
  /** The place among `KNOWN_KEYS` of the key read last, or -1. */
  private keyIndex = -1;
  /** Where the quoted scalar or flow sequence read last ends. */
  private after = 0;
  /** Whether to record where nodes are written; `node` is then the node of the value read last. */
  private readonly track: boolean;
  /** Mappings and lists open around the value being read; past the limit, the text is left to js-yaml (which refuses it). */
  private depth = 0;
  node: PositionNode | undefined;

  constructor(text: string, types: ImplicitTypes, track: boolean) {
    this.text = text;
    this.types = types;
    this.track = track;
  }

  /** The whole document: one block mapping at the left margin. */
  document(): unknown {
    if (!this.nextLine() || this.indent !== 0) throw unsupported;
    const c = this.text.charCodeAt(this.content);
    // A document marker, a directive, or a sequence at the top.
    if (c === DASH || c === 0x25 || c === 0x2e) throw unsupported;
    const result = this.mapping(0);
    if (!this.atEnd()) throw unsupported;
    return result;
  }

  /** Whether every line has been read (`nextLine` found no more). */
  private atEnd(): boolean {
    return this.indent < 0;
  }

  /**
   * Move to the next line with content (not blank, not only a comment), setting `indent`, `content`
   * and `end`; false (and `indent` -1) at the end of the text.
   */
  private nextLine(): boolean {
    const text = this.text;
    const length = text.length;
    while (this.pos < length) {
      const start = this.pos;
      let i = start;
      while (i < length && text.charCodeAt(i) === SPACE) i++;
      let eol = text.indexOf('\n', i);
      if (eol < 0) eol = length;
      this.pos = eol + 1;
      let end = eol;
      if (end > i && text.charCodeAt(end - 1) === CR) end--;
      if (i === end || text.charCodeAt(i) === HASH) continue;
      this.lineStart = start;
      this.indent = i - start;
      this.content = i;
      this.end = end;
      return true;
    }
    this.indent = -1;
    return false;
  }

  /** A block mapping whose keys stand at `indent`; the current line holds its first key at `this.content`. */
  private mapping(indent: number): Record<string, unknown> {
    this.enter();
    const result: Record<string, unknown> = {};
    const node: PositionNode | undefined = this.track ? { kind: 'map', start: this.content, pairs: [] } : undefined;
    let seen = 0;
    for (;;) {
      seen = this.entry(result, indent, this.content, node, seen);
      if (this.indent !== indent || this.text.charCodeAt(this.content) === DASH) {
        if (this.indent > indent) throw unsupported;
        // Keys of one mapping line up: a `- ` here ends a sequence written under the mapping's last key.
        this.node = node;
        this.depth--;
        return result;
      }
    }
  }

  /** One more mapping or list nested in those open: past the depth limit, not read here. */
  private enter(): void {
    if (++this.depth > LIMITS.depth) throw unsupported;
  }

  /** One `key: value` entry starting at `at` on the current line; leaves the current line after the value. */
  /**
   * One `key: value` entry starting at `at` on the current line; leaves the current line after the
   * value. `seen` holds a bit for each known key the mapping has had; the updated bits are returned.
   */
  private entry(
    into: Record<string, unknown>,
    indent: number,
    at: number,
    node: PositionNode | undefined,
    seen: number,
  ): number {
    const text = this.text;
    const end = this.end;
    let i = at;
    const first = text.charCodeAt(i);
    if (!isKeyChar(first) || first === DASH || first === 0x2e) throw unsupported;
    while (i < end && isKeyChar(text.charCodeAt(i))) i++;
    if (i >= end || text.charCodeAt(i) !== COLON) throw unsupported;
    const after = i + 1 < end ? text.charCodeAt(i + 1) : NL;
    if (after !== SPACE && after !== NL) throw unsupported;
    const key = this.key(at, i);
    if (key.length > 1024 || key === '__proto__' || (mayBeTyped(first) && this.resolve(key) !== key)) throw unsupported;
    // A key written twice is js-yaml's to refuse.
    const known = this.keyIndex;
    if (known >= 0) {
      if (seen & (1 << known)) throw unsupported;
      seen |= 1 << known;
    } else if (Object.prototype.hasOwnProperty.call(into, key)) {
      throw unsupported;
    }
    let v = i + 1;
    while (v < end && text.charCodeAt(v) === SPACE) v++;
    if (v >= end || text.charCodeAt(v) === HASH) {
      into[key] = this.blockValue(indent, v);
    } else {
      into[key] = this.inlineValue(v);
      this.nextLine();
      if (this.indent > indent) throw unsupported;
    }
    if (node) (node as { pairs: PositionPair[] }).pairs.push({ key, keyStart: at, keyEnd: i, value: this.node! });
    return seen;
  }

  /**
   * The value of a key with nothing after it on its line: a block node on the lines below (more
   * indented, or a sequence at the key's own indentation), or null.
   */
  private blockValue(indent: number, at: number): unknown {
    this.nextLine();
    if (this.indent > indent) {
      return this.text.charCodeAt(this.content) === DASH ? this.sequence(this.indent) : this.mapping(this.indent);
    }
    if (this.indent === indent && this.text.charCodeAt(this.content) === DASH) return this.sequence(indent);
    if (this.track) this.node = { kind: 'scalar', start: at, end: at };
    return null;
  }

  /** A block sequence whose `-` stand at `indent`; the current line holds its first entry. */
  private sequence(indent: number): unknown[] {
    const text = this.text;
    const result: unknown[] = [];
    const items: PositionNode[] = [];
    const node: PositionNode | undefined = this.track
      ? { kind: 'seq', start: this.content, flow: false, end: -1, items }
      : undefined;
    this.enter();
    for (;;) {
      const dash = this.content;
      const end = this.end;
      // `- ` and content on the same line; a lone `-` is not read here.
      if (dash + 1 >= end || text.charCodeAt(dash + 1) !== SPACE) throw unsupported;
      let v = dash + 2;
      while (v < end && text.charCodeAt(v) === SPACE) v++;
      const c = text.charCodeAt(v);
      if (v >= end || c === HASH || c === DASH) throw unsupported;
      if (this.startsEntry(v)) {
        // `- key: value`: a mapping whose keys line up with this first one.
        const column = v - this.lineStart;
        this.enter();
        const item: Record<string, unknown> = {};
        const map: PositionNode | undefined = this.track ? { kind: 'map', start: v, pairs: [] } : undefined;
        let seen = 0;
        for (;;) {
          seen = this.entry(item, column, this.content === dash ? v : this.content, map, seen);
          if (this.indent !== column) break;
          if (text.charCodeAt(this.content) === DASH) throw unsupported;
        }
        this.depth--;
        result.push(item);
        if (map) items.push(map);
      } else {
        result.push(this.inlineValue(v));
        if (this.track) items.push(this.node!);
        this.nextLine();
      }
      if (this.indent !== indent || text.charCodeAt(this.content) !== DASH) {
        if (this.indent > indent) throw unsupported;
        this.node = node;
        this.depth--;
        return result;
      }
    }
  }

  /** The key written from `at` to `end`: one of the known keys when it is one (`keyIndex` is then its place among them, else -1). */
  private key(at: number, end: number): string {
    const known = KEYS_BY_LENGTH[end - at];
    if (known) {
      for (let k = 0; k < known.length; k++) {
        const key = KNOWN_KEYS[known[k]!]!;
        if (this.text.startsWith(key, at)) {
          this.keyIndex = known[k]!;
          return key;
        }
      }
    }
    this.keyIndex = -1;
    return this.text.slice(at, end);
  }

  /** Whether a simple key and `: ` (or `:` at the end of the line) start at `at`. */
  private startsEntry(at: number): boolean {
    const text = this.text;
    const end = this.end;
    let i = at;
    while (i < end && isKeyChar(text.charCodeAt(i))) i++;
    if (i === at || i >= end || text.charCodeAt(i) !== COLON) return false;
    return i + 1 >= end || text.charCodeAt(i + 1) === SPACE;
  }

  /** A value that starts at `at` and ends on this line: a scalar or a flow sequence. */
  private inlineValue(at: number): unknown {
    const text = this.text;
    const c = text.charCodeAt(at);
    let value: unknown;
    if (c === 0x22 || c === 0x27) {
      value = this.quoted(at);
      if (this.track) this.node = { kind: 'scalar', start: at, end: this.after };
    } else if (c === 0x5b) {
      this.enter();
      value = this.flowSequence(at);
      this.depth--;
    } else {
      return this.plain(at);
    }
    this.rest(this.after);
    return value;
  }

  /** Nothing but spaces, then perhaps a comment, from `i` to the end of the line. */
  private rest(i: number): void {
    const text = this.text;
    const end = this.end;
    const from = i;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i < end && (text.charCodeAt(i) !== HASH || i === from)) throw unsupported;
  }

  /** A plain scalar in block context, from `at` to a comment or the end of the line. */
  private plain(at: number): unknown {
    const text = this.text;
    const end = this.end;
    const c = text.charCodeAt(at);
    if (isAwkwardStart(c)) throw unsupported;
    if ((c === DASH || c === 0x3f || c === COLON) && (at + 1 >= end || text.charCodeAt(at + 1) === SPACE))
      throw unsupported;
    let stop = end;
    for (let i = at + 1; i < end; i++) {
      const ch = text.charCodeAt(i);
      if (ch === HASH && text.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
      // `: ` would make this a key; js-yaml refuses it in a value.
      if (ch === COLON && (i + 1 >= end || text.charCodeAt(i + 1) === SPACE)) throw unsupported;
    }
    while (stop > at && text.charCodeAt(stop - 1) === SPACE) stop--;
    if (this.track) this.node = { kind: 'scalar', start: at, end: stop };
    const raw = text.slice(at, stop);
    return mayBeTyped(c) ? this.resolve(raw) : raw;
  }

  /** A quoted scalar on one line, without escapes; `after` is then where it ends. */
  private quoted(at: number): string {
    const text = this.text;
    const end = this.end;
    const quote = text.charCodeAt(at);
    if (quote === 0x22) {
      const close = text.indexOf('"', at + 1);
      if (close < 0 || close >= end) throw unsupported;
      const inner = text.slice(at + 1, close);
      if (inner.includes('\\')) throw unsupported;
      this.after = close + 1;
      return inner;
    }
    // Single quotes: '' stands for one quote.
    let i = at + 1;
    let value = '';
    for (;;) {
      const close = text.indexOf("'", i);
      if (close < 0 || close >= end) throw unsupported;
      value += text.slice(i, close);
      if (close + 1 < end && text.charCodeAt(close + 1) === 0x27) {
        value += "'";
        i = close + 2;
      } else {
        this.after = close + 1;
        return value;
      }
    }
  }

  /** `[a, b, "c"]` on one line, of scalars only; `after` is then where it ends. */
  private flowSequence(at: number): unknown[] {
    const text = this.text;
    const end = this.end;
    const result: unknown[] = [];
    const items: PositionNode[] = [];
    const node: PositionNode | undefined = this.track
      ? { kind: 'seq', start: at, flow: true, end: -1, items }
      : undefined;
    const close = (after: number): unknown[] => {
      if (node) {
        (node as { end: number }).end = after;
        this.node = node;
      }
      this.after = after;
      return result;
    };
    let i = at + 1;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i < end && text.charCodeAt(i) === 0x5d) return close(i + 1);
    for (;;) {
      if (i >= end) throw unsupported;
      const c = text.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        result.push(this.quoted(i));
        if (node) items.push({ kind: 'scalar', start: i, end: this.after });
        i = this.after;
      } else {
        if (isAwkwardStart(c) || c === COLON || c === 0x3f || c === DASH) {
          // `-x` is a plain scalar, but `- ` and `-,` are not.
          const next = i + 1 < end ? text.charCodeAt(i + 1) : SPACE;
          if (c !== DASH || next === SPACE || next === 0x2c || next === 0x5d) throw unsupported;
        }
        const start = i;
        for (; i < end; i++) {
          const ch = text.charCodeAt(i);
          if (ch === 0x2c || ch === 0x5d) break;
          if (ch === 0x5b || ch === 0x7b || ch === 0x7d) throw unsupported;
          if (ch === HASH && text.charCodeAt(i - 1) === SPACE) throw unsupported;
          if (ch === COLON) {
            const next = i + 1 < end ? text.charCodeAt(i + 1) : SPACE;
            if (next === SPACE || next === 0x2c || next === 0x5d || next === 0x5b || next === 0x7b || next === 0x7d)
              throw unsupported;
          }
        }
        let stop = i;
        while (stop > start && text.charCodeAt(stop - 1) === SPACE) stop--;
        const raw = text.slice(start, stop);
        result.push(mayBeTyped(c) ? this.resolve(raw) : raw);
        if (node) items.push({ kind: 'scalar', start, end: stop });
      }
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      if (i >= end) throw unsupported;
      const sep = text.charCodeAt(i);
      if (sep === 0x5d) return close(i + 1);
      if (sep !== 0x2c) throw unsupported;
      i++;
      while (i < end && text.charCodeAt(i) === SPACE) i++;
      // A comma before the closing bracket is left to js-yaml.
      if (i >= end || text.charCodeAt(i) === 0x5d || text.charCodeAt(i) === 0x2c) throw unsupported;
    }
  }

  /** A plain scalar typed as js-yaml types it: the first implicit type that claims it, else a string. */
  private resolve(raw: string): unknown {
    if (!MAY_BE_TYPED.test(raw)) return raw;
    const types = this.types();
    if (!types) throw unsupported;
    for (let t = 0; t < types.length; t++) {
      if (types[t]!.resolve(raw)) return types[t]!.construct(raw);
    }
    return raw;
  }
}
