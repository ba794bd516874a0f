import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveValidateOptions } from '../../src/validate/options.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { readJsonReport } from '../_helpers/json.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

/** A catalog of `n` 一级事项, each holding one 二级事项 with a name only: eight findings each (four errors, four warnings). */
function bareItems(n: number): string {
  const lines = ['domain: 义务教育', 'unit: 青禾区教育局', 'level_columns: [县级, 乡级]', 'items:'];
  for (let i = 0; i < n; i++) lines.push(`  - name: 政策${i}`, '    items:', `      - name: 子${i}`);
  return `${lines.join('\n')}\n`;
}

/** A catalog whose `n` 二级事项 share one code: n − 1 findings of code-unique. */
function repeatedCodes(n: number): string {
  const head =
    'domain: 义务教育\nunit: 青禾区教育局\nlevel_columns: [县级, 乡级]\nitems:\n  - name: 政策\n    code: A\n    content: 政策文件\n' +
    '    basis: 《中华人民共和国政府信息公开条例》(国务院令第711号)\n    time_limit: 信息形成或者变更之日起20个工作日内\n    subject: 青禾区教育局\n' +
    '    channels: [政府网站]\n    audience: 全社会\n    method: 主动\n    levels: [县级]\n    items:\n';
  return head + Array.from({ length: n }, (_, i) => `      - {name: 子${i}, code: A1}\n`).join('');
}

describe('validateFiles: a file with about 160,000 findings, and findings across items', () => {
  it('reports every one of them, through the library and the built CLI (json and stylish)', async () => {
    const t = tempDir({ 'a.yaml': bareItems(20_000), 'b.yaml': repeatedCodes(10_001) });
    cleanup = t.cleanup;
    const report = await validateFiles(['a.yaml', 'b.yaml'], resolveValidateOptions({}), t.dir);
    expect([report.errorCount, report.warningCount]).toEqual([90_000, 80_000]);
    expect(report.diagnostics.filter((d) => d.code === 'code-unique')).toHaveLength(10_000);

    const json = zwgk(
      ['validate', 'a.yaml', 'b.yaml', '-f', 'json', '-o', 'r.json', '-f', 'stylish', '-o', 'r.txt'],
      t.dir,
    );
    expect(json.stderr).toBe('');
    expect(json.status).toBe(1);
    expect(readJsonReport(join(t.dir, 'r.json')).summary).toEqual({
      files: 2,
      errors: 90_000,
      warnings: 80_000,
      fatal: false,
    });
    expect(readFileSync(join(t.dir, 'r.txt'), 'utf8')).toContain(
      '共 170000 个问题（90000 个错误，80000 个警告），检查了 2 个文件。',
    );
  }, 60_000);
});

describe('finishReport: many files with suppression comments, and many findings', () => {
  it("lets each file's comments hide that file's findings only, in one pass over the findings", async () => {
    const commented =
      'domain: 义务教育\nunit: 青禾区教育局\nlevel_columns: [县级, 乡级]\nitems:\n  # zwgk-disable-next-line content-required -- 待补充\n  - name: 政策\n    items:\n      - name: 子\n';
    const files: Record<string, string> = { 'big.yaml': bareItems(20_000) };
    for (let i = 0; i < 1500; i++) files[`c${String(i).padStart(4, '0')}.yaml`] = commented;
    const t = tempDir(files);
    cleanup = t.cleanup;
    const report = await validateFiles(Object.keys(files).sort(), resolveValidateOptions({}), t.dir);
    // 8 findings per bare item; in a commented file the comment hides content-required, 7 are left.
    expect([report.errorCount, report.warningCount]).toEqual([80_000 + 3 * 1500, 80_000 + 4 * 1500]);
    const hidden = report.diagnostics.filter((d) => d.code === 'content-required');
    expect(hidden).toHaveLength(20_000);
    expect(hidden.every((d) => d.file === 'big.yaml')).toBe(true);
    expect(report.diagnostics.some((d) => d.code.startsWith('suppression/'))).toBe(false);
    // Only files with findings keep their text for code frames.
    expect(report.sources.size).toBe(1501);
  }, 60_000);
});
