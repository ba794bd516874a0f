import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/load/parse-fast.js';
import { locate } from '../../src/load/locate.js';
import { parseWithPositions } from '../../src/load/parse-positions.js';

const CATALOGS = join(import.meta.dirname, '../../catalogs');

/** Every item of a catalog's data with its path. */
function* items(
  list: unknown,
  path: (string | number)[],
): Generator<{ item: Record<string, unknown>; path: (string | number)[] }> {
  if (!Array.isArray(list)) return;
  for (const [i, item] of list.entries()) {
    yield { item: item as Record<string, unknown>, path: [...path, i] };
    yield* items((item as { items?: unknown }).items, [...path, i, 'items']);
  }
}

/** Each item's line as the positional parser places its first key. */
function expectLinesAgree(text: string): number {
  const fast = parseFast(text, true);
  if (!fast.ok) throw new Error('not YAML');
  const doc = parseWithPositions(text);
  let checked = 0;
  for (const { item, path } of items((fast.data as { items: unknown }).items, ['items'])) {
    const first = Object.keys(item)[0]!;
    expect(fast.lines!.get(item), path.join('/')).toBe(locate(doc, [...path, first]).start.line);
    checked++;
  }
  return checked;
}

describe('lines recorded by the fast parse', () => {
  it('match the positional parser for every item of the shipped catalogs', () => {
    let checked = 0;
    for (const f of readdirSync(CATALOGS).filter((f) => f.endsWith('.yaml')))
      checked += expectLinesAgree(readFileSync(join(CATALOGS, f), 'utf8'));
    expect(checked).toBeGreaterThan(150);
  });

  it('match for flow mappings, comments, blank lines, block scalars and a code before the name', () => {
    const text = [
      'domain: 义务教育',
      'unit: 青禾区教育局',
      'items:',
      '  # 第一组',
      '',
      '  - name: 政策文件',
      '    content: |',
      '      第一行',
      '      第二行',
      '    items:',
      '      - {name: 法律法规, content: a}',
      '      -',
      '        code: "0102"',
      '        name: 规章',
      '  - name: >-',
      '      招生',
      '      入学',
      '    items: [{name: 招生政策}, {name: 录取结果}]',
      '',
    ].join('\n');
    expect(expectLinesAgree(text)).toBe(6);
  });

  it('are not recorded unless asked for', () => {
    const fast = parseFast('items: [{name: a}]\n');
    expect(fast.ok && fast.lines).toBeUndefined();
  });
});
