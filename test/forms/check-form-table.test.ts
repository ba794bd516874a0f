import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFormTable } from '../../src/forms/check-form-table.js';
import { checkSubmissionFiles } from '../../src/forms/check-files.js';
import { resolveSubmissionOptions } from '../../src/forms/validate-submission.js';

// A theme-day form typed by hand in a CSV file: the first theme's month left empty, the second's written so
// that it cannot be read as a month, and a 填报日期 that is no date.
const CSV = `青禾区2024年“政务公开主题日”活动主题申报表
填报单位:,青禾区教育局
联系人:,李晓梅
联系电话:,0871-65123456
序号,活动主题,活动时间(月份),活动形式,活动简介
1,义务教育招生入学现场观摩,,现场观摩,邀请代表到区招生服务中心观摩。
2,课后服务政策解读,五月份中旬,座谈交流,介绍课后服务。
填报日期:,2024年13月45日
`;

const dir = mkdtempSync(join(tmpdir(), 'zwgk-form-table-'));
const options = resolveSubmissionOptions({ lang: 'zh' });
const at = (file: string, text: string | Uint8Array) => {
  writeFileSync(join(dir, file), text);
  return join(dir, file);
};

describe('checkFormTable (a form checked where it lives)', () => {
  it('places each finding on the cell its value came from, an empty one too, and says what it could not read', async () => {
    const { diagnostics } = await checkFormTable(at('form.csv', CSV), 'form.csv', options);
    const shown = diagnostics.map((d) => [d.code, d.severity, d.cell?.row, d.cell?.column]);
    // The empty month of row 6 at its own cell (column 3), not at the row's first.
    expect(shown).toContainEqual(['schema/empty', 'error', 6, 3]);
    // 五月份中旬 (row 7, column 3): what the import could not read, before what the check finds there.
    const unread = diagnostics.filter((d) => d.code === 'table/cell-unreadable');
    expect(unread.map((d) => [d.cell?.row, d.cell?.column, d.message])).toEqual([
      [7, 3, expect.stringContaining('五月份中旬')],
      [8, 2, expect.stringContaining('2024年13月45日')],
    ]);
    expect(unread.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('says a file that cannot be read, without its full path, and a table with no form, with how to make one', async () => {
    const broken = await checkFormTable(at('broken.xlsx', 'not a workbook'), 'broken.xlsx', options);
    expect(broken.noForm).toBeFalsy();
    expect(broken.diagnostics).toHaveLength(1);
    expect(broken.diagnostics[0]).toMatchObject({ code: 'table/unreadable', severity: 'error', file: 'broken.xlsx' });
    expect(broken.diagnostics[0]!.message).not.toContain(dir);
    const other = await checkFormTable(
      at('other.csv', '序号,一级事项,二级事项\n1,政策文件,法律法规\n'),
      'other.csv',
      options,
    );
    expect(other.noForm).toBe(true);
    expect(other.diagnostics[0]!.hint).toContain('zwgk form new');
  });

  it('in a folder, leaves a table with no form alone but says a table that cannot be read', async () => {
    const sub = mkdtempSync(join(dir, 'folder-'));
    writeFileSync(join(sub, 'catalog.csv'), '序号,一级事项,二级事项\n1,政策文件,法律法规\n');
    writeFileSync(join(sub, 'broken.xlsx'), 'not a workbook');
    const run = await checkSubmissionFiles(['catalog.csv', 'broken.xlsx'], options, sub, new Set());
    expect(run.skipped).toEqual(['catalog.csv']);
    expect(run.report.diagnostics.map((d) => [d.file, d.code])).toEqual([['broken.xlsx', 'table/unreadable']]);
    expect(run.report.fatal).toBe(true);
  });
});
