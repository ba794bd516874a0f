import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { openWorkbench } from '../_helpers/workbench-page.js';

// The workbench page's tab 填写申报表 (dist/zwgk-workbench.html, from `npm run build`) opened from a file://
// URL: a theme-day form filled in with the keyboard only, checked as it is typed by the checks of
// `zwgk form check`, and downloaded as a workbook that `zwgk form import` reads back as the same data.
const ROOT = join(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'dist/zwgk-workbench.html');
const BIN = join(ROOT, 'bin/zwgk.js');
const dir = mkdtempSync(join(tmpdir(), 'zwgk-workbench-form-'));

/** What the test types, as the submission's data (the default profile is not named, as in a file). */
const FILLED = {
  kind: 'form/theme-day',
  year: 2026,
  area: '青禾区',
  unit: '青禾区教育局',
  contact: '李晓梅',
  phone: '0871-65123456',
  date: '2026-03-20',
  themes: [
    {
      theme: '义务教育招生入学“阳光招生”现场观摩',
      month: 6,
      form: '现场观摩',
      brief: '邀请家长代表到招生服务中心，现场观摩报名审核和学位分配流程。',
    },
    { theme: '课后服务政策解读与家长座谈', month: 9, form: '座谈交流', brief: '介绍课后服务开展情况和收费政策。' },
  ],
};

let browser: Browser;
let page: Page;
let offNetwork: string[];
let pageErrors: string[];

/** Run the command line in `dir`: its exit code and output. */
function zwgk(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The id of the element that has the focus. */
const focused = () => page.evaluate<string>('document.activeElement.id');

/** Move the focus on with Tab, and say where it is. */
async function tab(): Promise<string> {
  await page.keyboard.press('Tab');
  return focused();
}

/** Type into the field that has the focus, replacing what it holds. */
async function typeOver(text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

/** Press ArrowDown `n` times in the list that has the focus. */
async function down(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await page.keyboard.press('ArrowDown');
}

/** The codes of the findings the list shows, with the field each goes to. */
const listed = () =>
  page.evaluate<string[]>(
    `Array.from(document.querySelectorAll('#form-findings li'), (li) => li.dataset.code + ' ' + (li.dataset.field ?? ''))`,
  );

beforeAll(async () => {
  expect(existsSync(PAGE), 'run `npm run build` first').toBe(true);
  ({ browser, page, offNetwork, pageErrors } = await openWorkbench(PAGE));
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch failed
  await browser?.close();
});

describe('the workbench page, tab 填写申报表 (file://, Chromium)', () => {
  it('is reached from the tab list with the keyboard, and offers the theme-day form by the Hunan 2023 rules', async () => {
    expect(await tab()).toBe(''); // the language switch
    expect(await page.evaluate('document.activeElement.className')).toBe('lang');
    expect(await tab()).toBe('tab-check');
    await page.keyboard.press('End');
    expect(await focused()).toBe('tab-form');
    expect(await page.locator('#panel-form').isVisible()).toBe(true);
    expect(await tab()).toBe('form-kind');
    expect(await page.inputValue('#form-kind')).toBe('theme-day');
    expect(await page.inputValue('#form-profile')).toBe('hunan-2023');
    // Months of the profile's window only, and its 活动形式.
    expect(await page.locator('#form-themes-0-month option').allTextContents()).toEqual([
      '请选择',
      ...[4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => `${m}月`),
    ]);
    expect(await page.locator('#form-themes-0-form option').allTextContents()).toEqual([
      '请选择',
      '实地调研',
      '现场观摩',
      '座谈交流',
      '政策发布',
      '问卷调查',
    ]);
    expect(await page.getAttribute('#form-phone', 'type')).toBe('tel');
    // Two rows, as the profile asks, and no more to add.
    expect(await page.locator('fieldset.form-row').count()).toBe(2);
    expect(await page.locator('#form-add-row').count()).toBe(0);
    // Every input has its label.
    const unlabelled = await page.evaluate<number>(
      `Array.from(document.querySelectorAll('#panel-form input, #panel-form select, #panel-form textarea')).filter((e) => e.labels.length === 0).length`,
    );
    expect(unlabelled).toBe(0);
    // A blank form cannot be downloaded yet, and says why.
    expect(await page.textContent('#form-summary')).toMatch(/^\d+ 个错误/);
    expect(await page.getAttribute('#form-download', 'aria-disabled')).toBe('true');
    expect(await page.textContent('#form-download-note')).toMatch(/改正后才能下载/);
    // The list follows the form from top to bottom (the check names the phone after the rows' fields).
    const order = (await listed()).map((item) => item.split(' ')[1]);
    expect(order[0]).toBe('form-area');
    expect(order.indexOf('form-phone')).toBeLessThan(order.indexOf('form-themes-0-theme'));
    expect(order.at(-1)).toBe('form-themes-1-form');
  });

  it('is filled in with the keyboard, a wrong phone number found as it is typed and cleared when fixed', async () => {
    expect(await tab()).toBe('form-profile');
    expect(await tab()).toBe('form-year');
    await typeOver(String(FILLED.year));
    expect(await tab()).toBe('form-area');
    await page.keyboard.type(FILLED.area);
    expect(await tab()).toBe('form-title');
    expect(await tab()).toBe('form-unit');
    await page.keyboard.type(FILLED.unit);
    expect(await tab()).toBe('form-contact');
    await page.keyboard.type(FILLED.contact);
    expect(await tab()).toBe('form-phone');
    await page.keyboard.type('0871-6512');
    const phoneFinding = page.locator('#form-findings li[data-code="form-phone"]');
    await phoneFinding.waitFor();
    expect(await phoneFinding.getAttribute('data-field')).toBe('form-phone');
    expect(await page.textContent('#form-phone-error')).toContain('不像电话号码');
    expect(await page.getAttribute('#form-phone', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#form-phone', 'aria-describedby')).toBe('form-phone-error');
    // The message is the one `zwgk form check` gives.
    expect(await phoneFinding.locator('.message').textContent()).toBe('联系电话“0871-6512”不像电话号码。');
    await page.keyboard.type('3456');
    await phoneFinding.waitFor({ state: 'detached' });
    expect(await page.textContent('#form-phone-error')).toBe('');
    expect(await page.getAttribute('#form-phone', 'aria-invalid')).toBeNull();
    expect(await tab()).toBe('form-date');
    await page.keyboard.type(FILLED.date);

    const [first, second] = FILLED.themes;
    expect(await tab()).toBe('form-themes-0-theme');
    await page.keyboard.type(first!.theme);
    expect(await tab()).toBe('form-themes-0-month');
    await down(3); // 4月, 5月, 6月
    expect(await tab()).toBe('form-themes-0-form');
    await down(2); // 实地调研, 现场观摩
    expect(await tab()).toBe('form-themes-0-brief');
    await page.keyboard.type(first!.brief);
    expect(await tab()).toBe('form-remove-0');
    expect(await tab()).toBe('form-themes-1-theme');
    await page.keyboard.type(second!.theme);
    expect(await tab()).toBe('form-themes-1-month');
    await down(6); // … 9月
    expect(await tab()).toBe('form-themes-1-form');
    await down(3); // … 座谈交流
    expect(await tab()).toBe('form-themes-1-brief');
    await page.keyboard.type(second!.brief);
    expect(await page.inputValue('#form-themes-0-month')).toBe('6');
    expect(await page.inputValue('#form-themes-1-form')).toBe('座谈交流');

    await page.locator('#form-summary', { hasText: '没有发现问题' }).waitFor();
    expect(await listed()).toEqual([]);
    expect(await page.getAttribute('#form-download', 'aria-disabled')).toBe('false');
  });

  it('names a finding in the list and takes the user to its field', async () => {
    // 问卷调查 for the first theme too: neither is 实地调研 or 现场观摩 any more.
    await page.focus('#form-themes-0-form');
    await down(2);
    const required = page.locator('#form-findings li[data-code="form-required-form"]');
    await required.waitFor();
    expect(await listed()).toEqual(['form-required-form form-themes-1-form']);
    await required.locator('button').focus();
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('form-themes-1-form');
    expect(await page.getAttribute('#form-themes-1-form', 'aria-describedby')).toBe('form-themes-1-form-error');
    await page.focus('#form-themes-0-form');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('#form-themes-0-form')).toBe('现场观摩');
    await required.waitFor({ state: 'detached' });
  });

  it('keeps what was typed when the page switches to English and back', async () => {
    await page.click('button.lang');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe('Fill in a form');
    expect(await page.locator('label[for="form-unit"]').textContent()).toBe('unit (填报单位)');
    expect(await page.inputValue('#form-unit')).toBe(FILLED.unit);
    expect(await page.inputValue('#form-phone')).toBe(FILLED.phone);
    expect(await page.inputValue('#form-themes-1-month')).toBe('9');
    expect(await page.inputValue('#form-themes-0-brief')).toBe(FILLED.themes[0]!.brief);
    expect(await page.textContent('#form-summary')).toMatch(/No problems found/);
    await page.click('button.lang');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.inputValue('#form-themes-0-form')).toBe('现场观摩');
    // A wrong field stays marked as wrong, for the eye and for screen readers, across the switch.
    await page.fill('#form-phone', '12');
    await page.locator('#form-phone[aria-invalid=true]').waitFor();
    await page.click('button.lang');
    expect(await page.getAttribute('#form-phone', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#form-phone', 'aria-describedby')).toBe('form-phone-error');
    await page.click('button.lang');
    await page.fill('#form-phone', FILLED.phone);
    await page.locator('#form-summary', { hasText: '没有发现问题' }).waitFor();
  });

  it('downloads the form as a workbook that zwgk form import reads back as the data typed, and form check passes', async () => {
    await page.focus('#form-themes-1-brief');
    let at = '';
    for (let i = 0; i < 10 && at !== 'form-download'; i++) at = await tab();
    expect(at).toBe('form-download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('青禾区教育局-政务公开主题日活动主题申报表.xlsx');
    const file = join(dir, 'filled.xlsx');
    copyFileSync(await download.path(), file);

    // The workbook itself passes `zwgk form check`.
    const direct = zwgk('form', 'check', 'filled.xlsx');
    expect(direct.status, direct.stdout).toBe(0);
    expect(direct.stdout).toContain('检查了 1 个文件，没有发现问题');
    const imported = zwgk('form', 'import', 'filled.xlsx', '-o', 'x.yaml');
    expect(imported.status, imported.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'x.yaml'), 'utf8'))).toEqual(FILLED);
    const checked = zwgk('form', 'check', 'x.yaml');
    expect(checked.status, checked.stdout).toBe(0);
    // The very workbook `zwgk form render` makes of that file.
    const rendered = zwgk('form', 'render', 'x.yaml', '-f', 'xlsx', '-o', 'rendered.xlsx');
    expect(rendered.status, rendered.stderr).toBe(0);
    expect(readFileSync(file).equals(readFileSync(join(dir, 'rendered.xlsx')))).toBe(true);
  });

  it('does not download a form with errors: it explains, and takes the user to the first', async () => {
    await page.focus('#form-unit');
    await typeOver('');
    await page.locator('#form-download[aria-disabled=true]').waitFor();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.focus('#form-download');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('form-unit');
    expect(await page.textContent('#form-unit-error')).toContain('填报单位是空的');
    // The field is in view with its label.
    const label = await page.locator('label[for="form-unit"]').boundingBox();
    expect(label!.y).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: process.env.ZWGK_WB_FORM_SHOT_ERRORS ?? join(dir, 'wb-form-errors.png') });
    await page.keyboard.type(FILLED.unit);
    await page.locator('#form-download[aria-disabled=false]').waitFor();
    expect(downloads).toBe(0);
  });

  it('keeps each form apart: the open-day form has its own fields, and the theme-day values stay', async () => {
    await page.focus('#form-kind');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#form-kind')).toBe('open-day');
    expect(await focused()).toBe('form-kind');
    expect(await page.inputValue('#form-profile')).toBe('shanghai-2025');
    expect(await page.locator('#form-activities-0-time').count()).toBe(1);
    expect(await page.locator('#form-activities-0-form option').allTextContents()).toEqual([
      '请选择',
      '参观',
      '座谈',
      '体验',
    ]);
    // Any number of activities: one more can be added, and then removed.
    await page.focus('#form-add-row');
    await page.keyboard.press('Enter');
    expect(await focused()).toBe('form-activities-1-time');
    await page.focus('#form-remove-1');
    await page.keyboard.press('Enter');
    expect(await page.locator('fieldset.form-row').count()).toBe(1);
    await page.focus('#form-kind');
    await page.keyboard.press('ArrowUp');
    expect(await page.inputValue('#form-unit')).toBe(FILLED.unit);
    expect(await page.inputValue('#form-themes-1-theme')).toBe(FILLED.themes[1]!.theme);
  });

  it('downloads an open-day form that zwgk form import reads back as the data typed, a number of people as a number', async () => {
    const data = {
      kind: 'form/open-day',
      year: 2025,
      area: '青禾区',
      unit: '青禾区文化和旅游局',
      contact: '王建国',
      phone: '13987654321',
      activities: [
        { time: '7月18日', theme: '走进青禾区图书馆', form: '体验', place: '青禾区图书馆', participants: 20 },
        { time: '8月21日(暂定)', theme: '文旅惠民政策座谈会', form: '座谈', place: '文化馆', participants: '8-10人' },
      ],
    };
    await page.selectOption('#form-kind', 'open-day');
    for (const key of ['year', 'area', 'unit', 'contact', 'phone'] as const)
      await page.fill(`#form-${key}`, String(data[key]));
    await page.click('#form-add-row');
    for (const [i, row] of data.activities.entries())
      for (const [key, value] of Object.entries(row))
        if (key === 'form') await page.selectOption(`#form-activities-${i}-form`, value as string);
        else await page.fill(`#form-activities-${i}-${key}`, String(value));
    await page.locator('#form-summary', { hasText: '没有发现问题' }).waitFor();
    await page.focus('#form-download');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('青禾区文化和旅游局-政府开放月（开放日）活动申报表.xlsx');
    copyFileSync(await download.path(), join(dir, 'open.xlsx'));
    const imported = zwgk('form', 'import', 'open.xlsx', '-o', 'open.yaml');
    expect(imported.status, imported.stderr).toBe(0);
    expect(parse(readFileSync(join(dir, 'open.yaml'), 'utf8'))).toEqual(data);
    expect(zwgk('form', 'check', 'open.yaml').status).toBe(0);
    expect(zwgk('form', 'check', 'open.xlsx').status).toBe(0);
    await page.selectOption('#form-kind', 'theme-day');
    expect(await page.inputValue('#form-unit')).toBe(FILLED.unit);
  });

  it('fits 1366×768 and a 390 px phone (screenshots), and asked the network for nothing', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: process.env.ZWGK_WB_FORM_SHOT_WIDE ?? join(dir, 'wb-form-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: process.env.ZWGK_WB_FORM_SHOT_NARROW ?? join(dir, 'wb-form-390.png') });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
    expect(offNetwork).toEqual([]);
  });
});
