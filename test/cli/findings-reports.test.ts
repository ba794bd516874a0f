import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveOutputs } from '../../src/cli/outputs.js';
import { UsageError } from '../../src/errors.js';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { MANY_MISTAKES } from '../_helpers/findings-report.js';

const t = tempDir({ '甲/义务教育.yaml': MANY_MISTAKES });
afterAll(() => t.cleanup());

describe('zwgk validate -f xlsx / -f html (built CLI)', () => {
  it('refuses a workbook with no file to write it to, and writes nothing', () => {
    for (const args of [
      ['-f', 'xlsx'],
      ['-f', 'xlsx', '-o', '-'],
      ['-f', 'json', '-o', 'a.json', '-f', 'xlsx'],
    ]) {
      const r = zwgk(['validate', '甲', ...args], t.dir);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('-f xlsx 是文件，不能输出到屏幕');
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(t.dir)).toEqual(['甲']);
    expect(() => resolveOutputs([{ format: 'xlsx' }], 'stylish', 'en')).toThrow(UsageError);
  });

  it('writes the workbook and the page beside the terminal report, the same bytes each run', async () => {
    const once = zwgk(
      ['validate', '甲', '-f', 'xlsx', '-o', '检查结果.xlsx', '-f', 'html', '-o', 'r.html', '-f', 'stylish'],
      t.dir,
    );
    expect(once.status).toBe(1);
    expect(once.stdout).toContain('channel-known');
    const xlsx = readFileSync(join(t.dir, '检查结果.xlsx'));
    const page = readFileSync(join(t.dir, 'r.html'), 'utf8');
    zwgk(['validate', '甲', '-f', 'xlsx', '-o', '检查结果.xlsx', '-f', 'html', '-o', 'r.html'], t.dir);
    expect(readFileSync(join(t.dir, '检查结果.xlsx')).equals(xlsx)).toBe(true);
    expect(readFileSync(join(t.dir, 'r.html'), 'utf8')).toBe(page);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const items = workbook.getWorksheet('问题明细')!.getColumn(5).values.map(String);
    expect(items).toContain('招生入学');
    expect(page).toContain('<td>招生入学</td>');
    expect(readdirSync(t.dir).sort()).toEqual(['r.html', '检查结果.xlsx', '甲'].sort());
  });

  it('lists the formats in its help', () => {
    const help = zwgk(['validate', '--help'], t.dir).stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/markdown、html、xlsx/);
  });
});
