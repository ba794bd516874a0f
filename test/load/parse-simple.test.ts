import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type * as JsYaml from 'js-yaml';
import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DataPath } from '../../src/diagnostics.js';
import { locate, sourceAt } from '../../src/load/locate.js';
import { coreImplicitTypes } from '../../src/load/parse-fast.js';
import { parseWithPositions, type PositionedDocument } from '../../src/load/parse-positions.js';
import { parseSimpleYaml, UNSUPPORTED } from '../../src/load/parse-simple.js';
import { arbitraryCatalog, catalogToYaml } from '../_helpers/arbitrary-catalog.js';
import { runs } from '../_helpers/fc-options.js';

const jsyaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

/** What js-yaml reads, or the fact that it refuses the text. */
function jsYamlReads(text: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA, json: false }) };
  } catch {
    return { ok: false };
  }
}

/** The text as the positional parser reads it, without the simple parser's shortcut. */
function positional(text: string): PositionedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    schema: 'core',
    prettyErrors: false,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  return { text, doc, lineCounter };
}

/** Every path into the data, and paths just past it (a missing key, an index past the end, below a scalar). */
function* paths(data: unknown, prefix: DataPath = []): Generator<DataPath> {
  yield prefix;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) yield* paths(data[i], [...prefix, i]);
    yield [...prefix, data.length];
  } else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) yield* paths(v, [...prefix, k]);
    yield [...prefix, 'missing'];
  } else {
    yield [...prefix, 'below'];
  }
}

/**
 * Whatever the simple parser reads, js-yaml reads the same (values, types, key order); and the
 * positional parser reads it without errors, placing every path as the simple parser's positions do.
 * Returns whether the simple parser read the text.
 */
function agrees(text: string): boolean {
  const simple = parseSimpleYaml(text, coreImplicitTypes);
  if (simple === UNSUPPORTED) return false;
  const fast = jsYamlReads(text);
  expect(fast.ok, text).toBe(true);
  // Node's strict comparison: the same values, types and prototypes (a key named `constructor` confuses vitest's).
  expect(isDeepStrictEqual(simple, fast.ok && fast.data), text).toBe(true);
  expect(JSON.stringify(simple), text).toBe(JSON.stringify(fast.ok && fast.data));
  if (!text.endsWith('\n')) return true;
  const quick = parseWithPositions(text);
  expect(quick.simple, text).toBeDefined();
  const slow = positional(text);
  expect(slow.doc.errors, text).toEqual([]);
  for (const path of paths(simple)) {
    for (const target of ['value', 'key'] as const)
      expect(locate(quick, path, target), `${text}\n${path.join('/')}`).toEqual(locate(slow, path, target));
    expect(sourceAt(quick, path), `${text}\n${path.join('/')}`).toBe(sourceAt(slow, path));
  }
  return true;
}

const CATALOGS = join(import.meta.dirname, '../../catalogs');

describe('the simple parser', () => {
  it('reads every shipped catalog, as js-yaml does, with the positional parser’s positions', () => {
    const files = readdirSync(CATALOGS).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) expect(agrees(readFileSync(join(CATALOGS, f), 'utf8')), f).toBe(true);
  });

  it.each([
    ['keys and plain values', 'a: 1\nb: 主动\nc: ~\nd: true\ne: 0x1F\nf: 2024-03-01\ng: .5\nh: 0505\n'],
    ['comments and blank lines', '# head\n\na: x # tail\n  # indented comment\nb: y#z\n\n'],
    [
      'nested mappings and lists',
      'items:\n  - name: 政策文件\n    items:\n      - name: 法律法规\n        channels: [政府网站, "两微一端", \'其他\']\n',
    ],
    ['a list under a key at the key’s indentation', 'basis:\n- 《条例》\n- 《办法》\nnext: 1\n'],
    ['empty values', 'a:\nb:   # nothing\nc: []\n'],
    ['quotes', 'a: "0505"\nb: \'it\'\'s\'\nc: "a # b"\n'],
    ['Windows line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['no line break at the end', 'a: 1\nb: x'],
  ])('reads %s', (_, text) => {
    expect(agrees(text)).toBe(true);
  });

  it.each([
    ['a block scalar', 'a: |\n  x\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['an escape', 'a: "x\\ty"\n'],
    ['a tab', 'a:\t1\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate catalog key', 'items:\n  - name: a\n    code: "1"\n    name: b\n'],
    ['a key js-yaml types', 'true: 1\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a colon and a space in a value', 'a: b: c\n'],
    ['bad indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a lone CR', 'a: 1\rb: 2\n'],
    ['a list at the top', '- a\n'],
  ])('leaves %s to js-yaml', (_, text) => {
    expect(parseSimpleYaml(text, coreImplicitTypes)).toBe(UNSUPPORTED);
  });

  it('reads generated catalogs as js-yaml does', () => {
    fc.assert(
      fc.property(arbitraryCatalog(), (catalog) => {
        agrees(catalogToYaml(catalog));
      }),
      runs(100),
    );
  });

  it('never reads a text otherwise than js-yaml and the positional parser, however it is mangled', () => {
    // Catalog-like documents, written from a seed, then perhaps with YAML's awkward characters put in
    // or taken out at a random place.
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        agrees(randomDocument(seed));
      }),
      runs(4000),
    );
  });
});

/** A small YAML document in (or near) the simple subset, drawn from a seeded generator. */
function randomDocument(seed: number): string {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const keys = [
    'a',
    'name',
    'code',
    'items',
    'content',
    'x-y',
    'k_1',
    '$s',
    'a.b',
    '名称',
    '备注',
    'true',
    'null',
    '1',
    '0x1',
    'on',
    'constructor',
    '__proto__',
    'ñ',
    'a b',
  ];
  const scalars = [
    'v',
    '主动',
    '0505',
    '"0505"',
    "'x''y'",
    '"a # b"',
    'a #c',
    'a#b',
    '~',
    'null',
    'Null',
    'TRUE',
    'false',
    'no',
    '1',
    '-1',
    '+1',
    '00',
    '0o17',
    '0x1F',
    '0b11',
    '1_000',
    '1.5',
    '-.5',
    '.5',
    '1e3',
    '.inf',
    '-.Inf',
    '.NaN',
    '2024-03-01',
    '12:30',
    'a:b',
    'http://x.y/z',
    '《条例》(国令第711号)',
    '-x',
    '?x',
    ':x',
    '- x',
    '[a]',
    '{a: 1}',
    '&x v',
    '*x',
    '!!str 1',
    '|',
    '>',
    '%x',
    '@x',
    'a, b',
    'a: b',
    '"a\\"b"',
    '"unclosed',
    '\u3000全角',
    'trail ',
    '中文 空格',
  ];
  const flowItems = [
    'a',
    'b c',
    '1',
    '"q"',
    "'s'",
    '~',
    'true',
    '0x10',
    '-x',
    'a:b',
    'a: b',
    '[n]',
    '{m}',
    '',
    ' ',
    '#c',
    '.5',
    '主动',
    'x#y',
    'x #y',
  ];
  const flow = () =>
    `[${Array.from({ length: Math.floor(random() * 4) }, () => pick(flowItems)).join(pick([', ', ',', ' , ']))}${random() < 0.1 ? ',' : ''}]`;
  const value = (indent: number, depth: number): string => {
    const r = random();
    if (depth > 3 || r < 0.5) return ` ${random() < 0.2 ? flow() : pick(scalars)}${random() < 0.1 ? ' # c' : ''}\n`;
    if (r < 0.75) return `${random() < 0.1 ? ' # c' : ''}\n${mapping(indent + pick([2, 2, 2, 4, 1]), depth + 1)}`;
    return `\n${sequence(random() < 0.3 ? indent : indent + 2, depth + 1)}`;
  };
  const mapping = (indent: number, depth: number): string => {
    let out = '';
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      if (random() < 0.1) out += random() < 0.5 ? '\n' : `${' '.repeat(Math.floor(random() * 6))}# comment\n`;
      out += `${' '.repeat(indent)}${pick(keys)}:${value(indent, depth)}`;
    }
    return out;
  };
  const sequence = (indent: number, depth: number): string => {
    let out = '';
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const r = random();
      if (r < 0.4) out += `${' '.repeat(indent)}- ${random() < 0.2 ? flow() : pick(scalars)}\n`;
      else if (r < 0.9)
        out += `${' '.repeat(indent)}-${pick([' ', ' ', '  '])}${mapping(indent + 2, depth + 1).trimStart()}`;
      else out += `${' '.repeat(indent)}-\n${mapping(indent + 2, depth + 1)}`;
    }
    return out;
  };
  let text = (random() < 0.1 ? '# header\n' : '') + mapping(0, 0);
  if (random() < 0.4) {
    const at = Math.floor(random() * (text.length + 1));
    const piece = pick([' ', ':', '-', '#', '"', "'", '[', ']', ',', '\n', '\t', '\r\n', '{', 'a', '1', '---', '  ']);
    text = random() < 0.5 ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  }
  if (random() < 0.1) text = text.replaceAll('\n', '\r\n');
  if (random() < 0.05) text = text.trimEnd();
  return text;
}
