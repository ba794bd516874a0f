import type { Browser, Page } from 'playwright-core';

// The project compiles without the DOM library; these describe the little of it that runs in the page.
interface DomNode {
  nodeName: string;
  textContent: string | null;
}
interface DomCell {
  tagName: string;
  className: string;
  rowSpan: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomRow {
  cells: ArrayLike<DomCell>;
  getAttribute(name: string): string | null;
}
interface DomTable {
  tBodies: ArrayLike<{ rows: ArrayLike<DomRow> }>;
  querySelectorAll(selector: string): ArrayLike<unknown>;
}
export interface DomBox {
  scrollWidth: number;
  clientWidth: number;
  scrollLeft: number;
}
declare const document: {
  documentElement: DomBox;
  querySelectorAll(selector: string): ArrayLike<DomTable>;
  querySelector(selector: string): DomBox | null;
};

/** Chromium as installed by apt; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from reaching the network on its own (updates, sync, QUIC probes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** What went wrong while a page was open: console errors, uncaught errors, and every URL it asked for. */
export interface PageWatch {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  requests: string[];
}

/** Open a URL in a new page of its own context, recording errors and requests from the start. */
export async function openWatched(
  browser: Browser,
  url: string,
  options: { width?: number; height?: number; javaScriptEnabled?: boolean } = {},
): Promise<PageWatch> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const watch: PageWatch = { page, consoleErrors: [], pageErrors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.consoleErrors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.pageErrors.push(e.message));
  page.on('request', (r) => watch.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return watch;
}

/** A body row as the reader sees it: which table, its 序号, and the text of every column, merged cells included. */
export interface VisibleRow {
  table: number;
  seq: string;
  method: string;
  audience: string;
  texts: string[];
  /** The row's own cells: tag, class and rowspan, e.g. `TD item level1 4`. */
  own: string[];
  /** Whether the row covers exactly the table's columns (rowspans consistent). */
  complete: boolean;
}

/**
 * Read every shown body row of every catalog table, resolving rowspans the way the browser lays
 * them out. Runs in the page, so it must not use anything from this module.
 */
export function readVisibleRows(page: Page): Promise<VisibleRow[]> {
  return page.evaluate(() => {
    // A cell's text as written: its line breaks are <br> elements.
    const textOf = (cell: DomCell) =>
      Array.from(cell.childNodes)
        .map((n) => (n.nodeName === 'BR' ? '\n' : (n.textContent ?? '')))
        .join('');
    const out: {
      table: number;
      seq: string;
      method: string;
      audience: string;
      texts: string[];
      own: string[];
      complete: boolean;
    }[] = [];
    Array.from(document.querySelectorAll('table[data-catalog]')).forEach((table, t) => {
      const columns = table.querySelectorAll('col').length;
      const carry: { cell: DomCell; left: number }[] = [];
      // One <tbody> per 一级事项; merges stay inside one.
      for (const tr of Array.from(table.tBodies).flatMap((body) => Array.from(body.rows))) {
        const texts: string[] = [];
        let k = 0;
        for (let c = 0; c < columns; c++) {
          const above = carry[c];
          if (above && above.left > 0) {
            above.left--;
            texts.push(textOf(above.cell));
            continue;
          }
          const cell = tr.cells[k++];
          if (!cell) break;
          carry[c] = { cell, left: cell.rowSpan - 1 };
          texts.push(textOf(cell));
        }
        out.push({
          table: t,
          seq: texts[0] ?? '',
          method: tr.getAttribute('data-method') ?? '',
          audience: tr.getAttribute('data-audience') ?? '',
          texts,
          own: Array.from(tr.cells).map((cell) => `${cell.tagName} ${cell.className} ${cell.rowSpan}`),
          complete: texts.length === columns && k === tr.cells.length,
        });
      }
    });
    return out;
  });
}

/** Widths that tell whether the page scrolls sideways, and whether the first table's frame does. */
export function readScrollWidths(page: Page): Promise<{ page: DomBox; wrap: DomBox }> {
  return page.evaluate(() => {
    const box = (b: DomBox | null): DomBox => ({
      scrollWidth: b?.scrollWidth ?? 0,
      clientWidth: b?.clientWidth ?? 0,
      scrollLeft: b?.scrollLeft ?? 0,
    });
    const wrap = document.querySelector('.table-wrap');
    if (wrap) wrap.scrollLeft = 120;
    return { page: box(document.documentElement), wrap: box(wrap) };
  });
}

/** The number the page shows in “显示 N / M 项”. */
export async function shownCount(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.locator('.count').textContent()) ?? '';
  const m = /显示\s*(\d+)\s*\/\s*(\d+)\s*项/.exec(text);
  if (!m) throw new Error(`no count in ${JSON.stringify(text)}`);
  return { shown: Number(m[1]), total: Number(m[2]) };
}

/** A chart of a page as assistive technology meets it: its role, its name, what follows its figure, its width. */
export interface ChartSeen {
  role: string | null;
  name: string;
  /** The tag after the chart's figure, with `+caption` when it has a caption. */
  after: string;
  width: number;
}

/** Runs in the page: what `readCharts` reads of each chart. */
interface ChartDom {
  querySelectorAll(s: string): ArrayLike<{
    getAttribute(n: string): string | null;
    closest(s: string): { nextElementSibling: { tagName: string; querySelector(s: string): unknown } | null } | null;
    ownerDocument: { getElementById(id: string): { textContent: string | null } | null };
    getBoundingClientRect(): { width: number };
  }>;
}

/** The SVG charts under `scope` (a selector), in page order. */
export function readCharts(page: Page, scope = 'body'): Promise<ChartSeen[]> {
  return page.evaluate(
    (scope) =>
      Array.from((document as unknown as ChartDom).querySelectorAll(`${scope} svg`)).map((svg) => {
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
        const next = svg.closest('figure')?.nextElementSibling;
        return {
          role: svg.getAttribute('role'),
          name: ids.map((id) => svg.ownerDocument.getElementById(id)?.textContent ?? '').join(' '),
          after: next ? `${next.tagName}${next.querySelector('caption') ? '+caption' : ''}` : '',
          width: svg.getBoundingClientRect().width,
        };
      }),
    scope,
  );
}
