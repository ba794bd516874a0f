import { describe, expect, it } from 'vitest';
import { isWhiteSpace, sameAsAbove } from '../../src/lint/chars.js';
import { isSameAsAbove } from '../../src/util/text.js';

describe('character tests of the rules', () => {
  it('take as white space exactly what \\s does, over the whole Basic Multilingual Plane', () => {
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++)
      if (isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code))) differ.push(code);
    expect(differ).toEqual([]);
  });

  it.each(['同上', ' 同上 ', '同 上', '\u3000同上\n', '同上。', '上同', '', ' ', '同', 'x同上', '同上x'])(
    'find “同上” in %j as isSameAsAbove does',
    (text) => {
      expect(sameAsAbove(text)).toBe(isSameAsAbove(text));
    },
  );
});
