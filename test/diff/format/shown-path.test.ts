import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shownPath } from '../../../src/diff/format/shown-path.js';

describe('a file as the change report names it', () => {
  const cwd = join('/', 'work', 'catalogs');
  it('keeps a path as the user gave it', () => {
    expect(shownPath('v2/yiwu-jiaoyu.yaml', cwd)).toBe('v2/yiwu-jiaoyu.yaml');
    expect(shownPath('HEAD~1:catalogs/a.yaml', cwd)).toBe('HEAD~1:catalogs/a.yaml');
  });
  it('shortens an absolute path inside the working directory, and leaves one outside it alone', () => {
    expect(shownPath(join(cwd, 'v2', 'a.yaml'), cwd)).toBe('v2/a.yaml');
    expect(shownPath(join('/', 'elsewhere', 'a.yaml'), cwd)).toBe(join('/', 'elsewhere', 'a.yaml'));
    expect(shownPath(join('/', 'work', 'catalogs-old', 'a.yaml'), cwd)).toBe(
      join('/', 'work', 'catalogs-old', 'a.yaml'),
    );
  });
});
