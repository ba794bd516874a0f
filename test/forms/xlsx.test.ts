import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importForm } from '../../src/forms/import/import-form.js';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type FormLayout } from '../../src/forms/layout.js';
import { renderFormXlsx } from '../../src/forms/render/xlsx-form.js';
import type { FormSheetInput } from '../../src/forms/render/form-input.js';
import { FORMS } from '../../src/forms/registry.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { submissionYaml } from '../../src/forms/write-submission.js';
import { EXAMPLES } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'zwgk-forms-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = resolveSubmissionOptions();

async function input(file: string): Promise<FormSheetInput> {
  const result = validateSubmission(file, readFileSync(file, 'utf8'), options);
  return {
    form: result.form!,
    layout: await loadLayout<FormLayout>(result.form!.layout),
    profile: result.profile!,
    submission: result.submission!,
  };
}

async function blankThemeDay(): Promise<Uint8Array> {
  const form = FORMS['theme-day'];
  return renderFormXlsx({
    form,
    layout: await loadLayout<FormLayout>(form.layout),
    profile: options.profiles.profiles.get('hunan-2023')!,
    blank: { year: 2024, area: '青禾区' },
  });
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

let n = 0;
/** Import a workbook (or its bytes) through the file reader; returns the YAML data and the unreadable cells. */
async function importBytes(bytes: Uint8Array | ExcelJS.Workbook, ext = 'xlsx') {
  const file = join(dir, `in-${n++}.${ext}`);
  writeFileSync(file, bytes instanceof Uint8Array ? bytes : Buffer.from(await bytes.xlsx.writeBuffer()));
  const found = await importForm(file, { lang: 'zh' });
  const text = submissionYaml(found.draft, { profile: options.profiles.profiles.get('hunan-2023')! });
  return { data: parse(text) as Record<string, unknown>, text, problems: found.problems, found };
}

/** The submission data of a YAML file, without what a workbook does not carry (the profile). */
function dataOf(file: string): Record<string, unknown> {
  const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete data.profile;
  return data;
}

describe('the blank theme-day workbook', () => {
  it('offers drop-down lists for 活动时间(月份) and 活动形式 on every row, from the profile', async () => {
    const sheet = (await load(await blankThemeDay())).worksheets[0]!;
    expect(sheet.name).toBe('申报表');
    expect(sheet.getCell('A1').value).toBe('青禾区2024年“政务公开主题日”活动主题申报表');
    // 活动主题 and 活动简介 span finer worksheet columns, so that 联系人 and 联系电话 share the line of 填报单位.
    const header = sheet.getRow(4).values as unknown[];
    expect([1, 2, 4, 5, 6].map((c) => header[c])).toEqual([
      '序号',
      '活动主题',
      '活动时间(月份)',
      '活动形式',
      '活动简介',
    ]);
    for (const row of [5, 6]) {
      expect(sheet.getCell(`D${row}`).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"4月,5月,6月,7月,8月,9月,10月,11月,12月"'],
        showErrorMessage: true,
      });
      expect(sheet.getCell(`E${row}`).dataValidation).toMatchObject({
        type: 'list',
        formulae: ['"实地调研,现场观摩,座谈交流,政策发布,问卷调查"'],
      });
    }
    // Hunan asks for exactly 2 themes: the blank form has 2 rows.
    expect(sheet.getCell('A7').value).toBeNull();
  });

  it('is protected without a password, with the header values and the rows unlocked and the labels locked', async () => {
    const sheet = (await load(await blankThemeDay())).worksheets[0]!;
    // exceljs keeps the protection it read, though its types do not say so.
    const protection = (sheet as unknown as { sheetProtection: { sheet?: boolean; hashValue?: string } })
      .sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection.hashValue).toBeUndefined();
    // exceljs types `protection` as always there, but a cell without a style of its own has none.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- see above
    const locked = (ref: string) => sheet.getCell(ref).protection?.locked !== false;
    for (const ref of ['C2', 'G2', 'I2', 'B5', 'D5', 'E5', 'F5', 'B6', 'F6']) expect(locked(ref), ref).toBe(false);
    for (const ref of ['A1', 'A2', 'F2', 'H2', 'A4', 'B4', 'A5', 'A6']) expect(locked(ref), ref).toBe(true);
    expect(sheet.getCell('I2').numFmt).toBe('@');
    const dateRow = sheet.rowCount;
    expect(sheet.getCell(`E${dateRow}`).value).toBe('填报日期：');
    expect(locked(`F${dateRow}`)).toBe(false);
  });

  it('prints on one A4 page, portrait, with the rules of the profile under the table', async () => {
    const sheet = (await load(await blankThemeDay())).worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
    });
    const notes = sheet.getCell('A8').value as string;
    expect(notes).toContain('每个单位申报2个活动主题，其中至少1个的活动形式为“实地调研”或“现场观摩”');
    expect(notes).toContain('请于2024年3月31日前报送');
  });

  it('gives the same bytes on every run', async () => {
    expect(Buffer.from(await blankThemeDay()).equals(Buffer.from(await blankThemeDay()))).toBe(true);
    const a = await renderFormXlsx(await input(EXAMPLES.openDay));
    const b = await renderFormXlsx(await input(EXAMPLES.openDay));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describe('filling in and importing', () => {
  it('reads a blank workbook filled in by a unit back into the same submission', async () => {
    const workbook = await load(await blankThemeDay());
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('C2').value = '青禾区教育局';
    sheet.getCell('G2').value = '李晓梅';
    sheet.getCell('I2').value = '0871-65123456';
    sheet.getCell('B5').value = '义务教育招生入学“阳光招生”现场观摩';
    sheet.getCell('D5').value = '6月';
    sheet.getCell('E5').value = '现场观摩';
    sheet.getCell('F5').value =
      '邀请人大代表、政协委员和家长代表到区招生服务中心，现场观摩义务教育入学报名审核和学位分配流程，听取意见建议。';
    sheet.getCell('B6').value = '课后服务政策解读与家长座谈';
    sheet.getCell('D6').value = '9月';
    sheet.getCell('E6').value = '座谈交流';
    sheet.getCell('F6').value =
      '介绍全区中小学课后服务开展情况和收费政策，与家长代表、学校负责人座谈交流，回应家长关切。';
    sheet.getCell(`F${sheet.rowCount}`).value = '2024年3月25日';
    const { data, problems, text } = await importBytes(workbook);
    expect(problems).toEqual([]);
    expect(data).toEqual(dataOf(EXAMPLES.themeDay));
    expect(validateSubmission('x.yaml', text, options).diagnostics).toEqual([]);
  });

  it.each([EXAMPLES.themeDay, EXAMPLES.openDay])('round-trips %s through its rendered workbook', async (file) => {
    const { data, problems } = await importBytes(await renderFormXlsx(await input(file)));
    expect(problems).toEqual([]);
    expect(data).toEqual(dataOf(file));
  });

  it('reads a plain table a unit typed by hand: the header line in one cell, no merges, a date typed as a date', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(['湖南湘江新区2023年“政务公开主题日”活动主题申报表']);
    sheet.addRow(['填报单位（公章）：青禾区民政局      联系人：张三      联系电话：13812345678']);
    sheet.addRow(['序 号', '活动主题', '活动时间（月份）', '活动形式', '活动简介']);
    sheet.addRow([1, '社会救助政策进社区', '五月', '政策发布', '在清河街道开展\n政策宣讲']);
    sheet.addRow([]);
    sheet.addRow([2, '养老服务机构实地调研', 7, '实地 调研', null]);
    sheet.addRow(['填报日期：', new Date(Date.UTC(2023, 2, 28))]);
    const { data, problems } = await importBytes(workbook);
    expect(problems).toEqual([]);
    expect(data).toEqual({
      kind: 'form/theme-day',
      year: 2023,
      area: '湖南湘江新区',
      unit: '青禾区民政局',
      contact: '张三',
      phone: '13812345678',
      date: '2023-03-28',
      themes: [
        { theme: '社会救助政策进社区', month: 5, form: '政策发布', brief: '在清河街道开展\n政策宣讲' },
        { theme: '养老服务机构实地调研', month: 7, form: '实地调研' },
      ],
    });
  });

  it('reads the same table saved as CSV', async () => {
    const csv = [
      '青禾区2024年“政务公开主题日”活动主题申报表,,,,',
      '填报单位(公章):,青禾区医疗保障局,联系人:,王芳,',
      '联系电话:,0871-65550000,,,',
      '序号,活动主题,活动时间(月份),活动形式,活动简介',
      '1,医保政策问卷调查,2024年8月,问卷调查,',
      '2,定点医药机构现场观摩,10,现场观摩,邀请群众代表观摩',
    ].join('\r\n');
    const { data, problems } = await importBytes(new TextEncoder().encode(csv), 'csv');
    expect(problems).toEqual([]);
    expect(data).toMatchObject({
      year: 2024,
      area: '青禾区',
      unit: '青禾区医疗保障局',
      contact: '王芳',
      phone: '0871-65550000',
    });
    expect((data.themes as unknown[]).length).toBe(2);
  });

  it('reports each cell it cannot read by its reference, and leaves the value for the unit to fill', async () => {
    const workbook = await load(await blankThemeDay());
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('C2').value = '青禾区教育局';
    sheet.getCell('B5').value = '甲';
    sheet.getCell('D5').value = '下半年';
    sheet.getCell('E5').value = '实地调研';
    sheet.getCell(`F${sheet.rowCount}`).value = '三月底';
    const { data, problems, text } = await importBytes(workbook);
    expect(problems.map((p) => p.ref)).toEqual(['申报表!D5', '申报表!F11']);
    expect(problems[0]!.message.zh).toContain('下半年');
    expect((data.themes as Record<string, unknown>[])[0]!.month).toBeNull();
    expect(text).toContain('# 原表 申报表!D5 为“下半年”，无法读成月份，请填写');
    // Fields the unit left empty are written empty, so that the check says to fill them in.
    expect(data.contact).toBeNull();
  });

  it('refuses a workbook that holds no form', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow(['序号', '公开事项', '公开内容']);
    await expect(importBytes(workbook)).rejects.toThrow(/没有找到申报表/);
  });

  it('refuses a form with its header and no activity (the blank workbook of form new), naming the sheet and the header', async () => {
    await expect(importBytes(await blankThemeDay())).rejects.toThrow(/申报表（申报表!A4）只有表头，没有可导入的活动/);
  });
});

describe('importing a web page', () => {
  it.each([EXAMPLES.themeDay, EXAMPLES.openDay])(
    'round-trips %s through its rendered page: title and header fields before the table, the date after it',
    async (file) => {
      const { renderFormHtml } = await import('../../src/forms/render/html.js');
      const html = await renderFormHtml(await input(file));
      const { data, problems } = await importBytes(new TextEncoder().encode(html), 'html');
      expect(problems).toEqual([]);
      expect(data).toEqual(dataOf(file));
    },
  );

  it('reads a page typed by hand: the fields in paragraphs around the table, the date after it', async () => {
    const html = `<html><body>
      <h2>青禾区2024年“政务公开主题日”活动主题申报表</h2>
      <p>填报单位（公章）：青禾区民政局\u3000联系人：张三</p>
      <table><tr><th>序号</th><th>活动主题</th><th>活动时间</th><th>活动形式</th></tr>
        <tr><td>1</td><td>社会救助政策进社区</td><td>5月</td><td>政策发布</td></tr></table>
      <p>联系电话：13812345678</p>
      <p>填报日期：2024 年 3 月 28 日</p>
    </body></html>`;
    const { data, problems } = await importBytes(new TextEncoder().encode(html), 'html');
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ unit: '青禾区民政局', contact: '张三', phone: '13812345678', date: '2024-03-28' });
  });
});
