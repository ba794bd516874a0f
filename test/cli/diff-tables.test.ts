import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { DiffReport, LocatedChange } from '../../src/diff/report.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { renderXlsx } from '../_helpers/excel.js';
import { inputFromYaml } from '../_helpers/tables.js';
import { renderHtml } from '../../src/render/html.js';

const OLD = readFileSync(join(import.meta.dirname, '../../catalogs/yiwu-jiaoyu.yaml'), 'utf8');
/** A year later: an item renamed, a time limit shortened for a whole group. */
const NEW = OLD.replace('招生入学政策', '招生政策文件').replace('每年招生报名工作开始前公开', '每年报名前公开');

async function html(yaml: string): Promise<string> {
  const files = await renderHtml([inputFromYaml(yaml, 'b.yaml')], { channels: 'checklist', layout: 'single' });
  return String(files[0]!.content);
}

/** What changed, where it is left out: the same for tables as for YAML. */
const what = (report: DiffReport) =>
  report.pairs.flatMap((p) =>
    p.changes.map(
      (c: LocatedChange) => `${c.kind} ${'after' in c ? c.after.names.join('›') : c.before.names.join('›')}`,
    ),
  );

describe('zwgk diff on tables (built CLI)', () => {
  it('compares a workbook with a web page as their YAML compare, each change placed on its cells', async () => {
    const t = tempDir({
      'a.yaml': OLD,
      'b.yaml': NEW,
      '2023目录.xlsx': await renderXlsx([inputFromYaml(OLD, 'a.yaml')]),
      '2024目录.html': await html(NEW),
    });
    try {
      const run = (a: string, b: string) => {
        const r = zwgk(['diff', a, b, '-f', 'json'], t.dir);
        expect(r.status, r.stderr).toBe(0);
        return JSON.parse(r.stdout) as DiffReport;
      };
      const yaml = run('a.yaml', 'b.yaml');
      const tables = run('2023目录.xlsx', '2024目录.html');
      expect(what(tables)).toEqual(what(yaml));
      expect(tables.totals).toEqual(yaml.totals);
      expect(what(tables).length).toBeGreaterThan(1);
      for (const c of tables.pairs.flatMap((p) => p.changes)) {
        expect(c.beforeLine).toBeUndefined();
        expect(c.beforeCell).toMatch(/^义务教育!C\d+$/);
        expect(c.afterCell).toMatch(/^表格 1 第 \d+ 行 第 3 列$/);
      }
      const schema = JSON.parse(zwgk(['schema', 'diff-report'], t.dir).stdout) as object;
      const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
      expect(validate(tables), JSON.stringify(validate.errors)).toBe(true);

      const text = zwgk(['diff', 'a.yaml', '2024目录.html'], t.dir).stdout;
      expect(text).toMatch(/a\.yaml:\d+ → 2024目录\.html 表格 1 第 \d+ 行 第 3 列/);
    } finally {
      t.cleanup();
    }
  });

  it('stops at a table with errors, naming its cells', async () => {
    const broken = OLD.replace('\n  method: 主动\n', '\n');
    const t = tempDir({ 'a.yaml': OLD, 'b.html': await html(broken) });
    try {
      const r = zwgk(['diff', 'a.yaml', 'b.html'], t.dir);
      expect(broken).not.toBe(OLD);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/b\.html\s+表格 1 第 \d+ 行 第 \d+ 列 +错误/);
    } finally {
      t.cleanup();
    }
  });
});
