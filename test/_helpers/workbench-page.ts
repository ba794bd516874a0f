import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './html-browser.js';

/** The workbench page, as `npm run build` writes it. */
export const WORKBENCH_PAGE = join(import.meta.dirname, '../../dist/zwgk-workbench.html');

/** The workbench page open in Chromium, with what it asked of the network and the errors it logged. */
export interface OpenWorkbench {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request for anything but a file or a Blob: each is aborted. */
  offNetwork: string[];
  /** Uncaught errors and console errors of the page. */
  pageErrors: string[];
}

/** Open the workbench page from its file:// URL at 1366×768, downloads allowed, every other request aborted and counted. */
export async function openWorkbench(): Promise<OpenWorkbench> {
  const offNetwork: string[] = [];
  const pageErrors: string[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offNetwork.push(url);
    return route.abort();
  });
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(file|blob):/.test(url)) offNetwork.push(url);
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(pathToFileURL(WORKBENCH_PAGE).href);
  return { browser, context, page, offNetwork, pageErrors };
}
