import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderInput } from '../../src/render/types.js';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  openWatched,
  readCharts,
  readScrollWidths,
  readVisibleRows,
  shownCount,
  type PageWatch,
  type VisibleRow,
} from '../_helpers/html-browser.js';
import { hostileInput, renderToTempDir } from '../_helpers/html-fixtures.js';
import { shippedInputs } from '../_helpers/tables.js';

// The shipped catalogs and, last, a catalog whose values try to inject markup and script.
const inputs: RenderInput[] = [...shippedInputs(), hostileInput()];
const total = inputs.reduce((n, x) => n + x.table.rows.length, 0);
const shots = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-shots-'));

let browser: Browser;
let singleUrl: string;
let siteDir: string;

beforeAll(async () => {
  const single = await renderToTempDir(inputs);
  singleUrl = pathToFileURL(join(single.dir, single.paths[0]!)).href;
  siteDir = (await renderToTempDir(inputs, { layout: 'site' })).dir;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch in beforeAll failed
  await browser?.close();
});

/** What the model says every column of a row shows, merged values included. */
function expectedTexts(row: VisibleRow): string[] {
  const table = inputs[row.table]!.table;
  return table.rows[Number(row.seq) - 1]!.cells.map((c) => c.text);
}

/** Every shown row is whole, shows the values of its own row of the model, and is counted. */
async function expectConsistent(watch: PageWatch): Promise<VisibleRow[]> {
  const rows = await readVisibleRows(watch.page);
  for (const row of rows) {
    expect(row.complete, `table ${row.table} row ${row.seq}`).toBe(true);
    expect(row.texts, `table ${row.table} row ${row.seq}`).toEqual(expectedTexts(row));
  }
  expect((await shownCount(watch.page)).shown).toBe(rows.length);
  return rows;
}

function expectQuiet(watch: PageWatch, allowed: string[]): void {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.requests.filter((url) => !allowed.includes(url))).toEqual([]);
}

describe('HTML page in Chromium (file://)', () => {
  it('loads without errors, asks for nothing but itself, and runs no catalog script', async () => {
    const watch = await openWatched(browser, singleUrl);
    expect(await watch.page.locator('form[data-filters]').isVisible()).toBe(true);
    expect(await shownCount(watch.page)).toEqual({ shown: total, total });
    const rows = await expectConsistent(watch);
    expect(rows).toHaveLength(total);
    expect(await watch.page.evaluate('window.__pwned')).toBeUndefined();
    // The hostile values are on the page as text.
    const hostile = inputs.length - 1;
    const caption = watch.page.locator(`#catalog-${hostile + 1}-caption`);
    expect(await caption.textContent()).toBe('测试目录<script>alert(1)</script>');
    const cell = watch.page.locator(`#catalog-${hostile + 1} td.content`).first();
    expect(await cell.innerText()).toBe('第一行\n第二行</td></tr><script>window.__pwned = 4</script>');
    expect(await cell.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
    expectQuiet(watch, [singleUrl]);
    await watch.page.context().close();
  });

  it('narrows the rows and the count as one types, keeping merged cells on the rows that remain', async () => {
    const watch = await openWatched(browser, singleUrl);
    const { page } = watch;
    await page.fill('#filter-text', '申请');
    const rows = await expectConsistent(watch);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(total);
    for (const row of rows) expect(`${row.texts.slice(1).join(' ')} ${row.method} ${row.audience}`).toContain('申请');
    expect(await page.locator('.count').textContent()).toBe(`显示 ${rows.length} / ${total} 项`);

    // 政策解读 is the fourth row under the merged 一级事项 政策文件: alone, it must still show 政策文件.
    await page.fill('#filter-text', '政策解读');
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    const [only, ...rest] = (await expectConsistent(watch)).filter((row) => row.table === yiwu);
    expect(rest).toEqual([]);
    expect(only!.seq).toBe('4');
    const level1 = inputs[yiwu]!.table.columns.findIndex((c) => c.id === 'level1');
    expect(only!.texts[level1]).toBe('政策文件');
    expect(await page.locator(`#catalog-${yiwu + 1} tbody td.level1`).textContent()).toBe('政策文件');
    expect(await page.locator(`#catalog-${yiwu + 1} tbody td.level1`).isVisible()).toBe(true);
    // Sections with nothing left fold away.
    expect(await page.locator('#catalog-1').isVisible()).toBe(false);

    // Several words must all match.
    await page.fill('#filter-text', '招生 录取');
    for (const row of await expectConsistent(watch)) {
      const text = row.texts.join(' ');
      expect(text).toContain('招生');
      expect(text).toContain('录取');
    }
    expectQuiet(watch, [singleUrl]);
    await page.context().close();
  });

  it('filters by 公开方式 and 公开对象, and 清除 brings back the table exactly', async () => {
    const watch = await openWatched(browser, singleUrl);
    const { page } = watch;
    const before = await readVisibleRows(page);
    expect(before.every((row) => row.own.length > 0)).toBe(true);

    await page.selectOption('#filter-method', '依申请');
    const apply = await expectConsistent(watch);
    const expected = inputs.flatMap((x) => x.table.rows.filter((r) => r.item.fields.method.includes('依申请'))).length;
    expect(expected).toBeGreaterThan(0);
    expect(apply).toHaveLength(expected);
    for (const row of apply) expect(row.method.split(' ')).toContain('依申请');

    await page.selectOption('#filter-method', '主动');
    await page.selectOption('#filter-audience', '特定群体');
    const both = await expectConsistent(watch);
    for (const row of both) {
      expect(row.method.split(' ')).toContain('主动');
      expect(row.audience.split(' ')).toContain('特定群体');
    }

    await page.click('button[type="reset"]');
    await page.waitForFunction(`document.querySelector('[data-shown]').textContent === '${total}'`);
    // Same rows, same cells, same rowspans as the page first had.
    expect(await readVisibleRows(page)).toEqual(before);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expectQuiet(watch, [singleUrl]);
    await page.context().close();
  });

  it('on a phone (375 wide) neither the page nor a table scrolls sideways: each row is a card', async () => {
    const watch = await openWatched(browser, singleUrl, { width: 375, height: 812 });
    const widths = await readScrollWidths(watch.page);
    expect(widths.page.scrollWidth).toBeLessThanOrEqual(widths.page.clientWidth);
    expect(widths.wrap.scrollWidth).toBeLessThanOrEqual(widths.wrap.clientWidth);
    const file = join(shots, 'html-phone.png');
    await watch.page.screenshot({ path: file, fullPage: true });
    expect(statSync(file).size).toBeGreaterThan(10_000);
    expectQuiet(watch, [singleUrl]);
    await watch.page.context().close();
  });

  it('prints without the search box and repeats the header on every page', async () => {
    const watch = await openWatched(browser, singleUrl);
    const { page } = watch;
    await page.screenshot({ path: join(shots, 'html-desktop.png'), fullPage: false });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('form[data-filters]').isVisible()).toBe(false);
    expect(
      await page
        .locator('table[data-catalog] thead')
        .first()
        .evaluate((el) => getComputedStyle(el).display),
    ).toBe('table-header-group');
    const pdf = join(shots, 'html-print.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    expectQuiet(watch, [singleUrl]);
    await page.context().close();
  });

  it('with scripts off, shows every row and no dead controls', async () => {
    const watch = await openWatched(browser, singleUrl, { javaScriptEnabled: false });
    expect(await watch.page.locator('form[data-filters]').isVisible()).toBe(false);
    expect(await watch.page.locator('table[data-catalog] tbody tr').count()).toBe(total);
    const rows = await readVisibleRows(watch.page);
    for (const row of rows) expect(row.texts).toEqual(expectedTexts(row));
    await watch.page.context().close();
  });
});

describe('HTML site in Chromium (file://)', () => {
  it('links the index to each page and back, all without network', async () => {
    const indexUrl = pathToFileURL(join(siteDir, 'index.html')).href;
    const watch = await openWatched(browser, indexUrl);
    const { page } = watch;
    const links = page.locator('.index-table tbody a');
    expect(await links.count()).toBe(inputs.length);
    await links.first().click();
    await page.waitForLoadState('load');
    const first = page.url();
    expect(first).toBe(pathToFileURL(join(siteDir, 'anquan-shengchan.html')).href);
    expect(await page.locator('h1').textContent()).toBe(inputs[0]!.table.title);
    await page.fill('#filter-text', '法律');
    await expectConsistent(watch);
    await page.click('.crumbs a');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(indexUrl);
    await page.screenshot({ path: join(shots, 'html-index.png') });
    expectQuiet(watch, [indexUrl, first]);
    await page.context().close();
  });

  it('shows the overview on the index without script: figures, and each chart named and followed by its table', async () => {
    const indexUrl = pathToFileURL(join(siteDir, 'index.html')).href;
    for (const width of [1366, 390]) {
      const watch = await openWatched(browser, indexUrl, { width, height: 844, javaScriptEnabled: false });
      const { page } = watch;
      await page.screenshot({ path: join(shots, `html-index-overview-${width}.png`), fullPage: true });
      expect(await page.locator('.figures li').count()).toBe(8);
      expect(await page.locator('.figures li').first().textContent()).toBe(
        `${new Set(inputs.map((i) => i.table.domain)).size}个领域`,
      );
      const charts = await readCharts(page, '.overview');
      expect(charts).toHaveLength(3);
      for (const c of charts) {
        expect(c.role).toBe('img');
        expect(c.name.trim().length).toBeGreaterThan(4);
        expect(c.after).toBe('TABLE+caption');
        expect(c.width).toBeGreaterThan(width === 390 ? 300 : 500);
      }
      const scroll = await readScrollWidths(page);
      expect(scroll.page.scrollWidth).toBeLessThanOrEqual(scroll.page.clientWidth);
      expectQuiet(watch, [indexUrl]);
      await page.context().close();
    }
  });
});

// `getComputedStyle` runs in the page; the project compiles without the DOM library, so name what is used here.
declare function getComputedStyle(el: unknown): { whiteSpace: string; display: string };
