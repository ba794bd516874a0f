import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { orderFindings } from '../../src/report/findings-view.js';
import { html } from '../../src/report/html.js';
import { xlsx } from '../../src/report/xlsx.js';
import { manyFindings } from '../_helpers/findings-report.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../_helpers/html-browser.js';
import { convertToPdf, pdfPages, run } from '../_helpers/office.js';

// Kept after the run (in the system's temp folder) so the pages can be looked at.
const shots = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-findings-'));
const report = manyFindings();
const ctx = { lang: 'zh' as const, color: false, sources: new Map<string, string>() };
const squeeze = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  writeFileSync(join(shots, 'findings.xlsx'), await xlsx(report, ctx));
  writeFileSync(join(shots, 'findings.html'), html(report, ctx));
});

describe('findings report in LibreOffice and Chromium', () => {
  it('prints the workbook on A4 landscape with the text of every finding', () => {
    convertToPdf(join(shots, 'findings.xlsx'), shots);
    const pdf = join(shots, 'findings.pdf');
    const { pages, width, height } = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    const first = run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']);
    expect(squeeze(first)).toContain(
      squeeze(`检查了 4 个文件：${report.errorCount} 个错误，${report.warningCount} 个警告。`),
    );
    // In the order LibreOffice draws the cells, so that a cell's wrapped lines stay together.
    const all = squeeze(run('pdftotext', ['-raw', pdf, '-']));
    for (const d of report.diagnostics) expect(all, d.message).toContain(squeeze(d.message));
    // The heading row is printed on every page of the findings.
    const headings = run('pdftotext', ['-f', '2', pdf, '-']).match(/修改建议/g) ?? [];
    expect(headings).toHaveLength(pages - 1);
  });

  it('shows the page with a row per finding, no script and nothing fetched, and prints it on A4 landscape', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
      const requests: string[] = [];
      await context.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.request().url().startsWith('file:') ? route.continue() : route.abort();
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(shots, 'findings.html')).href);
      await page.screenshot({ path: join(shots, 'findings.png'), fullPage: true });
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
      const rows = await page.locator('table.findings tbody tr').allInnerTexts();
      expect(rows).toHaveLength(report.diagnostics.length);
      orderFindings(report).forEach((d, i) => expect(squeeze(rows[i]!)).toContain(squeeze(d.message)));
      expect(rows.some((r) => r.includes('<script>alert("x")</script>'))).toBe(true);
      const pdf = join(shots, 'findings-print.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
      const printed = pdfPages(pdf);
      expect([Math.round(printed.width), Math.round(printed.height)]).toEqual([842, 595]);
      const headings = run('pdftotext', [pdf, '-']).match(/修改建议/g) ?? [];
      expect(headings.length).toBeGreaterThanOrEqual(printed.pages - 1);
      expect(printed.pages).toBeGreaterThanOrEqual(2);
    } finally {
      await browser.close();
    }
  });
});
