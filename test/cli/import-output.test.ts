import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { catalogRows, sheetXml, workbookParts, zipPackage } from '../_helpers/xlsx-package.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function dir(files: Record<string, string | Uint8Array>): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

const HEADER = '公开事项,公开内容,公开依据,公开时限,公开主体\n';

describe('zwgk import: what it writes (built CLI)', () => {
  it('refuses a header-only CSV with exit 2, naming the table, and writes nothing', () => {
    const cwd = dir({ 'only-header.csv': HEADER });
    const r = zwgk(['import', 'only-header.csv', '-o', 'out'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('only-header.csv 中的目录表格（第1行第1列）只有表头，没有可导入的事项，没有写入任何文件。');
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
    const json = JSON.parse(zwgk(['import', 'page.html', '-o', 'out2', '-f', 'json'], cwd).stdout);
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
    const table = (title: string) => `<p>${title}</p><table><tr><td>公开事项</td><td>公开内容</td><td>公开依据</td><td>公开时限</td><td>公开主体</td></tr><tr><td>政策文件</td><td>内容</td><td>依据</td><td>及时</td><td>县政府</td></tr></table>`;
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
    const report = JSON.parse(r.stdout);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0].rows).toBe(60_000);
    expect(report.tables[0].errors).toBeGreaterThan(120_000);
    expect(readdirSync(join(cwd, 'out'))).toEqual(['目录1.yaml']);
  }, 120_000);
});

