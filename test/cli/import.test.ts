import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { parseImportJson } from '../_helpers/json.js';
import { samplesHtmlPage } from '../_helpers/real-tables/html.js';
import { loadCatalogSample, loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';
import { catalogRows, sheetXml, workbookParts, zipPackage } from '../_helpers/xlsx-package.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function dir(files: Record<string, string | Uint8Array>): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('zwgk import (built CLI)', () => {
  it('writes a catalog per table and reports every guess with its cell', async () => {
    const cwd = dir({ 'meixian.xlsx': await sampleXlsx(loadCatalogSample('meixian-gonggongfalvfuwu')) });
    const r = zwgk(['import', 'meixian.xlsx', '-o', 'out'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['公共法律服务.yaml']);
    expect(r.stdout).toContain('从 meixian.xlsx 导入了 1 个目录表格');
    expect(r.stdout).toMatch(/公共法律服务!E\d+ {2}说明 {2}“同上”取上一行的值/);
    expect(r.stdout).toMatch(/公共法律服务!\w+\d+ {2}请核对 {2}这一行比表头多一个单元格：按三级事项“法律知识普及服务/);
    expect(r.stdout).toContain('请核对  标题中没有找到编制单位：请在导入的文件中填写 unit。');
    const yaml = readFileSync(join(cwd, 'out/公共法律服务.yaml'), 'utf8');
    expect(yaml).toContain('注:有关公开信息可推送或归集至本省级法律服务网。');
    // The finding the table deserves is there: no unit, no ticks.
    const v = zwgk(['validate', 'out'], cwd);
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/缺少.*unit|unit/);
    expect(v.stdout).toContain('method-required');
  });

  it('finds several tables on one page, and gives the report as JSON too', () => {
    const picked = loadCatalogSamples().filter((s) =>
      ['bozhou-xinjiang-anquanshengchan', 'fengqing-yanglaofuwu', 'tonghai-jiulong-yiwujiaoyu'].includes(s.id),
    );
    const cwd = dir({ 'page.html': samplesHtmlPage(picked) });
    const r = zwgk(['import', 'page.html', '-o', 'out', '-f', 'json', '--report', 'report.txt'], cwd);
    expect(r.status, r.stderr).toBe(0);
    const report = parseImportJson(r.stdout);
    expect(report.tables.map((t) => t.domain)).toEqual(['安全生产', '养老服务', '义务教育']);
    expect(report.tables.every((t) => statSync(join(cwd, t.file)).isFile())).toBe(true);
    expect(report.tables[0]!.notes.find((n) => n.code === 'table-found')!.ref).toMatch(/^表1 第\d+行第1列$/);
    expect(readFileSync(join(cwd, 'report.txt'), 'utf8')).toContain('从 page.html 导入了 3 个目录表格');
  });

  it('never overwrites: existing targets stop the import before anything is written', async () => {
    const cwd = dir({
      'a.xlsx': await sampleXlsx(loadCatalogSample('dean-shenongzijin')),
      'out/涉农资金.yaml': 'mine\n',
    });
    const r = zwgk(['import', 'a.xlsx', '-o', 'out'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('这些文件已经存在，没有写入任何文件：out/涉农资金.yaml');
    expect(readFileSync(join(cwd, 'out/涉农资金.yaml'), 'utf8')).toBe('mine\n');
    expect(zwgk(['import', 'a.xlsx', '-o', 'out', '--force'], cwd).status).toBe(0);
    expect(readFileSync(join(cwd, 'out/涉农资金.yaml'), 'utf8')).toContain('domain: 涉农资金');
  });

  it('offers the safe fixes for an imported catalog, without touching it on --dry-run', async () => {
    const cwd = dir({ 't.xlsx': await sampleXlsx(loadCatalogSample('bozhou-xinjiang-anquanshengchan')) });
    expect(zwgk(['import', 't.xlsx', '-o', 'out'], cwd).status).toBe(0);
    const [file] = readdirSync(join(cwd, 'out'));
    const before = readFileSync(join(cwd, 'out', file!), 'utf8');
    const r = zwgk(['fix', '--dry-run', 'out'], cwd);
    expect(r.stdout).toMatch(/^--- a\/out\/.+\.yaml$/m);
    expect(r.stdout).toContain('-  - name: 政策 文件'); // the line-wrap space inside a name…
    expect(r.stdout).toContain('+  - name: 政策文件');
    expect(r.stdout).toMatch(/^-.*中办发﹝2016﹞8号/m); // …and the bracket variant in a document number
    expect(r.stdout).toMatch(/^\+.*中办发〔2016〕8号/m);
    expect(readFileSync(join(cwd, 'out', file!), 'utf8')).toBe(before);
  });

  it('exits 2 with a clear message for files it cannot import, without a stack trace', () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]);
    const cwd = dir({ 'old.xls': ole, 'notes.html': '<p>没有表格</p>', 'empty.csv': '' });
    for (const [file, words] of [
      ['old.xls', '.xlsx'],
      ['notes.html', '没有'],
      ['empty.csv', '空'],
      ['missing.xlsx', 'missing.xlsx'],
    ] as const) {
      const r = zwgk(['import', file, '-o', 'out'], cwd);
      expect(r.status, file).toBe(2);
      expect(r.stderr, file).toContain(words);
      expect(r.stderr, file).not.toMatch(/\n\s+at /);
    }
    expect(() => statSync(join(cwd, 'out'))).toThrow();
  });
});

const HEADER = '公开事项,公开内容,公开依据,公开时限,公开主体\n';

describe('zwgk import: what it writes (built CLI)', () => {
  it('refuses a header-only CSV with exit 2, naming the table, and writes nothing', () => {
    const cwd = dir({ 'only-header.csv': HEADER });
    const r = zwgk(['import', 'only-header.csv', '-o', 'out'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'only-header.csv 中的目录表格（第1行第1列）只有表头，没有可导入的事项，没有写入任何文件。',
    );
    expect(r.stderr).not.toMatch(/at .*\.js/);
    expect(existsSync(join(cwd, 'out'))).toBe(false);
    const en = zwgk(['import', 'only-header.csv', '-o', 'out', '--lang', 'en'], cwd);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain('has a header but no item to import; nothing was written.');
  });

  it('writes the tables that have items and reports a header-only one', () => {
    const page = `<table><tr><td>公开事项</td><td>公开内容</td><td>公开依据</td><td>公开时限</td><td>公开主体</td></tr></table>
<p>安全生产领域基层政务公开标准目录</p>
<table><tr><td>公开事项</td><td>公开内容</td><td>公开依据</td><td>公开时限</td><td>公开主体</td></tr><tr><td>政策文件</td><td>内容</td><td>依据</td><td>及时</td><td>县政府</td></tr></table>`;
    const cwd = dir({ 'page.html': page });
    const r = zwgk(['import', 'page.html', '-o', 'out'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toHaveLength(1);
    expect(r.stdout).toContain('表1 第1行第1列  表格只有表头，没有可导入的事项（0 行），没有写入文件。');
    const json = parseImportJson(zwgk(['import', 'page.html', '-o', 'out2', '-f', 'json'], cwd).stdout);
    expect(json.empty).toEqual([{ ref: '表1 第1行第1列', sheet: '表1', rows: 0 }]);
  });

  it('imports a table whose unit name is too long for a file name, cutting the name to 255 UTF-8 bytes', () => {
    const unit = '某某省某某市某某县某某镇人民政府办公室'.repeat(5);
    const cwd = dir({ 'long.csv': `填报单位：${unit}\n${HEADER}政策文件,内容,依据,及时,县政府\n` });
    const r = zwgk(['import', 'long.csv', '-o', 'out'], cwd);
    expect(r.status, r.stderr).toBe(0);
    const [file] = readdirSync(join(cwd, 'out'));
    expect(Buffer.byteLength(file!, 'utf8')).toBeLessThanOrEqual(255);
    expect(unit.startsWith(file!.replace(/\.yaml$/, ''))).toBe(true);
    expect(readFileSync(join(cwd, 'out', file!), 'utf8')).toContain(`unit: ${unit}`);
  });

  it('keeps a unit name with path characters and a device name inside the output folder', () => {
    const cwd = dir({ 'odd.csv': `填报单位：../../CON\n${HEADER}政策文件,内容,依据,及时,县政府\n` });
    const r = zwgk(['import', 'odd.csv', '-o', 'out'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['CON_.yaml']);
  });

  it('--force replaces all the files of a multi-table import or none: one that cannot be written leaves every old file', () => {
    const table = (title: string) =>
      `<p>${title}</p><table><tr><td>公开事项</td><td>公开内容</td><td>公开依据</td><td>公开时限</td><td>公开主体</td></tr><tr><td>政策文件</td><td>内容</td><td>依据</td><td>及时</td><td>县政府</td></tr></table>`;
    const cwd = dir({
      'page.html': table('安全生产领域基层政务公开标准目录') + table('义务教育领域基层政务公开标准目录'),
      'out/安全生产.yaml': 'mine\n',
      'out/义务教育.yaml/keep': 'a folder in the way\n',
    });
    const r = zwgk(['import', 'page.html', '-o', 'out', '--force'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('没有写入或改动任何文件');
    expect(readdirSync(join(cwd, 'out')).sort()).toEqual(['义务教育.yaml', '安全生产.yaml'].sort());
    expect(readFileSync(join(cwd, 'out/安全生产.yaml'), 'utf8')).toBe('mine\n');
  });

  it('imports a large workbook within the limits (60,000 rows, 360,000 cells, findings on each row)', () => {
    const cwd = dir({ 'large.xlsx': zipPackage(workbookParts(sheetXml(catalogRows(60_000)))) });
    const r = zwgk(['import', 'large.xlsx', '-o', 'out', '-f', 'json'], cwd);
    expect(r.status, r.stderr).toBe(0);
    const report = parseImportJson(r.stdout);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.rows).toBe(60_000);
    expect(report.tables[0]!.errors).toBeGreaterThan(120_000);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['目录1.yaml']);
  }, 120_000);
});
