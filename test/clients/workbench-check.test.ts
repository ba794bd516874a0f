import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport } from '../../src/report/json.js';
import { loadCatalogSamples } from '../_helpers/real-tables/samples.js';
import { sampleXlsx } from '../_helpers/real-tables/xlsx.js';
import { openWorkbench } from '../_helpers/workbench-page.js';

// The workbench page (dist/zwgk-workbench.html, from `npm run build`) opened from a file:// URL: each real
// table, uploaded as a workbook, shows the findings `zwgk validate` gives on the same file, and the YAML it
// offers is the file `zwgk import` writes; the page asks the network for nothing.
const ROOT = join(import.meta.dirname, '../..');
const PAGE = join(ROOT, 'dist/zwgk-workbench.html');
const BIN = join(ROOT, 'bin/zwgk.js');
const dir = mkdtempSync(join(tmpdir(), 'zwgk-workbench-page-'));
const samples = loadCatalogSamples();

let browser: Browser;
let page: Page;
let offNetwork: string[];
let pageErrors: string[];
/** Findings workbooks compared with those of the command line. */
let workbooks = 0;
/** Official workbooks compared with those of the command line, and refused as the command line refuses them. */
let officials = 0;
let refusals = 0;

/**
 * What a workbook shows and prints: each sheet's name, cell values, merges, row heights, column widths, page
 * setup and breaks. The page makes the workbook in memory and the command line streams it, so their bytes
 * differ in how the file is put together, not in what it holds.
 */
async function workbookContent(bytes: Uint8Array): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const rows: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      rows.push([r, row.height, row.values]);
    });
    const { orientation, paperSize, scale, fitToPage, printTitlesRow } = sheet.pageSetup;
    return {
      name: sheet.name,
      rows,
      merges: [...((sheet.model as { merges?: string[] }).merges ?? [])].sort(),
      widths: sheet.columns.map((c) => c.width),
      pageSetup: { orientation, paperSize, scale, fitToPage, printTitlesRow },
      breaks: (sheet as unknown as { rowBreaks?: { id: number }[] }).rowBreaks?.map((b) => b.id) ?? [],
    };
  });
}

/** Run the command line in `dir`; its standard output. */
function zwgk(...args: string[]): string {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(run.stderr).toBe('');
  return run.stdout;
}

/** What a finding shows: its code, where it is, and its message. */
interface Shown {
  code: string;
  place: string;
  message: string;
}

async function upload(file: string): Promise<ReturnType<Page['locator']>> {
  const before = await page.locator('article.file').count();
  await page.setInputFiles('#check-files', join(dir, file));
  await page.locator('article.file').nth(before).waitFor();
  // The newest file's section comes first.
  const article = page.locator('article.file').first();
  expect(await article.locator('h3').textContent()).toBe(file);
  return article;
}

beforeAll(async () => {
  expect(existsSync(PAGE), 'run `npm run build` first').toBe(true);
  for (const s of samples) writeFileSync(join(dir, `${s.id}.xlsx`), await sampleXlsx(s));
  ({ browser, page, offNetwork, pageErrors } = await openWorkbench(PAGE));
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when the launch failed
  await browser?.close();
});

describe('the workbench page, tab 检查目录表格 (file://, Chromium)', () => {
  it('says that no data leaves the machine, and checks in a worker', async () => {
    expect(await page.locator('.offline').textContent()).toContain('数据不会离开本机');
    expect(await page.getAttribute('html', 'data-worker')).toBe('yes');
    expect(await page.locator('[role=tab][aria-selected=true]').textContent()).toBe('检查目录表格');
  });

  it.each(samples.map((s) => [s.id] as const))(
    'shows for %s.xlsx what zwgk validate finds, and the YAML zwgk import writes',
    async (id) => {
      const file = `${id}.xlsx`;
      const report = JSON.parse(zwgk('validate', file, '-f', 'json')) as JsonReport;
      const expected: Shown[] = report.diagnostics.map((d) => ({
        code: d.code,
        place: d.cell?.ref ?? '',
        message: d.message,
      }));
      const article = await upload(file);
      // Read in the page (a function as text: Node's types know no DOM).
      const shown = await page.evaluate<Shown[]>(
        `Array.from(document.querySelector('article.file').querySelectorAll('li[data-code]'), (li) => ({ code: li.dataset.code, place: li.dataset.place, message: li.querySelector('.message').textContent }))`,
      );
      expect(shown).toEqual(expected);
      // Every finding placed on a cell marks that cell in the preview and is described by it.
      // The grids are built a slice of time at a time: wait for the last.
      await article.locator('.preview[data-ready=yes]').waitFor();
      const marked = await article.locator('td.has-error, td.has-warning').count();
      if (expected.some((d) => d.place !== '')) expect(marked).toBeGreaterThan(0);

      const out = join(dir, `${id}-imported`);
      mkdirSync(out, { recursive: true });
      zwgk('import', file, '-o', out, '--force');
      const written = readdirSync(out);
      expect(written).toHaveLength(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        article.locator('.downloads button').first().click(),
      ]);
      expect(download.suggestedFilename()).toBe(written[0]);
      expect(readFileSync(await download.path(), 'utf8')).toBe(readFileSync(join(out, written[0]!), 'utf8'));

      // A table without errors: its official workbook, laid out as `zwgk render` lays out the imported catalog
      // (which, like the command, the page refuses when that catalog has errors, saying which).
      if (report.summary.errors === 0) {
        const rendered = `${id}-official.xlsx`;
        const render = spawnSync(process.execPath, [BIN, 'render', join(out, written[0]!), '-o', rendered], {
          cwd: dir,
          encoding: 'utf8',
        });
        if (render.status === 0) {
          const [official] = await Promise.all([
            page.waitForEvent('download'),
            article.locator('button[data-official]').click(),
          ]);
          expect(official.suggestedFilename()).toBe(written[0]!.replace(/\.yaml$/, '.xlsx'));
          expect(await workbookContent(readFileSync(await official.path()))).toEqual(
            await workbookContent(readFileSync(join(dir, rendered))),
          );
          officials++;
        } else {
          expect(render.status).toBe(1);
          await article.locator('button[data-official]').click();
          const refused = article.locator('.downloads .problem');
          await refused.waitFor();
          // The errors are those `zwgk render` gives.
          for (const line of await refused.locator('.refused').allTextContents()) expect(render.stderr).toContain(line);
          refusals++;
        }
      } else expect(await article.locator('button[data-official]').count()).toBe(0);

      // The findings as a workbook: the bytes `zwgk validate -f xlsx` writes.
      if (expected.length === 0) return;
      zwgk('validate', file, '-f', 'xlsx', '-o', `${id}-问题报告.xlsx`);
      const [workbook] = await Promise.all([
        page.waitForEvent('download'),
        article.locator('button[data-report]').click(),
      ]);
      expect(workbook.suggestedFilename()).toBe(`${id}-问题报告.xlsx`);
      expect(readFileSync(await workbook.path())).toEqual(readFileSync(join(dir, `${id}-问题报告.xlsx`)));
      workbooks++;
    },
  );

  it('took the findings of most samples as a workbook (the comparison above ran)', () => {
    expect(workbooks).toBeGreaterThan(samples.length / 2);
  });

  it('took the official workbook of some samples, and was refused it for some, as zwgk render (both ran)', () => {
    expect(officials).toBeGreaterThan(0);
    expect(refusals).toBeGreaterThan(0);
  });

  it('takes the user from a finding to its cell', async () => {
    const article = page.locator('article.file').first();
    const button = article.locator('li[data-code] button.place').first();
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.tagName')).toBe('TD');
    expect(await page.evaluate("document.activeElement.getAttribute('aria-describedby')")).toMatch(/finding-/);
  });

  it('checks a file dropped on it', async () => {
    const before = await page.locator('article.file').count();
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.items.add(new File(['序号,一级事项,二级事项\\n'], '拖入.csv', { type: 'text/csv' }));
      document.querySelector('.drop').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    })()`);
    await page.locator('article.file').nth(before).waitFor();
    expect(await page.locator('article.file h3').first().textContent()).toBe('拖入.csv');
    expect(await page.locator('article.file').first().locator('li[data-code]').count()).toBeGreaterThan(0);
  });

  it('says clearly what is wrong with a file it cannot read, naming the file', async () => {
    writeFileSync(join(dir, '坏文件.xlsx'), '%PDF-1.4\n');
    const article = await upload('坏文件.xlsx');
    expect(await article.locator('li[data-code]').getAttribute('data-code')).toBe('table/unreadable');
    expect(await article.locator('.message').textContent()).toMatch(/PDF/);
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const other = await upload('notes.txt');
    expect(await other.locator('.problem').textContent()).toMatch(/\.xlsx/);
  });

  it("shows a YAML file's findings by line and column, as zwgk validate does", async () => {
    const text = readFileSync(join(ROOT, 'catalogs/yiwu-jiaoyu.yaml'), 'utf8').replace(/^domain:.*$/m, 'domain: 教育');
    writeFileSync(join(dir, '义务教育.yaml'), text);
    const report = JSON.parse(zwgk('validate', '义务教育.yaml', '-f', 'json')) as JsonReport;
    expect(report.diagnostics.length).toBeGreaterThan(0);
    const article = await upload('义务教育.yaml');
    const places = await page.evaluate<string[]>(
      `Array.from(document.querySelector('article.file').querySelectorAll('li[data-code]'), (li) => li.dataset.code + ' ' + li.dataset.place)`,
    );
    expect(places).toEqual(
      report.diagnostics.map((d) => `${d.code} 第 ${d.range!.start.line} 行 第 ${d.range!.start.column} 列`),
    );
    expect(await article.locator('tr.has-error, tr.has-warning').count()).toBeGreaterThan(0);
  });

  it('checks in the page itself when no worker can be started', async () => {
    const plain = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await plain.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    await plain.addInitScript('delete window.Worker');
    const alone = await plain.newPage();
    await alone.goto(pathToFileURL(PAGE).href);
    expect(await alone.getAttribute('html', 'data-worker')).toBe('no');
    const file = `${samples[0]!.id}.xlsx`;
    const report = JSON.parse(zwgk('validate', file, '-f', 'json')) as JsonReport;
    await alone.setInputFiles('#check-files', join(dir, file));
    await alone.locator('article.file').first().waitFor();
    expect(await alone.locator('article.file li[data-code]').count()).toBe(report.diagnostics.length);
    await plain.close();
  });

  it('fits 1366×768 and a 390 px phone (screenshots), and asked the network for nothing', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await upload(`${samples[1]!.id}.xlsx`);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: process.env.ZWGK_WB_SHOT_WIDE ?? join(dir, 'wb-1366.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: process.env.ZWGK_WB_SHOT_NARROW ?? join(dir, 'wb-390.png') });
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
    expect(offNetwork).toEqual([]);
  });
});
