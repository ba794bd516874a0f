import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/load/parse-fast.js';
import { parseWithPositions } from '../../src/load/parse-positions.js';

/** The fast parser decides validity; the positional one places findings. They must read YAML alike. */
function both(text: string): { fast: unknown; positioned: unknown; fastOk: boolean; positionedOk: boolean } {
  const fast = parseFast(text);
  const parsed = parseWithPositions(text);
  return {
    fastOk: fast.ok,
    positionedOk: parsed.doc.errors.length === 0,
    fast: fast.ok ? fast.data : undefined,
    positioned: parsed.doc.errors.length === 0 ? parsed.doc.toJS() : undefined,
  };
}

const SCALARS = [
  'code: 0505',
  'code: "0505"',
  "code: '0505'",
  'v: 012',
  'v: 0o17',
  'v: 0x1F',
  'v: +12',
  'v: 1e3',
  'v: .5',
  'v: 1_000',
  'v: .inf',
  'v: .nan',
  'date: 2024-03-01',
  'date: 2024-03-01T10:00:00Z',
  'b: no',
  'b: yes',
  'b: on',
  'b: True',
  'b: FALSE',
  'n: ~',
  'n: null',
  'n:',
  'k: 主动',
  'k: 《条例》(国令第711号)',
  'k: "信息形成\\n之日起"',
  'k: |\n  两行\n  文字\n',
  'k: >\n  折叠\n  文字\n',
  '<<: {a: 1}',
  'a: &x [1, 2]\nb: *x',
  'k: [a, b, ]',
  '? complex\n: value',
  '"quoted key": 1',
];

describe('the fast and the positional parser', () => {
  it.each(SCALARS)('read %j the same way', (text) => {
    const r = both(text);
    expect(r.fastOk).toBe(true);
    expect(r.positionedOk).toBe(true);
    expect(r.fast).toEqual(r.positioned);
  });

  it.each([
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a tab in indentation', 'a:\n\t- b\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['an unclosed flow list', 'a: [1, 2\nb: 3\n'],
    ['an unclosed quote', 'a: "x\n'],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n'],
  ])('both reject %s', (_, text) => {
    const r = both(text);
    expect(r.fastOk).toBe(false);
    expect(r.positionedOk).toBe(false);
  });

  it('agree on every shipped catalog', () => {
    const dir = join(import.meta.dirname, '../../catalogs');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const f of files) {
      const r = both(readFileSync(join(dir, f), 'utf8'));
      expect(r.fastOk, f).toBe(true);
      expect(r.fast, f).toEqual(r.positioned);
    }
  });
});
