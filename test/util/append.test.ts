import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addTo, appendAll } from '../../src/util/append.js';

const SRC = join(import.meta.dirname, '../../src');

describe('appendAll and addTo', () => {
  it('append lists longer than a call can take as arguments', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => i);
    const target = [-1];
    expect(appendAll(target, many)).toBe(target);
    expect(target).toHaveLength(300_001);
    expect(target.at(-1)).toBe(299_999);
  });

  it('keep lists under their keys in order', () => {
    const lists = new Map<string, number[]>();
    for (const [k, v] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
    ] as const)
      addTo(lists, k, v);
    expect([...lists]).toEqual([
      ['a', [1, 3]],
      ['b', [2]],
    ]);
  });

  it('no source spreads a list into a call or copies a list to add one item', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const found: string[] = [];
    for (const f of files) {
      readFileSync(join(SRC, f), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/\.push\(\.\.\.(?!\[)|Math\.(max|min)\(\.\.\.|\.set\(([^,]+), \[\.\.\.\(/.test(line))
            found.push(`${f}:${i + 1}`);
        });
    }
    expect(found).toEqual([]);
  });
});
