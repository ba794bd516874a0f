import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderInput } from '../../src/render/types.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, openWatched, shownCount, type PageWatch } from '../_helpers/html-browser.js';
import { renderToTempDir } from '../_helpers/html-fixtures.js';
import { shippedInputs } from '../_helpers/tables.js';

// The page of the shipped catalogs, as `zwgk render catalogs -f html` writes it, and the site layout's pages.
const inputs: RenderInput[] = shippedInputs();
const total = inputs.reduce((n, x) => n + x.table.rows.length, 0);
// Kept after the run (in the system's temp folder, or ZWGK_SCREENSHOT_DIR) so the pages can be looked at.
const shots = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-shots-'));
mkdirSync(shots, { recursive: true });
const strip = (text: string) => text.replace(/\s+/g, '');
const yiwu = inputs.findIndex((x) => x.file.endsWith('yiwu-jiaoyu.yaml'));

let browser: Browser;
let url: string;
let siteDir: string;
let sitePages: string[];

beforeAll(async () => {
  const single = await renderToTempDir(inputs);
  url = pathToFileURL(join(single.dir, single.paths[0]!)).href;
  const site = await renderToTempDir(inputs, { layout: 'site' });
  siteDir = site.dir;
  sitePages = site.paths;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch in beforeAll failed
  await browser?.close();
});

async function done(watch: PageWatch, address = url): Promise<void> {
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(watch.requests).toEqual([address]);
  await watch.page.context().close();
}

/** The text of each page of a PDF, whitespace removed, in the order the page paints it (cell by cell). */
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

/** A row's start up to and including its 一级事项: 序号, 事项编码 where there is one, 一级事项 (merged or not). */
function rowStart(input: RenderInput, r: number): string {
  const level1 = input.table.columns.findIndex((c) => c.id === 'level1');
  const texts = input.table.columns.slice(0, level1 + 1).map((_, c) => {
    let above = r;
    while (input.table.rows[above]!.cells[c]!.rowSpan === 0) above--;
    return input.table.rows[above]!.cells[c]!.text;
  });
  return strip(texts.join(''));
}

describe('the catalog page printed from Chromium', () => {
  it('names the 一级事项 on the first row of every page, repeats the header and numbers the pages', async () => {
    const watch = await openWatched(browser, url);
    const pdf = join(shots, 'html-print.pdf');
    // What a clerk gets from 打印 → 另存为 PDF with the browser's own header and footer off: the page's CSS decides.
    await watch.page.pdf({ path: pdf, preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(inputs.length);
    pages.forEach((page, p) => {
      expect(page, `page ${p + 1}`).toContain(`第${p + 1}页/共${pages.length}页`);
      // Every page has a catalog's header row and, right under it, a row that names its 一级事项:
      // no page starts with a blank merged cell.
      const here = inputs.filter((x) => page.includes(headerOf(x)));
      expect(here.length, `page ${p + 1} has a header row`).toBeGreaterThan(0);
      const body = page.slice(page.indexOf(headerOf(here[0]!)) + headerOf(here[0]!).length);
      const starts = here.flatMap((input) => input.table.rows.map((_, r) => rowStart(input, r)));
      expect(
        starts.some((s) => body.startsWith(s)),
        `page ${p + 1} starts with ${body.slice(0, 30)}`,
      ).toBe(true);
    });
    // Every row is printed.
    const printed = pages.join('');
    for (const input of inputs) {
      const level2 = input.table.columns.findIndex((c) => c.id === 'level2');
      for (const row of input.table.rows) expect(printed).toContain(strip(row.cells[level2]!.text));
    }
    // After printing, the page on screen has its merged cells back.
    expect(await watch.page.locator('td.rep').count()).toBe(0);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '6', pdf, join(shots, 'print')]);
    await done(watch);
  });

  it('keeps a 一级事项 that fits on a page on one page even without the script', async () => {
    const watch = await openWatched(browser, url, { javaScriptEnabled: false });
    const pdf = join(shots, 'html-print-noscript.pdf');
    await watch.page.pdf({ path: pdf, preferCSSPageSize: true });
    const pages = pdfPages(pdf);
    // Each short group's 一级事项 and all of its 二级事项 are on the same page.
    for (const input of inputs) {
      const level1 = input.table.columns.findIndex((c) => c.id === 'level1');
      const level2 = input.table.columns.findIndex((c) => c.id === 'level2');
      input.table.rows.forEach((row, r) => {
        const span = row.cells[level1]!.rowSpan;
        // Groups of two rows fit on a page here; longer ones may not (a row holds up to ten lines of channels).
        if (span !== 2) return;
        const names = input.table.rows.slice(r, r + span).map((x) => strip(x.cells[level2]!.text));
        const page = pages.find((text) => text.includes(strip(row.cells[level1]!.text)) && text.includes(names[0]!));
        expect(page, `${input.file} ${row.cells[level1]!.text}`).toBeDefined();
        for (const name of names) expect(page, `${input.file} ${name}`).toContain(name);
      });
    }
    await watch.page.context().close();
  });
});

describe('the catalog pages on a phone (390 wide)', () => {
  it('do not scroll sideways and show each 二级事项 as a card naming its 一级事项', async () => {
    const watch = await openWatched(browser, url, { width: 390, height: 844 });
    const { page } = watch;
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(
      true,
    );
    const cards = page.locator('table[data-catalog] tbody tr');
    expect(await cards.count()).toBe(total);
    // Every card holds its 一级事项 (the script repeats merged cells on a narrow screen).
    expect(await page.locator('table[data-catalog] tbody tr > td.level1').count()).toBe(total);
    const card = page.locator(`#catalog-${yiwu + 1} table[data-catalog] tbody tr`).nth(3);
    await card.scrollIntoViewIfNeeded();
    expect(await card.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    expect(await card.locator('td.level1').innerText()).toBe('政策文件');
    expect(await card.locator('td.level1').isVisible()).toBe(true);
    // Names from the style sheet: the field names, the ticks as words.
    const before = (selector: string) =>
      card.locator(selector).evaluate((el) => getComputedStyle(el, '::before').content);
    expect(await before('td.level1')).toBe('"一级事项："');
    expect(await before('td.basis')).toBe('"公开依据"');
    expect(await before('td.tick >> nth=0')).toBe('"公开对象：全社会"');
    expect(await before('td.tick >> nth=2')).toBe('"\\a 公开方式：主动"');
    expect(await card.locator('td.tick >> nth=1').isVisible()).toBe(false);
    expect(await card.locator('td.channels i').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(shots, 'phone-single.png') });
    await card.screenshot({ path: join(shots, 'phone-card.png') });
    // The search narrows the cards too.
    await page.fill('#filter-text', '政策解读');
    expect(await page.locator('table[data-catalog] tbody tr:visible').count()).toBe((await shownCount(page)).shown);
    expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(
      true,
    );
    await done(watch);
  });

  it('do not scroll sideways on any page of the site layout', async () => {
    for (const name of sitePages) {
      const address = pathToFileURL(join(siteDir, name)).href;
      const watch = await openWatched(browser, address, { width: 390, height: 844 });
      expect(
        await watch.page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
        name,
      ).toBe(true);
      if (name !== 'index.html') {
        expect(await watch.page.locator('table[data-catalog] tbody tr').first().isVisible(), name).toBe(true);
      }
      if (name === 'index.html' || name === 'yiwu-jiaoyu.html') {
        await watch.page.screenshot({ path: join(shots, `phone-site-${name.replace('.html', '')}.png`) });
      }
      await done(watch, address);
    }
  });
});

describe('the search', () => {
  it('finds a catalog by its title, marks what it found and folds the catalogs with no match', async () => {
    const watch = await openWatched(browser, url);
    const { page } = watch;
    // Every heading and cell: its place, class, span and markup (the order of a cell's attributes may change).
    const markup = () =>
      page.evaluate(
        "Array.from(document.querySelectorAll('article h2, article tbody tr > *')).map((c) => [c.tagName, c.className, c.rowSpan, c.innerHTML].join(' ')).join('\\n')",
      );
    const before = await markup();
    await page.fill('#filter-text', '义务教育');
    expect(await shownCount(page)).toEqual({ shown: inputs[yiwu]!.table.rows.length, total });
    expect(inputs[yiwu]!.table.rows.length).toBe(23);
    expect(await page.locator(`#catalog-${yiwu + 1} table[data-catalog] tbody tr`).count()).toBe(23);
    expect(
      await page
        .locator(`#catalog-${yiwu + 1} mark`)
        .first()
        .textContent(),
    ).toBe('义务教育');
    for (let i = 0; i < inputs.length; i++) {
      if (i === yiwu) continue;
      expect(await page.locator(`#catalog-${i + 1}`).isVisible(), `catalog ${i + 1}`).toBe(false);
    }
    await page.locator(`#catalog-${yiwu + 1}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'desktop-search.png') });
    // A 一级事项's name finds all of its rows.
    await page.fill('#filter-text', '政策文件');
    const level1 = inputs[yiwu]!.table.rows[0]!.cells.find((c) => c.text === '政策文件')!;
    expect((await shownCount(page)).shown).toBeGreaterThanOrEqual(level1.rowSpan);
    // Clearing the box takes every mark away and puts the page back as it was.
    await page.fill('#filter-text', '');
    expect(await page.locator('mark').count()).toBe(0);
    expect(await page.locator('.catalog:visible').count()).toBe(inputs.length);
    expect(await markup()).toBe(before);
    await done(watch);
  });

  it('keeps the header row in sight while a long table scrolls', async () => {
    const watch = await openWatched(browser, url);
    const { page } = watch;
    await page.screenshot({ path: join(shots, 'desktop-top.png') });
    const scrolled = await page.evaluate(
      "(() => { const el = document.querySelector('#catalog-1 .table-wrap'); el.scrollIntoView(); el.scrollTop = 400; return el.scrollTop; })()",
    );
    expect(scrolled).toBe(400);
    const [head, frame] = await Promise.all([
      page.locator('#catalog-1 table[data-catalog] thead').boundingBox(),
      page.locator('#catalog-1 .table-wrap').boundingBox(),
    ]);
    expect(head!.y).toBeCloseTo(frame!.y, 0);
    await page.screenshot({ path: join(shots, 'desktop-sticky.png') });
    await done(watch);
  });
});

describe('words for screen readers', () => {
  it('names √ 是, an empty tick 否, ■ 已选 and □ 未选, with the glyphs still the text', async () => {
    const watch = await openWatched(browser, url);
    const row = watch.page.locator(`#catalog-${yiwu + 1} table[data-catalog] tbody tr`).first();
    const tree = await row.ariaSnapshot();
    expect(tree).toMatch(/cell "是√"/);
    expect(tree).toMatch(/cell "否"/);
    expect(tree).toMatch(/已选■/);
    expect(tree).toMatch(/未选□/);
    expect(await row.locator('td.tick').first().textContent()).toBe('√');
    expect(await row.locator('td.channels').textContent()).toMatch(/^[■□]/);
    await done(watch);
  });
});

it('leaves its screenshots where they can be looked at', () => {
  expect(readdirSync(shots).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
});

// `getComputedStyle` runs in the page; the project compiles without the DOM library, so name what is used here.
declare function getComputedStyle(el: unknown, pseudo?: string): { display: string; content: string };
