import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckedSubmission } from '../../src/forms/check-files.js';
import { loadLayout } from '../../src/forms/load-layout.js';
import { type FormLayout, type PlanLayout } from '../../src/forms/layout.js';
import { planFromSubmissions } from '../../src/forms/plan/plan-files.js';
import type { FormSheetInput } from '../../src/forms/render/form-input.js';
import { renderFormHtml, renderPlanHtml } from '../../src/forms/render/html.js';
import { renderFormXlsx } from '../../src/forms/render/xlsx-form.js';
import { renderPlanXlsx } from '../../src/forms/render/xlsx-plan.js';
import { FORMS } from '../../src/forms/registry.js';
import { resolveSubmissionOptions, validateSubmission } from '../../src/forms/validate-submission.js';
import { dozenSubmissions, EXAMPLES } from '../forms/fixtures.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, openWatched } from '../_helpers/html-browser.js';
import { convertToPdf, pdfPages, run } from '../_helpers/office.js';

// Kept after the run (in the system's temp folder, or ZWGK_SCREENSHOT_DIR) so the pages can be looked at.
const dir = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-forms-'));
const options = resolveSubmissionOptions();

/** A typical 活动简介 of 100 characters. */
const BRIEF = (
  '邀请人大代表、政协委员、家长代表和媒体记者走进区招生服务中心，现场观摩义务教育入学报名审核、学位分配和' +
  '随迁子女入学办理的全过程，听取意见建议并当场解答。组织家长代表座谈，介绍招生政策，回应关切，公布咨询电话。'
).slice(0, 100);

async function inputOf(file: string): Promise<FormSheetInput> {
  const r = validateSubmission(file, readFileSync(file, 'utf8'), options);
  return {
    form: r.form!,
    layout: await loadLayout<FormLayout>(r.form!.layout),
    profile: r.profile!,
    submission: r.submission!,
  };
}

async function blankOf(id: 'theme-day' | 'open-day'): Promise<FormSheetInput> {
  const form = FORMS[id];
  const profile = options.profiles.profiles.get(options.profiles.defaults[id])!;
  return { form, layout: await loadLayout<FormLayout>(form.layout), profile, blank: { year: 2024, area: '青禾区' } };
}

/** Pages of a PDF as PNG images at 70 dpi, for looking at. */
function pictures(pdf: string, prefix: string): void {
  run('pdftoppm', ['-png', '-r', '70', pdf, join(dir, prefix)]);
}

const A4 = { portrait: [595, 842], landscape: [842, 595] } as const;
function expectA4(size: { width: number; height: number }, orientation: 'portrait' | 'landscape'): void {
  expect(Math.round(size.width)).toBe(A4[orientation][0]);
  expect(Math.round(size.height)).toBe(A4[orientation][1]);
}

const workbooks = [
  {
    name: 'zhutiri',
    input: () => inputOf(EXAMPLES.themeDay),
    orientation: 'portrait',
    text: [
      '青禾区2024年“政务公开主题日”活动主题申报表',
      '填报单位(公章)',
      '青禾区教育局',
      '活动时间(月份)',
      '现场观摩',
      '（公章）',
      '2024年3月25日',
    ],
  },
  {
    name: 'kaifangyue',
    input: () => inputOf(EXAMPLES.openDay),
    orientation: 'landscape',
    text: ['青禾区2025年“政府开放月”活动申报表', '拟参与人数', '8-10家企业代表', '青禾区图书馆'],
  },
  {
    name: 'zhutiri-blank',
    input: () => blankOf('theme-day'),
    orientation: 'portrait',
    text: ['说明', '请于2024年3月31日前报送'],
  },
  {
    name: 'kaifangyue-blank',
    input: () => blankOf('open-day'),
    orientation: 'landscape',
    text: ['青禾区2024年“政府开放月”活动申报表', '活动地点'],
  },
] as const;

describe('form workbooks in LibreOffice', () => {
  beforeAll(async () => {
    for (const w of workbooks) {
      writeFileSync(join(dir, `${w.name}.xlsx`), await renderFormXlsx(await w.input()));
      convertToPdf(join(dir, `${w.name}.xlsx`), dir);
      pictures(join(dir, `${w.name}.pdf`), w.name);
    }
  });

  it.each(workbooks)('$name prints on one A4 page, $orientation, with its text', ({ name, orientation, text }) => {
    const pdf = join(dir, `${name}.pdf`);
    const info = pdfPages(pdf);
    expect(info.pages).toBe(1);
    expectA4(info, orientation);
    const printed = run('pdftotext', ['-layout', pdf, '-']);
    for (const t of text) expect(printed).toContain(t);
  });

  it('prints the blank theme-day workbook on one page with a 100-character 活动简介 typed in, none of it clipped', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await renderFormXlsx(await blankOf('theme-day'))) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // The first row: 活动主题 in B, 活动简介 in F (its worksheet columns F:I merged).
    sheet.getCell('B5').value = '义务教育招生入学现场观摩';
    sheet.getCell('F5').value = BRIEF;
    await workbook.xlsx.writeFile(join(dir, 'zhutiri-typed.xlsx'));
    convertToPdf(join(dir, 'zhutiri-typed.xlsx'), dir);
    const pdf = join(dir, 'zhutiri-typed.pdf');
    pictures(pdf, 'zhutiri-typed');
    expect(pdfPages(pdf).pages).toBe(1);
    // The two blank rows are as high as each other, so the distance between their 序号 (each centred in its
    // row) is the height of a row: the 简介 must lie within the first row, all of it, and none of it outside.
    const words = [
      ...run('pdftotext', ['-bbox', pdf, '-']).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ),
    ].map((m) => ({ left: Number(m[1]), top: Number(m[2]), right: Number(m[3]), bottom: Number(m[4]), text: m[5]! }));
    const heading = words.find((w) => w.text === '活动简介')!;
    const formHeading = words.find((w) => w.text === '活动形式')!;
    const seq = (n: string) => words.find((w) => w.text === n && w.top > heading.bottom)!;
    const middle = (w: { top: number; bottom: number }) => (w.top + w.bottom) / 2;
    const rowHeight = middle(seq('2')) - middle(seq('1'));
    const brief = words
      .filter((w) => w.left > formHeading.right && w.top > heading.bottom && w.top < middle(seq('2')) + rowHeight)
      .sort((x, y) => x.top - y.top || x.left - y.left);
    expect(brief.map((w) => w.text).join('')).toBe(BRIEF);
    expect(Math.min(...brief.map((w) => w.top))).toBeGreaterThanOrEqual(middle(seq('1')) - rowHeight / 2);
    expect(Math.max(...brief.map((w) => w.bottom))).toBeLessThanOrEqual(middle(seq('1')) + rowHeight / 2);
  });

  it('prints the plan of a dozen units with its header on every page', async () => {
    const form = FORMS['theme-day'];
    const layout = await loadLayout<PlanLayout>(form.planLayout);
    const checked: CheckedSubmission[] = dozenSubmissions().map(({ name, text }) => ({
      file: name,
      text,
      result: validateSubmission(name, text, options),
    }));
    const { plan } = planFromSubmissions(checked, {
      form,
      layout,
      profiles: options.profiles,
      lang: 'zh',
      planFile: 'plan.xlsx',
    });
    writeFileSync(join(dir, 'plan.xlsx'), await renderPlanXlsx(plan, layout));
    writeFileSync(join(dir, 'plan.html'), await renderPlanHtml(plan, layout));
    convertToPdf(join(dir, 'plan.xlsx'), dir);
    pictures(join(dir, 'plan.pdf'), 'plan');
    const info = pdfPages(join(dir, 'plan.pdf'));
    expectA4(info, 'landscape');
    for (let page = 1; page <= info.pages; page++) {
      const text = run('pdftotext', ['-layout', '-f', String(page), '-l', String(page), join(dir, 'plan.pdf'), '-']);
      expect(text).toContain('承办单位');
      expect(text).toContain(`第 ${page} 页，共 ${info.pages} 页`);
    }
  });
});

describe('form pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    for (const w of workbooks) writeFileSync(join(dir, `${w.name}.html`), await renderFormHtml(await w.input()));
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch in beforeAll failed
    await browser?.close();
  });

  it.each(workbooks)('$name looks like the paper form and prints on one A4 page', async ({ name, orientation }) => {
    const url = pathToFileURL(join(dir, `${name}.html`)).href;
    const watch = await openWatched(browser, url, { width: 1280, height: 900 });
    const { page } = watch;
    await page.screenshot({ path: join(dir, `${name}-screen.png`), fullPage: true });
    // A sheet of paper: A4 wide (at 96 px per inch), the title centred over the table, lines for the values.
    const sheet = (await page.locator('main.sheet').boundingBox())!;
    expect(Math.round(sheet.width)).toBe(orientation === 'portrait' ? 794 : 1123);
    const title = (await page.locator('h1').boundingBox())!;
    const table = (await page.locator('table.form').boundingBox())!;
    expect(Math.abs(title.x + title.width / 2 - (table.x + table.width / 2))).toBeLessThan(2);
    expect(title.y).toBeLessThan(table.y);
    expect(
      await page
        .locator('.field .value')
        .first()
        .evaluate((el) => getComputedStyle(el).borderBottomStyle),
    ).toBe('solid');
    expect(
      await page
        .locator('table.form td')
        .first()
        .evaluate((el) => getComputedStyle(el).borderTopStyle),
    ).toBe('solid');
    expect(await page.locator('.seal').isVisible()).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests).toEqual([url]);
    const pdf = join(dir, `${name}-print.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    const info = pdfPages(pdf);
    expect(info.pages).toBe(1);
    expectA4(info, orientation);
    pictures(pdf, `${name}-print`);
    await page.context().close();
  });

  it('prints the plan landscape with its header repeated', async () => {
    const url = pathToFileURL(join(dir, 'plan.html')).href;
    const watch = await openWatched(browser, url, { width: 1280, height: 900 });
    await watch.page.screenshot({ path: join(dir, 'plan-screen.png'), fullPage: true });
    const pdf = join(dir, 'plan-print.pdf');
    await watch.page.pdf({ path: pdf, preferCSSPageSize: true });
    const info = pdfPages(pdf);
    expectA4(info, 'landscape');
    for (let page = 1; page <= info.pages; page++) {
      expect(run('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'])).toContain('承办单位');
    }
    pictures(pdf, 'plan-print');
    await watch.page.context().close();
  });
});

// `getComputedStyle` runs in the page; the project compiles without the DOM library, so name what is used here.
declare function getComputedStyle(el: unknown): { borderBottomStyle: string; borderTopStyle: string };

afterAll(() => {
  process.stdout.write(`Form pages and screenshots: ${dir}\n`);
});
