import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/util/memoize.js';
import { detachedCopy } from '../../src/util/text.js';

describe('memoize', () => {
  it('computes each text once and gives back what the function gave, for any text', () => {
    const seen: string[] = [];
    const length = memoize((text: string) => {
      seen.push(text);
      return Array.from(text).length;
    });
    const texts = ['信息形成或者变更之日起20个工作日内', 'a', '', '\ud800 lone surrogate', '😀'];
    for (let round = 0; round < 3; round++) for (const t of texts) expect(length(t)).toBe(Array.from(t).length);
    expect(seen).toEqual(texts);
  });

  it('starts afresh when full', () => {
    let calls = 0;
    const id = memoize((text: string) => (calls++, text), 2);
    for (const t of ['a', 'b', 'c', 'a']) id(t);
    expect(calls).toBe(4);
  });
});

describe('detachedCopy', () => {
  it('is the same text, character for character', () => {
    const file = `name: ${'政务公开'.repeat(50)}\ud800\n`;
    for (const text of [file.slice(6, 206), file.slice(6), '', 'a', '\udc00']) expect(detachedCopy(text)).toBe(text);
  });
});
