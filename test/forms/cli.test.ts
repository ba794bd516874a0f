import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { dozenSubmissions, EXAMPLES, ROOT, themeDayYaml } from './fixtures.js';

// These run the built command: `npm run build` first (as `npm test` does), with `zwgk form` registered in src/cli/index.ts.
let cleanup: () => void = () => {};
afterEach(() => cleanup());

function setup(files: Record<string, string | Uint8Array> = {}): string {
  const t = tempDir(files);
  cleanup = t.cleanup;
  return t.dir;
}

describe('zwgk form (built CLI)', () => {
  it('round-trips a unit’s submission: new → filled YAML → check → render as xlsx and html', () => {
    const dir = setup();
    let r = zwgk(
      ['form', 'new', 'theme-day', '--year', '2024', '--area', '青禾区', '--unit', '青禾区教育局', '-o', 'sub.yaml'],
      dir,
    );
    expect(r.status).toBe(0);
    const skeleton = readFileSync(join(dir, 'sub.yaml'), 'utf8');
    expect(skeleton).toContain('# 填报单位：全称，与公章一致');
    r = zwgk(['form', 'check', 'sub.yaml'], dir);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('schema/empty');
    const filled = skeleton
      .replace(/^contact:$/m, 'contact: 李晓梅')
      .replace(/^phone:$/m, 'phone: "0871-65123456"')
      .replace(/^date:$/m, 'date: 2024-03-25')
      .replace('  - theme:  #', '  - theme: 招生现场观摩  #')
      .replace('    month:  #', '    month: 6  #')
      .replace('    form:  #', '    form: 现场观摩  #')
      .replace('    brief:  #', '    brief: 观摩报名审核  #')
      .replace(
        / {2}- theme:\n {4}month:\n {4}form:\n {4}brief:\n/,
        '  - theme: 课后服务座谈\n    month: 9\n    form: 座谈交流\n    brief: 与家长座谈\n',
      );
    writeFileSync(join(dir, 'sub.yaml'), filled);
    r = zwgk(['form', 'check', 'sub.yaml'], dir);
    expect(r.stdout + r.stderr).toContain('没有发现问题');
    expect(r.status).toBe(0);
    for (const format of ['xlsx', 'html']) {
      r = zwgk(['form', 'render', 'sub.yaml', '--format', format], dir);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, `sub.${format}`))).toBe(true);
    }
    const first = readFileSync(join(dir, 'sub.xlsx'));
    expect(zwgk(['form', 'render', 'sub.yaml', '--format', 'xlsx', '-o', 'again.xlsx'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'again.xlsx')).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'sub.html'), 'utf8')).toContain('招生现场观摩');
  });

  it('reports two 座谈交流 themes, a month outside the window and a third theme at their lines, exit 1', () => {
    const dir = setup({
      'talks.yaml': themeDayYaml({
        rows: [
          { theme: '甲', month: 5, form: '座谈交流' },
          { theme: '乙', month: 6, form: '座谈交流' },
        ],
      }),
      'month.yaml': themeDayYaml({
        rows: [
          { theme: '甲', month: 3, form: '实地调研' },
          { theme: '乙', month: 6, form: '座谈交流' },
        ],
      }),
      'three.yaml': themeDayYaml({
        rows: [
          { theme: '甲', month: 5, form: '实地调研' },
          { theme: '乙', month: 6, form: '座谈交流' },
          { theme: '丙', month: 7, form: '政策发布' },
        ],
      }),
    });
    const r = zwgk(['form', 'check', '.', '-f', 'json'], dir);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as {
      diagnostics: { file: string; code: string; range: { start: { line: number } } }[];
    };
    expect(report.diagnostics.map((d) => `${d.file}:${d.range.start.line} ${d.code}`)).toEqual([
      'month.yaml:9 form-month-window',
      'talks.yaml:13 form-required-form',
      'three.yaml:14 form-row-count',
    ]);
  });

  it('exits 2 for a missing file and a GBK file, 1 for invalid YAML, as validate does', () => {
    const gbk = new Uint8Array([
      ...new TextEncoder().encode('kind: form/theme-day\nunit: '),
      0xc7,
      0xe0,
      0xba,
      0xcc,
      0x0a,
    ]);
    const dir = setup({ 'gbk.yaml': gbk, 'bad.yaml': 'kind: form/theme-day\nthemes: [a\n' });
    expect(zwgk(['form', 'check', 'nope.yaml'], dir).status).toBe(2);
    const r = zwgk(['form', 'check', 'gbk.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('GBK');
    const bad = zwgk(['form', 'check', 'bad.yaml'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('yaml/syntax');
    expect(zwgk(['form', 'render', 'nope.yaml', '-f', 'html'], dir).status).toBe(2);
    expect(zwgk(['form', 'new', 'no-such-form'], dir).status).toBe(2);
    expect(zwgk(['form', 'check', '--profile', 'nope', 'bad.yaml'], dir).status).toBe(2);
  });

  it('checks the forms of a directory that also holds catalogs, leaving the catalogs alone', () => {
    const dir = setup();
    copyFileSync(EXAMPLES.themeDay, join(dir, 'zhutiri.yaml'));
    copyFileSync(EXAMPLES.openDay, join(dir, 'kaifang.yaml'));
    copyFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), join(dir, 'yiwu-jiaoyu.yaml'));
    const r = zwgk(['form', 'check', '.'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('检查了 2 个文件');
    // Named on its own, a catalog is checked as a submission and refused.
    expect(zwgk(['form', 'check', 'yiwu-jiaoyu.yaml'], dir).status).toBe(1);
  });

  it('writes a new submission to standard output, a blank web form, and refuses to overwrite', () => {
    const dir = setup();
    const r = zwgk(['form', 'new', '主题日', '--year', '2024'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kind: form/theme-day');
    expect(r.stdout).toContain('profile: hunan-2023');
    expect(zwgk(['form', 'new', 'open-day', '--year', '2025', '-o', 'blank.html'], dir).status).toBe(0);
    expect(readFileSync(join(dir, 'blank.html'), 'utf8')).toContain('＿＿＿＿2025年“政府开放月”活动申报表');
    expect(zwgk(['form', 'new', 'open-day', '-o', 'blank.html'], dir).status).toBe(2);
    expect(zwgk(['form', 'new', 'open-day', '--profile', 'hunan-2023'], dir).status).toBe(2);
    expect(zwgk(['form', 'plan', '.', '-o', 'p.xlsx'], dir).status).toBe(2);
  });

  it('renders nothing for a submission with errors', () => {
    const dir = setup({ 'a.yaml': themeDayYaml({ phone: '无' }) });
    const r = zwgk(['form', 'render', 'a.yaml', '-f', 'xlsx'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('form-phone');
    expect(existsSync(join(dir, 'a.xlsx'))).toBe(false);
  });

  it('imports a blank workbook filled in by a unit', async () => {
    const dir = setup();
    expect(
      zwgk(['form', 'new', 'open-day', '--year', '2025', '--area', '青禾区', '--rows', '3', '-o', 'blank.xlsx'], dir)
        .status,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'blank.xlsx'));
    const sheet = workbook.worksheets[0]!;
    // 填报单位, 联系人 and 联系电话 on one line; 活动地点 spans three worksheet columns (E:G).
    expect(sheet.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ['"参观,座谈,体验"'] });
    sheet.getCell('C2').value = '青禾区文化和旅游局';
    sheet.getCell('E2').value = '王建国';
    sheet.getCell('G2').value = '13987654321';
    const columns = ['B', 'C', 'D', 'E', 'H'];
    [
      ['7月18日', '走进青禾区图书馆', '体验', '青禾区图书馆', '20人/场'],
      ['8月', '文旅座谈会', '座谈', '文化馆', 10],
    ].forEach((values, i) => values.forEach((v, c) => (sheet.getCell(`${columns[c]!}${5 + i}`).value = v)));
    await workbook.xlsx.writeFile(join(dir, 'filled.xlsx'));
    const r = zwgk(['form', 'import', 'filled.xlsx', '-o', 'imported.yaml'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'imported.yaml'), 'utf8'))).toEqual({
      kind: 'form/open-day',
      year: 2025,
      area: '青禾区',
      unit: '青禾区文化和旅游局',
      contact: '王建国',
      phone: '13987654321',
      activities: [
        { time: '7月18日', theme: '走进青禾区图书馆', form: '体验', place: '青禾区图书馆', participants: '20人/场' },
        { time: '8月', theme: '文旅座谈会', form: '座谈', place: '文化馆', participants: 10 },
      ],
    });
    expect(zwgk(['form', 'check', 'imported.yaml'], dir).status).toBe(0);
    expect(zwgk(['form', 'import', 'filled.xlsx', '-o', 'imported.yaml'], dir).status).toBe(2);
    expect(zwgk(['form', 'import', 'nope.xlsx'], dir).status).toBe(2);
  });

  it('checks a filled workbook, page and CSV where they live, each finding on its cell; a folder’s other tables are left alone', async () => {
    const dir = setup();
    expect(zwgk(['form', 'render', EXAMPLES.themeDay, '-f', 'xlsx', '-o', 'ok.xlsx'], dir).status).toBe(0);
    const clean = zwgk(['form', 'check', 'ok.xlsx'], dir);
    expect(clean.status, clean.stdout).toBe(0);
    expect(clean.stdout).toContain('检查了 1 个文件，没有发现问题');

    // The same form with a wrong phone number and a month out of the profile's window (4月–12月).
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'ok.xlsx'));
    const sheet = workbook.worksheets[0]!;
    let phone = '';
    let month = '';
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const text = typeof cell.value === 'string' ? cell.value : '';
        if (text.includes('0871-65123456')) {
          cell.value = text.replace('0871-65123456', '12');
          phone = cell.address;
        } else if (/^\d{1,2}月$/.test(text) && month === '') {
          cell.value = '2月';
          month = cell.address;
        }
      }),
    );
    expect(phone).not.toBe('');
    expect(month).not.toBe('');
    await workbook.xlsx.writeFile(join(dir, 'bad.xlsx'));
    const bad = zwgk(['form', 'check', 'bad.xlsx', '-f', 'json'], dir);
    expect(bad.status).toBe(1);
    const found = (JSON.parse(bad.stdout) as { diagnostics: { code: string; cell?: { ref: string } }[] }).diagnostics;
    expect(found.map((d) => [d.code, d.cell?.ref])).toEqual(
      expect.arrayContaining([
        ['form-phone', `申报表!${phone}`],
        ['form-month-window', `申报表!${month}`],
      ]),
    );

    // A folder: the form's workbook is checked, a catalog's workbook beside it is left alone.
    copyFileSync(join(dir, 'bad.xlsx'), join(dir, 'forms-bad.xlsx'));
    expect(zwgk(['render', join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), '-o', 'catalog.xlsx'], dir).status).toBe(0);
    const folder = zwgk(['form', 'check', '.', '--lang', 'en'], dir);
    expect(folder.stdout).toContain('forms-bad.xlsx');
    expect(folder.stdout).not.toContain('catalog.xlsx');
    // Named, a table with no form is said to be one, with what to do (exit 2: nothing could be checked).
    const named = zwgk(['form', 'check', 'catalog.xlsx'], dir);
    expect(named.status).toBe(2);
    expect(named.stdout).toMatch(/catalog\.xlsx 中没有找到申报表/);
    expect(named.stdout).toContain('zwgk form new theme-day');
  });

  it('refuses a table with a header and no row, as zwgk import does: exit 2 naming the table, nothing written', () => {
    const header =
      '青禾区2024年“政务公开主题日”活动主题申报表\n填报单位:,青禾区教育局\n序号,活动主题,活动时间(月份),活动形式,活动简介\n';
    const dir = setup({ 'empty.csv': header });
    let r = zwgk(['form', 'import', 'empty.csv', '-o', 'sub.yaml'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('empty.csv 中的申报表（第3行第1列）只有表头，没有可导入的活动，没有写入任何文件。');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'sub.yaml'))).toBe(false);
    r = zwgk(['form', 'import', 'empty.csv', '--lang', 'en'], dir);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(
      'The form in empty.csv (第3行第1列) has a header but no activity to import; nothing was written.',
    );
  });

  it('merges a dozen submissions into the plan, and reports what needs attention', () => {
    const files = Object.fromEntries(dozenSubmissions().map((s) => [`subs/${s.name}`, s.text]));
    const dir = setup({
      ...files,
      'late/x.yaml': themeDayYaml({
        unit: '青禾区统计局',
        phone: '无',
        rows: [
          { theme: '甲', month: 4, form: '实地调研' },
          { theme: '乙', month: 4, form: '座谈交流' },
        ],
      }),
    });
    let r = zwgk(['form', 'plan', 'subs', '-o', 'plan.xlsx'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('12 个单位，24 项活动');
    r = zwgk(['form', 'plan', 'subs', 'late', '-o', 'plan.html'], dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('form-phone');
    expect(r.stderr).toContain('plan-month-full');
    expect(r.stderr).toContain('申报表有错误的单位：青禾区统计局（late/x.yaml）');
    expect(readFileSync(join(dir, 'plan.html'), 'utf8').match(/<tr data-month=/g)).toHaveLength(26);
  });

  it('merges forms sent in as workbooks into the plan, as it merges their YAML', () => {
    const subs = dozenSubmissions().slice(0, 4);
    const dir = setup(Object.fromEntries(subs.map((s) => [`yaml/${s.name}`, s.text])));
    mkdirSync(join(dir, 'xlsx'));
    for (const s of subs) {
      const r = zwgk(
        ['form', 'render', `yaml/${s.name}`, '-f', 'xlsx', '-o', `xlsx/${s.name.replace('.yaml', '.xlsx')}`],
        dir,
      );
      expect(r.status, r.stderr).toBe(0);
    }
    const fromYaml = zwgk(['form', 'plan', 'yaml', '-o', 'from-yaml.html'], dir);
    const fromXlsx = zwgk(['form', 'plan', 'xlsx', '-o', 'from-xlsx.html'], dir);
    expect(fromXlsx.status, fromXlsx.stderr).toBe(0);
    expect(fromXlsx.stderr).toContain('4 个单位，8 项活动');
    // The same plan, but for the files it names.
    const rows = (file: string) =>
      readFileSync(join(dir, file), 'utf8')
        .replace(/yaml\/(u\d+)\.yaml|xlsx\/(u\d+)\.xlsx/g, '$1$2')
        .match(/<tr data-month=[\s\S]*?<\/tr>/g);
    expect(fromYaml.status).toBe(0);
    expect(rows('from-xlsx.html')).toHaveLength(8);
    expect(rows('from-xlsx.html')).toEqual(rows('from-yaml.html'));
  });

  it('writes a new submission whose area holds a line break, quotes and a # so that it reads back', () => {
    const dir = setup();
    const area = '青禾区\n"第二行" # 注: 备注';
    const r = zwgk(['form', 'new', 'theme-day', '--year', '2024', '--area', area, '-o', 'sub.yaml'], dir);
    expect(r.status).toBe(0);
    expect((parse(readFileSync(join(dir, 'sub.yaml'), 'utf8')) as { area: string }).area).toBe(area);
  });

  it('lists the months of a plan in calendar order, in the findings as in the plan (4月 before 10月)', () => {
    const dir = setup({
      'a.yaml': themeDayYaml({
        unit: '青禾区教育局',
        rows: [
          { theme: '招生观摩', month: 4, form: '现场观摩' },
          { theme: '课后服务座谈', month: 10, form: '座谈交流' },
        ],
      }),
      'b.yaml': themeDayYaml({
        unit: '青禾区民政局',
        rows: [
          { theme: '养老服务观摩', month: 12, form: '现场观摩' },
          { theme: '救助政策座谈', month: 8, form: '座谈交流' },
        ],
      }),
    });
    for (const lang of ['zh', 'en']) {
      const r = zwgk(['form', 'plan', 'a.yaml', 'b.yaml', '-o', 'plan.html', '--lang', lang, '--no-config'], dir);
      expect(r.status).toBe(0);
      const months = [...r.stderr.matchAll(lang === 'zh' ? /(\d+)月没有安排活动/g : /Month (\d+) has no activit/g)].map(
        (m) => Number(m[1]),
      );
      expect(months).toEqual([5, 6, 7, 9, 11]);
    }
    const html = readFileSync(join(dir, 'plan.html'), 'utf8');
    expect([...html.matchAll(/data-month="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([4, 8, 10, 12]);
  });

  it('takes profiles from the configuration: a region that adds 现场宣传', () => {
    const config = [
      'forms:',
      '  profiles:',
      '    anhua-2024:',
      '      extends: hunan-2023',
      '      addActivityForms: [现场宣传]',
      '  defaultProfiles:',
      '    theme-day: anhua-2024',
      '',
    ].join('\n');
    const text = themeDayYaml({
      rows: [
        { theme: '甲', month: 5, form: '实地调研' },
        { theme: '乙', month: 6, form: '现场宣传' },
      ],
    });
    const dir = setup({ 'zwgk.config.yaml': config, 'a.yaml': text });
    expect(zwgk(['form', 'check', 'a.yaml'], dir).status).toBe(0);
    expect(zwgk(['form', 'check', 'a.yaml', '--no-config'], dir).status).toBe(1);
    const broken = setup({ 'zwgk.config.yaml': 'forms:\n  profiles:\n    x:\n      extends: nope\n', 'a.yaml': text });
    expect(zwgk(['form', 'check', 'a.yaml'], broken).status).toBe(2);
  });
});
