import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromPointer, toPointer } from '../src/diagnostics.js';
import { runs } from './_helpers/fc-options.js';

describe('JSON Pointers of data paths', () => {
  it('read back the path they were made from: list indices as numbers, keys as text', () => {
    const key = fc
      .string({ unit: fc.constantFrom('a', '/', '~', '0', '1', '义', '') })
      .filter((k) => !/^(0|[1-9]\d*)$/.test(k));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(100_000), key), { maxLength: 6 }), (path) => {
        expect(fromPointer(toPointer(path))).toEqual(path);
      }),
      runs(500),
    );
  });

  it('take only digits without a leading zero as an index, and undo ~1 and ~0 in that order', () => {
    expect(fromPointer('')).toEqual([]);
    expect(fromPointer('/items/0/items/12/name')).toEqual(['items', 0, 'items', 12, 'name']);
    expect(fromPointer('/012/1a/-1/ /')).toEqual(['012', '1a', '-1', ' ', '']);
    expect(fromPointer('/a~1b/~01/~10')).toEqual(['a/b', '~1', '/0']);
  });
});
