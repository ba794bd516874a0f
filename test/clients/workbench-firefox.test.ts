import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';

// The workbench page in Firefox (Debian's firefox-esr, driven over WebDriver BiDi), opened from a file:// URL
// with every request off the machine refused: it checks in its worker and shows, for each real table
// uploaded as a workbook, the findings `zwgk validate` gives on the same file.
const ROOT = join(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'dist/zwgk-workbench.html');
const BIN = join(ROOT, 'bin/zwgk.js');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const dir = mkdtempSync(join(tmpdir(), 'zwgk-workbench-firefox-'));
const samples = loadCatalogSamples();

let browser: Browser;
let page: Page;
const offNetwork: string[] = [];
const pageErrors: string[] = [];

/** What a finding shows: its code, where it is, and its message. */
interface Shown {
  code: string;
  place: string;
  message: string;
}

beforeAll(async () => {
  expect(existsSync(PAGE), 'run `npm run build` first').toBe(true);
  for (const s of samples) writeFileSync(join(dir, `${s.id}.xlsx`), await sampleXlsx(s));
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (/^(file|blob|data):/.test(url)) return void request.continue().catch(() => undefined);
    offNetwork.push(url);
    return void request.abort().catch(() => undefined);
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(pathToFileURL(PAGE).href);
}, 60_000);

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch failed
  await browser?.close();
});

describe('the workbench page in Firefox (file://)', () => {
  it('starts in Chinese, says no data leaves the machine, and checks in a worker', async () => {
    expect(await page.evaluate(`document.querySelector('.offline').textContent`)).toContain('数据不会离开本机');
    expect(await page.evaluate(`document.documentElement.dataset.worker`)).toBe('yes');
  });

  it.each(samples.map((s) => [s.id] as const))('shows for %s.xlsx what zwgk validate finds', async (id) => {
    const file = `${id}.xlsx`;
    const run = spawnSync(process.execPath, [BIN, 'validate', file, '-f', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const expected: Shown[] = (JSON.parse(run.stdout) as JsonReport).diagnostics.map((d) => ({
      code: d.code,
      place: d.cell?.ref ?? '',
      message: d.message,
    }));
    const before = (await page.$$('article.file')).length;
    const input = await page.$('#check-files');
    await input!.uploadFile(join(dir, file));
    await page.waitForFunction(`document.querySelectorAll('article.file').length > ${before}`);
    // The newest file's section comes first. Read in the page (a function as text: Node's types know no DOM).
    const shown = await page.evaluate(
      `(() => { const a = document.querySelector('article.file'); return { name: a.querySelector('h3').textContent, findings: Array.from(a.querySelectorAll('li[data-code]'), (li) => ({ code: li.dataset.code, place: li.dataset.place, message: li.querySelector('.message').textContent })) }; })()`,
    );
    expect(shown).toEqual({ name: file, findings: expected });
  });

  it('compares two versions of a catalog, with the summary zwgk diff gives', async () => {
    const catalog = readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8');
    writeFileSync(join(dir, 'old.yaml'), catalog);
    // One 二级事项 fewer.
    const edited = catalog.replace(/\n {6}- name: 部门规章和规范性文件\n {8}content: .*\n/, '\n');
    expect(edited).not.toBe(catalog);
    writeFileSync(join(dir, 'new.yaml'), edited);
    const cli = spawnSync(process.execPath, [BIN, 'diff', 'old.yaml', 'new.yaml', '-f', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    const removed = (JSON.parse(cli.stdout) as { totals: { removed: { level2: number } } }).totals.removed.level2;
    expect(removed).toBe(1);
    await page.click('#tab-compare');
    await (await page.$('#compare-before'))!.uploadFile(join(dir, 'old.yaml'));
    await (await page.$('#compare-after'))!.uploadFile(join(dir, 'new.yaml'));
    await page.waitForSelector('#panel-compare .diff-summary');
    expect(await page.evaluate(`document.querySelector('#panel-compare .diff-summary').textContent`)).toContain(
      '删除0个一级事项、1个二级事项',
    );
  });

  it('checks a theme-day form as it is filled in', async () => {
    await page.click('#tab-form');
    await page.click('#form-phone');
    await page.keyboard.type('12');
    await page.waitForSelector('#form-findings li[data-code="form-phone"]');
    expect(
      await page.evaluate(`document.querySelector('#form-findings li[data-code="form-phone"]').textContent`),
    ).toContain('不像电话号码');
  });

  it('asked nothing of the network and raised no error', async () => {
    expect(offNetwork).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The watch sees a request off the machine when a page makes one (it is not blind).
    const other = await browser.newPage();
    const seen: string[] = [];
    await other.setRequestInterception(true);
    other.on('request', (request) => {
      seen.push(request.url());
      // A request the browser has already dropped cannot be refused again: that is not this test's concern.
      request.abort().catch(() => undefined);
    });
    await other.goto('data:text/html,<img src="http://192.0.2.1/x.png">');
    await other.waitForFunction(`document.images[0].complete`);
    expect(seen).toContain('http://192.0.2.1/x.png');
    await other.close();
  });
});
