import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderInput } from '../../src/render/types.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, openWatched, shownCount, type PageWatch } from '../_helpers/html-browser.js';
import { renderToTempDir } from '../_helpers/html-fixtures.js';
import { shippedInputs } from '../_helpers/tables.js';

// The page of the shipped catalogs, as `zwgk render catalogs -f html` writes it.
const inputs: RenderInput[] = shippedInputs();
const total = inputs.reduce((n, x) => n + x.table.rows.length, 0);
const shots = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-shots-'));
const strip = (text: string) => text.replace(/\s+/g, '');

let browser: Browser;
let url: string;

beforeAll(async () => {
  const single = await renderToTempDir(inputs);
  url = pathToFileURL(join(single.dir, single.paths[0]!)).href;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch in beforeAll failed
  await browser?.close();
});

async function done(watch: PageWatch): Promise<void> {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.requests).toEqual([url]);
  await watch.page.context().close();
}

/** The text of each page of a PDF, whitespace removed, in the order the page paints it. */
function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1).map(strip);
}

/** The second header row of a catalog's table (一级事项 二级事项 … 乡级), as a printed page shows it. */
const headerOf = (input: RenderInput) =>
  strip(
    input.table.header
      .filter((h) => h.row === 1)
      .map((h) => h.label)
      .join(''),
  );

/** A row's start up to and including its 一级事项: 序号, 事项编码 where there is one, 一级事项. */
function rowStart(input: RenderInput, r: number): string {
  const level1 = input.table.columns.findIndex((c) => c.id === 'level1');
  return strip(
    input.table.rows[r]!.cells.slice(0, level1 + 1)
      .map((c) => c.text)
      .join(''),
  );
}

describe('the catalog page printed from Chromium', () => {
  it('names the 一级事项 on the first row of every page, repeats the header and numbers the pages', async () => {
    const watch = await openWatched(browser, url);
    await watch.page.emulateMedia({ media: 'print' });
    const pdf = join(shots, 'html-print.pdf');
    // What a clerk gets from 打印 → 另存为 PDF with the browser's own header and footer off: the page's CSS decides.
    await watch.page.pdf({ path: pdf, preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(inputs.length);
    pages.forEach((page, p) => {
      expect(page, `page ${p + 1}`).toContain(`第${p + 1}页/共${pages.length}页`);
      // Every page has a catalog's header row and, right under it, a whole row that names its 一级事项:
      // no page starts with blank merged cells, and none holds only what spilled from the page before.
      const here = inputs.filter((x) => page.includes(headerOf(x)));
      expect(here.length, `page ${p + 1} has a header row`).toBeGreaterThan(0);
      const body = page.slice(page.indexOf(headerOf(here[0]!)) + headerOf(here[0]!).length);
      const starts = here.flatMap((input) => input.table.rows.map((_, r) => rowStart(input, r)));
      expect(
        starts.some((s) => body.startsWith(s)),
        `page ${p + 1} starts with ${body.slice(0, 30)}`,
      ).toBe(true);
    });
    // Every row is printed once.
    const printed = pages.join('');
    for (const input of inputs) {
      const level2 = input.table.columns.findIndex((c) => c.id === 'level2');
      for (const row of input.table.rows) expect(printed).toContain(strip(row.cells[level2]!.text));
    }
    await done(watch);
  });
});

describe('the catalog page on a phone (390 wide)', () => {
  it('does not scroll sideways and shows each 二级事项 as a card naming its 一级事项', async () => {
    const watch = await openWatched(browser, url, { width: 390, height: 844 });
    const { page } = watch;
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= innerWidth')).toBe(true);
    expect(await page.locator('table[data-catalog]').first().isVisible()).toBe(false);
    const cards = page.locator('table[data-flat] tbody tr');
    expect(await cards.count()).toBe(total);
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    const card = page.locator(`#catalog-${yiwu + 1} table[data-flat] tbody tr`).nth(3);
    expect(await card.isVisible()).toBe(true);
    const text = await card.innerText();
    expect(text).toContain('政策文件');
    expect(text).toContain('公开依据');
    expect(text).toMatch(/公开方式\s*主动/);
    expect(await card.locator('.channels li').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'html-phone-cards.png'), fullPage: false });
    // The search narrows the cards too.
    await page.fill('#filter-text', '政策解读');
    expect(await page.locator('table[data-flat] tbody tr:visible').count()).toBe((await shownCount(page)).shown);
    expect(await page.evaluate('document.scrollingElement.scrollWidth <= innerWidth')).toBe(true);
    await done(watch);
  });
});

describe('the search', () => {
  it('finds a catalog by its title and domain, marks what it found and folds the catalogs with no match', async () => {
    const watch = await openWatched(browser, url);
    const { page } = watch;
    await page.fill('#filter-text', '义务教育');
    const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));
    expect(await shownCount(page)).toEqual({ shown: inputs[yiwu]!.table.rows.length, total });
    expect(await page.locator(`#catalog-${yiwu + 1} table[data-catalog] tbody tr`).count()).toBe(
      inputs[yiwu]!.table.rows.length,
    );
    expect(
      await page
        .locator(`#catalog-${yiwu + 1} table[data-catalog] mark`)
        .first()
        .textContent(),
    ).toBe('义务教育');
    for (let i = 0; i < inputs.length; i++) {
      if (i === yiwu) continue;
      const section = page.locator(`#catalog-${i + 1}`);
      expect(await section.locator('.table-wrap').isVisible(), `catalog ${i + 1}`).toBe(false);
      expect(await section.locator('[data-empty]').isVisible(), `catalog ${i + 1}`).toBe(true);
    }
    await page.screenshot({ path: join(shots, 'html-search.png') });
    // Clearing the box takes every mark away and brings every catalog back.
    await page.fill('#filter-text', '');
    expect(await page.locator('mark').count()).toBe(0);
    expect(await page.locator('.catalog .table-wrap:visible').count()).toBe(inputs.length);
    await done(watch);
  });

  it('keeps the header row in sight while a long table scrolls', async () => {
    const watch = await openWatched(browser, url);
    const { page } = watch;
    const wrap = page.locator('#catalog-1 .table-wrap');
    // The frame scrolls (the table is taller than the window), and the header stays at its top.
    const scrolled = await page.evaluate(
      "(() => { const el = document.querySelector('#catalog-1 .table-wrap'); el.scrollIntoView(); el.scrollTop = 400; return el.scrollTop; })()",
    );
    expect(scrolled).toBe(400);
    const [head, frame] = await Promise.all([
      page.locator('#catalog-1 table[data-catalog] thead').boundingBox(),
      wrap.boundingBox(),
    ]);
    expect(head!.y).toBeCloseTo(frame!.y, 0);
    await done(watch);
  });
});

describe('words for screen readers', () => {
  it('names √ 是, an empty tick 否, ■ 已选 and □ 未选, with the glyphs still shown', async () => {
    const watch = await openWatched(browser, url);
    const table = watch.page.locator('#catalog-1 table[data-catalog]');
    for (const name of ['是', '否', '已选', '未选']) {
      expect(await table.getByRole('img', { name, exact: true }).count(), name).toBeGreaterThan(0);
    }
    expect(await table.getByRole('img', { name: '是', exact: true }).first().innerText()).toBe('√');
    expect(await table.getByRole('img', { name: '已选', exact: true }).first().innerText()).toBe('■');
    await done(watch);
  });
});
