import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckedSubmission } from '../../src/forms/check-files.js';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type PlanLayout } from '../../src/forms/layout.js';
import { planFromSubmissions, type PlanFilesOptions } from '../../src/forms/plan/plan-files.js';
import { renderPlanHtml } from '../../src/forms/render/html.js';
import { renderPlanXlsx } from '../../src/forms/render/xlsx-plan.js';
import { FORMS } from '../../src/forms/registry.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { DOZEN_UNITS, dozenSubmissions, EXAMPLES, themeDayYaml } from './fixtures.js';

const options = resolveSubmissionOptions();
const form = FORMS['theme-day'];
const layout = await loadLayout<PlanLayout>(form.planLayout);

function checked(files: readonly { name: string; text: string }[]): CheckedSubmission[] {
  return files.map(({ name, text }) => ({ file: name, text, result: validateSubmission(name, text, options) }));
}

function plan(files: readonly { name: string; text: string }[], extra: Partial<PlanFilesOptions> = {}) {
  return planFromSubmissions(checked(files), {
    form,
    layout,
    profiles: options.profiles,
    lang: 'zh',
    planFile: 'plan.xlsx',
    ...extra,
  });
}

describe('the annual plan', () => {
  const dozen = dozenSubmissions();

  it('lists every activity of a dozen submissions once, ordered by month, then unit', () => {
    const { plan: p, diagnostics, left } = plan(dozen);
    expect(left).toEqual([]);
    expect(p.units).toBe(12);
    expect(p.entries).toHaveLength(24);
    const keys = p.entries.map((e) => `${e.file}#${e.row.index}`);
    expect(new Set(keys).size).toBe(24);
    const expected = dozen.flatMap(({ name }) => [0, 1].map((i) => `${name}#${i}`));
    expect([...keys].sort()).toEqual(expected.sort());
    const months = p.entries.map((e) => e.row.month!);
    expect(months).toEqual([...months].sort((a, b) => a - b));
    expect(months[0]).toBe(4);
    expect(months.at(-1)).toBe(12);
    for (const e of p.entries) expect(DOZEN_UNITS).toContain(e.unit);
    expect(p.title).toBe('青禾区2024年全年“政务公开主题日”活动计划安排表');
    expect(diagnostics).toEqual([]);
  });

  it('orders the units of a month by pinyin, and a unit’s own activities as it listed them', () => {
    const { plan: p } = plan(dozen);
    const april = p.entries.filter((e) => e.row.month === 4).map((e) => e.unit);
    expect(april).toEqual(['青禾区教育局', '青禾区人力资源和社会保障局', '青禾区医疗保障局']);
  });

  it('reports a theme two units share where it comes second in the plan, and a month over the limit', () => {
    const files = [
      ...dozen,
      {
        name: 'v.yaml',
        text: themeDayYaml({
          unit: '青禾区统计局',
          rows: [
            { theme: '青禾区教育局政策 解读', month: 5, form: '实地调研' },
            { theme: '统计调查', month: 5, form: '问卷调查' },
          ],
        }),
      },
    ];
    const { diagnostics } = plan(files);
    const duplicate = diagnostics.find((d) => d.code === 'plan-theme-duplicate')!;
    expect(duplicate.severity).toBe('warning');
    // 统计局 holds it in May, 教育局 in July: the July one is reported, naming the other.
    expect(duplicate.file).toBe('u00.yaml');
    expect(duplicate.range?.start.line).toBe(
      dozen[0]!.text.split('\n').findIndex((l) => l.includes('theme: 青禾区教育局政策解读')) + 1,
    );
    expect(duplicate.message).toContain('青禾区统计局');
    const full = diagnostics.find((d) => d.code === 'plan-month-full')!;
    expect(full.message).toMatch(/^5月安排了5项活动，超过每月3项/);
    expect(plan(files, { maxPerMonth: 5 }).diagnostics.map((d) => d.code)).toEqual(['plan-theme-duplicate']);
  });

  it('reports months with no activity against the plan file, and a submission of another year', () => {
    const files = [
      {
        name: 'a.yaml',
        text: themeDayYaml({
          rows: [
            { theme: '甲', month: 4, form: '实地调研' },
            { theme: '乙', month: 5, form: '座谈交流' },
          ],
        }),
      },
      {
        name: 'b.yaml',
        text: themeDayYaml({
          year: 2023,
          unit: '青禾区民政局',
          rows: [
            { theme: '丙', month: 6, form: '实地调研' },
            { theme: '丁', month: 7, form: '座谈交流' },
          ],
        }),
      },
      {
        name: 'c.yaml',
        text: themeDayYaml({
          unit: '青禾区卫生健康局',
          rows: [
            { theme: '戊', month: 8, form: '实地调研' },
            { theme: '己', month: 8, form: '座谈交流' },
          ],
        }),
      },
    ];
    const { diagnostics } = plan(files);
    const empty = diagnostics.filter((d) => d.code === 'plan-month-empty');
    expect(empty.map((d) => d.message)).toEqual([
      '9月没有安排活动。',
      '10月没有安排活动。',
      '11月没有安排活动。',
      '12月没有安排活动。',
    ]);
    expect(empty.every((d) => d.file === 'plan.xlsx' && d.range === undefined)).toBe(true);
    const year = diagnostics.find((d) => d.code === 'plan-year')!;
    expect([year.file, year.severity, year.range?.start.line]).toEqual(['b.yaml', 'error', 2]);
  });

  it('merges submissions that fail their rules, leaves out those whose structure is broken, and reports both', () => {
    const files = [
      ...dozen.slice(0, 2),
      {
        name: 'three.yaml',
        text: themeDayYaml({
          unit: '青禾区统计局',
          rows: [
            { theme: '甲', month: 5, form: '实地调研' },
            { theme: '乙', month: 6, form: '座谈交流' },
            { theme: '丙', month: 7, form: '政策发布' },
          ],
        }),
      },
      {
        name: 'broken.yaml',
        text: themeDayYaml({
          unit: '青禾区审计局',
          rows: [
            { theme: '甲', month: '五月', form: '实地调研' },
            { theme: '乙', month: 6, form: '座谈交流' },
          ],
        }),
      },
    ];
    const c = checked(files);
    expect(c.find((x) => x.file === 'three.yaml')!.result.diagnostics.map((d) => d.code)).toEqual(['form-row-count']);
    const { plan: p, left } = planFromSubmissions(c, {
      form,
      layout,
      profiles: options.profiles,
      lang: 'zh',
      planFile: 'plan.html',
    });
    expect(left).toEqual(['broken.yaml']);
    expect(p.entries.filter((e) => e.file === 'three.yaml')).toHaveLength(3);
  });

  it('renders the plan as a workbook with merged month cells and a repeated header, and as a page', async () => {
    const { plan: p } = plan(dozen);
    const bytes = await renderPlanXlsx(p, layout);
    expect(Buffer.from(bytes).equals(Buffer.from(await renderPlanXlsx(p, layout)))).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '序号',
      '活动时间(月份)',
      '活动主题',
      '活动形式',
      '活动简介',
      '承办单位',
      '联系人',
      '联系电话',
    ]);
    expect(sheet.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '3:3',
    });
    expect(sheet.model.merges).toContain('B4:B6');
    expect(sheet.getCell('C4').value).toBe('青禾区教育局重点工作实地调研');
    const html = await renderPlanHtml(p, layout);
    expect(html.match(/<tr data-month=/g)).toHaveLength(24);
    expect(html).toContain('rowspan="3">4月</td>');
    expect(html).toContain('共 12 个单位申报，24 项活动');
  });

  it('merges open-day submissions by the month in their 活动时间', async () => {
    const openDay = FORMS['open-day'];
    const text = readFileSync(EXAMPLES.openDay, 'utf8');
    const other = text
      .replace('unit: 青禾区文化和旅游局', 'unit: 青禾区科学技术局')
      .replace('7月18日', '7月2日')
      .replace('文旅惠民', '科普惠民')
      .replace('青禾古镇保护', '青禾科技馆');
    const p = planFromSubmissions(
      checked([
        { name: 'a.yaml', text },
        { name: 'b.yaml', text: other },
      ]),
      {
        form: openDay,
        layout: await loadLayout<PlanLayout>(openDay.planLayout),
        profiles: options.profiles,
        lang: 'zh',
        planFile: 'p.html',
      },
    );
    // By month, then unit (科学技术局 before 文化和旅游局 in pinyin).
    expect(p.plan.entries.map((e) => `${e.row.time} ${e.unit}`)).toEqual([
      '7月2日 青禾区科学技术局',
      '7月18日 青禾区文化和旅游局',
      '8月21日(暂定) 青禾区科学技术局',
      '8月21日(暂定) 青禾区文化和旅游局',
      '9月12、13日 青禾区科学技术局',
      '9月12、13日 青禾区文化和旅游局',
    ]);
    expect(p.plan.title).toBe('青禾区2025年“政府开放月”活动安排表');
    expect(p.diagnostics.map((d) => d.code)).toEqual(['plan-theme-duplicate']);
  });

  it('orders open-day activities of one month by day, whatever unit holds them and however the date is written', async () => {
    const openDay = FORMS['open-day'];
    const text = readFileSync(EXAMPLES.openDay, 'utf8');
    const late = text.replace('7月18日', '7月28日');
    const early = text
      .replace('unit: 青禾区文化和旅游局', 'unit: 青禾区科学技术局')
      .replace('7月18日', '2025-07-01')
      .replace('8月21日(暂定)', '8月3日')
      .replace('文旅惠民', '科普惠民')
      .replace('青禾古镇保护', '青禾科技馆');
    const p = planFromSubmissions(
      checked([
        { name: 'a.yaml', text: late },
        { name: 'b.yaml', text: early },
        {
          name: 'c.yaml',
          text: text
            .replace('unit: 青禾区文化和旅游局', 'unit: 青禾区档案馆')
            .replace('7月18日', '7月9日')
            .replace('8月21日(暂定)', '8月')
            .replace('文旅惠民', '档案')
            .replace('青禾古镇保护', '档案馆'),
        },
      ]),
      {
        form: openDay,
        layout: await loadLayout<PlanLayout>(openDay.planLayout),
        profiles: options.profiles,
        lang: 'zh',
        planFile: 'p.html',
      },
    );
    expect(p.plan.entries.map((e) => `${e.row.time} ${e.unit}`).slice(0, 6)).toEqual([
      '2025-07-01 青禾区科学技术局',
      '7月9日 青禾区档案馆',
      '7月28日 青禾区文化和旅游局',
      '8月3日 青禾区科学技术局',
      '8月21日(暂定) 青禾区文化和旅游局',
      '8月 青禾区档案馆',
    ]);
  });
});
