import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './html-browser.js';

/** The workbench page open in Chromium, and what it asked of the network or logged as an error. */
export interface OpenedWorkbench {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every request for anything but a file (or a Blob, a frame's own document): each is aborted. */
  offNetwork: string[];
  /** Errors thrown in the page and errors it logged. */
  pageErrors: string[];
}

/** Open the page at `file` from a file:// URL (with `search`, such as `?lang=zh`) at 1366×768, the network cut off. */
export async function openWorkbench(file: string, search = ''): Promise<OpenedWorkbench> {
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
    if (!/^(file|blob|about|data):/.test(url)) offNetwork.push(url);
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(pathToFileURL(file).href + search);
  return { browser, context, page, offNetwork, pageErrors };
}
