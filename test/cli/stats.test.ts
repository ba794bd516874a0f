import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { StatsReport } from '../../src/stats/types.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { loadWorkbook } from '../_helpers/excel.js';
import { sampleCsv } from '../_helpers/real-tables/csv.js';
import { sampleHtml } from '../_helpers/real-tables/html.js';
import { loadCatalogSample, loadCatalogSamples } from '../_helpers/real-tables/samples.js';

const ROOT = join(import.meta.dirname, '../..');
const CATALOG = readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8');

/** A temporary copy of the shipped catalogs (and their forms, which stats leaves out). */
function shipped() {
  const t = tempDir();
  cpSync(join(ROOT, 'catalogs'), join(t.dir, 'catalogs'), { recursive: true });
  return t;
}

const parse = (stdout: string) => JSON.parse(stdout) as StatsReport;

describe('zwgk stats (built CLI)', () => {
  it('counts the shipped catalogs in each format, leaving the application forms out', () => {
    const t = shipped();
    try {
      const text = zwgk(['stats', 'catalogs'], t.dir);
      expect(text.status, text.stderr).toBe(0);
      expect(text.stderr).toBe('');
      expect(text.stdout).toContain('共7个领域、42个一级事项、128个二级事项\n');
      const json = zwgk(['stats', 'catalogs', '-f', 'json'], t.dir);
      const report = parse(json.stdout);
      expect(report.catalogs.map((c) => c.file).every((f) => f.startsWith('catalogs/') && !f.includes('forms'))).toBe(
        true,
      );
      expect(report.total).toMatchObject({ catalogs: 7, counts: { level1: 42, level2: 128 } });
      const schema = JSON.parse(zwgk(['schema', 'stats-report'], t.dir).stdout) as object;
      const validate = new Ajv2020({ strict: true }).compile(schema);
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);

      const md = zwgk(['stats', 'catalogs', '-f', 'markdown', '-o', 'stats.md', '--lang', 'en'], t.dir);
      expect(md.status, md.stderr).toBe(0);
      expect(md.stdout).toBe('');
      const written = readFileSync(join(t.dir, 'stats.md'), 'utf8');
      expect(written).toContain('7 domains, 42 first-level items, 128 second-level items');
      expect(written).toContain('| **Total** | **7** | **42** | **128** |');
    } finally {
      t.cleanup();
    }
  });

  it('counts what a catalog with errors holds, and says so; an unreadable file makes it exit 2', () => {
    const t = tempDir({
      'a.yaml': CATALOG,
      'b.yaml': CATALOG.replace('unit: 青禾区教育局', 'unit: 青禾区教育局\nno_such_key: 1'),
      'broken.yaml': 'domain: [unclosed\n',
    });
    try {
      const clean = zwgk(['stats', 'a.yaml', 'b.yaml', '-f', 'json'], t.dir);
      expect(clean.status, clean.stderr).toBe(0);
      expect(clean.stderr).toContain('1 个文件有错误，按能读出的内容统计');
      expect(parse(clean.stdout).total.counts).toMatchObject({ level1: 14, level2: 46 });

      const broken = zwgk(['stats', '.', '--lang', 'en'], t.dir);
      expect(broken.status).toBe(2);
      // Named with the line and column of what stops it, and what to do.
      expect(broken.stderr).toMatch(
        /^zwgk: Cannot count broken\.yaml:\d+:\d+: A \[ is not closed.+Keys at one level must line up/m,
      );
      // The readable catalogs are counted all the same.
      expect(broken.stdout).toContain('1 domain, 14 first-level items, 46 second-level items');

      const missing = zwgk(['stats', 'nothing-here.yaml'], t.dir);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('nothing-here.yaml');
    } finally {
      t.cleanup();
    }
  });

  it('counts standard input (-), under the name --stdin-filename gives, beside files; but not against a baseline', () => {
    const t = tempDir({ 'a.yaml': CATALOG });
    try {
      const alone = zwgk(['stats', '-', '-f', 'json'], t.dir, CATALOG);
      expect(alone.status, alone.stderr).toBe(0);
      const report = parse(alone.stdout);
      expect(report.catalogs.map((c) => c.file)).toEqual(['<stdin>']);
      expect(report.total.counts).toMatchObject({ level1: 7, level2: 23 });

      const named = zwgk(['stats', 'a.yaml', '-', '--stdin-filename', 'piped.yaml', '-f', 'json'], t.dir, CATALOG);
      expect(named.status, named.stderr).toBe(0);
      expect(parse(named.stdout).catalogs.map((c) => c.file)).toEqual(['a.yaml', 'piped.yaml']);
      expect(parse(named.stdout).total.counts).toMatchObject({ level1: 14, level2: 46 });

      const broken = zwgk(['stats', '-'], t.dir, 'domain: [unclosed\n');
      expect(broken.status).toBe(2);
      expect(broken.stderr).toMatch(/^zwgk: 无法统计 <stdin>:2:1：/m);

      const against = zwgk(['stats', '-', '--against', 'a.yaml'], t.dir, CATALOG);
      expect(against.status).toBe(2);
      expect(against.stderr).toContain('--against 不能用于标准输入（-）');
      expect(against.stdout).toBe('');
    } finally {
      t.cleanup();
    }
  });

  it('counts the real tables as pages and CSV files, as their imported YAML counts', () => {
    const samples = loadCatalogSamples();
    const meixian = loadCatalogSample('meixian-gonggongfalvfuwu');
    const t = tempDir({
      ...Object.fromEntries(samples.map((s) => [`pages/${s.id}.html`, sampleHtml(s)])),
      'csv/梅县.csv': sampleCsv(meixian, 'gb18030'),
    });
    try {
      const pages = zwgk(['stats', 'pages', '-f', 'json'], t.dir);
      expect(pages.status, pages.stderr).toBe(0);
      const report = parse(pages.stdout);
      expect(new Set(report.catalogs.map((c) => c.file)).size).toBe(samples.length);
      expect(report.catalogs.every((c) => c.counts.rows > 0 && c.counts.level1 > 0)).toBe(true);

      const one = (file: string) => {
        const r = zwgk(['stats', file, '-f', 'json'], t.dir);
        expect(r.status, r.stderr).toBe(0);
        return parse(r.stdout).total.counts;
      };
      const imported = zwgk(['import', 'csv/梅县.csv', '-o', 'yaml'], t.dir);
      expect(imported.status, imported.stderr).toBe(0);
      const page = one('pages/meixian-gonggongfalvfuwu.html');
      // The CSV file and the imported YAML leave out a 公开层级 column the page heads with no name and no
      // row ticks (层级3); every other number is the same.
      const ticked = (counts: typeof page) => ({ ...counts, levels: counts.levels.filter((l) => l.count > 0) });
      expect(ticked(one('csv/梅县.csv'))).toEqual(ticked(page));
      expect(ticked(one('yaml'))).toEqual(ticked(page));
      expect(page.levels.map((l) => l.name)).toContain('层级3');
      expect(page.rows).toBe(meixian.rows.length);
    } finally {
      t.cleanup();
    }
  });

  it('compares with a folder and with a git revision, worded as offices word it', () => {
    const t = shipped();
    try {
      cpSync(join(t.dir, 'catalogs'), join(t.dir, 'old'), { recursive: true });
      const file = join(t.dir, 'catalogs/yiwu-jiaoyu.yaml');
      // One 二级事项 added under 政策文件.
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          '      - name: 招生入学政策\n',
          '      - name: 课后托管服务\n        content: 托管时间、收费标准\n      - name: 招生入学政策\n',
        ),
      );
      const folder = zwgk(['stats', 'catalogs', '--against', 'old', '-f', 'json'], t.dir);
      expect(folder.status, folder.stderr).toBe(0);
      const against = parse(folder.stdout).against!;
      expect(against.baseline).toBe('old');
      expect(against.total).toEqual({
        name: '',
        before: { level1: 42, level2: 128 },
        after: { level1: 42, level2: 129 },
        added: { level1: 0, level2: 1 },
        removed: { level1: 0, level2: 0 },
      });
      expect(against.domains.find((d) => d.name === '义务教育')!.added).toEqual({ level1: 0, level2: 1 });
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/stats-report.schema.json'), 'utf8')) as object;
      const ajv = new Ajv2020({ strict: true, allErrors: true });
      expect(ajv.validate(schema, parse(folder.stdout)), ajv.errorsText()).toBe(true);

      // The same against the last commit: the working tree has the added item.
      for (const args of [
        ['init', '-q'],
        ['add', 'catalogs'],
        ['-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'v1'],
      ])
        execFileSync('git', args, { cwd: t.dir });
      writeFileSync(
        join(t.dir, 'catalogs/yiwu-jiaoyu.yaml'),
        readFileSync(file, 'utf8').replace('      - name: 课后托管服务\n        content: 托管时间、收费标准\n', ''),
      );
      const text = zwgk(['stats', 'catalogs', '--against', 'HEAD'], t.dir);
      expect(text.status, text.stderr).toBe(0);
      expect(text.stdout).toContain('与 HEAD 相比：');
      expect(text.stdout).toContain('新增0个一级事项、0个二级事项，删除0个一级事项、1个二级事项\n');
      const markdown = zwgk(['stats', 'catalogs', '--against', 'HEAD', '-f', 'markdown', '--lang', 'en'], t.dir);
      expect(markdown.stdout).toContain('| **Total** | **42 → 42** | **129 → 128** | **0** | **0** | **0** | **1** |');

      const wrong = zwgk(['stats', 'catalogs', '--against', 'no-such-rev'], t.dir);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('“no-such-rev”既不是文件或目录，也不是 git 版本');
      expect(wrong.stdout).toBe('');
    } finally {
      t.cleanup();
    }
  });

  it('writes a page and a workbook, and a workbook only to a file named with -o', async () => {
    const t = shipped();
    try {
      const page = zwgk(['stats', 'catalogs', '-f', 'html', '-o', 'stats.html'], t.dir);
      expect(page.status, page.stderr).toBe(0);
      const html = readFileSync(join(t.dir, 'stats.html'), 'utf8');
      expect(html).toContain('<p class="total">共7个领域、42个一级事项、128个二级事项</p>');
      expect(html.match(/<svg /g)).toHaveLength(3);
      const book = zwgk(['stats', 'catalogs', '-f', 'xlsx', '-o', 'stats.xlsx', '--lang', 'en'], t.dir);
      expect(book.status, book.stderr).toBe(0);
      const sheet = (await loadWorkbook(readFileSync(join(t.dir, 'stats.xlsx')))).worksheets[0]!;
      expect(sheet.getCell(2, 1).value).toBe('7 domains, 42 first-level items, 128 second-level items');
      for (const args of [[], ['-o', '-']]) {
        const refused = zwgk(['stats', 'catalogs', '-f', 'xlsx', ...args], t.dir);
        expect(refused.status).toBe(2);
        expect(refused.stdout).toBe('');
        expect(refused.stderr).toContain('-f xlsx 是文件，不能输出到屏幕：用 -o 给出文件名');
      }
    } finally {
      t.cleanup();
    }
  });
});
