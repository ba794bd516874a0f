import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blankCatalogWorkbook } from '../../src/render/blank/blank-workbook.js';
import { tempDir, zwgk } from '../_helpers/cli.js';

let cleanup: () => void = () => {};
afterEach(() => cleanup());

function dir(files: Record<string, string> = {}): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('zwgk template (built CLI)', () => {
  it('writes the blank catalog the library builds, and imports back as a header-only table', async () => {
    const cwd = dir();
    const r = zwgk(['template', '安全生产', '--unit', '青禾区', '-o', '目录模板.xlsx'], cwd);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      '已生成 目录模板.xlsx：安全生产领域目录模板。填好后用 zwgk import 目录模板.xlsx -o catalogs 导入。\n',
    );
    const bytes = readFileSync(join(cwd, '目录模板.xlsx'));
    expect(bytes.equals(await blankCatalogWorkbook({ domain: '安全生产', unit: '青禾区' }))).toBe(true);
    const i = zwgk(['import', '目录模板.xlsx', '-o', 'out'], cwd);
    expect(i.status).toBe(2);
    expect(i.stderr).toContain('只有表头，没有可导入的事项');
  });

  it('refuses to overwrite an existing file without --force (exit 2), and overwrites with it', async () => {
    const cwd = dir({ 'a.xlsx': 'mine' });
    const r = zwgk(['template', '安全生产', '-o', 'a.xlsx'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('zwgk: a.xlsx 已经存在，没有写入。换一个文件名，或加 --force 覆盖。\n');
    expect(readFileSync(join(cwd, 'a.xlsx'), 'utf8')).toBe('mine');
    const f = zwgk(['template', '安全生产', '-o', 'a.xlsx', '--force', '--levels', '乡级,村级'], cwd);
    expect(f.status, f.stderr).toBe(0);
    const bytes = readFileSync(join(cwd, 'a.xlsx'));
    expect(bytes.equals(await blankCatalogWorkbook({ domain: '安全生产', levels: ['乡级', '村级'] }))).toBe(true);
  });

  it('takes an unknown domain with a note, names the standard one for a former name, and names the file after it', () => {
    const cwd = dir();
    const u = zwgk(['template', '网格化治理'], cwd);
    expect(u.status, u.stderr).toBe(0);
    expect(u.stderr).toContain('提示：“网格化治理”不是已知的领域');
    expect(readFileSync(join(cwd, '网格化治理目录模板.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const v = zwgk(['template', '环境保护领域', '--lang', 'en'], cwd);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stderr).toContain('the standard guidelines name this domain “生态环境”');
    expect(zwgk(['template', '安全生产'], cwd).stderr).not.toContain('提示');
  });

  it('is a usage error without a domain or with an output that is not .xlsx, writing nothing', () => {
    const cwd = dir();
    writeFileSync(join(cwd, 'keep.txt'), '');
    const empty = zwgk(['template', ' '], cwd);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('请写明领域');
    const html = zwgk(['template', '就业', '-o', 'a.html'], cwd);
    expect(html.status).toBe(2);
    expect(html.stderr).toContain('输出文件应以 .xlsx 结尾');
    expect(zwgk(['template'], cwd).status).toBe(2);
  });
});
