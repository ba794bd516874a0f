import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { brokenCatalog, editedCatalog, SHIPPED_CATALOG } from '../_helpers/edited-catalog.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';
import { openWorkbench } from '../_helpers/workbench-page.js';

// The workbench page (dist/zwgk-workbench.html, from `npm run build`) opened from a file:// URL: the tab
// 比较两个版本 shows and offers the change report `zwgk diff old new -f html` writes on the same files, or
// the errors `zwgk diff` says; the language switch shows both tabs' work again in English, kept; and the
// page asks the network for nothing.
const ROOT = join(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'dist/zwgk-workbench.html');
const BIN = join(ROOT, 'bin/zwgk.js');
const dir = mkdtempSync(join(tmpdir(), 'zwgk-workbench-compare-'));
const OLD = 'yiwu-jiaoyu.yaml';
const NEW = 'yiwu-jiaoyu-new.yaml';
const BROKEN = 'yiwu-jiaoyu-broken.yaml';
const broken = brokenCatalog();

let browser: Browser;
let page: Page;
let offNetwork: string[];
let pageErrors: string[];

/** Run the command line in `dir`. */
function run(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

/** The command line's standard output, where it says nothing on standard error. */
function zwgk(...args: string[]): string {
  const done = run(...args);
  expect(done.stderr).toBe('');
  return done.stdout;
}

async function openTab(id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`#panel-${id}`).waitFor();
}

/** Wait until `expression`, read in the page, holds (the page's policy lets no function be made from text). */
async function until(expression: string): Promise<void> {
  await expect.poll(() => page.evaluate<boolean>(expression), { timeout: 30_000 }).toBe(true);
}

async function switchLanguage(to: 'zh' | 'en'): Promise<void> {
  await page.locator('header button.lang').click();
  await until(`document.documentElement.lang === ${JSON.stringify(to === 'zh' ? 'zh-CN' : 'en')}`);
}

/** Pick files for a side of the comparison, then wait for the report or the errors. */
async function pick(side: 'before' | 'after', ...files: string[]): Promise<void> {
  await page.setInputFiles(
    `#compare-${side}`,
    files.map((f) => join(dir, f)),
  );
}

async function shownReport(): Promise<string> {
  const frame = page.locator('#panel-compare iframe.report-frame');
  await frame.waitFor();
  return (await frame.getAttribute('srcdoc')) ?? '';
}

beforeAll(async () => {
  expect(existsSync(PAGE), 'run `npm run build` first').toBe(true);
  writeFileSync(join(dir, OLD), SHIPPED_CATALOG);
  writeFileSync(join(dir, NEW), editedCatalog());
  writeFileSync(join(dir, BROKEN), broken.text);
  ({ browser, page, offNetwork, pageErrors } = await openWorkbench(PAGE, '?lang=zh'));
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch failed
  await browser?.close();
});

describe('the workbench page, tab 比较两个版本 (file://, Chromium)', () => {
  it('shows and offers the change report zwgk diff -f html writes, and its summary', async () => {
    await openTab('compare');
    expect(await page.locator('#tab-compare').textContent()).toBe('比较两个版本');
    await pick('before', OLD);
    expect(await page.locator('#panel-compare iframe').count()).toBe(0);
    await pick('after', NEW);
    const expected = zwgk('diff', OLD, NEW, '-f', 'html');
    expect(await shownReport()).toBe(expected);
    // The report is drawn in its frame, with the summary the page shows above it.
    const summary = (await page.locator('#panel-compare .diff-summary').textContent()) ?? '';
    expect(summary).toBe('新增0个一级事项、1个二级事项，删除0个一级事项、1个二级事项，修改1个事项');
    const frame = page.frameLocator('#panel-compare iframe.report-frame');
    expect(await frame.locator('p.summary').textContent()).toBe(summary);
    expect(await frame.locator('table.changes tbody tr').count()).toBeGreaterThanOrEqual(3);
    // As tall as the report: the page scrolls, not the frame.
    const heights = await page.evaluate<number[]>(
      `(() => { const f = document.querySelector('iframe.report-frame'); return [f.clientHeight, f.contentDocument.documentElement.scrollHeight]; })()`,
    );
    expect(heights[0]).toBeGreaterThanOrEqual(heights[1]! - 2);

    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-compare button[data-download=html]').click(),
    ]);
    expect(html.suggestedFilename()).toBe('yiwu-jiaoyu-new-变更报告.html');
    expect(readFileSync(await html.path(), 'utf8')).toBe(expected);

    zwgk('diff', OLD, NEW, '-f', 'xlsx', '-o', 'changes.xlsx');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-compare button[data-download=xlsx]').click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('yiwu-jiaoyu-new-变更报告.xlsx');
    expect(readFileSync(await xlsx.path())).toEqual(readFileSync(join(dir, 'changes.xlsx')));
  });

  it('shows the report again in English after the switch, with the files kept', async () => {
    await switchLanguage('en');
    expect(await page.locator('#tab-compare').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('#panel-compare ul.picked li').allTextContents()).toEqual([OLD, NEW]);
    await until(
      `document.querySelector('#panel-compare iframe')?.getAttribute('srcdoc')?.includes('lang="en"') === true`,
    );
    expect(await shownReport()).toBe(zwgk('diff', OLD, NEW, '-f', 'html', '--lang', 'en'));
    expect(await page.locator('#panel-compare .diff-summary').textContent()).toBe(
      '0 level-1 and 1 level-2 items added, 0 and 1 removed, 1 items changed',
    );
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-compare button[data-download=html]').click(),
    ]);
    expect(html.suggestedFilename()).toBe('yiwu-jiaoyu-new-changes.html');
    await switchLanguage('zh');
    expect(await shownReport()).toBe(zwgk('diff', OLD, NEW, '-f', 'html'));
  });

  it('stops at a catalog with an error and says where, as zwgk diff says it', async () => {
    await pick('after', BROKEN);
    const errors = page.locator('#panel-compare pre.diff-errors');
    await errors.waitFor();
    const cli = run('diff', OLD, BROKEN, '-f', 'html');
    expect(cli.status).toBe(2);
    expect(cli.stdout).toBe('');
    expect(await errors.textContent()).toBe(cli.stderr);
    expect(cli.stderr).toMatch(new RegExp(`^  ${broken.line}:\\d+ `, 'm'));
    expect(await page.locator('#panel-compare .problem').textContent()).toMatch(/无法比较/);
    expect(await page.locator('#panel-compare iframe').count()).toBe(0);
    expect(cli.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('fits 1366×768 and a 390 px phone (screenshots)', async () => {
    await pick('after', NEW);
    await shownReport();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: process.env.ZWGK_WB_COMPARE_WIDE ?? '/tmp/wb-compare-1366.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: process.env.ZWGK_WB_COMPARE_NARROW ?? '/tmp/wb-compare-390.png' });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1366, height: 768 });
  });
});

describe('the workbench page, tab 检查目录表格 in English', () => {
  it('shows the findings of a real table in English after the switch, and keeps them in Chinese', async () => {
    const sample = loadCatalogSamples().find((s) => s.id.length > 0)!;
    const file = `${sample.id}.xlsx`;
    writeFileSync(join(dir, file), await sampleXlsx(sample));
    await openTab('check');
    await page.setInputFiles('#check-files', join(dir, file));
    await page.locator('#panel-check article.file').first().waitFor();
    const shown = () =>
      page.evaluate<{ code: string; place: string; message: string }[]>(
        `Array.from(document.querySelectorAll('#panel-check article.file li[data-code]'), (li) => ({ code: li.dataset.code, place: li.dataset.place, message: li.querySelector('.message').textContent }))`,
      );
    const expected = (lang: 'zh' | 'en') =>
      (JSON.parse(zwgk('validate', file, '-f', 'json', '--lang', lang)) as JsonReport).diagnostics.map((d) => ({
        code: d.code,
        place: d.cell?.ref ?? '',
        message: d.message,
      }));
    const zh = expected('zh');
    const en = expected('en');
    expect(zh.length).toBeGreaterThan(0);
    expect(en).not.toEqual(zh);
    expect(await shown()).toEqual(zh);

    await switchLanguage('en');
    expect(await page.locator('#tab-check').getAttribute('aria-selected')).toBe('true');
    await until(`document.querySelector('#panel-check .status')?.textContent.startsWith('Checked') === true`);
    expect(await page.locator('#panel-check article.file h3').textContent()).toBe(file);
    expect(await page.locator('#panel-check .status').textContent()).toMatch(/^Checked/);
    expect(await shown()).toEqual(en);
    // The findings workbook in English too: the bytes `zwgk validate --lang en -f xlsx` writes.
    zwgk('validate', file, '-f', 'xlsx', '--lang', 'en', '-o', 'findings-en.xlsx');
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#panel-check button[data-report]').click(),
    ]);
    expect(workbook.suggestedFilename()).toBe(`${sample.id}-findings.xlsx`);
    expect(readFileSync(await workbook.path())).toEqual(readFileSync(join(dir, 'findings-en.xlsx')));

    await switchLanguage('zh');
    expect(await shown()).toEqual(zh);
    expect(await page.locator('#panel-check article.file').count()).toBe(1);
  });

  it('asked the network for nothing and logged no error', () => {
    expect(pageErrors).toEqual([]);
    expect(offNetwork).toEqual([]);
  });
});
