import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir, zwgk } from '../_helpers/cli.js';
import { mutated, OLD } from '../_helpers/diff-scenario.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../_helpers/html-browser.js';
import { convertToPdf, pdfPages, run } from '../_helpers/office.js';

// Kept after the run (in the system's temp folder) so the pages can be looked at.
const shots = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-diff-'));
const { dir } = tempDir({ 'old/a.yaml': OLD, 'new/a.yaml': mutated() });
const NAMES = [
  '安全生产标准',
  '重大决策草案',
  '年度监督检查计划',
  '新设一级事项',
  '新设二级事项',
  '部门规章和地方性法规规章',
];

beforeAll(() => {
  for (const format of ['xlsx', 'html']) {
    const r = zwgk(['diff', 'old', 'new', '-f', format, '-o', join(shots, `diff-report.${format}`)], dir);
    expect(r.status, r.stderr).toBe(0);
  }
});

describe('change report in LibreOffice and Chromium', () => {
  it('prints the workbook on two A4 landscape pages: the counts, then every change', () => {
    convertToPdf(join(shots, 'diff-report.xlsx'), shots);
    const pdf = join(shots, 'diff-report.pdf');
    const { pages, width, height } = pdfPages(pdf);
    expect(pages).toBe(2);
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    const first = run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-']);
    expect(first).toContain('新增1个一级事项、1个二级事项，删除0个一级事项、1个二级事项，修改3个事项');
    const second = run('pdftotext', ['-f', '2', '-l', '2', pdf, '-']).replace(/\s+/g, '');
    for (const name of NAMES) expect(second).toContain(name);
    expect(second.match(/减少公开/g)).toHaveLength(2);
  });

  it('shows the page with reductions marked, and prints it on one A4 landscape page', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(pathToFileURL(join(shots, 'diff-report.html')).href);
      await page.screenshot({ path: join(shots, 'diff-report.png'), fullPage: true });
      const rows = await page.locator('table.changes tbody tr').allInnerTexts();
      expect(rows).toHaveLength(6);
      for (const name of NAMES)
        expect(
          rows.some((r) => r.includes(name)),
          name,
        ).toBe(true);
      const badges = await page
        .locator('tr.sev-error .badge')
        .evaluateAll((els: readonly { textContent: string | null }[]) =>
          els.map((e) => [e.textContent, getComputedStyle(e).backgroundColor]),
        );
      expect(badges).toEqual([
        ['减少公开', 'rgb(181, 18, 27)'],
        ['减少公开', 'rgb(181, 18, 27)'],
      ]);
      const pdf = join(shots, 'diff-report-print.pdf');
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
      const printed = pdfPages(pdf);
      expect(printed.pages).toBe(1);
      expect([Math.round(printed.width), Math.round(printed.height)]).toEqual([842, 595]);
    } finally {
      await browser.close();
    }
  });
});

describe('a new version and date, and channels added and taken away, in LibreOffice and Chromium', () => {
  const changed = OLD.replace('version: 2024版', 'version: 2025版')
    .replace('date: 2024-05-20', 'date: 2025-03-01')
    .replace('channels: [政务服务中心, 精准推送]', 'channels: [政务新媒体, 政府网站, 政务服务中心]');
  const { dir: channelDir } = tempDir({ 'old/a.yaml': OLD, 'new/a.yaml': changed });
  const METADATA = '版本：2024版 → 2025版；日期：2024-05-20 → 2025-03-01';

  beforeAll(() => {
    expect(changed).not.toBe(OLD);
    for (const format of ['xlsx', 'html']) {
      const out = join(shots, `diff-channels.${format}`);
      const r = zwgk(['diff', 'old/a.yaml', 'new/a.yaml', '-f', format, '-o', out], channelDir);
      expect(r.status, r.stderr).toBe(0);
    }
  });

  it('prints the version and date under the counts, and the two halves of the change of channels', () => {
    convertToPdf(join(shots, 'diff-channels.xlsx'), shots);
    const pdf = join(shots, 'diff-channels.pdf');
    expect(pdfPages(pdf).pages).toBe(2);
    const first = run('pdftotext', ['-f', '1', '-l', '1', pdf, '-']).replace(/\s+/g, '');
    expect(first).toContain(METADATA.replace(/\s+/g, ''));
    const second = run('pdftotext', ['-f', '2', '-l', '2', pdf, '-']).replace(/\s+/g, '');
    expect(second).toContain('增加：政府网站、政务新媒体');
    expect(second).toContain('减少：精准推送');
  });

  it('shows them on a screen and on a phone, with nothing scrolling sideways', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      for (const [width, height] of [
        [1366, 900],
        [390, 844],
      ] as const) {
        const page = await browser.newPage({ viewport: { width, height } });
        await page.goto(pathToFileURL(join(shots, 'diff-channels.html')).href);
        await page.screenshot({ path: join(shots, `diff-channels-${width}.png`), fullPage: true });
        expect(await page.locator('.metadata').innerText()).toBe(METADATA);
        const rows = await page.locator('table.changes tbody tr').allInnerTexts();
        expect(rows).toHaveLength(2);
        expect(rows[0]).toContain('扩大公开');
        expect(rows[0]).toContain('增加：政府网站、政务新媒体');
        expect(rows[1]).toContain('减少公开');
        expect(rows[1]).toContain('减少：精准推送');
        // On a phone the version and the date each keep to a line of their own.
        const lines = await page.evaluate(
          "[...document.querySelectorAll('.metadata span')].map((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)))",
        );
        expect(lines).toEqual([1, 1]);
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, `${width}px`).toBe(0);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});

// `getComputedStyle` runs in the page; the project compiles without the DOM library, so name what is used here.
declare function getComputedStyle(el: unknown): { backgroundColor: string };
