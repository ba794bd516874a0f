import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/load/parse-fast.js';
import { catalog, check, codes, validItem } from '../_helpers/check.js';

const named = (name: string) => catalog(validItem().replace('  - name: 政策文件\n', `  - name: "${name}"\n`));

describe('half a surrogate pair, written as an escape', () => {
  it('is a located finding instead of text that renders as U+FFFD', () => {
    for (const escape of ['\\uD800', '\\uDE00', '\\U0000D83D', '\\ud83d x']) {
      const found = check(named(`政策${escape}文件`));
      expect(codes(found)).toEqual(['yaml/syntax']);
      expect(found[0]!.message).toContain('�');
      expect(found[0]!.range!.start).toEqual({ line: 5, column: 11 });
    }
    expect(codes(check(catalog(validItem()).replace('items:\n', '"\\uD800": x\nitems:\n')))).toEqual(['yaml/syntax']);
  });

  it('a whole pair, or an escape of an ordinary character, reads as the character', () => {
    expect(check(named('政策\\uD83D\\uDE00文件'))).toEqual([]);
    expect(check(named('政策\\U0001F600文件'))).toEqual([]);
    const fast = parseFast(named('政策\\u6587件'));
    expect(fast.ok && JSON.stringify(fast.data)).toContain('政策文件');
  });
});
