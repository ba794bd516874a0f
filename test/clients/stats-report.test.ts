import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yaml from 'js-yaml';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCatalog } from '../../src/catalog/resolve.js';
import { computeStats } from '../../src/stats/compute-stats.js';
import { htmlStats } from '../../src/stats/format/html.js';
import { totalLine } from '../../src/stats/format/columns.js';
import { xlsxStats } from '../../src/stats/format/xlsx.js';
import type { StatsReport } from '../../src/stats/types.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, openWatched, readCharts, readScrollWidths } from '../_helpers/html-browser.js';
import { convertToPdf, pdfPages, run } from '../_helpers/office.js';

// Kept after the run so that the pages can be looked at.
const shots = process.env.ZWGK_SCREENSHOT_DIR ?? '/tmp/stats-shots';
const ROOT = join(import.meta.dirname, '../..');
const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The shipped catalogs' numbers, compared with a made-up baseline so that the comparison shows too. */
function shippedReport(): StatsReport {
  const files = readdirSync(join(ROOT, 'catalogs')).filter((f) => f.endsWith('.yaml'));
  const report = computeStats(
    files.map((file) => ({
      file,
      catalog: resolveCatalog(
        yaml.load(readFileSync(join(ROOT, 'catalogs', file), 'utf8'), { schema: yaml.JSON_SCHEMA }),
      ),
    })),
  );
  const change = (name: string, l1: number, l2: number) => ({
    name,
    before: { level1: l1 - 1, level2: l2 - 3 },
    after: { level1: l1, level2: l2 },
    added: { level1: 1, level2: 4 },
    removed: { level1: 0, level2: 1 },
  });
  const domains = report.domains.map((d) => change(d.name, d.counts.level1, d.counts.level2));
  const sum = (pick: (d: (typeof domains)[number]) => number) => domains.reduce((s, d) => s + pick(d), 0);
  return {
    ...report,
    against: {
      baseline: 'HEAD~1',
      domains,
      total: {
        name: '',
        before: { level1: sum((d) => d.before.level1), level2: sum((d) => d.before.level2) },
        after: { level1: sum((d) => d.after.level1), level2: sum((d) => d.after.level2) },
        added: { level1: sum((d) => d.added.level1), level2: sum((d) => d.added.level2) },
        removed: { level1: sum((d) => d.removed.level1), level2: sum((d) => d.removed.level2) },
      },
    },
  };
}

const report = shippedReport();

let browser: Browser;
beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  writeFileSync(join(shots, 'stats.html'), htmlStats(report, { lang: 'zh' }));
  writeFileSync(join(shots, 'stats.xlsx'), await xlsxStats(report, { lang: 'zh' }));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
afterAll(async () => browser.close());

describe('statistics page in Chromium and workbook in LibreOffice', () => {
  it('shows the page without script or network, every chart named and followed by its table', async () => {
    const watch = await openWatched(browser, pathToFileURL(join(shots, 'stats.html')).href, {
      width: 1366,
      height: 900,
      javaScriptEnabled: false,
    });
    const { page } = watch;
    await page.screenshot({ path: join(shots, 'stats-1366.png'), fullPage: true });
    expect(watch.requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(await page.locator('p.total').textContent()).toBe('共7个领域、42个一级事项、128个二级事项');
    const charts = await readCharts(page);
    expect(charts).toHaveLength(3);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.name.trim().length).toBeGreaterThan(4);
      expect(c.after).toBe('TABLE+caption');
    }
    // Each bar's number is written at its end.
    const barTexts = await page.locator('svg.chart').first().locator('text').allTextContents();
    for (const d of report.domains) expect(barTexts).toContain(String(d.counts.level2));
    await page.context().close();
  });

  it('prints the page on A4 landscape, the charts in grey', async () => {
    const watch = await openWatched(browser, pathToFileURL(join(shots, 'stats.html')).href, {
      javaScriptEnabled: false,
    });
    const pdf = join(shots, 'stats-print.pdf');
    writeFileSync(pdf, await watch.page.pdf({ preferCSSPageSize: true }));
    const printed = pdfPages(pdf);
    expect([Math.round(printed.width), Math.round(printed.height)]).toEqual([842, 595]);
    const text = squeeze(run('pdftotext', [pdf, '-']));
    expect(text).toContain(squeeze(totalLine(report, 'zh')));
    for (const d of report.domains) expect(text).toContain(squeeze(d.name));
    run('pdftoppm', ['-png', '-gray', '-r', '60', '-f', '1', '-l', '2', pdf, join(shots, 'stats-print')]);
    await watch.page.context().close();
  });

  it('fits a phone 390 px wide without scrolling sideways', async () => {
    const watch = await openWatched(browser, pathToFileURL(join(shots, 'stats.html')).href, {
      width: 390,
      height: 844,
      javaScriptEnabled: false,
    });
    await watch.page.screenshot({ path: join(shots, 'stats-390.png'), fullPage: true });
    const { page } = await readScrollWidths(watch.page);
    expect(page.scrollWidth).toBeLessThanOrEqual(page.clientWidth);
    await watch.page.context().close();
  });

  it('prints the workbook on A4 landscape with the total line', () => {
    convertToPdf(join(shots, 'stats.xlsx'), shots);
    const pdf = join(shots, 'stats.pdf');
    const { pages, width, height } = pdfPages(pdf);
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);
    const text = squeeze(run('pdftotext', [pdf, '-']));
    expect(text).toContain(squeeze(totalLine(report, 'zh')));
    // The tables by domain and by unit fit the first page: their column headings are printed once, not above
    // the lists and the comparison on the pages after it.
    expect(run('pdftotext', [pdf, '-']).match(/领域或单位/g)).toHaveLength(1);
    run('pdftoppm', ['-png', '-r', '70', pdf, join(shots, 'stats-pdf')]);
  });

  it("prints a long workbook with each page a table runs onto opening with that table's headings", async () => {
    // 150 units with names that wrap, and 30 channels: the unit table and the channel list run over pages.
    const long: StatsReport = structuredClone(report);
    long.units = Array.from({ length: 150 }, (_, i) => ({
      ...report.units[0]!,
      name: `第${i + 1}单位（某某县某某局某某中心）`,
    }));
    long.total.counts.channels = Array.from({ length: 30 }, (_, i) => ({ name: `渠道${i + 1}`, count: i + 1 }));
    writeFileSync(join(shots, 'stats-long.xlsx'), await xlsxStats(long, { lang: 'zh' }));
    convertToPdf(join(shots, 'stats-long.xlsx'), shots);
    const pdf = join(shots, 'stats-long.pdf');
    const { pages } = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(8);
    const headings = ['领域或单位', '公开层级', '公开渠道', '公开时限', '要素按', '与'];
    for (let p = 2; p <= pages; p++) {
      const lines = run('pdftotext', ['-f', String(p), '-l', String(p), '-layout', pdf, '-'])
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      // A page starts with the headings of the table it goes on with, or with what starts there: never a bare row.
      expect(
        headings.some((h) => lines[0]!.startsWith(h)),
        `page ${p}: ${lines[0]}`,
      ).toBe(true);
      if (/^第\d+单位/.test(lines[1] ?? '')) expect(lines[0]).toMatch(/^领域或单位/);
      if (/^渠道\d+/.test(lines[1] ?? '')) expect(lines[0]).toMatch(/^公开渠道/);
    }
    // Every unit is printed, once.
    const all = run('pdftotext', [pdf, '-']);
    for (const n of [1, 75, 150]) expect(all.match(new RegExp(`第${n}单位`, 'g'))).toHaveLength(1);
    run('pdftoppm', ['-png', '-r', '60', '-f', '2', '-l', '2', pdf, join(shots, 'stats-long')]);
  });
});
