// Rows for the workbench page (dist/zwgk-workbench.html, tab 检查目录表格): a catalog workbook checked in
// the page, in headless Chromium opened from file:// with the network blocked, beside `zwgk validate` on the
// same workbook as a whole process, alternating, in the same run.
//
// The workbook is the <scale>-clean set rendered by zwgk (bench/.data/<scale>-clean.xlsx, as for the import
// rows): at city scale 260 sheets, 20,000 二级事项.
//
// Page, each run in a browser of its own (launching and loading the page are not timed):
//   - seconds: from the file input's `change` event (the file given) to the first moment after the file's
//     section is in the page and a frame has been drawn with it (a requestAnimationFrame callback, then a
//     task after that frame). The split: reading the file and the check in the worker up to its reply, then
//     building the section on the main thread, then drawing it.
//   - MB: the peak resident set of the page's renderer process (VmHWM in /proc/<pid>/status), the process
//     that runs the page's main thread and its worker (a dedicated worker is a thread of the page's renderer).
//     It is the counterpart of the command line's peak RSS: both include their own runtime's baseline (the
//     renderer's before the upload is reported beside it).
//   - responsiveness: the longest gap between requestAnimationFrame callbacks and the longest main-thread task
//     (PerformanceObserver `longtask`), each while the worker checks (before its reply) and in all.
// Command line: `node bin/zwgk.js validate <workbook>`, wall time and peak RSS as for every other row.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { measureNode, median } from './measure.js';
import { ensureRendered } from './rendered.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const ZWGK = join(ROOT, 'bin', 'zwgk.js');
const PAGE = join(ROOT, 'dist', 'zwgk-workbench.html');
const rel = (p) => relative(ROOT, p) || '.';

/** Chromium as installed by apt (as the Chromium tests use it); `CHROMIUM_PATH` overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The flags the Chromium tests use (test/_helpers/html-browser.ts): nothing reaches the network on its own.
const CHROMIUM_FLAGS =
  '--no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic';
const CHROMIUM_ARGS = CHROMIUM_FLAGS.split(' ');

export const WORKBENCH_PEER = 'node bin/zwgk.js validate <scale>-clean.xlsx (the same workbook, a whole process)';

// Installed in the page before its own script: the moments the bench needs, kept on window.__bench.
const INSTRUMENTS = `(() => {
  const b = (window.__bench = { change: 0, reply: 0, inserted: 0, shown: 0, frames: [], longTasks: [] });
  document.addEventListener('change', () => { if (!b.change) b.change = performance.now(); }, true);
  const W = window.Worker;
  if (W) window.Worker = class extends W {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { if (!b.reply) b.reply = performance.now(); });
    }
  };
  const tick = (t) => { b.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  addEventListener('DOMContentLoaded', () => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('article.file')) return;
      observer.disconnect();
      b.inserted = performance.now();
      requestAnimationFrame(() => setTimeout(() => { b.shown = performance.now(); }));
    }).observe(document.body, { childList: true, subtree: true });
  });
})()`;

/** Peak and current resident set (MB) of a process, from /proc; undefined when it is gone. */
function procMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return undefined;
  }
}

/** The renderer processes of a browser (their pids), as Chromium lists them. */
async function rendererPids(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  await cdp.detach();
  return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** One check of `file` in the page, in a fresh browser: the moments, the memory and the responsiveness. */
async function pageRun(chromium, file) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const offNetwork = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (/^(file|blob):/.test(url)) return route.continue();
      offNetwork.push(url);
      return route.abort();
    });
    await context.addInitScript(INSTRUMENTS);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(pathToFileURL(PAGE).href);
    if ((await page.getAttribute('html', 'data-worker')) !== 'yes') throw new Error('the page started no worker');
    // The page's renderer: the only one holding the page once it has loaded (a spare one may idle beside it).
    const renderers = await rendererPids(browser);
    await page.waitForTimeout(300);
    const before = renderers.map((pid) => ({ pid, ...procMemory(pid) }));
    // The renderers' resident sets every 50 ms (ms since the upload began, MB), to tell in which phase the peak falls.
    const started = process.hrtime.bigint();
    const sinceStart = () => Number(process.hrtime.bigint() - started) / 1e6;
    const rss = renderers.map(() => []);
    const sampler = setInterval(() => {
      const t = sinceStart();
      renderers.forEach((pid, i) => rss[i].push([t, procMemory(pid)?.rssMB ?? 0]));
    }, 50);
    await page.setInputFiles('#check-files', file);
    // A function, not a string: the page's Content-Security-Policy forbids eval.
    await page.waitForFunction(() => globalThis.__bench.shown > 0, undefined, { timeout: 600_000, polling: 50 });
    const nodeSeconds = sinceStart() / 1000;
    clearInterval(sampler);
    const b = await page.evaluate(() => globalThis.__bench);
    const summary = await page.locator('article.file .summary').textContent();
    const counts = await page.evaluate(() => {
      const d = globalThis.document;
      return [
        d.querySelectorAll('article.file li[data-code]').length,
        d.querySelectorAll('article.file td').length,
        d.getElementsByTagName('*').length,
      ];
    });
    const heap = await (async () => {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const { metrics } = await cdp.send('Performance.getMetrics');
      await cdp.detach();
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
      return { usedMB: m.JSHeapUsedSize / 2 ** 20, totalMB: m.JSHeapTotalSize / 2 ** 20 };
    })();
    const after = renderers.map((pid) => ({ pid, ...procMemory(pid) }));
    // The page's renderer is the one that grew the most.
    let k = 0;
    for (let i = 1; i < after.length; i++)
      if (after[i].peakMB - before[i].rssMB > after[k].peakMB - before[k].rssMB) k = i;
    if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
    if (offNetwork.length > 0) throw new Error(`the page asked the network for ${offNetwork.join(', ')}`);
    // The longest time between two frames both drawn within [from, to].
    const gaps = (from, to) => {
      const within = b.frames.filter((t) => t >= from && t <= to);
      let longest = 0;
      for (let i = 1; i < within.length; i++) longest = Math.max(longest, within[i] - within[i - 1]);
      return longest;
    };
    // Tasks that ran within [from, to]; the task that takes the worker's reply (and builds the section) ends after it.
    const tasks = (from, to) =>
      b.longTasks.filter(([s, d]) => s + d > from && s + d <= to).reduce((m, [, d]) => Math.max(m, d), 0);
    return {
      seconds: (b.shown - b.change) / 1000,
      nodeSeconds,
      workerSeconds: (b.reply - b.change) / 1000,
      buildSeconds: (b.inserted - b.reply) / 1000,
      drawSeconds: (b.shown - b.inserted) / 1000,
      rssMB: after[k].peakMB,
      // The upload began (in Node) about when the page saw the file: the samples before the worker's reply.
      rssWhileCheckingMB: rss[k].filter(([t]) => t <= b.reply - b.change).reduce((m, [, mb]) => Math.max(m, mb), 0),
      baselineMB: before[k].rssMB,
      heapUsedMB: heap.usedMB,
      frameGapWhileCheckingMs: gaps(b.change, b.reply),
      frameGapMs: gaps(b.change, b.shown),
      longTaskWhileCheckingMs: tasks(b.change, b.reply),
      longTaskMs: tasks(b.change, b.shown),
      summary,
      findings: counts[0],
      cells: counts[1],
      elements: counts[2],
    };
  } finally {
    await browser.close();
  }
}

/** The medians of the numeric fields of `samples` (the rest from the first). */
function medians(samples) {
  const out = { ...samples[0], samples };
  for (const [key, value] of Object.entries(samples[0]))
    if (typeof value === 'number') out[key] = median(samples.map((s) => s[key]));
  return out;
}

/**
 * For each scale, the workbook checked in the page against `zwgk validate` on it, alternating (one untimed
 * warm-up of each). Rows in run.js's shape (kind `workbench`); none, with a note, when Chromium is missing.
 */
export async function workbenchRows({ rssDir, scales = ['city'], runs = 3, log = () => {}, notes = [] }) {
  if (!existsSync(CHROMIUM_PATH)) {
    const note = `workbench rows skipped: no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH)`;
    log(note);
    notes.push(note);
    return [];
  }
  if (!existsSync(PAGE)) throw new Error(`${rel(PAGE)} is missing: run \`npm run build\` first`);
  const { chromium } = await import('playwright-core');
  const rows = [];
  for (const scale of scales) {
    const input = ensureRendered(scale, 'xlsx', { log });
    const label = `${scale} workbench`;
    const cli = { args: [ZWGK, 'validate', rel(input.file)], ok: [0, 1] };
    await pageRun(chromium, input.file);
    await measureNode(rssDir, cli.args, cli.ok);
    const pageSamples = [];
    const cliSamples = [];
    for (let i = 0; i < runs; i++) {
      log(`${label}: run ${i + 1}/${runs}`);
      const order = i % 2 === 0 ? ['page', 'cli'] : ['cli', 'page'];
      for (const which of order)
        if (which === 'page') pageSamples.push(await pageRun(chromium, input.file));
        else cliSamples.push(await measureNode(rssDir, cli.args, cli.ok));
    }
    rows.push({
      kind: 'workbench',
      scale: label,
      files: 1,
      items: input.clean.items,
      bytes: input.bytes,
      runs,
      input: rel(input.file),
      peer: 'zwgk validate',
      zwgk: medians(pageSamples),
      floor: medians(cliSamples),
    });
  }
  return rows;
}

/** Lines describing the page's side of the rows beyond the table: the split of the time, the memory, responsiveness. */
export function workbenchLines(rows) {
  const lines = [];
  const f = (x, d = 2) => x.toFixed(d);
  for (const r of rows.filter((row) => row.kind === 'workbench')) {
    const p = r.zwgk;
    lines.push(
      `${r.scale}: page ${f(p.seconds)} s to findings shown (worker reads and checks ${f(p.workerSeconds)} s, section built ${f(p.buildSeconds)} s, drawn ${f(p.drawSeconds)} s; ${f(p.nodeSeconds)} s seen from Node), CLI ${f(r.floor.seconds)} s`,
      `  memory: renderer peak ${f(p.rssMB, 0)} MB (${f(p.baselineMB, 0)} MB before the upload, at most ${f(p.rssWhileCheckingMB, 0)} MB sampled while the worker checks; page JS heap ${f(p.heapUsedMB, 0)} MB after), CLI peak RSS ${f(r.floor.rssMB, 0)} MB`,
      `  responsiveness: longest frame gap ${f(p.frameGapWhileCheckingMs, 0)} ms while the worker checks, ${f(p.frameGapMs, 0)} ms in all; longest main-thread task ${f(p.longTaskWhileCheckingMs, 0)} ms while checking, ${f(p.longTaskMs, 0)} ms in all`,
      `  shown: ${p.summary}; ${p.findings} findings, ${p.cells} preview cells, ${p.elements} elements`,
    );
  }
  return lines;
}
