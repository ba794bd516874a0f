import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { catalog, validItem } from '../_helpers/check.js';
import { tempDir, zwgk } from '../_helpers/cli.js';

const ROOT = join(import.meta.dirname, '../..');
let cleanup: () => void = () => {};
afterEach(() => cleanup());

function setup(files: Record<string, string> = {}): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('zwgk render (built CLI)', () => {
  it('renders the shipped catalogs to a workbook that opens with a 汇总 sheet and one sheet per domain', async () => {
    const dir = setup();
    const out = join(dir, 'out.xlsx');
    const r = zwgk(['render', join(ROOT, 'catalogs'), '-f', 'xlsx', '-o', out], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('7 个目录');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '安全生产',
      '公共文化服务',
      '户籍管理',
      '养老服务',
      '社会救助',
      '生态环境',
      '义务教育',
    ]);
  });

  it('names an output file holding control characters with signs in what it prints, as form new does', () => {
    const dir = setup();
    const page = 'p\u001b[2J.html';
    let r = zwgk(['render', join(ROOT, 'catalogs/huji-guanli.yaml'), '-o', page], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('已生成 p␛[2J.html（1 个目录）。\n');
    expect(existsSync(join(dir, page))).toBe(true);
    r = zwgk(['form', 'new', 'theme-day', '-o', 's\u001b[2J.yaml'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('已生成 s␛[2J.yaml（');
    expect(r.stderr).not.toContain('\u001b');
  });

  it('gives the same bytes on a second run', () => {
    const dir = setup();
    for (const name of ['a.xlsx', 'b.xlsx'])
      expect(zwgk(['render', join(ROOT, 'catalogs'), '-f', 'xlsx', '-o', join(dir, name)], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
  });

  it('writes one HTML file, or a site when -o is a directory', () => {
    const dir = setup();
    expect(zwgk(['render', join(ROOT, 'catalogs'), '-f', 'html', '-o', 'one.html'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'one.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(zwgk(['render', join(ROOT, 'catalogs'), '-f', 'html', '-o', 'site/'], dir).status).toBe(0);
    const pages = readdirSync(join(dir, 'site')).sort();
    expect(pages).toContain('index.html');
    expect(pages).toHaveLength(8);
  });

  it('writes nothing and exits 1 when a catalog has errors, and shows them', () => {
    const dir = setup({ 'a.yaml': catalog(validItem().replace('method: 主动', 'method: 主动公开')) });
    const r = zwgk(['render', 'a.yaml', '-f', 'xlsx', '-o', 'out.xlsx'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('schema/enum');
    expect(r.stderr).toContain('未生成任何文件');
    expect(existsSync(join(dir, 'out.xlsx'))).toBe(false);
  });

  it('renders despite warnings, and shows them', () => {
    const dir = setup({ 'a.yaml': catalog(validItem().replace('[政府网站]', '[政府网站, 一微一端]')) });
    const r = zwgk(['render', 'a.yaml', '-f', 'html', '-o', 'a.html'], dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('channel-known');
    expect(existsSync(join(dir, 'a.html'))).toBe(true);
  });

  it('exits 2 when the output folder does not exist, without a stack trace', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()) });
    const r = zwgk(['render', 'a.yaml', '-f', 'xlsx', '-o', 'no/such/dir/out.xlsx'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('takes the format from the output name when -f is not given', async () => {
    const dir = setup({ 'a.yaml': catalog(validItem()) });
    expect(zwgk(['render', 'a.yaml', '-o', 'x.xlsx'], dir).status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, 'x.xlsx'));
    expect(book.worksheets.length).toBeGreaterThan(0);
    expect(zwgk(['render', 'a.yaml', '-o', 'x.HTM'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'x.HTM'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('needs an output, and a format it can tell', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()) });
    expect(zwgk(['render', 'a.yaml', '-f', 'xlsx'], dir).status).toBe(2);
    const unknown = zwgk(['render', 'a.yaml', '-o', 'x.pdf'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('-f xlsx');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('--channels list prints the chosen channels only', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()) });
    expect(zwgk(['render', 'a.yaml', '-f', 'html', '-o', 'a.html', '--channels', 'list'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'a.html'), 'utf8')).not.toContain('□政府公报');
  });

  it('a named pipe among the templates is refused at once, exit 2, naming it, and nothing is written', () => {
    const dir = setup({ 'a.yaml': catalog(validItem()), 'zwgk.config.yaml': 'render:\n  templates: tpl\n' });
    mkdirSync(join(dir, 'tpl'));
    execFileSync('mkfifo', [join(dir, 'tpl', 'page.hbs')]);
    const r = zwgk(['render', 'a.yaml', '-o', 'out.html', '--lang', 'en'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'tpl', 'page.hbs')}: This is a named pipe (FIFO)`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'out.html'))).toBe(false);
  });
});
