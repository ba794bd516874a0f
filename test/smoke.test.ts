import { describe, expect, it } from 'vitest';
import { catalog, check, validItem } from './_helpers/check.js';

describe('helpers', () => {
  it('the minimal catalog is clean', () => {
    expect(check(catalog(validItem()))).toEqual([]);
  });
});
