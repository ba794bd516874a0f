import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { mutated, OLD } from '../_helpers/diff-scenario.js';
import { overlappingValidations, validationRangeCount } from '../_helpers/validation-ranges.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLE_FORM = join(ROOT, 'catalogs/forms/zhutiri-jiaoyu-2024.yaml');
const EXAMPLE_OPEN_DAY = join(ROOT, 'catalogs/forms/kaifangyue-wenlv-2025.yaml');
const { dir, cleanup } = tempDir({ 'old/a.yaml': OLD, 'new/a.yaml': mutated() });
afterAll(cleanup);

/** Every command that writes a workbook, and the file it writes. */
const WRITERS: { name: string; args: string[]; out: string; validated: boolean }[] = [
  {
    name: 'form new theme-day',
    args: ['form', 'new', 'theme-day', '--year', '2024', '-o', 'td.xlsx'],
    out: 'td.xlsx',
    validated: true,
  },
  {
    name: 'form new open-day',
    args: ['form', 'new', 'open-day', '--year', '2025', '-o', 'od.xlsx'],
    out: 'od.xlsx',
    validated: true,
  },
  {
    name: 'form render',
    args: ['form', 'render', EXAMPLE_FORM, '-f', 'xlsx', '-o', 'fr.xlsx'],
    out: 'fr.xlsx',
    validated: true,
  },
  { name: 'form plan', args: ['form', 'plan', EXAMPLE_FORM, '-o', 'plan.xlsx'], out: 'plan.xlsx', validated: false },
  {
    name: 'form render open-day',
    args: ['form', 'render', EXAMPLE_OPEN_DAY, '-f', 'xlsx', '-o', 'fo.xlsx'],
    out: 'fo.xlsx',
    validated: true,
  },
  {
    name: 'render',
    args: ['render', join(ROOT, 'catalogs/anquan-shengchan.yaml'), '-f', 'xlsx', '-o', 'cat.xlsx'],
    out: 'cat.xlsx',
    validated: false,
  },
  {
    name: 'diff -f xlsx',
    args: ['diff', 'old', 'new', '-f', 'xlsx', '-o', 'diff.xlsx'],
    out: 'diff.xlsx',
    validated: false,
  },
  {
    name: 'validate -f xlsx',
    args: ['validate', 'old', '-f', 'xlsx', '-o', 'val.xlsx'],
    out: 'val.xlsx',
    validated: false,
  },
  { name: 'template', args: ['template', '安全生产', '-o', 'blank.xlsx'], out: 'blank.xlsx', validated: true },
];

describe('no workbook zwgk writes has overlapping data validations (Excel would offer to repair it)', () => {
  it.each(WRITERS)('$name', ({ args, out, validated }) => {
    const r = zwgk([...args, '--lang', 'zh'], dir);
    expect(r.status === 0 || r.status === 1, r.stderr).toBe(true);
    const bytes = new Uint8Array(readFileSync(join(dir, out)));
    if (validated) expect(validationRangeCount(bytes)).toBeGreaterThan(0);
    expect(overlappingValidations(bytes)).toEqual([]);
  });
});
