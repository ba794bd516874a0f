import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
/** What each run printed, kept byte for byte (colour codes included) when the output was first recorded. */
const EXPECTED = join(ROOT, 'test/fixtures/colour');

/** Findings of every kind: warnings and errors with code frames, a table's cell, a file with no place. */
const FINDINGS = [
  'test/fix/fixtures/imported.yaml',
  'test/fixtures/bad/duplicate-key.yaml',
  'test/fixtures/bad/header-only.csv',
  'test/fixtures/bad/no-table.html',
];
const DIFF = ['diff', 'catalogs/yiwu-jiaoyu.yaml', 'test/golden/diff/in/v2/yiwu-jiaoyu.yaml'];

/** The runs whose output is kept: stylish, fix --dry-run and diff text, each in colour and without. */
const RUNS: Record<string, readonly string[]> = {
  'validate-shipped': ['validate', 'catalogs'],
  'validate-findings': ['validate', ...FINDINGS],
  'validate-findings-en': ['validate', '--lang', 'en', ...FINDINGS],
  'fix-dry-run': ['fix', '--dry-run', 'test/fix/fixtures/imported.yaml'],
  'fix-dry-run-findings': ['fix', '--dry-run', ...FINDINGS],
  diff: DIFF,
  'diff-en-baseline': [...DIFF, '--lang', 'en', '--baseline'],
};

const expected = (name: string) => readFileSync(join(EXPECTED, `${name}.txt`), 'utf8');

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('coloured output', () => {
  for (const [name, args] of Object.entries(RUNS)) {
    it(`prints ${name} in colour with --color and without with --no-color, as before, byte for byte`, () => {
      const coloured = zwgk([...args, '--color'], ROOT);
      const plain = zwgk([...args, '--no-color'], ROOT, undefined, { NO_COLOR: '', FORCE_COLOR: '1' });
      expect(coloured.stdout).toBe(expected(`${name}.color`));
      expect(plain.stdout).toBe(expected(name));
      expect(coloured.stdout).toContain('\u001b[');
      expect(plain.stdout).not.toContain('\u001b');
      expect(coloured.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
    });
  }

  it('colours when FORCE_COLOR asks, not when NO_COLOR forbids, and not into a pipe by default', () => {
    const args = RUNS['validate-findings']!;
    expect(zwgk(args, ROOT, undefined, { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toBe(
      expected('validate-findings.color'),
    );
    expect(zwgk(args, ROOT, undefined, { NO_COLOR: '', FORCE_COLOR: '0' }).stdout).toBe(expected('validate-findings'));
    expect(zwgk(args, ROOT, undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).toBe(expected('validate-findings'));
    expect(zwgk(args, ROOT, undefined, { NO_COLOR: '' }).stdout).toBe(expected('validate-findings'));
    expect(zwgk([...DIFF], ROOT, undefined, { NO_COLOR: '', FORCE_COLOR: '3' }).stdout).toBe(expected('diff.color'));
  });

  it('writes no colour into a file named with -o, even when FORCE_COLOR asks for it', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const report = join(t.dir, 'report.txt');
    zwgk(['validate', ...FINDINGS, '-o', report], ROOT, undefined, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(readFileSync(report, 'utf8')).toBe(expected('validate-findings'));
    const diff = join(t.dir, 'diff.txt');
    zwgk([...DIFF, '-o', diff], ROOT, undefined, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(readFileSync(diff, 'utf8')).toBe(expected('diff'));
  });
});
