import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseJsonReport } from '../_helpers/json.js';

const ROOT = join(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');

describe('a repository with catalogs and application forms', () => {
  it('checks the shipped catalogs and forms clean, each by its own schema', () => {
    const r = zwgk(['validate', 'catalogs', '-f', 'json'], ROOT);
    expect(r.status).toBe(0);
    const report = parseJsonReport(r.stdout);
    expect(report.summary).toMatchObject({ files: 9, errors: 0, warnings: 0 });
  });

  it('reports each kind’s own findings at their lines, and renders and compares only the catalogs', () => {
    const form = read('catalogs/forms/zhutiri-jiaoyu-2024.yaml').replace('month: 6', 'month: 2');
    const catalog = read('catalogs/yiwu-jiaoyu.yaml');
    const t = tempDir({
      'repo/forms/a.yaml': form,
      'repo/yiwu.yaml': catalog.replace('  method: 主动\n', '  method: 主动公开\n'),
    });
    try {
      const r = zwgk(['validate', 'repo', '-f', 'json'], t.dir);
      expect(r.status).toBe(1);
      const found = parseJsonReport(r.stdout).diagnostics.map(
        (d) => `${d.file}:${d.range?.start.line ?? 'no range'}:${d.code}`,
      );
      expect(found).toEqual([
        `repo/forms/a.yaml:${form.split('\n').indexOf('    month: 2') + 1}:form-month-window`,
        `repo/yiwu.yaml:${catalog.split('\n').indexOf('  method: 主动') + 1}:schema/enum`,
      ]);
      // Render and diff skip the form: with the catalog fixed, both work on the folder.
      const fixed = tempDir({
        'repo/forms/a.yaml': read('catalogs/forms/zhutiri-jiaoyu-2024.yaml'),
        'repo/yiwu.yaml': catalog,
      });
      try {
        const render = zwgk(['render', 'repo', '-f', 'xlsx', '-o', 'out.xlsx'], fixed.dir);
        expect(render.status, render.stderr).toBe(0);
        expect(render.stdout + render.stderr).toContain('1 个目录');
        expect(zwgk(['diff', 'repo', 'repo'], fixed.dir).status).toBe(0);
      } finally {
        fixed.cleanup();
      }
    } finally {
      t.cleanup();
    }
  });
});
