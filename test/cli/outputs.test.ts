import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveOutputs, type OutputSpec } from '../../src/cli/outputs.js';
import { UsageError } from '../../src/errors.js';
import { catalog, validItem } from '../_helpers/check.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseJsonReport, readJsonReport } from '../_helpers/json.js';

const f = (format: NonNullable<OutputSpec['format']>): OutputSpec => ({ format });
const o = (output: string): OutputSpec => ({ output });

describe('resolveOutputs: each report has one format and one place', () => {
  it('pairs a lone -f and -o in either order', () => {
    expect(resolveOutputs([o('r.json'), f('json')], 'stylish', 'zh')).toEqual([{ format: 'json', output: 'r.json' }]);
    expect(resolveOutputs([{ format: 'json', output: 'r.json' }], 'stylish', 'zh')).toEqual([
      { format: 'json', output: 'r.json' },
    ]);
  });

  it('keeps -o alone (the default format) and pairs written after their -f', () => {
    expect(resolveOutputs([o('r.txt')], 'stylish', 'zh')).toEqual([{ format: 'stylish', output: 'r.txt' }]);
    expect(resolveOutputs([f('github'), { format: 'sarif', output: 'z.sarif' }], 'stylish', 'zh')).toEqual([
      { format: 'github' },
      { format: 'sarif', output: 'z.sarif' },
    ]);
  });

  it('refuses an -o with no format of its own, two reports on standard output and two to one file', () => {
    expect(() => resolveOutputs([o('a.json'), f('json'), f('sarif')], 'stylish', 'en')).toThrow(
      /-o a\.json has no -f before it/,
    );
    expect(() => resolveOutputs([f('json'), f('sarif')], 'stylish', 'en')).toThrow(UsageError);
    expect(() => resolveOutputs([f('json'), f('sarif')], 'stylish', 'zh')).toThrow(/json、sarif 都会输出到屏幕/);
    expect(() => resolveOutputs([f('json'), { format: 'sarif', output: '-' }], 'stylish', 'en')).toThrow(
      /standard output/,
    );
    expect(() =>
      resolveOutputs(
        [
          { format: 'json', output: 'x' },
          { format: 'sarif', output: './x' },
        ],
        'stylish',
        'en',
      ),
    ).toThrow(/more than once/);
  });
});

describe('validate -f and -o (built CLI)', () => {
  let t: { dir: string; cleanup: () => void };
  beforeAll(() => {
    t = tempDir({ 'a.yaml': catalog(validItem().replace('[政府网站]', '[政府网站, 一微一端]')) });
  });
  afterAll(() => t.cleanup());

  it('-o before -f writes that format to the file, nothing to standard output', () => {
    const r = zwgk(['validate', 'a.yaml', '-o', 'r.json', '-f', 'json'], t.dir);
    expect(r.status).toBe(0);
    expect(readJsonReport(join(t.dir, 'r.json')).summary.warnings).toBe(1);
    expect(r.stdout).toBe('');
  });

  it('two formats to standard output are a usage error, and nothing is printed', () => {
    const r = zwgk(['validate', 'a.yaml', '-f', 'json', '-f', 'sarif'], t.dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('-o');
    const en = zwgk(['validate', 'a.yaml', '-o', 'x.json', '-f', 'json', '-f', 'sarif', '--lang', 'en'], t.dir);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('has no -f before it');
    expect(existsSync(join(t.dir, 'x.json'))).toBe(false);
  });

  it('says when the warnings alone pass --max-warnings', () => {
    const r = zwgk(['validate', 'a.yaml', '--max-warnings', '0'], t.dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('警告有 1 个，超过了 --max-warnings 0');
    const en = zwgk(['validate', 'a.yaml', '--max-warnings', '0', '-f', 'json', '--lang', 'en'], t.dir);
    expect(parseJsonReport(en.stdout).summary.warnings).toBe(1);
    expect(en.stderr).toContain('1 warnings, more than --max-warnings 0 allows');
    expect(zwgk(['validate', 'a.yaml', '--max-warnings', '1'], t.dir).stderr).toBe('');
  });
});
