import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/validate/expand-inputs.js';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { tempDir } from '../_helpers/cli.js';

const CATALOG = readFileSync(join(import.meta.dirname, '../../catalogs/huji-guanli.yaml'), 'utf8');

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('expandInputs over linked folders and files', () => {
  it('checks a file reached through a linked folder once, under the name that passes through no link', async () => {
    const made = tempDir({ 'real/a.yaml': CATALOG });
    cleanup = made.cleanup;
    symlinkSync('real', join(made.dir, 'linked'));
    symlinkSync('..', join(made.dir, 'real', 'up'));
    const expanded = await expandInputs(['.', 'linked/a.yaml'], { cwd: made.dir, lang: 'en' });
    expect(expanded.files).toEqual(['real/a.yaml']);
    const report = await validateFiles(expanded.files, resolveValidateOptions({ lang: 'en' }), made.dir);
    expect(report.diagnostics.filter((d) => d.code === 'code-unique')).toEqual([]);
  });

  it('names links that go round in a loop for reading to refuse, instead of calling them missing', async () => {
    const made = tempDir();
    cleanup = made.cleanup;
    symlinkSync('b.yaml', join(made.dir, 'a.yaml'));
    symlinkSync('a.yaml', join(made.dir, 'b.yaml'));
    const expanded = await expandInputs(['a.yaml'], { cwd: made.dir, lang: 'en' });
    expect(expanded).toEqual({ files: ['a.yaml'], missing: [] });
    const report = await validateFiles(expanded.files, resolveValidateOptions({ lang: 'en' }), made.dir);
    expect(report.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['file/unreadable', 'The symbolic links go round in a loop and reach no file.'],
    ]);
    expect(report.fatal).toBe(true);
  });
});
