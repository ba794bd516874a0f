import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOSING_PUNCTUATION } from '../../src/office/excel-layout.js';
import { renderXlsx } from '../_helpers/excel.js';
import { convertToPdf, pdfPages, run } from '../_helpers/office.js';
import { shippedInputs } from '../_helpers/tables.js';

const inputs = shippedInputs();
// Kept after the run (in the system's temp folder) so the pages can be looked at.
const dir = process.env.ZWGK_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'zwgk-xlsx-print-'));
const xlsx = join(dir, 'catalogs.xlsx');
const pdf = join(dir, 'catalogs.pdf');

/** A word as `pdftotext -bbox-layout` places it, in points from the top left. */
interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

/** One page: its height, its words, and its lines as the first word of each. */
interface Page {
  height: number;
  words: Word[];
  lineStarts: string[];
}

let pages: Page[] = [];

/** The pages of the PDF with their words, read from `pdftotext -bbox-layout`. */
function readPages(file: string): Page[] {
  // Into a file: the words of every page are more than a pipe's buffer.
  run('pdftotext', ['-bbox-layout', file, `${file}.html`]);
  return readFileSync(`${file}.html`, 'utf8')
    .split('<page ')
    .slice(1)
    .map((chunk) => {
      const height = Number(/height="([\d.]+)"/.exec(chunk)![1]);
      const words = [
        ...chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }));
      const lineStarts = [...chunk.matchAll(/<line[^>]*>\s*<word[^>]*>([^<]*)<\/word>/g)].map((m) => m[1]!);
      return { height, words, lineStarts };
    });
}

/** Top and bottom margins of the catalog sheets in points (0.5 in and 0.6 in). */
const TOP = 36;
const BOTTOM = 43.2;
/** The footer's words (第 2 页，共 30 页) lie in the bottom margin. */
const body = (page: Page) => page.words.filter((w) => w.y1 < page.height - BOTTOM + 2);
/** The page a catalog starts on: the first after the summary (which lists every title) that shows its title. */
const firstPage = (title: string) => pages.findIndex((p, i) => i > 0 && p.words.some((w) => w.text === title));
/** How much of the printable height a page uses: down to its lowest word (a row's text sits inside it). */
const fill = (page: Page) => (Math.max(...body(page).map((w) => w.y1)) - TOP) / (page.height - TOP - BOTTOM);

beforeAll(async () => {
  writeFileSync(xlsx, await renderXlsx(inputs));
  convertToPdf(xlsx, dir);
  pages = readPages(pdf);
});

describe('the catalog workbook printed by LibreOffice', () => {
  it('prints every page of a catalog with the whole width of the table, on A4 landscape', () => {
    expect(pdfPages(pdf).pages).toBe(pages.length);
    for (const [i, page] of pages.slice(1).entries()) {
      expect(page.height, `page ${i + 2}`).toBeLessThan(600);
      const text = page.words.map((w) => w.text).join('');
      // The first and the last column's labels on every page: no page holds a cut-off part of the table.
      expect(text, `page ${i + 2}`).toContain('序号');
      expect(text, `page ${i + 2}`).toContain('公开方式');
    }
  });

  it('prints the header, and so the body set in the same size, at 9 pt or more', () => {
    for (const page of pages.slice(1)) {
      const label = page.words.find((w) => w.text === '序号')!;
      // Two full-width characters: each as wide as the font is large.
      expect((label.x1 - label.x0) / 2).toBeGreaterThanOrEqual(9);
    }
  });

  it('puts under each title one line naming unit, version and date', () => {
    for (const { table, catalog } of inputs) {
      const first = firstPage(table.title);
      expect(first, table.title).toBeGreaterThan(0);
      const text = pages[first]!.words.map((w) => w.text).join(' ');
      expect(text).toContain(`编制单位：${table.unit}`);
      expect(text).toContain(`版本：${String(catalog.catalog.version)}`);
      expect(text).toMatch(/日期：\d{4}-\d{2}-\d{2}/);
    }
  });

  it('fills the pages of a catalog before its last one about two-thirds at least', () => {
    const firsts = inputs.map(({ table }) => firstPage(table.title));
    expect(firsts.every((f) => f > 0)).toBe(true);
    const lasts = new Set([...firsts.slice(1).map((f) => f - 1), pages.length - 1]);
    const fills = pages.flatMap((page, i) => (i > 0 && !lasts.has(i) ? [fill(page)] : []));
    expect(fills.length).toBeGreaterThan(20);
    // A group that does not fit what is left of a page is cut when the page would otherwise be less than
    // two-thirds full; the emptiest page (0.63) is one before a row too tall for what is left of it, the
    // median about 0.83.
    expect(Math.min(...fills)).toBeGreaterThanOrEqual(0.62);
    expect(fills.reduce((a, b) => a + b, 0) / fills.length).toBeGreaterThanOrEqual(0.78);
    // The shipped catalogs: 33 catalog pages (38 when groups were never cut, 32 at 7 pt before the widths fitted the text).
    expect(pages.length).toBeLessThanOrEqual(34);
  });

  it('starts few lines with closing punctuation (25; 52 before widths followed where LibreOffice wraps)', () => {
    // Column widths cannot keep every text of a column from wrapping so; the cell text is printed as written.
    const starts = pages.flatMap((p) => p.lineStarts).filter((t) => CLOSING_PUNCTUATION.includes(t[0] ?? ''));
    expect(starts.length).toBeLessThanOrEqual(28);
  });
});
