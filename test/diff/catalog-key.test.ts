import { describe, expect, it } from 'vitest';
import { keyOfText } from '../../src/diff/catalog-key.js';

describe('keyOfText: a pasted domain or unit pairs with its clean spelling', () => {
  it.each([false, true])('whole: %s', (whole) => {
    expect(keyOfText('domain: "义务\u200b教育"\nunit: "青禾区\ufeff教育局"\nitems: []\n', whole)).toEqual({
      domain: '义务教育',
      unit: '青禾区教育局',
    });
  });
});
